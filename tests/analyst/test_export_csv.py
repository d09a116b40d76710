"""CSV export for spreadsheets: formula-like text is escaped (unless asked not to), lists are JSON arrays."""
from __future__ import annotations

import csv
import json

import duckdb
import pandas as pd
import pytest

from pipeline.analyst.export import export_warehouse
from pipeline.cli import main
from pipeline.core.publish import build_database
from schemas import TABLE_COLUMNS

# canonical names a scraped page could carry, and what a spreadsheet-safe CSV holds for each
NAMES = {
    "o1": ("=HYPERLINK(\"http://x\",\"click\")", "'=HYPERLINK(\"http://x\",\"click\")"),
    "o2": ("+86 SUM(A1)", "'+86 SUM(A1)"),
    "o3": ("-1+cmd|' /C calc'!A0", "'-1+cmd|' /C calc'!A0"),
    "o4": ("@SUM(1)", "'@SUM(1)"),
    "o5": ("\tTabbed", "'\tTabbed"),
    "o6": ("\rReturned", "'\rReturned"),
    "o7": ("-3", "-3"),  # a plain number stays a number
    "o8": ("Huawei Technologies Co., Ltd.", "Huawei Technologies Co., Ltd."),
    "o9": ("University of Macau", "University of Macau"),
}


def frame(table: str, rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows).reindex(columns=list(TABLE_COLUMNS[table]))


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    text = "Huawei and the University of Macau signed an agreement."
    tables = {
        "documents": frame("documents", [{"document_id": "d1", "source_path": "1.txt", "content_sha256": "h",
                                          "clean_text": text, "ingested_at": pd.Timestamp("2024-01-01")}]),
        "organizations": frame("organizations", [{"organization_id": o, "canonical_name": name, "org_type": "other"}
                                                 for o, (name, _) in NAMES.items()]),
        "agreements": frame("agreements", [{"agreement_id": "a1", "event_id": "e1", "document_id": "d1",
                                            "agreement_type": "memorandum_of_understanding", "status": "signed",
                                            "confidence": -0.5, "evidence": text, "evidence_start": 0,
                                            "evidence_end": len(text)}]),
        "agreement_parties": frame("agreement_parties", [{"agreement_id": "a1", "organization_id": o}
                                                         for o in ("o8", "o9")]),
    }
    path = tmp_path_factory.mktemp("csv") / "w.duckdb"
    build_database(tables, path)
    return path


def read(path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_text_a_spreadsheet_would_run_gets_a_leading_apostrophe_and_numbers_stay(warehouse, tmp_path):
    written = export_warehouse(warehouse, tmp_path, "csv")
    names = {r["organization_id"]: r["canonical_name"] for r in read(written["organizations"])}
    assert names == {o: escaped for o, (_, escaped) in NAMES.items()}
    assert read(written["agreements"])[0]["confidence"] == "-0.5"  # a numeric column is never touched


def test_lists_are_json_arrays(warehouse, tmp_path):
    written = export_warehouse(warehouse, tmp_path, "csv", include_views=True)
    event, = read(written["agreement_events"])
    assert json.loads(event["party_names"]) == ["Huawei Technologies Co., Ltd.", "University of Macau"]
    overview, = read(written["agreement_overview"])
    assert json.loads(overview["witness_names"]) == []


def test_escaping_can_be_turned_off_from_the_command_line(warehouse, tmp_path):
    assert main(["export", "--format", "csv", "--out", str(tmp_path), "--warehouse", str(warehouse),
                 "--no-escape-formulas"]) == 0
    names = {r["organization_id"]: r["canonical_name"] for r in read(tmp_path / "organizations.csv")}
    assert names == {o: raw for o, (raw, _) in NAMES.items()}


def test_parquet_keeps_text_and_lists_as_they_are(warehouse, tmp_path):
    written = export_warehouse(warehouse, tmp_path, "parquet", include_views=True)
    con = duckdb.connect()
    assert con.execute(f"SELECT canonical_name FROM '{written['organizations']}' WHERE organization_id = 'o1'"
                       ).fetchall() == [(NAMES["o1"][0],)]
    assert con.execute(f"SELECT party_names FROM '{written['agreement_events']}'").fetchall() == [
        (["Huawei Technologies Co., Ltd.", "University of Macau"],)]
