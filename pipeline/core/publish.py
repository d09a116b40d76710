"""Write the warehouse: build a DuckDB file from validated frames and swap it in atomically.

`build_database` creates every table of a `schemas.Catalog` (`schemas.CATALOG` unless the caller
passes another) with its exact DuckDB types, loads the frames with explicit casts (so empty frames,
all-null columns and pandas datetimes land as the contract's types), creates the analysts' views
(warehouse/views.sql) and comments.

The run's documents frame lacks the documents' text (`clean_text`), which stays in the per-document store
(pipeline/core/document_store.py, issue 16): given the store's file (`texts`), the build attaches it read-only,
finds each document there on its path and content hash (so a document whose stored text changed since the run
validated it stops the publish) and copies the texts a batch of documents at a time.

What the build holds does not grow with the corpus (issue 16): each frame is scanned in place, not copied, and
the connection has a memory limit (BUILD_SETTINGS), beyond which DuckDB spills to a folder beside the file
(`<file>.tmp`, removed when the connection closes, or with the file when a build fails or its process died).

`publish_atomically` builds into a hidden temporary file beside the target and `os.replace`s
it onto the target only once it opens read-only with every table present. Readers never see a
half-built warehouse: a connection opened on the old file keeps reading the old inode, and a
failed build leaves the old file untouched. It holds the warehouse's writer lock while it builds and swaps
(pipeline/core/writer_lock.py), waiting for a rollback in progress, so a rollback never runs during a publish.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from pipeline.core.document_store import TEXT_COLUMN, TEXT_TABLE
from pipeline.core.history import file_current
from pipeline.core.writer_lock import writer_lock
from schemas import CATALOG, Catalog

VIEWS_SQL = Path(__file__).resolve().parents[2] / "warehouse" / "views.sql"
# The build connection's settings. A memory limit makes DuckDB spill what it builds (the new tables, the copied text)
# to a folder beside the file rather than hold it: without one the build added 1.3 to 1.8 GB to the frames at
# 50,000 documents, with it 160 to 190 MB from 10,000 to 200,000 (BENCHMARKS.md, eighth session, which also gives
# the time it costs and why not less).
BUILD_SETTINGS = {"memory_limit": "128MB"}
TEXT_BATCH = 1000  # documents whose text one statement copies from the store
CONTRACT_VIEWS = ("agreement_overview", "delegation_overview", "lab_overview", "agreement_events",
                  "collaboration_network")


def view_names() -> list[str]:
    """The views that views.sql creates."""
    return re.findall(r"CREATE OR REPLACE VIEW (\w+)", VIEWS_SQL.read_text(encoding="utf-8"))


def quote(identifier: str) -> str:
    """A DuckDB identifier in double quotes (`start`, `end` are keywords)."""
    return '"' + identifier.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def create_table_sql(table: str, catalog: Catalog = CATALOG) -> str:
    """CREATE TABLE with the contract's types, NOT NULL where the model forbids nulls, PRIMARY KEY."""
    not_null = set(catalog.not_null_columns(table))
    lines = [f"    {quote(c)} {t}{' NOT NULL' if c in not_null else ''}" for c, t in catalog.columns[table].items()]
    if table in catalog.primary_keys:
        lines.append(f"    PRIMARY KEY ({', '.join(quote(c) for c in catalog.primary_keys[table])})")
    return f"CREATE TABLE {quote(table)} (\n" + ",\n".join(lines) + "\n)"


def _json_text(value: object) -> str | None:
    """The JSON text of a record (dicts are serialised; text is assumed to be JSON already)."""
    if value is None or (not isinstance(value, (dict, list)) and pd.isna(value)):
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _check_columns(table: str, df: pd.DataFrame, cols: Mapping[str, str]) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ValueError(f"{table}: missing column(s) {', '.join(missing)}")


def _json_as_text(df: pd.DataFrame, cols: Mapping[str, str]) -> pd.DataFrame:
    """`df` with its JSON columns as JSON text: the frame itself when it has none, else a frame that shares every
    other column with it (pandas' copy-on-write), so a large table is never copied to be inserted."""
    json_columns = [c for c, t in cols.items() if t == "JSON"]
    if not json_columns:
        return df
    return df.assign(**{c: df[c].map(_json_text).astype(object) for c in json_columns})


def _insert(con: duckdb.DuckDBPyConnection, table: str, df: pd.DataFrame, cols: Mapping[str, str]) -> None:
    """Insert the contract columns `cols` of `df`, in its row order, scanning the frame in place (DuckDB reads a
    registered frame's columns without copying it; the columns it does not name are not read)."""
    _check_columns(table, df, cols)
    if df.empty:
        return
    view = f"_frame_{table}"
    casts = ", ".join(f"CAST({quote(c)} AS {t})" for c, t in cols.items())
    columns = ", ".join(quote(c) for c in cols)
    con.register(view, _json_as_text(df, cols))  # not unregistered on failure: the connection is then discarded
    con.execute(f"INSERT INTO {quote(table)} ({columns}) SELECT {casts} FROM {quote(view)}")
    con.unregister(view)


def _stored_rows(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame) -> np.ndarray:
    """The row id in the attached store (`_store`) of each of the frame's documents, found on path and content
    hash; RuntimeError when a document's stored text is missing or changed since this run validated it."""
    con.register("_frame_documents", frame[["source_path", "content_sha256"]].assign(_at=np.arange(len(frame))))
    found = con.execute("SELECT f._at, s.rowid FROM _frame_documents f JOIN _store.documents s "
                        "ON s.source_path = f.source_path AND s.content_sha256 = f.content_sha256").fetchnumpy()
    con.unregister("_frame_documents")
    rows = np.full(len(frame), -1, dtype=np.int64)
    rows[found["_at"]] = found["rowid"]
    matched = int((rows >= 0).sum())
    if matched != len(frame) or len(found["_at"]) != len(frame):
        raise RuntimeError(f"the document store holds the text of {matched} of the {len(frame)} documents to "
                           "publish: it changed since this run validated them")
    return rows


def _insert_with_stored_text(con: duckdb.DuckDBPyConnection, df: pd.DataFrame, cols: Mapping[str, str]) -> None:
    """The documents, their text taken from the attached store (`_store`), in the frame's order.

    The text is copied TEXT_BATCH documents at a time, each batch looked up by the store's row ids (which DuckDB
    reads without scanning the other texts) and sorted on its place in the frame: copying and sorting every text in
    one statement cannot stay under the build's memory limit (BENCHMARKS.md, eighth session).
    """
    held = {c: t for c, t in cols.items() if c != TEXT_COLUMN}
    _check_columns(TEXT_TABLE, df, held)
    if df.empty:
        return
    frame = df[list(held)].reset_index(drop=True)
    frame["_row"], frame["_at"] = _stored_rows(con, frame), np.arange(len(frame))
    values = ", ".join(f"CAST(s.{quote(c)} AS {t})" if c == TEXT_COLUMN else f"CAST(f.{quote(c)} AS {t})"
                       for c, t in cols.items())
    insert = (f"INSERT INTO {quote(TEXT_TABLE)} ({', '.join(quote(c) for c in cols)}) SELECT {values} "
              "FROM _frame_documents f JOIN _store.documents s ON s.rowid = f._row ORDER BY f._at")
    for start in range(0, len(frame), TEXT_BATCH):
        con.register("_frame_documents", frame.iloc[start:start + TEXT_BATCH])
        con.execute(insert)
        con.unregister("_frame_documents")


def build_database(tables: dict[str, pd.DataFrame], path: Path, catalog: Catalog = CATALOG,
                   texts: Path | None = None) -> dict[str, int]:
    """Create a fresh warehouse at `path` from `tables` (absent tables are created empty); a documents frame
    without its text takes it from the per-document store at `texts`.

    Returns the row count of every contract table. Raises on an unknown table name, a missing
    column, a value that does not cast, or a key that is not unique; the file is then unusable
    and the caller (publish_atomically) discards it.
    """
    unknown = sorted(set(tables) - set(catalog.columns))
    if unknown:
        raise ValueError(f"not contract tables: {', '.join(unknown)}")
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} exists; a warehouse is always built into a new file")
    documents = tables.get(TEXT_TABLE)
    stored_text = texts is not None and documents is not None and TEXT_COLUMN not in documents.columns
    con = duckdb.connect(str(path), config=BUILD_SETTINGS)
    try:
        con.execute("SET TimeZone = 'UTC'")
        if stored_text:
            con.execute(f"ATTACH {_literal(str(texts))} AS _store (READ_ONLY)")
        con.execute("BEGIN TRANSACTION")
        for table, cols in catalog.columns.items():
            con.execute(create_table_sql(table, catalog))
            con.execute(f"COMMENT ON TABLE {quote(table)} IS {_literal(catalog.descriptions[table])}")
            frame = tables.get(table)
            if frame is not None and stored_text and table == TEXT_TABLE:
                _insert_with_stored_text(con, frame, cols)
            elif frame is not None:
                _insert(con, table, frame, cols)
        con.execute(VIEWS_SQL.read_text(encoding="utf-8"))
        con.execute("COMMIT")
        if stored_text:
            con.execute("DETACH _store")
        counts = {t: con.execute(f"SELECT count(*) FROM {quote(t)}").fetchone()[0] for t in catalog.columns}
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return counts


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def _spill(path: Path) -> Path:
    """Where DuckDB spills what does not fit in the build's memory limit (its default: beside the file)."""
    return path.with_name(path.name + ".tmp")


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
        return
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _verify(path: Path, expected: dict[str, int]) -> None:
    """The built file opens read-only and holds every view and every table of `expected`, with its row count."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        names = {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
        missing = [t for t in [*expected, *view_names()] if t not in names]
        if missing:
            raise RuntimeError(f"built warehouse lacks table(s) or view(s) {', '.join(missing)}")
        for table, n in expected.items():
            got = con.execute(f"SELECT count(*) FROM {quote(table)}").fetchone()[0]
            if got != n:
                raise RuntimeError(f"built warehouse: {table} has {got} rows, expected {n}")
    finally:
        con.close()


def _fsync_directory(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where directories cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # the swap has happened; durability of the rename is best effort
    finally:
        os.close(fd)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def remove_abandoned_builds(target: Path) -> list[Path]:
    """Delete temporary files of builds of `target` whose process is gone (killed mid-build).

    The temporary name carries the builder's pid, so the build of a live process, even a
    concurrent one, is never touched. Returns what was removed.
    """
    removed = []
    for path in sorted(target.parent.glob(f".{target.name}.*.building*")):
        pid = path.name[len(target.name) + 2:].split(".", 1)[0]
        if pid.isdigit() and not _pid_alive(int(pid)):
            _remove(path)
            removed.append(path)
    return removed


def publish_atomically(tables: dict[str, pd.DataFrame], target: Path, catalog: Catalog = CATALOG,
                       keep: int = 0, on_wait: Callable[[str], object] | None = None,
                       texts: Path | None = None) -> dict[str, int]:
    """Build the warehouse beside `target` and atomically replace `target` with it, first filing the warehouse
    it replaces in its history (pipeline/core/history.py) where the newest `keep` are kept. `texts`: the
    per-document store that holds the documents' text when their frame does not (build_database).

    All of it under the warehouse's writer lock: when a rollback (or another publish) holds it, `on_wait` is
    told who, and the publish waits for it. On any failure the temporary file (and its WAL) is removed and
    `target` is left exactly as it was; a process killed mid-build cannot clean up, so each publish first
    removes what dead builders left. The new file is fully checkpointed, so no `.wal` is left beside `target`;
    a stale WAL of the old file is removed before the swap, as it would otherwise be replayed onto the new file.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    return swap_in(target, lambda temp: build_database(tables, temp, catalog, texts), keep, on_wait)


def swap_in(target: Path, write: Callable[[Path], dict[str, int]], keep: int = 0,
            on_wait: Callable[[str], object] | None = None) -> dict[str, int]:
    """Under the writer lock, have `write` make the new warehouse in a temporary file beside `target` (it returns
    every table's row count), check it, file the old warehouse in its history and swap the new one in; on any
    failure remove what the write left and leave `target` as it was. The steps every publish shares
    (`publish_atomically`, `publish_changes.publish_changes`)."""
    with writer_lock(target, "publish", on_wait=on_wait):
        remove_abandoned_builds(target)
        temp = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex}.building")
        try:
            counts = write(temp)
            if _wal(temp).exists():
                raise RuntimeError(f"the publish left a write-ahead log beside {temp.name}")
            _verify(temp, counts)
            _remove(_wal(target))
            file_current(target, keep)
            os.replace(temp, target)
        except BaseException:
            for leftover in (temp, _wal(temp), _spill(temp)):
                _remove(leftover)
            raise
        _fsync_directory(target.parent)
    return counts


def contract_mismatches(path: Path, catalog: Catalog = CATALOG) -> list[str]:
    """What in the DuckDB file at `path` differs from the contract: tables, column types, views.

    Run on the published file, after the swap, so it checks what readers actually see.
    """
    con = duckdb.connect(str(path), read_only=True)
    try:
        rows = con.execute("SELECT table_name, column_name, data_type FROM information_schema.columns "
                           "WHERE table_schema = 'main'").fetchall()
        views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
        problems = []
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
    for table, columns in catalog.columns.items():
        for column, sql_type in columns.items():
            got = found.get(table, {}).get(column)
            if got != sql_type:
                problems.append(f"{table}.{column}: expected {sql_type}, found {got or 'nothing'}")
    return problems


__all__ = ["CONTRACT_VIEWS", "VIEWS_SQL", "build_database", "contract_mismatches", "create_table_sql",
           "publish_atomically", "quote", "remove_abandoned_builds", "view_names"]
