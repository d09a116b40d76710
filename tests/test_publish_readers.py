"""Readers are never blocked: a run publishes while another process holds the warehouse open read-only.

The reader is a separate process because DuckDB shares one database instance between the
connections of a process that open the same path, and an analyst's session is another process
anyway. It holds its connection across the whole run and keeps seeing the file it opened; a
connection opened after the run sees the new warehouse.
"""
from __future__ import annotations

import subprocess
import sys

import dagster as dg

from tests.pipeline_run import LAB, PROJECT_ROOT, query, run_job, write_corpus

READER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
count = lambda: con.execute("SELECT count(*) FROM documents").fetchone()[0]
print(count(), flush=True)
sys.stdin.readline()  # hold the connection open until the test has published
print(count(), flush=True)
con.close()
"""


def test_a_run_publishes_while_a_reader_holds_the_warehouse_open(tmp_path):
    raw, warehouse = write_corpus(tmp_path / "raw"), tmp_path / "out" / "cooperation.duckdb"
    with dg.DagsterInstance.ephemeral() as instance:
        assert run_job(instance, raw, warehouse).success
        reader = subprocess.Popen([sys.executable, "-c", READER, str(warehouse)], cwd=PROJECT_ROOT, text=True,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            assert reader.stdout.readline().strip() == "3"  # connected: the old warehouse has 3 documents
            (raw / "second_lab_2021.txt").write_text(LAB.replace("Quantum Materials", "Photonics"), encoding="utf-8")
            run = run_job(instance, raw, warehouse)
            out, err = reader.communicate("go\n", timeout=60)
        finally:
            if reader.poll() is None:
                reader.kill()
                reader.wait()
    assert run.success
    assert reader.returncode == 0, err
    assert out.strip() == "3"  # the open connection kept reading the file it opened
    assert query(warehouse, "SELECT count(*) FROM documents")[0][0] == 4  # a new connection sees the new run
