"""The per-document store: what each source file became, kept between runs as rows in one DuckDB file.

Parsing and extraction are pure functions of a file's bytes, its path, the rulebook and the code of the
per-document stage, so their result can be reused whenever all of those are unchanged. The store keeps,
for every source file, its entry (content sha256 and how far it got: `rejected` when parsing refused it,
`parsed`, `extracted`), its parsed document, its rejections, and its rows of every per-document table
(organizations, mentions, agreements, ...), each table a table of the store with the table's own
columns and types plus the source file (`_source`) and the row's place in the document's rows (`_seq`).

Why a DuckDB file rather than a pickle per document (as before) or Parquet files per batch:
- a run looks its entries up with one query and never loads an unchanged document's parse or rows
  until the corpus-wide step reads them, table by table, as columns;
- a changed or deleted file's rows are replaced or removed with a DELETE, in a transaction, where
  batch files would have to be rewritten (or their dead rows filtered out on every read);
- the corpus-wide step can read (and in time merge) the rows with SQL.
Only one process writes it: the run's own (workers, local or on a Dask cluster, send their results
back), which is also the only one that sees the file.

The store holds the rows of one fingerprint (`pipeline_fingerprint`: version, rulebook and stage code),
recorded in the file: opened under another fingerprint, every entry is stale, and the store starts
empty (the next run re-extracts everything, as a change of rules or code requires). The rows of a table
have the columns the extraction gives (the columns filled later, such as `corrected_by`, are not
stored), learnt from the first rows written under the fingerprint.

The folder is the store's own (by default `<warehouse name>.cache/` beside the warehouse), marked with a
`CACHEDIR.TAG` so backup tools skip it; deleting it is always safe. Beside the store, `file-status.json`
records each file's status when it was last read, so that the stage can recognise an unchanged file
without reading it (see document_stage.py).
"""
from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
import tempfile
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from pipeline.core.records import IngestedDocument, Rejection

STORE_FILE = "documents.duckdb"
# The contract table and column of the documents' text, which stays here and is read by SQL where it is needed
# (StoredTexts): the corpus-wide step's documents frame lacks it.
TEXT_TABLE, TEXT_COLUMN = "documents", "clean_text"
LAYOUT = 3  # the store's own tables; a store of another layout is started afresh
REJECTED, PARSED, EXTRACTED = "rejected", "parsed", "extracted"  # how far a file got
_STATUS_INDEX = "file-status.json"
_TAG_NAME = "CACHEDIR.TAG"  # https://bford.info/cachedir/: backup tools skip a folder holding it
_TAG = (b"Signature: 8a477f597d28d172789f06886806bc55\n"
        b"# This folder is the per-document cache of the cooperation warehouse; it can be deleted.\n")
# Entries of the pickle cache of earlier versions (one file per document): removed when the store is first used.
_PICKLED_ENTRY = re.compile(r"[0-9a-f]{16}\.pkl")
_PICKLED_MARKS = (b"pipeline.core.document_cache", b"CacheEntry")
_DOCUMENT_TYPES = {field.name: "DATE" if field.name == "published_on" else "VARCHAR"
                   for field in dataclasses.fields(IngestedDocument)}
_INTEGER = ("INTEGER", "BIGINT", "SMALLINT")
_RELEASE_LIMIT = "1MB"  # the memory limit that makes DuckDB evict every block no query holds (release_cached_blocks)
_HELD_VARIABLE = "store_memory_held"  # the connection's variable naming the limit of `DocumentStore.memory_held`
_STREAMING_MEMORY = "16MB"  # DuckDB's memory while it streams the opening signatures (`opening_signatures`)
_DEFERRED_CHECKPOINT = "1TB"  # DuckDB's checkpoint threshold inside `DocumentStore.checkpoints_deferred`
_ROW_GROUP_ROWS = 122_880  # DuckDB's rows in a row group: `checkpoints_deferred` checkpoints once per as many written
_HASH = np.dtype("<u8")  # the 64-bit hashes of an opening, kept as little-endian bytes
_SIGNATURES_AT_ONCE = 2_048  # rows fetched from DuckDB at once (`opening_signatures`, `document_columns`)


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _rows_table(table: str) -> str:
    return _quote(f"rows_{table}")


class StoreBusy(RuntimeError):
    """Another process has the store open (another run on the same warehouse)."""


class DocumentStore:
    """The store of one folder (or in memory, `directory=None`, for tests) under one fingerprint.

    `tables` maps each per-document table to its columns' DuckDB types. Open it with `with`; a store
    holds one connection while open.
    """

    def __init__(self, directory: Path | None, fingerprint: str, tables: Mapping[str, Mapping[str, str]]):
        self.directory = Path(directory) if directory is not None else None
        self.fingerprint = fingerprint
        self.tables = tables
        self._con: duckdb.DuckDBPyConnection | None = None
        self._columns: dict[str, list[str]] | None = None  # `_stored_columns` of every table, read once a session

    # ------------------------------------------------------------ opening

    @property
    def path(self) -> Path | None:
        """The store's file (None in memory)."""
        return self.directory / STORE_FILE if self.directory is not None else None

    def __enter__(self) -> DocumentStore:
        self._columns = None
        self._con = self._connect()
        self._prepare()
        return self

    def __exit__(self, *exc) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
        self._columns = None

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise RuntimeError("the document store is not open: use it in a `with` block")
        return self._con

    def _connect(self) -> duckdb.DuckDBPyConnection:
        if self.directory is None:
            return duckdb.connect(":memory:")
        self._make_folder()
        path = self.path
        try:
            return duckdb.connect(str(path))
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreBusy(f"the document store {path} is in use by another run on this warehouse; "
                                "wait for it to finish") from exc
            raise

    def _make_folder(self) -> None:
        """A folder the store makes is its own: tag it (not one the user named)."""
        if not self.directory.is_dir():
            try:
                self.directory.mkdir(parents=True)
            except FileExistsError:
                return
            (self.directory / _TAG_NAME).write_bytes(_TAG)

    def _prepare(self) -> None:
        """Start afresh when the file holds another fingerprint's rows or another layout."""
        con = self.con
        con.execute("CREATE TABLE IF NOT EXISTS store_info (fingerprint VARCHAR, layout INTEGER)")
        found = con.execute("SELECT fingerprint, layout FROM store_info").fetchall()
        if found == [(self.fingerprint, LAYOUT)]:
            return
        con.execute("BEGIN TRANSACTION")
        for (name,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'").fetchall():
            con.execute(f"DROP TABLE {_quote(name)}")
        con.execute("CREATE TABLE store_info (fingerprint VARCHAR, layout INTEGER)")
        con.execute("INSERT INTO store_info VALUES (?, ?)", [self.fingerprint, LAYOUT])
        con.execute("CREATE TABLE entries (source_path VARCHAR, content_sha256 VARCHAR, document_id VARCHAR, "
                    "state VARCHAR)")
        columns = ", ".join(f"{_quote(c)} {t}" for c, t in _DOCUMENT_TYPES.items())
        con.execute(f"CREATE TABLE documents ({columns})")
        con.execute("CREATE TABLE rejections (source_path VARCHAR, seq INTEGER, stage VARCHAR, table_name VARCHAR, "
                    "record VARCHAR, errors VARCHAR, document_id VARCHAR)")
        con.execute("CREATE TABLE openings (source_path VARCHAR, shingles BLOB, signature BLOB)")
        con.execute("COMMIT")
        if self.directory is not None:
            _remove_pickled_entries(self.directory)

    # ------------------------------------------------------------ looking up

    def entries(self) -> dict[str, tuple[str, str]]:
        """source_path -> (content_sha256, state) of every file the store holds."""
        return {path: (sha, state) for path, sha, state in
                self.con.execute("SELECT source_path, content_sha256, state FROM entries").fetchall()}

    def entry_states(self) -> dict[str, tuple[str, str, str, str | None]]:
        """source_path -> (content_sha256, document_id, state, sidecar URL of its parse) of every file the store
        holds: under the store's fingerprint, what the file's stored rows are a function of (resolve.py keeps merged
        tables by it). The URL dates a page that states no date, so a file parsed again for a URL of another date
        has new rows under the same bytes (document_stage._parsed_with)."""
        return {path: (sha, document_id, state, url) for path, sha, document_id, state, url in self.con.execute(
            "SELECT e.source_path, e.content_sha256, e.document_id, e.state, d.sidecar_url FROM entries e "
            "LEFT JOIN documents d ON d.source_path = e.source_path").fetchall()}

    def source_keys(self, table: str, column: str, sources: Collection[str] | None = None) -> list[tuple[str, Any]]:
        """The distinct (source_path, `column` value) pairs of `table`'s stored rows, of the files `sources` (or of
        every file): which keys each file's rows reach."""
        if not self._stored_columns(table) or (sources is not None and not sources):
            return []
        where = "" if sources is None else " WHERE _source IN (SELECT unnest(?))"
        return self.con.execute(f"SELECT DISTINCT _source, {_quote(column)} FROM {_rows_table(table)}{where}",
                                [] if sources is None else [sorted(sources)]).fetchall()

    def rejections(self, stage: str) -> list[tuple[str, Rejection]]:
        """(source_path, rejection) of the stored rejections of one stage (`parse` or `extract`), by source file
        and in their order."""
        rows = self.con.execute("SELECT source_path, table_name, record, errors, document_id FROM rejections "
                                "WHERE stage = ? ORDER BY source_path, seq", [stage]).fetchall()
        return [(path, Rejection(table, json.loads(record), errors, document_id))
                for path, table, record, errors, document_id in rows]

    def sidecar_urls(self) -> dict[str, str | None]:
        """source_path -> the sidecar URL each stored document was parsed with (None: none)."""
        return dict(self.con.execute("SELECT source_path, sidecar_url FROM documents").fetchall())

    def unextracted(self) -> list[str]:
        """The source paths of the parsed documents not yet extracted, in path order."""
        return [p for (p,) in self.con.execute(
            "SELECT source_path FROM entries WHERE state = ? ORDER BY source_path", [PARSED]).fetchall()]

    def documents(self, source_paths: Sequence[str] | None = None, limit: int | None = None) -> list[IngestedDocument]:
        """The stored documents (those of `source_paths`, or every one), in path order."""
        columns = ", ".join(_quote(c) for c in _DOCUMENT_TYPES)
        sql = f"SELECT {columns} FROM documents"
        if source_paths is not None:
            frame = pd.DataFrame({"source_path": list(source_paths)})
            self.con.register("_wanted", frame)
            sql += " WHERE source_path IN (SELECT source_path FROM _wanted)"
        sql += " ORDER BY source_path" + (f" LIMIT {int(limit)}" if limit is not None else "")
        try:
            rows = self.con.execute(sql).fetchall()
        finally:
            if source_paths is not None:
                self.con.unregister("_wanted")
        return [IngestedDocument(**dict(zip(_DOCUMENT_TYPES, row))) for row in rows]

    def document_columns(self) -> dict[str, list[Any]]:
        """Every stored document's fields but its text (`TEXT_COLUMN`, which stays here: `texts`), in path order, a
        list of values per field: read a batch of rows at a time, so that neither a row object per document nor
        every row's tuple is held (about 1.7 KB a document as dicts, issue 16)."""
        columns: dict[str, list[Any]] = {c: [] for c in _DOCUMENT_TYPES if c != TEXT_COLUMN}
        read = self.con.execute(f"SELECT {', '.join(_quote(c) for c in columns)} FROM documents ORDER BY source_path")
        while batch := read.fetchmany(_SIGNATURES_AT_ONCE):
            for values, read_values in zip(columns.values(), zip(*batch)):
                values.extend(read_values)
        if self.directory is not None:
            release_cached_blocks(self.con)
        return columns

    def texts(self) -> StoredTexts:
        """The stored documents' texts, read when asked for (the store must stay open while they are used)."""
        return StoredTexts(self.con, cached=self.directory is None)

    def language_counts(self) -> dict[str, int]:
        """Stored documents per language code."""
        return dict(self.con.execute("SELECT language, count(*) FROM documents GROUP BY language").fetchall())

    def document_count(self) -> int:
        return self.con.execute("SELECT count(*) FROM documents").fetchall()[0][0]

    def rows(self, table: str, among: tuple[str, Collection[Any]] | None = None) -> list[dict[str, Any]]:
        """Every stored row of `table` (those `among` names: see `row_tuples`), as the extraction gave it, by
        document id and then in the document's order."""
        columns, rows = self.row_tuples(table, among=among)
        return [dict(zip(columns, row)) for row in rows]

    def row_tuples(self, table: str, *, distinct: bool = False, by: str | None = None,
                   among: tuple[str, Collection[Any]] | None = None) -> tuple[list[str], list[tuple]]:
        """(columns, rows as tuples) of `table`, in the order of `rows`, with the grouping done by DuckDB so
        that no row of the corpus becomes a Python dict.

        `distinct`: only the first of each set of equal rows, equal in every column's text as
        `kinds.base.distinct` compares them (a null is the text "None"; the tables' columns are text, whole
        numbers and dates, whose DuckDB text is Python's). `by`: ordered by that column first (then as `rows`).
        `among` (column, values): only the rows whose column holds one of the values (None for a null), chosen
        before `distinct` compares rows, so a value's rows are those it has among all rows.
        """
        columns, query, params = self._rows_query(table, distinct, by, among)
        return columns, self.con.execute(query, params).fetchall() if columns else []

    def row_frames(self, table: str, *, distinct: bool = False, vectors: int = 10,
                   among: tuple[str, Collection[Any]] | None = None) -> Iterator[pd.DataFrame]:
        """`row_tuples` as frames built by DuckDB, each of at most `vectors` DuckDB vectors (2,048 rows), in
        order: for a table that is published as it is stored (mentions, a fifth of a million rows at 10,000
        documents), no row becomes a Python tuple on the way, and the caller holds one batch's fresh strings at
        a time, not the whole table's (issue 16: framed at once, they put 35 to 50 MB more on the run's RSS at
        10,000 documents until it ends). Nothing, for a table with nothing stored."""
        columns, query, params = self._rows_query(table, distinct, None, among)
        if not columns:
            return
        result = self.con.execute(query, params)
        while len(frame := result.fetch_df_chunk(vectors)):
            yield frame

    def _rows_query(self, table: str, distinct: bool, by: str | None,
                    among: tuple[str, Collection[Any]] | None) -> tuple[list[str], str, list]:
        """The stored columns of `table`, the query of `row_tuples` over them and its parameters (no columns:
        nothing stored)."""
        columns = self._stored_columns(table)
        if not columns:
            return [], "", []
        selected = ", ".join(f"t.{_quote(c)}" for c in columns)
        order = "e.document_id, t._source, t._seq"
        source = f"{_rows_table(table)} t JOIN entries e ON e.source_path = t._source"
        params: list = []
        if among is not None:
            column, values = among
            present = [v for v in values if v is not None]
            source += (f" WHERE (t.{_quote(column)} IN (SELECT unnest(?::VARCHAR[])) "
                       f"OR (t.{_quote(column)} IS NULL AND ?))")
            params = [present, len(present) < len(values)]
        if distinct:
            texts = ", ".join(f"coalesce(CAST(t.{_quote(c)} AS VARCHAR), 'None')" for c in columns)
            source = (f"(SELECT t.*, e.document_id AS _document_id, row_number() OVER (PARTITION BY {texts} "
                      f"ORDER BY {order}) AS _copy FROM {source}) t")
            source, order = f"{source} WHERE t._copy = 1", "t._document_id, t._source, t._seq"
        if by is not None:
            order = f"t.{_quote(by)}, {order}"
        return columns, f"SELECT {selected} FROM {source} ORDER BY {order}", params

    def unopened(self) -> list[dict[str, Any]]:
        """The source path and title of each stored document whose opening is not kept (`write_openings`), in path
        order: only those two fields, as every document's are not needed to find the few missing (issue 16)."""
        return [{"source_path": path, "title": title} for path, title in self.con.execute(
            "SELECT d.source_path, d.title FROM documents d WHERE NOT EXISTS "
            "(SELECT 1 FROM openings o WHERE o.source_path = d.source_path) ORDER BY d.source_path").fetchall()]

    def opening_signatures(self, source_paths: Sequence[str], width: int,
                           digest: Callable[[np.ndarray], np.ndarray] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The MinHash signatures of the kept openings of `source_paths` (syndication.fingerprints: a function of
        the parsed document alone, removed with its parse) that take part in the comparison: the positions in
        `source_paths` of those (ascending), and their signatures, a row of `width` values each in that order, or
        what `digest` makes of them (a function of a batch of signatures, a row each, to a row each). An opening too
        short to take part has a signature of zeros and is left out. The shingles stay in the store until
        `opening_shingles` asks for the few that LSH makes candidates.

        The signatures (about 1.8 KB a document) are streamed, a batch of rows at a time, into one array, or
        digested batch by batch so that only the digests are held: fetched whole as bytes and stacked they were held
        about three times over, growing with the corpus (issue 16: +80 MB at 20,000 documents). The query is a scan
        alone (each path's position is looked up here, not joined), so DuckDB is held to `_STREAMING_MEMORY` while it
        streams: it kept every block read until the end, 130 MB at 50,000 documents. A few paths (a batch's worth:
        the documents a run changed, the LSH candidates) are looked up by DuckDB instead, so that their reading does
        not grow with the corpus (issue 16). `source_paths` are distinct."""
        digest = digest or (lambda signatures: signatures)
        shape = digest(np.zeros((0, width), dtype=_HASH))
        if not source_paths:
            return np.zeros(0, dtype=np.intp), shape
        position = {path: at for at, path in enumerate(source_paths)}
        digests = np.empty((len(source_paths), *shape.shape[1:]), dtype=shape.dtype)
        taking_part = np.zeros(len(source_paths), dtype=bool)
        few = len(source_paths) <= _SIGNATURES_AT_ONCE
        with self.memory_held(_STREAMING_MEMORY) if self.directory is not None else contextlib.nullcontext():
            read = self.con.execute("SELECT source_path, signature FROM openings WHERE signature <> ?"
                                    + (" AND source_path IN (SELECT unnest(?::VARCHAR[]))" if few else ""),
                                    [bytes(width * _HASH.itemsize), *([list(source_paths)] if few else [])])
            while batch := read.fetchmany(_SIGNATURES_AT_ONCE):
                wanted = [(position[path], signature) for path, signature in batch if path in position]
                if wanted:
                    at, read_signatures = zip(*wanted)
                    digests[list(at)] = digest(np.frombuffer(b"".join(read_signatures), dtype=_HASH)
                                               .reshape(len(at), width))
                    taking_part[list(at)] = True
        if self.directory is not None:
            release_cached_blocks(self.con)
        if taking_part.all():
            return np.arange(len(source_paths), dtype=np.intp), digests
        positions = np.flatnonzero(taking_part)
        return positions, digests[positions]

    @contextlib.contextmanager
    def memory_held(self, limit: str) -> Iterator[None]:
        """DuckDB's memory held to `limit` inside the block: what it reads or writes past that is evicted (written
        blocks not yet checkpointed to its spill folder) rather than kept until memory runs short.

        For a long write: DuckDB's checkpoints rewrite a table's growing row group whole, so writing the openings of
        20,000 documents a batch at a time peaked 200 MB over its start, growing with the corpus (issue 16), 115 MB
        with 64 MB held. For a long scan whose rows are streamed (`opening_signatures`): the blocks read are dropped
        as it goes. When DuckDB already holds more than `limit` that it cannot evict, the limit is not
        set (as in `release_cached_blocks`)."""
        try:
            self.con.execute(f"SET memory_limit = '{limit}'")
        except duckdb.OutOfMemoryException:
            yield
            return
        self.con.execute(f"SET VARIABLE {_HELD_VARIABLE} = '{limit}'")
        try:
            yield
        finally:
            self.con.execute(f"RESET VARIABLE {_HELD_VARIABLE}")
            self.con.execute("RESET memory_limit")

    @contextlib.contextmanager
    def checkpoints_deferred(self, every_rows: int = _ROW_GROUP_ROWS) -> Iterator[Callable[[int], None]]:
        """No automatic checkpoint of DuckDB inside the block (its threshold raised to `_DEFERRED_CHECKPOINT`): one
        each time the block has written `every_rows` rows (DuckDB's row group: tell the function the block gets the
        rows of each batch written), and one when the block ends without an error. In between, the rows it commits
        wait in the write-ahead log (and, over DuckDB's memory limit, in its spill folder).

        For a long write a batch at a time (`keep_openings`): each automatic checkpoint (at every 16 MB of log)
        rewrites the table's last row group whole, up to 122,880 rows, so a table growing by batches is rewritten
        again and again, quadratic in its rows (issue 16). A checkpoint a row group of rows at a time writes each
        row group about twice, and keeps the log to about a row group's rows however large the corpus (at 50,000
        documents one checkpoint at the end left 190 MB of log). A block that raises leaves its committed batches
        in the log, checkpointed later as usual."""
        pending = 0

        def wrote(rows: int) -> None:
            nonlocal pending
            pending += rows
            if pending >= every_rows and self.directory is not None:
                self.con.execute("CHECKPOINT")
                pending = 0

        if self.directory is None:
            yield wrote
            return
        self.con.execute(f"SET checkpoint_threshold = '{_DEFERRED_CHECKPOINT}'")
        try:
            yield wrote
        finally:
            self.con.execute("RESET checkpoint_threshold")
        self.con.execute("CHECKPOINT")

    def opening_shingles(self, source_paths: Sequence[str]) -> dict[str, np.ndarray]:
        """source_path -> opening shingles of the kept openings among `source_paths`."""
        if not source_paths:  # an empty frame's column would be typed as numbers
            return {}
        self.con.register("_wanted", pd.DataFrame({"source_path": list(source_paths)}))
        try:
            return {path: np.frombuffer(shingles, dtype=_HASH) for path, shingles in self.con.execute(
                "SELECT source_path, shingles FROM openings WHERE source_path IN (SELECT source_path FROM _wanted)"
            ).fetchall()}
        finally:
            self.con.unregister("_wanted")

    def write_openings(self, openings: Mapping[str, tuple[np.ndarray, np.ndarray]]) -> None:
        """Keep each document's (opening shingles, signature), by source path."""
        frame = pd.DataFrame([(path, shingles.astype(_HASH).tobytes(), signature.astype(_HASH).tobytes())
                              for path, (shingles, signature) in openings.items()],
                             columns=["source_path", "shingles", "signature"])
        with self._transaction():
            self._insert("openings", frame, {"source_path": "VARCHAR", "shingles": "BLOB", "signature": "BLOB"})

    def row_counts(self) -> dict[str, int]:
        """Stored rows per per-document table."""
        return {t: (self.con.execute(f"SELECT count(*) FROM {_rows_table(t)}").fetchall()[0][0]
                    if self._stored_columns(t) else 0) for t in self.tables}

    def _stored_columns(self, table: str) -> list[str]:
        """The columns of `table`'s stored rows (none: nothing stored). DuckDB's catalog is read once for every
        table and kept until the session ends or a table of rows is made or a write rolled back: a run asks
        about a hundred times, each a scan of the catalog (about 2.5 ms, issue 16's one-document run)."""
        if self._columns is None:
            self._columns = {}
            for name, column in self.con.execute(
                    "SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'main' "
                    "AND starts_with(table_name, 'rows_') ORDER BY table_name, column_index").fetchall():
                if column not in ("_source", "_seq"):
                    self._columns.setdefault(name.removeprefix("rows_"), []).append(column)
        return list(self._columns.get(table, []))

    def _stored_layout(self, tables: Collection[str]) -> dict[str, list[str]]:
        """The stored columns of each of `tables` whose rows table exists: a write of a batch reads the layout of
        every per-document table, from `_stored_columns`' one read of the catalog."""
        return {t: columns for t in tables if (columns := self._stored_columns(t))}

    # ------------------------------------------------------------ writing

    def write_parsed(self, outcomes: Sequence[tuple[str, str, IngestedDocument | Rejection]]) -> None:
        """Store (source_path, content_sha256, parsed document or rejection) for each file, replacing what
        the store held for it (its earlier parse and rows)."""
        if not outcomes:
            return
        paths = [path for path, _, _ in outcomes]
        entries = [(path, sha, o.document_id if isinstance(o, IngestedDocument) else None,
                    PARSED if isinstance(o, IngestedDocument) else REJECTED) for path, sha, o in outcomes]
        documents = [dataclasses.asdict(o) for _, _, o in outcomes if isinstance(o, IngestedDocument)]
        rejections = [(path, 0, "parse", o) for path, _, o in outcomes if isinstance(o, Rejection)]
        with self._transaction():
            self._delete(paths, everything=True)
            self._insert("entries", pd.DataFrame(entries, columns=["source_path", "content_sha256", "document_id",
                                                                   "state"]))
            self._insert("documents", _frame(documents, _DOCUMENT_TYPES), _DOCUMENT_TYPES)
            self._insert_rejections(rejections)

    def write_extracted(self, results: Sequence[tuple[str, Mapping[str, list[dict[str, Any]]], list[Rejection], bool]]) -> None:
        """Store (source_path, rows per table, rejections, done) of each extracted document, replacing its
        earlier rows; `done` False keeps it to be extracted again next run (a failure that depends on the
        machine), its rejections still stored for this run's tables."""
        if not results:
            return
        paths = [path for path, _, _, _ in results]
        with self._transaction():
            layout = self._stored_layout(self.tables)
            self._delete(paths, everything=False, layout=layout)
            for table in self.tables:
                items = [(path, seq, row) for path, rows, _, _ in results for seq, row in enumerate(rows.get(table, ()))]
                if items:
                    self._insert_rows(table, items, layout.get(table, []))
            self._insert_rejections([(path, seq, "extract", r) for path, _, rejections, _ in results
                                     for seq, r in enumerate(rejections)])
            done = pd.DataFrame({"source_path": [path for path, _, _, ok in results if ok]})
            if len(done):
                self.con.register("_done", done)
                self.con.execute("UPDATE entries SET state = ? WHERE source_path IN (SELECT source_path FROM _done)",
                                 [EXTRACTED])
                self.con.unregister("_done")

    def prune(self, keep_source_paths: Iterable[str]) -> int:
        """Remove every file's entry, parse and rows but those of `keep_source_paths`; returns how many files."""
        keep = set(keep_source_paths)
        gone = [p for p in self.entries() if p not in keep]
        if gone:
            with self._transaction():
                self._delete(gone, everything=True)
        return len(gone)

    def _delete(self, paths: Sequence[str], everything: bool, layout: Mapping[str, list[str]] | None = None) -> None:
        """Delete the rows of `paths`: their extraction's, and with `everything` their entries and parses too.
        `layout`: `_stored_layout` of the tables, when the caller has it."""
        layout = self._stored_layout(self.tables) if layout is None else layout
        self.con.register("_paths", pd.DataFrame({"source_path": list(paths)}))
        try:
            targets = [(_rows_table(t), "_source") for t in self.tables if layout.get(t)]
            targets.append(("rejections", "source_path"))
            if everything:
                targets += [("documents", "source_path"), ("openings", "source_path"), ("entries", "source_path")]
            for table, column in targets:
                extra = "" if everything or table != "rejections" else " AND stage = 'extract'"
                self.con.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT source_path FROM _paths){extra}")
        finally:
            self.con.unregister("_paths")

    def _insert_rows(self, table: str, items: list[tuple[str, int, dict[str, Any]]], stored: list[str]) -> None:
        """Insert (source_path, seq, row) items into the rows table of `table`, whose `stored` columns are those
        `_stored_layout` found (none: it is created here, with the rows' columns)."""
        columns = list(items[0][2])
        if not stored:
            types = self.tables[table]
            unknown = [c for c in columns if c not in types]
            if unknown:
                raise ValueError(f"{table}: rows carry column(s) {unknown} the table does not have")
            definitions = ", ".join(f"{_quote(c)} {types[c]}" for c in columns)
            self.con.execute(f"CREATE TABLE {_rows_table(table)} (_source VARCHAR, _seq INTEGER, {definitions})")
            self._columns = None
        elif stored != columns:
            raise ValueError(f"{table}: rows carry columns {columns}, the store holds {stored}")
        if any(list(row) != columns for _, _, row in items):
            raise ValueError(f"{table}: the rows of one extraction do not all carry the same columns")
        types = {"_source": "VARCHAR", "_seq": "INTEGER", **{c: self.tables[table][c] for c in columns}}
        records = [{"_source": path, "_seq": seq, **row} for path, seq, row in items]
        self._insert(f"rows_{table}", _frame(records, types), types)

    def _insert_rejections(self, items: list[tuple[str, int, str, Rejection]]) -> None:
        frame = pd.DataFrame([(path, seq, stage, r.table_name, json.dumps(r.record, default=str, sort_keys=True),
                               r.errors, r.document_id) for path, seq, stage, r in items],
                             columns=["source_path", "seq", "stage", "table_name", "record", "errors", "document_id"])
        self._insert("rejections", frame)

    def _insert(self, table: str, frame: pd.DataFrame, types: Mapping[str, str] | None = None) -> None:
        if frame.empty:
            return
        self.con.register("_batch", frame)
        try:
            columns = ", ".join(_quote(c) for c in frame.columns)
            values = ", ".join(f"CAST({_quote(c)} AS {types[c]})" if types else _quote(c) for c in frame.columns)
            self.con.execute(f"INSERT INTO {_quote(table)} ({columns}) SELECT {values} FROM _batch")
        finally:
            self.con.unregister("_batch")

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        try:
            with _Transaction(self.con, release=self.directory is not None):
                yield
        except BaseException:
            self._columns = None  # a table of rows made in the write is gone with it
            raise

    # ------------------------------------------------------------ file statuses

    def file_statuses(self) -> dict[str, list]:
        """source_path -> [size, mtime_ns, inode, content_sha256, read_at_ns] of each file's last read."""
        if self.directory is None:
            return {}
        try:
            data = json.loads((self.directory / _STATUS_INDEX).read_text(encoding="utf-8"))
        except Exception:  # missing or damaged: every file is read
            return {}
        return data if isinstance(data, dict) else {}

    def save_file_statuses(self, statuses: dict[str, list]) -> None:
        """Write beside the index and rename, so a reader never sees half a file."""
        if self.directory is None:
            return
        self._make_folder()
        fd, tmp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(json.dumps(statuses, sort_keys=True).encode("utf-8"))
            os.replace(tmp, self.directory / _STATUS_INDEX)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


class StoredTexts(Mapping[str, str]):
    """document_id -> clean_text of the stored documents, read from the store when asked for.

    The corpus-wide step keeps the documents' text here rather than in a frame (issue 16: it is the largest
    column, and as Python strings, read back and then copied again by the publish, it set the run's peak memory):
    the analysts' corrections look up the few texts they need, validation checks the offsets of every span in
    SQL (`differing`), and the publish copies the text from the store into the warehouse.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, cached: bool = True):
        """`cached` False (a store in a file): what DuckDB kept of the texts read is dropped after each read
        (`release_cached_blocks`)."""
        self.con, self.cached = con, cached

    def __getitem__(self, document_id: str) -> str:
        found = self.con.execute(f"SELECT {_quote(TEXT_COLUMN)} FROM documents WHERE document_id = ?",
                                 [document_id]).fetchall()
        if not found:
            raise KeyError(document_id)
        return found[0][0]

    def __iter__(self) -> Iterator[str]:
        return iter([d for (d,) in self.con.execute("SELECT document_id FROM documents ORDER BY document_id").fetchall()])

    def __len__(self) -> int:
        return self.con.execute("SELECT count(*) FROM documents").fetchall()[0][0]

    def of_paths(self, source_paths: Sequence[str]) -> dict[str, str]:
        """source_path -> text of the stored documents of `source_paths`."""
        self.con.register("_wanted", pd.DataFrame({"source_path": list(source_paths)}))
        try:
            return dict(self.con.execute(f"SELECT source_path, {_quote(TEXT_COLUMN)} FROM documents "
                                         "WHERE source_path IN (SELECT source_path FROM _wanted)").fetchall())
        finally:
            self.con.unregister("_wanted")
            self._release()

    def of_rows(self, rows: Sequence[int]) -> list[tuple[str, str]]:
        """(document_id, text) of the stored documents at the store's row ids `rows` (DuckDB reads them without
        scanning the other texts)."""
        self.con.register("_text_rows", pd.DataFrame({"_row": list(rows)}, dtype="int64"))
        try:
            return self.con.execute(f"SELECT d.document_id, d.{_quote(TEXT_COLUMN)} FROM _text_rows r "
                                    "JOIN documents d ON d.rowid = r._row").fetchall()
        finally:
            self.con.unregister("_text_rows")
            self._release()

    def _release(self) -> None:
        if not self.cached:
            release_cached_blocks(self.con)

    def differing(self, spans: pd.DataFrame) -> list[tuple[Any, str | None]]:
        """(row, text found) of each span whose text is not its document's text at its offsets.

        `spans` has the columns `row`, `document_id`, `text`, `start` and `end` (whole numbers or null). A
        span's document must be stored (others are left out). The text found is the document's text from
        `start` to `end` as Python slices it, by code points (DuckDB's `substr` counts code points too), or null
        when an offset is null or they are not 0 <= start <= end <= its length; a span differs when its text is
        null or is not the text found.
        """
        if spans.empty:
            return []
        frame = pd.DataFrame({"_at": np.arange(len(spans)), "document_id": spans["document_id"].astype(object),
                              "text": spans["text"].astype(object),
                              "start": pd.array(spans["start"], dtype="Int64"),
                              "end": pd.array(spans["end"], dtype="Int64")})
        text = f"d.{_quote(TEXT_COLUMN)}"
        self.con.register("_spans", frame)
        try:
            found = self.con.execute(
                f"""SELECT _at, found FROM (
                        SELECT s._at, CAST(s.text AS VARCHAR) AS text,
                               CASE WHEN 0 <= s."start" AND s."start" <= s."end" AND s."end" <= length({text})
                                    THEN substr({text}, s."start" + 1, s."end" - s."start") END AS found
                        FROM _spans s JOIN documents d ON d.document_id = s.document_id)
                    WHERE text IS NULL OR found IS DISTINCT FROM text ORDER BY _at""").fetchall()
        finally:
            self.con.unregister("_spans")
        rows = spans["row"].tolist()
        return [(rows[at], text) for at, text in found]


def release_cached_blocks(con: duckdb.DuckDBPyConnection) -> None:
    """Drop the blocks of a file-backed database that DuckDB keeps in memory after reading or writing them.

    DuckDB keeps every block a connection read until memory runs short or the connection closes: reading every
    document's text once, a batch at a time, left about 85 MB held at 10,000 documents, growing with the corpus
    (issue 16, eleventh session); dropped after each batch, about 20. Likewise the openings written (at 5,000
    documents `keep_openings` held 73 MB until the store closed, 41 with what it wrote dropped too). Lowering the
    memory limit evicts what no query holds (written blocks not yet checkpointed go to DuckDB's spill folder
    beside the file); it is then set back (to none of the connection's own, or to `DocumentStore.memory_held`'s).
    What DuckDB cannot evict (rows deleted in this session, say) stays: it then evicts what it can and refuses the
    new limit, which is all this asks. Call it between queries: an in-memory database would spill its tables to disk
    instead.
    """
    (held,) = con.execute(f"SELECT getvariable('{_HELD_VARIABLE}')").fetchone()
    try:
        con.execute(f"SET memory_limit = '{_RELEASE_LIMIT}'")
    except duckdb.OutOfMemoryException:
        return  # the limit is as it was, and every block DuckDB could drop is dropped
    con.execute("RESET memory_limit" if held is None else f"SET memory_limit = '{held}'")


class _Transaction:
    """BEGIN ... COMMIT, or ROLLBACK when the block raises: a batch is stored whole or not at all. `release`: what
    DuckDB holds of the batch written is dropped once it is committed (`release_cached_blocks`; a store in a file,
    whose writes, a batch of documents at a time, it would otherwise hold until the store closes)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, release: bool):
        self.con, self.release = con, release

    def __enter__(self) -> None:
        self.con.execute("BEGIN TRANSACTION")

    def __exit__(self, exc_type, *exc) -> None:
        self.con.execute("ROLLBACK" if exc_type else "COMMIT")
        if self.release and not exc_type:
            release_cached_blocks(self.con)


def _frame(records: list[dict[str, Any]], types: Mapping[str, str]) -> pd.DataFrame:
    """Records as a frame DuckDB reads with the right types: whole numbers with nulls stay whole numbers."""
    data = {}
    for column, sql_type in types.items():
        values = [r.get(column) for r in records]
        data[column] = pd.array(values, dtype="Int64") if sql_type.startswith(_INTEGER) else pd.Series(values,
                                                                                                       dtype=object)
    return pd.DataFrame(data)


def _remove_pickled_entries(directory: Path) -> None:
    """Delete the per-document pickles an earlier version of the cache wrote here (named like its entries
    and naming its class), and nothing else."""
    for path in directory.glob("*.pkl"):
        if not _PICKLED_ENTRY.fullmatch(path.name):
            continue
        try:
            with path.open("rb") as handle:
                head = handle.read(256)
        except OSError:
            continue
        if head.startswith(b"\x80") and all(mark in head for mark in _PICKLED_MARKS):
            path.unlink(missing_ok=True)


def chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    """`items` in slices of at most `size`."""
    for start in range(0, len(items), size):
        yield items[start:start + size]
