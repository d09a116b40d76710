"""Ingest group: raw files -> cleaned documents -> per-document extractions, both through the cache."""

import dagster as dg
import pandas as pd

from pipeline.core.document_stage import IngestStage, extract_with_cache, ingest_with_cache
from pipeline.core.extract import DocumentExtraction
from pipeline.core.guards import RunRefused, published_document_count, shrink_problem, writable_problem
from pipeline.defs.resources import OWNERS, PipelineSettings

PREVIEW_ROWS = 10
PREVIEW_FACTS = ("agreements", "delegations", "labs")  # per-document counts shown for the extractions
# Rejections logged one per line; the rest are counted in one line. Every one is a rejected_records row,
# and a run of 100,000 documents must not write an event per document into the instance's event log.
LOGGED_REJECTIONS = 20


def markdown_preview(df: pd.DataFrame, rows: int = PREVIEW_ROWS, width: int = 80) -> dg.MetadataValue:
    """The first rows as a markdown table, long text cut short so the UI stays readable."""
    head = df.head(rows).copy()
    for col in head.columns:
        head[col] = head[col].map(lambda v: v if not isinstance(v, str) or len(v) <= width else v[: width - 1] + "…")
    return dg.MetadataValue.md(head.to_markdown(index=False) if len(head) else "_(no rows)_")


def log_rejections(context: dg.AssetExecutionContext, lines: list[str]) -> None:
    """The first LOGGED_REJECTIONS lines as warnings, and how many more there are in one line."""
    for line in lines[:LOGGED_REJECTIONS]:
        context.log.warning(line)
    if len(lines) > LOGGED_REJECTIONS:
        context.log.warning(f"and {len(lines) - LOGGED_REJECTIONS} more rejections: see rejected_records")


def _shrink_guard(settings: PipelineSettings):
    """Stop (before the cache is pruned) a run that would publish an empty or much smaller warehouse."""
    def guard(stage: IngestStage) -> None:
        if settings.allow_shrink:
            return
        reasons = [f"{r.record.get('source_path', '?')}: {r.errors}" for r in stage.rejections]
        problem = shrink_problem(len(stage.documents), published_document_count(settings.warehouse_file), reasons)
        if problem:
            raise RunRefused(problem)
    return guard


@dg.asset(
    group_name="ingest", kinds={"python"}, owners=OWNERS,
    description="Every file in the raw folder read, decoded and cleaned: the documents (clean text, title, "
                "publisher, publication date) and the files rejected with their reason. Unchanged files come "
                "from the per-document cache, with their extractions for document_extractions; the metadata "
                "counts processed, skipped and rejected files.",
)
def ingested_documents(context: dg.AssetExecutionContext, settings: PipelineSettings) -> IngestStage:
    problem = writable_problem(settings.warehouse_file.parent)
    if problem:
        raise RunRefused(problem)
    rules = settings.rulebook()
    executor = settings.executor()
    stage = ingest_with_cache(settings.raw_path, settings.max_bytes, settings.cache(rules), rules,
                              _shrink_guard(settings), executor)
    log_rejections(context, [f"rejected {r.record.get('source_path', '?')}: {r.errors}" for r in stage.rejections])
    preview = pd.DataFrame([{"source_path": d.source_path, "title": d.title, "published_on": d.published_on}
                            for d in stage.documents])
    context.add_output_metadata({
        "dagster/row_count": len(stage.documents), "seen": stage.seen, "processed": stage.processed,
        "skipped": stage.skipped, "rejected": len(stage.rejections), "cache_entries_pruned": stage.pruned,
        "raw_dir": str(settings.raw_path), "engine": executor.description, "preview": markdown_preview(preview),
    })
    return stage


@dg.asset(
    group_name="ingest", kinds={"python"}, owners=OWNERS,
    description="One extraction per document: the organisations, people, places, mentions, agreements, "
                "delegations, labs and domains it states, as rows with final ids. Reused from the cache "
                "when the document, the reference data and the code are unchanged.",
)
def document_extractions(context: dg.AssetExecutionContext, settings: PipelineSettings,
                         ingested_documents: IngestStage) -> list[DocumentExtraction]:
    rules = settings.rulebook()
    executor = settings.executor()
    extractions, computed = extract_with_cache(ingested_documents, settings.cache(rules), rules, executor)
    log_rejections(context, [f"rejected a {r.table_name} record of document {ex.document_id}: {r.errors}"
                             for ex in extractions for r in ex.rejections])
    rows = sum(len(items) for ex in extractions for items in ex.rows.values())
    preview = pd.DataFrame([{"document_id": ex.document_id, **{t: len(ex.rows[t]) for t in PREVIEW_FACTS},
                             "rows": sum(len(items) for items in ex.rows.values()),
                             "rejections": len(ex.rejections)} for ex in extractions])
    context.add_output_metadata({"dagster/row_count": len(extractions), "extracted": computed,
                                 "reused": len(extractions) - computed, "rows": rows,
                                 "rejected": sum(len(ex.rejections) for ex in extractions),
                                 "engine": executor.description,
                                 "preview": markdown_preview(preview)})
    return extractions
