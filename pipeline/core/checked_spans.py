"""Spans whose offsets an earlier run found to hold their text, remembered so a run checks only the new ones.

Validation's `offsets` rule compares every evidence and mention span with its document's text
(`StoredTexts.differing`, SQL over the per-document store). That is the largest part of validating a
corpus (issue 16: about half of it at 5,000 documents), and in an incremental run almost every span is one
the last run checked already. Whether a span holds its text is a function of the span (document, text,
start, end) and the document's text alone, and the text is a function of the document's bytes
(`content_sha256`) under the store's fingerprint (code and rules of the per-document stage). So a span is
remembered by a 64-bit hash of (fingerprint, document id, content sha256, text, start, end), and only the
spans that held their text are remembered: a span that differed is checked again every run, a span whose
document changed has another hash, and a store under another fingerprint starts with nothing remembered.

The spans not remembered are checked `TEXT_BATCH` documents at a time, each batch's texts read from the store by
row id and compared by `StoredTexts.differing` in a database of their own: over the whole store, its join holds
every document's text at once (issue 16: 260 to 290 MB at 10,000 documents, the run's peak).

The memory is one file beside the store (`checked_spans.npy`, sorted hashes), rewritten with the spans
of the run's tables that hold their text (so it never grows past the corpus) and replaced atomically; a
missing or unreadable file only means that every span is checked.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from pipeline.core.document_store import TEXT_COLUMN, DocumentStore, StoredTexts, chunks

MEMO_FILE = "checked_spans.npy"
_VERSION = b"checked-spans 2"  # bump when what `differing` compares changes
TEXT_BATCH = 1000  # documents whose text one comparison holds


class CheckedTexts(StoredTexts):
    """`StoredTexts` whose `differing` asks the store only about spans not known to hold their text.

    `remember()` writes what this run found (call it once validation is done)."""

    def __init__(self, store: DocumentStore):
        super().__init__(store.con, cached=store.directory is None)
        self.path = store.directory / MEMO_FILE if store.directory is not None else None
        self.salt = int.from_bytes(hashlib.sha256(_VERSION + store.fingerprint.encode()).digest()[:8], "little")
        self.known = _load(self.path)
        self.found: list[np.ndarray] = []  # hashes of this run's spans that hold their text
        self._shas: dict[str, str] | None = None
        self._rows: dict[str, int] | None = None

    def differing(self, spans: pd.DataFrame) -> list[tuple[Any, str | None]]:
        if spans.empty:
            return []
        hashes = self._hashes(spans)
        seen = _among(hashes, self.known)
        found = self._differing_in_batches(spans[~seen])
        holds = ~spans["row"].isin({row for row, _ in found}).to_numpy()
        self.found.append(hashes[holds])
        return found

    def remember(self) -> None:
        """Keep the spans of this run that hold their text, for the next run."""
        if self.path is None:
            return
        hashes = _sorted_unique(np.concatenate(self.found)) if self.found else np.zeros(0, dtype=np.uint64)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                np.save(handle, hashes, allow_pickle=False)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def _differing_in_batches(self, spans: pd.DataFrame) -> list[tuple[Any, str | None]]:
        """`StoredTexts.differing` of `spans`, in their order, TEXT_BATCH of their documents at a time (a span whose
        document the store lacks is left out, as there)."""
        rows = self._document_rows()
        documents = sorted(set(spans["document_id"]) & rows.keys(), key=rows.__getitem__)
        batch_of = {d: i // TEXT_BATCH for i, d in enumerate(documents)}
        found = []
        batches = spans.groupby(spans["document_id"].map(batch_of), sort=True)  # unknown documents: no batch
        for (_, part), wanted in zip(batches, chunks(documents, TEXT_BATCH), strict=True):
            texts = self.of_rows([rows[d] for d in wanted])
            with duckdb.connect() as held:  # plain objects: DuckDB scans them faster than pandas' "str" columns
                held.register("documents", pd.DataFrame(texts, columns=["document_id", TEXT_COLUMN], dtype=object))
                found += StoredTexts(held).differing(part)
        place = pd.Index(spans["row"]).get_indexer([row for row, _ in found])
        return [found[i] for i in np.argsort(place, kind="stable")]

    def _document_rows(self) -> dict[str, int]:
        if self._rows is None:
            self._rows = dict(self.con.execute("SELECT document_id, rowid FROM documents").fetchall())
        return self._rows

    def _hashes(self, spans: pd.DataFrame) -> np.ndarray:
        """Each span's hash: its document's (id and content sha256, hashed once a document, not once a span: a
        document has about twenty), then its text, start and end, each column hashed by pandas and mixed in."""
        shas = self._document_shas()
        codes, documents = pd.factorize(spans["document_id"].astype(object), use_na_sentinel=False)
        documents = np.asarray(documents, dtype=object)
        hashed = _mixed(pd.util.hash_array(documents),
                        pd.util.hash_array(np.array([shas.get(d) for d in documents], dtype=object)))[codes]
        hashed = _mixed(hashed, pd.util.hash_array(spans["text"].astype(object).to_numpy()))
        for column in ("start", "end"):  # a null offset as -1: such a span holds no text, so it is never remembered
            hashed = _mixed(hashed, pd.util.hash_array(pd.array(spans[column], dtype="Int64").to_numpy("int64", na_value=-1)))
        return hashed ^ np.uint64(self.salt)

    def _document_shas(self) -> dict[str, str]:
        if self._shas is None:
            self._shas = dict(self.con.execute("SELECT document_id, content_sha256 FROM documents").fetchall())
        return self._shas


_MIX = np.uint64(0x9E3779B97F4A7C15)  # 2**64 / golden ratio, odd: multiplying by it permutes the 64-bit values


def _mixed(hashes: np.ndarray, more: np.ndarray) -> np.ndarray:
    """One hash of two (each already spread over 64 bits by `pd.util.hash_array`), order-sensitive."""
    return hashes * _MIX ^ more


def _sorted_unique(hashes: np.ndarray) -> np.ndarray:
    """`np.unique` of the hashes (sorted, each once) by a sort and a comparison of neighbours: numpy 2's
    `np.unique` goes through a hash table first: 0.18 to 0.20 CPU s for the 253,000 remembered spans of 10,000
    documents against 0.01 (issue 16's one-document run)."""
    ordered = np.sort(hashes)
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))] if len(ordered) else ordered


def _among(hashes: np.ndarray, known: np.ndarray) -> np.ndarray:
    """Which of `hashes` are in `known` (sorted): a binary search each, not a sort of both (`np.isin`)."""
    if not len(known):
        return np.zeros(len(hashes), dtype=bool)
    at = np.minimum(np.searchsorted(known, hashes), len(known) - 1)
    return known[at] == hashes


def _load(path: Path | None) -> np.ndarray:
    """The remembered hashes, sorted (`remember` writes them so; a file that is not, or is unreadable, is none)."""
    if path is None:
        return np.zeros(0, dtype=np.uint64)
    try:
        found = np.load(path, allow_pickle=False)
    except (OSError, ValueError):
        return np.zeros(0, dtype=np.uint64)
    usable = found.dtype == np.uint64 and found.ndim == 1 and bool(np.all(found[1:] > found[:-1]))
    return found if usable else np.zeros(0, dtype=np.uint64)
