"""Place passes: places named in the text, and jurisdictions that act as parties through their governments."""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from pipeline.core.entities.document import DocumentEntities, add_place, place_id_for
from pipeline.core.entities.gazetteer import Gazetteer, place_gazetteer
from pipeline.core.entities.model import Mention
from pipeline.core.entities.orgs import settled
from pipeline.core.phrases import phrase_alternation
from pipeline.core.reference import JURISDICTION_TYPES, PlaceRef, Rulebook, derived


def gazetteer_places(ents: DocumentEntities, doc: Doc) -> None:
    """The reference places named with a capital, outside the organisations and people already found."""
    gz, rows = place_gazetteer(ents.rules)
    for hit in gz.find(doc, require_capital=True):
        if ents.covered(hit.start, hit.end):
            continue
        place = add_place(ents, rows[hit.key])
        ents.mentions.append(Mention("place", place.place_id, hit.surface, hit.start, hit.end))


def bare_subdivisions(ents: DocumentEntities, doc: Doc) -> None:
    """States, provinces and regions abroad named without their type word ("Goiás", "New South Wales", "Bavaria",
    "Punjab"), outside the entities already found: the subdivision of a country the document names (its places'
    and organisations' countries: "Punjab" beside Pakistan is Pakistan's); else the only subdivision of that name,
    when the name's shape marks it as a proper name (several words, or letters English does not write)."""
    gz, rows = bare_subdivision_gazetteer(ents.rules)
    hits = [h for h in gz.find(doc, require_capital=True) if not ents.covered(h.start, h.end, ("organization", "person"))
            and not any(m.start <= h.start and m.end >= h.end for m in ents.mentions if m.entity_type == "place")]
    if not hits:
        return
    countries = {p.country_code for p in ents.places.values()} | {o.country_code for o in ents.orgs.values()}
    for hit in hits:
        place = settled(rows[hit.key], countries, hit.surface)
        if place is not None:  # a shorter place inside it ("Wales" in "New South Wales") was a part of its name
            ents.mentions = [m for m in ents.mentions if not (m.start < hit.end and hit.start < m.end)]
            add_place(ents, place)
            ents.mentions.append(Mention("place", place_id_for(place), hit.surface, hit.start, hit.end))


@derived
def bare_subdivision_gazetteer(rules: Rulebook) -> tuple[Gazetteer, list[list[PlaceRef]]]:
    """The bare names of subdivisions abroad (`Rulebook.bare_subdivisions`), each keyed to every subdivision of
    that name."""
    names = sorted(rules.bare_subdivisions)
    return Gazetteer([(n, k) for k, n in enumerate(names)]), [rules.bare_subdivisions[n] for n in names]


# Between the members of a coordination: ", ", " and ", ", and the ".
_COORDINATION_GAP = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+(?:and|&)\s+(?:the\s+)?")
# Before a coordination of places that says where, not who: "in", "to", "from", "between", "visited" ...
_WHERE_BEFORE = re.compile(r"\b(?:in|at|near|across|throughout|around|inside|within|to|into|from|between|among|of|"
                           r"for|on|outside|via|visit|visits|visited|visiting|toured|tour|across)\s+(?:the\s+)?$", re.I)
_OF_AFTER = re.compile(r"\s+of\s+(?:the\s+)?")
_WORD_AFTER = re.compile(r"\s+(?:(?:have|has|had|will|would|also|jointly|both|all|then|today)\s+)*([a-z]+)\b")
# "Kenya and China to expand ...": a headline's infinitive for what the two will do (not "to the", "to 2030")
_TO_VERB = re.compile(r"\s+to\s+(?!(?:the|a|an|its|their|this|these|that|those|our|his|her|be|date)\b)[a-z]{3,}\b")
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
    related = _relation_before(ents.rules)
    for group in _coordinations(ents.text, found):
        places = _acting_members(ents, group)
        if not places or _qualifier(ents.text, places):
            continue
        if not related.search(ents.text, max(0, group[0].start - 40), group[0].start) and not _subject(ents, group) \
                and (_WHERE_BEFORE.search(ents.text, max(0, group[0].start - 16), group[0].start)
                     or not _acted(ents, group)):
            continue
        for m in places:
            gov = ents.namer.government_of(ents.place_refs[m.entity_id])
            if not ents.covered(m.start, m.end, ("organization",)):
                ents.add_org(gov, m.start, m.end)


def _coordinations(text: str, mentions: list[Mention]) -> list[list[Mention]]:
    """The mentions (in text order) grouped into coordinations: members joined by ", ", " and ", ", and the "."""
    groups, group = [], []
    for m in mentions:
        if group and _COORDINATION_GAP.fullmatch(text, group[-1].end, m.start):
            group.append(m)
            continue
        if group:
            groups.append(group)
        group = [m]
    if group:
        groups.append(group)
    return groups


def _acting_members(ents: DocumentEntities, group: list[Mention]) -> list[Mention]:
    """The places of a coordination that can act as parties. "made by China, Shandong Province and the
    University": a country listed beside its own province is the nation the others are in, not a party."""
    places = [m for m in group if m.entity_type == "place" and is_acting_place(ents.place_refs[m.entity_id])]
    inner = {ents.place_refs[m.entity_id].country_code for m in places
             if ents.place_refs[m.entity_id].place_type != "country"}
    return [m for m in places if ents.place_refs[m.entity_id].place_type != "country"
            or ents.place_refs[m.entity_id].country_code not in inner | ({"CN"} if None in inner else set())]


def _qualifier(text: str, places: list[Mention]) -> bool:
    """Whether a place of the coordination qualifies something else ("the Hubei-Hong Kong scheme", "China's
    ministry")."""
    return any(text[m.end:m.end + 1] in ("-", "’", "'") or text[m.start - 1:m.start] == "-" for m in places)


@derived
def _relation_before(rules: Rulebook) -> re.Pattern:
    """A relation noun and its "between" or "with" ending where the searched text ends (`relation_nouns`): the
    places that follow are its parties ("friendly ties between Jilin and ...", "sister relationship with ...")."""
    nouns = rules.rules.get("relation_nouns") or {}
    alts = [rf"(?:{phrase_alternation(words)})\s+{link}" for link, words in nouns.items() if words]
    return re.compile(rf"\b(?:{'|'.join(alts)})\s+(?:the\s+)?$" if alts else "(?!)", re.I)


def _acted(ents: DocumentEntities, group: list[Mention]) -> bool:
    """Whether a coordination of several members acts: an organisation is among them, or a verb follows them
    (an auxiliary, a signing verb, a past tense: "Hubei and Isabel Province signed", "... have launched")."""
    if len(group) < 2:
        return False
    if any(m.entity_type == "organization" for m in group):
        return True
    end = group[-1].end
    of_country = _OF_AFTER.match(ents.text, end)
    country = next((m for m in ents.mentions if of_country and m.entity_type == "place" and m.start == of_country.end()
                    and ents.place_refs[m.entity_id].place_type == "country"), None)
    if country is not None:  # "Jiangsu Province and X Region of Belarus forged ties": the country says where X is
        end = country.end
    nxt = _WORD_AFTER.match(ents.text, end)
    word = nxt.group(1) if nxt else ""
    return word in _AUXILIARIES or word in _signing_words(ents.rules) or (word.endswith("ed") and len(word) > 4) \
        or _actor_verb(ents.rules, word) or bool(_TO_VERB.match(ents.text, end))


# What may open a clause before its subject: a label ("Interview:"), a fronted phrase and its comma ("In 2024,",
# "On Monday,"), "the"
_CLAUSE_OPENING = re.compile(r"(?:[A-Z][\w ]{0,20}:\s*)?(?:[A-Z][^,.;:\n]{0,40},\s+)?(?:[Tt]he\s+)?")


@derived
def _verb_after(rules: Rulebook) -> re.Pattern:
    """The verb after a subject, past `subject_verb_adverbs`: its first word and up to two after ("has stepped",
    "will nominate", "will also fund", "has been extending")."""
    adverbs = rf"(?:(?:{phrase_alternation(rules.rules.get('subject_verb_adverbs') or ()) or '(?!)'})[ \t]+)*"
    return re.compile(rf"[ \t]+{adverbs}([a-z]+)(?:[ \t]+{adverbs}([a-z]+))?(?:[ \t]+([a-z]+))?")


def _subject(ents: DocumentEntities, group: list[Mention]) -> bool:
    """Whether one jurisdiction is the subject of a verb that opens its clause and makes it act: "Norway sends a
    delegation to ...", "In 2024, the Guangxi Zhuang Autonomous Region awarded ...", "China has stepped up ...",
    "China has been extending ..." (one of `actor_verbs`), "Zuid-Holland will nominate experts" (a modal's verb,
    unless one of `non_actor_verbs`). The place is what acts, through its government; "China is a large market",
    "China ranked second", "China has seen a surge", "Kenya could become a hub", "Kenya's ministry", "Hunan
    students" are no actions."""
    if len(group) != 1 or group[0].entity_type != "place":
        return False
    m = group[0]
    k = bisect.bisect_right(ents.sentence_starts, m.start) - 1
    if k < 0 or not _CLAUSE_OPENING.fullmatch(ents.text, ents.sentences[k].start, m.start):
        return False
    nxt = _verb_after(ents.rules).match(ents.text, m.end)
    if nxt is None:
        return False
    first, second, third = nxt.group(1), nxt.group(2) or "", nxt.group(3) or ""
    if first in ("has", "have", "had"):
        return _actor_verb(ents.rules, third, "ing") if second == "been" else _actor_verb(ents.rules, second, "ed")
    if first in _word_set(ents.rules, "modal_verbs"):
        return bool(second) and second not in _word_set(ents.rules, "non_actor_verbs")
    return _actor_verb(ents.rules, first) or _actor_verb(ents.rules, first, "ed")


def _actor_verb(rules: Rulebook, word: str, ending: str = "s") -> bool:
    """Whether a word is one of `actor_verbs` in a form: its base or -s form ("send", "sends", "pledges"), its past
    ("hosted", "donated", "stepped", or one of `actor_verb_pasts`: "sent", "held") or its -ing form ("extending",
    "sharing", "planning")."""
    verbs = _word_set(rules, "actor_verbs")
    if ending == "s":
        return word in verbs or word.endswith("s") and (word[:-1] in verbs or word.endswith("es") and word[:-2] in verbs)
    if ending == "ed" and word in _word_set(rules, "actor_verb_pasts"):
        return True
    stem = word.removesuffix(ending)
    return stem != word and len(stem) > 1 and (  # "donat(e)d", "stepp(ed)", "appli(ed)": the base's spellings
        stem in verbs or stem + "e" in verbs or stem[-1] == stem[-2] and stem[:-1] in verbs or stem[:-1] + "y" in verbs)


def _word_set(rules: Rulebook, key: str) -> frozenset[str]:
    """The first words of a verb list's entries, as a set made once per rulebook ("step" of `actor_verbs`' "step
    up", "set" of `actor_verb_pasts`' "set up"; `modal_verbs` and `non_actor_verbs` are single words)."""
    return _word_sets(rules)[key]


@derived
def _word_sets(rules: Rulebook) -> dict[str, frozenset[str]]:
    return {key: frozenset(v.split()[0] for v in rules.rules.get(key) or ())
            for key in ("actor_verbs", "actor_verb_pasts", "modal_verbs", "non_actor_verbs")}


def is_acting_place(p: PlaceRef) -> bool:
    """Whether a place can act as a party through its government: a jurisdiction (no "other" place) that is a
    country, a province or subdivision anywhere, or a Chinese city, municipality, SAR or district. A city
    abroad does not act: the reference data cannot name its administration."""
    return p.place_type in JURISDICTION_TYPES and (
        p.place_type in ("country", "province") or p.country_code in (None, "CN"))


@derived
def _signing_words(rules: Rulebook) -> frozenset[str]:
    """The first words of the signing verbs ("signed", "inked"): a coordination they follow acts."""
    return frozenset(v.split()[0] for v in rules.rules["signing_verbs"])
