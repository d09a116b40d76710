"""The build record: which run, code, rules and corrections built a warehouse, and how many rows each table has.

Why: a warehouse file answers questions long after the run that built it; to trust an answer, or compare two
kept warehouses (pipeline/core/history.py), one must know what built each. The record is a table of the
warehouse itself (`build_info`, schemas.models.BuildInfo), so it travels with the file, and a reader asks it
in SQL: `SELECT table_name, row_count FROM build_info`.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.core.version import PIPELINE_VERSION
from schemas import CATALOG, Catalog

TABLE = "build_info"


@dataclass(frozen=True)
class Build:
    """What built a warehouse: the run and its time, the code's digest, the rulebook's and the corrections'."""

    run_id: str | None
    built_at: dt.datetime
    code_digest: str
    rulebook_digest: str
    corrections_digest: str
    code_version: str = PIPELINE_VERSION


def build_info(tables: Mapping[str, pd.DataFrame], build: Build, catalog: Catalog = CATALOG) -> pd.DataFrame:
    """The `build_info` table of a warehouse of `tables`: one row per table of the catalog but itself, in catalog
    order, with its row count in `tables` (0 for a table absent from them) and what built it."""
    when = pd.Timestamp(build.built_at)
    when = when.tz_convert("UTC").tz_localize(None) if when.tzinfo is not None else when
    rows = [{"table_name": table, "row_count": len(tables[table]) if table in tables else 0, "run_id": build.run_id,
             "built_at": when, "code_version": build.code_version, "code_digest": build.code_digest,
             "rulebook_digest": build.rulebook_digest, "corrections_digest": build.corrections_digest}
            for table in catalog.columns if table != TABLE]
    return catalog.schema(TABLE).validate(pd.DataFrame(rows, columns=list(catalog.columns[TABLE])))


def _recorded(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute("select count(*) from information_schema.tables where table_name = ?", [TABLE]).fetchone()[0] > 0


def built_at(warehouse: Path) -> dt.datetime:
    """When the warehouse at `warehouse` was built (UTC, naive, as build_info stores it), so kept warehouses can be
    put in the order they were built (pipeline/core/history.py). A warehouse built before warehouses recorded
    their build gives the time its file was last written, which filing and rollback keep (a hard link is the same
    file; a copy keeps the time)."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        recorded = con.execute(f"select max(built_at) from {TABLE}").fetchone()[0] if _recorded(con) else None
    if recorded is not None:
        return recorded
    return dt.datetime.fromtimestamp(Path(warehouse).stat().st_mtime, dt.timezone.utc).replace(tzinfo=None)


def describe_build(warehouse: Path) -> str:
    """What built the warehouse at `warehouse`, in a few words, from its build_info table."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        if not _recorded(con):
            return "built before warehouses recorded their build"
        row = con.execute(f"select run_id, built_at, code_version, code_digest, sum(row_count) from {TABLE} "
                          "group by all").fetchone()
    if row is None:
        return "its build record is empty"
    run_id, built_at, version, digest, rows = row
    return f"built {built_at:%Y-%m-%d %H:%M:%S} UTC by run {run_id}, code {version} ({digest}), {rows} rows"


__all__ = ["TABLE", "Build", "build_info", "built_at", "describe_build"]
