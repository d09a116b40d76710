"""The Dagster UI as a person meets it: `dg dev` (webserver and daemon) runs the job and shows its graph.

One test, end to end and through the public interfaces only: start `python -m pipeline ui` (what
`make ui` runs: it becomes `dg dev`) on a free loopback port against a temporary DAGSTER_HOME (a copy of the project's
dagster.yaml, so the pool limits are the real ones), launch `build_warehouse` with the GraphQL
`launchRun` mutation, with run config pointing the settings resource at a temporary raw folder,
warehouse and gold folder, poll `runOrError` until the run ends, then read every asset check
evaluation of the run from the instance. Finally headless Chromium, when there is one, renders the
global asset graph (into docs/img/asset-graph.png, the picture the README shows, when
REFRESH_PICTURES is set: `make pictures`). Every process started here belongs to
one process group, which the `finally` block stops (and the test checks that it is gone).
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import dagster as dg

from schemas import TABLE_MODELS
from tests.pipeline_run import GOLD, PROJECT_ROOT, query, write_corpus
from tests.support.chromium import dump_dom, picture_path, screenshot

STARTUP_LIMIT, RUN_LIMIT = 150, 150  # seconds: generous bounds for a loaded 2-core machine, not expectations

LAUNCH = """
mutation Launch($params: ExecutionParams!) {
  launchRun(executionParams: $params) {
    __typename
    ... on LaunchRunSuccess { run { runId } }
    ... on RunConfigValidationInvalid { errors { message } }
    ... on PythonError { message }
    ... on Error { message }
  }
}"""
WORKSPACE = """
{ workspaceOrError { __typename ... on Workspace { locationEntries { name loadStatus locationOrLoadError {
    __typename ... on RepositoryLocation { repositories { name } } ... on PythonError { message } } } } } }"""
RUN_STATUS = "query Status($id: ID!) { runOrError(runId: $id) { __typename ... on Run { status } } }"
FINISHED = {"SUCCESS", "FAILURE", "CANCELED"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def graphql(port: int, text: str, variables: dict | None = None) -> dict:
    body = json.dumps({"query": text, "variables": variables or {}}).encode("utf-8")
    request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        answer = json.loads(response.read())
    assert "errors" not in answer, answer["errors"]
    return answer["data"]


def wait_for(what: str, probe: Callable[[], object], limit: float, log: Path) -> object:
    """Poll `probe` until it returns something truthy; fail with the server log after `limit` seconds."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        with contextlib.suppress(urllib.error.URLError, ConnectionError):
            found = probe()
            if found:
                return found
        time.sleep(0.5)
    raise AssertionError(f"{what} within {limit} s; end of the dagster dev log:\n{log.read_text()[-3000:]}")


def stop_group(proc: subprocess.Popen) -> None:
    """SIGTERM the whole process group (dagster dev shuts its children down), SIGKILL what remains."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        pass
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def group_gone(pgid: int, limit: float = 30) -> bool:
    """Whether every process of the group has exited (killed children linger until init reaps them)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


@contextlib.contextmanager
def dagster_dev(home: Path, port: int, log: Path) -> Iterator[subprocess.Popen]:
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "pipeline", "ui", "--host", "127.0.0.1", "--port", str(port)],
            cwd=PROJECT_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            yield proc
        finally:
            stop_group(proc)
    assert group_gone(proc.pid), "dg dev left processes behind"


def loaded_location(port: int) -> dict | None:
    entries = graphql(port, WORKSPACE)["workspaceOrError"].get("locationEntries") or []
    errors = [e["locationOrLoadError"] for e in entries
              if e["locationOrLoadError"] and e["locationOrLoadError"]["__typename"] == "PythonError"]
    assert not errors, f"code location failed to load: {errors[0]['message']}"
    ready = [e for e in entries if e["loadStatus"] == "LOADED" and e["locationOrLoadError"]]
    return ready[0] if ready else None


def test_the_ui_runs_the_job_checks_pass_and_the_graph_renders(tmp_path, monkeypatch):
    home = tmp_path / "dagster_home"
    home.mkdir()
    monkeypatch.setenv("DAGSTER_HOME", str(home))  # the project's instance lives in DAGSTER_HOME (its storage's folder)
    shutil.copy(PROJECT_ROOT / ".dagster_home" / "dagster.yaml", home / "dagster.yaml")
    raw, warehouse, gold = write_corpus(tmp_path / "raw"), tmp_path / "out" / "cooperation.duckdb", tmp_path / "gold"
    gold.mkdir()
    (gold / "zju_hku_mou_2023.json").write_text(json.dumps(GOLD), encoding="utf-8")
    port, log = free_port(), tmp_path / "dagster-dev.log"
    settings = {"raw_dir": str(raw), "warehouse_path": str(warehouse), "gold_dir": str(gold)}

    with dagster_dev(home, port, log):
        location = wait_for("the code location loaded", lambda: loaded_location(port), STARTUP_LIMIT, log)
        selector = {"repositoryLocationName": location["name"],
                    "repositoryName": location["locationOrLoadError"]["repositories"][0]["name"],
                    "jobName": "build_warehouse"}
        launched = graphql(port, LAUNCH, {"params": {
            "selector": selector, "runConfigData": {"resources": {"settings": {"config": settings}}}}})["launchRun"]
        assert launched["__typename"] == "LaunchRunSuccess", launched
        run_id = launched["run"]["runId"]

        def finished() -> str | None:
            status = graphql(port, RUN_STATUS, {"id": run_id})["runOrError"]["status"]
            return status if status in FINISHED else None

        assert wait_for("the run finished", finished, RUN_LIMIT, log) == "SUCCESS"

        with dg.DagsterInstance.from_config(str(home)) as instance:
            records = instance.get_records_for_run(
                run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION, limit=1000).records
        checks = [r.event_log_entry.dagster_event.asset_check_evaluation_data for r in records]
        evaluations = {(c.asset_key.to_user_string(), c.check_name): c for c in checks}
        expected = {(t, "validation") for t in TABLE_MODELS}
        expected |= {("cooperation_warehouse", "published_contract"), ("cooperation_warehouse", "gold_slot_f1"),
                     ("corrections_applied", "corrections_still_apply")}
        assert set(evaluations) == expected
        assert [key for key, e in evaluations.items() if not e.passed] == []
        gold_f1 = evaluations[("cooperation_warehouse", "gold_slot_f1")].metadata
        assert gold_f1["documents"].value == 1 and 0.0 < gold_f1["slot_f1"].value <= 1.0
        assert query(warehouse, "SELECT count(*) FROM documents")[0][0] == 3

        assert "SupersessionWarning" not in log.read_text(), "the UI is started through a superseded entry point"

        graphql(port, "mutation { setNuxSeen }")  # the first-visit newsletter dialog would cover the graph
        page = f"http://127.0.0.1:{port}/asset-groups"
        dom = dump_dom(page, wait_ms=15000)  # skips here when there is no browser
        assert all(group in dom for group in ("ingest", "entities", "facts", "warehouse")), dom[-2000:]
        picture = screenshot(page, picture_path(tmp_path, "asset-graph.png"), wait_ms=15000)
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
