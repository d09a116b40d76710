"""A run killed mid-build (SIGKILL, no chance to clean up) leaves the published warehouse intact.

The victim is `python -m pipeline run` in its own process group, with one fault injected: once the
new file is built, and before it is swapped in, the build announces itself with a marker file and
blocks, so the kill lands inside the build every time. The next run then recovers by itself: it
releases the pool slot of the dead run, removes its half-finished file and publishes.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time

from pipeline.cli import main
from pipeline.core.history import kept
from tests.pipeline_run import LAB, PROJECT_ROOT, query, write_corpus

VICTIM = """
import sys, threading
from pathlib import Path
import pipeline.core.publish as publish
import pipeline.core.publish_changes as publish_changes

marker = Path(sys.argv[1])

def then_hang(build):
    def build_then_hang(tables, path, *args, **kwargs):
        build(tables, path, *args, **kwargs)
        marker.write_text(str(path))
        threading.Event().wait()  # until SIGKILL
    return build_then_hang

# a fresh build, or the changes to a copy of the last warehouse (the same code built it)
publish.build_database = then_hang(publish.build_database)
publish_changes._apply = then_hang(publish_changes._apply)
from pipeline.cli import main
from pipeline.core.history import kept
sys.exit(main(sys.argv[2:]))
"""
MARKER_LIMIT = 240  # seconds for Dagster's import and the run to reach the build on a loaded machine


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_run_killed_during_the_build_leaves_the_old_warehouse_intact(tmp_path, monkeypatch, capsys):
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(PROJECT_ROOT / ".dagster_home" / "dagster.yaml", home / "dagster.yaml")  # the real pool limits
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    raw, warehouse = write_corpus(tmp_path / "raw"), tmp_path / "out" / "cooperation.duckdb"
    args = ["run", "--raw-dir", str(raw), "--warehouse", str(warehouse), "--json"]
    assert main(args) == 0
    before = digest(warehouse)
    (raw / "second_lab_2021.txt").write_text(LAB.replace("Quantum Materials", "Photonics"), encoding="utf-8")

    marker, log = tmp_path / "building", tmp_path / "victim.log"
    with log.open("w") as out:  # a file, not a pipe: a full pipe would stall the victim before the build
        victim = subprocess.Popen([sys.executable, "-c", VICTIM, str(marker), *args], cwd=PROJECT_ROOT,
                                  env={**os.environ, "DAGSTER_HOME": str(home)}, stdout=out, stderr=out,
                                  start_new_session=True)
    try:
        deadline = time.monotonic() + MARKER_LIMIT
        while not marker.exists() and victim.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        assert marker.exists(), f"the victim never reached the build: {log.read_text()[-2000:]}"
        os.killpg(victim.pid, signal.SIGKILL)
        victim.wait()
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(victim.pid, signal.SIGKILL)
        victim.wait()
    assert victim.returncode == -signal.SIGKILL

    leftover = [p.name for p in warehouse.parent.iterdir() if p.name.endswith(".building")]
    assert len(leftover) == 1  # the new file was built, never swapped in
    assert digest(warehouse) == before
    assert query(warehouse, "SELECT count(*) FROM documents")[0][0] == 3

    capsys.readouterr()
    assert main(args) == 0  # the next run is not blocked by the dead run's pool slot
    assert "released the pool slots of stale run" in capsys.readouterr().err
    assert sorted(p.name for p in warehouse.parent.iterdir() if not p.name.endswith(".cache")) == [
        warehouse.name, f"{warehouse.name}.lock", "cooperation.history"]  # the killed run's lock was released
    assert query(warehouse, "SELECT count(*) FROM documents")[0][0] == 4
    (previous,) = kept(warehouse)  # the warehouse the killed run never replaced is the one kept for rollback
    assert digest(previous) == before
