"""Pandera validation as blocking asset checks, one per contract table, made by a factory over TABLE_MODELS.

A table that cannot be validated at all (a missing column: a bug in the stage that built it) fails
with severity ERROR, which stops the publish and keeps the previous warehouse. Rows that fail their
model only warn: the warehouse asset moves them to rejected_records and the run goes on. Either way
the metadata carries the counts. `published_contract` then checks the file the warehouse asset wrote:
every contract table and column with its DuckDB type, and every view.
"""

from collections.abc import Iterable

import dagster as dg
import duckdb
import pandas as pd

from pipeline.core.publish import quote
from pipeline.core.validate import TableSchemaError, validate_rows
from pipeline.defs.ingest import markdown_preview
from schemas import TABLE_COLUMNS, TABLE_MODELS

CONTRACT_VIEWS = ("agreement_overview", "delegation_overview", "lab_overview", "agreement_events",
                  "collaboration_network")
SAMPLE_ERRORS = 10
CHECK_NAME = "pandera_schema"


def pandera_result(table: str, df: pd.DataFrame) -> dg.AssetCheckResult:
    """Validate one table with its model: ERROR when it cannot be validated, WARN for bad rows."""
    try:
        _, rejections = validate_rows(table, df)
    except TableSchemaError as exc:
        return dg.AssetCheckResult(asset_key=table, check_name=CHECK_NAME, passed=False,
                                   severity=dg.AssetCheckSeverity.ERROR, description=str(exc),
                                   metadata={"rows": len(df), "table_error": str(exc)})
    sample = pd.DataFrame([{"errors": r.errors} for r in rejections[:SAMPLE_ERRORS]])
    return dg.AssetCheckResult(
        asset_key=table, check_name=CHECK_NAME, passed=not rejections, severity=dg.AssetCheckSeverity.WARN,
        description=f"{len(rejections)} of {len(df)} rows fail the model and will be quarantined"
        if rejections else None,
        metadata={"rows": len(df), "failed_rows": len(rejections),
                  "sample_errors": markdown_preview(sample, width=200)},
    )


def pandera_checks(tables: Iterable[str]) -> dg.AssetChecksDefinition:
    """One blocking `pandera_schema` check per table, evaluated together in one step.

    A single step instead of one per table: the checks are quick, and each Dagster step costs
    about as much in event-log writes as the validation itself.
    """
    tables = list(tables)
    specs = [dg.AssetCheckSpec(CHECK_NAME, asset=table, blocking=True,
                               description=f"Validate {table} against schemas.{TABLE_MODELS[table].__name__}: a "
                                           "missing column stops the publish; invalid rows are counted here and "
                                           "quarantined by the warehouse asset.")
             for table in tables]

    @dg.multi_asset_check(specs=specs, ins={table: dg.AssetIn(table) for table in tables}, can_subset=True,
                          name="pandera_checks", description="Pandera validation of every contract table.")
    def _checks(context: dg.AssetCheckExecutionContext, **frames: pd.DataFrame):
        for key in sorted(context.selected_asset_check_keys, key=lambda k: k.asset_key.to_user_string()):
            table = key.asset_key.to_user_string()
            yield pandera_result(table, frames[table])

    return _checks


TABLE_CHECKS = pandera_checks(TABLE_MODELS)


PUBLISHED_CONTRACT = dg.AssetCheckSpec(
    "published_contract", asset="cooperation_warehouse",
    description="The published file holds every contract table with the contract's column types, and every "
                "contract view runs.")


def published_contract_result(db_path: str) -> dg.AssetCheckResult:
    problems = contract_mismatches(db_path)
    details = "\n".join(f"- {p}" for p in problems) or "none"
    return dg.AssetCheckResult(check_name=PUBLISHED_CONTRACT.name, passed=not problems,
                               metadata={"problems": len(problems), "details": dg.MetadataValue.md(details)})


def contract_mismatches(db_path: str) -> list[str]:
    """What in the DuckDB file at `db_path` differs from the contract's tables, types and views."""
    problems = []
    con = duckdb.connect(db_path, read_only=True)
    try:
        rows = con.execute("SELECT table_name, column_name, data_type FROM information_schema.columns "
                           "WHERE table_schema = 'main'").fetchall()
        views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
        for view in CONTRACT_VIEWS:
            if view not in views:
                problems.append(f"view {view} is missing")
                continue
            try:
                con.execute(f"SELECT * FROM {quote(view)} LIMIT 0")
            except duckdb.Error as exc:
                problems.append(f"view {view} does not run: {exc}")
    finally:
        con.close()
    found: dict[str, dict[str, str]] = {}
    for table, column, data_type in rows:
        found.setdefault(table, {})[column] = data_type
    for table, columns in TABLE_COLUMNS.items():
        for column, sql_type in columns.items():
            got = found.get(table, {}).get(column)
            if got != sql_type:
                problems.append(f"{table}.{column}: expected {sql_type}, found {got or 'nothing'}")
    return problems
