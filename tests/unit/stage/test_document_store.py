"""The per-document store: entries by content hash, rows as the extraction gave them, replaced and pruned by file."""
from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
import subprocess
import sys
import types

import pandas as pd
import pytest

from pipeline.core.document_store import EXTRACTED, PARSED, REJECTED, DocumentStore, StoreBusy, StoredTexts
from pipeline.core.records import IngestedDocument, Rejection

TABLES = {"labs": {"lab_id": "VARCHAR", "established_year": "INTEGER", "confidence": "DOUBLE", "opened_on": "DATE",
                   "corrected_by": "VARCHAR"},
          "mentions": {"document_id": "VARCHAR", "start": "INTEGER"}}


def doc(path: str = "a.txt", sha: str = "s1", text: str = "Some text.") -> IngestedDocument:
    return IngestedDocument(document_id=f"id-{path}", source_path=path, content_sha256=sha, clean_text=text,
                            published_on=dt.date(2024, 5, 3), published_on_precision="day")


def lab(n: int, year: int | None = 2020) -> dict:
    return {"lab_id": f"lab{n}", "established_year": year, "confidence": 0.9, "opened_on": None if n else dt.date(2020, 1, 2)}


def test_rows_come_back_as_the_extraction_gave_them_by_document_then_in_order(tmp_path):
    with DocumentStore(tmp_path / "cache", "f1", TABLES) as store:
        store.write_parsed([("b.txt", "s1", doc("b.txt")), ("a.txt", "s1", doc("a.txt"))])
        store.write_extracted([("b.txt", {"labs": [lab(2), lab(0, None)]}, [], True),
                               ("a.txt", {"labs": [lab(1)], "mentions": []}, [], True)])
        rows = store.rows("labs")
        assert rows == [lab(1), lab(2), lab(0, None)]  # no corrected_by: the rows never had it
        assert [type(v) for v in rows[2].values()] == [str, type(None), float, dt.date]
        assert store.rows("mentions") == []
        assert store.documents() == [doc("a.txt"), doc("b.txt")]
        assert store.entries() == {"a.txt": ("s1", EXTRACTED), "b.txt": ("s1", EXTRACTED)}
    assert (tmp_path / "cache" / "CACHEDIR.TAG").read_bytes().startswith(b"Signature: 8a477f597d28d172789f06886806bc55")


def test_row_tuples_group_in_duckdb_as_distinct_and_a_key_order_would(tmp_path):
    """The first of equal rows in the rows' order (a null and the text "None" are equal, as for
    kinds.base.distinct), or every row sorted by a column, then in the rows' order."""
    from pipeline.core.kinds.base import distinct

    with DocumentStore(tmp_path, "f1", TABLES) as store:
        store.write_parsed([("b.txt", "s1", doc("b.txt")), ("a.txt", "s1", doc("a.txt"))])
        store.write_extracted([
            ("b.txt", {"labs": [lab(2), lab(1), {**lab(3), "lab_id": None}, lab(1, None)]}, [], True),
            ("a.txt", {"labs": [lab(1), {**lab(3), "lab_id": "None"}, lab(2, 1999)]}, [], True)])
        columns, rows = store.row_tuples("labs", distinct=True)
        assert [dict(zip(columns, r)) for r in rows] == distinct(store.rows("labs"))
        assert [r[0] for r in rows] == ["lab1", "None", "lab2", "lab2", "lab1"]
        columns, rows = store.row_tuples("labs", by="lab_id")
        assert [(r[0], r[1]) for r in rows] == [("None", 2020), ("lab1", 2020), ("lab1", 2020), ("lab1", None),
                                                ("lab2", 1999), ("lab2", 2020), (None, 2020)]
        assert store.row_tuples("mentions") == ([], [])
        [frame] = store.row_frames("labs", distinct=True)  # the same rows, framed by DuckDB
        assert list(frame.columns) == columns
        assert frame.astype(object).where(frame.notna(), None).values.tolist() == \
            [list(r) for r in store.row_tuples("labs", distinct=True)[1]]
        assert list(store.row_frames("mentions")) == []


def test_the_stored_columns_read_once_a_session_follow_tables_made_and_writes_undone(tmp_path):
    """The catalog is read once a session (`_stored_columns`): a table of rows made in the session is seen, one made
    by a write that failed (and was rolled back) is not, and the next write makes it again."""
    with DocumentStore(tmp_path, "f1", TABLES) as store:
        store.write_parsed([("a.txt", "s1", doc("a.txt"))])
        assert store.rows("labs") == [] and store.row_counts() == {"labs": 0, "mentions": 0}
        with pytest.raises(ValueError, match="does not have"):  # labs made, then mentions refused: both undone
            store.write_extracted([("a.txt", {"labs": [lab(1)], "mentions": [{"document_id": "x", "other": 1}]},
                                    [], True)])
        assert store.rows("labs") == [] and store.row_counts() == {"labs": 0, "mentions": 0}
        store.write_extracted([("a.txt", {"labs": [lab(1)], "mentions": [{"document_id": "id-a.txt", "start": 3}]},
                                [], True)])
        assert store.rows("labs") == [lab(1)] and store.row_counts() == {"labs": 1, "mentions": 1}
    with DocumentStore(tmp_path, "f1", TABLES) as store:
        assert store.rows("mentions") == [{"document_id": "id-a.txt", "start": 3}]


def test_row_frames_come_a_batch_of_vectors_at_a_time_in_the_rows_order(tmp_path):
    """A table of more rows than one DuckDB vector (2,048) comes in frames of one vector, which together are
    `row_tuples`' rows in their order."""
    with DocumentStore(tmp_path, "f1", TABLES) as store:
        store.write_parsed([("b.txt", "s1", doc("b.txt")), ("a.txt", "s1", doc("a.txt"))])
        store.write_extracted([(path, {"mentions": [{"document_id": f"id-{path}", "start": n} for n in range(1500)]},
                                [], True) for path in ("b.txt", "a.txt")])
        frames = list(store.row_frames("mentions", vectors=1))
        assert [len(f) for f in frames] == [2048, 952]
        assert pd.concat(frames).values.tolist() == [list(r) for r in store.row_tuples("mentions")[1]]


def test_a_kept_opening_comes_back_as_written_and_goes_with_its_parse(tmp_path, monkeypatch):
    import numpy as np

    from pipeline.core import document_store

    monkeypatch.setattr(document_store, "_SIGNATURES_AT_ONCE", 2)  # streamed in batches that arrive in any order

    shingles, signature = np.array([3, 2**64 - 1], dtype=np.uint64), np.arange(4, dtype=np.uint64)
    with DocumentStore(tmp_path, "f1", TABLES) as store:
        store.write_parsed([("a.txt", "s1", doc()), ("b.txt", "s1", doc("b.txt")), ("c.txt", "s1", doc("c.txt")),
                            ("d.txt", "s1", doc("d.txt"))])
        store.write_openings({p: (shingles + n, signature + n) for n, p in enumerate(("a.txt", "b.txt", "c.txt"))}
                             | {"d.txt": (shingles[:0], np.zeros(4, dtype=np.uint64))})  # too short to take part
        store.write_parsed([("e.txt", "s1", doc("e.txt"))])
        assert store.unopened() == [{"source_path": "e.txt", "title": doc("e.txt").title}]
        rows, sigs = store.opening_signatures(["x.txt", "c.txt", "d.txt", "a.txt", "b.txt"], 4)
        assert rows.tolist() == [1, 3, 4]  # in the order asked for, without the unkept x.txt and the zeros of d.txt
        assert sigs.tolist() == [[2, 3, 4, 5], [0, 1, 2, 3], [1, 2, 3, 4]]
        rows, sums = store.opening_signatures(["x.txt", "c.txt", "d.txt", "a.txt", "b.txt"], 4,
                                              lambda batch: batch.sum(axis=1, keepdims=True).astype(np.int16))
        assert rows.tolist() == [1, 3, 4] and sums.tolist() == [[14], [6], [10]]  # digested, in the same order
        assert sums.dtype == np.int16
        rows, sigs = store.opening_signatures(["b.txt", "x.txt"], 4)  # the other kept openings are not asked for
        assert rows.tolist() == [0] and sigs.tolist() == [[1, 2, 3, 4]]
        rows, sigs = store.opening_signatures([], 4)
        assert rows.tolist() == [] and sigs.shape == (0, 4)
        assert store.opening_signatures([], 4, lambda batch: batch[:, :1].astype(np.int16))[1].shape == (0, 1)
        assert {p: s.tolist() for p, s in store.opening_shingles(["b.txt", "c.txt", "x.txt"]).items()} \
            == {"b.txt": [4, 0], "c.txt": [5, 1]}
        assert store.opening_shingles([]) == {}
        store.write_parsed([("a.txt", "s2", doc(sha="s2", text="Other text."))])  # the file changed
        store.prune(["a.txt", "b.txt"])  # c.txt and d.txt were deleted
        # a.txt's opening went with its parse; c.txt, d.txt and e.txt went whole
        assert [d["source_path"] for d in store.unopened()] == ["a.txt"]
        assert store.opening_signatures(["a.txt", "b.txt", "c.txt"], 4)[0].tolist() == [1]


def test_another_fingerprint_finds_an_empty_store(tmp_path):
    with DocumentStore(tmp_path, "f1", TABLES) as store:
        store.write_parsed([("a.txt", "s1", doc())])
        store.write_extracted([("a.txt", {"labs": [lab(1)]}, [], True)])
    with DocumentStore(tmp_path, "f1", TABLES) as store:
        assert store.entries() == {"a.txt": ("s1", EXTRACTED)} and store.rows("labs") == [lab(1)]
    with DocumentStore(tmp_path, "f2", TABLES) as store:  # code or reference data changed
        assert store.entries() == {} and store.rows("labs") == [] and store.documents() == []


def test_a_file_parsed_again_loses_its_old_rows_and_a_transient_failure_stays_to_do(tmp_path):
    failure = Rejection("documents", {"source_path": "a.txt"}, "extraction failed: MemoryError: ", "id-a.txt")
    with DocumentStore(tmp_path, "f1", TABLES) as store:
        store.write_parsed([("a.txt", "s1", doc()), ("b.txt", "s1", doc("b.txt"))])
        store.write_extracted([("a.txt", {"labs": [lab(1)]}, [], True), ("b.txt", {"labs": [lab(2)]}, [], True)])
        store.write_parsed([("a.txt", "s2", doc(sha="s2", text="Other text."))])  # the file changed
        assert store.rows("labs") == [lab(2)] and store.unextracted() == ["a.txt"]
        store.write_extracted([("a.txt", {"labs": []}, [failure], False)])
        assert store.unextracted() == ["a.txt"] and store.rejections("extract") == [("a.txt", failure)]
        store.write_extracted([("a.txt", {"labs": [lab(3)]}, [], True)])
        assert store.rejections("extract") == [] and store.rows("labs") == [lab(3), lab(2)]
        assert store.entries()["a.txt"] == ("s2", EXTRACTED)


def test_prune_removes_everything_a_deleted_file_contributed(tmp_path):
    refused = Rejection("documents", {"source_path": "c.txt"}, "empty file")
    with DocumentStore(tmp_path, "f1", TABLES) as store:
        store.write_parsed([("a.txt", "s", doc()), ("b.txt", "s", doc("b.txt")), ("c.txt", "s", refused)])
        store.write_extracted([("a.txt", {"labs": [lab(1)]}, [], True), ("b.txt", {"labs": [lab(2)]}, [], True)])
        assert store.entries()["c.txt"] == ("s", REJECTED) and store.rejections("parse") == [("c.txt", refused)]
        assert store.prune(["a.txt"]) == 2
        assert store.entries() == {"a.txt": ("s", EXTRACTED)} and store.rows("labs") == [lab(1)]
        assert [d.source_path for d in store.documents()] == ["a.txt"] and store.rejections("parse") == []
        store.write_parsed([("b.txt", "s", doc("b.txt"))])
        assert store.entries()["b.txt"] == ("s", PARSED)


def test_the_pickles_of_the_earlier_cache_are_removed_and_nothing_else(tmp_path):
    class CacheEntry:  # named as the earlier cache's class, in its module
        pass
    CacheEntry.__module__ = "pipeline.core.document_cache"
    CacheEntry.__qualname__ = "CacheEntry"
    module = types.ModuleType("pipeline.core.document_cache")
    module.CacheEntry = CacheEntry
    sys.modules["pipeline.core.document_cache"] = module
    try:
        (tmp_path / "0123456789abcdef.pkl").write_bytes(pickle.dumps(CacheEntry()))
    finally:
        del sys.modules["pipeline.core.document_cache"]
    others = {"other-app-state.pkl": b"\x80\x04other", "fedcba9876543210.pkl": b"\x80\x04not ours", "notes.txt": b"x"}
    for name, data in others.items():
        (tmp_path / name).write_bytes(data)
    with DocumentStore(tmp_path, "f1", TABLES):
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*others, "documents.duckdb"])  # and no tag


def test_a_store_another_process_has_open_is_refused_with_the_reason(tmp_path):
    with DocumentStore(tmp_path, "f1", TABLES):
        pass
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('open', flush=True); time.sleep(60)", str(tmp_path / "documents.duckdb")],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreBusy, match="in use by another run"), DocumentStore(tmp_path, "f1", TABLES):
            pass
    finally:
        holder.kill()
        holder.wait()


# Code points of several kinds: combining accent, CJK, an emoji sequence joined by zero-width joiners, 4-byte UTF-8.
UNICODE_TEXT = "Ça va: 中文 e\u0301cole 👩\u200d👩\u200d👧 a\U0001F600b."


def test_stored_texts_compare_spans_as_python_slices_them(tmp_path):
    """Every span of a text with multi-byte characters: `differing` reports exactly the spans whose text is not
    Python's slice (null or out-of-range offsets give no text), with the text at the offsets."""
    n = len(UNICODE_TEXT)
    spans = []
    for start in [None, -1, *range(n + 2)]:
        for end in [None, *range(-1, n + 2)]:
            inside = start is not None and end is not None and 0 <= start <= end <= n
            spans.append((start, end, UNICODE_TEXT[start:end] if inside else "x"))  # the slice, or a text that differs
            spans.append((start, end, UNICODE_TEXT[start:end] + "!" if inside else None))
    frame = pd.DataFrame({"row": range(100, 100 + len(spans)), "document_id": "id-u.txt",
                          "text": [t for _, _, t in spans], "start": [s for s, _, _ in spans],
                          "end": [e for _, e, _ in spans]})
    frame.loc[len(frame)] = [1, "id-unknown.txt", "anything", 0, 1]  # a document the store lacks: left out
    with DocumentStore(tmp_path / "cache", "f1", TABLES) as store:
        store.write_parsed([("u.txt", "s1", doc("u.txt", text=UNICODE_TEXT))])
        found = store.texts().differing(frame)
        assert store.document_columns() == {k: [v] for k, v in dataclasses.asdict(doc("u.txt")).items()
                                            if k != "clean_text"}
        assert dict(store.texts()) == {"id-u.txt": UNICODE_TEXT}
        assert store.texts().of_paths(["u.txt", "gone.txt"]) == {"u.txt": UNICODE_TEXT}
    expected = []
    for row, (start, end, text) in enumerate(spans, start=100):
        inside = start is not None and end is not None and 0 <= start <= end <= n
        at = UNICODE_TEXT[start:end] if inside else None
        if text is None or text != at:
            expected.append((row, at))
    assert found == expected
    assert 0 < len(found) < len(spans) and any(at for _, at in found)  # some spans hold their slice, some not


def _duckdb_memory_mb(store: DocumentStore) -> float:
    return store.con.execute("SELECT sum(memory_usage_bytes) / 2 ** 20 FROM duckdb_memory()").fetchall()[0][0]


def test_texts_read_from_a_store_file_are_not_kept_in_duckdb_memory(tmp_path):
    """Reading every text leaves none of it in DuckDB's memory (it would otherwise keep every block read until the
    store closes), returns the same texts, and leaves the connection's memory limit as it was."""
    import random

    chars = random.Random(0)
    texts = {f"d{i:03d}.txt": "".join(chars.choices("abcdefghijklmnopqrstuvwxyz ", k=20_000)) for i in range(300)}
    with DocumentStore(tmp_path / "cache", "f1", TABLES) as store:
        store.write_parsed([(path, "s1", doc(path, text=text)) for path, text in texts.items()])
    with DocumentStore(tmp_path / "cache", "f1", TABLES) as store:  # opened again: the texts are on disk only
        limit = store.con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
        rows = dict(store.con.execute("SELECT source_path, rowid FROM documents").fetchall())
        paths = sorted(texts)
        kept = StoredTexts(store.con, cached=True)  # as an in-memory store reads: nothing dropped
        assert {p: t for i in range(0, 300, 100) for p, t in kept.of_paths(paths[i:i + 100]).items()} == texts
        assert _duckdb_memory_mb(store) > 3  # about 6 MB of text, held
        read = store.texts()
        assert read.of_paths(paths[:100]) == {p: texts[p] for p in paths[:100]}
        assert sorted(read.of_rows([rows[p] for p in paths[100:]])) == sorted(
            (f"id-{p}", texts[p]) for p in paths[100:])
        assert _duckdb_memory_mb(store) < 1
        assert store.con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0] == limit


def test_memory_held_stays_held_through_the_reads_and_writes_that_drop_duckdbs_blocks(tmp_path):
    """Inside `memory_held` the texts read and the openings written are dropped as before, and the limit they lower
    to drop them is set back to the held one, not to none; after the block the connection has its own again."""
    import numpy as np

    def limit(store):
        return store.con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]

    with DocumentStore(tmp_path / "cache", "f1", TABLES) as store:
        store.write_parsed([(f"d{i}.txt", "s1", doc(f"d{i}.txt", text="word " * 2_000)) for i in range(50)])
        unlimited = limit(store)
        with store.memory_held("64MB"):
            held = limit(store)
            assert held != unlimited
            assert len(store.texts().of_paths([f"d{i}.txt" for i in range(50)])) == 50
            store.write_openings({f"d{i}.txt": (np.arange(300, dtype=np.uint64), np.ones(4, dtype=np.uint64))
                                  for i in range(50)})
            assert limit(store) == held
            assert _duckdb_memory_mb(store) < 1
        assert limit(store) == unlimited
        assert store.opening_signatures([f"d{i}.txt" for i in range(50)], 4)[0].tolist() == list(range(50))


def test_checkpoints_deferred_write_the_log_into_the_file_once_at_the_end(tmp_path):
    """Inside the block the rows committed stay in DuckDB's write-ahead log, however large it grows (automatic
    checkpoints would rewrite the growing openings table again and again); the block's end checkpoints them."""
    import numpy as np

    def threshold(store):
        return store.con.execute("SELECT current_setting('checkpoint_threshold')").fetchone()[0]

    wal = tmp_path / "documents.duckdb.wal"
    with DocumentStore(tmp_path, "f1", TABLES) as store:
        before = threshold(store)
        with store.checkpoints_deferred():
            assert threshold(store) != before
            for n in range(3):
                store.write_parsed([(f"d{n}.txt", "s1", doc(f"d{n}.txt"))])
                store.write_openings({f"d{n}.txt": (np.arange(300, dtype=np.uint64), np.ones(4, dtype=np.uint64))})
            assert wal.exists() and wal.stat().st_size > 0
        assert threshold(store) == before
        assert not wal.exists() or wal.stat().st_size == 0
        assert store.unopened() == []
        with pytest.raises(RuntimeError), store.checkpoints_deferred():
            raise RuntimeError("a failed write")
        assert threshold(store) == before


@pytest.mark.parametrize("every_rows, log_after", [(2, "empty"), (1000, "written")])
def test_checkpoints_deferred_checkpoint_each_time_a_row_group_of_rows_is_written(tmp_path, every_rows, log_after):
    """A long first run's log is bounded: told the rows each batch wrote, the block checkpoints each time as many
    rows as a row group holds are written, and leaves the log alone before that."""
    import numpy as np

    wal = tmp_path / "documents.duckdb.wal"
    with DocumentStore(tmp_path, "f1", TABLES) as store:
        with store.checkpoints_deferred(every_rows=every_rows) as wrote:
            for n in range(2):
                store.write_parsed([(f"d{n}.txt", "s1", doc(f"d{n}.txt"))])
                store.write_openings({f"d{n}.txt": (np.arange(300, dtype=np.uint64), np.ones(4, dtype=np.uint64))})
                wrote(1)
            logged = wal.exists() and wal.stat().st_size > 0
        assert logged == (log_after == "written")
        assert store.unopened() == []
