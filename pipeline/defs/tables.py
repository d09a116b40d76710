"""The contract tables: one corpus-wide step (`resolve.build_tables`) yielding each table as its own asset.

Merging and event grouping need every document at once, so one op computes all tables; declaring
each table as its own asset gives each its own description, schema, row count and pandera check in
the UI. Its group, description and columns are its model's (schemas.CATALOG).
"""

import dagster as dg
import pandas as pd

from pipeline.core.document_stage import IngestStage
from pipeline.core.extract import DocumentExtraction
from pipeline.core.resolve import build_tables
from pipeline.defs.checks import TABLE_CHECK_SPECS, VALIDATED_TABLES, validate_and_check
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
    ).with_io_manager_key("io_manager")
    for table in TABLE_COLUMNS
]


def table_metadata(table: str, df: pd.DataFrame) -> dict[str, object]:
    return {"dagster/row_count": len(df), "dagster/column_schema": column_schema(table),
            "preview": markdown_preview(df)}


@dg.multi_asset(specs=[*TABLE_SPECS, VALIDATED_TABLES], check_specs=TABLE_CHECK_SPECS, name="contract_tables",
                description="Merge the per-document rows into the contract tables, group events and link "
                            "syndicated copies of one story, then validate them (the tables' blocking checks and "
                            "validated_tables).")
def contract_tables(context: dg.AssetExecutionContext, settings: PipelineSettings, ingested_documents: IngestStage,
                    document_extractions: list[DocumentExtraction]):
    tables = build_tables(ingested_documents.documents, document_extractions, ingested_documents.rejections,
                          settings.rulebook(), run_id=context.run.run_id, source_urls=ingested_documents.source_urls)
    missing = set(TABLE_COLUMNS) - set(tables)
    if missing:
        raise dg.Failure(f"build_tables did not return {sorted(missing)}")
    stage = ingested_documents  # what this run cost, shown on the table people look at
    files = {"documents_processed": stage.processed, "documents_skipped": stage.skipped,
             "documents_rejected": len(stage.rejections),
             "syndicated_copies": int(tables["documents"]["copy_of"].notna().sum())}
    for table in TABLE_COLUMNS:
        metadata = table_metadata(table, tables[table]) | (files if table == "documents" else {})
        yield dg.Output(tables[table], output_name=table, metadata=metadata)
    yield from validate_and_check(tables, context.run.run_id)
