"""Source URLs and languages through real runs into a temporary warehouse, as `python -m pipeline run` makes them.

One module-scoped sequence of runs: a first one with a sidecar (one good row, one naming a missing
file), one after the sidecar was edited (nothing is re-parsed or re-extracted, the URLs follow the
edit) and one after it was deleted (the URL the page states comes back).
"""
from __future__ import annotations

import contextlib
import io
import json

import pytest

from pipeline.analyst.report import render_report
from pipeline.cli import main
from pipeline.core.ids import make_id
from pipeline.defs import resources
from pipeline.defs.resources import PipelineSettings
from tests.pipeline_run import LAB, query, write_corpus
from tests.unit.ingest_helpers import CHINESE_SIMPLIFIED

MOU_PATH, LAB_PATH, VISIT_PATH, CHINESE_PATH = ("zju_hku_mou_2023.txt", "sustech_cuhk_lab_2021.txt",
                                                "sichuan_polyu_visit_2022.txt", "hubin_yunnan_2021.txt")
PAGE_URL = "https://news.example.edu/2021/09/quantum-lab"
FIRST, EDITED = "https://archive.example.org/mou", "https://archive.example.org/mou-v2"
LAB_SIDECAR = "https://archive.example.org/lab"


def run_cli(raw, warehouse, cache, home, monkeypatch) -> dict:
    out = io.StringIO()
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["run", "--raw-dir", str(raw), "--warehouse", str(warehouse), "--cache-dir", str(cache),
                     "--json"])
    assert code == 0
    return json.loads(out.getvalue())


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("sources")
    raw, home, cache = write_corpus(base / "raw"), base / "home", base / "cache"
    (raw / LAB_PATH).write_text(f"{LAB}\nSource: {PAGE_URL}\n", encoding="utf-8")
    (raw / CHINESE_PATH).write_text(f"湖滨大学与云南省签署合作协议\n\n{CHINESE_SIMPLIFIED}\n", encoding="utf-8")
    sidecar = raw / "sources.csv"
    steps = {
        "first": f"file,url\n{MOU_PATH},{FIRST}\nmissing.txt,https://archive.example.org/gone\n",
        "edited": f"file,url\n{MOU_PATH},{EDITED}\n{LAB_PATH},{LAB_SIDECAR}\n",
        "deleted": None,
    }
    out = {}
    with pytest.MonkeyPatch.context() as mp:
        # One fingerprint for the three runs: what is re-processed must depend on the sidecar alone, not on
        # code saved in the checkout while the test runs.
        fingerprint = resources.pipeline_fingerprint(PipelineSettings().rulebook())
        mp.setattr(resources, "pipeline_fingerprint", lambda rules: fingerprint)
        for step, text in steps.items():
            if text is None:
                sidecar.unlink()
            else:
                sidecar.write_text(text, encoding="utf-8")
            warehouse = base / step / "cooperation.duckdb"
            out[step] = (run_cli(raw, warehouse, cache, home, mp), warehouse)
    return out


def urls(warehouse) -> dict[str, str | None]:
    return dict(query(warehouse, "SELECT source_path, source_url FROM documents"))


def test_first_run_takes_urls_from_the_sidecar_and_the_page(runs):
    summary, db = runs["first"]
    assert summary["documents_seen"] == 5  # the four files of the corpus and the Chinese one: not the sidecar
    assert urls(db) == {MOU_PATH: FIRST, LAB_PATH: PAGE_URL, VISIT_PATH: None, CHINESE_PATH: None}
    (problem,) = query(db, "SELECT errors, document_id FROM rejected_records WHERE errors LIKE 'sources.csv%'")
    assert problem == ("sources.csv line 3: file 'missing.txt' does not exist in the raw folder", None)


def test_languages_are_recorded_and_the_unread_ones_counted(runs):
    summary, db = runs["first"]
    assert dict(query(db, "SELECT source_path, language FROM documents")) == {
        MOU_PATH: "en", LAB_PATH: "en", VISIT_PATH: "en", CHINESE_PATH: "zh"}
    assert summary["unread_language"] == 1
    html = render_report(db)
    assert "Documents in a language the extractors do not read, so no facts come from them: 1 (zh: 1)." in html


def test_views_and_report_cite_the_source_url(runs):
    _, db = runs["first"]
    mou = make_id("document", MOU_PATH)
    assert {r[0] for r in query(db, "SELECT document_source_url FROM agreement_overview WHERE document_id = ?",
                                [mou])} == {FIRST}
    assert query(db, "SELECT DISTINCT source_url FROM fact_evidence WHERE document_id = ?", [mou]) == [(FIRST,)]
    assert query(db, "SELECT DISTINCT document_source_url FROM delegation_overview") == [(None,)]
    assert f'<a class="original" href="{FIRST}" rel="noreferrer">original</a>' in render_report(db)


def test_editing_the_sidecar_changes_the_urls_without_reprocessing(runs):
    summary, db = runs["edited"]
    assert summary["documents_processed"] == 0
    assert urls(db) == {MOU_PATH: EDITED, LAB_PATH: LAB_SIDECAR, VISIT_PATH: None, CHINESE_PATH: None}
    assert query(db, "SELECT count(*) FROM rejected_records WHERE errors LIKE 'sources.csv%'") == [(0,)]
    first, _ = runs["first"]
    assert summary["tables"] == first["tables"] | {"rejected_records": first["tables"]["rejected_records"] - 1}


def test_deleting_the_sidecar_brings_back_the_url_the_page_states(runs):
    summary, db = runs["deleted"]
    assert summary["documents_processed"] == 0
    assert urls(db) == {MOU_PATH: None, LAB_PATH: PAGE_URL, VISIT_PATH: None, CHINESE_PATH: None}
