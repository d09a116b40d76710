"""A table kept in DuckDB from the store to the warehouse (pipeline/core/staged.py) is built, corrected, validated
and published as its frame is: the same rows in the same order, the same rejections with the same reasons in the
same order, the same reports, the same warehouse."""
from __future__ import annotations

import datetime as dt
import json
import pickle
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import yaml

from pipeline.core.build_record import Build, build_info
from pipeline.core.corrections import apply_corrections, load_corrections
from pipeline.core.document_store import DocumentStore
from pipeline.core.extract import stored_tables
from pipeline.core.publish import build_database
from pipeline.core.publish_changes import publish_changes
from pipeline.core.records import IngestedDocument
from pipeline.core.resolve import KEYED, _keyed
from pipeline.core.staged import StagedTable, stage_rows
from pipeline.core.validate import Validation, validate_all
from schemas import TABLE_COLUMNS
from tests.unit.correction_samples import org_id, sample_tables
from tests.unit.warehouse.test_validate import TEXT, agreement, frame

MENTIONS = TABLE_COLUMNS["mentions"]
OTHER = "Delta Institute met Alpha University in Gamma; Beta Province hosted them."
NOW = dt.datetime(2024, 2, 1, 12, 0)


def _store(directory: Path | None, documents: list[tuple[str, str, str]]) -> DocumentStore:
    """An open store holding `documents` (document id, source path, text)."""
    store = DocumentStore(directory, "test", stored_tables()).__enter__()
    store.write_parsed([(path, f"sha-{d}", IngestedDocument(d, path, f"sha-{d}", text)) for d, path, text in documents])
    return store


def _staged(store: DocumentStore, rows: list[dict], source: str) -> StagedTable:
    """`rows` written as the mentions of the file `source`, then staged."""
    store.write_extracted([(source, {"mentions": [{c: r.get(c) for c in MENTIONS} for r in rows]}, [], True)])
    return stage_rows(store, "mentions", MENTIONS, "document_id")


def _as_frame(staged: StagedTable) -> pd.DataFrame:
    return staged.frame().reset_index(drop=True)


def test_a_staged_table_holds_the_rows_and_order_of_the_frame_built_from_the_store():
    """Distinct rows, ordered by document id (nulls last), a document's rows in the store's order."""
    store = _store(None, [("d2", "b.txt", OTHER), ("d1", "a.txt", TEXT)])
    rows = [{"document_id": d, "entity_type": "organization", "entity_id": e, "surface": s, "start": 1, "end": 2}
            for d, e, s in [("d2", "o1", "x"), ("d1", "o2", "y"), (None, "o3", "z"), ("d1", "o1", "y"),
                            ("d2", "o1", "x"), ("d1", "o0", None)]]
    store.write_extracted([("a.txt", {"mentions": [{c: r.get(c) for c in MENTIONS} for r in rows[3:]]}, [], True)])
    staged = _staged(store, rows[:3], "b.txt")
    built = _keyed(store, {"mentions": MENTIONS}, None, {"mentions": KEYED["mentions"]}, {})["mentions"]
    assert len(staged) == 5 and len(built) == 5
    pd.testing.assert_frame_equal(_as_frame(staged), built, check_dtype=False)
    assert list(_as_frame(staged)["entity_id"]) == ["o1", "o0", "o2", "o1", "o3"]  # d1 of a.txt, then b.txt
    store.__exit__()


def _tables(texts: dict[str, str]) -> dict[str, pd.DataFrame]:
    """Every table but mentions: documents (d3's language breaks its model), organizations, people, places, labs,
    agreements (a3's evidence is not at its offsets)."""
    docs = frame("documents", [
        {"document_id": d, "source_path": f"{d}.txt", "content_sha256": f"sha-{d}", "language": language,
         "published_on_precision": "unknown", "ingested_at": dt.datetime(2024, 1, 1)}
        for d, language in [("d1", "en"), ("d2", "en"), ("d3", "not a code")]]).drop(columns="clean_text")
    tables = {table: frame(table, []) for table in TABLE_COLUMNS if table not in ("documents", "mentions")}
    tables |= {
        "documents": docs,
        "organizations": frame("organizations", [
            {"organization_id": o, "canonical_name": n, "org_type": "university"}
            for o, n in [("o1", "Alpha University"), ("o2", "Beta")]]),
        "people": frame("people", [{"person_id": "p1", "full_name": "Delta"}]),
        "places": frame("places", [{"place_id": "g1", "name": "Gamma", "place_type": "city"}]),
        "agreements": frame("agreements", [agreement("a1"), agreement("a3", evidence_start=1)]),
        "agreement_parties": frame("agreement_parties", [{"agreement_id": a, "organization_id": "o1"}
                                                         for a in ("a1", "a3")]),
    }
    return tables


def _mentions() -> list[dict]:
    """Rows that pass, and rows each rule rejects (some breaking several: pandera orders their reasons)."""
    at = TEXT.index("Gamma")
    o_at = OTHER.index("Alpha University")

    def m(d, t, e, s, start, end):
        return {"document_id": d, "entity_type": t, "entity_id": e, "surface": s, "start": start, "end": end}
    return [
        m("d1", "organization", "o1", "Alpha University", 0, 16),  # passes
        m("d1", "place", "g1", "Gamma", at, at + 5),  # passes
        m("d1", "organization", "o9", "Alpha University", 0, 16),  # foreign key
        m("d1", "person", "o1", "Alpha University", 0, 16),  # foreign key by entity_type
        m("d1", None, "zz", "Alpha University", 0, 16),  # passes: no entity_type, no reference to check
        m("d1", "organization", "o2", "Beta", 3, 7),  # offsets
        m("d1", "organization", "o2", "Beta", 3, 400),  # offsets: past the text's end (found None)
        m("d1", "organization", "o1", "", 3, 1),  # model: str_length, offsets_ordered
        m("d1", "bogus", None, "", None, 1),  # model: several reasons
        m(None, "zzz", None, "", 9, None),  # model: several reasons
        m("d2", "organization", "o1", "Alpha University", o_at, o_at + 16),  # passes
        m("d2", "person", "p1", "Delta", None, 5),  # model: start null
        m("d2", "organization", "o2", "Beta", 0, 4),  # offsets
        m("d3", "organization", "o1", "Alpha University", 0, 16),  # foreign key: d3 is rejected by its model
        m("d9", "organization", "o1", "Alpha University", 0, 16),  # foreign key: no such document
    ]


def _rejected(validation: Validation) -> list[tuple]:
    return [(r.table_name, json.dumps(r.record, sort_keys=True), r.errors, r.document_id)
            for r in validation.valid["rejected_records"].itertuples()]


def _validated_both(tmp_path: Path) -> tuple[Validation, Validation, DocumentStore]:
    store = _store(tmp_path / "store", [("d1", "d1.txt", TEXT), ("d2", "d2.txt", OTHER), ("d3", "d3.txt", TEXT)])
    staged = _staged(store, _mentions(), "d1.txt")
    tables = _tables({})
    in_frame = validate_all(tables | {"mentions": _as_frame(staged)}, run_id="r1", texts=store.texts())
    in_store = validate_all(tables | {"mentions": staged}, run_id="r1", texts=store.texts())
    return in_frame, in_store, store


def test_a_staged_table_is_validated_as_its_frame(tmp_path):
    in_frame, in_store, store = _validated_both(tmp_path)
    rejected = _rejected(in_store)
    assert rejected == _rejected(in_frame)  # the same rejections, reasons and order
    mentions = [r for r in rejected if r[0] == "mentions"]
    assert len(mentions) == 11
    assert any("offsets_ordered" in r[2] and "str_length" in r[2] for r in mentions)
    assert any("not found in documents.document_id" in r[2] and '"d3"' in r[1] for r in mentions)
    assert any("(found None)" in r[2] for r in mentions)
    for table, report in in_frame.reports.items():
        got = in_store.reports[table]
        assert (got.rows, got.contract, got.schema_error) == (report.rows, report.contract, report.schema_error)
        assert [(r.record, r.errors) for r in got.rejections] == [(r.record, r.errors) for r in report.rejections]
    contract = in_store.reports["mentions"].contract  # labelled by place among the rows the model passed
    assert len(contract["foreign_key"]) == 4 and len(contract["offsets"]) == 3
    assert all(p.startswith("row ") for p in contract["offsets"])
    staged = in_store.valid["mentions"]
    assert isinstance(staged, StagedTable) and len(staged) == 4 == len(in_frame.valid["mentions"])
    pd.testing.assert_frame_equal(_as_frame(staged), in_frame.valid["mentions"], check_dtype=False)
    for table, df in in_frame.valid.items():
        if table not in ("mentions", "rejected_records"):
            pd.testing.assert_frame_equal(in_store.valid[table], df)
    store.__exit__()


def _published(path: Path) -> dict[str, list]:
    """Every table's rows in order (the rejections' times aside: each validation stamps its own)."""
    with duckdb.connect(str(path), read_only=True) as con:
        return {t: con.execute(f'SELECT * {"EXCLUDE (rejected_at)" if t == "rejected_records" else ""} FROM "{t}"')
                .fetchall() for t in TABLE_COLUMNS}


def test_a_staged_table_is_published_as_its_frame(tmp_path):
    """A fresh build and a publish by changes copy its rows from the store, in order, from a validation handed over
    pickled (as Dagster hands it from the step that validates to the one that publishes)."""
    in_frame, in_store, store = _validated_both(tmp_path)
    in_store.valid = pickle.loads(pickle.dumps(in_store.valid))
    build = Build("r1", NOW, "0123456789abcdef", "0123456789abcdef", "0" * 64)
    for validation in (in_frame, in_store):
        validation.valid["build_info"] = build_info(validation.valid, build)
    store.__exit__()  # the publish attaches the store's file, as the run's does once the store is closed
    texts = store.path
    build_database(in_frame.valid, tmp_path / "frame.duckdb", texts=texts)
    build_database(in_store.valid, tmp_path / "staged.duckdb", texts=texts)
    expected = _published(tmp_path / "frame.duckdb")
    assert _published(tmp_path / "staged.duckdb") == expected and len(expected["mentions"]) == 4
    changed = tmp_path / "changed.duckdb"  # a warehouse of the same build without its mentions, brought to them
    build_database(in_frame.valid | {"mentions": in_frame.valid["mentions"].iloc[:1]}, changed, texts=texts)
    publish_changes(in_store.valid, changed, texts=texts)
    assert _published(changed) == expected
    with pytest.raises(ValueError, match="staged in"):
        build_database(in_store.valid, tmp_path / "elsewhere.duckdb", texts=tmp_path / "other.duckdb")


def test_a_staged_table_of_an_earlier_run_is_gone():
    """Staging again drops the tables earlier runs staged: their publish fails rather than publish other rows."""
    store = _store(None, [("d1", "a.txt", TEXT)])
    first = _staged(store, _mentions()[:2], "a.txt")
    second = stage_rows(store, "mentions", MENTIONS, "document_id")
    assert len(second) == 2
    with pytest.raises(duckdb.CatalogException):
        first.frame()
    store.__exit__()


def test_a_table_with_unique_columns_cannot_be_staged():
    store = _store(None, [("d1", "a.txt", TEXT)])
    staged = stage_rows(store, "mentions", MENTIONS, "document_id")
    staged.name = "organizations"
    report = validate_all({"organizations": staged}).reports["organizations"]
    assert "unique columns cannot be staged" in report.schema_error
    store.__exit__()


def _corrected(tmp_path: Path, tables: dict, entries: list[dict]):
    path = tmp_path / "corrections.yaml"
    path.write_text(yaml.safe_dump({"corrections": entries}, sort_keys=False))
    return apply_corrections(tables, load_corrections(path), run_id="run-1", now=NOW)


def test_a_staged_table_is_corrected_as_its_frame(tmp_path):
    """A merge rewrites its references (a row that becomes a copy of another is kept once) and rejecting a lab
    removes its mentions, in SQL where the table is: the same rows and the same corrections_applied."""
    tables = sample_tables()
    department = org_id(tables, "Sichuan Provincial Department of Science and Technology")
    government = org_id(tables, "Sichuan Provincial Government")
    mentions = tables["mentions"]
    twin = mentions[mentions["entity_id"] == department].iloc[[0]]  # the same mention, naming the government
    mentions = pd.concat([mentions, twin.assign(entity_id=government)], ignore_index=True)
    store = _store(None, [(d, f"{d}.txt", "text") for d in sorted(set(mentions["document_id"].dropna()))])
    staged = _staged(store, mentions.to_dict("records"), f"{mentions['document_id'].iloc[0]}.txt")
    lab = [e for e in tables["mentions"].itertuples() if e.entity_type == "lab"]
    assert lab, "the sample has a lab's mentions"
    entries = [{"id": "m1", "action": "merge", "kind": "organization", "from": {"id": department},
                "into": {"id": government}, "reason": "same", "author": "t"},
               {"id": "x1", "action": "reject", "kind": "lab", "target": {"name": "Joint Laboratory for Quantum "
                                                                                  "Materials"},
                "reason": "not real", "author": "t"}]
    expected = _corrected(tmp_path, tables | {"mentions": _as_frame(staged)}, entries)
    got = _corrected(tmp_path, tables | {"mentions": staged}, entries)
    assert got.tables["mentions"] is staged
    pd.testing.assert_frame_equal(_as_frame(staged), expected.tables["mentions"], check_dtype=False)
    assert len(staged) == len(mentions) - 1 - len(lab)
    pd.testing.assert_frame_equal(got.applied, expected.applied)
    assert got.applied["changes"].iloc[0]["references"]["mentions.entity_id"] == 1
    store.__exit__()
