"""The per-document stage: every raw file read, parsed and extracted, each only when the store lacks it.

`ingest_with_cache` reads every file of the raw folder and looks each up in the per-document store
(pipeline/core/document_store.py); only the files the store has not seen with these bytes and the date of
this sidecar URL (which dates a page that states no date, and so the relative dates its extraction reads)
under this fingerprint are parsed, and their outcomes are written to the store as they come. `extract_with_cache`
then extracts the stored documents not yet extracted and writes their rows to the store. Both work in
batches of BATCH files, so the documents and rows held in memory are bounded by the batch, not the
corpus; their results (`IngestStage`, `ExtractStage`) are counts, and the corpus-wide step reads the rows
from the store. A document the store already holds is never loaded by either.

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

import dataclasses
import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from pipeline.core.code_digest import code_digest
from pipeline.core.document_store import REJECTED, DocumentStore, chunks
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
BATCH = 1000  # files read, parsed or extracted, and written to the store, at a time
_TRANSIENT = (MemoryError, RecursionError, OSError)  # may not happen again on another run or machine


def pipeline_fingerprint(rules: Rulebook) -> str:
    """What, besides a file's own bytes, decides its outcome: version, rulebook and the stage's code.

    The code digest means a forgotten PIPELINE_VERSION bump cannot serve stale rows after an edit.
    """
    parts = (PIPELINE_VERSION, rules.digest, code_digest(STAGE_MODULES))
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:16]


@dataclass
class IngestStage:
    """The documents stage's outcome, with what the store saved; the documents themselves are in the store."""

    documents: int  # usable documents of the raw folder (parsed now or earlier)
    rejections: list[Rejection]
    seen: int  # entries found in the raw folder, usable or not
    processed: int  # files parsed in this run
    skipped: int  # files whose parse came from the store
    pruned: int  # files whose entries were dropped from the store because the file is gone
    source_urls: dict[str, str] = field(default_factory=dict)  # source_path -> URL the raw folder's sidecar gives
    languages: dict[str, int] = field(default_factory=dict)  # language code -> usable documents in it


@dataclass(frozen=True)
class ExtractStage:
    """The extract stage's outcome; the rows are in the store."""

    documents: int  # documents with an extraction in the store
    extracted: int  # extracted in this run
    rows: dict[str, int]  # stored rows per per-document table
    rejections: list[Rejection]  # extraction failures, one per document that failed


def _read_all(raw_dir: Path, paths: list[str], max_bytes: int, known: dict[str, tuple[str, str]],
              previous: dict[str, list]):
    """Read (or recognise by status) every file and look it up in the store's entries.

    Returns the paths present, (source or rejection, the store's state for these bytes or None) per file,
    and the file statuses to record for the next run.
    """
    from pipeline.core.ingest import SourceFile, read_source

    present: list[str] = []
    items: list[tuple[SourceFile | Rejection, str | None]] = []
    statuses: dict[str, list] = {}
    for path in paths:
        read_at = time.time_ns()
        source = read_source(raw_dir, path, max_bytes, lambda rel, status: _recognised(previous, rel, status))
        state = None
        if isinstance(source, SourceFile):
            sha, state = known.get(source.source_path, (None, None))
            state = state if sha == source.content_sha256 else None
            if source.data is None and state is None:
                source = read_source(raw_dir, path, max_bytes)  # known bytes, but nothing stored for them
            elif source.data is None:
                read_at = previous[source.source_path][4]  # the bytes are those read then
        if isinstance(source, SourceFile):
            present.append(source.source_path)
            if source.status is not None:
                st = source.status
                statuses[source.source_path] = [st.size, st.mtime_ns, st.inode, source.content_sha256, read_at]
        items.append((source, state))
    return present, items, statuses


def ingest_with_cache(raw_dir: Path, max_bytes: int, store: DocumentStore, rules: Rulebook,
                      guard: Callable[[IngestStage], None] | None = None, executor: Executor = LOCAL) -> IngestStage:
    """Read every raw file; parse only files the store has not seen with these bytes and this fingerprint.

    Files are read and looked up BATCH at a time, then that batch's misses are parsed with `rules` by
    `executor` (across this machine's cores for a large batch, see pipeline/core/parallel.py, or on a Dask
    cluster, pipeline/core/cluster.py) and their outcomes written to the open `store`.
    `guard` sees the outcome before the entries of vanished files are pruned, so a guard that raises
    (an empty or shrunken raw folder, pipeline/core/guards.py) leaves the store's other entries as they were.
    """
    from pipeline.core.ingest import discover_sources, read_sidecar

    paths, rejections = discover_sources(raw_dir)
    source_urls, sidecar_rejections = read_sidecar(raw_dir, max_bytes)  # read every run: it is not cached
    stage = IngestStage(documents=0, rejections=[*rejections, *sidecar_rejections],
                        seen=len(paths) + len(rejections), processed=0, skipped=0, pruned=0, source_urls=source_urls)
    previous, known = store.file_statuses(), _parsed_with(store, source_urls)
    stored_rejections = dict(store.rejections("parse"))
    progress = Progress("parse", len(paths))
    present, statuses = [], {}
    for batch in chunks(paths, BATCH):
        with collection_paused():
            batch_present, items, batch_statuses = _read_all(raw_dir, list(batch), max_bytes, known, previous)
        present += batch_present
        statuses |= batch_statuses
        _parse_batch(items, stored_rejections, store, rules, executor, stage, progress)
    if guard is not None:
        guard(stage)
    if statuses != previous:
        store.save_file_statuses(statuses)
    stage.pruned = store.prune(present)
    stage.languages = store.language_counts()
    return stage


def _parsed_with(store: DocumentStore, source_urls: dict[str, str]) -> dict[str, tuple[str, str]]:
    """The store's entries (source_path -> (content_sha256, state)) but those of the documents parsed with a
    sidecar URL whose date differs from that of the URL the sidecar now gives: they are parsed again, and
    extracted again, since that date may be the one their relative dates are read against. A URL edited with
    the same date (or none) changes only the documents table's URL, which the corpus-wide step takes from the
    sidecar. (A parse's rejection does not depend on the URL.)"""
    from pipeline.core.ingest.dates import date_in_url

    parsed_urls = store.sidecar_urls()
    return {path: entry for path, entry in store.entries().items()
            if path not in parsed_urls or parsed_urls[path] == source_urls.get(path)
            or date_in_url(parsed_urls[path]) == date_in_url(source_urls.get(path))}


def _parse_batch(items: list, stored_rejections: dict[str, Rejection], store: DocumentStore, rules: Rulebook,
                 executor: Executor, stage: IngestStage, progress: Progress) -> None:
    """Parse the files of `items` the store lacks, each with the URL the sidecar gives it, and store their
    outcomes; count every file into `stage` (a file the store holds as rejected by its parse adds its
    `stored_rejections` entry)."""
    from pipeline.core.ingest import SourceFile, parse_document

    parsed = executor.map(parse_document, [dataclasses.replace(s, url=stage.source_urls.get(s.source_path))
                                           for s, state in items if isinstance(s, SourceFile) and state is None],
                          rules)
    outcomes = []
    for source, state in progress.iterate(items, _parse_outcome):
        if not isinstance(source, SourceFile):
            stage.rejections.append(source)
        elif state is not None:
            stage.skipped += 1
            if state == REJECTED:
                stage.rejections.append(stored_rejections[source.source_path])
            else:
                stage.documents += 1
        else:
            outcome = next(parsed)
            stage.processed += 1
            outcomes.append((source.source_path, source.content_sha256, outcome))
            if isinstance(outcome, IngestedDocument):
                stage.documents += 1
            else:
                stage.rejections.append(outcome)
    store.write_parsed(outcomes)


def _parse_outcome(item: tuple[object, str | None]) -> str:
    """What became of one file in the parse stage, for its progress line."""
    source, state = item
    return UNREAD if isinstance(source, Rejection) else PROCESSED if state is None else CACHED


def _recognised(previous: dict[str, list], source_path: str, status) -> str | None:
    """The content hash recorded for this file when its status is unchanged since a safe earlier read."""
    record = previous.get(source_path)
    if (isinstance(record, list) and len(record) == 5 and record[:3] == [status.size, status.mtime_ns, status.inode]
            and isinstance(record[4], int) and status.mtime_ns < record[4] - RACY_NS):
        return record[3]
    return None


def _extract_or_reject(doc: IngestedDocument, rules: Rulebook) -> tuple[DocumentExtraction, bool]:
    """(extraction, cacheable): the extraction, or a rejection of the document when extraction raises.

    A failure is a pure function of the document and the code, like a success, so it is stored too
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


def extract_with_cache(store: DocumentStore, rules: Rulebook, executor: Executor = LOCAL) -> ExtractStage:
    """Extract the stored documents that have no extraction yet, BATCH at a time, and store their rows.

    They are extracted with `rules` by `executor` (across cores when there are many, or on a cluster).
    An extraction that raises becomes a rejection of that document (it keeps its `documents` row but
    contributes no facts), so one odd article never stops the run; the failure is stored like any result,
    unless it depends on the machine, in which case the document is extracted again next run.
    """
    todo = store.unextracted()
    total = store.document_count()
    progress = Progress("extract", total)
    progress.to_process = len(todo)
    progress.step(CACHED, total - len(todo))
    for batch in chunks(todo, BATCH):
        documents = store.documents(batch)
        results = []
        for doc, (extraction, done) in zip(documents, executor.map(_extract_or_reject, documents, rules)):
            results.append((doc.source_path, extraction.rows, extraction.rejections, done))
            progress.step(PROCESSED)
        store.write_extracted(results)
    return ExtractStage(documents=total, extracted=len(todo), rows=store.row_counts(),
                        rejections=[r for _, r in store.rejections("extract")])

