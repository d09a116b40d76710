"""The report names every region and shows dates at their precision, on a hand-made warehouse."""
from __future__ import annotations

import datetime as dt

import lxml.html
import pandas as pd
import pytest

from pipeline.analyst.report import region_name, render_report
from pipeline.core.publish import build_database
from schemas import TABLE_COLUMNS

TEXT = "Universities of four regions signed agreements."


def frame(table: str, rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows).reindex(columns=list(TABLE_COLUMNS[table]))


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    orgs = [("o1", "The University of Hong Kong", "CN-HK", "CN"), ("o2", "University of Macau", "CN-MO", "CN"),
            ("o3", "National University of Singapore", None, "SG"), ("o4", "Technical University of Munich", "DE-BY", "DE")]
    # e1 (2016): Hong Kong, Macao and Singapore; e2 (May 2018): Hong Kong and Bavaria
    agreements = [("a1", "e1", dt.date(2016, 1, 1), "year"), ("a2", "e2", dt.date(2018, 5, 1), "month")]
    parties = [("a1", "o1"), ("a1", "o2"), ("a1", "o3"), ("a2", "o1"), ("a2", "o4")]
    tables = {
        "documents": frame("documents", [{"document_id": "d1", "source_path": "1.txt", "content_sha256": "h",
                                          "title": "News", "clean_text": TEXT, "published_on": dt.date(2019, 1, 1),
                                          "published_on_precision": "year", "ingested_at": dt.datetime(2024, 1, 1)}]),
        "organizations": frame("organizations", [{"organization_id": o, "canonical_name": n, "org_type": "university",
                                                  "region_code": r, "country_code": c} for o, n, r, c in orgs]),
        "agreements": frame("agreements", [{"agreement_id": a, "event_id": e, "document_id": "d1", "signed_on": d,
                                            "signed_on_precision": p, "agreement_type": "memorandum_of_understanding",
                                            "status": "signed", "evidence": TEXT, "evidence_start": 0,
                                            "evidence_end": len(TEXT)} for a, e, d, p in agreements]),
        "agreement_parties": frame("agreement_parties", [{"agreement_id": a, "organization_id": o} for a, o in parties]),
    }
    path = tmp_path_factory.mktemp("report") / "w.duckdb"
    build_database(tables, path)
    return lxml.html.fromstring(render_report(path))


def test_every_region_has_its_name():
    assert [region_name(c) for c in ("CN-HK", "CN-MO", "SG", "DE-BY", "CN-GD", "KR")] == [
        "Hong Kong", "Macao", "Singapore", "Bayern, Germany", "Guangdong", "South Korea"]


def test_regions_chart_and_matrix_name_every_region(page):
    named = ["Hong Kong (CN-HK)", "Macao (CN-MO)", "Singapore (SG)", "Bayern, Germany (DE-BY)"]
    regions = page.xpath("//svg[@data-chart='regions']")[0].text_content()
    assert all(label in regions for label in named), regions
    matrix = page.xpath("//svg[@data-chart='region-collaboration']")[0]
    # the busiest region first, then by name
    assert [t.text_content() for t in matrix.xpath(".//text[@class='row-label']/title")] == [
        "Hong Kong (CN-HK)", "Bayern, Germany (DE-BY)", "Macao (CN-MO)", "Singapore (SG)"]


def test_matrix_counts_events_per_pair_of_regions_and_names_the_organisations(page):
    matrix = page.xpath("//svg[@data-chart='region-collaboration']")[0]
    titles = sorted(r.xpath("string(title)") for r in matrix.xpath(".//rect[@class='cell']"))
    assert len(titles) == 8  # HK-MO, HK-SG, MO-SG (e1) and HK-DE-BY (e2), once in each triangle
    assert "Hong Kong (CN-HK) — Bayern, Germany (DE-BY): 1\n" \
           "The University of Hong Kong — Technical University of Munich: 1" in titles


def test_dates_show_at_their_precision(page):
    assert [td.text_content() for td in page.xpath("//tr[@class='fact']/td[1]")] == ["2018-05", "2016"]
    assert page.xpath("//section[@class='document']/p[@class='meta']")[0].text_content().endswith("· 2019")
