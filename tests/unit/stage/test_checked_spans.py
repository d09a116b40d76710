"""The spans a run found at their offsets are not checked again, and nothing else is skipped."""
from __future__ import annotations

import pandas as pd

from pipeline.core import checked_spans
from pipeline.core.checked_spans import MEMO_FILE, CheckedTexts
from pipeline.core.document_store import DocumentStore, StoredTexts
from tests.unit.stage.test_document_store import TABLES, UNICODE_TEXT, doc


def _spans() -> pd.DataFrame:
    """Every span of the text: half hold their slice, half do not (a text that differs, or none)."""
    n, rows = len(UNICODE_TEXT), []
    for start in [None, -1, *range(n + 2)]:
        for end in [None, *range(-1, n + 2)]:
            inside = start is not None and end is not None and 0 <= start <= end <= n
            rows.append((start, end, UNICODE_TEXT[start:end] if inside else "x"))
            rows.append((start, end, UNICODE_TEXT[start:end] + "!" if inside else None))
    frame = pd.DataFrame({"row": range(100, 100 + len(rows)), "document_id": "id-u.txt",
                          "text": [t for _, _, t in rows], "start": [s for s, _, _ in rows],
                          "end": [e for _, e, _ in rows]})
    frame.loc[len(frame)] = [1, "id-unknown.txt", "anything", 0, 1]  # a document the store lacks: left out
    return frame


# Spans of a stored document: the unknown document's span is never asked about (the store has no text to check it)
STORED = len(_spans()) - 1


def _checked(cache, monkeypatch, fingerprint: str = "f1", text: str = UNICODE_TEXT, sha: str = "s1"):
    """(what CheckedTexts.differing found, what the store's plain check finds, how many spans CheckedTexts asked
    the plain check about, in all its batches) in one run of the store at `cache`."""
    asked = []
    plain_differing = StoredTexts.differing

    def counted(self, spans):
        asked.append(len(spans))
        return plain_differing(self, spans)

    with DocumentStore(cache, fingerprint, TABLES) as store:
        store.write_parsed([("u.txt", sha, doc("u.txt", sha=sha, text=text))])
        texts = CheckedTexts(store)
        with monkeypatch.context() as patch:
            patch.setattr(StoredTexts, "differing", counted)
            found = texts.differing(_spans())
        texts.remember()
        plain = store.texts().differing(_spans())
    return found, plain, sum(asked)


def test_a_second_run_finds_the_same_spans_and_asks_only_about_the_others(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    first, plain, asked = _checked(cache, monkeypatch)
    assert first == plain and asked == STORED and (cache / MEMO_FILE).is_file()
    assert 0 < len(first) < len(_spans())
    second, plain, asked = _checked(cache, monkeypatch)
    assert second == plain == first
    assert asked == len(first)  # the spans that held their text (the unknown document's too) are not asked again


def test_a_changed_document_or_fingerprint_has_its_spans_checked_again(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    first, _, _ = _checked(cache, monkeypatch)
    changed = UNICODE_TEXT.replace("中文", "英文")  # same length: some spans that held their text no longer do
    found, plain, asked = _checked(cache, monkeypatch, text=changed, sha="s2")
    assert found == plain and found != first
    assert asked == STORED  # every span of the changed document
    found, plain, asked = _checked(cache, monkeypatch, text=changed, sha="s2", fingerprint="f2")
    assert found == plain and asked == STORED  # another fingerprint: a fresh store, nothing remembered


def test_spans_of_many_documents_are_checked_a_batch_of_documents_at_a_time(tmp_path, monkeypatch):
    """Spans of five documents, interleaved, in batches of two documents: the same spans found, in the spans'
    order, as one check over the whole store, and each batch asks only about its own documents' spans, against a
    table of their texts only."""
    texts = {f"d{i}.txt": f"{UNICODE_TEXT} {i}" for i in range(5)}
    spans = _spans().iloc[:-1]
    frame = pd.concat([spans.assign(document_id=f"id-{path}") for path in texts]).sort_values("start", kind="stable")
    frame["row"] = range(len(frame))
    asked: list[set[str]] = []
    held: list[set[str]] = []  # the documents whose text each comparison could see
    plain_differing = StoredTexts.differing

    def batch(self, spans):
        asked.append(set(spans["document_id"]))
        held.append({d for (d,) in self.con.execute("SELECT document_id FROM documents").fetchall()})
        return plain_differing(self, spans)

    monkeypatch.setattr(checked_spans, "TEXT_BATCH", 2)
    with DocumentStore(tmp_path / "cache", "f1", TABLES) as store:
        store.write_parsed([(path, "s1", doc(path, text=text)) for path, text in texts.items()])
        plain = store.texts().differing(frame)
        with monkeypatch.context() as patch:
            patch.setattr(StoredTexts, "differing", batch)
            found = CheckedTexts(store).differing(frame)
    assert found == plain and len({row for row, _ in found}) == len(found) > 0
    assert sorted(map(len, asked)) == [1, 2, 2] and set().union(*asked) == {f"id-{path}" for path in texts}
    assert held == asked
