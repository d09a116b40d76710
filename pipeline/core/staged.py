"""A contract table kept in DuckDB from the per-document store to the warehouse, instead of a pandas frame.

Why (issue 16): the run held every table as a pandas frame from `build_tables` to the publish, about 9 KB a
document, `mentions` half of it, so its peak memory grew with the corpus. A staged table stays a table of the
store's file (`staged_<table>_<token>`): `build_tables` makes it from the stored rows in SQL, the analysts'
corrections change it with SQL updates, validation reads only the rows a rule could reject (pipeline/core/
validate.py), and the publish copies it with INSERT ... SELECT from the attached store. Only the rows that are
rejected, and a few for the UI's preview, ever become Python objects.

Its rows keep the order a frame of them would have: `_row` is each row's place (0, 1, ...), numbered again after
rows are deleted, as `reset_index` numbers a frame's rows, so that row labels, rejections and their order are
those of the frame.

The name carries a token of the run that made it, and making one drops the tables earlier runs staged: a publish
whose staged table another run has replaced since fails (the table is gone) rather than publish that run's rows.
A `StagedTable` is pickled without its store (Dagster hands it from one step to the next); the publish finds the
table in the store's file, which it attaches.
"""
from __future__ import annotations

import uuid
from collections.abc import Callable, Collection, Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from pipeline.core.document_store import DocumentStore, release_cached_blocks

ROW = "_row"  # each row's place in the table (the index of the frame it stands for)
_KEPT = "kept_"  # the rows kept for the next run (`keep_rows`): kept_<table>_<token>
_DTYPES = {"INTEGER": "Int64", "VARCHAR": "str"}  # a column's dtype in frames of its rows (other types: objects)


def sql_name(identifier: str) -> str:
    """A DuckDB identifier in double quotes."""
    return '"' + identifier.replace('"', '""') + '"'


class StagedTable:
    """The rows of contract table `name`, of the contract's `types` (column -> DuckDB type), in the table
    `relation` of the store's database; `rows` is their count (kept as rows are deleted, so that counting them
    needs no query). Used on the open `store`'s connection."""

    def __init__(self, name: str, types: Mapping[str, str], relation: str, rows: int, store: DocumentStore | None,
                 path: Path | None):
        self.name, self.types, self.relation, self.rows = name, dict(types), relation, rows
        self.store, self.path = store, path

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "store": None}

    def __repr__(self) -> str:
        return f"StagedTable({self.name}, {self.rows} rows in {self.relation})"

    def __len__(self) -> int:
        return self.rows

    @property
    def columns(self) -> list[str]:
        return list(self.types)

    @property
    def empty(self) -> bool:
        return self.rows == 0

    @property
    def con(self):
        if self.store is None:
            raise RuntimeError(f"{self!r} is not bound to an open document store")
        return self.store.con

    @property
    def sql(self) -> str:
        """The table's name in SQL (on the store's connection)."""
        return sql_name(self.relation)

    # ------------------------------------------------------------ reading

    def frame(self, where: str = "TRUE", params: list | None = None, limit: int | None = None) -> pd.DataFrame:
        """The rows `where` holds (SQL over the table's columns), in order, as the frame they stand for: indexed by
        their place, whole numbers as nullable integers, texts as Python strings."""
        columns = ", ".join(sql_name(c) for c in self.types)
        query = f"SELECT {ROW}, {columns} FROM {self.sql} WHERE {where} ORDER BY {ROW}"
        rows = self.con.execute(query + (f" LIMIT {int(limit)}" if limit is not None else ""), params or []).fetchall()
        return self._typed(rows)

    def head(self, n: int = 5) -> pd.DataFrame:
        """The first `n` rows (markdown_preview takes them as it takes a frame's)."""
        return self.frame(limit=n).reset_index(drop=True)

    def rows_at(self, places: Collection[int]) -> pd.DataFrame:
        """The rows at `places`, in order."""
        self.con.register("_places", pd.DataFrame({ROW: list(places)}, dtype="int64"))
        try:
            return self.frame(f"{ROW} IN (SELECT {ROW} FROM _places)")
        finally:
            self.con.unregister("_places")

    def chunks(self, size: int) -> Iterator[pd.DataFrame]:
        """Every row, `size` at a time, in order (each chunk as `frame` gives it)."""
        for start in range(0, self.rows, size):
            yield self.frame(f"{ROW} >= ? AND {ROW} < ?", [start, start + size])

    def _typed(self, rows: list[tuple]) -> pd.DataFrame:
        """Rows (place first) as the frame `resolve.build_tables` makes of stored rows: whole numbers as nullable
        integers, texts as pandas text."""
        data = list(zip(*rows)) if rows else [()] * (len(self.types) + 1)
        return pd.DataFrame({c: pd.array(list(values), dtype=_DTYPES.get(self.types[c], object))
                             for c, values in zip(self.types, data[1:])}, index=pd.Index(list(data[0]), dtype="int64"))

    # ------------------------------------------------------------ changing

    def execute(self, statement: str, params: list | None = None) -> int:
        """Run an UPDATE or DELETE over the table (`{table}` in `statement` names it); how many rows it changed.
        Deleted rows are then numbered again."""
        changed = self.con.execute(statement.format(table=self.sql), params or []).fetchone()[0]
        if changed and statement.lstrip().upper().startswith("DELETE"):
            self.rows -= changed
            self._renumber()
        self._release()
        return changed

    def drop(self, places: Collection[int]) -> None:
        """Delete the rows at `places` (the others keep their order, numbered again)."""
        if not places:
            return
        self.con.register("_places", pd.DataFrame({ROW: list(places)}, dtype="int64"))
        try:
            self.execute(f"DELETE FROM {{table}} WHERE {ROW} IN (SELECT {ROW} FROM _places)")
        finally:
            self.con.unregister("_places")

    def drop_copies(self) -> None:
        """Keep only the first of each set of rows equal in every column (`DataFrame.duplicated(keep="first")`: nulls
        equal)."""
        columns = ", ".join(sql_name(c) for c in self.types)
        self.execute(f"DELETE FROM {{table}} WHERE {ROW} IN (SELECT {ROW} FROM (SELECT {ROW}, row_number() OVER "
                     f"(PARTITION BY {columns} ORDER BY {ROW}) AS _copy FROM {{table}}) WHERE _copy > 1)")

    def _renumber(self) -> None:
        columns = ", ".join(sql_name(c) for c in self.types)
        self.con.execute(f"CREATE OR REPLACE TABLE {self.sql} AS SELECT CAST(row_number() OVER (ORDER BY {ROW}) - 1 "
                         f"AS BIGINT) AS {ROW}, {columns} FROM {self.sql} ORDER BY {ROW}")

    def _release(self) -> None:
        if self.path is not None:
            release_cached_blocks(self.con)


def _fresh_relation(store: DocumentStore, table: str) -> str:
    """A new staged table's name for `table`; earlier runs' staged tables of `table` are dropped."""
    con = store.con
    for (old,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND "
                              "starts_with(table_name, ?)", [f"staged_{table}_"]).fetchall():
        con.execute(f"DROP TABLE {sql_name(old)}")
    return f"staged_{table}_{uuid.uuid4().hex[:12]}"


def _staged(store: DocumentStore, table: str, types: Mapping[str, str], relation: str) -> StagedTable:
    rows = store.con.execute(f"SELECT count(*) FROM {sql_name(relation)}").fetchone()[0]
    staged = StagedTable(table, types, relation, rows, store, store.path)
    staged._release()
    return staged


def _empty(store: DocumentStore, types: Mapping[str, str], relation: str) -> None:
    columns = ", ".join(f"{sql_name(c)} {t}" for c, t in types.items())
    store.con.execute(f"CREATE TABLE {sql_name(relation)} ({ROW} BIGINT, {columns})")


def stage_rows(store: DocumentStore, table: str, types: Mapping[str, str], key: str,
               build: Callable[[tuple[str, Collection[Any]] | None], pd.DataFrame] | None = None) -> StagedTable:
    """The distinct stored rows of `table` (as `DocumentStore.row_tuples(distinct=True)` gives them), or the rows
    `build(None)` merges (`keep_rows`), in a staged table ordered by `key` (nulls last), a key's rows in their
    order: the frame `resolve.build_tables` would make of them. A column of `types` the store lacks is null.
    Earlier runs' staged tables of `table` are dropped."""
    return stage_kept(store, table, types, key, keep_rows(store, table, types, key, build=build))


def keep_rows(store: DocumentStore, table: str, types: Mapping[str, str], key: str, token: str | None = None,
              touched: Collection[Any] | None = None,
              build: Callable[[tuple[str, Collection[Any]] | None], pd.DataFrame] | None = None) -> str:
    """Keep the rows of `table` in the store's database for the next run (`kept_<table>_<token>`, each row with
    `_pos`, its place among the rows written with it), and return the token of the table kept: the last run's
    (`token`) with the rows of the `touched` values of `key` made again, when it is there and `touched` is given,
    else every row (earlier kept tables of `table` dropped). The rows are the store's distinct rows, or, with
    `build`, the frame it makes (`build((key, values))` of those values' rows, `build(None)` of every row: a table
    merged in Python, `resolve.Keyed.build`), which is let go once written.

    Why (issue 16): making a staged table from every stored row is a window over the whole corpus each run, and
    a merged table kept as a frame is held in memory with every other; an incremental run patches the rows of the
    keys its changed files touch, as `resolve._keyed` patches the frames it keeps. The kept table is renamed with
    each change, in the change's transaction, so a kept-tables file of the run before (which names the old token)
    finds nothing and every row is made again."""
    con = store.con
    old = f"{_KEPT}{table}_{token}"
    there = token is not None and con.execute("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND "
                                              "table_name = ?", [old]).fetchone()[0]
    patch = bool(there) and touched is not None
    if patch and not touched:
        return token
    new = f"{_KEPT}{table}_{uuid.uuid4().hex[:12]}"
    among = (key, touched) if patch else None
    con.execute("BEGIN TRANSACTION")
    try:
        stored = _rows_in_order(store, table, among, build)
        values = ", ".join(f"CAST({sql_name(c) if c in stored else 'NULL'} AS {t}) AS {sql_name(c)}"
                           for c, t in types.items())
        if patch:
            present = [v for v in touched if v is not None]
            con.execute(f"DELETE FROM {sql_name(old)} WHERE {sql_name(key)} IN (SELECT unnest(?::VARCHAR[])) OR "
                        f"({sql_name(key)} IS NULL AND ?)", [present, len(present) < len(touched)])
            con.execute(f"ALTER TABLE {sql_name(old)} RENAME TO {sql_name(new)}")
        else:
            for (gone,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND "
                                       "starts_with(table_name, ?)", [f"{_KEPT}{table}_"]).fetchall():
                con.execute(f"DROP TABLE {sql_name(gone)}")
            columns = ", ".join(f"{sql_name(c)} {t}" for c, t in types.items())
            con.execute(f"CREATE TABLE {sql_name(new)} ({columns}, _pos BIGINT)")
        if stored:
            con.execute(f"INSERT INTO {sql_name(new)} SELECT {values}, rowid FROM _stored")
            con.execute("DROP TABLE _stored")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    if store.path is not None:
        release_cached_blocks(con)
    return new.removeprefix(f"{_KEPT}{table}_")


def _rows_in_order(store: DocumentStore, table: str, among: tuple[str, Collection[Any]] | None,
                   build: Callable[[tuple[str, Collection[Any]] | None], pd.DataFrame] | None) -> list[str]:
    """The rows `keep_rows` keeps (those `among` names, or every row) as the temporary table `_stored`, in their
    order (its rowid); their columns (none, and no table, when there is no row)."""
    con = store.con
    if build is None:
        stored, query, params = store.rows_query(table, among)
        if stored:
            con.execute(f"CREATE TEMP TABLE _stored AS {query}", params)  # in the store's order
        return stored
    frame = build(among)
    if not len(frame):
        return []
    con.register("_frame", frame.reset_index(drop=True).assign(_pos=np.arange(len(frame), dtype="int64")))
    try:
        con.execute("CREATE TEMP TABLE _stored AS SELECT * EXCLUDE (_pos) FROM _frame ORDER BY _pos")
    finally:
        con.unregister("_frame")
    return list(frame.columns)


def stage_kept(store: DocumentStore, table: str, types: Mapping[str, str], key: str, token: str) -> StagedTable:
    """This run's staged table of `table` from the rows `keep_rows` kept under `token`: ordered by `key` (nulls
    last), a key's rows in the store's order. Earlier runs' staged tables of `table` are dropped."""
    relation = _fresh_relation(store, table)
    columns = ", ".join(sql_name(c) for c in types)
    store.con.execute(f"CREATE TABLE {sql_name(relation)} AS SELECT CAST(row_number() OVER (ORDER BY "
                      f"{sql_name(key)} NULLS LAST, _pos) - 1 AS BIGINT) AS {ROW}, {columns} FROM "
                      f"{sql_name(_KEPT + table + '_' + token)} ORDER BY {ROW}")
    return _staged(store, table, types, relation)


__all__ = ["ROW", "StagedTable", "keep_rows", "sql_name", "stage_kept", "stage_rows"]
