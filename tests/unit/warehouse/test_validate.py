"""validate_rows cuts bad rows out as rejections; the contract checks find and quarantine
cross-table violations."""
from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from pipeline.core import validate
from pipeline.core.document_store import DocumentStore, StoredTexts
from pipeline.core.extract import stored_tables
from pipeline.core.records import IngestedDocument, Rejection
from pipeline.core.validate import (
    TableSchemaError,
    Validation,
    contract_problems,
    quarantine_contract_violations,
    rejections_frame,
    table_reports,
    validate_all,
    validate_rows,
    validate_tables,
)
from schemas import TABLE_COLUMNS
from tests.unit.warehouse.test_schemas import EXTENDED

TEXT = "Alpha University and Beta Province signed a framework agreement in Gamma on 3 May 2023."


def frame(table: str, rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(TABLE_COLUMNS[table]))


def agreement(agreement_id: str = "a1", **over) -> dict:
    row = {"agreement_id": agreement_id, "event_id": "e1", "document_id": "d1",
           "agreement_type": "framework_agreement", "signed_on": dt.date(2023, 5, 3),
           "signed_on_precision": "day", "status": "signed", "evidence": TEXT,
           "evidence_start": 0, "evidence_end": len(TEXT), "confidence": 0.8}
    return {**row, **over}


@pytest.fixture
def tables() -> dict[str, pd.DataFrame]:
    """A small set of tables that satisfies the contract."""
    return {
        "documents": frame("documents", [{
            "document_id": "d1", "source_path": "001.txt", "content_sha256": "h", "clean_text": TEXT,
            "published_on": dt.date(2023, 5, 4), "published_on_precision": "day",
            "ingested_at": dt.datetime(2024, 1, 1)}]),
        "organizations": frame("organizations", [
            {"organization_id": "o1", "canonical_name": "Alpha University", "org_type": "university"},
            {"organization_id": "o2", "canonical_name": "Beta Provincial Government", "org_type": "government"}]),
        "places": frame("places", [{"place_id": "p1", "name": "Gamma", "place_type": "city"}]),
        "agreements": frame("agreements", [agreement(place_id="p1")]),
        "agreement_parties": frame("agreement_parties", [
            {"agreement_id": "a1", "organization_id": "o1"}, {"agreement_id": "a1", "organization_id": "o2"}]),
        "mentions": frame("mentions", [
            {"document_id": "d1", "entity_type": "organization", "entity_id": "o1",
             "surface": "Alpha University", "start": 0, "end": 16}]),
        "labs": frame("labs", []),
        "lab_mentions": frame("lab_mentions", []),
    }


# ---------------------------------------------------------------- validate_rows

def test_bad_rows_become_rejections_and_good_rows_stay():
    rows = [agreement("a1"), agreement("a2", agreement_type="treaty"),
            agreement("a3", evidence_start="n/a"), agreement("a1", confidence=0.1),
            agreement("a4", confidence=2.0), agreement("a5", signed_on="2023-05")]
    valid, rejections = validate_rows("agreements", frame("agreements", rows))
    assert list(valid["agreement_id"]) == ["a1", "a5"]
    assert valid["signed_on"].tolist() == [pd.Timestamp("2023-05-03"), pd.Timestamp("2023-05-01")]
    assert str(valid["evidence_start"].dtype) == "Int64"
    by_id = {r.record["agreement_id"] + ("*" if r.record["confidence"] == 0.1 else ""): r for r in rejections}
    assert set(by_id) == {"a2", "a3", "a1*", "a4"}
    assert "agreement_type" in by_id["a2"].errors and "isin" in by_id["a2"].errors
    assert "evidence_start" in by_id["a3"].errors
    assert "duplicate" in by_id["a1*"].errors
    assert "confidence" in by_id["a4"].errors
    for r in rejections:
        assert isinstance(r, Rejection) and r.table_name == "agreements" and r.document_id == "d1"
        json.dumps(r.record)  # JSON-able as it stands


def test_table_level_problems_raise():
    with pytest.raises(TableSchemaError, match="missing column"):
        validate_rows("agreements", pd.DataFrame([{"agreement_id": "a1"}]))
    with pytest.raises(TableSchemaError, match="unknown table"):
        validate_rows("treaties", pd.DataFrame())


def test_empty_frame_validates():
    valid, rejections = validate_rows("labs", frame("labs", []))
    assert valid.empty and rejections == []


def test_rejections_frame_is_a_valid_rejected_records_table():
    rej = [Rejection("agreements", {"x": 1}, "bad", document_id="d1")]
    out = rejections_frame(rej, run_id="r1", rejected_at=dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc))
    assert out.loc[0, "run_id"] == "r1" and out.loc[0, "record"] == {"x": 1}
    assert validate_rows("rejected_records", out)[1] == []


# ---------------------------------------------------------------- contract checks

def test_conforming_tables_have_no_problems(tables):
    assert contract_problems(tables) == {}


def test_dangling_foreign_key_is_found(tables):
    tables["lab_mentions"] = frame("lab_mentions", [
        {"lab_id": "missing", "document_id": "d1", "evidence": TEXT, "evidence_start": 0, "evidence_end": len(TEXT)}])
    problems = contract_problems(tables)
    assert list(problems) == ["lab_mentions"] and list(problems["lab_mentions"]) == ["foreign_key"]
    assert "not found in labs.lab_id" in problems["lab_mentions"]["foreign_key"][0]


def test_polymorphic_reference_follows_entity_type(tables):
    tables["mentions"].loc[0, "entity_type"] = "person"  # o1 is no person
    assert "people.person_id" in contract_problems(tables)["mentions"]["foreign_key"][0]


def test_wrong_offset_is_found(tables):
    tables["agreements"].loc[0, "evidence_start"] = 1
    problems = contract_problems(tables)
    assert "does not match documents.clean_text" in problems["agreements"]["offsets"][0]


def test_duplicate_key_and_bad_enum_are_found(tables):
    tables["organizations"] = pd.concat([tables["organizations"], tables["organizations"].iloc[[0]]])
    tables["organizations"].iloc[1, tables["organizations"].columns.get_loc("org_type")] = "club"
    problems = contract_problems(tables)["organizations"]
    assert len(problems["primary_key"]) == 1 and "duplicate primary key" in problems["primary_key"][0]
    assert len(problems["enum"]) == 1 and "'club' is not one of" in problems["enum"][0]


def test_a_missing_column_is_a_table_level_problem(tables):
    tables["places"] = tables["places"].drop(columns=["place_type"])
    assert contract_problems(tables)["places"] == {"columns": ["missing column(s) place_type"]}
    with pytest.raises(TableSchemaError, match="places"):
        quarantine_contract_violations(tables)


def test_quarantine_removes_violations_transitively_and_logs_them(tables):
    tables["agreements"] = frame("agreements", [agreement("a1", place_id="p1", evidence_start=2),
                                                agreement("a2", place_id="nowhere")])
    tables["agreement_parties"] = frame("agreement_parties", [
        {"agreement_id": "a1", "organization_id": "o1"}, {"agreement_id": "a2", "organization_id": "o2"}])
    before = {t: df.copy() for t, df in tables.items()}

    clean, rejections = quarantine_contract_violations(tables)

    assert contract_problems(clean) == {}
    assert list(clean["agreements"]["agreement_id"]) == ["a2"]
    assert pd.isna(clean["agreements"].loc[0, "place_id"])  # optional reference cleared...
    assert list(clean["agreement_parties"]["agreement_id"]) == ["a2"]
    got = {(r.table_name, r.record.get("agreement_id")): r.errors for r in rejections}
    assert set(got) == {("agreements", "a1"), ("agreements", "a2"), ("agreement_parties", "a1")}
    assert "evidence does not match" in got[("agreements", "a1")]
    assert got[("agreements", "a2")].startswith("kept without place_id")  # ...and logged
    assert "not found in agreements.agreement_id" in got[("agreement_parties", "a1")]
    for name, df in before.items():  # the input is not modified
        pd.testing.assert_frame_equal(tables[name], df)


# ---------------------------------------------------------------- what the asset checks and the publish see

def every_table(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {t: tables.get(t, frame(t, [])) for t in TABLE_COLUMNS}


def test_table_reports_count_model_failures_and_contract_problems_per_table(tables):
    tables["agreements"] = frame("agreements", [agreement("a1", place_id="p1"), agreement("a2", status="rumoured")])
    tables["lab_mentions"] = frame("lab_mentions", [
        {"lab_id": "missing", "document_id": "d1", "evidence": TEXT, "evidence_start": 0, "evidence_end": len(TEXT)}])
    reports = table_reports(every_table(tables))
    assert set(reports) == set(TABLE_COLUMNS)
    assert [r.record["agreement_id"] for r in reports["agreements"].rejections] == ["a2"]
    assert reports["agreements"].contract == {}  # a2 failed its model, so the contract sees only a1
    assert list(reports["lab_mentions"].contract) == ["foreign_key"]
    assert not reports["places"].rejections and not reports["places"].contract


def test_one_unusable_table_means_no_contract_is_checked(tables):
    tables["places"] = tables["places"].drop(columns=["place_type"])
    reports = table_reports(every_table(tables))
    assert "place_type" in reports["places"].schema_error
    assert all(r.contract_error and "places" in r.contract_error for r in reports.values())


def test_validate_tables_appends_every_rejection_to_rejected_records(tables):
    tables["agreements"] = frame("agreements", [agreement("a1", place_id="p1"), agreement("a2", status="rumoured")])
    tables["agreement_parties"] = frame("agreement_parties", [
        {"agreement_id": "a1", "organization_id": "o1"}, {"agreement_id": "a2", "organization_id": "o1"}])
    valid, rejected = validate_tables(every_table(tables), run_id="r1")
    assert rejected == 2  # a2 by its model, then its party by the contract
    assert list(valid["agreements"]["agreement_id"]) == ["a1"]
    assert sorted(valid["rejected_records"]["table_name"]) == ["agreement_parties", "agreements"]
    assert set(valid["rejected_records"]["run_id"]) == {"r1"}
    with pytest.raises(TableSchemaError, match="missing: labs"):
        validate_tables({t: df for t, df in every_table(tables).items() if t != "labs"})


# ---------------------------------------------------------------- a catalog with one more table

def funding_call(call_id: str = "c1", **over) -> dict:
    return {"call_id": call_id, "document_id": "d1", "funder_id": "o1", "deadline": dt.date(2023, 6, 30),
            "status": "open", "amount": 1e6, "evidence": TEXT, "evidence_start": 0, "evidence_end": len(TEXT), **over}


def extended_tables(tables: dict[str, pd.DataFrame], calls: list[dict]) -> dict[str, pd.DataFrame]:
    frames = {t: tables.get(t, frame(t, [])) for t in TABLE_COLUMNS}
    return frames | {"funding_calls": pd.DataFrame(calls, columns=list(EXTENDED.columns["funding_calls"]))}


def test_validation_of_an_extended_catalog_checks_its_extra_table(tables):
    calls = [funding_call("c1"), funding_call("c2", status="rumoured"), funding_call("c1", amount=5.0),
             funding_call("c3", funder_id="o9"), funding_call("c4", document_id="d9"),
             funding_call("c5", evidence_start=3)]
    validation = validate_all(extended_tables(tables, calls), run_id="r1", catalog=EXTENDED)
    report = validation.reports["funding_calls"]
    assert [(r.record["call_id"], r.errors.split(":")[0]) for r in report.rejections] == [
        ("c2", "status"), ("c1", "call_id")]  # its model: the enum, the primary key
    assert sorted(report.contract) == ["foreign_key", "offsets"]  # its references and evidence offsets
    calls_left = validation.valid["funding_calls"]
    assert list(calls_left["call_id"]) == ["c1", "c3"] and pd.isna(calls_left.loc[1, "funder_id"])
    quarantined = validation.valid["rejected_records"]
    assert sorted(quarantined.loc[quarantined["table_name"] == "funding_calls", "record"].map(
        lambda r: r["call_id"])) == ["c1", "c2", "c3", "c4", "c5"]
    assert validation.valid["agreements"]["agreement_id"].tolist() == ["a1"]  # the other tables as before


def test_an_extended_catalog_needs_its_extra_table_and_the_default_one_refuses_it(tables):
    with pytest.raises(TableSchemaError, match="missing: funding_calls"):
        validate_tables(every_table(tables), catalog=EXTENDED)
    problems = contract_problems(extended_tables(tables, [funding_call()]))
    assert problems == {"funding_calls": {"columns": ["not a contract table"]}}
    assert contract_problems(extended_tables(tables, [funding_call()]), catalog=EXTENDED) == {}


# ---------------------------------------------------------------- the documents' text kept in the store

OTHER = "Ça: 中文 e\u0301cole 👩\u200d👧 and Alpha University signed."


def _text_checked_tables(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Documents with texts of several kinds of code point, and agreements whose evidence holds or misses it."""
    at = OTHER.index("Alpha")
    tables["documents"] = frame("documents", [
        {"document_id": d, "source_path": f"{d}.txt", "content_sha256": "h", "clean_text": text, "language": language,
         "published_on_precision": "unknown", "ingested_at": dt.datetime(2024, 1, 1)}
        for d, text, language in [("d1", TEXT, "en"), ("d2", OTHER, "en"), ("d3", TEXT, "not a code")]])
    tables["agreements"] = frame("agreements", [
        agreement("a1", place_id="p1"),
        agreement("a2", document_id="d2", evidence=OTHER[at:], evidence_start=at, evidence_end=len(OTHER)),
        agreement("a3", document_id="d2", evidence=OTHER[at:], evidence_start=at - 1, evidence_end=len(OTHER) - 1),
        agreement("a4", document_id="d2", evidence=None, evidence_start=0, evidence_end=3),
        agreement("a5", document_id="d2", evidence="x", evidence_start=2, evidence_end=len(OTHER) + 1),
        agreement("a6", document_id="d3")])
    tables["agreement_parties"] = frame("agreement_parties", [
        {"agreement_id": a, "organization_id": "o1"} for a in ("a1", "a2", "a3", "a4", "a5", "a6")])
    return every_table(tables)


def _validated_in_store(tables: dict[str, pd.DataFrame]) -> Validation:
    """validate_all with the documents' text in a per-document store, not in their frame."""
    with DocumentStore(None, "test", stored_tables()) as store:
        store.write_parsed([(r.source_path, r.content_sha256, IngestedDocument(
            r.document_id, r.source_path, r.content_sha256, r.clean_text)) for r in tables["documents"].itertuples()])
        return validate_all(tables | {"documents": tables["documents"].drop(columns="clean_text")}, run_id="r1",
                            texts=store.texts())


def _rejected(validation: Validation) -> list[tuple[str, str, str]]:
    return sorted(((r.table_name, json.dumps(r.record, sort_keys=True), r.errors)
                   for r in validation.valid["rejected_records"].itertuples()), key=str)


def test_the_documents_text_in_the_store_validates_as_the_text_in_the_frame(tables):
    """The run's documents frame lacks clean_text, which validation reads from the per-document store: the same
    rows pass, the same rows are rejected with the same reasons, and a rejected document's record has its text."""
    tables = _text_checked_tables(tables)
    at = OTHER.index("Alpha")
    in_frame = validate_all(tables, run_id="r1")
    in_store = _validated_in_store(tables)
    rejected = _rejected

    assert rejected(in_store) == rejected(in_frame)
    assert {r[0] for r in rejected(in_store)} == {"documents", "agreements", "agreement_parties"}
    errors = {json.loads(record).get("agreement_id"): e for table, record, e in rejected(in_store)
              if table == "agreements"}
    assert set(errors) == {"a3", "a4", "a5", "a6"}
    assert repr(OTHER[at - 1:len(OTHER) - 1]) in errors["a3"] and "(found None)" in errors["a5"]
    document = [json.loads(record) for table, record, _ in rejected(in_store) if table == "documents"]
    assert [(d["document_id"], d["clean_text"]) for d in document] == [("d3", TEXT)]
    assert {t: r.contract for t, r in in_store.reports.items()} == {t: r.contract for t, r in in_frame.reports.items()}
    for table, df in in_frame.valid.items():
        if table == "documents":
            df = df.drop(columns="clean_text")
        if table != "rejected_records":
            pd.testing.assert_frame_equal(in_store.valid[table], df)


@pytest.mark.parametrize("rows", [1, 2, 3])
def test_spans_compared_a_few_rows_at_a_time_find_what_the_whole_table_finds(tables, monkeypatch, rows):
    """The stored texts are compared with a table's spans validate.SPAN_ROWS rows at a time: the same rows are
    rejected with the same reasons, in the same order, and the same rows pass, whatever the batch."""
    tables = _text_checked_tables(tables)
    asked: list[int] = []  # how many spans each comparison is given
    differing = StoredTexts.differing
    monkeypatch.setattr(StoredTexts, "differing", lambda self, spans: asked.append(len(spans)) or differing(self, spans))
    whole = _validated_in_store(tables)
    whole_asked, asked[:] = list(asked), []
    monkeypatch.setattr(validate, "SPAN_ROWS", rows)
    batched = _validated_in_store(tables)
    assert max(asked) <= rows < max(whole_asked) and sum(asked) == sum(whole_asked)
    assert _rejected(whole) and list(batched.valid["rejected_records"]["errors"]) == list(
        whole.valid["rejected_records"]["errors"])
    assert _rejected(batched) == _rejected(whole)
    assert {t: r.contract for t, r in batched.reports.items()} == {t: r.contract for t, r in whole.reports.items()}
    for table, df in whole.valid.items():
        if table != "rejected_records":
            pd.testing.assert_frame_equal(batched.valid[table], df)


@pytest.mark.parametrize(("sql_type", "values", "other"), [
    ("VARCHAR", ["a", None, float("nan"), pd.NA, "b"], 7),  # an int is converted value by value ("7")
    ("DATE", [dt.date(2020, 1, 2), None, float("nan"), dt.date(1999, 12, 31)], "2021-03-04"),
])
def test_a_column_of_python_text_or_dates_converts_as_value_by_value(sql_type, values, other):
    """A column of text (or dates) and nulls alone is converted in one pass; with one value of another type it is
    converted value by value: the same values come out."""
    from pipeline.core.validate import _convert

    whole, bad = _convert(pd.Series(values, dtype=object, index=range(10, 10 + len(values)), name="c"), sql_type)
    by_value, _ = _convert(pd.Series([*values, other], dtype=object, index=range(10, 11 + len(values)), name="c"),
                           sql_type)
    assert bad == {}
    pd.testing.assert_series_equal(whole, by_value.iloc[:-1])
