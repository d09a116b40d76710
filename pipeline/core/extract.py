"""Per-document extraction: one cleaned document in, rows for the contract tables out.

A pure function of the document and the reference data, so its result can be cached by
(content hash, pipeline version) and run anywhere. Ids in the rows are final: they are minted
from canonical content keys, so the same organisation gets the same id in every document and the
corpus-wide step only merges duplicates and groups events.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pipeline.core.entities.document import DocumentEntities
from pipeline.core.entities.model import Mention, Org
from pipeline.core.entities.recognise import recognise
from pipeline.core.facts.context import DocContext
from pipeline.core.ids import make_id
from pipeline.core.kinds.base import FactKind, Found, kind_tables
from pipeline.core.kinds.registry import FACT_KINDS, catalog_for
from pipeline.core.records import IngestedDocument, Rejection
from pipeline.core.reference import Rulebook
from pipeline.core.text import blank_pipeline, sentences
from schemas import CATALOG, EVIDENCE_TABLES, SURFACE_OFFSETS

# The entity tables one document's extraction fills (the fact kinds add theirs): declared in their models.
ENTITY_TABLES = tuple(t for t in CATALOG.per_document_tables if CATALOG.groups[t] == "entities")
# Longer documents are extracted in sections of at most this many characters, cut between
# paragraphs: the per-document work grows faster than linearly with length (every sentence is
# compared with the facts before it), and spaCy refuses texts over a million characters. No
# article of the genre comes near it; a whole book or a scraped archive page does.
SECTION_CHARS = 100_000
_CUTS = ("\n\n", "\n", ". ", " ")
# Offsets into the text, moved when a section's rows join the whole document's.
_OFFSET_COLUMNS = {table: columns[1:] for table, columns in {**EVIDENCE_TABLES, **SURFACE_OFFSETS}.items()}
_ENTITY_KEYS = {"organizations": "organization_id", "people": "person_id", "places": "place_id"}


def per_document_tables(kinds: tuple[FactKind, ...] = FACT_KINDS) -> tuple[str, ...]:
    """The tables one document's extraction fills: the entities', then each kind's."""
    return ENTITY_TABLES + kind_tables(kinds)


def stored_tables(kinds: tuple[FactKind, ...] = FACT_KINDS) -> dict[str, dict[str, str]]:
    """Each table one document's extraction fills, with its columns' DuckDB types: what the per-document
    store (pipeline/core/document_store.py) keeps of an extraction."""
    columns = catalog_for(kinds).columns
    return {table: dict(columns[table]) for table in per_document_tables(kinds)}


@dataclass
class DocumentExtraction:
    document_id: str
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {t: [] for t in per_document_tables()})
    rejections: list[Rejection] = field(default_factory=list)


def extract_document(doc: IngestedDocument, rules: Rulebook,
                     kinds: tuple[FactKind, ...] = FACT_KINDS) -> DocumentExtraction:
    """Recognise entities and the facts of each kind in one document, by these rules, as contract rows."""
    if len(doc.clean_text) <= SECTION_CHARS:
        return _extract_text(doc, doc.clean_text, rules, kinds)
    out = _empty(doc.document_id, kinds)
    for start, end in sections(doc.clean_text, SECTION_CHARS):
        part = _extract_text(doc, doc.clean_text[start:end], rules, kinds)
        _merge_section(out, part, start, kinds)
    return out


def latest_day(date: dt.date | None, precision: str) -> dt.date | None:
    """The last day a publication date known to the month or the year may be (the day itself when known): the
    extraction reads a fact dated after it as ahead of the article, and "On 13 June" in a page dated June (its
    URL's "/2019/06/") is not."""
    if date is not None and precision == "year":
        return dt.date(date.year, 12, 31)
    if date is not None and precision == "month":
        return dt.date(date.year + date.month // 12, date.month % 12 + 1, 1) - dt.timedelta(days=1)
    return date


def _empty(document_id: str, kinds: tuple[FactKind, ...]) -> DocumentExtraction:
    return DocumentExtraction(document_id, {t: [] for t in per_document_tables(kinds)})


def sections(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) spans covering `text`, each at most `limit` long, cut after a paragraph break
    where there is one (else a line break, a full stop, a space; else anywhere)."""
    spans, start = [], 0
    while len(text) - start > limit:
        at = ((text.rfind(mark, start + 1, start + limit), mark) for mark in _CUTS)
        cut = next((i - start + len(mark) for i, mark in at if i > start), limit)
        spans.append((start, start + cut))
        start += cut
    spans.append((start, len(text)))
    return spans


def _merge_section(out: DocumentExtraction, part: DocumentExtraction, base: int, kinds: tuple[FactKind, ...]) -> None:
    """Add one section's rows to the document's: offsets moved to the whole text, event ids made
    unique across sections, entities a section repeats kept once."""
    rows = part.rows
    for table, columns in _OFFSET_COLUMNS.items():
        for row in rows.get(table, ()):
            for column in columns:
                row[column] += base
    if base:
        for kind in kinds:
            if kind.event_key:
                _renumber_events(rows, kind, base)
    for table, items in rows.items():
        out.rows[table].extend(_new_entities(out.rows[table], table, items))
    out.rejections.extend(part.rejections)


def _renumber_events(rows: dict[str, list[dict[str, Any]]], kind: FactKind, base: int) -> None:
    """Ids minted from offsets within a section, re-minted with the section's start in every table of the kind."""
    key, main = kind.event_key, kind.tables[0]
    renamed = {row[key]: make_id(key, "section", base, row[key]) for row in rows[main]}
    for row in rows[main]:
        row[key] = row["event_id"] = renamed[row[key]]
    for table in kind.tables[1:]:
        for row in rows[table]:
            if key in row:
                row[key] = renamed.get(row[key], row[key])


def _new_entities(known_rows: list[dict[str, Any]], table: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows of a section that an earlier section has not given already (entities and their aliases
    and affiliations; fact rows are all new)."""
    key = _ENTITY_KEYS.get(table)
    if key:
        known = {row[key] for row in known_rows}
        return [row for row in items if row[key] not in known]
    if table in ("organization_aliases", "person_affiliations"):
        known = {tuple(sorted(row.items())) for row in known_rows}
        return [row for row in items if tuple(sorted(row.items())) not in known]
    return items


def _extract_text(doc: IngestedDocument, text: str, rules: Rulebook,
                  kinds: tuple[FactKind, ...]) -> DocumentExtraction:
    """The rows of `text` (the document's text or a section of it), dated against the document's publication."""
    out = _empty(doc.document_id, kinds)
    if not text.strip():
        return out
    sdoc = blank_pipeline()(text)
    sents = sentences(text, sdoc)
    ents = recognise(text, sdoc, sents, rules)
    ctx = DocContext(doc.document_id, text, sents, ents, latest_day(doc.published_on, doc.published_on_precision),
                     rules, doc.published_on_precision)
    facts = {}
    for kind in kinds:  # each kind adds entities to its own copy; the next starts from what it left
        ctx = ctx.forked()
        facts[kind.name] = kind.extract(ctx, sdoc)
    found = Found(ctx, facts, _mint_person_ids(ctx))
    for kind in kinds:
        for table, items in kind.rows(found).items():
            out.rows[table].extend(items)
    _entity_rows(ctx, found.person_ids, out.rows)
    return out


def _mint_person_ids(ctx: DocContext) -> dict[str, str]:
    """People merge across documents only when name and affiliation agree."""
    return {key: make_id("person", key, ctx.affiliation(key)[0] or "") for key in ctx.ents.people}


def _entity_rows(ctx: DocContext, person_ids: dict[str, str], rows) -> None:
    ents = ctx.ents
    orgs: dict[str, Org] = {}
    for org in list(ents.orgs.values()):
        o = org
        while o is not None and o.organization_id not in orgs:
            orgs[o.organization_id] = o
            o = o.parent
    for org in orgs.values():
        rows["organizations"].append({
            "organization_id": org.organization_id, "canonical_name": org.canonical_name, "acronym": org.acronym,
            "org_type": org.org_type, "region_code": org.region_code, "country_code": org.country_code,
            "parent_organization_id": org.parent_organization_id, "ror_id": None, "wikidata_id": None})
        for alias, source in sorted(org.aliases.items()):
            rows["organization_aliases"].append({"organization_id": org.organization_id, "alias": alias,
                                                 "source": source})
    for key, p in ents.people.items():
        rows["people"].append({"person_id": person_ids[key], "full_name": p.full_name,
                               "family_name": p.family_name, "given_name": p.given_name})
        for org, title in dict.fromkeys(p.affiliations):
            rows["person_affiliations"].append({"person_id": person_ids[key], "organization_id": org,
                                                "title": title, "document_id": ctx.document_id})
    for place in ents.places.values():
        rows["places"].append({"place_id": place.place_id, "name": place.name, "place_type": place.place_type,
                               "region_code": place.region_code, "country_code": place.country_code,
                               "parent_place_id": place.parent_place_id})
    seen = set()
    for m in [*ents.mentions, *_parents_named_inside(ents)]:
        entity_id = person_ids.get(m.entity_id) if m.entity_type == "person" else m.entity_id
        if not entity_id or (m.entity_type, entity_id, m.start, m.end) in seen:
            continue
        seen.add((m.entity_type, entity_id, m.start, m.end))
        rows["mentions"].append({"document_id": ctx.document_id, "entity_type": m.entity_type,
                                 "entity_id": entity_id, "surface": m.surface, "start": m.start, "end": m.end})


def _parents_named_inside(ents: DocumentEntities) -> list[Mention]:
    """'Institute of Chemistry, Chinese Academy of Sciences': the body a unit belongs to, named inside the unit's
    name, is mentioned there too (for search and for counting the documents that name it); the facts were read
    with the unit alone."""
    out = []
    for m in ents.mentions:
        org = ents.orgs.get(m.entity_id) if m.entity_type == "organization" else None
        parent = org.parent if org is not None else None
        while parent is not None:
            at = m.surface.find(parent.canonical_name)
            if at > 0:
                out.append(Mention("organization", parent.organization_id, parent.canonical_name, m.start + at,
                                   m.start + at + len(parent.canonical_name)))
            parent = parent.parent
    return out
