"""The analysts' question views of warehouse/views.sql, on a small hand-made warehouse with known answers."""
from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd
import pytest

from pipeline.core.publish import build_database
from schemas import TABLE_COLUMNS

TEXT = "Alpha and Beta signed. Gamma visited Alpha. Alpha opened a lab."


def frame(table: str, rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows).reindex(columns=list(TABLE_COLUMNS[table]))


def evidence(**row) -> dict:
    return {"document_id": "d1", "evidence": TEXT[:22], "evidence_start": 0, "evidence_end": 22, **row}


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    orgs = [("o1", "Alpha", "CN-HK", "CN"), ("o2", "Beta", "CN-SC", "CN"), ("o3", "Gamma", "CN-HK", "CN"),
            ("o4", "Delta", None, "HU")]
    tables = {
        "documents": frame("documents", [{"document_id": "d1", "source_path": "1.txt", "content_sha256": "h",
                                          "title": "Alpha news", "clean_text": TEXT,
                                          "published_on": dt.date(2023, 5, 4), "published_on_precision": "day",
                                          "ingested_at": dt.datetime(2024, 1, 1)}]),
        "organizations": frame("organizations", [{"organization_id": o, "canonical_name": n, "org_type": "university",
                                                  "region_code": r, "country_code": c} for o, n, r, c in orgs]),
        "places": frame("places", [{"place_id": "p1", "name": "Hong Kong", "place_type": "special_administrative_region",
                                    "region_code": "CN-HK", "country_code": "CN"}]),
        # e1 (2020, then March 2020, reported twice): Alpha-Beta; e2 (1 June 2022): Alpha-Gamma-Delta;
        # e3 (undated): Beta alone
        "agreements": frame("agreements", [evidence(agreement_id=a, event_id=e, signed_on=d, signed_on_precision=p,
                                                    agreement_type="memorandum", status="signed")
                                           for a, e, d, p in [("a1", "e1", dt.date(2020, 1, 1), "year"),
                                                              ("a2", "e1", dt.date(2020, 3, 1), "month"),
                                                              ("a3", "e2", dt.date(2022, 6, 1), "day"),
                                                              ("a4", "e3", None, "unknown")]]),
        "agreement_parties": frame("agreement_parties", [{"agreement_id": a, "organization_id": o} for a, o in
                                                         [("a1", "o1"), ("a1", "o2"), ("a2", "o1"), ("a2", "o2"),
                                                          ("a3", "o1"), ("a3", "o3"), ("a3", "o4"), ("a4", "o2")]]),
        "delegations": frame("delegations", [evidence(delegation_id="v1", event_id="ve1", origin_organization_id="o3",
                                                      host_organization_id="o1", visited_on=dt.date(2023, 5, 1),
                                                      visited_on_precision="month", status="completed")]),
        "labs": frame("labs", [{"lab_id": "l1", "name": "Alpha Lab", "lab_type": "joint_laboratory",
                                "host_organization_id": "o1", "status": "established"},
                               {"lab_id": "l2", "name": "Orphan Lab", "lab_type": "key_laboratory", "status": "existing"}]),
        "lab_mentions": frame("lab_mentions", [{"lab_id": "l1", "document_id": "d1", "evidence": TEXT[44:],
                                                "evidence_start": 44, "evidence_end": len(TEXT)}]),
        "collaboration_domains": frame("collaboration_domains", [
            {"domain_id": c, "label": f"field {c}", "major_id": c[0], "major_label": f"major {c[0]}"}
            for c in ("1.1", "1.2", "2.1")]),
        "document_domains": frame("document_domains", [{"document_id": "d1", "domain_id": c, "matched_text": "x",
                                                        "evidence_start": 0, "evidence_end": 1} for c in ("1.1", "1.2")]),
        "agreement_domains": frame("agreement_domains", [{"agreement_id": a, "domain_id": "1.1", "matched_text": "x"}
                                                         for a in ("a1", "a2", "a3")]),
        "lab_domains": frame("lab_domains", [{"lab_id": "l1", "domain_id": "2.1", "matched_text": "x"}]),
    }
    path = tmp_path_factory.mktemp("views") / "w.duckdb"
    build_database(tables, path)
    connection = duckdb.connect(str(path), read_only=True)
    yield connection
    connection.close()


def test_agreements_by_region_year_counts_events_once_per_region_of_a_party(con):
    rows = con.execute("SELECT region_code, region_name, country_code, signed_year, event_count, organization_count "
                       "FROM agreements_by_region_year ORDER BY 1 NULLS LAST, 4 NULLS LAST").fetchall()
    assert rows == [("CN-HK", "Hong Kong", "CN", 2020, 1, 1), ("CN-HK", "Hong Kong", "CN", 2022, 1, 2),
                    ("CN-SC", None, "CN", 2020, 1, 1), ("CN-SC", None, "CN", None, 1, 1),
                    (None, None, "HU", 2022, 1, 1)]


def test_organization_connections_counts_events_partners_visits_and_labs(con):
    rows = con.execute("SELECT canonical_name, agreement_event_count, partner_count, delegation_event_count, lab_count "
                       "FROM organization_connections ORDER BY partner_count DESC, canonical_name").fetchall()
    assert rows == [("Alpha", 2, 3, 1, 1), ("Delta", 1, 2, 0, 0), ("Gamma", 1, 2, 1, 0), ("Beta", 2, 1, 0, 0)]


def test_labs_by_host_has_a_row_for_unknown_hosts(con):
    rows = con.execute("SELECT host_name, lab_count, established_count, lab_names, lab_types "
                       "FROM labs_by_host ORDER BY host_name NULLS LAST").fetchall()
    assert rows == [("Alpha", 1, 1, ["Alpha Lab"], ["joint_laboratory"]),
                    (None, 1, 0, ["Orphan Lab"], ["key_laboratory"])]


def test_fields_by_major_area_counts_each_kind_apart(con):
    rows = con.execute("SELECT major_id, major_label, field_count, document_count, agreement_event_count, lab_count "
                       "FROM fields_by_major_area ORDER BY 1").fetchall()
    assert rows == [("1", "major 1", 2, 1, 2, 0), ("2", "major 2", 1, 0, 0, 1)]


def test_fact_evidence_lists_every_fact_with_its_document(con):
    rows = con.execute("SELECT fact_type, fact_id, fact_date, summary, document_title, reported_on "
                       "FROM fact_evidence ORDER BY 1, 2").fetchall()
    assert [r[:2] for r in rows] == [("agreement", "a1"), ("agreement", "a2"), ("agreement", "a3"),
                                     ("agreement", "a4"), ("delegation", "v1"), ("lab", "l1")]
    assert rows[2][3] == "Alpha; Delta; Gamma"
    assert rows[4][2:4] == (dt.date(2023, 5, 1), "Gamma -> Alpha")
    assert all(r[4:] == ("Alpha news", dt.date(2023, 5, 4)) for r in rows)
    for text, start, end in con.execute("SELECT evidence, evidence_start, evidence_end FROM fact_evidence").fetchall():
        assert TEXT[start:end] == text


def test_dates_are_also_given_as_text_at_their_precision(con):
    """A year is '2020', not 2020-01-01; the DATE and precision columns stay beside the text."""
    def rows(sql):
        return con.execute(sql).fetchall()

    assert rows("SELECT agreement_id, signed_on, signed_on_precision, signed_on_text, document_published_on_text "
                "FROM agreement_overview ORDER BY 1") == [
        ("a1", dt.date(2020, 1, 1), "year", "2020", "2023-05-04"),
        ("a2", dt.date(2020, 3, 1), "month", "2020-03", "2023-05-04"),
        ("a3", dt.date(2022, 6, 1), "day", "2022-06-01", "2023-05-04"),
        ("a4", None, "unknown", None, "2023-05-04")]
    assert rows("SELECT event_id, signed_on_text, first_reported_on_text FROM agreement_events ORDER BY 1") == [
        ("e1", "2020", "2023-05-04"), ("e2", "2022-06-01", "2023-05-04"), ("e3", None, "2023-05-04")]
    assert rows("SELECT visited_on, visited_on_text FROM delegation_overview") == [(dt.date(2023, 5, 1), "2023-05")]
    assert rows("SELECT organization_a_id, organization_b_id, first_signed_on_text, last_signed_on_text "
                "FROM collaboration_network ORDER BY 1, 2") == [
        ("o1", "o2", "2020", "2020"), ("o1", "o3", "2022-06-01", "2022-06-01"), ("o1", "o4", "2022-06-01", "2022-06-01"),
        ("o3", "o4", "2022-06-01", "2022-06-01")]
    assert rows("SELECT name, first_reported_on_text, last_reported_on_text FROM lab_overview ORDER BY 1") == [
        ("Alpha Lab", "2023-05-04", "2023-05-04"), ("Orphan Lab", None, None)]
    assert rows("SELECT fact_id, fact_date_text, reported_on_text FROM fact_evidence ORDER BY 1") == [
        ("a1", "2020", "2023-05-04"), ("a2", "2020-03", "2023-05-04"), ("a3", "2022-06-01", "2023-05-04"),
        ("a4", None, "2023-05-04"), ("l1", None, "2023-05-04"), ("v1", "2023-05", "2023-05-04")]


def test_the_text_of_the_earliest_and_latest_date_is_the_least_and_greatest_text(con):
    """min() and max() over date_text pick the same period as over the dates, whatever the precisions."""
    days = [(dt.date(2019, 12, 31), "day"), (dt.date(2020, 1, 1), "year"), (dt.date(2020, 1, 1), "day"),
            (dt.date(2020, 5, 1), "month"), (dt.date(2020, 5, 9), "day"), (dt.date(2021, 1, 1), "month")]
    texts = [con.execute("SELECT date_text(?, ?)", [d, p]).fetchall()[0][0] for d, p in days]
    assert texts == ["2019-12-31", "2020", "2020-01-01", "2020-05", "2020-05-09", "2021-01"]
    assert texts == sorted(texts)
