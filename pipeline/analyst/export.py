"""Export the warehouse's tables (and optionally its views) to Parquet or CSV files, one per relation.

For analysts whose tools do not read DuckDB. The warehouse is opened read-only, so an export
never blocks or disturbs a running build (which swaps a new file in; this connection keeps
reading the old one). DuckDB writes the files itself (`COPY ... TO`), so nothing passes through
pandas and the types survive in Parquet.

CSV files are mostly opened in spreadsheets, so the SELECT that feeds `COPY` rewrites two kinds of
column. Lists become JSON arrays (`["Huawei Technologies Co., Ltd.","University of Macau"]`):
DuckDB's own `[a, b]` text quotes only the items that need it, so it cannot be split back reliably,
while any tool parses JSON. Text a spreadsheet would run as a formula (a cell starting with `=`,
`+`, `-`, `@`, a tab or a carriage return; names and evidence come from scraped web pages) gets a
leading apostrophe, as OWASP recommends against CSV injection. Text that is just a number (`-3`)
stays as it is, and so do numeric, date and JSON columns.
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from pipeline.core.publish import quote, view_names
from schemas import TABLE_COLUMNS

FORMATS = ("parquet", "csv")
_COPY_OPTIONS = {"parquet": "FORMAT parquet", "csv": "FORMAT csv, HEADER true"}
# a text cell a spreadsheet would evaluate: a formula start that is not the sign of a plain number
_FORMULA = (r"left({c}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) "
            r"AND NOT regexp_full_match({c}, '[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?')")


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


def _csv_select(con: duckdb.DuckDBPyConnection, relation: str, escape_formulas: bool) -> str:
    """The SELECT that feeds a relation's CSV file: lists as JSON arrays, formula-like text escaped."""
    columns = []
    for name, column_type, *_ in con.execute(f"DESCRIBE SELECT * FROM {quote(relation)}").fetchall():
        c = quote(name)
        if column_type.endswith("[]"):
            columns.append(f"to_json({c}) AS {c}")
        elif column_type == "VARCHAR" and escape_formulas:
            columns.append(f"CASE WHEN {_FORMULA.format(c=c)} THEN '''' || {c} ELSE {c} END AS {c}")
        else:
            columns.append(c)
    return f"SELECT {', '.join(columns)} FROM {quote(relation)}"


def export_warehouse(warehouse: Path, out_dir: Path, fmt: str, include_views: bool = False,
                     escape_formulas: bool = True) -> dict[str, Path]:
    """Write every contract table (and every view when asked) to `out_dir/<name>.<fmt>`.

    Returns relation -> file, in contract order then views.sql order. Existing files of the same
    names are overwritten; other files in `out_dir` are left alone. `escape_formulas` applies to CSV
    only; lists are JSON arrays in CSV either way.
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
            select = _csv_select(con, name, escape_formulas) if fmt == "csv" else f"SELECT * FROM {quote(name)}"
            con.execute(f"COPY ({select}) TO {_literal(path)} ({_COPY_OPTIONS[fmt]})")
            written[name] = path
        return written
    finally:
        con.close()


__all__ = ["FORMATS", "WarehouseMissing", "export_warehouse", "open_read_only"]
