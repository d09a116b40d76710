"""Place passes: places named in the text, and jurisdictions that act as parties through their governments."""
from __future__ import annotations

import functools
import re

from spacy.tokens import Doc

from pipeline.core.entities.document import DocumentEntities, add_place
from pipeline.core.entities.gazetteer import place_gazetteer
from pipeline.core.entities.model import Mention
from pipeline.core.entities.orgs import default_namer
from pipeline.core.reference import JURISDICTION_TYPES, PlaceRef, load_reference


def gazetteer_places(ents: DocumentEntities, doc: Doc) -> None:
    gz, rows = place_gazetteer()
    for hit in gz.find(doc, require_capital=True):
        if ents.covered(hit.start, hit.end):
            continue
        place = add_place(ents, rows[hit.key])
        ents.mentions.append(Mention("place", place.place_id, hit.surface, hit.start, hit.end))


# Between the members of a coordination: ", ", " and ", ", and the ".
_COORDINATION_GAP = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+(?:and|&)\s+(?:the\s+)?")


# Before a coordination of places that says where, not who: "in", "to", "from", "between", "visited" ...
_WHERE_BEFORE = re.compile(r"\b(?:in|at|near|across|throughout|around|inside|within|to|into|from|between|among|of|"
                           r"for|on|outside|via|visit|visits|visited|visiting|toured|tour|across)\s+(?:the\s+)?$", re.I)


_WORD_AFTER = re.compile(r"\s+(?:(?:have|has|had|will|would|also|jointly|both|all|then|today)\s+)*([a-z]+)\b")


_AUXILIARIES = frozenset(("have", "has", "had", "will", "would", "shall", "can", "could", "may", "are", "were", "is",
                          "was", "share", "shared", "agree", "sign", "launch", "establish", "set", "build", "hold",
                          "forge", "cooperate", "work", "join", "open", "co-host", "host", "jointly"))


def acting_jurisdictions(ents: DocumentEntities) -> None:
    """'Jiangsu Province and the Gomel Region forged ties', 'China and the Association of Southeast Asian Nations
    (ASEAN) have launched', 'made by China, Shandong Province, and the University of Jinan': a jurisdiction listed
    with an organisation, or jurisdictions that are the subject of a verb, act through their governments. The
    place mention stays (where the text says where); its government is mentioned at the same words. Not after a
    word that makes a place a where ("in", "to", "from", "between", "visited"), nor for cities abroad, whose
    administrations the reference data cannot name."""
    found = sorted((m for m in ents.mentions if m.entity_type in ("organization", "place")), key=lambda m: m.start)
    if not any(m.entity_type == "place" for m in found):
        return
    groups, group = [], []
    for m in found:
        if group and _COORDINATION_GAP.fullmatch(ents.text, group[-1].end, m.start):
            group.append(m)
            continue
        if group:
            groups.append(group)
        group = [m]
    if group:
        groups.append(group)
    namer = default_namer()
    for group in groups:
        places = [m for m in group if m.entity_type == "place" and is_acting_place(ents.place_refs[m.entity_id])]
        inner = {ents.place_refs[m.entity_id].country_code for m in places
                 if ents.place_refs[m.entity_id].place_type != "country"}
        # "made by China, Shandong Province and the University": a country listed beside its own province is the
        # nation the others are in, not a party
        places = [m for m in places if ents.place_refs[m.entity_id].place_type != "country"
                  or ents.place_refs[m.entity_id].country_code not in inner | ({"CN"} if None in inner else set())]
        if not places or _WHERE_BEFORE.search(ents.text, max(0, group[0].start - 16), group[0].start):
            continue
        if any(ents.text[m.end:m.end + 1] in ("-", "’", "'") or ents.text[m.start - 1:m.start] == "-" for m in places):
            continue  # "the Hubei-Hong Kong scheme", "China's ministry": the place qualifies something else
        acted = len(group) > 1 and any(m.entity_type == "organization" for m in group)
        if not acted and len(group) > 1:
            nxt = _WORD_AFTER.match(ents.text, group[-1].end)
            word = nxt.group(1) if nxt else ""
            acted = word in _AUXILIARIES or word in _signing_words() or (word.endswith("ed") and len(word) > 4)
        if not acted:
            continue
        for m in places:
            gov = namer.government_of(ents.place_refs[m.entity_id])
            if not ents.covered(m.start, m.end, ("organization",)):
                ents.add_org(gov, m.start, m.end)


def is_acting_place(p: PlaceRef) -> bool:
    return p.place_type in JURISDICTION_TYPES and (p.place_type in ("country", "province") or p.country_code in (None, "CN"))


@functools.lru_cache(maxsize=1)
def _signing_words() -> frozenset[str]:
    return frozenset(v.split()[0] for v in load_reference().rules["signing_verbs"])
