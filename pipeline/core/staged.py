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
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.core.document_store import DocumentStore, release_cached_blocks

ROW = "_row"  # each row's place in the table (the index of the frame it stands for)
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


def stage_rows(store: DocumentStore, table: str, types: Mapping[str, str], key: str) -> StagedTable:
    """The distinct stored rows of `table` (as `DocumentStore.row_tuples(distinct=True)` gives them) in a staged
    table, ordered by `key` (nulls last), a key's rows in the store's order: the frame `resolve.build_tables` would
    make of them. A column of `types` the store lacks is null. Earlier runs' staged tables of `table` are dropped."""
    con = store.con
    relation = f"staged_{table}_{uuid.uuid4().hex[:12]}"
    for (old,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND "
                              "starts_with(table_name, ?)", [f"staged_{table}_"]).fetchall():
        con.execute(f"DROP TABLE {sql_name(old)}")
    stored, query, params = store.rows_query(table)
    if stored:
        values = ", ".join(f"CAST({sql_name(c) if c in stored else 'NULL'} AS {t}) AS {sql_name(c)}" for c, t in types.items())
        con.execute(f"CREATE TEMP TABLE _stored AS {query}", params)  # in the store's order: rowid is the place
        con.execute(f"CREATE TABLE {sql_name(relation)} AS SELECT CAST(row_number() OVER (ORDER BY {sql_name(key)} "
                    f"NULLS LAST, rowid) - 1 AS BIGINT) AS {ROW}, {values} FROM _stored ORDER BY {ROW}")
        con.execute("DROP TABLE _stored")
    else:
        columns = ", ".join(f"{sql_name(c)} {t}" for c, t in types.items())
        con.execute(f"CREATE TABLE {sql_name(relation)} ({ROW} BIGINT, {columns})")
    rows = con.execute(f"SELECT count(*) FROM {sql_name(relation)}").fetchone()[0]
    staged = StagedTable(table, types, relation, rows, store, store.path)
    staged._release()
    return staged


__all__ = ["ROW", "StagedTable", "sql_name", "stage_rows"]
