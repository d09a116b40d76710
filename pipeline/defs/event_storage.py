"""The project instance's storage: Dagster's SQLite storage, same files and tables, with the event log written
through kept connections (dagster.yaml's `storage: custom:` names `ProjectSqliteStorage`).

Why: Dagster's SQLite event log opens a new engine and connection for every write and read and closes it after,
about a thousand times in a run of this job (one to three databases per event: the run's own, and the index that
mirrors asset, check and run-status events). Closing the last connection to a database in WAL mode checkpoints
the WAL into the database file and syncs it, and every commit syncs the WAL: about 25 ms an event on this machine
against 0.15 ms through a kept connection that syncs at checkpoints only (`synchronous=NORMAL`). At 10,000
documents that was the largest fixed cost of an incremental run (issue 16; BENCHMARKS.md, tenth session).

What it keeps the same: the files (`history/runs/<run_id>.db` and `index.db`, read by the UI and by other
processes as before), the schema and its migrations, and the live log view: the UI watches a run's `.db` file
for changes, which the per-event checkpoint used to make, so a write through a kept connection sets the file's
time instead. What it gives up: with `synchronous=NORMAL` a power failure (not a crash of the process: the
operating system still holds what was written) may lose the last events written before it; the database stays
consistent. The run storage (`runs.db`) and the schedule storage are Dagster's own, unchanged. The workers
pipeline/core/parallel.py forks inherit the open connections but neither use nor close them (a pool's worker
leaves by `os._exit`), and SQLite's locks are the process's, so a worker cannot checkpoint the parent's WAL.
"""
from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager

from dagster._core.storage.base_storage import DagsterStorage
from dagster._core.storage.event_log.sqlite.sqlite_event_log import INDEX_SHARD_NAME, SqliteEventLogStorage
from dagster._core.storage.runs.sqlite.sqlite_run_storage import SqliteRunStorage
from dagster._core.storage.schedules.sqlite.sqlite_schedule_storage import SqliteScheduleStorage
from dagster._core.storage.sql import create_engine
from dagster._core.storage.sqlite import SQLITE_BUSY_TIMEOUT_SECONDS
from dagster._core.storage.sqlite_storage import (
    DagsterSqliteStorage,
    _event_logs_directory,
    _runs_directory,
    _schedule_directory,
)
from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.pool import StaticPool

KEPT_RUN_DATABASES = 4  # a long-lived process (the UI, the daemon) keeps the index and the runs it last wrote


class KeptConnectionEventLogStorage(SqliteEventLogStorage):
    """`SqliteEventLogStorage` whose databases are each used through one kept connection (see the module's
    docstring). The storage's lock already lets one thread at a time use a database, so one connection per
    database, shared by the threads, is enough."""

    def __init__(self, base_dir: str, inst_data=None):
        self._engines: OrderedDict[str, object] = OrderedDict()
        super().__init__(base_dir, inst_data)

    @classmethod
    def from_config_value(cls, inst_data, config_value) -> KeptConnectionEventLogStorage:
        """Named alone as `event_log_storage`, it is still this class (the base's returns its own class)."""
        return cls(inst_data=inst_data, **config_value)

    def _engine(self, shard: str):
        engine = self._engines.get(shard)
        if engine is None:
            engine = create_engine(self.conn_string_for_shard(shard), poolclass=StaticPool,
                                   connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS, "check_same_thread": False})
            event.listen(engine, "connect", _sync_at_checkpoints)
            self._engines[shard] = engine
            runs = [s for s in self._engines if s != INDEX_SHARD_NAME]
            for old in runs[:-KEPT_RUN_DATABASES]:
                self._engines.pop(old).dispose()
        else:
            self._engines.move_to_end(shard)
        return engine

    @contextmanager
    def _connect(self, shard: str) -> Iterator[Connection]:
        with self._db_lock:
            engine = self._engine(shard)
            if shard not in self._initialized_dbs:
                self._initdb(engine)
                self._initialized_dbs.add(shard)
            with engine.connect() as conn:
                before = conn.connection.dbapi_connection.total_changes
                with conn.begin():
                    yield conn
                wrote = conn.connection.dbapi_connection.total_changes != before
            if wrote:  # wake the UI's watcher of this database (it reads the new events itself)
                os.utime(self.path_for_shard(shard))

    def _close_all(self) -> None:
        while self._engines:
            self._engines.popitem()[1].dispose()

    def wipe(self) -> None:
        with self._db_lock:
            self._close_all()
        super().wipe()

    def dispose(self) -> None:
        with self._db_lock:
            self._close_all()
        super().dispose()


def _sync_at_checkpoints(dbapi_connection, _record) -> None:
    """Every connection writes through the write-ahead log and syncs at checkpoints only. The log mode is the one
    Dagster gives each database once it has made its tables (`SqliteEventLogStorage._initdb`); set before, the
    twenty-odd statements that make a run's new database each commit to the log instead of each syncing a
    rollback journal: 0.6 s of every run's wall clock on this machine against 0.17 (issue 16)."""
    dbapi_connection.execute("PRAGMA journal_mode=WAL")
    dbapi_connection.execute("PRAGMA synchronous=NORMAL")


class ProjectSqliteStorage(DagsterSqliteStorage):
    """`DagsterSqliteStorage` (the same folders under `base_dir`) with the event log of
    `KeptConnectionEventLogStorage`."""

    def __init__(self, base_dir: str, inst_data=None):
        self.base_dir = base_dir
        self._run_storage = SqliteRunStorage.from_local(_runs_directory(base_dir))
        self._event_log_storage = KeptConnectionEventLogStorage(_event_logs_directory(base_dir))
        self._schedule_storage = SqliteScheduleStorage.from_local(_schedule_directory(base_dir))
        self._inst_data = inst_data
        DagsterStorage.__init__(self)

    @classmethod
    def from_config_value(cls, inst_data, config_value) -> ProjectSqliteStorage:
        return cls.from_local(inst_data=inst_data, **config_value)
