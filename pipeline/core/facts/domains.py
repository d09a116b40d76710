"""Fields of cooperation: lexicon phrases mapped to FOS codes, with the matched text and offsets.

Phrases inside organisation names ("Ministry of Science and Technology") are not fields of the
document; phrases inside lab names ("Partner State Key Laboratory of Chirosciences") are.

Broad words ("education", "health", "law", "management") name a field only where the text lists fields:
after a field cue ("cooperation in the fields of", "areas such as", "focusing on") or beside another field
in one list ("agriculture, energy, health and physics"). Elsewhere they are ordinary words ("higher education
institutes", "the rule of law"). A hyphenated form of a compound ("bio-medicine") is the compound. A lexicon
word of two or three letters written as a name ("Ai", "Law") is a name, not the field ("AI", "law").
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.core.entities.gazetteer import Gazetteer
from pipeline.core.facts.context import DocContext
from pipeline.core.phrases import phrase_alternation
from pipeline.core.reference import Rulebook, derived


@dataclass(frozen=True)
class DomainHit:
    domain_id: str
    matched_text: str
    start: int
    end: int


@derived
def _gazetteer(rules: Rulebook) -> tuple[Gazetteer, list[str], list[bool]]:
    """The lexicon, each compound also in its hyphenated form ("biomedicine" and "bio-medicine"), with
    the code and whether the phrase is a broad word for every key."""
    lexicon = rules.domain_lexicon
    forms = sorted(rules.rules["domain_combining_forms"], key=len, reverse=True)
    broad = {p.lower() for p in rules.rules["domain_broad_phrases"]}
    phrases, codes, is_broad = [], [], []
    for phrase, code in lexicon.items():
        variants = [phrase]
        for form in forms:
            if phrase.startswith(form) and len(phrase) > len(form) + 2 and phrase[len(form)].isalpha():
                variants.append(f"{form}-{phrase[len(form):]}")
                break
        for v in variants:
            if v not in lexicon or v == phrase:
                phrases.append((v, len(codes)))
                codes.append(code)
                is_broad.append(phrase in broad)
    return Gazetteer(phrases), codes, is_broad


@derived
def _field_cue(rules: Rulebook) -> re.Pattern:
    cues = phrase_alternation(c.lower() for c in rules.rules["domain_field_cues"])
    # the cue, then at most a list of other fields before the broad word: no clause or sentence break
    return re.compile(rf"\b(?:{cues})\s+[^.;:!?()]{{0,90}}$", re.I)


# Between two fields of one list: a comma, "and", "as well as", a few words of the other field.
_LIST_JOIN = re.compile(r"^(?:\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+(?:and|&|as\s+well\s+as)\s+)$")


def extract_domains(ctx: DocContext, doc: Doc) -> list[DomainHit]:
    gz, codes, is_broad = _gazetteer(ctx.rules)
    out, seen = [], set()
    covered = _coverage(ctx.ents.mentions, ("organization", "person", "place"))
    in_lab = _coverage(ctx.ents.mentions, ("lab",))  # a lab's name names its field, whatever else it was taken for
    hits = [h for h in gz.find(doc) if (not covered(h.start, h.end) or in_lab(h.start, h.end))
            and not _lowercase_acronym(h.surface) and not _compound_tail(ctx.text, h.start)]
    for n, hit in enumerate(hits):
        if is_broad[hit.key] and not _in_field_list(ctx.rules, ctx.text, hits, n, is_broad):
            continue
        key = (codes[hit.key], hit.surface.lower())
        if key in seen:
            continue
        seen.add(key)
        out.append(DomainHit(codes[hit.key], hit.surface, hit.start, hit.end))
    return out


def _coverage(mentions, types: tuple[str, ...]):
    """`DocumentEntities.covered` for many spans of one unchanged list of mentions: whether a mention of
    these types overlaps [start, end), by bisection instead of a scan of every mention per span."""
    spans = sorted((m.start, m.end) for m in mentions if m.entity_type in types)
    starts = [s for s, _ in spans]
    furthest = list(itertools.accumulate((e for _, e in spans), max))  # the latest end among the first k+1

    def covered(start: int, end: int) -> bool:
        k = bisect.bisect_left(starts, end)  # spans[:k] start before `end`
        return k > 0 and furthest[k - 1] > start
    return covered


# "blue-chip": a field word that ends a hyphenated compound of ordinary words is part of that word
_COMPOUND_TAIL = re.compile(r"(?<![\w-])[a-z]{2,}-$")


def _compound_tail(text: str, end: int) -> bool:
    """Whether the text before `end` ends a hyphenated compound ("blue-"). The match holds no space, so it is
    searched for after the last space only: from the start of the text, every hit scanned the whole document."""
    return _COMPOUND_TAIL.search(text, max(0, text.rfind(" ", 0, end)), end) is not None


def _lowercase_acronym(surface: str) -> bool:
    """"Ai", "Law": a short word written as a name is a name (Mayor Ai, Mrs Law), not the field."""
    return len(surface) <= 3 and surface.isalpha() and surface[:1].isupper() and not surface.isupper()


def _in_field_list(rules: Rulebook, text: str, hits, n: int, is_broad) -> bool:
    """Whether the broad word at hits[n] stands where the text lists fields: after a field cue in its
    clause, or joined by a comma or "and" to a specific field."""
    hit = hits[n]
    line_start = max(text.rfind("\n", 0, hit.start) + 1, hit.start - 120)
    if _field_cue(rules).search(text, line_start, hit.start):
        return True
    for other in (hits[n - 1] if n else None, hits[n + 1] if n + 1 < len(hits) else None):
        if other is None or is_broad[other.key]:
            continue
        gap = text[other.end:hit.start] if other.end <= hit.start else text[hit.end:other.start]
        if _LIST_JOIN.match(gap):
            return True
    return False


def hits_between(hits: list[DomainHit], start: int, end: int) -> list[DomainHit]:
    return [h for h in hits if start <= h.start and h.end <= end]
