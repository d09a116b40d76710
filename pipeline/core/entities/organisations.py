"""Organisation passes: reference names (and foreign bodies of the same generic name), diplomatic missions,
governments written in lower case or in the plural, and short forms of longer 
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from pipeline.core.entities.document import DocumentEntities
from pipeline.core.entities.gazetteer import org_gazetteer
from pipeline.core.entities.lexicon import STATE_TYPES
from pipeline.core.entities.model import Mention, Org
from pipeline.core.entities.orgs import OrgNamer, org_id_for
from pipeline.core.entities.people import is_pinyin_given, is_surname
from pipeline.core.reference import JURISDICTION_TYPES


def reference_orgs(ents: DocumentEntities, doc: Doc, namer: OrgNamer) -> None:
    gz, rows = org_gazetteer()
    for hit in gz.find(doc):
        ref = rows[hit.key]
        if hit.surface.isupper() and (given := _SURNAME_FIRST.match(hit.surface + ents.text[hit.end:hit.end + 16])) \
                and is_surname(hit.surface) and is_pinyin_given(given.group(1)):
            continue  # "LU Xin", "HE Jun": a family name in capitals before its given name, not an acronym
        foreign = _foreign_counterpart(ents.text, hit.start, hit.end, ref, namer) \
            if ref.org_type in STATE_TYPES and ref.country_code else None
        if foreign is not None:  # "Lao Ministry of Science and Technology": not China's ministry of that name
            ents.add_org(*foreign)
            continue
        ents.add_org(namer.from_reference(ref), hit.start, hit.end)


_SURNAME_FIRST = re.compile(r"[A-Z]{2,4} ([A-Z][a-z]+(?:-[a-z]+)?)\b")


_OWNER_BEFORE = re.compile(r"(?:(?<=\s)|^)((?:the\s+)?(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*?(?:['’]s?)?)\s+$")


_COUNTRY_AFTER = re.compile(r"\s+of\s+((?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})")


def _foreign_counterpart(text: str, start: int, end: int, ref, namer: OrgNamer) -> tuple[Org, int, int] | None:
    """A state body the reference data knows under its generic name ("Ministry of Science and Technology",
    China's), written with another country before it ("Lao ...", "Singapore's ...", "South African ...") or
    after it ("... of Laos"): that country's own body, named as written, under that country's government.
    Returns the organisation and the offsets of the whole name, or None."""
    found = None
    before = _OWNER_BEFORE.search(text, max(0, start - 40), start)
    if before is not None:
        words = list(re.finditer(r"\S+", text[before.start(1):before.end(1)]))
        for k in range(len(words)):  # the longest country phrase that ends right before the name
            code = namer.country_code(" ".join(w.group(0) for w in words[k:]))
            if code:
                found = (code, before.start(1) + words[k].start(), end)
                break
    if found is None:
        after = _COUNTRY_AFTER.match(text, end)
        if after is not None:
            words = list(re.finditer(r"\S+", after.group(1)))
            for k in range(len(words), 0, -1):
                code = namer.country_code(" ".join(w.group(0) for w in words[:k]))
                if code:
                    found = (code, start, after.start(1) + words[k - 1].end())
                    break
    if found is None or found[0] == ref.country_code:
        return None
    code, s, e = found
    if text.startswith("the ", s):
        s += 4
    name = text[s:e]
    country = namer.country_place(code)
    gov = namer.government_of(country) if country is not None and ref.org_type != "government" else None
    org = Org(org_id_for(name), name, ref.org_type, None, None, code, gov.organization_id if gov else None, parent=gov)
    org.aliases[name] = "corpus"
    return org, s, e


_CAP_RUN = r"[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*){0,5}"


_MISSION = re.compile(rf"(?:\b((?:[A-Z][\w-]+\s+)?[A-Z][\w-]+)\s+)?\b(Embassy|Consulate(?:[- ]General)?)\b"
                      rf"(?:\s+of\s+(?:the\s+)?({_CAP_RUN}))?(?:\s+(?:in|to)\s+(?:the\s+)?({_CAP_RUN}))?")


def missions(ents: DocumentEntities, namer: OrgNamer) -> None:
    """'the Chinese Embassy in Laos', 'the Embassy of Hungary in Beijing', 'the French Consulate General in
    Shanghai': a country's mission, named as written, under that country's government. The owner must be a
    country (a demonym before, or 'of' a country after); the place it is in may follow."""
    if "Embassy" not in ents.text and "Consulate" not in ents.text:
        return
    for m in _MISSION.finditer(ents.text):
        start, end, code = m.start(2), m.end(2), None
        if m.group(1):
            words = list(re.finditer(r"\S+", m.group(1)))
            for k in range(len(words)):
                code = namer.country_code(" ".join(w.group(0) for w in words[k:]))
                if code:
                    start = m.start(1) + words[k].start()
                    break
        for g in (3, 4):
            if not m.group(g) or (g == 3 and code):
                continue
            found = _longest_prefix(m.group(g), lambda t: namer.country_code(t) if g == 3 else namer.place(t))
            if found is None:
                break
            if g == 3:
                code = found[1]
            end = m.start(g) + found[0]
        if code is None or ents.covered(start, end, ("organization",)):
            continue
        name = ents.text[start:end]
        country = namer.country_place(code)
        gov = namer.government_of(country) if country is not None else None
        org = Org(org_id_for(name), name, "government_department", None, None, code,
                  gov.organization_id if gov else None, parent=gov)
        org.aliases[name] = "corpus"
        ents.add_org(org, start, end)


def _longest_prefix(phrase: str, lookup) -> tuple[int, object] | None:
    """(length, what `lookup` gives) for the longest run of leading words of `phrase` it knows."""
    words = list(re.finditer(r"\S+", phrase))
    for k in range(len(words), 0, -1):
        text = phrase[:words[k - 1].end()]
        for t in (text, text[:-1]) if text.endswith(".") else (text,):  # "Hungary." ends a sentence; "U.S." not
            hit = lookup(t)
            if hit:
                return len(t), hit
    return None


def lowercase_governments(ents: DocumentEntities, namer: OrgNamer) -> None:
    """'the Langfang city government', 'the Sichuan provincial government'."""
    for m in re.finditer(r"\b([A-Z][\w'’]+(?: [A-Z][\w'’]+)*) (city|municipal|provincial|county|district) "
                         r"(?:people's )?government\b", ents.text):
        if ents.covered(m.start(), m.end(), ("organization",)):
            continue
        place = namer.place(m.group(1))
        if place:
            ents.add_org(namer.government_of(place), m.start(), m.end())


_GOVERNMENTS_OF = re.compile(r"\b(?:(?:Municipal|Provincial|City|District|County)\s+)?(?:People['’]s\s+)?Governments\s+of\s+")


_LISTED_NAME = re.compile(r"([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)(\s*,\s*(?:and\s+)?|\s+and\s+)?")


def plural_governments(ents: DocumentEntities, namer: OrgNamer) -> None:
    """'the Municipal People's Governments of Wuxi, Hangzhou and Wenzhou': one government per place listed."""
    if "Governments" not in ents.text:
        return
    for g in _GOVERNMENTS_OF.finditer(ents.text):
        pos = g.end()
        while True:
            m = _LISTED_NAME.match(ents.text, pos)
            if m is None:
                break
            place = namer.place(m.group(1))
            if place is None or place.place_type not in JURISDICTION_TYPES:
                break
            if not ents.covered(m.start(1), m.end(1), ("organization",)):
                ents.add_org(namer.government_of(place), m.start(1), m.end(1))
            if not m.group(2):
                break
            pos = m.end()


def short_forms(ents: DocumentEntities) -> None:
    """'the Polytechnic Institute' after 'Polytechnic Institute of Zhejiang University': a name-shaped
    organisation that is the head of exactly one longer name in the document is that organisation."""
    for short in list(ents.orgs.values()):
        if set(short.aliases.values()) != {"corpus"}:
            continue
        longer = [o for o in ents.orgs.values() if o is not short
                  and o.canonical_name.startswith((short.canonical_name + " of ", short.canonical_name + " for "))]
        if len(longer) != 1:
            continue
        target = longer[0]
        for alias in short.aliases:
            target.aliases.setdefault(alias, "corpus")
        ents.mentions = [Mention("organization", target.organization_id, m.surface, m.start, m.end)
                         if m.entity_type == "organization" and m.entity_id == short.organization_id else m
                         for m in ents.mentions]
        del ents.orgs[short.organization_id]
