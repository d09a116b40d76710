"""`python -m pipeline run|evaluate` as a user calls them, each with its own DAGSTER_HOME.

The builds call `cli.main` in this process (a subprocess would pay Dagster's import time again);
the subprocess tests check the `python -m pipeline` entry point and its exit codes.
"""
from __future__ import annotations

import contextlib
import io
import json

import dagster as dg
import pytest

from pipeline.cli import _settings_config, free_stale_pool_slots, main, parser
from pipeline.core.guards import RunRefused
from pipeline.defs.resources import PipelineSettings
from schemas import TABLE_COLUMNS
from tests.pipeline_run import GOLD, PROJECT_ROOT, cli, query, stored_files, write_corpus


def call(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("cli")
    raw, warehouse = write_corpus(base / "raw"), base / "out" / "cooperation.duckdb"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DAGSTER_HOME", str(base / "home"))
        outputs = []
        for _ in range(2):  # the second run sees the same input: everything comes from the cache
            stdout = io.StringIO()
            with contextlib.redirect_stdout(stdout):
                code = main(["run", "--raw-dir", str(raw), "--warehouse", str(warehouse), "--json"])
            assert code == 0, "run failed"
            outputs.append(stdout.getvalue())
    return base, warehouse, code, outputs[0], outputs[1]


def test_run_prints_a_one_line_json_summary(built):
    base, warehouse, code, stdout, _ = built
    assert code == 0
    lines = stdout.strip().splitlines()
    assert len(lines) == 1
    summary = json.loads(lines[0])
    assert set(summary) == {"documents_seen", "documents_processed", "unread_language", "rejected", "tables",
                            "warehouse", "seconds", "step_seconds"}
    assert summary["unread_language"] == 0  # the three articles are in English
    assert set(summary["step_seconds"]) >= {"ingested_documents", "document_extractions", "contract_tables",
                                            "cooperation_warehouse"}
    assert all(0 <= s <= summary["seconds"] for s in summary["step_seconds"].values())
    assert (summary["documents_seen"], summary["documents_processed"]) == (4, 3)
    assert summary["rejected"] >= 1  # the empty file
    assert set(summary["tables"]) == set(TABLE_COLUMNS)
    assert summary["warehouse"] == str(warehouse)
    assert summary["tables"]["documents"] == query(warehouse, "SELECT count(*) FROM documents")[0][0] == 3


def test_a_rerun_of_unchanged_input_processes_no_document(built):
    *_, first, second = built
    first, second = json.loads(first), json.loads(second)
    assert second["documents_seen"] == first["documents_seen"] == 4
    assert second["documents_processed"] == 0
    assert second["tables"] == first["tables"]


def test_run_is_recorded_in_the_dagster_instance(built):
    base, _, code, _, _ = built
    assert code == 0
    with dg.DagsterInstance.from_config(str(base / "home")) as instance:
        runs = instance.get_runs()
    assert [(r.job_name, r.status) for r in runs] == [("build_warehouse", dg.DagsterRunStatus.SUCCESS)] * 2


def test_entry_point_answers_help(tmp_path):
    proc = cli("--help", dagster_home=tmp_path)
    assert proc.returncode == 0 and all(c in proc.stdout for c in ("run", "evaluate", "ui"))


def test_the_reference_folder_is_a_setting_of_the_run(tmp_path):
    config = _settings_config(parser().parse_args(["run", "--reference-dir", str(tmp_path / "rules")]))
    assert PipelineSettings(**config).reference_path == tmp_path.resolve() / "rules"
    assert PipelineSettings().reference_path == PROJECT_ROOT / "pipeline" / "reference"


def test_the_corrections_file_is_a_setting_of_the_run(tmp_path):
    config = _settings_config(parser().parse_args(["run", "--corrections", str(tmp_path / "mine.yaml")]))
    settings = PipelineSettings(**config)
    assert settings.corrections_path == tmp_path.resolve() / "mine.yaml"
    with pytest.raises(RunRefused, match="mine.yaml does not exist"):  # named on purpose: a missing file is a typo
        settings.corrections()
    assert PipelineSettings().corrections_path == PROJECT_ROOT / "corrections" / "corrections.yaml"
    assert len(PipelineSettings().corrections()) == 0  # the shipped file: every example commented out


def test_run_on_a_missing_folder_fails_clearly(tmp_path):
    proc = cli("run", "--raw-dir", str(tmp_path / "nowhere"), "--warehouse", str(tmp_path / "w.duckdb"),
               dagster_home=tmp_path / "home")
    assert proc.returncode != 0
    assert "nowhere" in proc.stderr and "does not exist" in proc.stderr
    assert not (tmp_path / "w.duckdb").exists()


def test_evaluate_scores_the_warehouse_against_a_gold_folder(built, tmp_path, capsys):
    _, warehouse, code, _, _ = built
    assert code == 0
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "zju_hku_mou_2023.json").write_text(json.dumps(GOLD), encoding="utf-8")
    code, out, err = call(capsys, "evaluate", "--gold", str(gold), "--warehouse", str(warehouse), "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["documents"] == 1 and not result["documents_missing"]
    assert 0.0 <= result["overall_slot"]["f1"] <= 1.0
    code, out, _ = call(capsys, "evaluate", "--gold", str(gold), "--warehouse", str(warehouse))
    assert code == 0 and "documents scored: 1" in out


def test_evaluate_without_a_warehouse_fails_clearly(tmp_path, capsys):
    code, _, err = call(capsys, "evaluate", "--gold", str(tmp_path), "--warehouse", str(tmp_path / "none.duckdb"))
    assert code != 0 and "does not exist" in err


def test_slots_left_by_a_dead_run_are_released(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("DAGSTER_HOME", str(home))  # the project's instance lives in DAGSTER_HOME (its storage's folder)
    (home / "dagster.yaml").write_text((PROJECT_ROOT / ".dagster_home" / "dagster.yaml").read_text())
    with dg.DagsterInstance.from_config(str(home)) as instance:
        instance.event_log_storage.claim_concurrency_slot("duckdb_writer", "run-that-died", "cooperation_warehouse")
        assert free_stale_pool_slots(instance) == ["run-that-died"]
        assert free_stale_pool_slots(instance) == []


def test_two_runs_at_once_on_one_instance_keep_their_own_data(tmp_path):
    """Step values pass through a folder per command-line run: a run beside another never publishes
    the other's documents."""
    import os
    import subprocess
    import sys

    home = tmp_path / "home"
    corpora = {"a": write_corpus(tmp_path / "a"), "b": tmp_path / "b"}
    corpora["b"].mkdir()
    (corpora["b"] / "only_b.txt").write_text(
        "Jilin University and Peking University sign agreement\n\n"
        "Jilin University and Peking University signed a cooperation agreement in Changchun today.\n",
        encoding="utf-8")
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    home.mkdir()
    dg.DagsterInstance.from_config(str(home)).dispose()  # an instance in use, as the UI's or last night's run left it
    procs = {name: subprocess.Popen([sys.executable, "-m", "pipeline", "run", "--raw-dir", str(raw), "--warehouse",
                                     str(tmp_path / f"{name}.duckdb"), "--json"], cwd=PROJECT_ROOT, env=env,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for name, raw in corpora.items()}
    for name, proc in procs.items():
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err[-2000:]
    paths = {name: sorted(r[0] for r in query(tmp_path / f"{name}.duckdb", "SELECT source_path FROM documents"))
             for name in corpora}
    assert paths["b"] == ["only_b.txt"]
    assert "only_b.txt" not in paths["a"] and len(paths["a"]) == 3
    stored = {p.name for p in (home / "storage").rglob("*")} if (home / "storage").exists() else set()
    assert not stored & {"ingested_documents", "document_extractions", "documents"}  # step values stay in memory


def test_an_empty_raw_folder_does_not_replace_the_warehouse(built, tmp_path, capsys):
    """An unmounted volume or a typo must not publish an empty warehouse over a good one, nor prune the cache."""
    base, warehouse, *_ = built
    empty = tmp_path / "empty"
    empty.mkdir()
    cache = warehouse.with_name("cooperation.cache")
    cache_entries = (sorted(p.name for p in cache.iterdir()), stored_files(cache))
    before = query(warehouse, "SELECT count(*) FROM documents")[0][0]
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DAGSTER_HOME", str(base / "home"))
        code, _, err = call(capsys, "run", "--raw-dir", str(empty), "--warehouse", str(warehouse), "--json")
    error = err[err.index("error: "):]  # the lines the CLI prints itself, after Dagster's log
    assert code == 1 and "no usable document" in error and "--allow-shrink" in error
    assert "ingested_documents: RunRefused: the raw folder holds no usable document" in error  # the cause itself,
    assert "Error occurred while executing" not in error and "pipeline.core" not in error  # not its wrappers
    assert query(warehouse, "SELECT count(*) FROM documents")[0][0] == before == 3
    assert (sorted(p.name for p in cache.iterdir()), stored_files(cache)) == cache_entries


def test_allow_shrink_publishes_a_smaller_warehouse_on_purpose(tmp_path, capsys):
    raw, warehouse = write_corpus(tmp_path / "raw"), tmp_path / "out" / "w.duckdb"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DAGSTER_HOME", str(tmp_path / "home"))
        assert call(capsys, "run", "--raw-dir", str(raw), "--warehouse", str(warehouse), "--json")[0] == 0
        for name in ("sichuan_polyu_visit_2022.txt", "sustech_cuhk_lab_2021.txt"):
            (raw / name).unlink()  # 1 of 3 documents left
        code, _, err = call(capsys, "run", "--raw-dir", str(raw), "--warehouse", str(warehouse), "--json")
        assert code == 1 and "the published warehouse has 3" in err
        code, _, _ = call(capsys, "run", "--raw-dir", str(raw), "--warehouse", str(warehouse), "--json",
                          "--allow-shrink")
    assert code == 0 and query(warehouse, "SELECT count(*) FROM documents")[0][0] == 1


def test_a_warehouse_folder_that_cannot_be_written_fails_first_with_its_cause(tmp_path, capsys):
    (tmp_path / "a-file").write_text("not a folder")
    raw = write_corpus(tmp_path / "raw")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DAGSTER_HOME", str(tmp_path / "home"))
        code, _, err = call(capsys, "run", "--raw-dir", str(raw), "--warehouse", str(tmp_path / "a-file" / "w.duckdb"))
    error_line = next(line for line in err[err.index("error: "):].splitlines() if "warehouse folder" in line)
    assert code == 1 and "a-file" in error_line and "is a file, not a folder" in error_line
    assert "parse:" not in err  # stopped before reading any document


def test_the_cache_is_a_folder_of_its_own_beside_the_warehouse(built):
    _, warehouse, *_ = built
    cache = warehouse.with_name("cooperation.cache")
    assert (cache / "CACHEDIR.TAG").is_file() and stored_files(cache) == 3
    assert not (warehouse.parent / ".cache").exists()


def test_a_killed_command_line_run_is_marked_failed_so_the_queue_moves(tmp_path, monkeypatch):
    """A run whose process died (SIGKILL, OOM) stays STARTED; the next command-line run fails it."""
    import socket
    import subprocess

    from pipeline.cli import HOST_TAG, PID_TAG, fail_dead_runs

    dead = subprocess.Popen(["true"])
    dead.wait()  # a pid that no longer runs
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("DAGSTER_HOME", str(home))  # the project's instance lives in DAGSTER_HOME (its storage's folder)
    (home / "dagster.yaml").write_text((PROJECT_ROOT / ".dagster_home" / "dagster.yaml").read_text())
    with dg.DagsterInstance.from_config(str(home)) as instance:
        def started(run_id: str, pid: int, host: str = socket.gethostname()) -> None:
            instance.add_run(dg.DagsterRun(job_name="build_warehouse", run_id=run_id, status=dg.DagsterRunStatus.STARTED,
                                           tags={HOST_TAG: host, PID_TAG: str(pid)}))

        started("killed", dead.pid)
        started("alive", __import__("os").getpid())
        started("elsewhere", dead.pid, host="another-machine")
        assert fail_dead_runs(instance) == ["killed"]
        assert instance.get_run_by_id("killed").status == dg.DagsterRunStatus.FAILURE
        assert instance.get_run_by_id("alive").status == dg.DagsterRunStatus.STARTED
        assert instance.get_run_by_id("elsewhere").status == dg.DagsterRunStatus.STARTED
        assert fail_dead_runs(instance) == []


def test_the_readme_summary_example_is_a_real_run_of_raw(built):
    """The README's example summary has the keys a run prints and the counts of the project's raw/."""
    import re

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    example = json.loads(re.search(r"```json\n(\{.*?\})\n```", readme, re.S).group(1))
    real = json.loads(built[3])
    assert set(example) == set(real)
    files = [p for p in (PROJECT_ROOT / "raw").rglob("*")
             if p.is_file() and not p.name.startswith(".") and p.relative_to(PROJECT_ROOT / "raw").as_posix() != "sources.csv"]
    assert example["documents_seen"] == len(files)
    assert example["tables"]["documents"] == len(files)  # every article in raw/ is usable


def test_the_error_line_names_the_first_cause_that_is_not_dagsters():
    from dagster._utils.error import SerializableErrorInfo

    from pipeline.cli import root_cause

    key_error = SerializableErrorInfo("KeyError: 'x'\n", [], "KeyError")
    ours = SerializableErrorInfo("pipeline.core.validate.TableSchemaError: agreements: column x missing\n", [],
                                 "TableSchemaError", cause=key_error)
    wrapper = SerializableErrorInfo('Error occurred while executing op "contract_tables":', [],
                                    "DagsterExecutionStepExecutionError", cause=ours)
    assert root_cause(wrapper) == "TableSchemaError: agreements: column x missing"
    assert root_cause(key_error) == "KeyError: 'x'"
