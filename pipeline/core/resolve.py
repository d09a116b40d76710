"""Corpus-wide step: merge per-document rows into contract tables and group events.

Per-document ids are already final, so merging is deduplication with a deterministic choice of
attribute values (independent of file order). Documents, entities and rejections are merged here;
each fact kind merges its own tables (pipeline/core/kinds/: events group reports of the same agreement
or visit across documents). Syndicated copies of one story are linked here too (`documents.copy_of`,
pipeline/core/syndication.py), since a copy's canonical document may be any other document.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Collection
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from pipeline.core.document_store import TEXT_COLUMN, DocumentStore, chunks
from pipeline.core.kinds.base import FactKind, choose
from pipeline.core.kinds.registry import FACT_KINDS, catalog_for
from pipeline.core.memory import collection_paused
from pipeline.core.records import Rejection
from pipeline.core.reference import Rulebook
from pipeline.core.syndication import PERMUTATIONS, copy_links, digests, fingerprints


def build_tables(store: DocumentStore, rejections: list[Rejection], rules: Rulebook, run_id: str | None = None,
                 now: dt.datetime | None = None, source_urls: dict[str, str] | None = None,
                 kinds: tuple[FactKind, ...] = FACT_KINDS, code: str | None = None) -> dict[str, pd.DataFrame]:
    """Return {table_name: DataFrame} for every contract table (and every table the kinds bring), from the
    documents and rows of the open per-document `store` and the ingest stage's `rejections`. The documents
    frame lacks `clean_text`, which stays in the store (`store.texts()`).

    The rows are read table by table (a kind's tables together) and each table is framed as soon as it is
    merged, so the rows of every table are never held as Python objects at once.
    `source_urls` (source_path -> URL, from the raw folder's sidecar) wins over the URL a page states;
    it is applied here rather than when parsing, so editing the sidecar needs no re-extraction.
    `code`: a digest of the code that merges (the run's); when given, the tables merged key by key (KEYED) are
    kept in the store's folder and the next run merges again only the keys its changed files touch (`_keyed`).
    """
    with collection_paused():
        return _build_tables(store, rejections, rules, run_id, now, source_urls or {}, kinds, code)


def _build_tables(store: DocumentStore, rejections: list[Rejection], rules: Rulebook, run_id: str | None,
                  now: dt.datetime | None, source_urls: dict[str, str],
                  kinds: tuple[FactKind, ...], code: str | None) -> dict[str, pd.DataFrame]:
    now = now or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    columns = catalog_for(kinds).columns
    frames: dict[str, pd.DataFrame] = {}

    def add(tables: dict[str, list[dict[str, Any]]]) -> None:
        frames.update({name: _frame(items, columns[name]) for name, items in tables.items()})

    def add_tuples(name: str, found: tuple[list[str], list[tuple]]) -> None:
        frames[name] = _tuple_frame(*found, columns[name])

    keyed = {**KEYED, **{table: Keyed(column, _kind_table(kind, rules)) for kind in kinds
                         for table, column in kind.merged_by}}
    since = _since(store, code, set(keyed))
    documents, openings = _documents(store, source_urls, now, since)
    frames["documents"] = _frame_columns(documents, {c: t for c, t in columns["documents"].items() if c != TEXT_COLUMN})
    merged, keys = _keyed(store, columns, keyed, since)
    frames.update(merged)
    if since is not None and _worth_keeping(since):
        _save_kept(store.directory / KEPT_FILE, _Kept(since.digest, since.entries, merged, keys, openings))
    add_tuples("organization_aliases", _aliases(store))
    all_rejections = [*rejections, *(r for _, r in store.rejections("extract"))]
    add({"rejected_records": [{"table_name": r.table_name,
                               "record": json.dumps(r.record, default=str, sort_keys=True), "errors": r.errors,
                               "document_id": r.document_id, "run_id": run_id, "rejected_at": now}
                              for r in all_rejections],
         # filled after this, in the run's step: by the analysts' corrections (core/corrections.py), and by the
         # build record (core/build_record.py), which counts the rows published
         "corrections_applied": [], "build_info": []})
    for kind in kinds:  # its tables not kept by key (`_keyed`), and any reference table
        own = dict(kind.merged_by)
        merged = kind.merge({t: [] if t in own else store.rows(t) for t in kind.tables}, rules)
        add({t: rows for t, rows in merged.items() if t not in own})
    return frames


def _documents(store: DocumentStore, source_urls: dict[str, str], now: dt.datetime,
               since: _Since | None) -> tuple[dict[str, list[Any]], _Openings]:
    """The documents table's columns without their text, which stays in the store (`DocumentStore.texts`: the
    corrections, validation and the publish read it there), each copy linked to its canonical document
    (`copy_of`, syndication.py), and the digests of the openings compared (`_Openings`, to be kept for next runs).

    The links are found here, over every document of the run, because a copy's canonical document may be any
    other document; they depend on the texts and dates alone, so an incremental run links as a full run does.
    Column by column: a row object per document (two, with the store's) was the step's largest holding after the
    signatures (issue 16)."""
    columns = store.document_columns()
    columns["source_url"] = [source_urls.get(path, url) for path, url in zip(columns["source_path"],
                                                                             columns["source_url"])]
    columns["ingested_at"] = [now] * len(columns["document_id"])
    known = _KnownOpenings(store, since)
    links = copy_links(({"document_id": document_id, "source_path": path, "published_on": day} for document_id, path, day
                        in zip(columns["document_id"], columns["source_path"], columns["published_on"])), known)
    columns["copy_of"] = [links.get(document_id) for document_id in columns["document_id"]]
    return columns, known.compared


_TEXTS_AT_ONCE = 1_000  # documents whose text is read at once to compute their openings
_OPENINGS_MEMORY = "64MB"  # DuckDB's memory while the openings are written (keep_openings)


def keep_openings(store: DocumentStore) -> None:
    """Compute and keep the openings (syndication.fingerprints) of every stored document whose opening the store
    does not keep yet: every document after a first extraction, the new ones after an incremental one.

    A run calls it in a store session (connection) of its own, closed before `build_tables`: DuckDB keeps the
    texts it reads here in its buffer pool until the connection closes (about 150 MB at 10,000 documents, issue
    16), which would otherwise be held, growing with the corpus, through the build of every table. The texts are
    read a batch at a time, of the documents only the source path and title of those missing (`unopened`), and
    DuckDB's own memory is held to `_OPENINGS_MEMORY` while they are written (`DocumentStore.memory_held`), with
    a checkpoint per row group of rows written and at the end (`DocumentStore.checkpoints_deferred`): each of DuckDB's automatic checkpoints rewrote
    the openings table's growing row group whole, quadratic over a first run (at 50,000 documents the writes took
    9.0 CPU seconds, 2.8 with one checkpoint, and left a file 137 MB larger)."""
    missing = store.unopened()
    if not missing:
        return
    with store.memory_held(_OPENINGS_MEMORY), store.checkpoints_deferred() as wrote:
        for batch in chunks(missing, _TEXTS_AT_ONCE):
            texts = store.texts().of_paths([d["source_path"] for d in batch])
            sets, sigs = fingerprints([d | {"clean_text": texts[d["source_path"]]} for d in batch])
            store.write_openings({d["source_path"]: (shingles, sig) for d, shingles, sig in zip(batch, sets, sigs)})
            wrote(len(batch))


@dataclass
class _Openings:
    """The openings compared by a run (`copy_links`): the source paths of those that take part and the digests of
    their signatures (`syndication.digests`), a row each in that order."""

    paths: list[str]
    digests: np.ndarray


class _KnownOpenings:
    """For `copy_links` (`syndication.Known`): the digests of the documents' opening signatures, and their whole
    signatures and shingles on demand, read from the store (the openings not kept yet computed first,
    `keep_openings`). Only the digests are held for every document (480 bytes a document, the signature is 1,792);
    the signatures and shingles read are those of the LSH candidates left (issue 16).

    With what a run kept (`_Since`), the digests of the files that did not change since are the kept ones and only
    the changed files' openings are read: reading and digesting every signature was the step's largest cost in a
    one-document run (1.8 KB of signature read a document changed or not, issue 16). The digests compared are left
    in `compared`, to be kept for the next runs."""

    def __init__(self, store: DocumentStore, since: _Since | None):
        self.store, self.since = store, since
        self.compared: _Openings | None = None

    def __call__(self, docs: list[dict[str, Any]]):
        store = self.store
        keep_openings(store)
        paths = [d["source_path"] for d in docs]
        kept = self.since.kept.openings if self.since is not None and self.since.kept is not None else None
        if kept is None:
            rows, digested = store.opening_signatures(paths, PERMUTATIONS, digests)
        else:
            rows, digested = _with_kept(store, paths, kept, self.since.changed)
        self.compared = _Openings([paths[i] for i in rows.tolist()], digested)

        def signatures_of(indices: list[int]) -> np.ndarray:
            return store.opening_signatures([paths[i] for i in indices], PERMUTATIONS)[1]

        def shingles_of(indices: list[int]) -> dict[int, np.ndarray]:
            got = store.opening_shingles([paths[i] for i in indices])
            return {i: got[paths[i]] for i in indices}
        return rows, digested, signatures_of, shingles_of


def _with_kept(store: DocumentStore, paths: list[str], kept: _Openings,
               changed: Collection[str]) -> tuple[np.ndarray, np.ndarray]:
    """`DocumentStore.opening_signatures(paths, PERMUTATIONS, digests)` from the `kept` digests of the paths not
    `changed` since they were kept (such a path has the same opening; one whose digest was not kept does not take
    part) and the store's openings of the changed ones."""
    fresh = [p for p in paths if p in changed]
    fresh_rows, fresh_digests = store.opening_signatures(fresh, PERMUTATIONS, digests)
    fresh_at = {fresh[r]: k for k, r in enumerate(fresh_rows.tolist())}
    kept_at = {p: k for k, p in enumerate(kept.paths)}
    rows, sources = [], []
    for at, path in enumerate(paths):
        k = fresh_at.get(path) if path in changed else kept_at.get(path)
        if k is not None:
            rows.append(at)
            sources.append(k if path not in changed else ~k)
    picks = np.array(sources, dtype=np.intp)
    digested = np.empty(len(picks), dtype=kept.digests.dtype)
    from_kept = picks >= 0
    digested[from_kept] = kept.digests[picks[from_kept]]
    digested[~from_kept] = fresh_digests[~picks[~from_kept]]
    return np.array(rows, dtype=np.intp), digested


def _frame(items: list[dict[str, Any]], types: dict[str, str]) -> pd.DataFrame:
    columns = list(types)
    df = pd.DataFrame(items, columns=columns) if items else pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    return _typed(df, types)


def _frame_columns(data: dict[str, list], types: dict[str, str]) -> pd.DataFrame:
    """`_frame` of the rows given column by column."""
    return _typed(pd.DataFrame(data, columns=list(types)), types)


def _typed(df: pd.DataFrame, types: dict[str, str]) -> pd.DataFrame:
    """Whole-number columns as nullable integers (a null would otherwise turn the column into floats), and text
    columns with each distinct text held once (`_shared`)."""
    for col, sql_type in types.items():
        if sql_type.startswith(("INTEGER", "BIGINT")):
            df[col] = pd.array(df[col].tolist(), dtype="Int64") if len(df) else pd.Series(dtype="Int64")
        elif sql_type == "VARCHAR" and len(df):
            df[col] = _shared(df[col])
    return df


def _shared(column: pd.Series) -> pd.Series:
    """The column with equal texts as one string object, in the same dtype. Each row read from the store brings
    strings of its own, and ids repeat: at 10,000 documents `mentions` has 213,000 rows of four texts, 41,000 of
    them distinct, and its frame takes 62 MB with a copy of each; the frames live until the publish (issue 16)."""
    values = [sys.intern(v) if type(v) is str else v for v in column.to_numpy(dtype=object)]
    return pd.Series(values, dtype=column.dtype, index=column.index, name=column.name)


def _tuple_frame(names: list[str], rows: list[tuple], types: dict[str, str]) -> pd.DataFrame:
    """`_frame` of rows given as tuples of the columns `names`; a column of `types` they lack is all NaN, as in a
    frame of dicts that lack it."""
    if not rows:
        return _frame([], types)
    data = {name: list(values) for name, values in zip(names, zip(*rows))}
    return _frame_columns({c: data.get(c, np.full(len(rows), np.nan)) for c in types}, types)


def _stored_frame(store: DocumentStore, table: str, types: dict[str, str],
                  among: tuple[str, Collection[Any]] | None = None) -> pd.DataFrame:
    """`_tuple_frame` of the table's distinct rows (those whose column holds one of the values, with `among`),
    framed by the store a batch at a time (`DocumentStore.row_frames`), each batch typed (its texts shared) as it
    comes, so that only one batch's fresh strings are held at once: a column of `types` the store lacks is all
    NaN, whole numbers become nullable integers."""
    parts = [_typed(pd.DataFrame({c: stored[c] if c in stored.columns else np.full(len(stored), np.nan)
                                  for c in types}, columns=list(types)), types)
             for stored in store.row_frames(table, distinct=True, among=among)]
    return pd.concat(parts, ignore_index=True) if parts else _frame([], types)


def _merged_frame(store: DocumentStore, table: str, types: dict[str, str],
                  among: tuple[str, Collection[Any]] | None = None) -> pd.DataFrame:
    """`_merge_by_key` of the table, framed."""
    return _tuple_frame(*_merge_by_key(store, table, KEYED[table].key, among), types)


@dataclass(frozen=True)
class Keyed:
    """A table whose rows for one value of `key` are a function of the stored rows holding that value alone (in
    the store's order), so that a run can keep the table and build again only the values its changed files touch:
    `build(store, table, types, among)` gives the rows of the values `among` names (every row without it)."""

    key: str
    build: Callable[..., pd.DataFrame]


# The tables merged by key (organisations, people, places: each column's `choose` over an id's rows) and those
# published as stored (distinct rows, a document's own), which hold most of the rows of the corpus; the kinds
# add theirs (FactKind.merged_by, `_kind_table`).
KEYED = {"organizations": Keyed("organization_id", _merged_frame), "people": Keyed("person_id", _merged_frame),
         "places": Keyed("place_id", _merged_frame), "person_affiliations": Keyed("document_id", _stored_frame),
         "mentions": Keyed("document_id", _stored_frame)}
KEPT_FILE = "keyed-tables.pickle"  # in the store's folder: the keyed tables as a recent run merged them (`_Kept`)


@dataclass
class _Kept:
    """The keyed tables as merged from the store's rows when its files were `entries` (DocumentStore.entry_states)
    under `digest` (the store's fingerprint and the merging code), each table's (file, key) pairs, and the
    openings the syndication step compared (`_Openings`)."""

    digest: str
    entries: dict[str, tuple[str, str, str, str | None]]
    frames: dict[str, pd.DataFrame]
    keys: dict[str, pd.DataFrame]  # columns source, key
    openings: _Openings


@dataclass
class _Since:
    """A run's store against the kept tables': its `entries` and `digest` (as `_Kept`'s), what a run kept (None when
    absent, damaged or of other code; not every run writes them, `_worth_keeping`) and the files whose entry is new,
    changed or gone since (None: every file, nothing being kept)."""

    digest: str
    entries: dict[str, tuple[str, str, str, str | None]]
    kept: _Kept | None
    changed: set[str] | None


REKEEP_SHARE = 100  # the kept tables are written again once the files changed since are 1/REKEEP_SHARE of the store's


def _worth_keeping(since: _Since) -> bool:
    """Whether a run writes its tables for the next (KEPT_FILE): when none were kept, or when the files changed
    since they were are more than a hundredth (REKEEP_SHARE) of the store's. A run merges again the keys that every
    file changed since the kept tables touches (`_keyed`), not only those its own changes touch, so between the
    writes each run does a little more, up to a hundredth of the corpus; writing the tables was the largest cost of a
    one-document run that grew with the corpus (99 MB and 1.3 CPU s a run at 50,000 documents, about a fifth of
    the run, issue 16)."""
    return since.changed is None or len(since.changed) * REKEEP_SHARE > len(since.entries)


def _since(store: DocumentStore, code: str | None, tables: set[str]) -> _Since | None:
    """What the last run kept for this run (KEPT_FILE), read once; None without `code` or a store folder (nothing is
    kept)."""
    if code is None or store.directory is None:
        return None
    digest = f"{store.fingerprint}|{code}"
    entries = store.entry_states()
    kept = _load_kept(store.directory / KEPT_FILE, digest, tables)
    changed = None if kept is None else {p for p in entries.keys() | kept.entries.keys()
                                         if entries.get(p) != kept.entries.get(p)}
    return _Since(digest, entries, kept, changed)


def _kind_table(kind: FactKind, rules: Rulebook) -> Callable[..., pd.DataFrame]:
    """A `Keyed` build of one of the kind's `merged_by` tables: the kind's merge of that table's rows alone."""
    def build(store: DocumentStore, table: str, types: dict[str, str],
              among: tuple[str, Collection[Any]] | None = None) -> pd.DataFrame:
        rows = {t: store.rows(t, among) if t == table else [] for t in kind.tables}
        return _frame(kind.merge(rows, rules)[table], types)
    return build


def _keyed(store: DocumentStore, columns: dict[str, dict[str, str]], keyed: dict[str, Keyed],
           since: _Since | None) -> tuple[dict[str, pd.DataFrame], dict[str, pd.DataFrame]]:
    """The `keyed` tables (KEYED and the kinds'), each in its key's order, and each table's (file, key) pairs (none
    without `since`). Without `since` (no code or store folder), merged from every stored row. With it, the last
    run's tables when it kept them: a file whose entry (content, document id, state) is new, changed or gone touches
    the keys its rows reach now and reached then, and only those keys' rows are merged again from the store and put
    in place of theirs, so the tables are those a merge of every row gives (tests/unit/stage/test_kept_tables.py).
    The run keeps the result for the next when it is worth it (`_build_tables`, `_worth_keeping`): the kept tables
    may be some runs old, and the changed files are then those changed since."""
    def whole(table: str, spec: Keyed) -> pd.DataFrame:
        return _in_key_order(spec.build(store, table, columns[table]), spec.key)

    if since is None:
        return {table: whole(table, spec) for table, spec in keyed.items()}, {}
    kept, changed = since.kept, since.changed
    if kept is None:
        frames = {table: whole(table, spec) for table, spec in keyed.items()}
        keys = {table: _key_pairs(store.source_keys(table, spec.key)) for table, spec in keyed.items()}
        return frames, keys
    if not changed:
        return kept.frames, kept.keys
    frames, keys = {}, {}
    for table, spec in keyed.items():
        before = kept.keys[table]
        gone = before["source"].isin(changed)
        now = _key_pairs(store.source_keys(table, spec.key, changed))
        touched = set(before["key"][gone]) | set(now["key"])
        frames[table] = _patched(kept.frames[table], spec.key, touched,
                                 spec.build(store, table, columns[table], (spec.key, touched)) if touched else None)
        keys[table] = pd.concat([before[~gone], now], ignore_index=True)
    return frames, keys


def _key_pairs(pairs: list[tuple[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(pairs, columns=["source", "key"]) if pairs else pd.DataFrame(
        {"source": pd.Series(dtype=object), "key": pd.Series(dtype=object)})


def _patched(frame: pd.DataFrame, key: str, touched: set, fresh: pd.DataFrame | None) -> pd.DataFrame:
    """`frame` with the rows of the `touched` key values replaced by `fresh`, in key order (a key's rows keep
    theirs), as a merge of every row orders them."""
    if fresh is None:
        return frame
    parts = [part for part in (frame[~frame[key].isin(touched)], fresh) if len(part)]
    if not parts:
        return fresh
    return _in_key_order(_concat(parts) if len(parts) > 1 else parts[0], key)


def _concat(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """The parts as one frame, a text column typed as text when one part's is and the others hold only texts or
    nulls (a part whose column is all null is of object dtype), as a frame built from all their rows at once is."""
    whole = pd.concat(parts, ignore_index=True)
    for col in whole.columns:
        dtypes = [part[col].dtype for part in parts]
        text = next((d for d in dtypes if isinstance(d, pd.StringDtype)), None)
        if text is not None and whole[col].dtype == object and all(
                isinstance(d, pd.StringDtype) or part[col].map(lambda v: v is None or isinstance(v, str)).all()
                for d, part in zip(dtypes, parts)):
            whole[col] = whole[col].astype(text)
    return whole


def _in_key_order(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """Ordered by `key`, a key's rows in their order (as the store gives them)."""
    return frame.sort_values(key, kind="stable", ignore_index=True, na_position="last")


def _load_kept(path: Path, digest: str, tables: set[str]) -> _Kept | None:
    """The kept tables at `path` if they were merged under `digest`; None when absent, damaged or of other code."""
    try:
        with path.open("rb") as f:
            kept = pickle.load(f)
    except Exception:  # absent or damaged: every row is merged
        return None
    return kept if isinstance(kept, _Kept) and kept.digest == digest and set(kept.frames) == tables else None


def _save_kept(path: Path, kept: _Kept) -> None:
    """Written beside and renamed, so the next run reads a whole file or none (and a failed write leaves none)."""
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", delete=False) as f:
        try:
            pickle.dump(kept, f, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:
            f.close()
            os.unlink(f.name)
            raise
    os.replace(f.name, path)


def _merge_by_key(store: DocumentStore, table: str, key: str,
                  among: tuple[str, Collection[Any]] | None = None) -> tuple[list[str], list[tuple]]:
    """One row per `key`, in key order: a key's only row as it is, else each column's `choose` over its rows
    (of the values `among` names, with it).

    The rows come from the store sorted by key, as tuples; only the keys with several rows are merged here.
    """
    names, rows = store.row_tuples(table, by=key, among=among)
    at = names.index(key) if names else 0
    out = []
    for _, group in groupby(rows, key=itemgetter(at)):
        first = next(group)
        rest = list(group)
        out.append(first if not rest else tuple(choose(values) for values in zip(first, *rest)))
    return names, out


_ALIAS_RANK = {"reference": 0, "acronym_definition": 1, "corpus": 2}  # which source an alias is credited to


def _aliases(store: DocumentStore) -> tuple[list[str], list[tuple]]:
    """One row per (organization, alias), in that order, with the best-ranked source that gave it."""
    names, rows = store.row_tuples("organization_aliases", distinct=True)
    at = [names.index(c) for c in ("organization_id", "alias", "source")] if names else []
    best: dict[tuple[str, str], str] = {}
    for r in rows:
        organization, alias, source = (r[i] for i in at)
        k = (organization, alias)
        if k not in best or _ALIAS_RANK[source] < _ALIAS_RANK[best[k]]:
            best[k] = source
    return ["organization_id", "alias", "source"], [(o, a, s) for (o, a), s in sorted(best.items())]
