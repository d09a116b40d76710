"""build_database creates the contract's tables and views; publish_atomically swaps safely."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import duckdb
import pandas as pd
import pytest

from pipeline.core import publish
from pipeline.core.document_store import STORE_FILE, DocumentStore
from pipeline.core.publish import (
    build_database,
    contract_mismatches,
    publish_atomically,
    remove_abandoned_builds,
    view_names,
)
from pipeline.core.records import IngestedDocument
from schemas import PRIMARY_KEYS, TABLE_COLUMNS
from tests.unit.warehouse.test_schemas import EXTENDED

VIEWS = ("agreement_overview", "delegation_overview", "lab_overview", "agreement_events", "collaboration_network",
         "agreements_by_region_year", "organization_connections", "labs_by_host", "fields_by_major_area",
         "fact_evidence")


def domains(*codes: str) -> dict[str, pd.DataFrame]:
    rows = [{"domain_id": c, "label": f"field {c}", "major_id": c.split(".")[0], "major_label": "major"}
            for c in codes]
    return {"collaboration_domains": pd.DataFrame(rows, columns=list(TABLE_COLUMNS["collaboration_domains"]))}


def read_codes(path) -> list[str]:
    """Read from a fresh process: DuckDB caches open databases per path within one process."""
    code = ("import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True); "
            "print(','.join(r[0] for r in con.execute('select domain_id from collaboration_domains "
            "order by 1').fetchall()))")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    return out.stdout.strip().split(",")


def test_empty_build_has_every_table_and_view_with_contract_types(tmp_path):
    counts = build_database({}, tmp_path / "w.duckdb")
    assert counts == dict.fromkeys(TABLE_COLUMNS, 0)
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        rows = con.execute("select table_name, column_name, data_type from information_schema.columns "
                           "where table_schema = 'main' order by table_name, ordinal_position").fetchall()
        got: dict[str, dict[str, str]] = {}
        for table, column, data_type in rows:
            got.setdefault(table, {})[column] = data_type
        for table, columns in TABLE_COLUMNS.items():
            assert got[table] == columns, table
        assert sorted(view_names()) == sorted(VIEWS)
        for view in VIEWS:
            assert con.execute(f"select count(*) from {view}").fetchone() == (0,)
        comments = dict(con.execute("select view_name, comment from duckdb_views() where not internal").fetchall())
        assert all(comments.get(v) for v in VIEWS)
        assert all(c for _, c in con.execute("select table_name, comment from duckdb_tables()").fetchall())
        pk = con.execute("select table_name from duckdb_constraints() where constraint_type = 'PRIMARY KEY'")
        assert {r[0] for r in pk.fetchall()} == set(PRIMARY_KEYS)
    finally:
        con.close()


def test_views_answer_on_a_small_warehouse(tmp_path):
    text = "Alpha and Beta signed."
    tables = {
        "documents": pd.DataFrame([{"document_id": "d1", "source_path": "1.txt", "content_sha256": "h",
                                    "clean_text": text, "published_on": dt.date(2023, 5, 4),
                                    "published_on_precision": "day", "ingested_at": dt.datetime(2024, 1, 1)}]),
        "organizations": pd.DataFrame([{"organization_id": o, "canonical_name": n, "org_type": "university"}
                                       for o, n in [("o1", "Alpha"), ("o2", "Beta"), ("o3", "Gamma")]]),
        "agreements": pd.DataFrame([{"agreement_id": a, "event_id": e, "document_id": "d1", "signed_on": d,
                                     "agreement_type": "memorandum", "status": "signed", "evidence": text,
                                     "evidence_start": 0, "evidence_end": len(text)}
                                    for a, e, d in [("a1", "e1", dt.date(2020, 1, 1)),
                                                    ("a2", "e1", dt.date(2020, 1, 1)),
                                                    ("a3", "e2", dt.date(2022, 6, 1))]]),
        "agreement_parties": pd.DataFrame([{"agreement_id": a, "organization_id": o} for a, o in
                                           [("a1", "o2"), ("a1", "o1"), ("a2", "o1"), ("a2", "o2"),
                                            ("a3", "o1"), ("a3", "o2"), ("a3", "o3")]]),
        "rejected_records": pd.DataFrame([{"table_name": "labs", "record": {"name": "x"}, "errors": "bad",
                                           "rejected_at": pd.Timestamp("2024-01-01")}]),
    }
    build_database({t: df.reindex(columns=list(TABLE_COLUMNS[t])) for t, df in tables.items()},
                   tmp_path / "w.duckdb")
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        net = con.execute("select organization_a_id, organization_b_id, event_count, first_signed_on, "
                          "last_signed_on from collaboration_network order by 1, 2").fetchall()
        assert net == [("o1", "o2", 2, dt.date(2020, 1, 1), dt.date(2022, 6, 1)),
                       ("o1", "o3", 1, dt.date(2022, 6, 1), dt.date(2022, 6, 1)),
                       ("o2", "o3", 1, dt.date(2022, 6, 1), dt.date(2022, 6, 1))]
        events = con.execute("select event_id, party_names, document_count from agreement_events order by 1")
        assert events.fetchall() == [("e1", ["Alpha", "Beta"], 1), ("e2", ["Alpha", "Beta", "Gamma"], 1)]
        overview = con.execute("select party_names, signatory_names, domain_labels, document_title "
                               "from agreement_overview where agreement_id = 'a1'").fetchone()
        assert overview == (["Alpha", "Beta"], [], [], None)
        assert con.execute("select record->>'name' from rejected_records").fetchone() == ("x",)
    finally:
        con.close()


def test_publish_swaps_under_an_open_reader(tmp_path):
    target = tmp_path / "cooperation.duckdb"
    publish_atomically(domains("1.1"), target)
    reader = duckdb.connect(str(target), read_only=True)
    try:
        counts = publish_atomically(domains("2.1", "2.2"), target)
        assert counts["collaboration_domains"] == 2
        assert reader.execute("select domain_id from collaboration_domains").fetchall() == [("1.1",)]
    finally:
        reader.close()
    assert read_codes(target) == ["2.1", "2.2"]
    # no .wal, no temp file; the writer lock's file stays (pipeline/core/writer_lock.py)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cooperation.duckdb", "cooperation.duckdb.lock"]


BROKEN = {
    "bad-cast": {"documents": pd.DataFrame([{"document_id": "d1", "source_path": "1.txt", "content_sha256": "h",
                                             "clean_text": "t", "ingested_at": "not a time"}],
                                           columns=list(TABLE_COLUMNS["documents"]))},
    "missing-columns": {"labs": pd.DataFrame([{"lab_id": "l1"}])},
    "unknown-table": {"treaties": pd.DataFrame()},
    "duplicate-key": domains("1.1", "1.1"),
}


def test_build_refuses_an_existing_file(tmp_path):
    (tmp_path / "w.duckdb").write_bytes(b"")
    with pytest.raises(FileExistsError):
        build_database({}, tmp_path / "w.duckdb")


@pytest.mark.parametrize("case", list(BROKEN))
def test_failed_build_leaves_old_warehouse_untouched(tmp_path, case):
    target = tmp_path / "cooperation.duckdb"
    publish_atomically(domains("1.1"), target)
    before = target.read_bytes()
    with pytest.raises((ValueError, duckdb.Error)):
        publish_atomically({**domains("3.1"), **BROKEN[case]}, target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cooperation.duckdb", "cooperation.duckdb.lock"]


def test_only_the_builds_of_dead_processes_are_cleaned_up(tmp_path):
    target = tmp_path / "cooperation.duckdb"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True).stdout.strip()  # a pid whose process has exited
    live = tmp_path / f".{target.name}.{os.getpid()}.a.building"  # a concurrent build in a live process
    abandoned = [tmp_path / f".{target.name}.{dead}.b.building", tmp_path / f".{target.name}.{dead}.b.building.wal"]
    for path in (live, *abandoned):
        path.write_bytes(b"partial")
    spill = tmp_path / f".{target.name}.{dead}.b.building.tmp"  # what its DuckDB spilled (publish.BUILD_SETTINGS)
    (spill / "duckdb_temp_storage-0.tmp").parent.mkdir()
    (spill / "duckdb_temp_storage-0.tmp").write_bytes(b"spilled")
    abandoned = sorted([*abandoned, spill])
    assert remove_abandoned_builds(target) == sorted(abandoned)
    assert live.exists() and not any(p.exists() for p in abandoned)
    publish_atomically(domains("1.1"), target)  # publishing cleans up the same way, and leaves the live build
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, target.name, f"{target.name}.lock"])


def test_an_extended_catalog_publishes_its_extra_table_with_its_types_key_and_comment(tmp_path):
    call = {"call_id": "c1", "document_id": "d1", "status": "open", "deadline": dt.date(2023, 6, 30),
            "evidence": "x", "evidence_start": 0, "evidence_end": 1}
    calls = pd.DataFrame([call], columns=list(EXTENDED.columns["funding_calls"]))
    target = tmp_path / "w.duckdb"
    with pytest.raises(ValueError, match="not contract tables: funding_calls"):
        publish_atomically({"funding_calls": calls}, target)  # the default catalog has no such table
    counts = publish_atomically({**domains("1.1"), "funding_calls": calls}, target, catalog=EXTENDED)
    assert counts == {**dict.fromkeys(TABLE_COLUMNS, 0), "collaboration_domains": 1, "funding_calls": 1}
    assert contract_mismatches(target, catalog=EXTENDED) == []
    assert contract_mismatches(target) == []  # a warehouse with more tables still holds the default contract
    con = duckdb.connect(str(target), read_only=True)
    try:
        columns = con.execute("select column_name, data_type, is_nullable from information_schema.columns "
                              "where table_name = 'funding_calls' order by ordinal_position").fetchall()
        assert [(c, t) for c, t, _ in columns] == list(EXTENDED.columns["funding_calls"].items())
        assert {c for c, _, nullable in columns if nullable == "NO"} == set(EXTENDED.not_null_columns("funding_calls"))
        assert con.execute("select deadline from funding_calls").fetchone() == (dt.date(2023, 6, 30),)
        pk = con.execute("select constraint_column_names from duckdb_constraints() "
                         "where table_name = 'funding_calls' and constraint_type = 'PRIMARY KEY'").fetchall()
        assert pk == [(["call_id"],)]
        comment = con.execute("select comment from duckdb_tables() where table_name = 'funding_calls'").fetchone()
        assert comment == (EXTENDED.descriptions["funding_calls"],)
    finally:
        con.close()


def test_the_documents_text_is_copied_from_the_store_and_a_changed_text_stops_the_publish(tmp_path):
    """The run's documents frame lacks clean_text: the build takes it from the per-document store, in the frame's
    order, joined on path and content hash; a document whose stored content changed since leaves the old
    warehouse in place."""
    texts = {"b.txt": "Beta signed. 中文 e\u0301cole", "a.txt": "Alpha signed."}
    with DocumentStore(tmp_path / "cache", "f1", {}) as store:
        store.write_parsed([(path, "h", IngestedDocument(f"id-{path}", path, "h", text))
                            for path, text in texts.items()])
    documents = pd.DataFrame([{"document_id": f"id-{path}", "source_path": path, "content_sha256": "h",
                               "published_on_precision": "unknown", "ingested_at": dt.datetime(2024, 1, 1)}
                              for path in ("b.txt", "a.txt")],
                             columns=[c for c in TABLE_COLUMNS["documents"] if c != "clean_text"])
    target, store_file = tmp_path / "w.duckdb", tmp_path / "cache" / STORE_FILE
    assert publish_atomically({"documents": documents}, target, texts=store_file)["documents"] == 2
    con = duckdb.connect(str(target), read_only=True)
    try:
        assert con.execute("select source_path, clean_text from documents").fetchall() == list(texts.items())
    finally:
        con.close()
    changed = documents.assign(content_sha256=["h", "h2"])
    with pytest.raises(RuntimeError, match="holds the text of 1 of the 2 documents"):
        publish_atomically({"documents": changed}, target, texts=store_file)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "w.duckdb", "w.duckdb.lock"]
    with pytest.raises(ValueError, match="missing column"):  # without the store, the text is missing
        build_database({"documents": documents}, tmp_path / "other.duckdb")


def stored_documents(tmp_path, count: int, size: int) -> tuple[pd.DataFrame, object]:
    """A store of `count` documents with distinct texts of about `size` characters each, and the run's frame of
    them (no text), in reverse path order, with a gap in its index as validation leaves one."""
    with DocumentStore(tmp_path / "cache", "f1", {}) as store:
        store.write_parsed([(f"{i:03d}.txt", f"h{i}", IngestedDocument(f"id{i}", f"{i:03d}.txt", f"h{i}",
                                                                      f"Text {i} é 中文 " * (size // 12)))
                            for i in range(count)])
    documents = pd.DataFrame([{"document_id": f"id{i}", "source_path": f"{i:03d}.txt", "content_sha256": f"h{i}",
                               "published_on_precision": "unknown", "ingested_at": dt.datetime(2024, 1, 1)}
                              for i in reversed(range(count))],
                             columns=[c for c in TABLE_COLUMNS["documents"] if c != "clean_text"])
    return documents.set_axis(range(1, 2 * count, 2)), tmp_path / "cache" / STORE_FILE


def every_row(path) -> dict[str, list[tuple]]:
    """Every table's rows in the order a reader gets them without ORDER BY (the order the build inserted)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f'select * from "{t}"').fetchall() for t in TABLE_COLUMNS}
    finally:
        con.close()


def test_a_build_in_batches_under_its_memory_limit_publishes_the_rows_of_an_unlimited_one(tmp_path, monkeypatch):
    """The texts copied from the store a few documents at a time, under the build's memory limit: every table's
    rows, in the frame's order, are those of a build without a limit in one batch, and no spill folder is left."""
    documents, store_file = stored_documents(tmp_path, 60, 20_000)
    mentions = pd.DataFrame([{"document_id": f"id{i % 60}", "entity_type": "organization", "entity_id": f"o{i}",
                              "surface": f"Org {i}", "start": i, "end": i + 5} for i in range(500)],
                            columns=list(TABLE_COLUMNS["mentions"]))
    tables = {"documents": documents, "mentions": mentions.set_axis(range(1000, 1500)), **domains("1.1", "2.1")}
    assert publish.BUILD_SETTINGS["memory_limit"]
    monkeypatch.setattr(publish, "TEXT_BATCH", 7)
    publish_atomically(tables, tmp_path / "limited" / "w.duckdb", texts=store_file)
    monkeypatch.setattr(publish, "BUILD_SETTINGS", {})
    monkeypatch.setattr(publish, "TEXT_BATCH", len(documents))
    publish_atomically(tables, tmp_path / "unlimited" / "w.duckdb", texts=store_file)
    limited = every_row(tmp_path / "limited" / "w.duckdb")
    assert limited == every_row(tmp_path / "unlimited" / "w.duckdb")
    assert [r[1] for r in limited["documents"]] == list(documents["source_path"])
    assert [r[2] for r in limited["mentions"]] == list(mentions["entity_id"])
    assert sorted(p.name for p in (tmp_path / "limited").iterdir()) == ["w.duckdb", "w.duckdb.lock"]


def test_a_build_failing_in_a_later_batch_of_texts_leaves_the_last_warehouse(tmp_path, monkeypatch):
    documents, store_file = stored_documents(tmp_path, 10, 1000)
    target = tmp_path / "w.duckdb"
    publish_atomically({"documents": documents}, target, texts=store_file)
    before = target.read_bytes()
    monkeypatch.setattr(publish, "TEXT_BATCH", 3)
    broken = documents.astype({"ingested_at": object})
    broken.iloc[8, broken.columns.get_loc("ingested_at")] = "not a time"  # in the third batch
    with pytest.raises(duckdb.Error):
        publish_atomically({"documents": broken}, target, texts=store_file)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "w.duckdb", "w.duckdb.lock"]
