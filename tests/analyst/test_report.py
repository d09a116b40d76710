"""`python -m pipeline report`: a self-contained HTML file whose charts and facts a browser shows."""
from __future__ import annotations

import re
import subprocess
import sys

import duckdb
import lxml.html
import pytest

from pipeline.analyst.report import REVIEW_FACTS
from pipeline.cli import main
from pipeline.core.review import review_queue
from tests.pipeline_run import PROJECT_ROOT
from tests.support.chromium import dump_dom, screenshot

CHARTS = {"agreements-per-year", "regions", "region-collaboration", "fields"}


@pytest.fixture(scope="module")
def report(sample, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.html"
    assert main(["report", "--out", str(out), "--warehouse", str(sample.warehouse)]) == 0
    return out


@pytest.fixture(scope="module")
def dom(report):
    """The page as headless Chromium built it (offline: a file:// URL, and the page fetches nothing)."""
    return lxml.html.fromstring(dump_dom(report.as_uri()))


def test_report_needs_nothing_from_the_network(report):
    html = report.read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img|iframe)\b", html, re.I)
    assert not re.search(r"""(src|href)\s*=\s*["'](?!#)""", html, re.I), "only in-page links are allowed"
    assert set(re.findall(r"https?://[^\"' )]+", html)) <= {"http://www.w3.org/2000/svg"}


def test_browser_shows_every_chart_with_marks(dom):
    charts = {svg.get("data-chart"): svg for svg in dom.xpath("//svg[@data-chart]")}
    assert set(charts) == CHARTS
    for name in ("agreements-per-year", "regions", "fields"):
        assert charts[name].xpath(".//rect[@class='bar']"), f"{name} has no bars"
    matrix = charts["region-collaboration"]
    cells = matrix.xpath(".//rect[@class='cell']")
    assert len(cells) == 2, "Zhejiang - Hong Kong, once in each triangle"
    assert all("The University of Hong Kong — Zhejiang University: 1" in c.xpath("string(title)") for c in cells)
    assert "Hong Kong (CN-HK)" in matrix.text_content() and "Zhejiang (CN-ZJ)" in matrix.text_content()


def test_newest_facts_quote_their_evidence_and_link_to_the_marked_document(dom):
    facts = dom.xpath("//tr[@class='fact']")
    assert len(facts) >= 3
    for fact in facts:
        evidence = fact.xpath(".//blockquote")[0].text_content()
        target = fact.xpath(".//a[@class='source']")[0].get("href")
        assert target.startswith("#doc-")
        document = dom.xpath(f"//section[@id='{target[1:]}']")
        assert document, f"{target} points nowhere"
        assert any(evidence in m.text_content() for m in document[0].xpath(".//mark")), evidence


def test_screenshot_of_the_report(report, tmp_path):
    png = screenshot(report.as_uri(), tmp_path / "report.png", height=1600)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_missing_warehouse_is_a_clear_error(tmp_path, capsys):
    assert main(["report", "--out", str(tmp_path / "r.html"), "--warehouse", str(tmp_path / "none.duckdb")]) == 1
    assert "none.duckdb does not exist" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()


def test_the_analyst_tools_do_not_import_the_ingest_package():
    """The report needs only the languages the extractors read (pipeline/core/language_table.py); the ingest
    package and its HTML and PDF parsers would add most of a second to each report, export or dictionary."""
    code = ("import sys, pipeline.analyst.report, pipeline.analyst.export, pipeline.analyst.data_dictionary; "
            "print(sorted(m for m in sys.modules if m.startswith('pipeline.core.ingest')))")
    run = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_the_review_queue_is_the_one_the_review_command_lists(report, sample):
    page = lxml.html.fromstring(report.read_text(encoding="utf-8"))
    with duckdb.connect(str(sample.warehouse), read_only=True) as con:
        queue = review_queue(con, REVIEW_FACTS)
    rows = page.xpath("//tr[@class='review']")
    assert [r.xpath("string(td[1]/small)") for r in rows] == [f["fact_id"] for f in queue] and len(rows) == 2
    for row, fact in zip(rows, queue):
        assert row.xpath("string(td[2])") == ", ".join(fact["reasons"])
        assert row.xpath("string(.//blockquote)") == fact["evidence"]
        assert row.xpath("string(.//code)") == f"python -m pipeline review --stub {fact['fact_id']} --write"
    assert page.xpath("string(//p[@class='corrections'])") == (
        "Corrections applied: none; rows they changed or added: 0. Stale corrections (their record is gone; fix or "
        "remove them): 0.")
