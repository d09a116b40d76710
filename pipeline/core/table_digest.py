"""A digest of each published table's content, to tell whether two runs published the same warehouse.

Two runs over the same input publish the same rows but not the same bytes: the DuckDB file's layout
and the columns that record the run itself (when a document was ingested, when and by which run a
record was rejected, when a correction was applied and the warehouse built: VOLATILE) differ. A table's digest covers every other column of every row, the
rows sorted, so it is equal exactly when the content is (the bench compares a local run with a Dask
run this way, and so do the tests).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from schemas import TABLE_COLUMNS

VOLATILE = frozenset({"ingested_at", "rejected_at", "run_id", "applied_at", "built_at"})  # differ between runs by design
_FETCH = 10_000  # rows per round trip


def content_columns(table: str) -> list[str]:
    """The columns of `table` that a run's content decides: all but VOLATILE."""
    return [c for c in TABLE_COLUMNS[table] if c not in VOLATILE]


def table_digests(warehouse: Path) -> dict[str, str]:
    """Table name -> sha256 of its content columns' rows, sorted, for every table of the contract."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {table: _digest(con, table) for table in TABLE_COLUMNS}
    finally:
        con.close()


def _digest(con: duckdb.DuckDBPyConnection, table: str) -> str:
    cols = ", ".join(f'"{c}"' for c in content_columns(table))
    cursor = con.execute(f'SELECT {cols} FROM "{table}" ORDER BY ALL')
    h = hashlib.sha256()
    while rows := cursor.fetchmany(_FETCH):
        for row in rows:
            h.update(repr(row).encode("utf-8") + b"\n")
    return h.hexdigest()
