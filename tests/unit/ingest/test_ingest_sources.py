"""Discovery and reading of raw files: ordering, hidden files, symlinks, odd names, size, vanished files."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from pipeline.core.ids import make_id
from pipeline.core.ingest import (
    DEFAULT_MAX_BYTES,
    SourceFile,
    discover_sources,
    ingest_corpus,
    path_problem,
    read_source,
)
from pipeline.core.records import IngestedDocument, Rejection
from tests.support.rules import default_rulebook
from tests.unit.ingest_helpers import SCRAPED_PAGE

RULES = default_rulebook()

TEXT = SCRAPED_PAGE.encode("utf-8")


def _write(path: Path, data: bytes = TEXT) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _rel(raw: Path, paths: list[str]) -> list[str]:
    return [Path(p).relative_to(raw).as_posix() for p in paths]


def test_discovery_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.md", "a/b.html", "README.md", ".hidden.txt", ".git/config", "a/.cache/x.txt"]:
        _write(tmp_path / name)
    paths, rejections = discover_sources(tmp_path)
    assert _rel(tmp_path, paths) == ["README.md", "a/b.html", "a/z.md", "b.txt"]
    assert rejections == []


def test_discovery_of_missing_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(NotADirectoryError):
        discover_sources(tmp_path / "nope")


def test_symlink_outside_raw_folder_is_rejected(tmp_path: Path) -> None:
    raw, outside = tmp_path / "raw", _write(tmp_path / "secret.txt")
    _write(raw / "ok.txt")
    (raw / "escape.txt").symlink_to(outside)
    (raw / "escape_dir").symlink_to(tmp_path, target_is_directory=True)
    paths, rejections = discover_sources(raw)
    assert _rel(raw, paths) == ["ok.txt"]
    reasons = {r.record["source_path"]: r.errors for r in rejections}
    assert "outside the raw folder" in reasons["escape.txt"]
    assert "outside the raw folder" in reasons["escape_dir"]
    assert all(r.table_name == "documents" for r in rejections)
    # read_source refuses it as well when called directly
    assert isinstance(read_source(raw, raw / "escape.txt"), Rejection)


def test_symlink_inside_raw_folder_is_read(tmp_path: Path) -> None:
    _write(tmp_path / "real.txt")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "real.txt")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "gone.txt")
    paths, rejections = discover_sources(tmp_path)
    assert _rel(tmp_path, paths) == ["alias.txt", "real.txt"]
    assert [r.record["source_path"] for r in rejections] == ["broken.txt"]
    assert "broken symlink" in rejections[0].errors


def test_special_file_is_rejected(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    paths, rejections = discover_sources(tmp_path)
    assert paths == [] and "not a regular file" in rejections[0].errors
    assert "not a regular file" in read_source(tmp_path, tmp_path / "pipe.txt").errors


@pytest.mark.parametrize("name", ["with space.txt", "Hébei – 河北 news.txt", "it's \"quoted\".md", "a&b (1).txt"])
def test_ordinary_odd_names_are_accepted_with_stable_ids(tmp_path: Path, name: str) -> None:
    _write(tmp_path / "sub" / name)
    result = ingest_corpus(tmp_path, RULES)
    assert result.rejections == []
    (doc,) = result.documents
    assert doc.source_path == f"sub/{name}"
    assert doc.document_id == make_id("document", f"sub/{name}")


@pytest.mark.parametrize("name, reason", [
    ("tab\there.txt", "control"),
    ("new\nline.txt", "control"),
    ("evil\u202etxt.exe.txt", "direction"),
    ("back\\slash.txt", "backslash"),
])
def test_unusable_names_are_rejected(tmp_path: Path, name: str, reason: str) -> None:
    _write(tmp_path / name)
    _write(tmp_path / "fine.txt")
    result = ingest_corpus(tmp_path, RULES)
    assert [d.source_path for d in result.documents] == ["fine.txt"]
    (rejection,) = result.rejections
    assert reason in rejection.errors
    assert rejection.record["source_path"].isprintable()


def test_name_that_is_not_utf8_is_rejected(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path)
    with open(os.path.join(raw, b"caf\xe9.txt"), "wb") as handle:
        handle.write(TEXT)
    result = ingest_corpus(tmp_path, RULES)
    (rejection,) = result.rejections
    assert "not valid UTF-8" in rejection.errors
    assert rejection.record["source_path"] == "caf\\xe9.txt"
    assert path_problem("plain name.txt") is None


def test_read_source_hashes_bytes_and_uses_posix_relative_path(tmp_path: Path) -> None:
    path = _write(tmp_path / "2021" / "news.txt")
    result = read_source(tmp_path, path)
    assert isinstance(result, SourceFile)
    assert result.source_path == "2021/news.txt"
    assert result.data == TEXT
    assert result.content_sha256 == hashlib.sha256(TEXT).hexdigest()
    # a path relative to the raw folder works too
    assert read_source(tmp_path, Path("2021/news.txt")) == result


def test_file_recognised_by_its_status_is_not_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unchanged file (its status known to the caller) costs one status call: it is not opened or read;
    a file whose status is not known is read and hashed."""
    path = _write(tmp_path / "a.txt")
    seen = []

    def known(rel, status):
        seen.append((rel, status.size))
        return "f" * 64 if rel == "a.txt" else None

    def refuse(*args, **kwargs):
        raise AssertionError("opened")

    monkeypatch.setattr(os, "open", refuse)
    source = read_source(tmp_path, path, known=known)
    assert isinstance(source, SourceFile) and source.data is None and source.content_sha256 == "f" * 64
    assert seen == [("a.txt", len(TEXT))]
    monkeypatch.undo()
    other = read_source(tmp_path, _write(tmp_path / "b.txt"), known=known)
    assert other.data == TEXT and other.content_sha256 == hashlib.sha256(TEXT).hexdigest()

def test_empty_file_is_rejected_with_its_hash(tmp_path: Path) -> None:
    result = read_source(tmp_path, _write(tmp_path / "empty.txt", b""))
    assert isinstance(result, Rejection)
    assert result.errors == "empty file"
    assert result.record == {"source_path": "empty.txt", "size_bytes": 0,
                             "content_sha256": hashlib.sha256(b"").hexdigest()}
    assert result.document_id == make_id("document", "empty.txt")


def test_file_over_the_size_limit_is_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path / "big.txt", b"x" * 101)
    result = read_source(tmp_path, path, max_bytes=100)
    assert isinstance(result, Rejection)
    assert "over the limit of 100 bytes" in result.errors
    assert result.record["size_bytes"] == 101
    assert isinstance(read_source(tmp_path, path, max_bytes=101), SourceFile)
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024


def test_size_limit_applies_to_the_whole_corpus(tmp_path: Path) -> None:
    _write(tmp_path / "big.txt", TEXT * 10)
    _write(tmp_path / "small.txt")
    result = ingest_corpus(tmp_path, RULES, max_bytes=len(TEXT) + 1)
    assert [d.source_path for d in result.documents] == ["small.txt"]
    assert [r.record["source_path"] for r in result.rejections] == ["big.txt"]


def test_file_vanishing_between_discovery_and_read_is_rejected(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt")
    gone = _write(tmp_path / "b.txt")
    paths, _ = discover_sources(tmp_path)
    gone.unlink()
    outcomes = [read_source(tmp_path, p) for p in paths]
    assert isinstance(outcomes[0], SourceFile)
    assert isinstance(outcomes[1], Rejection)
    assert outcomes[1].errors == "file vanished before it could be read"
    assert outcomes[1].record == {"source_path": "b.txt", "size_bytes": None, "content_sha256": None}


def test_path_outside_raw_folder_is_rejected(tmp_path: Path) -> None:
    outside = _write(tmp_path / "elsewhere.txt")
    (tmp_path / "raw").mkdir()
    assert "outside the raw folder" in read_source(tmp_path / "raw", outside).errors
    assert "outside the raw folder" in read_source(tmp_path / "raw", Path("../elsewhere.txt")).errors


def test_one_bad_file_does_not_stop_the_run(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt")
    _write(tmp_path / "b.txt", b"")
    _write(tmp_path / "c.docx", b"PK\x03\x04 not really a document")
    _write(tmp_path / "d.md")
    result = ingest_corpus(tmp_path, RULES)
    assert [d.source_path for d in result.documents] == ["a.txt", "d.md"]
    assert all(isinstance(d, IngestedDocument) for d in result.documents)
    assert sorted(r.record["source_path"] for r in result.rejections) == ["b.txt", "c.docx"]
