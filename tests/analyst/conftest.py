"""One sample warehouse for the analyst tests, built once per session the way a user builds it.

`python -m pipeline run --json` is called in this process (a subprocess would pay Dagster's import
again) on the invented corpus of tests/pipeline_run.py, with its own DAGSTER_HOME and cache folder;
its stdout and stderr are kept, so the progress test reads the same run the other tests query (and
can re-run it on that cache).
"""
from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.cli import main
from tests.pipeline_run import write_corpus


@dataclass(frozen=True)
class SampleRun:
    raw: Path
    warehouse: Path
    cache: Path
    home: Path
    code: int
    stdout: str
    stderr: str


@pytest.fixture(scope="session")
def sample(tmp_path_factory) -> SampleRun:
    base = tmp_path_factory.mktemp("analyst")
    raw, warehouse = write_corpus(base / "raw"), base / "out" / "cooperation.duckdb"
    cache, home = base / "cache", base / "home"
    code, out, err = run_pipeline(raw, warehouse, cache, home)
    assert code == 0, err
    return SampleRun(raw, warehouse, cache, home, code, out, err)


def run_pipeline(raw: Path, warehouse: Path, cache: Path, home: Path) -> tuple[int, str, str]:
    """`python -m pipeline run --json` in this process: exit code, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DAGSTER_HOME", str(home))
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["run", "--raw-dir", str(raw), "--warehouse", str(warehouse), "--cache-dir", str(cache),
                         "--json"])
    return code, out.getvalue(), err.getvalue()
