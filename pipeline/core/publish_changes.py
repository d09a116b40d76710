"""Publish a run's tables by changing a copy of the last warehouse, not by building every table again.

Why (issue 16): a run that adds one document changes a few rows of a few tables, but building the warehouse
afresh inserts every row and builds every primary-key index, which grows with the corpus. When the last
published warehouse was built by the same code and rules (its `build_info`), it is copied beside the target,
and each table of the copy is brought to exactly the run's rows:

- a table with a primary key: the rows whose content (every column but those that record the run itself,
  `table_digest.VOLATILE`, and the documents' text) is not in the run's rows are deleted by key, the run's
  rows that are not in the copy are inserted (a document's text from the per-document store, as a full build
  takes it), then the volatile columns are set to the run's values by key;
- a table without one: every row of a value whose count differs between the copy and the run's rows is
  deleted, and the run's rows of those values inserted, so the table holds each row as often as the run's.

The views are created again (warehouse/views.sql may have changed without the code), then the copy is
checked and swapped in as a full build is (`publish.publish_atomically`'s steps, under the writer lock):
readers never wait and never see a half-changed file, and a failure leaves the last warehouse. Same code
and rules mean the same contract and, for a document of the same bytes, the same text; when they differ (or
there is no warehouse yet, or it cannot be read), the warehouse is built afresh.
"""
from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.core.build_record import TABLE as BUILD_TABLE
from pipeline.core.document_store import TEXT_COLUMN, TEXT_TABLE
from pipeline.core.publish import (
    BUILD_SETTINGS,
    VIEWS_SQL,
    _check_columns,
    _json_as_text,
    _literal,
    _wal,
    contract_mismatches,
    publish_atomically,
    quote,
    swap_in,
)
from pipeline.core.table_digest import VOLATILE
from schemas import CATALOG, Catalog

_BUILT_BY = ("code_digest", "rulebook_digest")  # what must be the same for the last warehouse to be changed


def publish_changes(tables: dict[str, pd.DataFrame], target: Path, catalog: Catalog = CATALOG, keep: int = 0,
                    on_wait: Callable[[str], object] | None = None, texts: Path | None = None) -> dict[str, int]:
    """`publish.publish_atomically`'s result, by changing a copy of the warehouse at `target` when it was built by
    the same code and rules as `tables` (their build_info) and the documents' text is in the store at `texts`;
    else by `publish_atomically` itself. Returns the row count of every contract table."""
    target = Path(target)
    if texts is None or not _changeable(target, tables, catalog):
        return publish_atomically(tables, target, catalog, keep, on_wait, texts)
    return swap_in(target, lambda temp: _changed_copy(tables, target, temp, catalog, texts), keep, on_wait)


def _changed_copy(tables: Mapping[str, pd.DataFrame], target: Path, temp: Path, catalog: Catalog,
                  texts: Path) -> dict[str, int]:
    """A copy of the warehouse at `target`, at `temp`, brought to `tables`' rows; their row counts."""
    shutil.copyfile(target, temp)
    return _apply(tables, temp, catalog, texts)


def _changeable(target: Path, tables: Mapping[str, pd.DataFrame], catalog: Catalog) -> bool:
    """The warehouse at `target` exists alone (no write-ahead log), has the contract's tables and types, and was
    built by the code and rules that built `tables`."""
    new = tables.get(BUILD_TABLE)
    if not target.is_file() or _wal(target).exists() or new is None or new.empty:
        return False
    try:
        if contract_mismatches(target, catalog):
            return False
        with duckdb.connect(str(target), read_only=True) as con:
            built = con.execute(f"SELECT DISTINCT {', '.join(_BUILT_BY)} FROM {BUILD_TABLE}").fetchall()
    except duckdb.Error:
        return False
    return built == [tuple(new.iloc[0][c] for c in _BUILT_BY)]


def _apply(tables: Mapping[str, pd.DataFrame], path: Path, catalog: Catalog, texts: Path) -> dict[str, int]:
    """Bring every contract table of the warehouse at `path` to `tables`' rows; their row counts."""
    unknown = sorted(set(tables) - set(catalog.columns))
    if unknown:
        raise ValueError(f"not contract tables: {', '.join(unknown)}")
    con = duckdb.connect(str(path), config=BUILD_SETTINGS)  # the memory limit of a full build (publish.py)
    try:
        con.execute("SET TimeZone = 'UTC'")
        con.execute(f"ATTACH {_literal(str(texts))} AS _store (READ_ONLY)")
        # One transaction, as a full build's: each statement committed alone synced the file's log, about forty
        # syncs a run (issue 16)
        con.execute("BEGIN TRANSACTION")
        for table, cols in catalog.columns.items():
            frame = tables.get(table, pd.DataFrame(columns=list(cols)))
            stored_text = table == TEXT_TABLE and TEXT_COLUMN not in frame.columns
            held = {c: t for c, t in cols.items() if not (stored_text and c == TEXT_COLUMN)}
            _check_columns(table, frame, held)
            con.register("_frame", _json_as_text(frame, held))
            try:
                casts = ", ".join(f"CAST({quote(c)} AS {t}) AS {quote(c)}" for c, t in held.items())
                con.execute(f"CREATE OR REPLACE TEMP TABLE _new AS SELECT {casts} FROM _frame")
            finally:
                con.unregister("_frame")
            keys = catalog.primary_keys.get(table)
            _change(con, table, list(held), list(keys) if keys else None, cols)
            con.execute("DROP TABLE _new")
        con.execute(VIEWS_SQL.read_text(encoding="utf-8"))
        con.execute("COMMIT")
        con.execute("DETACH _store")
        counts = {t: con.execute(f"SELECT count(*) FROM {quote(t)}").fetchone()[0] for t in catalog.columns}
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return counts


def _row_hash(columns: list[str], alias: str = "") -> str:
    return f"hash({', '.join(alias + quote(c) for c in columns)})"


def _change(con: duckdb.DuckDBPyConnection, table: str, held: list[str], keys: list[str] | None,
            cols: Mapping[str, str]) -> None:
    """Bring `table` to the rows of `_new`: every row of a content whose count differs between them is deleted and
    the run's rows of that content inserted; then, in a table with a key, the volatile columns are set by key.

    Contents are compared by DuckDB's 64-bit hash of the row, counted: rows of the same hash are replaced together,
    so two contents of one hash are still published right unless one replaced the other one for one."""
    content = [c for c in held if c not in VOLATILE] if keys else held
    row, new_row = _row_hash(content), _row_hash(content, "n.")
    con.execute(f"""CREATE OR REPLACE TEMP TABLE _differ AS
        SELECT coalesce(o.h, n.h) AS h FROM (SELECT {row} AS h, count(*) AS k FROM {quote(table)} GROUP BY 1) o
        FULL OUTER JOIN (SELECT {row} AS h, count(*) AS k FROM _new GROUP BY 1) n ON o.h = n.h
        WHERE o.k IS DISTINCT FROM n.k""")
    if con.execute("SELECT count(*) FROM _differ").fetchone()[0]:
        con.execute(f"DELETE FROM {quote(table)} WHERE {row} IN (SELECT h FROM _differ)")
        wanted = f"FROM _new n WHERE {new_row} IN (SELECT h FROM _differ)"
        if TEXT_COLUMN in cols and TEXT_COLUMN not in held:  # the documents' text, from the store
            values = ", ".join(f"s.{quote(c)}" if c == TEXT_COLUMN else f"n.{quote(c)}" for c in cols)
            count = con.execute(f"SELECT count(*) {wanted}").fetchone()[0]
            inserted = con.execute(
                f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in cols)}) SELECT {values} FROM _new n "
                "JOIN _store.documents s ON s.source_path = n.source_path AND s.content_sha256 = n.content_sha256 "
                f"WHERE {new_row} IN (SELECT h FROM _differ)").fetchone()[0]
            if inserted != count:
                raise RuntimeError(f"the document store holds the text of {inserted} of the {count} documents to "
                                   "publish: it changed since this run validated them")
        else:
            con.execute(f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in held)}) "
                        f"SELECT {', '.join(f'n.{quote(c)}' for c in held)} {wanted}")
    con.execute("DROP TABLE _differ")
    volatile = [c for c in held if c in VOLATILE] if keys else []
    if volatile:
        sets = ", ".join(f"{quote(c)} = n.{quote(c)}" for c in volatile)
        on = " AND ".join(f"{quote(table)}.{quote(k)} = n.{quote(k)}" for k in keys)
        differs = " OR ".join(f"{quote(table)}.{quote(c)} IS DISTINCT FROM n.{quote(c)}" for c in volatile)
        con.execute(f"UPDATE {quote(table)} SET {sets} FROM _new n WHERE {on} AND ({differs})")


__all__ = ["publish_changes"]
