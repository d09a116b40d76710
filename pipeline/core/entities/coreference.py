"""Definite descriptions ("the University", "the ministry", "the province") that refer back to an organisation."""
from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.core.entities.document import DocumentEntities
from pipeline.core.entities.model import Mention
from pipeline.core.reference import Rulebook, derived

_JURISDICTION_OF = {"the province": ("province",), "the provincial government": ("province",),
                    "the city": ("city", "municipality"), "the municipal government": ("city", "municipality"),
                    "the city government": ("city", "municipality"), "the region": ("province",
                                                                                     "special_administrative_region"),
                    "the district government": ("district",)}


# Where a description of the "the" form may begin: "the" or "The" opening a word, and a space.
_THE = re.compile(r"[Tt](?<![\w][Tt])he ")


@derived
def _description_patterns(rules: Rulebook) -> list[tuple[str, re.Pattern, tuple[str, ...], bool]]:
    """One pattern per kind of the `coreference` phrases ("the University" also at a sentence start), with
    the words after "the" that any match must contain (looked for right after each "the" of a document, or, for
    a kind with phrases of other forms, anywhere in it before its regex scan); and whether every phrase is of the
    "the" form."""
    out = []
    after = r"\b(?!\s+(?:of|for)\b|['’]s\s+[A-Z])"
    for org_type, phrases in rules.rules.get("coreference", {}).items():
        needles = tuple(p[4:] if p.startswith("the ") else p for p in phrases)
        the_form = all(p.startswith("the ") for p in phrases)
        if the_form:  # the same matches, but a leading class scans faster
            rx = r"[Tt](?<![\w][Tt])he\ (?:" + "|".join(map(re.escape, needles)) + ")" + after
        else:
            rx = r"\b(?:" + "|".join(re.sub(r"^the\\ ", r"[Tt]he\\ ", re.escape(p)) for p in phrases) + ")" + after
        out.append((org_type, re.compile(rx), needles, the_form))
    return out


def definite_references(ents: DocumentEntities) -> None:
    """'the University', 'the ministry', 'the province': a definite description of a kind refers to the
    organisation of that kind named last before it (for a jurisdiction, its government)."""
    ents.mentions.sort(key=lambda m: (m.start, m.end))
    added, thes = [], None
    for org_type, rx, needles, the_form in _description_patterns(ents.rules):
        if the_form:  # no test for the needles in the whole text first: `_after_the` reads them at the "the"s only
            thes = [m.start() for m in _THE.finditer(ents.text)] if thes is None else thes
            found = _after_the(ents.text, rx, needles, thes)
        elif any(n in ents.text for n in needles):
            found = rx.finditer(ents.text)
        else:
            continue
        for m in found:
            if ents.covered(m.start(), m.end()) or re.match(r"\s+[A-Z]", ents.text[m.end():m.end() + 2]):
                continue  # part of a name ("the University Grants Committee")
            target = _last_of_kind(ents, m.start(), org_type, m.group(0).lower())
            if target is not None:
                added.append(Mention("organization", target, m.group(0), m.start(), m.end()))
    ents.mentions.extend(added)


def _after_the(text: str, rx: re.Pattern, needles: tuple[str, ...], thes: list[int]) -> Iterator[re.Match]:
    """`rx.finditer(text)` for a pattern of the "the" form, tried only at the places `thes` where "the" opens a word
    and one of its needles follows: the patterns share those places, found once per document, where each scan of
    its own stopped at every "t"."""
    end = 0
    for at in thes:
        if at >= end and text.startswith(needles, at + 4) and (m := rx.match(text, at)):
            end = m.end()
            yield m


def _last_of_kind(ents: DocumentEntities, pos: int, org_type: str, phrase: str) -> str | None:
    """The organisation of this type mentioned last before pos; for "the province", "the city government" and
    the like, the last government or place of that jurisdiction's kind (a place stands for its government)."""
    place_types = _JURISDICTION_OF.get(phrase)
    for m in reversed(ents.mentions):
        if m.start >= pos:
            continue
        if m.entity_type == "organization" and ents.orgs[m.entity_id].org_type == org_type:
            if place_types is None or org_type != "government":
                return m.entity_id
            place = ents.namer.jurisdiction_of(ents.orgs[m.entity_id])
            if place is not None and place.place_type in place_types:
                return m.entity_id
        if m.entity_type == "place" and place_types and ents.place_refs[m.entity_id].place_type in place_types:
            gov = ents.namer.government_of(ents.place_refs[m.entity_id])
            ents.orgs.setdefault(gov.organization_id, gov)
            return gov.organization_id
    return None
