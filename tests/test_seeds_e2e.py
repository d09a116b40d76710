"""End to end on the real seed pages: the published warehouse is one that ../shared/gold/score.py can read."""
from __future__ import annotations

import subprocess
import sys

import dagster as dg
import pytest

from tests.pipeline_run import SHARED, run_job

pytestmark = pytest.mark.skipif(not (SHARED / "seeds").is_dir() or not (SHARED / "gold" / "score.py").is_file(),
                                reason="../shared (seeds and gold) is not beside the project")


def test_seeds_build_a_warehouse_that_score_py_reads(tmp_path):
    warehouse = tmp_path / "cooperation.duckdb"
    with dg.DagsterInstance.ephemeral() as instance:
        run = run_job(instance, SHARED / "seeds", warehouse)
    assert run.success
    assert run.counts["documents"] == len(list((SHARED / "seeds").glob("*.txt")))
    score = subprocess.run([sys.executable, str(SHARED / "gold" / "score.py"), "--db", str(warehouse),
                            "--gold", str(SHARED / "gold" / "seeds")], capture_output=True, text=True, timeout=120)
    assert score.returncode == 0, score.stderr
    assert "overall slot F1" in score.stdout
