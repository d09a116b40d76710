"""A person's title and the organisation it is held at, read from the words around the person's name:
an apposition after it, a title phrase and a comma before it, or an owner before the title.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.core.entities.document import DocumentEntities
from pipeline.core.entities.gazetteer import longest_run
from pipeline.core.entities.lexicon import POSSESSIVE, Lexicon
from pipeline.core.entities.places import is_acting_place
from pipeline.core.reference import JURISDICTION_TYPES, PlaceRef
from pipeline.core.text import Sentence, Word

_TITLE_OPENERS = {"the", "The", "by", "and", "with", "(", "of"}


def first_title_word(lexicon: Lexicon, words: Sequence[Word], k: int) -> int | None:
    """Index of the first title word of an apposition starting at k ("the", "a", "an", "Singapore's" may come
    first: "Anna Berg, an expert on ...")."""
    while k < len(words) and (words[k].lower in ("the", "a", "an") or words[k].text.endswith(("'s", "’s"))):
        k += 1
    return k if k < len(words) and lexicon.is_title_word(words[k].text) else None


def apposition(ents: DocumentEntities, sent: Sentence, words, j: int) -> tuple[str | None, str | None]:
    """', Deputy Director of Science and Technology Department of Hebei Province' after a name."""
    if j >= len(words) or words[j].text != ",":
        return None, None
    k = first_title_word(ents.lexicon, words, j + 1)
    if k is None:
        return None, None
    owner = [w for w in words[j + 1:k] if w.text.endswith(("'s", "’s"))]  # "Singapore's Senior Minister"
    title_parts = []
    while k < len(words) and words[k].text not in (",", ";", "(") and words[k].lower not in ("of", "for", "at", "in"):
        title_parts.append(words[k])
        k += 1
    if not title_parts or len(title_parts) > 6:
        return None, None
    if owner and k >= len(words) or owner and words[k].lower not in ("of", "for", "at", "in"):
        k = owner[0].i - words[0].i  # the title's organisation is the owner before it
    title = ents.text[title_parts[0].start:title_parts[-1].end]
    seg_end = next((w.end for w in words[k:] if w.text in (",", ";", "(")), sent.end)
    seg_start = words[k].start if k < len(words) else sent.end
    return title, organisation_or_office(ents, title, seg_start, seg_end, seg_start) or \
        government_named_in(ents, seg_start, seg_end)


def organisation_or_office(ents: DocumentEntities, title: str, seg_start: int, seg_end: int,
                           remit_start: int) -> str | None:
    """Where a title is held: the first organisation named between seg_start and seg_end, else the office its
    remit (from remit_start to seg_end) names (`_office_of`); its organisation id, or None."""
    orgs = ents.in_mentions("organization", seg_start, seg_end)
    return orgs[0].entity_id if orgs else _office_of(ents, title, ents.text[remit_start:seg_end], remit_start)


def _office_of(ents: DocumentEntities, title: str, rest: str, rest_start: int) -> str | None:
    """'Minister of Science, Technology and Innovation' -> the document's 'Ministry of Science, Technology
    and Innovation'; 'Secretary for Innovation and Technology' -> its 'Innovation and Technology Bureau'."""
    office = ents.rules.rules["title_offices"].get(title.split()[-1]) if title else None
    m = re.match(r"\s*(of|for)\s+(?:the\s+)?(.+)", rest)
    if office is None or m is None:
        return None
    topic = m.group(2).strip(" ,")
    wanted = (f"{office} of {topic}".lower(), f"{topic} {office}".lower())
    hits = {o.organization_id for o in ents.orgs.values()
            if o.canonical_name.lower().startswith(wanted[0]) or o.canonical_name.lower().startswith(wanted[1])}
    if len(hits) == 1:
        return hits.pop()
    return _named_office(ents, title, office, topic, rest_start + m.start(2)) if not hits else None


_REMIT = re.compile(r"[A-Z][\w'’-]*(?:,?\s+(?:(?:and|of|for|the|&)\s+)*[A-Z][\w'’-]*){0,7}")


def _named_office(ents: DocumentEntities, title: str, office: str, topic: str, offset: int) -> str | None:
    """'Minister of Finance and National Economy' held where the document names no such ministry: the title
    names it (`named_offices`), unless the title is another post ending in the same word ("Prime Minister")
    or the remit is a place ("Minister of State", "Minister of Bahrain")."""
    if office not in ents.rules.rules["named_offices"]:
        return None
    words = title.split()
    if any(w not in ents.rules.title_modifiers for w in words[:-1]):
        return None
    remit = _REMIT.match(topic)
    words = remit.group(0).split() if remit else []
    honorific = next((k for k, w in enumerate(words) if w in ents.lexicon.honorifics or f"{w}." in ents.lexicon.honorifics),
                     len(words))
    name = " ".join(words[:honorific]).rstrip(",")  # "Minister of Education Mr. Yuan": the remit ends before "Mr."
    if not name or words[0] == "State" or ents.namer.place(name) is not None or ents.namer.jurisdiction(name) is not None:
        return None
    org = ents.namer.from_name(f"{office} of {name}", head_word=office)
    if org is None:
        return None
    return ents.add_org(org, offset, offset + len(name)).organization_id


def owner_and_title_before(ents: DocumentEntities, span_start: int, name_start: int) -> tuple[str | None, str | None]:
    """'Anhui Vice Governor Zhao Mingde', 'HFIPS President Liu Jianguo': an organisation or a jurisdiction
    right before the title that opens the person's mention is whom the title is held at."""
    title = " ".join(w for w in ents.text[span_start:name_start].split() if w not in ents.lexicon.honorifics) or None
    if title is None or not ents.lexicon.is_title_word(title.split()[-1]):
        return None, None
    owner = next((m for m in ents.mentions if m.entity_type == "organization" and m.end < span_start
                  and not ents.text[m.end:span_start].strip(" ")), None)
    if owner is not None:
        return title, owner.entity_id
    before = re.search(r"((?:[A-Z][\w'’-]*\s){1,3})$", ents.text[max(0, span_start - 40):span_start])
    if before is None:
        return title, None
    words = before.group(1).split()
    found = longest_run(words, lambda name: _jurisdiction(ents.namer.place(name)), at_start=False)
    if found is None:
        return title, None
    n, place = found
    start = span_start - len(" ".join(words[-n:])) - 1
    return title, ents.add_org(ents.namer.government_of(place), start, span_start - 1).organization_id


def _jurisdiction(place: PlaceRef | None) -> PlaceRef | None:
    return place if place is not None and place.place_type in JURISDICTION_TYPES else None


def _is_secretary_for(phrase) -> bool:
    """'Secretary for Innovation, Technology and Industry': the one title whose object may hold commas."""
    return len(phrase) > 2 and phrase[1].lower == "for"


def title_before_comma(ents: DocumentEntities, words, k: int) -> tuple[str | None, str | None]:
    """'the Secretary for Innovation, Technology and Industry, Professor Raymond Fung', 'the Director of
    the STCSM, Mr Gu Wenbin': a title phrase, then a comma, then the name (gov.hk and Xinhua style)."""
    if k < 2 or words[k - 1].text != ",":
        return None, None
    s = next((s for s in range(k - 2, max(0, k - 14), -1)
              if (words[s - 1].text in _TITLE_OPENERS or POSSESSIVE.search(words[s - 1].text))
              and ents.lexicon.is_title_word(words[s].text)), None)
    if s is None or any(w.text in (",", ";") for w in words[s:k - 1]) and not _is_secretary_for(words[s:k - 1]):
        return None, None
    if POSSESSIVE.search(words[s - 1].text):  # "South Africa's Deputy President, Mr X": the title is held there
        owner = _possessive_owner(ents, words, s - 1)
        return ents.text[words[s].start:words[k - 2].end], owner
    phrase = words[s:k - 1]
    head = next((n for n, w in enumerate(phrase) if w.lower in ("of", "for", "at")), len(phrase))
    title = ents.text[phrase[0].start:phrase[head - 1].end]
    if head == len(phrase):
        return title, None
    seg_start, seg_end = phrase[head].end, phrase[-1].end
    orgs = ents.in_mentions("organization", seg_start, seg_end)
    if orgs:
        return title, orgs[0].entity_id
    if phrase[head].lower == "for":  # "Secretary for X": the X Bureau
        ref = ents.rules.org_by_name.get(ents.text[phrase[head + 1].start:seg_end] + " Bureau") \
            if head + 1 < len(phrase) else None
        if ref is not None:
            org = ents.add_org(ents.namer.from_reference(ref), phrase[head + 1].start, seg_end)
            return title, org.organization_id
        return ents.text[phrase[0].start:seg_end], None
    # "the Minister of Economy and Competitiveness, Luis de Guindos": the ministry the title names, as after a name
    office = _office_of(ents, title, ents.text[phrase[head].start:seg_end], phrase[head].start)
    return title, office or government_named_in(ents, seg_start, seg_end)


def _possessive_owner(ents: DocumentEntities, words, p: int) -> str | None:
    """The organisation, or the government of the jurisdiction, named by the capitalised words ending in the
    possessive word p ("South Africa's", "the University's", "Hubei Province's")."""
    end = words[p].end - 2
    orgs = [m for m in ents.mentions if m.entity_type == "organization" and m.end == end]
    if orgs:
        return orgs[0].entity_id
    k = p
    while k > 0 and p - k < 3 and words[k - 1].is_cap and not words[k - 1].is_punct:
        k -= 1
    names = [w.text for w in words[k:p]] + [ents.text[words[p].start:end]]
    found = longest_run(names, lambda name: _acting(ents.namer.place(name)), at_start=False)
    if found is None:
        return None
    n, place = found
    return ents.add_org(ents.namer.government_of(place), words[p + 1 - n].start, end).organization_id


def _acting(place: PlaceRef | None) -> PlaceRef | None:
    return place if place is not None and is_acting_place(place) else None


def government_named_in(ents: DocumentEntities, start: int, end: int,
                        kinds: tuple[str, ...] | None = None) -> str | None:
    """The government of the first place named between start and end ("Vice Mayor of Shanghai"), when it is of
    one of these kinds (any kind by default), mentioned where the place is named; its organisation id."""
    place = _first_place(ents, start, end)
    if place is None or kinds is not None and place.place_type not in kinds:
        return None
    return ents.add_org(ents.namer.government_of(place), *_place_span(ents, place, start, end)).organization_id


def _first_place(ents: DocumentEntities, start: int, end: int) -> PlaceRef | None:
    """The first place named between start and end: the longest place name opening a run of capitalised words."""
    for m in re.finditer(r"[A-Z][\w'’]*(?: [A-Z][\w'’]*){0,3}", ents.text[start:end]):
        found = longest_run(m.group(0).split(), ents.namer.place, at_start=True)
        if found is not None:
            return found[1]
    return None


def _place_span(ents: DocumentEntities, place: PlaceRef, start: int, end: int) -> tuple[int, int]:
    """Where between start and end a place is named (its longest name, with "Province", "Municipality" or
    "City" after it); the whole range when it is not."""
    seg = ents.text[start:end]
    for name in sorted((place.name, *place.aliases), key=len, reverse=True):
        k = seg.find(name)
        if k >= 0:
            stop = k + len(name)
            tail = re.match(r" (Province|Municipality|City)\b", seg[stop:])
            return start + k, start + stop + (tail.end() if tail else 0)
    return start, end
