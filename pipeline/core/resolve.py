"""Corpus-wide step: merge per-document rows into contract tables and group events.

Per-document ids are already final, so merging is deduplication with a deterministic choice of
attribute values (independent of file order). Events group reports of the same agreement or visit
across documents: same parties (or leader), compatible type and date.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from typing import Any, Iterable

import pandas as pd

from pipeline.core.extract import PER_DOCUMENT_TABLES, DocumentExtraction
from pipeline.core.ids import make_id
from pipeline.core.ingest.dates import date_in_url
from pipeline.core.memory import collection_paused
from pipeline.core.records import IngestedDocument, Rejection
from pipeline.core.reference import load_reference
from schemas import TABLE_COLUMNS

_GENERIC_TYPES = {"cooperation_agreement", "partnership", "other"}
_LAB_STATUS_RANK = {"established": 0, "existing": 1, "planned": 2}


def build_tables(documents: list[IngestedDocument], extractions: list[DocumentExtraction],
                 rejections: list[Rejection], run_id: str | None = None,
                 now: dt.datetime | None = None,
                 source_urls: dict[str, str] | None = None) -> dict[str, pd.DataFrame]:
    """Return {table_name: DataFrame} for every contract table.

    `source_urls` (source_path -> URL, from the raw folder's sidecar) wins over the URL a page states;
    it is applied here rather than when parsing, so editing the sidecar needs no re-extraction.
    """
    with collection_paused():
        return _build_tables(documents, extractions, rejections, run_id, now, source_urls or {})


def _build_tables(documents: list[IngestedDocument], extractions: list[DocumentExtraction],
                  rejections: list[Rejection], run_id: str | None, now: dt.datetime | None,
                  source_urls: dict[str, str]) -> dict[str, pd.DataFrame]:
    now = now or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    known = {d.document_id for d in documents}
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in PER_DOCUMENT_TABLES}
    for ex in sorted(extractions, key=lambda e: e.document_id):
        if ex.document_id not in known:
            continue  # a document that was deleted or rejected since its extraction was cached
        for table, items in ex.rows.items():
            rows[table].extend(items)
    all_rejections = list(rejections) + [r for ex in extractions if ex.document_id in known for r in ex.rejections]
    tables = {
        "documents": [{"document_id": d.document_id, "source_path": d.source_path,
                       "content_sha256": d.content_sha256, "title": d.title, "publisher": d.publisher,
                       **_publication_date(d, source_urls.get(d.source_path)),
                       "clean_text": d.clean_text, "ingested_at": now,
                       "source_url": source_urls.get(d.source_path, d.source_url), "language": d.language}
                      for d in sorted(documents, key=lambda d: d.source_path)],
        "organizations": _merge_by_key(rows["organizations"], "organization_id"),
        "organization_aliases": _aliases(rows["organization_aliases"]),
        "people": _merge_by_key(rows["people"], "person_id"),
        "person_affiliations": _distinct(rows["person_affiliations"]),
        "places": _merge_by_key(rows["places"], "place_id"),
        "mentions": _distinct(rows["mentions"]),
        "agreements": _group_agreement_events(rows["agreements"], rows["agreement_parties"]),
        "agreement_parties": _distinct(rows["agreement_parties"]),
        "agreement_signatories": _distinct(rows["agreement_signatories"]),
        "agreement_activities": _distinct(rows["agreement_activities"], ("agreement_id", "activity")),
        "delegations": _group_delegation_events(rows["delegations"]),
        "labs": _merge_labs(rows["labs"]),
        "lab_mentions": _distinct(rows["lab_mentions"]),
        "collaboration_domains": [vars(d) for d in load_reference().domains],
        "document_domains": _distinct(rows["document_domains"]),
        "agreement_domains": _distinct(rows["agreement_domains"], ("agreement_id", "domain_id")),
        "lab_domains": _distinct(rows["lab_domains"], ("lab_id", "domain_id")),
        "rejected_records": [{"table_name": r.table_name, "record": json.dumps(r.record, default=str, sort_keys=True),
                              "errors": r.errors, "document_id": r.document_id, "run_id": run_id,
                              "rejected_at": now} for r in all_rejections],
    }
    return {name: _frame(name, items) for name, items in tables.items()}


def _publication_date(doc: IngestedDocument, sidecar_url: str | None) -> dict[str, Any]:
    """The document's date as parsed, else a date in the URL the sidecar gives ("/2019-06/11/..."), which is
    as good as one in the file name. Applied here, beside the sidecar URL, so that the cached parse stays a
    function of the file alone; the extraction's anchor for relative dates is the parsed date."""
    found = None if doc.published_on else date_in_url(sidecar_url)
    if found is None:
        return {"published_on": doc.published_on, "published_on_precision": doc.published_on_precision}
    return {"published_on": found.date, "published_on_precision": found.precision}


def _frame(table: str, items: list[dict[str, Any]]) -> pd.DataFrame:
    columns = list(TABLE_COLUMNS[table])
    df = pd.DataFrame(items, columns=columns) if items else pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    for col, sql_type in TABLE_COLUMNS[table].items():
        if sql_type.startswith(("INTEGER", "BIGINT")):
            df[col] = pd.array(df[col].tolist(), dtype="Int64") if len(df) else pd.Series(dtype="Int64")
    return df


def _choose(values: Iterable[Any]) -> Any:
    """The most frequent non-null value; ties broken by sort order, so file order never matters."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    first = present[0]
    if all(v == first for v in present):  # the usual case: every document says the same
        return first
    return sorted(Counter(present).items(), key=lambda kv: (-kv[1], str(kv[0])))[0][0]


def _merge_by_key(items: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in items:
        groups[r[key]].append(r)
    out = []
    for k in sorted(groups):
        rs = groups[k]
        out.append(dict(rs[0]) if len(rs) == 1 else {c: _choose(r.get(c) for r in rs) for c in rs[0]})
    return out


def _distinct(items: list[dict[str, Any]], key: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
    """The first of each set of equal rows (equal in `key`, or in every column's text)."""
    if key:
        row_key = lambda r: tuple(r[c] for c in key)  # noqa: E731
    elif items and all(list(r) == list(items[0]) for r in items):
        row_key = lambda r: tuple(map(str, r.values()))  # noqa: E731 - columns in one order: no sorting needed
    else:
        row_key = lambda r: tuple(sorted((c, str(v)) for c, v in r.items()))  # noqa: E731
    seen, out = set(), []
    for r in items:
        k = row_key(r)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def _aliases(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rank = {"reference": 0, "acronym_definition": 1, "corpus": 2}
    best: dict[tuple[str, str], str] = {}
    for r in items:
        k = (r["organization_id"], r["alias"])
        if k not in best or rank[r["source"]] < rank[best[k]]:
            best[k] = r["source"]
    return [{"organization_id": o, "alias": a, "source": s} for (o, a), s in sorted(best.items())]


def _merge_labs(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in items:
        groups[r["lab_id"]].append(r)
    out = []
    for k in sorted(groups):
        rs = groups[k]
        row = {c: _choose(r.get(c) for r in rs) for c in rs[0]}
        row["status"] = min((r["status"] for r in rs), key=lambda s: _LAB_STATUS_RANK.get(s, 9))
        out.append(row)
    return out


class _UnionFind:
    def __init__(self, keys):
        self.parent = {k: k for k in keys}

    def find(self, k):
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _dates_compatible(a: dict, b: dict, date_col: str, prec_col: str) -> bool:
    da, db = a.get(date_col), b.get(date_col)
    if da is None or db is None:
        return da is None and db is None
    if a.get(prec_col) == b.get(prec_col) == "day":
        return abs((da - db).days) <= 3
    return da.year == db.year


def _group_agreement_events(agreements: list[dict], parties: list[dict]) -> list[dict]:
    by_agreement: dict[str, frozenset] = defaultdict(frozenset)
    for p in parties:
        by_agreement[p["agreement_id"]] = by_agreement[p["agreement_id"]] | {p["organization_id"]}
    uf = _UnionFind([a["agreement_id"] for a in agreements])
    by_parties: dict[frozenset, list[dict]] = defaultdict(list)
    for a in agreements:
        key = by_agreement.get(a["agreement_id"], frozenset())
        if len(key) >= 2:
            by_parties[key].append(a)
    for group in by_parties.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a["document_id"] == b["document_id"]:
                    continue
                same_type = a["agreement_type"] == b["agreement_type"] or {a["agreement_type"], b["agreement_type"]} & _GENERIC_TYPES
                if same_type and _dates_compatible(a, b, "signed_on", "signed_on_precision"):
                    uf.union(a["agreement_id"], b["agreement_id"])
    for a in agreements:
        a["event_id"] = make_id("agreement_event", uf.find(a["agreement_id"]))
    return agreements


def _group_delegation_events(delegations: list[dict]) -> list[dict]:
    """Reports of one visit in different documents: the same leader, or the same origin and the same
    host, at compatible dates, are one event.

    Only reports that share a leader or an (origin, host) pair can be one visit, so reports are
    compared within those groups only: comparing every pair grew with the square of the corpus
    (12 million pairs at 10,000 documents). The events are those of the all-pairs comparison: the
    same pairs are joined, and an event's id comes from the smallest delegation id in it.
    """
    uf = _UnionFind([d["delegation_id"] for d in delegations])
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for d in delegations:
        if d["leader_person_id"]:
            groups[("leader", d["leader_person_id"])].append(d)
        if d["origin_organization_id"] and (d["host_organization_id"] or d["host_place_id"]):
            groups[("route", d["origin_organization_id"], d["host_organization_id"], d["host_place_id"])].append(d)
    for group in groups.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a["document_id"] != b["document_id"] and _dates_compatible(a, b, "visited_on", "visited_on_precision"):
                    uf.union(a["delegation_id"], b["delegation_id"])
    for d in delegations:
        d["event_id"] = make_id("delegation_event", uf.find(d["delegation_id"]))
    return delegations
