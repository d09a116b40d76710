"""Dagster at scale: what a run writes into the instance's event log does not grow with the documents.

Progress goes to the `pipeline.progress` logger every few seconds (pipeline/core/progress.py), not
into the event log, and rejections are logged one per line only up to LOGGED_REJECTIONS per step
(each is a rejected_records row anyway), so 100,000 documents do not write 100,000 events.
"""
from __future__ import annotations

import logging

import dagster as dg

from pipeline.definitions import defs
from pipeline.defs.ingest import LOGGED_REJECTIONS
from tests.pipeline_run import MOU


def test_rejections_past_the_first_twenty_are_one_line_and_progress_is_no_event(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "mou.txt").write_text(MOU, encoding="utf-8")
    for n in range(LOGGED_REJECTIONS + 5):
        (raw / f"empty_{n:02}.txt").write_bytes(b"")
    config = {"raw_dir": str(raw), "warehouse_path": str(tmp_path / "w.duckdb")}
    with dg.DagsterInstance.ephemeral() as instance:
        result = defs.resolve_job_def("build_warehouse").execute_in_process(
            run_config={"resources": {"settings": {"config": config}}}, instance=instance, raise_on_error=False)
        entries = [e for e in instance.all_logs(result.run_id) if e.step_key == "ingested_documents"]
    assert result.success
    warnings = [e.user_message for e in entries if e.level == logging.WARNING]
    assert len(warnings) == LOGGED_REJECTIONS + 1
    assert warnings[0].startswith("rejected empty_00.txt: ")
    assert warnings[-1] == "and 5 more rejections: see rejected_records"
    assert [e.user_message for e in entries if e.user_message.startswith(("parse:", "extract:"))] == []
