"""Per-document cache: a re-run re-reads every file but re-parses and re-extracts only what changed.

Parsing and extraction are pure functions of a file's bytes, its path, the reference data and the
code, so their result can be reused whenever all of those are unchanged. One pickle per source
file (named after its path) holds the parsed document (or the reason it was rejected) and its
extraction. An entry is used only when its content hash and its fingerprint (PIPELINE_VERSION plus
a digest of `pipeline/reference/` and of the `pipeline/core/` code) match the current ones; a
changed file overwrites its entry and a deleted file's entry is pruned. Anything unreadable in the
cache is a miss, never an error: the cache can always be deleted.

The folder is the cache's own (by default `<warehouse name>.cache/` beside the warehouse), marked
with a `CACHEDIR.TAG` so backup tools skip it. Pruning removes only files this cache writes (entry
names are 16 hex digits), so a cache pointed at a folder that holds other files never deletes them.

A file is not even read again when its status (size, modification time, inode) is the one recorded
when its bytes were last read and hashed, and that modification time was at least RACY_NS before
that read: a later write would have given it a new modification time. (Like make and git, this
trusts the file system's clock: a file rewritten with its old size and its old time forced back
onto it is not noticed. Delete the cache to force a full re-read.)
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from pipeline.core.ids import make_id
from pipeline.core.memory import collection_paused
from pipeline.core.parallel import map_documents
from pipeline.core.progress import CACHED, PROCESSED, UNREAD, Progress
from pipeline.core.records import IngestedDocument, Rejection
from pipeline.core.version import PIPELINE_VERSION

if TYPE_CHECKING:
    from pipeline.core.extract import DocumentExtraction

CORE_DIR = Path(__file__).resolve().parent
REFERENCE_DIR = CORE_DIR.parent / "reference"
_SUFFIX = ".pkl"
_STATUS_INDEX = "file-status.json"
_ENTRY_NAME = re.compile(r"[0-9a-f]{16}\.pkl")  # make_id('cache', path) + _SUFFIX: the only files prune removes
_TAG_NAME = "CACHEDIR.TAG"  # https://bford.info/cachedir/: backup tools skip a folder holding it
_TAG = (b"Signature: 8a477f597d28d172789f06886806bc55\n"
        b"# This folder is the per-document cache of the cooperation warehouse; it can be deleted.\n")
RACY_NS = 2_000_000_000  # a file changed this close to its reading may change again within one clock tick


def tree_digest(root: Path, suffix: str = "") -> str:
    """sha256 over the relative paths and bytes of every file under `root` ending in `suffix`.

    Hidden files and `__pycache__` are ignored: they change without the content changing.
    """
    h = hashlib.sha256()
    if root.is_dir():
        for path in sorted(p for p in root.rglob(f"*{suffix}") if p.is_file()):
            rel = path.relative_to(root)
            if any(part.startswith(".") or part == "__pycache__" for part in rel.parts):
                continue
            h.update(rel.as_posix().encode("utf-8") + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def pipeline_fingerprint(reference_dir: Path = REFERENCE_DIR, code_dir: Path = CORE_DIR) -> str:
    """What, besides a file's own bytes, decides its extraction: version, reference data and code.

    The code digest means a forgotten PIPELINE_VERSION bump cannot serve stale rows after an edit.
    """
    parts = (PIPELINE_VERSION, tree_digest(reference_dir), tree_digest(code_dir, ".py"))
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:16]


def folder_signature(root: Path) -> str:
    """A cheap digest of (path, size, mtime) of every visible file under `root`: changes when any file does.

    Used by the sensor to notice new, changed and deleted files without reading them.
    """
    h = hashlib.sha256()
    root = Path(root)
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(n for n in filenames if not n.startswith(".")):
            path = Path(dirpath) / name
            try:
                info = path.stat()
            except OSError:
                continue  # vanished or unreadable: the run itself will report it
            rel = path.relative_to(root).as_posix()
            h.update(f"{rel}\0{info.st_size}\0{info.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def settle_step(cursor: str | None, signature: str) -> tuple[str, str | None]:
    """One look at the raw folder by the sensor: (new cursor, why not to run) or (cursor, None) to run.

    The cursor remembers the signature last seen and the one last built. A new signature is only
    noted; a run is asked for once the same signature is seen twice in a row, so a batch of files
    being copied in gives one run, not one per file.
    """
    state = json.loads(cursor) if cursor else {}
    if signature == state.get("built"):
        return json.dumps(state), "raw folder unchanged since the last requested run"
    if signature != state.get("seen"):
        return json.dumps({**state, "seen": signature}), "raw folder changed; waiting one interval for it to settle"
    return json.dumps({"seen": signature, "built": signature}), None


@dataclass(frozen=True)
class CacheEntry:
    """What one source file became under one fingerprint."""

    source_path: str
    content_sha256: str
    fingerprint: str
    outcome: IngestedDocument | Rejection
    extraction: DocumentExtraction | None = None

    @property
    def complete(self) -> bool:
        """Nothing left to compute: extracted, or rejected while parsing."""
        return self.extraction is not None or isinstance(self.outcome, Rejection)


class DocumentCache:
    """A folder of CacheEntry pickles, one per source path, written atomically."""

    def __init__(self, directory: Path, fingerprint: str):
        self.directory = Path(directory)
        self.fingerprint = fingerprint

    def _path(self, source_path: str) -> Path:
        return self.directory / f"{make_id('cache', source_path)}{_SUFFIX}"

    def load(self, source_path: str, content_sha256: str) -> CacheEntry | None:
        """The entry for this exact content under the current fingerprint, or None."""
        try:
            with self._path(source_path).open("rb") as handle:
                entry = pickle.load(handle)
        except Exception:  # missing, truncated or written by incompatible code: recompute
            return None
        if (not isinstance(entry, CacheEntry) or entry.source_path != source_path
                or entry.content_sha256 != content_sha256 or entry.fingerprint != self.fingerprint):
            return None
        return entry

    def save(self, entry: CacheEntry) -> None:
        self._write(self._path(entry.source_path), pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))

    def file_statuses(self) -> dict[str, list]:
        """source_path -> [size, mtime_ns, inode, content_sha256, read_at_ns] of each file's last read."""
        try:
            data = json.loads((self.directory / _STATUS_INDEX).read_text(encoding="utf-8"))
        except Exception:  # missing or damaged: every file is read
            return {}
        return data if isinstance(data, dict) else {}

    def save_file_statuses(self, statuses: dict[str, list]) -> None:
        self._write(self.directory / _STATUS_INDEX, json.dumps(statuses, sort_keys=True).encode("utf-8"))

    def _write(self, target: Path, data: bytes) -> None:
        """Write beside the target and rename, so a reader never sees half a file."""
        if not self.directory.is_dir():  # a folder the cache makes is its own: tag it (not one the user named)
            try:
                self.directory.mkdir(parents=True)
            except FileExistsError:  # a worker process made it first
                pass
            else:
                (self.directory / _TAG_NAME).write_bytes(_TAG)
        fd, tmp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def prune(self, keep_source_paths: Iterable[str]) -> int:
        """Delete entries of files that are no longer in the raw folder; returns how many.

        Only files named like this cache's entries and holding a pickled CacheEntry are candidates:
        anything else in the folder was not written here and is left alone.
        """
        if not self.directory.is_dir():
            return 0
        keep = {self._path(p).name for p in keep_source_paths}
        removed = 0
        for path in self.directory.glob(f"*{_SUFFIX}"):
            if path.name not in keep and _written_here(path):
                path.unlink(missing_ok=True)
                removed += 1
        return removed


def _written_here(path: Path) -> bool:
    """An entry of this cache: its name is one this cache gives, and its pickle opens with CacheEntry's class."""
    if not _ENTRY_NAME.fullmatch(path.name):
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(256)
    except OSError:
        return False
    return head.startswith(b"\x80") and all(mark in head for mark in _CLASS_MARKS)


_CLASS_MARKS = (CacheEntry.__module__.encode(), CacheEntry.__qualname__.encode())  # a pickle names its class first


# Extractions the ingest stage found in the cache, kept for the extract stage of the same run in the
# same process, so an unchanged file's entry is read from disk once per run rather than once per
# stage. Keyed by everything that decides an extraction; emptied by each ingest, drained by extract.
_HANDOFF: dict[tuple[str, str, str, str], DocumentExtraction] = {}


def _handoff_key(cache: DocumentCache, source_path: str, content_sha256: str) -> tuple[str, str, str, str]:
    return str(cache.directory), source_path, content_sha256, cache.fingerprint


@dataclass
class IngestStage:
    """The documents stage's outcome, with what the cache saved."""

    documents: list[IngestedDocument]
    rejections: list[Rejection]
    seen: int  # entries found in the raw folder, usable or not
    processed: int  # files parsed (and so to be extracted) in this run
    skipped: int  # files whose parse and extraction came whole from the cache
    pruned: int  # cache entries dropped because their file is gone
    source_urls: dict[str, str] = field(default_factory=dict)  # source_path -> URL the raw folder's sidecar gives


def _read_all(raw_dir: Path, paths: list[Path], max_bytes: int, cache: DocumentCache, previous: dict[str, list]):
    """Read (or recognise by status) every file and look it up in the cache.

    Returns the paths present, (source or rejection, complete cache entry or None) per file, and the
    file statuses to record for the next run.
    """
    from pipeline.core.ingest import SourceFile, read_source

    present: list[str] = []
    items: list[tuple[SourceFile | Rejection, CacheEntry | None]] = []
    statuses: dict[str, list] = {}
    for path in paths:
        read_at = time.time_ns()
        source = read_source(raw_dir, path, max_bytes, lambda rel, status: _recognised(previous, rel, status))
        entry = None
        if isinstance(source, SourceFile):
            entry = cache.load(source.source_path, source.content_sha256)
            if source.data is None and (entry is None or not entry.complete):
                source = read_source(raw_dir, path, max_bytes)  # known bytes, but nothing cached for them
            elif source.data is None:
                read_at = previous[source.source_path][4]  # the bytes are those read then
        if isinstance(source, SourceFile):
            present.append(source.source_path)
            if source.status is not None:
                st = source.status
                statuses[source.source_path] = [st.size, st.mtime_ns, st.inode, source.content_sha256, read_at]
        items.append((source, entry if entry is not None and entry.complete else None))
    return present, items, statuses


def ingest_with_cache(raw_dir: Path, max_bytes: int, cache: DocumentCache,
                      guard: Callable[[IngestStage], None] | None = None) -> IngestStage:
    """Read every raw file; parse only files the cache has not seen with these bytes and this code.

    Files are read and looked up first, then the misses are parsed (across cores for a large batch,
    see pipeline/core/parallel.py) and the outcomes gathered in the folder's order. `guard` sees the
    outcome before the entries of vanished files are pruned, so a guard that raises (an empty or
    shrunken raw folder, pipeline/core/guards.py) leaves the cache as it was.
    """
    from pipeline.core.ingest import SourceFile, discover_sources, parse_document, read_sidecar

    paths, rejections = discover_sources(raw_dir)
    source_urls, sidecar_rejections = read_sidecar(raw_dir, max_bytes)  # read every run: it is not cached
    stage = IngestStage(documents=[], rejections=[*rejections, *sidecar_rejections],
                        seen=len(paths) + len(rejections), processed=0, skipped=0, pruned=0, source_urls=source_urls)
    _HANDOFF.clear()
    previous = cache.file_statuses()
    with collection_paused():
        present, items, statuses = _read_all(raw_dir, paths, max_bytes, cache, previous)
    parsed = map_documents(parse_document, [s for s, e in items if isinstance(s, SourceFile) and e is None])
    for source, entry in Progress("parse", len(paths)).iterate(items, _parse_outcome):
        if not isinstance(source, SourceFile):
            stage.rejections.append(source)
            continue
        if entry is not None:
            outcome = entry.outcome
            stage.skipped += 1
            if entry.extraction is not None:
                _HANDOFF[_handoff_key(cache, source.source_path, source.content_sha256)] = entry.extraction
        else:
            outcome = next(parsed)
            stage.processed += 1
            if isinstance(outcome, Rejection):  # nothing to extract: the rejection is the final result
                cache.save(CacheEntry(source.source_path, source.content_sha256, cache.fingerprint, outcome))
        if isinstance(outcome, IngestedDocument):
            stage.documents.append(outcome)
        else:
            stage.rejections.append(outcome)
    if guard is not None:
        guard(stage)
    if statuses != previous:
        cache.save_file_statuses(statuses)
    stage.pruned = cache.prune(present)
    return stage


def _parse_outcome(item: tuple[object, CacheEntry | None]) -> str:
    """What became of one file in the parse stage, for its progress line."""
    source, entry = item
    return UNREAD if isinstance(source, Rejection) else PROCESSED if entry is None else CACHED


def _recognised(previous: dict[str, list], source_path: str, status) -> str | None:
    """The content hash recorded for this file when its status is unchanged since a safe earlier read."""
    record = previous.get(source_path)
    if (isinstance(record, list) and len(record) == 5 and record[:3] == [status.size, status.mtime_ns, status.inode]
            and isinstance(record[4], int) and status.mtime_ns < record[4] - RACY_NS):
        return record[3]
    return None


_TRANSIENT = (MemoryError, RecursionError, OSError)  # may not happen again on another run or machine


def _extract_or_reject(doc: IngestedDocument, reference_dir: Path) -> tuple[DocumentExtraction, bool]:
    """(extraction, cacheable): the extraction, or a rejection of the document when extraction raises.

    A failure is a pure function of the document and the code, like a success, so it is cached too
    and an unchanged re-run does not try again; failures that depend on the machine (memory, the
    stack, the operating system) are not. Broken reference data is not a document's fault: it
    raises, and stops the run.
    """
    from pipeline.core.extract import DocumentExtraction, extract_document
    from pipeline.core.reference import ReferenceDataError, load_rulebook

    try:
        return extract_document(doc, load_rulebook(reference_dir)), True
    except ReferenceDataError:
        raise
    except Exception as exc:
        reason = f"extraction failed: {type(exc).__name__}: {exc}"
        record = {"source_path": doc.source_path, "content_sha256": doc.content_sha256}
        return DocumentExtraction(doc.document_id, rejections=[
            Rejection("documents", record, reason, doc.document_id)]), not isinstance(exc, _TRANSIENT)


@dataclass(frozen=True)
class _ExtractAndSave:
    """Extract one document and cache the result where it was computed (in a worker for a large batch),
    so the parent process, which gathers every result, does not pickle each one a second time."""

    cache: DocumentCache
    reference_dir: Path

    def __call__(self, doc: IngestedDocument) -> DocumentExtraction:
        extraction, cacheable = _extract_or_reject(doc, self.reference_dir)
        if cacheable:
            self.cache.save(CacheEntry(doc.source_path, doc.content_sha256, self.cache.fingerprint, doc, extraction))
        return extraction


def extract_with_cache(documents: list[IngestedDocument], cache: DocumentCache,
                       reference_dir: Path = REFERENCE_DIR) -> tuple[list[DocumentExtraction], int]:
    """Each document's extraction, from the cache when possible; returns them and how many were computed.

    An extraction that raises becomes a rejection of that document (it keeps its `documents` row but
    contributes no facts), so one odd article never stops the run; the failure is cached like any
    result. The cache misses are extracted across cores when there are many.
    """
    cached = []
    for doc in documents:
        extraction = _HANDOFF.pop(_handoff_key(cache, doc.source_path, doc.content_sha256), None)
        if extraction is None:
            entry = cache.load(doc.source_path, doc.content_sha256)
            extraction = entry.extraction if entry is not None else None
        cached.append(extraction)
    computed = map_documents(_ExtractAndSave(cache, reference_dir), [doc for doc, ex in zip(documents, cached) if ex is None])
    extractions, count = [], 0
    for doc, extraction in Progress("extract", len(documents)).iterate(
            zip(documents, cached), lambda pair: PROCESSED if pair[1] is None else CACHED):
        if extraction is None:
            count += 1
            extraction = next(computed)
        extractions.append(extraction)
    return extractions, count
