"""Per-document work on a Dask cluster (pipeline/core/cluster.py): the same warehouse as a local run.

One 2-worker LocalCluster (forked workers, as `--dask-local` starts them) serves the module: a run
of the project's raw/ on it publishes the local run's tables, digest for digest.
"""
from __future__ import annotations

import os
import socket

import dagster as dg
import pytest

from pipeline import cli
from pipeline.core import cluster as cluster_module
from pipeline.core.cluster import (
    SCHEDULER_ENV,
    ClusterUnavailable,
    DaskCluster,
    DocumentFailed,
    RulesBundle,
    WorkerMismatch,
    batch_size,
    connect,
    executor_for,
    local_cluster,
    run_batch,
    scheduler_address,
)
from pipeline.core.document_stage import pipeline_fingerprint
from pipeline.core.parallel import LOCAL
from pipeline.core.reference import ReferenceDataError, load_rulebook
from pipeline.core.table_digest import table_digests
from pipeline.defs.resources import PROJECT_RAW, PipelineSettings
from tests.pipeline_run import run_job
from tests.support.rules import default_rulebook


@pytest.fixture(scope="module")
def address():
    with local_cluster(2) as scheduler:
        yield scheduler


@pytest.fixture(scope="module")
def client(address):
    with connect(address) as connected:
        yield connected


def _double(item: int, rules) -> int:
    return 2 * item


class _Doc:
    def __init__(self, source_path: str):
        self.source_path = source_path


def _fail_on_b(item: _Doc, rules) -> str:
    if item.source_path == "b.txt":
        raise ValueError("no date")
    return item.source_path


def test_the_setting_comes_before_the_environment_and_blank_values_do_not_count():
    env = {SCHEDULER_ENV: " tcp://env:8786 "}
    assert scheduler_address("tcp://setting:8786", env) == "tcp://setting:8786"
    assert scheduler_address(None, env) == "tcp://env:8786"
    assert scheduler_address("  ", env) == "tcp://env:8786"
    assert scheduler_address(None, {SCHEDULER_ENV: ""}) is None
    assert scheduler_address(None, {}) is None


def test_the_command_line_flag_replaces_the_resource_setting():
    @dg.asset
    def scheduler(settings: PipelineSettings) -> str | None:
        return settings.dask_scheduler

    job = dg.Definitions(assets=[scheduler], resources={"settings": PipelineSettings(dask_scheduler="tcp://setting:1")}
                         ).resolve_implicit_global_asset_job_def()
    args = cli.parser().parse_args(["run", "--dask-scheduler", "tcp://flag:2"])
    config = cli._settings_config(args)
    assert config == {"dask_scheduler": "tcp://flag:2"}
    flagged = job.execute_in_process(run_config={"resources": {"settings": {"config": config}}})
    assert flagged.output_for_node("scheduler") == "tcp://flag:2"
    assert job.execute_in_process().output_for_node("scheduler") == "tcp://setting:1"


def test_the_two_flags_exclude_each_other_and_the_local_cluster_needs_a_worker(capsys):
    with pytest.raises(SystemExit):
        cli.parser().parse_args(["run", "--dask-scheduler", "tcp://a:1", "--dask-local", "2"])
    with pytest.raises(SystemExit):
        cli.parser().parse_args(["run", "--dask-local", "0"])
    assert "'0' is not a positive whole number" in capsys.readouterr().err


def test_batches_are_a_few_per_worker_thread_and_at_most_two_hundred_documents():
    assert batch_size(10_000, 2) == 200
    assert batch_size(20, 2) == 3
    assert batch_size(1, 8) == 1


def test_the_rulebook_travels_as_its_files_and_altered_files_are_refused(tmp_path):
    rules = default_rulebook()
    bundle = RulesBundle.of(rules)
    assert {name for name, _ in bundle.files} == {p.name for p in rules.directory.iterdir() if p.is_file()}
    assert bundle.rulebook(tmp_path).digest == rules.digest
    assert (tmp_path / f"cooperation-rules-{rules.digest}" / "names.yaml").read_bytes() == (
        rules.directory / "names.yaml").read_bytes()

    altered = RulesBundle(rules.digest, tuple((name, data + b"\n# edited\n" if name == "names.yaml" else data)
                                              for name, data in bundle.files))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    with pytest.raises(ReferenceDataError) as raised:
        altered.rulebook(elsewhere)
    folder = elsewhere / f"cooperation-rules-{rules.digest}"
    assert str(raised.value) == (f"the reference files in {folder} have digest {load_rulebook(folder).digest}, "
                                 f"not the {rules.digest} that was sent: delete the folder")


def _worker_pids(client) -> set[int]:
    return set(client.run(os.getpid).values())


def test_a_worker_with_other_code_is_refused(client):
    rules = default_rulebook()
    wrong = "0" * 16
    future = client.submit(run_batch, _double, [1], RulesBundle.of(rules), wrong, pure=False)
    with pytest.raises(WorkerMismatch) as raised:
        future.result()
    expected = {f"worker on {socket.gethostname()} (pid {pid}) has pipeline fingerprint "
                f"{pipeline_fingerprint(rules)}, this run {wrong}: its pipeline code or version differs; install "
                "this version on every worker and restart them" for pid in _worker_pids(client)}
    assert str(raised.value) in expected


def test_results_come_back_in_order_and_a_failing_document_is_named(address, client):
    rules = default_rulebook()
    cluster = DaskCluster(address)
    assert list(cluster.map(_double, list(range(50)), rules)) == [2 * i for i in range(50)]
    assert list(cluster.map(_double, [], rules)) == []

    docs = [_Doc(name) for name in ("a.txt", "b.txt", "c.txt")]
    with pytest.raises(DocumentFailed) as raised:
        list(cluster.map(_fail_on_b, docs, rules))
    expected = {f"b.txt failed on the worker on {socket.gethostname()} (pid {pid}): ValueError: no date"
                for pid in _worker_pids(client)}
    assert str(raised.value) in expected


def test_a_run_on_the_cluster_publishes_the_local_runs_tables_and_resends_no_cached_document(address, tmp_path):
    with dg.DagsterInstance.ephemeral() as instance:
        local = run_job(instance, PROJECT_RAW, tmp_path / "local" / "cooperation.duckdb")
        on_dask = run_job(instance, PROJECT_RAW, tmp_path / "dask" / "cooperation.duckdb", dask_scheduler=address)
        again = run_job(instance, PROJECT_RAW, tmp_path / "dask" / "cooperation.duckdb", dask_scheduler=address)
    assert local.success and on_dask.success and again.success
    assert (on_dask.processed, on_dask.extracted) == (20, 20)
    assert on_dask.metadata["document_extractions"]["engine"].value == f"Dask scheduler {address}"
    assert table_digests(tmp_path / "dask" / "cooperation.duckdb") == table_digests(
        tmp_path / "local" / "cooperation.duckdb")
    assert (again.processed, again.skipped, again.extracted) == (0, 20, 0)


def test_dask_local_starts_a_cluster_for_the_run_and_closes_it():
    with cli._dask_local(2) as setting:
        with connect(setting["dask_scheduler"]) as client:
            assert [w["nthreads"] for w in client.scheduler_info()["workers"].values()] == [1, 1]
    with cli._dask_local(None) as setting:
        assert setting == {}


def test_an_unreachable_scheduler_is_named_and_not_needed_when_nothing_is_to_compute(monkeypatch):
    monkeypatch.setattr(cluster_module, "CONNECT_SECONDS", 1)
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    unreachable = DaskCluster(f"tcp://127.0.0.1:{port}")
    assert list(unreachable.map(_double, [], default_rulebook())) == []
    with pytest.raises(ClusterUnavailable) as raised:
        list(unreachable.map(_double, [1], default_rulebook()))
    assert str(raised.value).startswith(f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}: ")


def test_the_engine_follows_the_address():
    assert executor_for(None) is LOCAL
    assert executor_for("tcp://h:1") == DaskCluster("tcp://h:1")
