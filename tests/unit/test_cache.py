"""The per-document cache: exact-key hits only, atomic entries, pruning, fingerprints that see changes."""
from __future__ import annotations

import os

from pipeline.core.cache import CacheEntry, DocumentCache, folder_signature, pipeline_fingerprint, tree_digest
from pipeline.core.records import IngestedDocument, Rejection


def doc(path: str = "a.txt", sha: str = "s1") -> IngestedDocument:
    return IngestedDocument(document_id="d1", source_path=path, content_sha256=sha, clean_text="Some text.")


def test_an_entry_is_returned_only_for_the_same_content_and_fingerprint(tmp_path):
    cache = DocumentCache(tmp_path, "f1")
    entry = CacheEntry("a.txt", "s1", "f1", doc())
    cache.save(entry)
    assert cache.load("a.txt", "s1") == entry
    assert cache.load("a.txt", "s2") is None  # the file changed
    assert DocumentCache(tmp_path, "f2").load("a.txt", "s1") is None  # code or reference data changed
    assert cache.load("b.txt", "s1") is None
    assert not list(tmp_path.glob("*.tmp"))


def test_a_rejection_is_complete_a_bare_document_is_not():
    assert CacheEntry("a.txt", "s1", "f", Rejection("documents", {}, "empty")).complete
    assert not CacheEntry("a.txt", "s1", "f", doc()).complete


def test_a_damaged_entry_is_a_miss(tmp_path):
    cache = DocumentCache(tmp_path, "f1")
    cache.save(CacheEntry("a.txt", "s1", "f1", doc()))
    for path in tmp_path.glob("*.pkl"):
        path.write_bytes(b"not a pickle")
    assert cache.load("a.txt", "s1") is None


def test_prune_drops_entries_of_files_that_are_gone(tmp_path):
    cache = DocumentCache(tmp_path, "f1")
    for name in ("a.txt", "b.txt"):
        cache.save(CacheEntry(name, "s", "f1", doc(name, "s")))
    assert cache.prune(["a.txt"]) == 1
    assert cache.load("a.txt", "s") is not None and cache.load("b.txt", "s") is None
    assert DocumentCache(tmp_path / "missing", "f1").prune([]) == 0


def test_fingerprint_follows_reference_data_and_code(tmp_path):
    ref, code = tmp_path / "ref", tmp_path / "code"
    ref.mkdir(), code.mkdir()
    (ref / "places.csv").write_text("name\n", encoding="utf-8")
    (code / "x.py").write_text("A = 1\n", encoding="utf-8")
    first = pipeline_fingerprint(ref, code)
    (code / "__pycache__").mkdir()
    (code / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert pipeline_fingerprint(ref, code) == first
    (ref / "places.csv").write_text("name\nHebei\n", encoding="utf-8")
    second = pipeline_fingerprint(ref, code)
    assert second != first
    (code / "x.py").write_text("A = 2\n", encoding="utf-8")
    assert pipeline_fingerprint(ref, code) != second
    assert tree_digest(tmp_path / "missing") == tree_digest(tmp_path / "also-missing")


def test_folder_signature_sees_new_changed_and_deleted_files_but_not_hidden_ones(tmp_path):
    (tmp_path / "a.txt").write_text("one", encoding="utf-8")
    base = folder_signature(tmp_path)
    (tmp_path / ".hidden").write_text("x", encoding="utf-8")
    assert folder_signature(tmp_path) == base
    (tmp_path / "b.txt").write_text("two", encoding="utf-8")
    added = folder_signature(tmp_path)
    assert added != base
    stat = (tmp_path / "b.txt").stat()
    os.utime(tmp_path / "b.txt", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert folder_signature(tmp_path) != added
    (tmp_path / "b.txt").unlink()
    assert folder_signature(tmp_path) == base


ARTICLE = ("Lakeside University and Harbour Institute sign agreement\n\n"
           "Lakeside University and Harbour Institute signed a cooperation agreement on 3 May 2024.\n")


def _age(path, seconds: float = 60) -> None:
    """Set the file's modification time in the past, as for a file that has been lying in the folder."""
    past = os.stat(path).st_mtime - seconds
    os.utime(path, (past, past))


def _ingest(raw, cache_dir, monkeypatch):
    """ingest_with_cache, and the files whose bytes it read."""
    import pipeline.core.ingest as ingest
    from pipeline.core.cache import ingest_with_cache

    read, real = [], ingest.read_source

    def spy(*args, **kwargs):
        source = real(*args, **kwargs)
        if getattr(source, "data", None) is not None:
            read.append(source.source_path)
        return source

    monkeypatch.setattr(ingest, "read_source", spy)
    stage = ingest_with_cache(raw, 10**6, DocumentCache(cache_dir, "fp"))
    monkeypatch.setattr(ingest, "read_source", real)
    return stage, sorted(read)


def test_unchanged_files_are_recognised_by_their_status_and_not_read_again(tmp_path, monkeypatch):
    from pipeline.core.cache import extract_with_cache

    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("a.txt", "b.txt"):
        (raw / name).write_text(ARTICLE.replace("3 May", f"{len(name)} May"), encoding="utf-8")
        _age(raw / name)
    first, read = _ingest(raw, tmp_path / "cache", monkeypatch)
    assert read == ["a.txt", "b.txt"]
    extract_with_cache(first.documents, DocumentCache(tmp_path / "cache", "fp"))

    again, read = _ingest(raw, tmp_path / "cache", monkeypatch)
    assert read == [] and again.skipped == 2
    assert [d.content_sha256 for d in again.documents] == [d.content_sha256 for d in first.documents]


def test_a_changed_file_is_read_again_even_with_the_same_size(tmp_path, monkeypatch):
    from pipeline.core.cache import extract_with_cache

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(ARTICLE, encoding="utf-8")
    _age(raw / "a.txt")
    first, _ = _ingest(raw, tmp_path / "cache", monkeypatch)
    extract_with_cache(first.documents, DocumentCache(tmp_path / "cache", "fp"))
    (raw / "a.txt").write_text(ARTICLE.replace("3 May", "4 May"), encoding="utf-8")  # same size, new time
    again, read = _ingest(raw, tmp_path / "cache", monkeypatch)
    assert read == ["a.txt"] and again.processed == 1
    assert "4 May" in again.documents[0].clean_text


def test_a_file_written_just_before_its_reading_is_read_again_next_time(tmp_path, monkeypatch):
    """Within the clock's resolution a second write may keep the time of the first: such a file is not trusted."""
    from pipeline.core.cache import extract_with_cache

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(ARTICLE, encoding="utf-8")  # modified now, read now
    first, _ = _ingest(raw, tmp_path / "cache", monkeypatch)
    extract_with_cache(first.documents, DocumentCache(tmp_path / "cache", "fp"))
    again, read = _ingest(raw, tmp_path / "cache", monkeypatch)
    assert read == ["a.txt"] and again.skipped == 1  # read and hashed again, then found in the cache


def test_a_recognised_file_without_a_cached_extraction_is_read_and_parsed(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(ARTICLE, encoding="utf-8")
    _age(raw / "a.txt")
    _ingest(raw, tmp_path / "cache", monkeypatch)  # parsed, never extracted: its entry is incomplete
    again, read = _ingest(raw, tmp_path / "cache", monkeypatch)
    assert read == ["a.txt"] and again.processed == 1 and again.documents[0].title


def test_prune_removes_only_entries_this_cache_wrote(tmp_path):
    """A cache pointed at a folder that holds other files (say ~/.cache) never deletes them, nor tags it."""
    cache = DocumentCache(tmp_path, "f1")
    cache.save(CacheEntry("gone.txt", "s", "f1", doc("gone.txt", "s")))
    others = {"other-app-state.pkl": b"\x80\x04other", "0123456789abcdef.pkl": b"\x80\x04not ours", "notes.txt": b"x"}
    for name, data in others.items():
        (tmp_path / name).write_bytes(data)
    assert cache.prune([]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(others)  # a folder it did not make is not tagged


def test_a_cache_folder_the_cache_makes_is_tagged_for_backup_tools(tmp_path):
    DocumentCache(tmp_path / "w.cache", "f1").save(CacheEntry("a.txt", "s", "f1", doc()))
    assert (tmp_path / "w.cache" / "CACHEDIR.TAG").read_bytes().startswith(
        b"Signature: 8a477f597d28d172789f06886806bc55")


def test_a_failed_extraction_is_cached_so_an_unchanged_rerun_does_no_work(tmp_path, monkeypatch):
    import pipeline.core.extract as extract
    from pipeline.core.cache import extract_with_cache

    calls = []

    def broken(document, rules):
        calls.append(document.source_path)
        raise ValueError("an odd article")

    monkeypatch.setattr(extract, "extract_document", broken)
    for _ in range(2):
        extractions, computed = extract_with_cache([doc()], DocumentCache(tmp_path, "f1"))
        assert "extraction failed: ValueError: an odd article" in extractions[0].rejections[0].errors
    assert calls == ["a.txt"] and computed == 0
