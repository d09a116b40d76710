"""Dagster at scale: what a run writes into the instance's event log does not grow with the documents.

Progress goes to the `pipeline.progress` logger every few seconds (pipeline/core/progress.py), not
into the event log, and rejections are logged one per line only up to LOGGED_REJECTIONS per step
(each is a rejected_records row anyway), so 100,000 documents do not write 100,000 events. The fixed
part is kept small too: one check per table, and the tables' values are not handed to the IO manager
(nothing reads them: the publishing step takes `validated_tables`).
"""
from __future__ import annotations

import logging
from collections import Counter

import dagster as dg
import pytest

from pipeline.definitions import defs
from pipeline.defs.ingest import LOGGED_REJECTIONS
from schemas import TABLE_MODELS
from tests.pipeline_run import MOU


@pytest.fixture(scope="module")
def run_logs(tmp_path_factory):
    """One run over a document and LOGGED_REJECTIONS + 5 empty files: its result and its event log."""
    tmp_path = tmp_path_factory.mktemp("events")
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "mou.txt").write_text(MOU, encoding="utf-8")
    for n in range(LOGGED_REJECTIONS + 5):
        (raw / f"empty_{n:02}.txt").write_bytes(b"")
    config = {"raw_dir": str(raw), "warehouse_path": str(tmp_path / "w.duckdb")}
    with dg.DagsterInstance.ephemeral() as instance:
        result = defs.resolve_job_def("build_warehouse").execute_in_process(
            run_config={"resources": {"settings": {"config": config}}}, instance=instance, raise_on_error=False)
        return result, list(instance.all_logs(result.run_id))


def test_rejections_past_the_first_twenty_are_one_line_and_progress_is_no_event(run_logs):
    result, logs = run_logs
    entries = [e for e in logs if e.step_key == "ingested_documents"]
    assert result.success
    warnings = [e.user_message for e in entries if e.level == logging.WARNING]
    assert len(warnings) == LOGGED_REJECTIONS + 1
    assert warnings[0].startswith("rejected empty_00.txt: ")
    assert warnings[-1] == "and 5 more rejections: see rejected_records"
    assert [e.user_message for e in entries if e.user_message.startswith(("parse:", "extract:"))] == []


def test_each_table_is_one_materialisation_and_one_check_and_its_value_is_not_stored(run_logs):
    result, logs = run_logs
    events = [e.dagster_event for e in logs if e.dagster_event]
    kinds = Counter(e.event_type for e in events)
    materialised = Counter(e.asset_key.to_user_string() for e in events
                           if e.event_type == dg.DagsterEventType.ASSET_MATERIALIZATION)
    assert all(materialised[table] == 1 for table in TABLE_MODELS)
    checked = Counter(e.asset_check_evaluation_data.asset_key.to_user_string() for e in events
                      if e.event_type == dg.DagsterEventType.ASSET_CHECK_EVALUATION)
    # every table once; beside them published_contract and corrections_still_apply (no gold folder here)
    assert checked == Counter({**dict.fromkeys(TABLE_MODELS, 1), "cooperation_warehouse": 1,
                               "corrections_applied": 2})
    assert kinds[dg.DagsterEventType.ASSET_CHECK_EVALUATION_PLANNED] == len(TABLE_MODELS) + 3  # gold_slot_f1 too
    handled = {e.event_specific_data.output_name for e in events if e.event_type == dg.DagsterEventType.HANDLED_OUTPUT}
    assert handled.isdisjoint(TABLE_MODELS) and "validated_tables" in handled
