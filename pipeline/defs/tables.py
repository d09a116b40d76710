"""The contract tables: one corpus-wide step (`resolve.build_tables`, then the analysts' corrections:
`corrections.correct_tables`, and the build record: `build_record.build_info`) yielding each table as its own
asset.

Merging and event grouping need every document at once, so one op computes all tables; declaring
each table as its own asset gives each its own description, schema, row count and pandera check in
the UI. Its group, description and columns are its model's (schemas.CATALOG).

The documents' text (`documents.clean_text`, the largest column) stays in the per-document store: the
`documents` output lacks it, the corrections and validation read it there, and the publish copies it from the
store into the warehouse (pipeline/core/publish.py), so it never becomes a Python string of this run.
"""

import datetime as dt

import dagster as dg
import pandas as pd

from pipeline.core.build_record import Build, build_info
from pipeline.core.checked_spans import CheckedTexts
from pipeline.core.code_digest import code_digest
from pipeline.core.corrections import correct_tables
from pipeline.core.document_stage import ExtractStage, IngestStage
from pipeline.core.document_store import StoredTexts
from pipeline.core.reference import Rulebook
from pipeline.core.resolve import build_tables, keep_openings
from pipeline.core.validate import Validation, validate_all
from pipeline.defs.checks import (
    STALE_CORRECTIONS,
    TABLE_CHECK_SPECS,
    VALIDATED_TABLES,
    check_results,
    stale_corrections_result,
    validated_output,
)
from pipeline.defs.ingest import document_extractions, ingested_documents, markdown_preview
from pipeline.defs.resources import OWNERS, PipelineSettings
from schemas import TABLE_COLUMNS, TABLE_DESCRIPTIONS, TABLE_GROUPS, table_schema


def column_schema(table: str) -> dg.TableSchema:
    """The table's columns as the UI shows them: DuckDB type, meaning and constraints, from its pandera model."""
    columns = table_schema(table).columns
    return dg.TableSchema(columns=[
        dg.TableColumn(name, sql_type, description=columns[name].description,
                       constraints=dg.TableColumnConstraints(nullable=columns[name].nullable,
                                                             unique=bool(columns[name].unique)))
        for name, sql_type in TABLE_COLUMNS[table].items()])


TABLE_SPECS = [
    dg.AssetSpec(
        key=table, group_name=TABLE_GROUPS[table], description=TABLE_DESCRIPTIONS[table], owners=OWNERS,
        kinds={"pandas"}, deps=[ingested_documents, document_extractions],
        metadata={"dagster/column_schema": column_schema(table)},
    )
    for table in TABLE_COLUMNS
]


def table_metadata(table: str, df: pd.DataFrame) -> dict[str, object]:
    return {"dagster/row_count": len(df), "dagster/column_schema": column_schema(table),
            "preview": markdown_preview(df)}


def location_digest(rules: Rulebook) -> str:
    """The digest of every project module the code location imports (`code_digest`), for `Rulebook.derive`: computed
    once per process (as the store's fingerprint is, `PipelineSettings.cache`), since a process runs the code it
    imported; each run computed it again, 2 % of a one-document run (issue 16)."""
    return code_digest(("pipeline.definitions",))[:16]


def _build(run_id: str, rules: Rulebook, corrections_digest: str) -> Build:
    """What builds this run's warehouse: the code digest covers every project module the code location imports."""
    return Build(run_id, dt.datetime.now(dt.timezone.utc), rules.derive(location_digest), rules.digest,
                 corrections_digest)


def _validated(tables: dict[str, pd.DataFrame], build: Build, run_id: str, texts: StoredTexts) -> Validation:
    """The corrected tables with their build record, validated (the documents' text read from the store); the
    record then counts the rows that will be published (validation moves the rows it quarantines to
    rejected_records)."""
    tables["build_info"] = build_info(tables, build)
    validation = validate_all(tables, run_id=run_id, texts=texts)
    if validation.valid is not None:
        validation.valid["build_info"] = tables["build_info"] = build_info(validation.valid, build)
    return validation


@dg.multi_asset(specs=[*TABLE_SPECS, VALIDATED_TABLES], check_specs=[*TABLE_CHECK_SPECS, STALE_CORRECTIONS],
                name="contract_tables",
                description="Merge the per-document rows into the contract tables, group events and link "
                            "syndicated copies of one story, apply the analysts' corrections "
                            "(settings.corrections_file), record the build (build_info), then validate the corrected "
                            "tables (the tables' blocking checks and validated_tables).")
def contract_tables(context: dg.AssetExecutionContext, settings: PipelineSettings, ingested_documents: IngestStage,
                    document_extractions: ExtractStage):
    run_id, rules = context.run.run_id, settings.rulebook()
    corrections = settings.corrections()  # a malformed file stops the run here, before anything is built
    store = settings.cache(rules)
    build = _build(run_id, rules, corrections.digest)
    with store:  # a session of its own, so that DuckDB releases the texts read (resolve.keep_openings)
        keep_openings(store)
    with store:  # the keyed tables are merged again only where the changed files touch them (the build's code)
        built = build_tables(store, ingested_documents.rejections, rules, run_id=run_id,
                             source_urls=ingested_documents.source_urls, code=build.code_digest)
    # Opened again, so that what DuckDB kept of reading every row (about 150 MB at 5,000 documents) is released;
    # open until validated, as the documents' text is read there.
    with store:
        corrected = correct_tables(built, corrections, run_id=run_id, texts=store.texts())
        del built  # the corrected tables are copies: the built ones would be held through validation
        tables = dict(corrected.tables)
        texts = CheckedTexts(store)  # the spans the last run found at their offsets are not checked again
        validation = _validated(tables, build, run_id, texts)
        texts.remember()
    missing = set(TABLE_COLUMNS) - set(tables)
    if missing:
        raise dg.Failure(f"build_tables did not return {sorted(missing)}")
    stage = ingested_documents  # what this run cost, shown on the table people look at
    files = {"documents_processed": stage.processed, "documents_skipped": stage.skipped,
             "documents_rejected": len(stage.rejections),
             "syndicated_copies": int(tables["documents"]["copy_of"].notna().sum())}
    for table in TABLE_COLUMNS:
        metadata = table_metadata(table, tables[table]) | (files if table == "documents" else {})
        yield dg.MaterializeResult(asset_key=table, metadata=metadata)
    yield validated_output(validation)
    yield from check_results(validation)
    yield stale_corrections_result(corrected.rejections, len(corrected.applied))
