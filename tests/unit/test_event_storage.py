"""The project instance's event log (pipeline/defs/event_storage.py): Dagster's SQLite files, written through kept
connections, readable by another process's storage as before, and waking the UI's watcher of a run's log."""
from __future__ import annotations

import os
import sqlite3
import threading

import dagster as dg
import pytest
from dagster._core.events.log import EventLogEntry
from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage
from sqlalchemy import event as sa_event
from sqlalchemy.engine import Engine

from pipeline.defs.event_storage import KEPT_RUN_DATABASES, KeptConnectionEventLogStorage
from tests.pipeline_run import PROJECT_ROOT


def _entry(run_id: str, message: str) -> EventLogEntry:
    return EventLogEntry(error_info=None, level="INFO", user_message=message, run_id=run_id, timestamp=1.0)


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    (tmp_path / "dagster.yaml").write_text((PROJECT_ROOT / ".dagster_home" / "dagster.yaml").read_text())
    return tmp_path


def test_the_project_instance_writes_dagsters_files_through_kept_connections(home):
    with dg.DagsterInstance.get() as instance:
        storage = instance.event_log_storage
        assert isinstance(storage, KeptConnectionEventLogStorage)
        for n in range(3):
            storage.store_event(_entry("run-a", f"event {n}"))
        # the same file Dagster's own storage reads, in the folder it uses by default
        assert (home / "history" / "runs" / "run-a.db").is_file()
        other = dg.DagsterInstance.from_config(str(home))  # another reader, as the UI in its own process
        assert [r.event_log_entry.user_message for r in other.get_records_for_run("run-a").records] == \
            ["event 0", "event 1", "event 2"]
        other.dispose()
        raw = sqlite3.connect(home / "history" / "runs" / "run-a.db")
        assert raw.execute("SELECT count(*) FROM event_logs").fetchone() == (3,)
        raw.close()


def test_a_write_sets_the_run_databases_time_and_a_read_does_not(tmp_path):
    storage = KeptConnectionEventLogStorage(str(tmp_path))
    storage.store_event(_entry("run-a", "first"))
    path = tmp_path / "run-a.db"
    os.utime(path, ns=(0, 0))
    storage.get_records_for_run("run-a")
    assert path.stat().st_mtime_ns == 0  # a reader's own watcher is not woken by its reading
    storage.store_event(_entry("run-a", "second"))
    assert path.stat().st_mtime_ns > 0  # the UI's watcher of the run's log sees the new event
    storage.dispose()


def test_the_uis_live_log_of_a_run_sees_each_event_written(tmp_path):
    """The UI (another process, Dagster's own storage) watches the run's database file for changes."""
    writer = KeptConnectionEventLogStorage(str(tmp_path))
    writer.store_event(_entry("run-a", "first"))
    reader = SqliteEventLogStorage(str(tmp_path))
    seen, woken = [], threading.Event()
    reader.watch("run-a", None, lambda entry, _cursor: (seen.append(entry.user_message), woken.set()))
    for n in range(30):  # the watcher's thread starts watching the file a moment after `watch` returns
        writer.store_event(_entry("run-a", f"event {n}"))
        if woken.wait(timeout=1):
            break
    assert woken.is_set()
    assert seen[:2] == ["first", "event 0"]
    reader.dispose()
    writer.dispose()


def test_a_long_lived_process_keeps_only_the_last_runs_databases_open(tmp_path):
    storage = KeptConnectionEventLogStorage(str(tmp_path))
    runs = [f"run-{n}" for n in range(KEPT_RUN_DATABASES + 3)]
    for run_id in runs:
        storage.store_event(_entry(run_id, "x"))
    assert [s for s in storage._engines if s != "index"] == runs[-KEPT_RUN_DATABASES:]
    assert [r.event_log_entry.user_message for r in storage.get_records_for_run(runs[0]).records] == ["x"]
    storage.dispose()
    assert not storage._engines


def test_named_alone_in_a_config_it_is_still_the_kept_connection_storage(tmp_path):
    storage = KeptConnectionEventLogStorage.from_config_value(None, {"base_dir": str(tmp_path)})
    try:
        assert type(storage) is KeptConnectionEventLogStorage
    finally:
        storage.dispose()


def test_a_new_run_database_has_its_tables_made_through_the_write_ahead_log(tmp_path):
    """Dagster makes a run's database's tables and then sets the log mode: made in the rollback-journal mode, each
    of its statements synced the disk (0.6 s of every run's wall clock). The file ends as Dagster leaves it. (The
    index, made once by Dagster's own code when the instance is new, is not a run's.)"""
    modes = []

    def mode_when_made(_conn, cursor, statement, *_args):
        database = cursor.connection.execute("PRAGMA database_list").fetchone()[2]
        if statement.lstrip().upper().startswith("CREATE TABLE") and database.endswith("run-a.db"):
            modes.append(cursor.connection.execute("PRAGMA journal_mode").fetchone()[0])

    sa_event.listen(Engine, "before_cursor_execute", mode_when_made)
    try:
        storage = KeptConnectionEventLogStorage(str(tmp_path))
        storage.store_event(_entry("run-a", "first"))
        storage.dispose()
    finally:
        sa_event.remove(Engine, "before_cursor_execute", mode_when_made)
    assert modes and set(modes) == {"wal"}
    raw = sqlite3.connect(tmp_path / "run-a.db")
    assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert raw.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)  # stamped, as Dagster's own
    raw.close()
