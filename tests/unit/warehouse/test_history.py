"""The kept warehouses and rollback (pipeline/core/history.py), the writer lock (pipeline/core/writer_lock.py) and the
build record (pipeline/core/build_record.py): each publish files the warehouse it replaces, the newest few are kept,
rollback puts the previous build back atomically while a reader of the current file goes on reading it, keeps the
one it rolled back from so it can be undone, and a publish and a rollback in two processes never write at once."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.core.build_record import Build, build_info, built_at, describe_build
from pipeline.core.history import (
    NothingToRollBack,
    by_build,
    file_current,
    history_folder,
    kept,
    previous,
    rollback,
    rolled_back,
)
from pipeline.core.publish import publish_atomically, remove_abandoned_builds
from pipeline.core.writer_lock import WarehouseBusy, lock_path
from schemas import TABLE_COLUMNS

PROJECT_ROOT = Path(__file__).resolve().parents[3]

BUILD = Build("run-7", dt.datetime(2024, 3, 1, 9, 30, tzinfo=dt.timezone.utc), "0123456789abcdef", "rules01",
              "a" * 64)


def fields(n: int) -> dict[str, pd.DataFrame]:
    """A warehouse told apart by its number of fields (collaboration_domains rows), built by run n at hour n."""
    rows = [{"domain_id": f"{i}.1", "label": f"field {i}", "major_id": str(i), "major_label": "x"} for i in range(n)]
    tables = {"collaboration_domains": pd.DataFrame(rows)}
    build = Build(f"run-{n}", dt.datetime(2024, 3, 1, n), "0123456789abcdef", "rules01", "a" * 64)
    return tables | {"build_info": build_info(tables, build)}


def count(path) -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("select count(*) from collaboration_domains").fetchone()[0]


@pytest.mark.parametrize(("keep", "publishes", "kept_counts"), [
    (3, 1, []),  # nothing published before: nothing to keep
    (3, 4, [3, 2, 1]),
    (2, 4, [3, 2]),
    (0, 3, []),
])
def test_each_publish_keeps_the_warehouse_it_replaces(tmp_path, keep, publishes, kept_counts):
    target = tmp_path / "cooperation.duckdb"
    for n in range(1, publishes + 1):
        publish_atomically(fields(n), target, keep=keep)
    assert count(target) == publishes
    assert [count(p) for p in kept(target)] == kept_counts
    assert history_folder(target) == tmp_path / "cooperation.history"


# An analyst's session: another process (DuckDB shares one database between the connections of a process).
READER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
count = lambda: con.execute("select count(*) from collaboration_domains").fetchone()[0]
print(count(), flush=True)
sys.stdin.readline()  # hold the connection open until the test has rolled back
print(count(), flush=True)
"""


def test_rollback_restores_the_previous_warehouse_while_a_reader_holds_the_current_one(tmp_path):
    target = tmp_path / "cooperation.duckdb"
    for n in (1, 2, 3):
        publish_atomically(fields(n), target, keep=3)
    reader = subprocess.Popen([sys.executable, "-c", READER, str(target)], text=True, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert reader.stdout.readline().strip() == "3"  # connected to the current warehouse
        source = rollback(target)
        out, err = reader.communicate("go\n", timeout=60)
    finally:
        if reader.poll() is None:
            reader.kill()
            reader.wait()
    assert reader.returncode == 0, err
    assert out.strip() == "3"  # the open connection kept reading the file it opened
    assert count(target) == 2  # anyone opening the path now reads the previous warehouse
    assert not source.restored.exists() and [count(p) for p in kept(target)] == [3, 1]
    assert rolled_back(source.kept_as) and source.kept_as.name.endswith(".rolled-back.duckdb")
    rollback(target)  # one build further back, past the one rolled back from
    assert count(target) == 1 and [count(p) for p in by_build(target)] == [3, 2]
    with pytest.raises(NothingToRollBack, match="no kept warehouse of .*cooperation.duckdb was built before"):
        rollback(target)
    assert count(target) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "cooperation.duckdb", "cooperation.duckdb.lock", "cooperation.history"]


def test_a_rollback_is_undone_by_putting_back_the_one_rolled_back_from(tmp_path, capsys):
    """Numbered newest build first, as `rollback --list` shows them; the history never grows past `keep`."""
    target = tmp_path / "cooperation.duckdb"
    for n in (1, 2, 3, 4):
        publish_atomically(fields(n), target, keep=2)
    assert [count(p) for p in by_build(target)] == [3, 2]
    assert main(["rollback", "--warehouse", str(target)]) == 0
    assert count(target) == 3 and [count(p) for p in by_build(target)] == [4, 2]
    assert main(["rollback", "--warehouse", str(target), "--list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[-4].startswith("current: built 2024-03-01 03:00:00 UTC by run run-3")
    assert listed[-3].startswith("      1: built 2024-03-01 04:00:00 UTC by run run-4")
    assert "(rolled back from)" in listed[-3] and "(rolled back from)" not in listed[-2]
    assert listed[-2].startswith("      2: built 2024-03-01 02:00:00 UTC by run run-2")
    assert main(["rollback", "--warehouse", str(target), "--to", "1"]) == 0  # the undo
    assert count(target) == 4 and [count(p) for p in by_build(target)] == [3, 2]
    assert count(previous(target)) == 3  # what 4 was published over, whatever was filed last
    assert main(["rollback", "--warehouse", str(target), "--to", "3"]) == 1
    assert "2 warehouse(s) of" in capsys.readouterr().err and count(target) == 4
    rollback(target, 2)
    assert count(target) == 2 and [count(p) for p in by_build(target)] == [4, 3]  # 2 kept, as the publishes said
    with pytest.raises(NothingToRollBack, match="was built before the current one"):
        rollback(target)
    publish_atomically(fields(5), target, keep=2)
    assert count(target) == 5 and [count(p) for p in kept(target)] == [2, 4]  # newest filed first: 3 is pruned


# A publish of fields(N), or a rollback, in a process of its own, as `python -m pipeline run` and `rollback` are;
# with "pause" it stops while it holds the writer lock, says so, and goes on when told. A publish that has to wait
# for the lock prints why.
WRITER = """
import sys
from pathlib import Path
import pipeline.core.history as history
import pipeline.core.publish as publish
from tests.unit.warehouse.test_history import fields

target, action, pause = Path(sys.argv[1]), sys.argv[2], sys.argv[3] == "pause"

def paused(step):
    def holding(*args):
        print("holding the lock", flush=True)
        sys.stdin.readline()
        return step(*args)
    return holding if pause else step

if action == "rollback":
    history.previous = paused(history.previous)
    history.rollback(target)
else:
    publish._verify = paused(publish._verify)
    publish.publish_atomically(fields(int(action)), target, keep=3, on_wait=lambda m: print(m, flush=True))
print("done", flush=True)
"""


def writer(target: Path, action: str, pause: str = "") -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(target), action, pause], cwd=PROJECT_ROOT, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(process: subprocess.Popen, say: str | None = None) -> str:
    """What the process printed once it has ended, told to go on with `say`."""
    out, err = process.communicate(say, timeout=300)
    assert process.returncode == 0, err
    return out


def stop(*processes: subprocess.Popen | None) -> None:
    """Kill what a failed test left running."""
    for process in processes:
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()


def test_a_rollback_during_a_publish_fails_at_once_and_readers_are_not_held(tmp_path, capsys):
    target = tmp_path / "cooperation.duckdb"
    for n in (1, 2):
        publish_atomically(fields(n), target, keep=3)
    publisher = writer(target, "3", "pause")
    try:
        assert publisher.stdout.readline() == "holding the lock\n"  # built, about to file and swap
        assert count(target) == 2  # readers never take the lock
        assert main(["rollback", "--warehouse", str(target)]) == 1
        assert capsys.readouterr().err == (f"error: the rollback did not start: a publish by process {publisher.pid} "
                                           f"is writing {target}; try again when it is done\n")
        with pytest.raises(WarehouseBusy):
            rollback(target, 1)
        assert count(target) == 2 and [count(p) for p in kept(target)] == [1]
        assert finish(publisher, "go on\n") == "done\n"
    finally:
        stop(publisher)
    assert count(target) == 3 and [count(p) for p in kept(target)] == [2, 1]
    rollback(target)  # the lock is free again
    assert count(target) == 2 and lock_path(target).read_text() == ""


def test_a_publish_during_a_rollback_waits_for_it(tmp_path):
    target = tmp_path / "cooperation.duckdb"
    for n in (1, 2):
        publish_atomically(fields(n), target, keep=3)
    roller = writer(target, "rollback", "pause")
    publisher = None
    try:
        assert roller.stdout.readline() == "holding the lock\n"
        publisher = writer(target, "5")
        assert publisher.stdout.readline() == (f"the publish waits: a rollback by process {roller.pid} is writing "
                                               f"{target}\n")
        assert count(target) == 2
        assert finish(roller, "go on\n") == "done\n"
        assert finish(publisher) == "done\n"
    finally:
        stop(roller, publisher)
    # the rollback put 1 back and kept 2 as rolled back from; then the publish filed 1 and put 5 in place
    assert count(target) == 5 and [(count(p), rolled_back(p)) for p in kept(target)] == [(1, False), (2, True)]


def test_a_file_system_without_hard_links_gets_copies(tmp_path, monkeypatch):
    target = tmp_path / "w.duckdb"
    publish_atomically(fields(1), target)

    def no_links(source, destination):
        raise OSError("hard links not supported")

    monkeypatch.setattr(os, "link", no_links)
    filed = file_current(target, keep=2, now=dt.datetime(2024, 1, 2, 3, 4, 5, 6))
    assert filed.name == "20240102T030405000006Z.duckdb" and os.stat(filed).st_ino != os.stat(target).st_ino
    assert count(filed) == 1 and sorted(p.name for p in history_folder(target).iterdir()) == [filed.name]
    publish_atomically(fields(2), target, keep=2)
    rollback(target)
    assert count(target) == 1


def test_a_rollback_killed_midway_is_cleaned_up_by_the_next_publish(tmp_path):
    target = tmp_path / "w.duckdb"
    publish_atomically(fields(1), target)
    dead = 2 ** 22 + 1  # above any pid the kernel hands out by default
    staged = tmp_path / f".w.duckdb.{dead}.0123.building-rollback"
    staged.write_bytes(b"half")
    assert remove_abandoned_builds(target) == [staged] and not staged.exists()


def test_the_build_record_counts_each_table_and_says_what_built_it(tmp_path):
    tables = fields(4) | {"agreements": pd.DataFrame(index=range(2))}
    record = build_info(tables, BUILD)
    assert record["table_name"].tolist() == [t for t in TABLE_COLUMNS if t != "build_info"]
    counts = dict(zip(record["table_name"], record["row_count"]))
    assert (counts["collaboration_domains"], counts["agreements"], counts["documents"]) == (4, 2, 0)
    first = record.iloc[0]
    assert (first["run_id"], first["built_at"], first["code_version"], first["code_digest"], first["rulebook_digest"],
            first["corrections_digest"]) == ("run-7", pd.Timestamp(2024, 3, 1, 9, 30), "0.1.0", "0123456789abcdef",
                                             "rules01", "a" * 64)
    target = tmp_path / "w.duckdb"
    publish_atomically(fields(4) | {"build_info": build_info(fields(4), BUILD)}, target)
    assert describe_build(target) == "built 2024-03-01 09:30:00 UTC by run run-7, code 0.1.0 (0123456789abcdef), 4 rows"
    assert built_at(target) == dt.datetime(2024, 3, 1, 9, 30)
    old = tmp_path / "old.duckdb"
    duckdb.connect(str(old)).close()
    assert describe_build(old) == "built before warehouses recorded their build"
    assert built_at(old) == dt.datetime.fromtimestamp(old.stat().st_mtime, dt.timezone.utc).replace(tzinfo=None)
