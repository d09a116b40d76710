"""Ingest group: raw files -> cleaned documents -> per-document extractions, both kept in the per-document store."""

import dagster as dg
import pandas as pd

from pipeline.core.document_stage import ExtractStage, IngestStage, extract_with_cache, ingest_with_cache
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
        problem = shrink_problem(stage.documents, published_document_count(settings.warehouse_file), reasons)
        if problem:
            raise RunRefused(problem)
    return guard


@dg.asset(
    group_name="ingest", kinds={"python", "duckdb"}, owners=OWNERS,
    description="Every file in the raw folder read, decoded and cleaned: the documents (clean text, title, "
                "publisher, publication date) and the files rejected with their reason, kept in the per-document "
                "store (settings.cache_dir) under the file's content hash and the pipeline's fingerprint. Files "
                "the store already holds are not parsed again; the metadata counts processed, skipped and "
                "rejected files.",
)
def ingested_documents(context: dg.AssetExecutionContext, settings: PipelineSettings) -> IngestStage:
    problem = writable_problem(settings.warehouse_file.parent)
    if problem:
        raise RunRefused(problem)
    rules = settings.rulebook()
    executor = settings.executor()
    with settings.cache(rules) as store:
        stage = ingest_with_cache(settings.raw_path, settings.max_bytes, store, rules, _shrink_guard(settings),
                                  executor)
        first = store.documents(limit=PREVIEW_ROWS)
    log_rejections(context, [f"rejected {r.record.get('source_path', '?')}: {r.errors}" for r in stage.rejections])
    preview = pd.DataFrame([{"source_path": d.source_path, "title": d.title, "published_on": d.published_on}
                            for d in first])
    context.add_output_metadata({
        "dagster/row_count": stage.documents, "seen": stage.seen, "processed": stage.processed,
        "skipped": stage.skipped, "rejected": len(stage.rejections), "cache_entries_pruned": stage.pruned,
        "raw_dir": str(settings.raw_path), "store": dg.MetadataValue.path(str(store.path)),
        "engine": executor.description, "preview": markdown_preview(preview),
    })
    return stage


@dg.asset(
    group_name="ingest", kinds={"python", "duckdb"}, owners=OWNERS, deps=[ingested_documents],
    description="One extraction per document: the organisations, people, places, mentions, agreements, "
                "delegations, labs and domains it states, as rows with final ids, kept in the per-document "
                "store beside its document (one table of the store per per-document table). Only documents "
                "without a stored extraction are extracted; the rows of deleted files are removed.",
)
def document_extractions(context: dg.AssetExecutionContext, settings: PipelineSettings) -> ExtractStage:
    rules = settings.rulebook()
    executor = settings.executor()
    with settings.cache(rules) as store:
        stage = extract_with_cache(store, rules, executor)
    log_rejections(context, [f"rejected a {r.table_name} record of document {r.document_id}: {r.errors}"
                             for r in stage.rejections])
    preview = pd.DataFrame([{"table": table, "rows": n} for table, n in stage.rows.items()])
    context.add_output_metadata({"dagster/row_count": stage.documents, "extracted": stage.extracted,
                                 "reused": stage.documents - stage.extracted, "rows": sum(stage.rows.values()),
                                 "rejected": len(stage.rejections), "store": dg.MetadataValue.path(str(store.path)),
                                 "engine": executor.description,
                                 "preview": markdown_preview(preview, rows=len(preview))})
    return stage
