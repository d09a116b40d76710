"""The Dagster code location loads, and says what the design asks of it."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import dagster as dg

from pipeline.definitions import defs
from pipeline.defs.automation import raw_folder_sensor
from pipeline.defs.resources import PipelineSettings
from schemas import TABLE_COLUMNS, TABLE_DESCRIPTIONS, TABLE_GROUPS, TABLE_MODELS, column_descriptions
from tests.pipeline_run import PROJECT_ROOT

# What the asset graph should show: written out, so that a model declaring the wrong group fails here.
GROUPS = {
    "ingest": {"ingested_documents", "document_extractions", "documents"},
    "entities": {"organizations", "organization_aliases", "people", "person_affiliations", "places", "mentions"},
    "facts": {"agreements", "agreement_parties", "agreement_signatories", "agreement_activities", "delegations",
              "labs", "lab_mentions", "collaboration_domains", "document_domains", "agreement_domains",
              "lab_domains"},
    "warehouse": {"validated_tables", "cooperation_warehouse", "rejected_records", "corrections_applied",
                  "build_info"},
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
    for table in TABLE_COLUMNS:  # a table asset's group and description are its model's
        node = graph.get(dg.AssetKey(table))
        assert (node.group_name, node.description) == (TABLE_GROUPS[table], TABLE_DESCRIPTIONS[table]), table


def test_each_table_asset_shows_its_columns_with_their_meanings_from_the_model():
    graph = defs.resolve_asset_graph()
    for table in TABLE_COLUMNS:
        schema = graph.get(dg.AssetKey(table)).metadata["dagster/column_schema"]
        assert [(c.name, c.type) for c in schema.columns] == list(TABLE_COLUMNS[table].items()), table
        assert [c.description for c in schema.columns] == list(column_descriptions(table).values()), table
        assert all(c.description for c in schema.columns), table
    agreements = {c.name: c for c in graph.get(dg.AssetKey("agreements")).metadata["dagster/column_schema"].columns}
    assert "count(distinct event_id)" in agreements["event_id"].description
    key, title = agreements["agreement_id"].constraints, agreements["title"].constraints
    assert key.unique and not key.nullable and title.nullable and not title.unique


def test_each_table_has_one_blocking_check_and_the_writer_is_pooled():
    graph = defs.resolve_asset_graph()
    on_tables = {(k.asset_key.to_user_string(), k.name) for k in graph.asset_check_keys
                 if k.asset_key.to_user_string() in TABLE_MODELS}
    assert on_tables == {(t, "validation") for t in TABLE_MODELS} | {("corrections_applied", "corrections_still_apply")}
    for table in TABLE_MODELS:
        assert graph.get_check_spec(dg.AssetCheckKey(dg.AssetKey(table), "validation")).blocking, table
    gold = dg.AssetCheckKey(dg.AssetKey("cooperation_warehouse"), "gold_slot_f1")
    assert not graph.get_check_spec(gold).blocking  # a score, not a gate
    writer = defs.resolve_assets_def("cooperation_warehouse")
    assert writer.op.pool == "duckdb_writer"
    assert "duckdb" in graph.get(dg.AssetKey("cooperation_warehouse")).kinds


def test_the_project_instance_lets_one_step_at_a_time_write_duckdb(tmp_path, monkeypatch):
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))  # the instance's folder, where its storage lives
    (tmp_path / "dagster.yaml").write_text((PROJECT_ROOT / ".dagster_home" / "dagster.yaml").read_text())
    with dg.DagsterInstance.from_config(str(tmp_path)) as instance:
        storage = instance.event_log_storage
        storage.initialize_concurrency_limit_to_default("duckdb_writer")  # what a step does on first use of a pool
        assert storage.get_concurrency_info("duckdb_writer").slot_count == 1
        first = storage.claim_concurrency_slot("duckdb_writer", "run-a", "cooperation_warehouse")
        second = storage.claim_concurrency_slot("duckdb_writer", "run-b", "cooperation_warehouse")
        assert first.is_claimed and not second.is_claimed
        storage.free_concurrency_slots_for_run("run-a")
        assert storage.claim_concurrency_slot("duckdb_writer", "run-b", "cooperation_warehouse").is_claimed


def test_gold_folder_defaults_to_the_projects_gold_files_for_the_projects_raw_folder(tmp_path):
    assert PipelineSettings().gold_path == PROJECT_ROOT / "tests" / "gold" / "raw"
    assert PipelineSettings(raw_dir=str(tmp_path)).gold_path is None
    assert PipelineSettings(raw_dir=str(tmp_path), gold_dir=str(tmp_path / "g")).gold_path == tmp_path / "g"


def test_the_schedule_requests_the_whole_job_every_day_at_six_utc():
    schedule = defs.resolve_schedule_def("daily_build")
    assert (schedule.cron_schedule, schedule.execution_timezone, schedule.job_name) == \
        ("0 6 * * *", "UTC", "build_warehouse")
    context = dg.build_schedule_context(scheduled_execution_time=dt.datetime(2026, 1, 2, 6, tzinfo=dt.timezone.utc))
    requests = schedule.evaluate_tick(context).run_requests
    assert len(requests) == 1 and requests[0].asset_selection is None  # the job's selection: every asset


def _tick(raw, cursor):
    context = dg.build_sensor_context(cursor=cursor, resources={"settings": PipelineSettings(raw_dir=str(raw))})
    result = raw_folder_sensor(context)
    return result, context.cursor


def test_sensor_skips_a_missing_raw_folder(tmp_path):
    result, _ = _tick(tmp_path / "nowhere", None)
    assert isinstance(result, dg.SkipReason) and "does not exist" in result.skip_message


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
    result, cursor = _tick(raw, cursor)
    assert isinstance(result, dg.SkipReason)  # a batch is arriving
    (raw / "a.txt").write_text("one, edited", encoding="utf-8")
    result, cursor = _tick(raw, cursor)
    assert isinstance(result, dg.SkipReason)  # still arriving
    result, cursor = _tick(raw, cursor)
    assert isinstance(result, dg.RunRequest) and result.run_key is None  # one run for the whole batch
    (raw / "b.txt").unlink()
    assert isinstance(_tick(raw, _tick(raw, cursor)[1])[0], dg.RunRequest)  # a deletion is a change too
