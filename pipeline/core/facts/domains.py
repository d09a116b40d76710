"""Fields of cooperation: lexicon phrases mapped to FOS codes, with the matched text and offsets.

Phrases inside organisation names ("Ministry of Science and Technology") are not fields of the
document; phrases inside lab names ("Partner State Key Laboratory of Chirosciences") are.

Broad words ("education", "health", "energy", "mobility") name a field only where the text lists fields: after
a field cue ("cooperation in the fields of", "areas such as", "focusing on"), in one list with a specific field
("agriculture, energy, health and physics"; "mobility, manufacturing, the environment and urban planning"), or
before a field head ("energy cooperation", "rice research"). Elsewhere they are ordinary words ("higher education
institutes", "the rule of law", "student mobility"). A hyphenated form of a compound ("bio-medicine") is the compound. A lexicon
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
def _field_head(rules: Rulebook) -> re.Pattern:
    # a lower-case head right after the broad word: "Engineering Research Center" is a name, not a field
    heads = phrase_alternation(h.lower() for h in rules.rules["domain_field_heads"])
    return re.compile(rf"\s+(?:{heads})\b")


@derived
def _field_cue(rules: Rulebook) -> re.Pattern:
    cues = phrase_alternation(c.lower() for c in rules.rules["domain_field_cues"])
    # the cue, then at most a list of other fields before the broad word: no clause or sentence break
    return re.compile(rf"\b(?:{cues})\s+[^.;:!?()]{{0,90}}$", re.I)


# Between two fields of one list: a comma, "and", "as well as", then perhaps "the" ("health and the environment").
_LIST_JOIN = re.compile(r"^(?:\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+(?:and|&|as\s+well\s+as)\s+)(?:the\s+)?$")


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
    """"Ai", "Law": a short word written as a name is a name (Mayor Ai, Mrs Law), not the field; "IoT", with a
    capital inside, is the acronym."""
    return len(surface) <= 3 and surface.isalpha() and surface[:1].isupper() and surface[1:].islower()


def _name_word(text: str, hit) -> bool:
    """"Marine Science and Engineering Laboratory", "Culture and Tourism Centre": a broad word written with a
    capital inside a sentence is a word of a name; only a field cue before it makes it a field."""
    before = text[max(0, hit.start - 40):hit.start].rstrip()
    return (hit.surface[:1].isupper() and not hit.surface.isupper()
            and bool(before) and before[-1] not in _SENTENCE_OPENERS)


_SENTENCE_OPENERS = ".!?:;\n\"'\u201c\u2018"  # a capital after these opens a sentence, a line or a quotation


def _in_field_list(rules: Rulebook, text: str, hits, n: int, is_broad) -> bool:
    """Whether the broad word at hits[n] stands where the text lists fields: after a field cue in its
    clause, before a field head, or in a list (commas, "and") that holds a specific field."""
    hit = hits[n]
    line_start = max(text.rfind("\n", 0, hit.start) + 1, hit.start - 120)
    if _field_cue(rules).search(text, line_start, hit.start):
        return True
    if _name_word(text, hit):
        return False
    if _field_head(rules).match(text, hit.end):
        return True
    for step in (-1, 1):  # walk the list each way, over other broad words, to a specific field
        k = n
        while 0 <= k + step < len(hits):
            a, b = sorted((hits[k], hits[k + step]), key=lambda h: h.start)
            if not _LIST_JOIN.match(text[a.end:b.start]):
                break
            k += step
            if not is_broad[hits[k].key]:
                return True
    return False


def hits_between(hits: list[DomainHit], start: int, end: int) -> list[DomainHit]:
    return [h for h in hits if start <= h.start and h.end <= end]
