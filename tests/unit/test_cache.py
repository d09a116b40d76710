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
