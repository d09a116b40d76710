"""Acronyms the document never defines in brackets: a university newsroom's own acronym ("XYZU signs MoU with ..."),
a partner named only by its initials ("visited companies including ABC and DEFG").

Two readings, the surer first:

- the acronym spells the initials of exactly one organisation the document names in full, wherever that name
  stands ("Lanzhou University" ... "LZU"; a Chinese place name gives the initial of each pinyin syllable:
  "Huizhou" -> H, Z): it is that organisation;
- else it stands where only an organisation can (coordinated with one, before a title or a delegation, after
  "between", "with", "including", before a signing verb): an organisation known by its acronym alone.

Words in capitals that are no organisation ("MoU", "PhD", "COVID", roman numerals, capitals runs of page furniture
such as "TOP STORIES") are not read; places and people found before keep their words.

A newsroom abroad also calls its university by its city ("Leeds signs ..."): `city_universities` reads a city abroad
in the same organisation's places as the one reference university named after it.
"""
from __future__ import annotations

import functools
import re

from pipeline.core.entities.document import DocumentEntities
from pipeline.core.entities.model import Mention, Org
from pipeline.core.entities.organisations import OWN_UNIVERSITY
from pipeline.core.entities.orgs import org_id_for
from pipeline.core.phrases import phrase_alternation
from pipeline.core.reference import OrgRef, Rulebook, derived
from pipeline.core.text import matches_from, word_starts

_TOKEN = re.compile(r"(?<![\w&’'.-])([A-Z][A-Za-z&]{1,7}|[A-Z]{9,12})(?![\w&-]|\.\w)")  # "COLCIENCIAS": all capitals
_CAPITAL = re.compile(r"[A-Z]")  # where a `_TOKEN` may begin: the engine skips to it, past the lookbehind
_POSSESSIVE_START = re.compile(r"^['’]s?")
_NAME_GOES_ON = re.compile(r" [A-Z][a-z]")  # "President of NUI Galway": the acronym opens a longer name
_ROMAN = re.compile(r"[IVXLCDM]+")
_CAPS_WORD = re.compile(r"[A-Z][A-Z&’'.-]+")
_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s(?:and|&)\s+)(?:the\s+)?")
_LISTED_BEFORE = re.compile(r"(?:[A-Z][A-Za-z&]+\s*(?:,\s*(?:and\s+)?|\s(?:and|&)\s+))+$")
_NAME_WORD = re.compile(r"[A-Za-z][\w’'-]*")


def is_acronym_shape(token: str) -> bool:
    """Capitals that read as initials: two or more, and most of the word or its last letter ("HZU", "UrFU",
    "LARSyS"); not a roman numeral."""
    if token[1:].islower():
        return False  # at most one capital: most of the capitalised words of a document, asked of each
    upper = sum(c.isupper() for c in token)
    return upper >= 2 and (token[-1].isupper() or 2 * upper >= len(token)) and not _ROMAN.fullmatch(token)


class AcronymCues:
    """The words around an acronym that make it an organisation, from one rulebook."""

    def __init__(self, rules: Rulebook):
        cues = rules.rules.get("acronym_org_cues", {})
        self.not_orgs = frozenset(rules.rules.get("not_org_acronyms", []))
        self.shouted_endings = tuple(rules.rules.get("shouted_word_endings", []))
        # "vice principal of ABC", "the director of ABC": a post is held at an organisation
        self.before = _phrase_end([*cues.get("before", []), *(f"{t} of" for t in rules.title_heads)])
        after = [*cues.get("after", []), *rules.title_heads, *rules.rules.get("delegation_nouns", []),
                 *rules.rules.get("signing_verbs", [])]
        self.after = _phrase_start(after)
        self.kinds = {kind: _phrase_end(words) for kind, words in rules.rules.get("acronym_kind_cues", {}).items()}
        self.university_letter = "U"

    def shouted(self, acr: str) -> bool:
        """A long word of capitals with an English word's ending ("ANNIVERSARY", "ENGINEERING"): shouted, no acronym."""
        return len(acr) >= 9 and acr.endswith(self.shouted_endings)

    def org_type(self, text: str, start: int, acronym: str) -> str:
        """The type an acronym's context or its letters give: "companies including ABC" an enterprise, a U at either
        end a university ("XYZU", "UXY"), else other."""
        before = _LISTED_BEFORE.sub("", text[max(0, start - 60):start])  # "companies including ABC and DEF"
        for kind, pattern in self.kinds.items():
            if pattern.search(before):
                return kind
        letters = acronym.upper()
        return "university" if self.university_letter in (letters[0], letters[-1]) else "other"


def _phrase_end(phrases: list[str]) -> re.Pattern:
    """Any of the phrases ending where the searched text ends (an optional "the" after it)."""
    alts = phrase_alternation(set(phrases)) or "(?!)"
    return re.compile(rf"\b(?:{alts})\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?$", re.I)


def _phrase_start(phrases: list[str]) -> re.Pattern:
    """Any of the phrases at the start of the text matched (after spaces or a possessive "'s")."""
    alts = phrase_alternation(set(phrases)) or "(?!)"
    return re.compile(rf"(?:['’]s?)?\s+(?:{alts})\b")


@derived
def acronym_cues(rules: Rulebook) -> AcronymCues:
    return AcronymCues(rules)


def undefined_acronyms(ents: DocumentEntities) -> None:
    """Each acronym of the document that no pass has read: the organisation it spells, or one of its own where the
    words around it make it one; every later bare mention of it is that organisation."""
    cues = acronym_cues(ents.rules)
    done: set[str] = set()
    for m in matches_from(_TOKEN, _CAPITAL, ents.text):
        acr = m.group(1)
        if acr in done or acr in cues.not_orgs or not is_acronym_shape(acr) or ents.covered(m.start(), m.end()) \
                or _in_capitals_run(ents.text, m.start(), m.end()) or cues.shouted(acr):
            continue
        org = _spelled_org(ents, acr) or _misspelled_acronym(ents, acr)
        if org is None and _org_context(ents, cues, m.start(), m.end()):
            org = Org(org_id_for(acr), acr, cues.org_type(ents.text, m.start(), acr), acr)
        if org is None:
            continue
        done.add(acr)
        org.acronym = org.acronym or acr
        org.aliases.setdefault(acr, "acronym_definition")
        _mention_all(ents, org, acr)


def document_acronyms(ents: DocumentEntities) -> None:
    """"NTU" in a text about National Taiwan University, "CityU" in one about City University of Macau: an acronym the
    reference data gives to a body the document never names in full is the one organisation the document does name
    in full whose words it spells, or that the document gives it in brackets ("X Development Co., Ltd. (ABC)"). Its
    mentions move to that organisation, whose acronym it becomes."""
    full = {m.entity_id for m in ents.mentions if m.entity_type == "organization" and " " in m.surface}
    by_acronym: dict[str, list[Mention]] = {}
    for m in ents.mentions:
        if m.entity_type == "organization" and m.entity_id not in full and m.surface == ents.orgs[m.entity_id].acronym:
            by_acronym.setdefault(m.surface, []).append(m)
    for acr, mentions in by_acronym.items():
        # a university's name turned round spells another university's acronym, not another body's ("UN": not
        # Nairobi University)
        turned = ents.orgs[mentions[0].entity_id].org_type == "university"
        named = {o.organization_id: o for o in (ents.orgs[i] for i in full)
                 if o.aliases.get(acr) == "acronym_definition" or _names_spell(ents.rules, o, acr, turned=turned)}
        if len(named) != 1:
            continue
        target = next(iter(named.values()))
        target.acronym = target.acronym or acr  # "HAU" for Henan Agricultural University, whose list gives "HENAU"
        target.aliases.setdefault(acr, "corpus")
        moved = {id(m) for m in mentions}
        ents.mentions = [Mention("organization", target.organization_id, m.surface, m.start, m.end) if id(m) in moved
                         else m for m in ents.mentions]
        if not any(m.entity_id == mentions[0].entity_id for m in ents.mentions):
            ents.orgs.pop(mentions[0].entity_id, None)


def _names_spell(rules: Rulebook, org: Org, acr: str, written: tuple[str, ...] = (), turned: bool = True) -> bool:
    """Whether one of an organisation's names, or of the names the text writes it with (`written`), spells the
    acronym: by initials ("NTU"; "Lisbon University" also as "University of Lisbon", "UL", unless not `turned`), or
    by the first letters of its words before "of" ("CityU": City University of Macau) or of its capitalised words
    ("UVic": University of Victoria)."""
    letters = acr.upper().replace("&", "")
    parts = re.findall(r"[A-Z][a-z]*", acr)
    for name in (org.canonical_name, *org.aliases, *written):
        if " " not in name:
            continue
        if _spells(_initials(name, _pinyin(rules)), letters):
            return True
        own = OWN_UNIVERSITY.fullmatch(name) if turned else None
        if own and _spells(_initials(f"University of {own['own']}", _pinyin(rules)), letters):
            return True
        name = re.sub(r"^(?:the|The)\s+", "", name)
        for words in (name.split(" of ")[0].split(), [w for w in name.split() if w[:1].isupper()]):
            if len(parts) == len(words) and len(parts) < len(acr) and all(
                    w.lower().startswith(p.lower()) for p, w in zip(parts, words)):
                return True
    return False


def city_universities(ents: DocumentEntities) -> None:
    """A city abroad that signs, leads a delegation or has partnerships ("Leeds signs a new agreement", "Leeds'
    partnerships") is the one university the reference data names after it ("University of Leeds", "Leeds
    University"): a newsroom's short name for its own university. A city at home is its government (places.py)."""
    cues = acronym_cues(ents.rules)
    unis = _universities_by_city(ents.rules)
    for m in [m for m in ents.mentions if m.entity_type == "place"]:
        place = ents.place_refs[m.entity_id]
        ref = unis.get(place.name) if place.place_type == "city" and place.country_code != "CN" else None
        if ref is None or not (cues.after.match(ents.text, m.end) or _ORG_AFTER.match(ents.text, m.end)):
            continue
        ents.mentions.remove(m)
        ents.add_org(ents.namer.from_reference(ref), m.start, m.end)


_ORG_AFTER = re.compile(r"['’]s?\s+(?:partnerships?|collaborations?|partners?|researchers|scientists|students|staff|"
                        r"campus|president|vice-chancellor)\b", re.I)


@derived
def _universities_by_city(rules: Rulebook) -> dict[str, OrgRef]:
    """City name -> the one reference university named "University of <city>" or "<city> University"."""
    found: dict[str, list[OrgRef]] = {}
    cities = {p.name for p in rules.places if p.place_type == "city" and p.country_code != "CN"}
    for o in rules.organizations:
        if o.org_type != "university":
            continue
        m = re.fullmatch(r"(?:The )?University of (.+)|(.+) University", o.canonical_name)
        city = m and (m.group(1) or m.group(2))
        if city in cities:
            found.setdefault(city, []).append(o)
    return {c: refs[0] for c, refs in found.items() if len(refs) == 1}


def _mention_all(ents: DocumentEntities, org: Org, acr: str) -> None:
    for at in word_starts(ents.text, acr, also="&-"):  # no regex compiled for each acronym of each document
        if not ents.covered(at, at + len(acr)):
            ents.add_org(org, at, at + len(acr))


def _in_capitals_run(text: str, start: int, end: int) -> bool:
    """Whether the word stands beside another word in capitals ("TOP STORIES", a shouted headline, a dateline)."""
    before = text[max(0, start - 30):start].split()
    after = text[end:end + 30].split()
    near = [w.strip(",.:;–-—()") for w in (before[-1:] + after[:1])]
    return any(len(w) > 1 and _CAPS_WORD.fullmatch(w) and w.isupper() for w in near)


def _org_context(ents: DocumentEntities, cues: AcronymCues, start: int, end: int) -> bool:
    """Whether an acronym stands where an organisation does: coordinated with one, or after or before a cue."""
    text = ents.text
    if cues.before.search(text, max(0, start - 40), start) and not _NAME_GOES_ON.match(text, end) \
            or cues.after.match(text, end) or _holder_after(ents, end):
        return True
    orgs = [m for m in ents.mentions if m.entity_type == "organization"]
    return any(_GAP.fullmatch(text, end, o.start) or _GAP.fullmatch(text, o.end, start) for o in orgs)


def _holder_after(ents: DocumentEntities, end: int) -> bool:
    """Whether a person follows the acronym as its post's holder: after a possessive ("ABC's Li Wei") or a title
    in any case ("ABC deputy principal Anna Berg", "ABC's chief engineer Li Wei"); a name right after the acronym
    alone is no cue ("MP Anna Berg")."""
    person = next((p for p in ents.mentions if p.entity_type == "person" and end <= p.start <= end + 40), None)
    if person is None:
        return False
    between = _POSSESSIVE_START.sub("", ents.text[end:person.start]).split()
    if not all(ents.lexicon.is_title_word(w) for w in between):
        return False
    return bool(between) or ents.text[end:end + 1] in ("'", "’") or ents.lexicon.is_title_word(person.surface.split()[0])


def _misspelled_acronym(ents: DocumentEntities, acr: str) -> Org | None:
    """The one organisation of the document whose acronym this one is with two neighbouring letters swapped
    ("SJTU" written "STJU"), in a longer one with a letter too many ("CityuU"), with an inner letter left out
    ("ZJSU" for "ZJGSU"), or in other capitals ("AbCU" for "ABCU"): a typo or a variant, not another body."""
    swaps = {acr[:k] + acr[k + 1] + acr[k] + acr[k + 2:] for k in range(len(acr) - 1)} - {acr}
    if len(acr) > 4:
        swaps |= {acr[:k] + acr[k + 1:] for k in range(len(acr))}  # "CityuU": a letter too many
    found = {o.organization_id: o for o in ents.orgs.values()
             if o.acronym in swaps or (o.acronym or "").lower() == acr.lower() != o.acronym
             or _letter_fewer(acr, o.acronym or "")}
    return next(iter(found.values())) if len(found) == 1 else None


def _letter_fewer(acr: str, other: str) -> bool:
    """"ZJSU" for "ZJGSU": the other acronym with one inner letter left out (four letters at least, so that "NTU"
    is not "NTUU" shortened)."""
    return len(acr) >= 4 and len(other) == len(acr) + 1 and acr[0] == other[0] and acr[-1] == other[-1] \
        and any(other[:k] + other[k + 1:] == acr for k in range(1, len(other) - 1))


def _spelled_org(ents: DocumentEntities, acr: str) -> Org | None:
    """The one organisation of the document whose name spells the acronym, if exactly one does, whatever acronym the
    reference data gives it ("HAU" in a text about Henan Agricultural University, listed as "HENAU"); its name may
    go on with the campus it is at ("University of Hawaii at Manoa", "UHM"; not "Shandong University, Weihai", which
    may be a campus of its own)."""
    found = {o.organization_id: o for o in ents.orgs.values()
             if _names_spell(ents.rules, o, acr, _written_with_place(ents, o))}
    return next(iter(found.values())) if len(found) == 1 else None


# "University of Hawaii at Manoa": a name that goes on with where the body is
_AT_PLACE = re.compile(r" at ([A-Z][\w'’-]+)\b")


def _written_with_place(ents: DocumentEntities, org: Org) -> tuple[str, ...]:
    """The organisation's names as the text writes them on with the place it is at ("... at Manoa")."""
    return tuple(f"{m.surface} at {at[1]}" for m in ents.mentions
                 if m.entity_type == "organization" and m.entity_id == org.organization_id
                 and (at := _AT_PLACE.match(ents.text, m.end)))


@functools.lru_cache(maxsize=4096)
def _initials(name: str, syllable: re.Pattern) -> tuple[tuple[frozenset[str], bool], ...]:
    """Each word of a name: the initials it may give (a pinyin compound gives one per syllable: "Huizhou" -> "H" or
    "HZ") and whether it may also give none (a lower-case connector). Remembered: each acronym of a document is
    spelled against the names of every organisation of the document."""
    out = []
    for w in _NAME_WORD.findall(re.sub(r"^(?:the|The)\s+", "", name)):
        if w[0].isupper():
            out.append((frozenset({w[0], *_syllable_initials(syllable, w)}), False))
        else:
            out.append((frozenset({w[0].upper()}), True))
    return tuple(out)


def _spells(words: tuple[tuple[frozenset[str], bool], ...], letters: str) -> bool:
    if not words:
        return not letters
    (options, optional), rest = words[0], words[1:]
    if optional and _spells(rest, letters):
        return True
    return any(letters.startswith(o) and _spells(rest, letters[len(o):]) for o in options)


def _syllable_initials(syllable: re.Pattern, word: str) -> set[str]:
    """The initials of a word read as two or three pinyin syllables ("Huizhou" -> {"HZ"}, "Jiliang" -> {"JL"})."""
    lowered = word.lower()
    if not lowered.isalpha() or len(lowered) > 15:
        return set()
    return {"".join(s[0] for s in split).upper() for split in _pinyin_splits(syllable, lowered)
            if 2 <= len(split) <= 3}


@functools.lru_cache(maxsize=4096)
def _pinyin_splits(syllable: re.Pattern, word: str) -> tuple[tuple[str, ...], ...]:
    if not word:
        return ((),)
    out = []
    for n in range(len(word), 0, -1):
        head = word[:n]
        if syllable.fullmatch(head):
            out.extend((head, *rest) for rest in _pinyin_splits(syllable, word[n:]))
    return tuple(out)


@derived
def _pinyin(rules: Rulebook) -> re.Pattern:
    initials = "|".join(sorted(rules.names["pinyin_initials"], key=len, reverse=True))
    finals = "|".join(sorted(rules.names["pinyin_finals"], key=len, reverse=True))
    return re.compile(rf"(?:{initials})?(?:{finals})")



_U_PLACE = re.compile(r"(?<![\w-])[Uu]([A-Z][a-z]{3,})(?![\w-])")
_U_PLACE_OPENING = re.compile(r"[Uu][A-Z]")  # without the lookbehind, which had the engine try every character


def u_place_universities(ents: DocumentEntities) -> None:
    """'UAlberta', 'UCalgary', 'uOttawa': a "U" before a place's name in one word is that place's university, as North
    American newsrooms write it ("University of Alberta"), the reference one when there is one."""
    for m in matches_from(_U_PLACE, _U_PLACE_OPENING, ents.text):
        name = m.group(1)
        if ents.covered(m.start(), m.end()) or (ents.namer.place(name) is None
                                                and not ents.rules.bare_subdivisions.get(name.lower())):
            continue
        ref = ents.rules.org_by_name.get(f"University of {name}") or ents.rules.org_by_name.get(f"{name} University")
        org = ents.namer.from_reference(ref) if ref else ents.namer.from_name(f"University of {name}", "University")
        if org is not None:
            ents.add_org(org, m.start(), m.end())
