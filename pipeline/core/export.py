"""Export the warehouse's tables (and optionally its views) to Parquet or CSV files, one per relation.

For analysts whose tools do not read DuckDB. The warehouse is opened read-only, so an export
never blocks or disturbs a running build (which swaps a new file in; this connection keeps
reading the old one). DuckDB writes the files itself (`COPY ... TO`), so nothing passes through
pandas and the types survive in Parquet; in CSV, lists are written as DuckDB's `[a, b]` text.
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from pipeline.core.publish import quote, view_names
from schemas import TABLE_COLUMNS

FORMATS = ("parquet", "csv")
_COPY_OPTIONS = {"parquet": "FORMAT parquet", "csv": "FORMAT csv, HEADER true"}


class WarehouseMissing(FileNotFoundError):
    """The warehouse file to read does not exist (build it first)."""


def open_read_only(warehouse: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection; a clear error instead of DuckDB's when the file is absent."""
    warehouse = Path(warehouse)
    if not warehouse.is_file():
        raise WarehouseMissing(f"warehouse {warehouse} does not exist; build it first with `python -m pipeline run`")
    return duckdb.connect(str(warehouse), read_only=True)


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def export_warehouse(warehouse: Path, out_dir: Path, fmt: str, include_views: bool = False) -> dict[str, Path]:
    """Write every contract table (and every view when asked) to `out_dir/<name>.<fmt>`.

    Returns relation -> file, in contract order then views.sql order. Existing files of the same
    names are overwritten; other files in `out_dir` are left alone.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    con = open_read_only(warehouse)
    try:
        out_dir = Path(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        names = [*TABLE_COLUMNS, *(view_names() if include_views else [])]
        written = {}
        for name in names:
            path = out_dir / f"{name}.{fmt}"
            con.execute(f"COPY (SELECT * FROM {quote(name)}) TO {_literal(path)} ({_COPY_OPTIONS[fmt]})")
            written[name] = path
        return written
    finally:
        con.close()


__all__ = ["FORMATS", "WarehouseMissing", "export_warehouse", "open_read_only"]
