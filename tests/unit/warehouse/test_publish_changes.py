"""Publishing by changing a copy of the last warehouse gives exactly the rows a fresh build gives."""
from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd
import pytest

import pipeline.core.publish_changes as publish_changes_module
from pipeline.core.build_record import Build, build_info
from pipeline.core.document_store import STORE_FILE, DocumentStore
from pipeline.core.publish import publish_atomically
from pipeline.core.publish_changes import publish_changes
from pipeline.core.records import IngestedDocument
from schemas import TABLE_COLUMNS

TEXTS = {"a.txt": "Alpha signed.", "b.txt": "Beta signed. 中文 e\u0301cole", "c.txt": "Gamma met."}


def _frame(table: str, rows: list[dict]) -> pd.DataFrame:
    columns = [c for c in TABLE_COLUMNS[table] if not (table == "documents" and c == "clean_text")]
    return pd.DataFrame(rows, columns=columns)


def _tables(paths, organizations, mentions, run: str, code: str = "c0de000000000001") -> dict[str, pd.DataFrame]:
    when = dt.datetime(2024, 1, 1) + dt.timedelta(days=int(run[-1]))
    tables = {
        "documents": _frame("documents", [{"document_id": f"id-{p}", "source_path": p, "content_sha256": f"h-{p}",
                                           "published_on_precision": "unknown", "ingested_at": when} for p in paths]),
        "organizations": _frame("organizations", [{"organization_id": o, "canonical_name": name, "org_type": "other"}
                                                  for o, name in organizations]),
        "mentions": _frame("mentions", [{"document_id": d, "entity_type": "organization", "entity_id": o,
                                         "surface": s, "start": 0, "end": len(s)} for d, o, s in mentions]),
        "rejected_records": _frame("rejected_records", [{"table_name": "mentions", "record": {"n": 1},
                                                         "errors": "bad", "document_id": None, "run_id": run,
                                                         "rejected_at": when}]),
    }
    tables["build_info"] = build_info(tables, Build(run, when, code, "a" * 64, "b" * 64))
    return tables


FIRST = _tables(["a.txt", "b.txt"], [("o1", "Alpha"), ("o2", "Beta")],
                [("id-a.txt", "o1", "Alpha"), ("id-a.txt", "o1", "Alpha"), ("id-b.txt", "o2", "Beta")], "run1")
SECOND = _tables(["a.txt", "b.txt", "c.txt"], [("o1", "Alpha University"), ("o3", "Gamma")],  # one renamed, one gone
                 [("id-a.txt", "o1", "Alpha"), ("id-b.txt", "o2", "Beta"), ("id-c.txt", "o3", "Gamma")], "run2")


def _rows(path) -> dict[str, list[tuple]]:
    """Every row of every contract table, all columns, sorted."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in TABLE_COLUMNS}
    finally:
        con.close()


@pytest.fixture
def store_file(tmp_path):
    with DocumentStore(tmp_path / "cache", "f1", {}) as store:
        store.write_parsed([(p, f"h-{p}", IngestedDocument(f"id-{p}", p, f"h-{p}", text)) for p, text in TEXTS.items()])
    return tmp_path / "cache" / STORE_FILE


@pytest.fixture
def full_builds(monkeypatch):
    """Counts the publishes that built the warehouse afresh."""
    calls = []

    def counted(*args, **kwargs):
        calls.append(args[1])
        return publish_atomically(*args, **kwargs)

    monkeypatch.setattr(publish_changes_module, "publish_atomically", counted)
    return calls


def test_changing_the_last_warehouse_gives_the_rows_of_a_fresh_build(tmp_path, store_file, full_builds):
    target = tmp_path / "w.duckdb"
    publish_changes(FIRST, target, texts=store_file)
    assert full_builds == [target]  # nothing to change yet
    counts = publish_changes(SECOND, target, texts=store_file)
    assert full_builds == [target]  # the second publish changed the copy
    fresh = tmp_path / "fresh.duckdb"
    assert publish_atomically(SECOND, fresh, texts=store_file) == counts
    changed, built = _rows(target), _rows(fresh)
    assert changed == built
    assert [r[0] for r in changed["organizations"]] == ["o1", "o3"]  # renamed, removed and added rows all published
    assert len(changed["mentions"]) == 3  # a row held twice is now held once, as in the run's rows
    assert {r[-1] for r in changed["rejected_records"]} == {dt.datetime(2024, 1, 3)}  # volatile columns follow the run


def test_another_code_builds_afresh_and_a_failure_leaves_the_last_warehouse(tmp_path, store_file, full_builds):
    target = tmp_path / "w.duckdb"
    publish_changes(FIRST, target, texts=store_file)
    before = _rows(target)
    other = _tables(["a.txt", "b.txt"], [("o1", "Alpha")], [], "run2", code="c0de000000000002")
    publish_changes(other, target, texts=store_file)
    assert full_builds == [target, target]
    publish_changes(FIRST, target, texts=store_file)
    assert _rows(target) == before
    broken = {**SECOND, "documents": SECOND["documents"].assign(content_sha256="not stored")}
    with pytest.raises(RuntimeError, match="holds the text of 0 of the 3 documents"):
        publish_changes(broken, target, texts=store_file)
    assert _rows(target) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".w.duckdb")) == []
