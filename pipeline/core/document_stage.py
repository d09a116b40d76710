"""The per-document stage: every raw file read, parsed and extracted, each only when the cache lacks it.

`ingest_with_cache` reads every file of the raw folder and looks each up in the cache
(pipeline/core/document_cache.py); only the files the cache has not seen with these bytes under this
fingerprint are parsed. Its result (`IngestStage`) carries the extractions the cache already held, so
`extract_with_cache` computes only the others and no entry is read twice in a run. The result is a
plain value: the Dagster layer hands it from one step to the next like any other output, in memory or
through files, so the two steps may run in different processes.

The fingerprint (`pipeline_fingerprint`) is what, besides a file's bytes, decides what it becomes:
PIPELINE_VERSION, the rulebook's digest and the code this stage runs per document (the modules of
STAGE_MODULES and every project module they import). The analyst tools, the Dagster layer and the
command line are not among them, so editing those re-extracts nothing.

A file is not even read again when its status (size, modification time, inode) is the one recorded
when its bytes were last read and hashed, and that modification time was at least RACY_NS before
that read: a later write would have given it a new modification time. (Like make and git, this
trusts the file system's clock: a file rewritten with its old size and its old time forced back
onto it is not noticed. Delete the cache to force a full re-read.)
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from pipeline.core.document_cache import CacheEntry, DocumentCache, code_digest
from pipeline.core.kinds.registry import kind_modules
from pipeline.core.memory import collection_paused
from pipeline.core.parallel import LOCAL, Executor
from pipeline.core.progress import CACHED, PROCESSED, UNREAD, Progress
from pipeline.core.records import IngestedDocument, Rejection
from pipeline.core.version import PIPELINE_VERSION

if TYPE_CHECKING:
    from pipeline.core.extract import DocumentExtraction
    from pipeline.core.reference import Rulebook

# The modules whose code decides what a file becomes: parsing, extraction (with every fact kind, which the
# registry imports by name), and this driver, which turns a failed extraction into a rejection. The modules
# they import are found by following their imports.
STAGE_MODULES = ("pipeline.core.ingest.stage", "pipeline.core.extract", *kind_modules(), __name__)
RACY_NS = 2_000_000_000  # a file changed this close to its reading may change again within one clock tick
_TRANSIENT = (MemoryError, RecursionError, OSError)  # may not happen again on another run or machine


def pipeline_fingerprint(rules: Rulebook) -> str:
    """What, besides a file's own bytes, decides its outcome: version, rulebook and the stage's code.

    The code digest means a forgotten PIPELINE_VERSION bump cannot serve stale rows after an edit.
    """
    parts = (PIPELINE_VERSION, rules.digest, code_digest(STAGE_MODULES))
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:16]


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
    # source_path -> the extraction the cache holds for that document: the extract step's to reuse
    cached_extractions: dict[str, DocumentExtraction] = field(default_factory=dict)


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


def ingest_with_cache(raw_dir: Path, max_bytes: int, cache: DocumentCache, rules: Rulebook,
                      guard: Callable[[IngestStage], None] | None = None, executor: Executor = LOCAL) -> IngestStage:
    """Read every raw file; parse only files the cache has not seen with these bytes and this fingerprint.

    Files are read and looked up first, then the misses are parsed with `rules` by `executor` (across
    this machine's cores for a large batch, see pipeline/core/parallel.py, or on a Dask cluster,
    pipeline/core/cluster.py) and the outcomes gathered in the folder's order.
    `guard` sees the outcome before the entries of vanished files are pruned, so a guard that raises
    (an empty or shrunken raw folder, pipeline/core/guards.py) leaves the cache as it was.
    """
    from pipeline.core.ingest import SourceFile, discover_sources, parse_document, read_sidecar

    paths, rejections = discover_sources(raw_dir)
    source_urls, sidecar_rejections = read_sidecar(raw_dir, max_bytes)  # read every run: it is not cached
    stage = IngestStage(documents=[], rejections=[*rejections, *sidecar_rejections],
                        seen=len(paths) + len(rejections), processed=0, skipped=0, pruned=0, source_urls=source_urls)
    previous = cache.file_statuses()
    with collection_paused():
        present, items, statuses = _read_all(raw_dir, paths, max_bytes, cache, previous)
    parsed = executor.map(parse_document, [s for s, e in items if isinstance(s, SourceFile) and e is None], rules)
    for source, entry in Progress("parse", len(paths)).iterate(items, _parse_outcome):
        if not isinstance(source, SourceFile):
            stage.rejections.append(source)
            continue
        if entry is not None:
            outcome = entry.outcome
            stage.skipped += 1
            if entry.extraction is not None:
                stage.cached_extractions[source.source_path] = entry.extraction
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


def _extract_or_reject(doc: IngestedDocument, rules: Rulebook) -> tuple[DocumentExtraction, bool]:
    """(extraction, cacheable): the extraction, or a rejection of the document when extraction raises.

    A failure is a pure function of the document and the code, like a success, so it is cached too
    and an unchanged re-run does not try again; failures that depend on the machine (memory, the
    stack, the operating system) are not. Broken reference data is not a document's fault: it
    raises, and stops the run.
    """
    from pipeline.core.extract import DocumentExtraction, extract_document
    from pipeline.core.reference import ReferenceDataError

    try:
        return extract_document(doc, rules), True
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

    def __call__(self, doc: IngestedDocument, rules: Rulebook) -> DocumentExtraction:
        return _saved(self.cache, doc, *_extract_or_reject(doc, rules))


def _saved(cache: DocumentCache, doc: IngestedDocument, extraction: DocumentExtraction,
           cacheable: bool) -> DocumentExtraction:
    """The extraction, saved in the cache first when it may be."""
    if cacheable:
        cache.save(CacheEntry(doc.source_path, doc.content_sha256, cache.fingerprint, doc, extraction))
    return extraction


def extract_with_cache(stage: IngestStage, cache: DocumentCache, rules: Rulebook,
                       executor: Executor = LOCAL) -> tuple[list[DocumentExtraction], int]:
    """Each of the stage's documents' extraction; returns them and how many were computed.

    The extractions the ingest stage found in the cache are reused as they are; the others are
    computed with `rules` by `executor` (across cores when there are many, or on a cluster) and
    cached: by the worker when it runs on this machine, else here as the results arrive. An
    extraction that raises becomes a rejection of that document (it keeps its `documents` row but
    contributes no facts), so one odd article never stops the run; the failure is cached like any result.
    """
    cached = [stage.cached_extractions.get(doc.source_path) for doc in stage.documents]
    missing = [doc for doc, extraction in zip(stage.documents, cached) if extraction is None]
    if executor.shares_files:
        computed = executor.map(_ExtractAndSave(cache), missing, rules)
    else:
        computed = (_saved(cache, doc, *outcome)
                    for doc, outcome in zip(missing, executor.map(_extract_or_reject, missing, rules)))
    extractions = []
    for _, extraction in Progress("extract", len(cached)).iterate(
            zip(stage.documents, cached), lambda pair: PROCESSED if pair[1] is None else CACHED):
        extractions.append(extraction if extraction is not None else next(computed))
    return extractions, len(missing)
