"""In-process materialisation into a tmp_path warehouse: contract shape, incremental runs, quarantine.

One module-scoped sequence of runs (first, unchanged, one file changed, one file deleted, one file
added) keeps the test time low; each test then checks one property of the recorded states. The first
run is also scored against a gold file, so the gold_slot_f1 check has something to report.
"""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest

from pipeline.core.ids import make_id
from pipeline.core.table_digest import VOLATILE, table_digests
from schemas import PRIMARY_KEYS, TABLE_COLUMNS
from tests.pipeline_run import GOLD, LAB, MOU_CHANGED, query, run_job, stored_files, write_corpus

MOU_PATH, VISIT_PATH, ADDED_PATH = "zju_hku_mou_2023.txt", "sichuan_polyu_visit_2022.txt", "photonics_lab_2021.txt"


def snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    """Every table's rows without the run-specific columns, sorted: equal snapshots mean equal content."""
    out = {}
    for table, columns in TABLE_COLUMNS.items():
        cols = ", ".join(f'"{c}"' for c in columns if c not in VOLATILE)
        out[table] = sorted(query(warehouse, f'SELECT {cols} FROM "{table}"'), key=repr)
    return out


def rows_of_document(warehouse: Path, document_id: str) -> dict[str, int]:
    return {t: query(warehouse, f'SELECT count(*) FROM "{t}" WHERE document_id = ?', [document_id])[0][0]
            for t, cols in TABLE_COLUMNS.items() if "document_id" in cols and t != "rejected_records"}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("assets")
    raw, warehouse = write_corpus(base / "raw"), base / "out" / "cooperation.duckdb"
    cache = warehouse.with_name("cooperation.cache")  # the default: named after the warehouse, beside it
    gold = base / "gold"
    gold.mkdir()
    (gold / "zju_hku_mou_2023.json").write_text(json.dumps(GOLD), encoding="utf-8")
    states, cache_entries, fresh_digests = {}, {}, {}
    with dg.DagsterInstance.ephemeral() as instance:
        for step in ("first", "unchanged", "changed", "deleted", "added"):
            if step == "changed":
                (raw / MOU_PATH).write_text(MOU_CHANGED, encoding="utf-8")
            if step == "deleted":
                (raw / VISIT_PATH).unlink()
            if step == "added":
                (raw / ADDED_PATH).write_text(LAB.replace("Quantum Materials", "Photonics"), encoding="utf-8")
            run = run_job(instance, raw, warehouse, gold_dir=gold if step == "first" else None)
            assert run.success, f"{step} run failed"
            copy = base / f"{step}.duckdb"
            shutil.copy(warehouse, copy)
            states[step] = (run, copy)
            cache_entries[step] = stored_files(cache)
            if step != "first":  # the same folder from scratch: its own warehouse and per-document store
                fresh = base / "fresh" / step / "cooperation.duckdb"
                assert run_job(instance, raw, fresh).success, f"{step}: the run from scratch failed"
                fresh_digests[step] = table_digests(fresh)
    return {"raw": raw, "warehouse": warehouse, "cache": cache, "cache_entries": cache_entries,
            "fresh_digests": fresh_digests, **states}


def test_every_contract_table_and_column_has_its_type(runs):
    _, db = runs["first"]
    found = {(t, c): ty for t, c, ty in query(db, "SELECT table_name, column_name, data_type "
                                                  "FROM information_schema.columns WHERE table_schema = 'main'")}
    for table, columns in TABLE_COLUMNS.items():
        for column, sql_type in columns.items():
            assert found.get((table, column)) == sql_type, f"{table}.{column}"
    views = {r[0] for r in query(db, "SELECT view_name FROM duckdb_views() WHERE NOT internal")}
    assert {"agreement_overview", "delegation_overview", "lab_overview", "agreement_events",
            "collaboration_network"} <= views


def test_first_run_processes_every_readable_file_and_quarantines_the_empty_one(runs):
    run, db = runs["first"]
    assert (run.seen, run.processed, run.skipped) == (4, 3, 0)
    assert run.counts["documents"] == 3
    assert run.counts == {t: query(db, f'SELECT count(*) FROM "{t}"')[0][0] for t in TABLE_COLUMNS}
    reasons = query(db, "SELECT errors FROM rejected_records WHERE table_name = 'documents' "
                        "AND json_extract_string(record, '$.source_path') = 'empty.txt'")
    assert reasons, "the empty file must be in rejected_records, not silently dropped"
    assert run.counts["collaboration_domains"] == 42


def test_unchanged_rerun_reuses_the_cache_and_keeps_ids_and_counts(runs):
    first, first_db = runs["first"]
    second, second_db = runs["unchanged"]
    assert second.processed == 0 and second.skipped == 3
    assert second.counts == first.counts
    assert snapshot(second_db) == snapshot(first_db)
    for table, keys in PRIMARY_KEYS.items():
        sql = f'SELECT {", ".join(keys)} FROM "{table}" ORDER BY 1'
        assert query(second_db, sql) == query(first_db, sql), table


def test_changed_file_replaces_its_rows(runs):
    run, db = runs["changed"]
    assert run.processed == 1 and run.skipped == 2
    doc_id = make_id("document", MOU_PATH)
    sha, text = query(db, "SELECT content_sha256, clean_text FROM documents WHERE document_id = ?", [doc_id])[0]
    assert sha == hashlib.sha256(MOU_CHANGED.encode("utf-8")).hexdigest()
    assert "marine" not in text
    for table in ("agreements", "delegations", "lab_mentions"):
        for (evidence,) in query(db, f'SELECT evidence FROM "{table}" WHERE document_id = ?', [doc_id]):
            assert evidence in text, f"{table} kept a row of the old version"
    for (matched,) in query(db, "SELECT matched_text FROM document_domains WHERE document_id = ?", [doc_id]):
        assert matched in text
    old_rows = rows_of_document(runs["unchanged"][1], make_id("document", VISIT_PATH))
    assert rows_of_document(db, make_id("document", VISIT_PATH)) == old_rows  # other documents untouched


def test_deleted_file_disappears_everywhere(runs):
    run, db = runs["deleted"]
    assert run.processed == 0 and run.counts["documents"] == 2
    doc_id = make_id("document", VISIT_PATH)
    assert rows_of_document(runs["changed"][1], doc_id)["documents"] == 1
    assert set(rows_of_document(db, doc_id).values()) == {0}
    assert runs["cache_entries"]["changed"] == 3 and runs["cache_entries"]["deleted"] == 2  # its entry and rows are pruned


def test_a_new_file_costs_one_files_work(runs):
    run, db = runs["added"]
    assert (run.processed, run.extracted, run.skipped) == (1, 1, 2)
    assert run.counts["documents"] == 3
    assert query(db, "SELECT count(*) FROM documents WHERE source_path = ?", [ADDED_PATH])[0][0] == 1
    unchanged, _ = runs["unchanged"]
    assert (unchanged.processed, unchanged.extracted) == (0, 0)


@pytest.mark.parametrize("step", ["unchanged", "changed", "deleted", "added"])
def test_a_run_on_the_last_ones_store_and_warehouse_publishes_what_a_run_from_scratch_does(runs, step):
    """Every run after the first reuses the store, the spans found and the last warehouse (publishing by changes):
    each table's content equals that of a run over the same folder with nothing kept."""
    _, db = runs[step]
    assert table_digests(db) == runs["fresh_digests"][step]


def test_every_table_materialisation_reports_rows_preview_and_schema(runs):
    run, _ = runs["first"]
    for table in TABLE_COLUMNS:
        meta = run.metadata[table]
        assert meta["dagster/row_count"].value == run.counts[table] or table == "rejected_records", table
        assert [c.name for c in meta["dagster/column_schema"].schema.columns] == list(TABLE_COLUMNS[table])
        assert isinstance(meta["preview"], dg.MarkdownMetadataValue)
    documents = run.metadata["documents"]
    assert (documents["documents_processed"].value, documents["documents_skipped"].value,
            documents["documents_rejected"].value) == (3, 0, 1)
    ingested = run.metadata["ingested_documents"]
    assert (ingested["processed"].value, ingested["skipped"].value, ingested["rejected"].value) == (3, 0, 1)
    extractions = run.metadata["document_extractions"]
    assert (extractions["extracted"].value, extractions["reused"].value, extractions["rejected"].value) == (3, 0, 0)
    assert "agreements" in extractions["preview"].value
    assert run.metadata["cooperation_warehouse"]["dagster/row_count"].value == sum(run.counts.values())


def test_every_check_passes_on_a_clean_corpus_and_gold_f1_is_reported(runs):
    run, _ = runs["first"]
    failed = [key for key, check in run.checks.items() if not check.passed]
    assert failed == []
    for table in TABLE_COLUMNS:
        metadata = run.checks[(table, "validation")].metadata
        assert metadata["failing_rules"].value == "none"
        assert metadata["pandera_model_problems"].value == 0 and metadata["foreign_key_problems"].value == 0
    gold = run.checks[("cooperation_warehouse", "gold_slot_f1")].metadata
    assert gold["documents"].value == 1 and gold["documents_missing"].value == 0
    assert 0.0 < gold["slot_f1"].value <= 1.0
    assert {"agreements_slot_f1", "delegations_slot_f1", "labs_slot_f1", "domains_slot_f1"} <= set(gold)


def test_without_a_gold_folder_the_gold_check_is_not_evaluated(runs):
    run, _ = runs["unchanged"]  # raw/ is a temporary folder, so no default gold folder applies
    assert ("cooperation_warehouse", "gold_slot_f1") not in run.checks
    assert run.checks[("cooperation_warehouse", "published_contract")].passed


def test_table_level_problem_stops_the_publish_and_keeps_the_old_warehouse(runs, monkeypatch):
    import pipeline.defs.tables as tables_module

    real = tables_module.build_tables

    def without_a_column(*args, **kwargs):
        tables = real(*args, **kwargs)
        tables["agreements"] = tables["agreements"].drop(columns=["status"])
        return tables

    monkeypatch.setattr(tables_module, "build_tables", without_a_column)
    before = runs["warehouse"].read_bytes()
    with dg.DagsterInstance.ephemeral() as instance:
        run = run_job(instance, runs["raw"], runs["warehouse"])
    assert not run.success
    assert runs["warehouse"].read_bytes() == before
    check = run.checks[("agreements", "validation")]
    assert not check.passed and check.severity == dg.AssetCheckSeverity.ERROR
    assert "status" in check.metadata["table_error"].value
    assert check.metadata["failing_rules"].value.startswith("pandera_model, ")
    places = run.checks[("places", "validation")]  # its contract rules cannot be checked; the reason is above
    assert not places.passed and places.severity == dg.AssetCheckSeverity.WARN
    assert places.metadata["failing_rules"].value == "primary_key, enum, foreign_key, offsets"
    assert "agreements cannot be validated" in places.description
    assert ("cooperation_warehouse", "published_contract") not in run.checks  # the publish never ran


def test_bad_rows_are_quarantined_and_the_run_goes_on(runs, monkeypatch, tmp_path):
    import pipeline.defs.tables as tables_module

    real = tables_module.build_tables

    def with_a_bad_row(*args, **kwargs):
        tables = real(*args, **kwargs)
        bad = {c: None for c in TABLE_COLUMNS["places"]} | {"place_id": "bogus", "name": "Nowhere",
                                                             "place_type": "not-a-place-type"}
        tables["places"] = pd.concat([tables["places"], pd.DataFrame([bad])], ignore_index=True)
        return tables

    monkeypatch.setattr(tables_module, "build_tables", with_a_bad_row)
    warehouse = tmp_path / "cooperation.duckdb"
    with dg.DagsterInstance.ephemeral() as instance:
        run = run_job(instance, runs["raw"], warehouse, cache_dir=runs["cache"])
    assert run.success
    check = run.checks[("places", "validation")]
    assert not check.passed and check.severity == dg.AssetCheckSeverity.WARN
    assert check.metadata["failing_rules"].value == "pandera_model"
    assert check.metadata["pandera_model_problems"].value == 1 and "bogus" in check.metadata["failure_cases"].value
    assert query(warehouse, "SELECT count(*) FROM places WHERE place_id = 'bogus'")[0][0] == 0
    rejected = query(warehouse, "SELECT errors FROM rejected_records WHERE table_name = 'places' "
                                "AND json_extract_string(record, '$.place_id') = 'bogus'")
    assert rejected and "place_type" in rejected[0][0]


# Child tables without a document_id of their own, and the parent key that ties each to a document.
CHILDREN = {
    "agreement_parties": ("agreement_id", "agreements"), "agreement_signatories": ("agreement_id", "agreements"),
    "agreement_activities": ("agreement_id", "agreements"), "agreement_domains": ("agreement_id", "agreements"),
    "lab_domains": ("lab_id", "labs"),
}


@pytest.mark.parametrize("step", ["changed", "deleted", "added"])
@pytest.mark.parametrize("child", sorted(CHILDREN))
def test_no_child_row_outlives_its_parent(runs, step, child):
    _, db = runs[step]
    key, parent = CHILDREN[child]
    orphans = query(db, f'SELECT count(*) FROM "{child}" c WHERE NOT EXISTS '
                        f'(SELECT 1 FROM "{parent}" p WHERE p.{key} = c.{key})')[0][0]
    assert orphans == 0


@pytest.mark.parametrize("step", ["changed", "deleted", "added"])
def test_every_entity_is_still_mentioned_by_some_document(runs, step):
    """Organisations, people, places and labs named only in a deleted or rewritten file disappear with it
    (organisations may stay as the parent or party of something that is still there)."""
    _, db = runs[step]
    for table, key, kind in (("people", "person_id", "person"), ("places", "place_id", "place"),
                             ("labs", "lab_id", "lab")):
        unmentioned = query(db, f'SELECT count(*) FROM "{table}" t WHERE NOT EXISTS (SELECT 1 FROM mentions m '
                                f"WHERE m.entity_type = '{kind}' AND m.entity_id = t.{key}) "
                                f"AND NOT EXISTS (SELECT 1 FROM places c WHERE c.parent_place_id = t.{key})"
                                if table == "places" else
                                f'SELECT count(*) FROM "{table}" t WHERE NOT EXISTS (SELECT 1 FROM mentions m '
                                f"WHERE m.entity_type = '{kind}' AND m.entity_id = t.{key})")[0][0]
        assert unmentioned == 0, table
    stray = query(db, """SELECT count(*) FROM organizations o WHERE NOT EXISTS
                         (SELECT 1 FROM mentions m WHERE m.entity_type = 'organization' AND m.entity_id = o.organization_id)
                         AND NOT EXISTS (SELECT 1 FROM organizations c WHERE c.parent_organization_id = o.organization_id)
                         AND NOT EXISTS (SELECT 1 FROM agreement_parties p WHERE p.organization_id = o.organization_id)
                         AND NOT EXISTS (SELECT 1 FROM person_affiliations a WHERE a.organization_id = o.organization_id)
                         AND NOT EXISTS (SELECT 1 FROM delegations d WHERE o.organization_id IN
                                         (d.origin_organization_id, d.host_organization_id))""")[0][0]
    assert stray == 0


def test_a_deleted_files_people_and_places_are_gone(runs):
    before, after = runs["changed"][1], runs["deleted"][1]
    doc_id = make_id("document", VISIT_PATH)
    only_there = query(before, """SELECT DISTINCT m.entity_id FROM mentions m WHERE m.document_id = ?
                                  AND m.entity_type IN ('person', 'place') AND NOT EXISTS (SELECT 1 FROM mentions o
                                  WHERE o.entity_id = m.entity_id AND o.document_id <> m.document_id)""", [doc_id])
    assert only_there, "the deleted file should name someone or somewhere no other file names"
    ids = [r[0] for r in only_there]
    marks = ", ".join("?" * len(ids))
    assert query(after, f"SELECT count(*) FROM people WHERE person_id IN ({marks})", ids)[0][0] == 0
    assert query(after, f"SELECT count(*) FROM places WHERE place_id IN ({marks}) AND place_id NOT IN "
                        f"(SELECT parent_place_id FROM places WHERE parent_place_id IS NOT NULL)", ids)[0][0] == 0


def test_a_rejected_file_is_a_warning_in_the_run_log(tmp_path):
    import logging

    from pipeline.definitions import defs

    raw = write_corpus(tmp_path / "raw")
    with dg.DagsterInstance.ephemeral() as instance:
        result = defs.resolve_job_def("build_warehouse").execute_in_process(
            run_config={"resources": {"settings": {"config": {"raw_dir": str(raw),
                                                              "warehouse_path": str(tmp_path / "w.duckdb")}}}},
            instance=instance, raise_on_error=False)
        warnings = [e.user_message for e in instance.all_logs(result.run_id) if e.level == logging.WARNING]
    assert any("empty.txt" in w for w in warnings), warnings
