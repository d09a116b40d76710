"""The real development set (tests/realset): its tune split scores at least as well as it did when
the floors were last raised, so a change that helps the texts we wrote cannot quietly cost real text.

The texts are other people's writing and are fetched, not committed (tests/realset/README.md):
without them these tests skip. The held-back split is never scored here.
"""
from __future__ import annotations

import dagster as dg
import pytest

from pipeline.core.evaluate import score_warehouse
from tests.pipeline_run import run_job
from tests.realset.run import fetched, manifest, stage

# Measured on the tune split when the floors were set; a regression guard, a little below the score.
# (2026-12-06, second session: overall 0.942; agreements 0.93, delegations 0.92, labs 0.96, domains 0.97.)
TUNE_OVERALL = 0.92
TUNE_PER_TYPE = {"agreements": 0.90, "delegations": 0.89, "labs": 0.93, "domains": 0.94}


@pytest.fixture(scope="module")
def tune(tmp_path_factory):
    chosen = [d for d in manifest() if d["split"] == "tune"]
    documents, problems = fetched(chosen)
    if len(documents) < len(chosen):
        pytest.skip(f"the real set's texts are not all fetched into tests/realset/raw ({len(problems)} missing "
                    "or changed): see tests/realset/README.md")
    raw, gold = stage(documents, tmp_path_factory.mktemp("realset"))
    warehouse = raw.parent / "cooperation.duckdb"
    with dg.DagsterInstance.ephemeral() as instance:
        assert run_job(instance, raw, warehouse).success
    return score_warehouse(warehouse, gold)


def test_the_tune_split_scores_at_its_floor(tune):
    assert not tune["documents_missing"]
    assert tune["overall_slot"]["f1"] >= TUNE_OVERALL
    for kind, floor in TUNE_PER_TYPE.items():
        assert tune["slots"][kind]["f1"] >= floor, kind
