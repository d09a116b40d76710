"""The kept warehouses and rollback (pipeline/core/history.py), and the build record (pipeline/core/build_record.py):
each publish files the warehouse it replaces, the newest few are kept, and rollback puts the newest back
atomically, while a reader of the current file goes on reading it."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import duckdb
import pandas as pd
import pytest

from pipeline.core.build_record import Build, build_info, describe_build
from pipeline.core.history import NothingToRollBack, file_current, history_folder, kept, rollback
from pipeline.core.publish import publish_atomically, remove_abandoned_builds
from schemas import TABLE_COLUMNS

BUILD = Build("run-7", dt.datetime(2024, 3, 1, 9, 30, tzinfo=dt.timezone.utc), "0123456789abcdef", "rules01",
              "a" * 64)


def fields(n: int) -> dict[str, pd.DataFrame]:
    """A warehouse told apart by its number of fields (collaboration_domains rows)."""
    rows = [{"domain_id": f"{i}.1", "label": f"field {i}", "major_id": str(i), "major_label": "x"} for i in range(n)]
    return {"collaboration_domains": pd.DataFrame(rows)}


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
    assert not source.exists() and [count(p) for p in kept(target)] == [1]
    rollback(target)
    assert count(target) == 1 and kept(target) == []
    with pytest.raises(NothingToRollBack, match="no earlier warehouse of .*cooperation.duckdb is kept"):
        rollback(target)
    assert count(target) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cooperation.duckdb", "cooperation.history"]


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
    old = tmp_path / "old.duckdb"
    duckdb.connect(str(old)).close()
    assert describe_build(old) == "built before warehouses recorded their build"
