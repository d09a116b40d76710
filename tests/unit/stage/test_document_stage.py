"""The per-document stage: unchanged files are recognised and not read again, each cache entry is read once
per run, and what the ingest step found in the cache reaches the extract step in its output."""
from __future__ import annotations

import collections
import os
import pickle
import shutil

from pipeline.core.document_cache import DocumentCache
from pipeline.core.document_stage import extract_with_cache, ingest_with_cache
from tests.support.rules import default_rulebook

ARTICLE = ("Lakeside University and Harbour Institute sign agreement\n\n"
           "Lakeside University and Harbour Institute signed a cooperation agreement on 3 May 2024.\n")


def _age(path, seconds: float = 60) -> None:
    """Set the file's modification time in the past, as for a file that has been lying in the folder."""
    past = os.stat(path).st_mtime - seconds
    os.utime(path, (past, past))


def _raw(tmp_path, names=("a.txt",), age: bool = True):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in names:
        (raw / name).write_text(ARTICLE.replace("3 May", f"{len(name)} May"), encoding="utf-8")
        if age:
            _age(raw / name)
    return raw


def _ingest(raw, cache_dir, monkeypatch):
    """ingest_with_cache, and the files whose bytes it read."""
    import pipeline.core.ingest as ingest

    read, real = [], ingest.read_source

    def spy(*args, **kwargs):
        source = real(*args, **kwargs)
        if getattr(source, "data", None) is not None:
            read.append(source.source_path)
        return source

    monkeypatch.setattr(ingest, "read_source", spy)
    stage = ingest_with_cache(raw, 10**6, DocumentCache(cache_dir, "fp"), default_rulebook())
    monkeypatch.setattr(ingest, "read_source", real)
    return stage, sorted(read)


def _extract(stage, cache_dir):
    return extract_with_cache(stage, DocumentCache(cache_dir, "fp"), default_rulebook())


def test_unchanged_files_are_recognised_by_their_status_and_not_read_again(tmp_path, monkeypatch):
    raw = _raw(tmp_path, ("a.txt", "b.txt"))
    first, read = _ingest(raw, tmp_path / "cache", monkeypatch)
    assert read == ["a.txt", "b.txt"]
    _extract(first, tmp_path / "cache")

    again, read = _ingest(raw, tmp_path / "cache", monkeypatch)
    assert read == [] and again.skipped == 2
    assert [d.content_sha256 for d in again.documents] == [d.content_sha256 for d in first.documents]


def test_an_unchanged_rerun_processes_nothing_and_reads_each_entry_once(tmp_path, monkeypatch):
    raw = _raw(tmp_path, ("a.txt", "b.txt", "c.txt"))
    first = _ingest(raw, tmp_path / "cache", monkeypatch)[0]
    extractions, computed = _extract(first, tmp_path / "cache")
    assert computed == 3

    loads, real = collections.Counter(), DocumentCache.load

    def counted(self, source_path, content_sha256):
        loads[source_path] += 1
        return real(self, source_path, content_sha256)

    monkeypatch.setattr(DocumentCache, "load", counted)
    again = _ingest(raw, tmp_path / "cache", monkeypatch)[0]
    again = pickle.loads(pickle.dumps(again))  # as the extract step gets it from another process, through files
    reused, computed = _extract(again, tmp_path / "cache")
    assert (again.processed, again.skipped, computed) == (0, 3, 0)
    assert loads == {"a.txt": 1, "b.txt": 1, "c.txt": 1}
    assert [e.rows for e in reused] == [e.rows for e in extractions]


def test_a_changed_file_is_read_again_even_with_the_same_size(tmp_path, monkeypatch):
    raw = _raw(tmp_path)
    first, _ = _ingest(raw, tmp_path / "cache", monkeypatch)
    _extract(first, tmp_path / "cache")
    (raw / "a.txt").write_text(ARTICLE.replace("3 May", "4 May"), encoding="utf-8")  # same size, new time
    again, read = _ingest(raw, tmp_path / "cache", monkeypatch)
    assert read == ["a.txt"] and again.processed == 1 and not again.cached_extractions
    assert "4 May" in again.documents[0].clean_text


def test_a_file_written_just_before_its_reading_is_read_again_next_time(tmp_path, monkeypatch):
    """Within the clock's resolution a second write may keep the time of the first: such a file is not trusted."""
    raw = _raw(tmp_path, age=False)  # modified now, read now
    first, _ = _ingest(raw, tmp_path / "cache", monkeypatch)
    _extract(first, tmp_path / "cache")
    again, read = _ingest(raw, tmp_path / "cache", monkeypatch)
    assert read == ["a.txt"] and again.skipped == 1  # read and hashed again, then found in the cache


def test_a_recognised_file_without_a_cached_extraction_is_read_and_parsed(tmp_path, monkeypatch):
    raw = _raw(tmp_path)
    _ingest(raw, tmp_path / "cache", monkeypatch)  # parsed, never extracted: its entry is incomplete
    again, read = _ingest(raw, tmp_path / "cache", monkeypatch)
    assert read == ["a.txt"] and again.processed == 1 and again.documents[0].title


def test_a_failed_extraction_is_cached_so_an_unchanged_rerun_does_no_work(tmp_path, monkeypatch):
    import pipeline.core.extract as extract

    calls = []

    def broken(document, rules):
        calls.append(document.source_path)
        raise ValueError("an odd article")

    monkeypatch.setattr(extract, "extract_document", broken)
    raw = _raw(tmp_path)
    for computed_before in (1, 0):
        stage, _ = _ingest(raw, tmp_path / "cache", monkeypatch)
        extractions, computed = _extract(stage, tmp_path / "cache")
        assert "extraction failed: ValueError: an odd article" in extractions[0].rejections[0].errors
        assert computed == computed_before
    assert calls == ["a.txt"]


def test_the_stage_parses_with_the_rulebook_it_is_given(tmp_path, monkeypatch):
    """A reference folder is a setting: another folder's rules change what a file becomes, and its fingerprint."""
    from pipeline.core.document_stage import pipeline_fingerprint
    from pipeline.core.reference import DEFAULT_REFERENCE_DIR, load_rulebook

    folder = tmp_path / "reference"
    shutil.copytree(DEFAULT_REFERENCE_DIR, folder)
    furniture = folder / "furniture.yaml"
    furniture.write_text(furniture.read_text(encoding="utf-8").replace(
        "\nline_rules:\n", "\nline_rules:\n  - name: headline\n    pattern: 'sign agreement$'\n", 1), encoding="utf-8")
    other = load_rulebook(folder)
    raw = _raw(tmp_path)
    ours = ingest_with_cache(raw, 10**6, DocumentCache(tmp_path / "a", "fp"), default_rulebook())
    theirs = ingest_with_cache(raw, 10**6, DocumentCache(tmp_path / "b", "fp"), other)
    assert ours.documents[0].clean_text.startswith("Lakeside University and Harbour Institute sign agreement\n")
    assert "sign agreement\n" not in theirs.documents[0].clean_text
    assert pipeline_fingerprint(other) != pipeline_fingerprint(default_rulebook())
