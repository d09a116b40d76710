"""Fields of cooperation: lexicon phrases mapped to FOS codes, with the matched text and offsets.

Phrases inside organisation names ("Ministry of Science and Technology") are not fields of the
document; phrases inside lab names ("Partner State Key Laboratory of Chirosciences") are.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.core.entities.gazetteer import domain_gazetteer
from pipeline.core.facts.context import DocContext


@dataclass(frozen=True)
class DomainHit:
    domain_id: str
    matched_text: str
    start: int
    end: int


def extract_domains(ctx: DocContext, doc: Doc) -> list[DomainHit]:
    gz, codes = domain_gazetteer()
    out, seen = [], set()
    for hit in gz.find(doc):
        if ctx.ents.covered(hit.start, hit.end, ("organization", "person", "place")):
            continue
        key = (codes[hit.key], hit.surface.lower())
        if key in seen:
            continue
        seen.add(key)
        out.append(DomainHit(codes[hit.key], hit.surface, hit.start, hit.end))
    return out


def hits_between(hits: list[DomainHit], start: int, end: int) -> list[DomainHit]:
    return [h for h in hits if start <= h.start and h.end <= end]
