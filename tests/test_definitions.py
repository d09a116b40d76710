"""The Dagster code location loads, and says what the design asks of it."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import dagster as dg

from pipeline.defs.automation import raw_folder_sensor
from pipeline.defs.resources import PipelineSettings
from schemas import TABLE_COLUMNS, TABLE_MODELS
from tests.pipeline_run import PROJECT_ROOT

from pipeline.definitions import defs

GROUPS = {
    "ingest": {"ingested_documents", "document_extractions", "documents"},
    "entities": {"organizations", "organization_aliases", "people", "person_affiliations", "places", "mentions"},
    "facts": {"agreements", "agreement_parties", "agreement_signatories", "agreement_activities", "delegations",
              "labs", "lab_mentions", "collaboration_domains", "document_domains", "agreement_domains",
              "lab_domains"},
    "warehouse": {"cooperation_warehouse", "rejected_records"},
}


def test_definitions_load():
    dg.Definitions.validate_loadable(defs)
    assert defs.resolve_job_def("build_warehouse") is not None


def test_dagster_cli_validates_the_code_location(tmp_path):
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "dagster", "definitions", "validate", "-m", "pipeline.definitions"],
                          cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_every_asset_is_grouped_described_owned_and_kinded():
    graph = defs.resolve_asset_graph()
    by_group: dict[str, set[str]] = {}
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        by_group.setdefault(node.group_name, set()).add(key.to_user_string())
        assert node.description, key
        assert node.owners, key
        assert node.kinds, key
    assert by_group == GROUPS
    assert set(TABLE_COLUMNS) <= set().union(*GROUPS.values())


def test_each_table_has_a_blocking_pandera_check_and_the_writer_is_pooled():
    graph = defs.resolve_asset_graph()
    checks = {k.asset_key.to_user_string(): k for k in graph.asset_check_keys if k.name == "pandera_schema"}
    assert set(checks) == set(TABLE_MODELS)
    for key in checks.values():
        assert graph.get_check_spec(key).blocking, key
    writer = defs.resolve_assets_def("cooperation_warehouse")
    assert writer.op.pool == "duckdb_writer"
    assert "duckdb" in graph.get(dg.AssetKey("cooperation_warehouse")).kinds


def test_schedule_and_sensor_are_defined():
    assert defs.resolve_schedule_def("daily_build").cron_schedule == "0 6 * * *"
    assert defs.resolve_sensor_def("raw_folder_sensor") is not None


def _tick(raw, cursor):
    context = dg.build_sensor_context(cursor=cursor, resources={"settings": PipelineSettings(raw_dir=str(raw))})
    result = raw_folder_sensor(context)
    return result, context.cursor


def test_sensor_requests_one_run_per_settled_batch_of_changes(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("one", encoding="utf-8")
    result, cursor = _tick(raw, None)
    assert isinstance(result, dg.SkipReason)  # first sight: wait for the folder to settle
    result, cursor = _tick(raw, cursor)
    assert isinstance(result, dg.RunRequest) and result.run_key is None
    result, cursor = _tick(raw, cursor)
    assert isinstance(result, dg.SkipReason)  # nothing new
    (raw / "b.txt").write_text("two", encoding="utf-8")
    time.sleep(0.01)
    (raw / "a.txt").write_text("one, edited", encoding="utf-8")
    result, cursor = _tick(raw, cursor)
    assert isinstance(result, dg.SkipReason)
    result, cursor = _tick(raw, cursor)
    assert isinstance(result, dg.RunRequest)  # one run for both changes
    (raw / "b.txt").unlink()
    assert isinstance(_tick(raw, _tick(raw, cursor)[1])[0], dg.RunRequest)  # a deletion is a change too
