"""Per-document extraction: one cleaned document in, rows for the contract tables out.

A pure function of the document and the reference data, so its result can be cached by
(content hash, pipeline version) and run anywhere. Ids in the rows are final: they are minted
from canonical content keys, so the same organisation gets the same id in every document and the
corpus-wide step only merges duplicates and groups events.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pipeline.core.entities.model import Org
from pipeline.core.entities.recognise import recognise
from pipeline.core.facts.agreements import Agreement, extract_agreements
from pipeline.core.facts.context import DocContext, gated_regex, kind_regexes
from pipeline.core.facts.delegations import extract_delegations
from pipeline.core.facts.domains import DomainHit, extract_domains, hits_between
from pipeline.core.facts.labs import extract_labs
from pipeline.core.ids import make_id
from pipeline.core.records import IngestedDocument, Rejection
from pipeline.core.text import blank_pipeline, sentences
from schemas import PER_DOCUMENT_TABLES

# Longer documents are extracted in sections of at most this many characters, cut between
# paragraphs: the per-document work grows faster than linearly with length (every sentence is
# compared with the facts before it), and spaCy refuses texts over a million characters. No
# article of the genre comes near it; a whole book or a scraped archive page does.
SECTION_CHARS = 100_000
_CUTS = ("\n\n", "\n", ". ", " ")
_OFFSET_COLUMNS = {"agreements": ("evidence_start", "evidence_end"), "delegations": ("evidence_start", "evidence_end"),
                   "lab_mentions": ("evidence_start", "evidence_end"),
                   "document_domains": ("evidence_start", "evidence_end"), "mentions": ("start", "end")}
_EVENT_TABLES = {"agreements": "agreement_id", "delegations": "delegation_id"}  # ids minted from offsets
_AGREEMENT_CHILDREN = ("agreement_parties", "agreement_signatories", "agreement_activities", "agreement_domains")
_ENTITY_KEYS = {"organizations": "organization_id", "people": "person_id", "places": "place_id"}
_FOLLOW_UP_PHRASES = ("agreement", "agreed", "both parties", "both sides", "the two sides", "partnership", "memorandum",
                      "under the", "in accordance", "will")
_FOLLOW_UP = gated_regex(re.compile(rf"\b({'|'.join(_FOLLOW_UP_PHRASES)})\b", re.I), _FOLLOW_UP_PHRASES)


@dataclass
class DocumentExtraction:
    document_id: str
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {t: [] for t in PER_DOCUMENT_TABLES})
    rejections: list[Rejection] = field(default_factory=list)


def extract_document(doc: IngestedDocument) -> DocumentExtraction:
    """Recognise entities and facts in one document and return them as contract rows."""
    if len(doc.clean_text) <= SECTION_CHARS:
        return _extract_text(doc.document_id, doc.clean_text, doc.published_on)
    out = DocumentExtraction(document_id=doc.document_id)
    for start, end in sections(doc.clean_text, SECTION_CHARS):
        part = _extract_text(doc.document_id, doc.clean_text[start:end], doc.published_on)
        _merge_section(out, part, start)
    return out


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


def _merge_section(out: DocumentExtraction, part: DocumentExtraction, base: int) -> None:
    """Add one section's rows to the document's: offsets moved to the whole text, event ids made
    unique across sections, entities a section repeats kept once."""
    rows = part.rows
    for table, columns in _OFFSET_COLUMNS.items():
        for row in rows[table]:
            for column in columns:
                row[column] += base
    renamed: dict[str, str] = {}
    for table, key in _EVENT_TABLES.items():
        for row in rows[table]:
            new_id = make_id(key, "section", base, row[key]) if base else row[key]
            renamed[row[key]] = new_id
            row[key] = row["event_id"] = new_id
    for table in _AGREEMENT_CHILDREN:
        for row in rows[table]:
            row["agreement_id"] = renamed.get(row["agreement_id"], row["agreement_id"])
    for table, items in rows.items():
        key = _ENTITY_KEYS.get(table)
        if key:
            known = {row[key] for row in out.rows[table]}
            items = [row for row in items if row[key] not in known]
        elif table in ("organization_aliases", "person_affiliations"):
            known = {tuple(sorted(row.items())) for row in out.rows[table]}
            items = [row for row in items if tuple(sorted(row.items())) not in known]
        out.rows[table].extend(items)
    out.rejections.extend(part.rejections)


def _extract_text(document_id: str, text: str, published_on) -> DocumentExtraction:
    out = DocumentExtraction(document_id=document_id)
    if not text.strip():
        return out
    sdoc = blank_pipeline()(text)
    sents = sentences(text, sdoc)
    ents = recognise(text, sdoc, sents)
    ctx = DocContext(document_id, text, sents, ents, published_on)
    agreements = extract_agreements(ctx)
    delegations = extract_delegations(ctx)
    labs = extract_labs(ctx)
    domains = extract_domains(ctx, sdoc)
    person_ids = _mint_person_ids(ctx)
    rows = out.rows
    _agreement_rows(ctx, agreements, domains, person_ids, rows)
    _delegation_rows(ctx, delegations, person_ids, rows)
    _lab_rows(ctx, labs, domains, person_ids, rows)
    for h in domains:
        rows["document_domains"].append({"document_id": document_id, "domain_id": h.domain_id,
                                         "matched_text": h.matched_text, "evidence_start": h.start,
                                         "evidence_end": h.end})
    _entity_rows(ctx, person_ids, rows)
    return out


def _mint_person_ids(ctx: DocContext) -> dict[str, str]:
    """People merge across documents only when name and affiliation agree."""
    ids = {}
    for key, p in ctx.ents.people.items():
        org, _ = ctx.affiliation(key)
        p.person_id = make_id("person", key, org or "")
        ids[key] = p.person_id
    return ids


def _evidence(ctx: DocContext, sent) -> dict[str, Any]:
    return {"evidence": ctx.text[sent.start:sent.end], "evidence_start": sent.start, "evidence_end": sent.end}


def _followers(ctx: DocContext, agreements: list[Agreement]) -> dict[int, list]:
    """Sentences after an agreement that say what it covers ("Under the agreement, both parties will ...")."""
    starts = sorted({a.sentence.start for a in agreements})
    out: dict[int, list] = {s: [] for s in starts}
    for sent in ctx.sentences:
        owner = max((s for s in starts if s <= sent.start), default=None)
        if owner is not None and (sent.start == owner or _FOLLOW_UP.search(sent.text)):
            out[owner].append(sent)
    return out


def _agreement_rows(ctx, agreements: list[Agreement], domains: list[DomainHit], person_ids, rows) -> None:
    followers = _followers(ctx, agreements)
    any_activity, activity_rx = kind_regexes("activities")
    siblings: dict[int, int] = {}
    for a in agreements:
        n = siblings[a.sentence.start] = siblings.get(a.sentence.start, -1) + 1
        aid = make_id("agreement", ctx.document_id, a.sentence.start, a.sentence.end, n)
        rows["agreements"].append({
            "agreement_id": aid, "event_id": aid, "document_id": ctx.document_id,
            "agreement_type": a.agreement_type, "title": a.title,
            "signed_on": a.date.date if a.date else None,
            "signed_on_precision": a.date.precision if a.date else "unknown",
            "place_id": a.place, "status": a.status, **_evidence(ctx, a.sentence), "confidence": a.confidence,
        })
        for org in a.parties:
            rows["agreement_parties"].append({"agreement_id": aid, "organization_id": org})
        for role, people in (("signatory", a.signatories), ("witness", a.witnesses)):
            for key, org, title in people:
                if key in person_ids:
                    rows["agreement_signatories"].append({"agreement_id": aid, "person_id": person_ids[key],
                                                          "organization_id": org, "title": title, "role": role})
        # listed instruments own only their own clause; a headline agreement owns what follows it
        scope = [a.sentence] if a.group is not None else (followers.get(a.sentence.start) or [a.sentence])
        seen = set()
        for sent in scope:
            for activity, rx in (activity_rx.items() if any_activity.search(sent.text) else ()):
                m = rx.search(sent.text)
                if m and activity not in seen:
                    seen.add(activity)
                    rows["agreement_activities"].append({"agreement_id": aid, "activity": activity,
                                                         "evidence": m.group(0)})
            for h in hits_between(domains, sent.start, sent.end):
                if (aid, h.domain_id) not in seen:
                    seen.add((aid, h.domain_id))
                    rows["agreement_domains"].append({"agreement_id": aid, "domain_id": h.domain_id,
                                                      "matched_text": h.matched_text})


def _delegation_rows(ctx, delegations, person_ids, rows) -> None:
    for d in delegations:
        did = make_id("delegation", ctx.document_id, d.sentence.start, d.sentence.end)
        rows["delegations"].append({
            "delegation_id": did, "event_id": did, "document_id": ctx.document_id,
            "leader_person_id": person_ids.get(d.leader) if d.leader else None, "leader_title": d.leader_title,
            "origin_organization_id": d.origin_org, "origin_place_id": d.origin_place,
            "host_organization_id": d.host_org, "host_place_id": d.host_place,
            "member_count": d.member_count, "member_count_max": d.member_count_max,
            "visited_on": d.date.date if d.date else None,
            "visited_on_precision": d.date.precision if d.date else "unknown",
            "purpose": d.purpose, "status": d.status, **_evidence(ctx, d.sentence), "confidence": d.confidence,
        })


def _lab_rows(ctx, labs, domains, person_ids, rows) -> None:
    for lab in labs:
        rows["labs"].append({"lab_id": lab.lab_id, "name": lab.name, "lab_type": lab.lab_type,
                             "host_organization_id": lab.host,
                             "director_person_id": person_ids.get(lab.director) if lab.director else None,
                             "established_year": lab.established_year, "status": lab.status})
        seen_sent, seen_dom = set(), set()
        for sent, start, end in lab.mentions:
            if sent.start not in seen_sent:
                seen_sent.add(sent.start)
                rows["lab_mentions"].append({"lab_id": lab.lab_id, "document_id": ctx.document_id,
                                             **_evidence(ctx, sent)})
            for h in hits_between(domains, start, end):
                if h.domain_id not in seen_dom:
                    seen_dom.add(h.domain_id)
                    rows["lab_domains"].append({"lab_id": lab.lab_id, "domain_id": h.domain_id,
                                                "matched_text": h.matched_text})


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
    for m in ents.mentions:
        entity_id = person_ids.get(m.entity_id) if m.entity_type == "person" else m.entity_id
        if not entity_id or (m.entity_type, entity_id, m.start, m.end) in seen:
            continue
        seen.add((m.entity_type, entity_id, m.start, m.end))
        rows["mentions"].append({"document_id": ctx.document_id, "entity_type": m.entity_type,
                                 "entity_id": entity_id, "surface": m.surface, "start": m.start, "end": m.end})
