"""Organisation passes: reference names (and foreign bodies of the same generic name), diplomatic missions,
governments written in lower case or in the plural, and short forms of longer names.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from pipeline.core.entities.document import DocumentEntities
from pipeline.core.entities.gazetteer import T, longest_run, org_gazetteer
from pipeline.core.entities.lexicon import POSSESSIVE, STATE_TYPES
from pipeline.core.entities.model import Mention, Org
from pipeline.core.entities.orgs import OrgNamer, org_id_for
from pipeline.core.entities.people import is_given_name, is_pinyin_given, is_surname, one_letter_apart
from pipeline.core.entities.titled_offices import remit_end
from pipeline.core.phrases import phrase_alternation
from pipeline.core.reference import JURISDICTION_TYPES, OrgRef, PlaceRef, Rulebook, derived
from pipeline.core.text import matches_from

_SURNAME_FIRST = re.compile(r"[A-Z]{2,4} ([A-Z][a-z]+(?:-[a-z]+)?)\b")
_OWNER_BEFORE = re.compile(r"(?:(?<=\s)|^)((?:the\s+)?(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*?(?:['’]s?)?)\s+$")
_COUNTRY_AFTER = re.compile(r"\s+of\s+((?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})")
_CAP_RUN = r"[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*){0,5}"
_MISSION = re.compile(rf"(?:\b((?:[A-Z][\w-]+\s+)?[A-Z][\w-]+)\s+)?\b([Ee]mbassy|[Cc]onsulate(?:[- ][Gg]eneral)?)\b"
                      rf"(?:\s+of\s+(?:the\s+)?({_CAP_RUN}))?(?:\s+(?:in|to)\s+(?:the\s+)?({_CAP_RUN}))?")
_GOVERNMENTS_OF = re.compile(r"\b(?:(?:Municipal|Provincial|City|District|County)\s+)?(?:People['’]s\s+)?"
                             r"Governments\s+of\s+")
_BRANCH_OF = re.compile(r"\b(?!The )([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}) ([Bb]ranch) of (?:the )?")
# a number after a university's name makes another university's ("Université de Rennes 2", "Paris 1")
_NUMBERED = re.compile(r"\s+(?:\d{1,2}|[IVX]{1,4})\b")
# what a name is "of" going on after it, up to the first comma or lower-case word ("of Engineering and Technology")
_OBJECT_AFTER = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w'’-]*)*)")
# the capitalised words right before a name, not a possessive ("Anhui", "Inner Mongolia"; not "Kenya's")
_WORD_BEFORE = re.compile(r"(?<![\w'’])([A-Z][\w-]*(?: [A-Z][\w-]*)?) $")
_LISTED_NAME = re.compile(r"([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)(\s*,\s*(?:and\s+)?|\s+and\s+)?")


def reference_orgs(ents: DocumentEntities, doc: Doc) -> None:
    """The reference organisations named in the document (names, aliases, acronyms): the surest names, found
    first so that no name shape splits them."""
    gz, rows = org_gazetteer(ents.rules)
    for hit in gz.find(doc):
        ref = rows[hit.key]
        if hit.surface.isupper() and (given := _SURNAME_FIRST.match(hit.surface + ents.text[hit.end:hit.end + 16])) \
                and is_surname(ents.rules, hit.surface) and is_pinyin_given(ents.rules, given.group(1)):
            continue  # "LU Xin", "HE Jun": a family name in capitals before its given name, not an acronym
        if ref.listed and (not written_as_listed(hit.surface, ref) or _NUMBERED.match(ents.text, hit.end)
                           or _inside_longer_name(ents, hit.start, hit.end)):
            continue  # "an open university": words, not the listed name; "University of Rennes 1": a longer name
        longer = _longer_remit(ents, hit.start, hit.end, ref)
        if longer is not None:  # "Ministry of Natural Resources and Environmental Conservation": another ministry
            ents.add_org(*longer)
            continue
        foreign = _foreign_counterpart(ents.text, hit.start, hit.end, ref, ents.namer) \
            if ref.org_type in STATE_TYPES and ref.country_code else None
        if foreign is not None:  # "Lao Ministry of Science and Technology": not China's ministry of that name
            ents.add_org(*foreign)
            continue
        ents.add_org(ents.namer.from_reference(ref), hit.start, hit.end)


def _inside_longer_name(ents: DocumentEntities, start: int, end: int) -> bool:
    """Whether a name of the broad world list is only a part of a longer name the text writes: its object goes on
    ("Bangladesh University" of "Bangladesh University of Engineering and Technology"; not "X University of
    Belarus", where the place says where), or a place's name opens it ("University of Finance" of "Anhui University
    of Finance and Economics"). The list's short generic names sit inside many longer ones."""
    after = _OBJECT_AFTER.match(ents.text, end)
    if after is not None and longest_run(after.group(1).split(), ents.namer.place, at_start=True) is None:
        return True
    before = _WORD_BEFORE.search(ents.text, max(0, start - 40), start)
    return before is not None and ents.text[start:end].split()[0] in ents.lexicon.heads \
        and ents.namer.place(before.group(1)) is not None


def written_as_listed(surface: str, ref: OrgRef) -> bool:
    """Whether a text writes a name of the broad world list with the capitals the list gives it: every word of four
    letters or more that the list capitalises ("University of Dar es Salaam" for "University of Dar Es Salaam";
    "the Open University of Catalonia", not "an open university of Catalonia"). The list's names are many and some are
    made of ordinary words, which only their capitals make a name."""
    words = surface.split()
    for form in (ref.canonical_name, *ref.aliases):
        listed = form.split()
        if len(listed) == len(words):
            return all(not (a[:1].isupper() and len(a) >= 4) or b[:1].isupper() for a, b in zip(listed, words))
    return surface[:1].isupper()


def _foreign_counterpart(text: str, start: int, end: int, ref: OrgRef, namer: OrgNamer) -> tuple[Org, int, int] | None:
    """A state body the reference data knows under its generic name ("Ministry of Science and Technology",
    China's), written with another country before it ("Lao ...", "Singapore's ...", "South African ...") or
    after it ("... of Laos"): that country's own body, named as written, under that country's government.
    Returns the organisation and the offsets of the whole name, or None."""
    found = _country_around(text, start, end, namer)
    if found is None or found[2] == ref.country_code:
        return None
    s, e, code = found
    if text.startswith("the ", s):
        s += 4
    name = text[s:e]
    country = namer.country_place(code)
    gov = namer.government_of(country) if country is not None and ref.org_type != "government" else None
    region = namer.seat_region(name, code) if ref.org_type != "enterprise" else None  # "Lao Ministry of ...": Vientiane's
    org = Org(org_id_for(name), name, ref.org_type, None, region, code, gov.organization_id if gov else None, parent=gov)
    org.aliases[name] = "corpus"
    return org, s, e


# The rest of a remit list after a state body's name: ", Culture, Science and Sports", " and Environmental
# Conservation" (capitalised words, the list closed by "and")
_REMIT_REST = re.compile(r"(?:,\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)*,?\s+(?:and|&)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


def _longer_remit(ents: DocumentEntities, start: int, end: int, ref: OrgRef) -> tuple[Org, int, int] | None:
    """A known state body's name that the text goes on with more of a remit ("Ministry of Education, Culture,
    Science and Sports", "Ministry of Natural Resources and Environmental Conservation"): another body, named as
    written with the country before or after it. Every word added must be a remit word (`portfolio_words`), so
    that "the Ministry of Education and Tsinghua University" stays two bodies. Returns the body and the offsets of
    its whole name, or None."""
    if ref.org_type not in STATE_TYPES:
        return None
    rest = _REMIT_REST.match(ents.text, end)
    portfolio = ents.lexicon.portfolio
    if rest is None or not all(w in portfolio or w in ("and", "&") for w in re.findall(r"[\w'’&-]+", rest.group(0))):
        return None
    stop = rest.end()
    found = _country_around(ents.text, start, stop, ents.namer)
    if found is not None and found[1] >= stop:
        start, stop = found[0], found[1]
    if ents.text.startswith(("the ", "The "), start):
        start += 4
    org = ents.namer.from_name(ents.text[start:stop], head_word=ref.canonical_name.split()[0])
    return (org, start, stop) if org is not None else None


def _country_around(text: str, start: int, end: int, namer: OrgNamer) -> tuple[int, int, str] | None:
    """The country named right before a name (the longest country phrase ending there), or else right after
    it with "of": the offsets of the name with the country's words, and the country's code."""
    before = _OWNER_BEFORE.search(text, max(0, start - 40), start)
    owner = _known_run(before.group(1), before.start(1), namer.country_code, at_start=False) if before else None
    if owner is not None:
        return owner[0], end, owner[2]
    after = _COUNTRY_AFTER.match(text, end)
    owner = _known_run(after.group(1), after.start(1), namer.country_code, at_start=True) if after else None
    return (start, owner[1], owner[2]) if owner is not None else None


def _known_run(phrase: str, offset: int, lookup: Callable[[str], T | None], *,
               at_start: bool) -> tuple[int, int, T] | None:
    """`longest_run` over the words of `phrase`, which starts at `offset` in the text: the run's offsets there
    and what `lookup` gave."""
    words = list(re.finditer(r"\S+", phrase))
    found = longest_run([w.group(0) for w in words], lookup, at_start=at_start)
    if found is None:
        return None
    n, hit = found
    first, last = (words[0], words[n - 1]) if at_start else (words[-n], words[-1])
    return offset + first.start(), offset + last.end(), hit


def missions(ents: DocumentEntities) -> None:
    """'the Chinese Embassy in Laos', 'the Embassy of Hungary in Beijing', 'the French Consulate General in
    Shanghai': a country's mission, named as written, under that country's government. The owner must be a
    country (a demonym before, or 'of' a country after); the place it is in may follow. Written in lower case ("the
    Irish embassy in Beijing") it needs its owner before it."""
    if "mbassy" not in ents.text and "onsulate" not in ents.text:
        return
    namer = ents.namer
    for m in _MISSION.finditer(ents.text):
        if m.group(2).islower() and m.group(1) is None:
            continue  # "the embassy of the country": no name
        start, end, code = _mission_name(m, namer)
        if code is None or ents.covered(start, end, ("organization",)):
            continue
        name = _TO_PLACE.sub(" in ", ents.text[start:end])  # "the Embassy to Laos" is the embassy in Laos
        ents.add_org(_mission(namer, name, code), start, end)
    if not any(o.org_type == "government_department" and _MISSION.search(o.canonical_name) for o in ents.orgs.values()):
        _ambassadors_embassy(ents)


# "the Chinese Ambassador to Ecuador", "Rwandan Ambassador", "South African Ambassador", "US Ambassador", "Ambassador
# of Brazil": the country an ambassador speaks for (a word or two before, or after "of"), and where
_AMBASSADOR = re.compile(r"(?:\b((?:(?!The )[A-Z][a-z]+ )?[A-Z][\w.'’-]*[\w.]) (?:Deputy )?Ambassador(?! of\b)|\bAmbassador of "
                         r"((?:the )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?))\b(?: to ((?:the )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?))?")
_BARE_EMBASSY = re.compile(r"\b(?:[Tt]he|[Oo]ther|[Oo]ur) (Embassy)\b(?! of\b)")


def _ambassadors_embassy(ents: DocumentEntities) -> None:
    """'Chinese Ambassador to Ecuador Yuan Guisen hosted the delegation at the Embassy': a bare "the Embassy" in a
    text that names no embassy but the ambassadors of one country is that country's embassy ("Chinese Embassy in
    Ecuador", or "Chinese Embassy" where the ambassadors are to no place the text names)."""
    bare = [m for m in _BARE_EMBASSY.finditer(ents.text) if not ents.covered(m.start(1), m.end(1))]
    if not bare:
        return
    owners = {}
    for m in _AMBASSADOR.finditer(ents.text):
        owner, code = _ambassadors_country(ents.namer, m)
        if code is not None:
            place = ents.namer.place(m[3]) if m[3] else None
            owners.setdefault(code, (owner, set()))[1].add(place.name if place else None)
    if len(owners) != 1:
        return
    (code, (owner, places)), = owners.items()
    where = {p for p in places if p}
    name = owner + (f" in {next(iter(where))}" if len(where) == 1 else "")
    org = _mission(ents.namer, name, code)
    for m in bare:
        ents.add_org(org, m.start(1), m.end(1))


def _ambassadors_country(namer: OrgNamer, m: re.Match) -> tuple[str, str | None]:
    """The embassy an `_AMBASSADOR` match's country owns ("Kenyan Embassy", "Embassy of Brazil") and the country's
    code (None when the words before "Ambassador" name no country: "Former Ambassador"); of two words before it,
    both ("South African") or the last ("The Kenyan")."""
    if m[2]:
        return f"Embassy of {m[2]}", namer.country_code(m[2])
    words = m[1].split(" ")
    for demonym in (m[1], words[-1]) if len(words) > 1 else (m[1],):
        code = namer.country_code(demonym)
        if code is not None:
            return f"{demonym} Embassy", code
    return "", None


_CONSULATE_IN = re.compile(r"\b[Cc]onsulate\b.*?\s+in\s+(?:the\s+)?(.+)$")


def _mission(namer: OrgNamer, name: str, code: str) -> Org:
    """A country's mission of this name, under that country's government. A consulate serves the region of the city
    it is in ("the Italian Consulate General in Shanghai": CN-SH); an embassy speaks for its state to a whole
    country, wherever its building stands, and gets no region."""
    country = namer.country_place(code)
    gov = namer.government_of(country) if country is not None else None
    seat = _CONSULATE_IN.search(name)
    place = namer.place(seat.group(1)) if seat else None
    region = place.region_code if place is not None and place.place_type != "country" else None
    org = Org(org_id_for(name), name, "government_department", None, region, code,
              gov.organization_id if gov else None, parent=gov)
    org.aliases[name] = "corpus"
    return org


_TO_PLACE = re.compile(r"\s+to\s+(?=(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*$)")


def _mission_name(m: re.Match, namer: OrgNamer) -> tuple[int, int, str | None]:
    """The offsets of a mission's name and its country's code (None when no country owns it): a demonym or
    country before "Embassy", else the country it is "of"; then the place it is "in", when known."""
    start, end, code = m.start(2), m.end(2), None
    owner = _known_run(m.group(1), m.start(1), namer.country_code, at_start=False) if m.group(1) else None
    if owner is not None:
        start, _, code = owner
    if m.group(3) and code is None:
        of = _known_run(m.group(3), m.start(3), _before_full_stop(namer.country_code), at_start=True)
        if of is None:
            return start, end, code
        _, end, (code, cut) = of
        end -= cut
    where = _known_run(m.group(4), m.start(4), _before_full_stop(namer.place), at_start=True) if m.group(4) else None
    if where is not None:
        end = where[1] - where[2][1]
    return start, end, code


def _before_full_stop(lookup: Callable[[str], T | None]) -> Callable[[str], tuple[T, int] | None]:
    """`lookup`, tried again without a final full stop ("Hungary." ends a sentence; "U.S." keeps its own): what it
    found and how many characters it left off."""
    def look(text: str) -> tuple[T, int] | None:
        for cut in (0, 1) if text.endswith(".") else (0,):
            hit = lookup(text[:len(text) - cut])
            if hit:
                return hit, cut
        return None
    return look


_LOWER_GOVERNMENT = re.compile(r"\b([A-Z][\w'’]+(?: [A-Z][\w'’]+)*) (city|municipal|provincial|county|district|local) "
                               r"(?:people's )?government\b")
# "the government of the Hungarian city of Szekszard": a city the reference data may not know, named as one
_GOVERNMENT_OF_CITY = re.compile(r"\bgovernment of the (?:([A-Z][\w'’]+) )?(city|county|district|town) of "
                                 r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)")
_LEVEL_NAMES = {"city": "City", "municipal": "City", "local": "City", "town": "City", "provincial": "Provincial",
                "county": "County", "district": "District"}
# "the government of Hebei province", "the people's government of Zibo city": the place after "of", with the word
# for its level in lower case
_LOWER_GOVERNMENT_OF = re.compile(r"\b(?:people['’]s )?government of (?:the )?([A-Z][\w'’]+(?: [A-Z][\w'’]+)*"
                                  r"(?: (?:[Pp]rovince|[Cc]ity|[Mm]unicipality|[Cc]ounty|[Dd]istrict))?)")


# "the Kenyan government", "the South African government", "Singapore's government": a country's words before it;
# "the German federal government", "the Chinese central government": a level word no local government has between
_COUNTRY_GOVERNMENT = re.compile(r"\b((?:[A-Z][\w'’]+\s+){0,2}[A-Z][\w'’]+)\s+(?:(?:federal|central|national)\s+)?"
                                 r"government\b")


def lowercase_governments(ents: DocumentEntities) -> None:
    """'the Langfang city government', 'the Sichuan provincial government', 'the government of Hebei province', 'the
    Kenyan government'."""
    if "government" not in ents.text:
        return  # each pattern has the word in it: a document without it is not scanned three times
    namer = ents.namer
    for pattern in (_LOWER_GOVERNMENT, _LOWER_GOVERNMENT_OF):
        for m in pattern.finditer(ents.text):
            if ents.covered(m.start(), m.end(), ("organization",)):
                continue
            # the place's whole name first: "the government of the Ningxia Hui Autonomous Region"
            place = namer.place(m.group(1)) or namer.jurisdiction(m.group(1))
            if place and place.place_type in JURISDICTION_TYPES:
                ents.add_org(namer.government_of(place), m.start(), m.end())
            elif place is None and pattern is _LOWER_GOVERNMENT:
                _unknown_local_government(ents, m.group(1), m.group(2), None, m.start(), m.end())
    _governments_of_named_cities(ents)
    for m in _COUNTRY_GOVERNMENT.finditer(ents.text):
        owner = _known_run(m.group(1), m.start(1), namer.country_code, at_start=False)
        country = namer.country_place(owner[2]) if owner is not None else None
        if country is not None and not ents.covered(owner[0], m.end(), ("organization",)):
            ents.add_org(namer.government_of(country), owner[0], m.end())


def _governments_of_named_cities(ents: DocumentEntities) -> None:
    """'the government of the Hungarian city of Szekszard': a place said to be a city, which the reference data
    may not know."""
    for m in _GOVERNMENT_OF_CITY.finditer(ents.text):
        if not ents.covered(m.start(), m.end(), ("organization",)) and ents.namer.place(m.group(3)) is None:
            _unknown_local_government(ents, m.group(3), m.group(2), m.group(1), m.start(), m.end())


def _unknown_local_government(ents: DocumentEntities, name: str, level: str, owner: str | None, start: int,
                              end: int) -> None:
    """'the Padang local government', 'the Fuyuan county government', 'the government of the Hungarian city of
    Szekszard': the government of a place the reference data does not know, by the level its words give, in the
    country its demonym names."""
    if name.startswith("The "):
        name, start = name[4:], start + 4
    if not name or ents.lexicon.is_country_word(name) or ents.namer.country_code(name) is not None:
        return  # "the Chinese local government", "the Kenya county government": no place's own name
    org = ents.namer.from_name(f"{name} {_LEVEL_NAMES[level]} Government", "Government")
    if org is None:
        return
    if owner is not None and org.country_code is None:
        org.country_code = ents.namer.country_code(owner)
    ents.add_org(org, start, end)


# "the Chinese and Mozambican governments", "Shenzhen Municipality and Pingshan District Governments": the owners
# listed before one plural "governments"
_OWNERS_GOVERNMENTS = re.compile(
    r"\b((?:[A-Z][\w'’]+(?: [A-Z][\w'’]+)?,\s+)*[A-Z][\w'’]+(?: [A-Z][\w'’]+)?),?\s+and\s+(?:the\s+)?"
    r"([A-Z][\w'’]+(?: [A-Z][\w'’]+)?)\s+(?:(?:[Pp]rovincial|[Mm]unicipal|[Cc]ity|[Dd]istrict|[Cc]ounty)\s+)?"
    r"(?:[Pp]eople['’]s\s+)?[Gg]overnments\b")
_LEVEL_AFTER = re.compile(r"\s+(?:Provincial|Municipal|City|District|County)$")
_OWNER = re.compile(r"(?!The\b)[A-Z][\w'’]+(?: [A-Z][\w'’]+)?")


def owners_governments(ents: DocumentEntities) -> None:
    """'the Chinese and Samoan Governments', 'the Kenyan, Ugandan and Chinese governments', 'Shenzhen Municipality and
    Pingshan District Governments': one government per owner listed before a plural "governments", each owner a
    country (by its name or its people's word) or a jurisdiction, mentioned at the owner's words. A list whose
    owners are not all known is left alone."""
    if "overnments" not in ents.text:
        return
    namer = ents.namer
    for g in _OWNERS_GOVERNMENTS.finditer(ents.text):
        owners = list(_OWNER.finditer(ents.text, g.start(), g.end(2)))
        govs = []
        for m in owners:
            owner = _LEVEL_AFTER.sub("", m.group(0))  # "Wuhan Municipal Governments": the level is no owner's word
            code = namer.country_code(owner)
            place = namer.country_place(code) if code else namer.jurisdiction(owner)
            if place is None or place.place_type not in JURISDICTION_TYPES:
                break
            govs.append((namer.government_of(place), m.start(), m.start() + len(owner)))
        else:
            for gov, start, end in govs:
                if not ents.covered(start, end, ("organization",)):
                    ents.add_org(gov, start, end)


def plural_governments(ents: DocumentEntities) -> None:
    """'the Municipal People's Governments of Wuxi, Hangzhou and Wenzhou': one government per place listed."""
    if "Governments" not in ents.text:
        return
    namer = ents.namer
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


_BODIES_OF = re.compile(r"\b(Department|Bureau|Commission|Office|Committee)s\s+of\s+"
                        r"((?:[A-Z][\w'’-]*|and|&)(?:,?\s+(?:[A-Z][\w'’-]*|and|&))*?)\s+of\s+(?:the\s+)?(?=[A-Z])")
_BODIES_OF_OPENING = re.compile(r"(?:Department|Bureau|Commission|Office|Committee)s\s")  # the bound dropped: skipped to


def plural_departments(ents: DocumentEntities) -> None:
    """'the Departments of Education and Training of Quang Ninh, Lang Son and Cao Bang': one department per place
    listed, each named in the singular ("Department of Education and Training of Lang Son") and mentioned at its
    place's name."""
    if "s of " not in ents.text:
        return
    namer = ents.namer
    for g in matches_from(_BODIES_OF, _BODIES_OF_OPENING, ents.text):
        head, remit, pos = g.group(1), g.group(2), g.end()
        while (m := _LISTED_NAME.match(ents.text, pos)) is not None:
            if _jurisdiction_named(ents, m.group(1)) is None:
                break
            org = namer.from_name(f"{head} of {remit} of {m.group(1)}", head)
            if org is not None and not ents.covered(m.start(1), m.end(1), ("organization",)):
                ents.add_org(org, m.start(1), m.end(1))
            if not m.group(2):
                break
            pos = m.end()


def _jurisdiction_named(ents: DocumentEntities, name: str) -> PlaceRef | None:
    """A jurisdiction a list names: a reference place, or a subdivision abroad by its bare name when only one
    subdivision has it (a list of them makes the name a place's)."""
    place = ents.namer.place(name)
    if place is not None:
        return place if place.place_type in JURISDICTION_TYPES else None
    candidates = ents.rules.bare_subdivisions.get(name.lower())
    return candidates[0] if candidates and len(candidates) == 1 else None


def short_forms(ents: DocumentEntities) -> None:
    """A name-shaped organisation that is another's name written short or misspelled is that organisation: the head
    of exactly one longer name ('the Polytechnic Institute' after 'Polytechnic Institute of Zhejiang University'),
    its first own word and its head ('the Lingang Group' after 'Shanghai Lingang Economic Development Group'), or a
    name with one letter too few or too many in a word no reference name has, where the other has a word that one
    has ('Guangong Foreign Affairs Office', 'Provincal')."""
    for short in list(ents.orgs.values()):
        if set(short.aliases.values()) != {"corpus"}:
            continue
        named_for_place = short.org_type == "university" and ents.namer.place(short.canonical_name.split()[0]) is not None
        longer = [] if named_for_place else [  # "Hanoi University" is no short "Hanoi University of Science and ..."
            o for o in ents.orgs.values() if o is not short
            and o.canonical_name.startswith((short.canonical_name + " of ", short.canonical_name + " for "))]
        if not longer and not named_for_place:
            longer = [o for o in ents.orgs.values() if o is not short and _written_short(ents, short, o)]
        if not longer:
            longer = [o for o in ents.orgs.values() if o is not short and _misspelled(ents, short, o)]
        if len(longer) == 1:
            _merge_into(ents, short, longer[0])


def _merge_into(ents: DocumentEntities, gone: Org, target: Org) -> None:
    """One organisation's names and mentions moved to another, which it is."""
    for alias in gone.aliases:
        target.aliases.setdefault(alias, "corpus")
    ents.mentions = [Mention("organization", target.organization_id, m.surface, m.start, m.end)
                     if m.entity_type == "organization" and m.entity_id == gone.organization_id else m
                     for m in ents.mentions]
    del ents.orgs[gone.organization_id]


# "University of Nairobi" / "Nairobi University" (and "University of Nairobi University", both at once): the words the
# university is named by, whichever side of "University" they stand
_UNIVERSITY_OF = re.compile(r"(?:The |the )?University of (?:the )?(?P<own>.+?)(?: University)?")
OWN_UNIVERSITY = re.compile(r"(?:The |the )?(?P<own>.+?) University")


def word_order_variants(ents: DocumentEntities) -> None:
    """"University of Pretoria" and "Pretoria University" in one document are one university: writers turn a
    university's name round, and the two shapes found it twice. The one with reference names keeps them; of two
    found by their shapes the first mentioned stays. Two reference universities are left apart (the list knows
    them as two)."""
    if "University" not in ents.text:
        return
    groups: dict[str, list[str]] = {}
    for oid, org in ents.orgs.items():
        if org.org_type != "university":
            continue
        keys = {key for name in (org.canonical_name, *org.aliases) if (key := _university_key(name))}
        for key in keys:
            groups.setdefault(key, []).append(oid)
    first = {}
    for m in ents.mentions:
        if m.entity_type == "organization":
            first.setdefault(m.entity_id, m.start)
    for ids in groups.values():
        orgs = [ents.orgs[i] for i in ids if i in ents.orgs]
        if len(orgs) < 2 or sum("reference" in o.aliases.values() for o in orgs) > 1:
            continue
        orgs.sort(key=lambda o: ("reference" not in o.aliases.values(), first.get(o.organization_id, len(ents.text))))
        for other in orgs[1:]:
            _merge_into(ents, other, orgs[0])


def shortened_names(ents: DocumentEntities) -> None:
    """"Fujian University" beside "Fujian Medical University", "St. Polytechnic University" beside "Peter the Great
    St. Petersburg Polytechnic University": a name found by its shape whose words all stand, in order, with the same
    last word and some other word between two of them, in exactly one longer name of the document is that body
    written short. Not a body the reference data knows ("Shanghai University" beside "Shanghai International Studies
    University"); not a shorter name ending otherwise ("Tokyo University" is no "Tokyo University of Science"); not one
    the longer name holds whole (that is a longer reading of its own name, or a unit's: "Party Committee of X"); and
    not one listed beside the longer ("Hanoi University and Hanoi Pedagogical University" are two); not into a name
    with a possessive inside, which is an owner and its body read as one; not the other word order of a university
    the reference data knows ("Tokyo University", "Nairobi University": the University of Tokyo, of Nairobi)."""
    words = {oid: _plain_words(o.canonical_name) for oid, o in ents.orgs.items()}
    known = _known_university_keys(ents.rules)
    for oid, short in list(ents.orgs.items()):
        mine = words[oid]
        if len(mine) < 2 or "reference" in short.aliases.values() or _university_key(short.canonical_name) in known:
            continue
        longer = [ents.orgs[other] for other, theirs in words.items()
                  if other != oid and other in ents.orgs and len(theirs) > len(mine) and theirs[-1] == mine[-1]
                  and _in_order(mine, theirs) and not _holds(theirs, mine)
                  and not _POSSESSIVE.search(ents.orgs[other].canonical_name)]
        if len(longer) == 1 and not _listed_together(ents, short, longer[0]):
            _merge_into(ents, short, longer[0])


@derived
def _known_university_keys(rules: Rulebook) -> frozenset[str | None]:
    """The own words (`_university_key`) of every university the reference data names, by any of its names."""
    return frozenset(_university_key(name) for o in rules.organizations if o.org_type == "university"
                     for name in (o.canonical_name, *o.aliases)) - {None}


def _plain_words(name: str) -> tuple[str, ...]:
    return tuple(w for w in re.sub(r"[^\w.\s]", " ", name).lower().split() if w != "the")


def _in_order(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether the words of `short` all stand in `long`, in that order."""
    rest = iter(long)
    return all(any(w == x for x in rest) for w in short)


def _holds(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """Whether `short` is a run of words of `long`."""
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


_POSSESSIVE = re.compile(r"\w['’]s\b")  # "Saudi Arabia's Center for X": an owner and its body read as one name
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+)?")


def _listed_together(ents: DocumentEntities, one: Org, other: Org) -> bool:
    """Whether a mention of one body and a mention of the other stand side by side in a list ("A, B", "A and B")."""
    spans = {oid: [(m.start, m.end) for m in ents.mentions if m.entity_type == "organization" and m.entity_id == oid]
             for oid in (one.organization_id, other.organization_id)}
    a, b = spans.values()
    return any(_LIST_JOIN.fullmatch(ents.text, e1, s2) for first, second in ((a, b), (b, a))
               for _, e1 in first for s2, _ in second if 0 < s2 - e1 < 12)


# "Guangzhou-based Sun Yat-sen University", "Beijing Chinese Academy of Social Sciences": a place (or "<place>-based")
# before a name; "Portuguese Embassy in China", "Fudan University of Shanghai": a place after it
_PLACE_BEFORE = tuple(re.compile(rf"(?P<place>{words})(?P<based>-based)? (?P<core>[A-Z].+ .+)")
                      for words in (r"[A-Z][\w'’.]*", r"[A-Z][\w'’.]* [A-Z][\w'’.]*"))
_PLACE_AFTER = re.compile(r"(?P<core>.+ .+?),? (?P<prep>of|in|at) (?P<place>(?:the )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?)")


def place_qualified_names(ents: DocumentEntities) -> None:
    """"Guangzhou-based Sun Yat-sen University" or "Fudan University of Shanghai" beside "Sun Yat-sen University" or
    "Fudan University" in one document: a name with a place before or after it that is, without the place, the name of
    exactly one other organisation of the document is that organisation, written with where it is. A known body of
    another country than the place's stays apart ("Ministry of Science and Technology of Venezuela" is not China's), and
    so does a branch in another region than the body's own ("Shenzhen Bank of China"). The known name stays, and a
    "-based" description gives way; else the fuller name stays."""
    names, places_of = _names_and_places(ents)
    for qualified in list(ents.orgs.values()):
        if qualified.organization_id not in ents.orgs or "reference" in qualified.aliases.values():
            continue
        for core, place, based, owner in _place_readings(ents, qualified.canonical_name):
            others = [ents.orgs[i] for i in names.get(core, ()) if i != qualified.organization_id and i in ents.orgs]
            if len(others) != 1 or others[0].org_type != qualified.org_type or len(places_of[core]) > 1:
                continue
            plain = others[0]
            country = place.country_code or ("CN" if place.region_code else None)
            if owner and plain.country_code and country and plain.country_code != country:
                break
            if place.place_type != "country" and plain.region_code and place.region_code not in (None, plain.region_code):
                break
            if based or "reference" in plain.aliases.values():
                _merge_into(ents, qualified, plain)
            else:
                _merge_into(ents, plain, qualified)
            break


def _names_and_places(ents: DocumentEntities) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Each name (canonical or alias) of the document's organisations -> their ids, and each name read without a
    place (`_place_readings`) -> the places it is written with: with two ("Jilin X", "Xinjiang X"), the bare X may be
    either body."""
    names: dict[str, set[str]] = {}
    places_of: dict[str, set[str]] = {}
    for oid, org in ents.orgs.items():
        for name in (org.canonical_name, *org.aliases):
            names.setdefault(name, set()).add(oid)
        for core, place, _, _ in _place_readings(ents, org.canonical_name):
            places_of.setdefault(core, set()).add(place.name)
    return names, places_of


def _place_readings(ents: DocumentEntities, name: str) -> Iterator[tuple[str, PlaceRef, bool, bool]]:
    """Each reading of a name as another name with a place before or after it: the name without the place, the place,
    whether it was written "<place>-based", and whether the place may be the body's country ("of China", "Beijing ...";
    a body "in" or "at" a place may be another country's, as an embassy is)."""
    for pattern in _PLACE_BEFORE:  # "Beijing ...", "Hong Kong ..."
        m = pattern.fullmatch(name)
        if m and (place := _place_named(ents, m["place"])) is not None:
            yield m["core"], place, bool(m["based"]), True
    m = _PLACE_AFTER.fullmatch(name)
    if m and (place := _place_named(ents, m["place"])) is not None:
        yield m["core"], place, False, m["prep"] == "of"


def _place_named(ents: DocumentEntities, name: str) -> PlaceRef | None:
    """A reference place, or a subdivision abroad by its bare name when only one subdivision has it ("Assam")."""
    place = ents.namer.place(name)
    if place is not None:
        return place
    candidates = ents.rules.bare_subdivisions.get(name.lower())
    return candidates[0] if candidates and len(candidates) == 1 else None


def _university_key(name: str) -> str | None:
    """The words a university's name gives it besides "University", in lower case; None for a name of no such shape
    or whose own words are not all capitalised ("University of Science and Technology" is many universities)."""
    m = _UNIVERSITY_OF.fullmatch(name) or OWN_UNIVERSITY.fullmatch(name)
    if m is None:
        return None
    words = m["own"].split()
    if not all(w[:1].isupper() for w in words) or "University" in words:
        return None
    return " ".join(words).lower()


def _written_short(ents: DocumentEntities, short: Org, other: Org) -> bool:
    """Whether a two-word name ("Lingang Group") is the first word of another's name after its places, and its last
    word ("Shanghai Lingang Economic Development Group")."""
    words = short.canonical_name.split()
    if len(words) != 2 or words[1] not in ents.lexicon.heads:
        return False
    for name in (other.canonical_name, *other.aliases):
        own = name.split()
        while own and own[0] != words[0] and ents.namer.place(own[0]) is not None:
            own = own[1:]
        if len(own) > 2 and own[0] == words[0] and own[-1] == words[1]:
            return True
    return False


def _misspelled(ents: DocumentEntities, short: Org, other: Org) -> bool:
    """Whether a name is another's with one word written with a letter too few or too many, where the word as written
    is in no reference name and the other is ("Guangong" for "Guangdong"; "Shanxi" and "Shaanxi" are two provinces)."""
    for written in (short.canonical_name, *short.aliases):
        words = written.split()
        for name in (other.canonical_name, *other.aliases):
            right = name.split()
            if len(right) != len(words) or len(name) < 12:
                continue
            differ = [(a, b) for a, b in zip(words, right) if a != b]
            if len(differ) == 1 and one_letter_apart(*differ[0]) and _known_word(ents.rules, differ[0][1]) \
                    and not _known_word(ents.rules, differ[0][0]):
                return True
    return False


def _known_word(rules: Rulebook, word: str) -> bool:
    return word.lower() in _name_words(rules)


@derived
def _name_words(rules: Rulebook) -> frozenset[str]:
    """The words of the reference data's organisation and place names, in lower case: the words a name is spelled
    with when it is spelled right."""
    names = [n for o in rules.organizations for n in (o.canonical_name, *o.aliases)]
    names += [n for p in rules.places for n in (p.name, *p.aliases)]
    return frozenset(w.lower() for n in names for w in n.split())


def branches(ents: DocumentEntities) -> None:
    """'the Xinjiang Branch of the Chinese Academy of Sciences', 'Shenzhen branch of Bank of China': a region's or a
    city's branch of a known organisation is an organisation of its own, named as written, of its parent's type, under it and in
    the place's region; later mentions of '<place> branch' are that branch."""
    if "ranch of " not in ents.text:
        return  # every match holds it ("[Bb]ranch of "): a document without it is not scanned
    namer = ents.namer
    for m in _BRANCH_OF.finditer(ents.text):
        parent = next((ents.orgs[o.entity_id] for o in ents.mentions if o.entity_type == "organization"
                       and o.start == m.end()), None)
        place = namer.place(m.group(1))
        if parent is None or place is None or place.place_type == "country" \
                or ents.covered(m.start(), m.end(), ("organization",)):
            continue  # a country's branch ("the Japan Branch of X") is the body's own office abroad: no place of it
        end = max(o.end for o in ents.mentions if o.entity_type == "organization" and o.start == m.end())
        name = ents.text[m.start():end]
        branch = Org(org_id_for(name), name, parent.org_type, None, place.region_code or parent.region_code,
                     place.country_code or parent.country_code, parent.organization_id, parent=parent)
        branch.aliases[name] = "corpus"
        ents.add_org(branch, m.start(), end)
        _later_branch_mentions(ents, branch, f"{m.group(1)} {m.group(2)}", end)


def _later_branch_mentions(ents: DocumentEntities, branch: Org, short: str, after: int) -> None:
    """'the Xinjiang branch' after 'Xinjiang Branch of the ...': the same branch."""
    for m in re.finditer(rf"\b{re.escape(short)}\b(?! of\b)", ents.text, re.I):
        if m.start() >= after and not ents.covered(m.start(), m.end(), ("organization",)):
            ents.add_org(branch, m.start(), m.end())


@derived
def _hosted_unit(rules: Rulebook) -> tuple[re.Pattern, re.Pattern]:
    """The pattern of a hosted unit's name, and where one may begin (its names without the word bound, which the
    regex engine skips to: the pattern, opening with the bound, was tried at every character of the document)."""
    names = rules.rules.get("hosted_unit_names") or []
    if not names:
        return re.compile("(?!)"), re.compile("(?!)")
    return re.compile(rf"\b({phrase_alternation(names)})(?:\s+(Headquarters))?(\s+(?:at|of)\s+(?:the\s+)?)?"), \
        re.compile(phrase_alternation(names))


def hosted_units(ents: DocumentEntities) -> None:
    """'Makerere University Confucius Institute', 'the Confucius Institute at Piura University' (`hosted_unit_names`):
    a unit that universities around the world each host is named with its host, as a unit of it, and not as one
    body shared by every document; its "Headquarters" is a body of its own. A bare mention is left as it is."""
    for m in matches_from(*_hosted_unit(ents.rules), ents.text):
        start, end = m.start(1), m.end(2) if m.group(2) else m.end(1)
        orgs = [o for o in ents.mentions if o.entity_type == "organization"]
        host = None
        if not m.group(2):
            host = next((o for o in orgs if o.end < start and ents.text[o.end:start].isspace()), None) \
                or next((o for o in orgs if m.group(3) and o.start == m.end()), None)
            if host is None:
                continue
            start, end = min(start, host.start), max(end, host.end)
        name = ents.text[start:end]
        parent = ents.orgs[host.entity_id] if host else None
        org = Org(org_id_for(name), name, "university_unit" if parent else "other", None,
                  parent.region_code if parent else None, parent.country_code if parent else None,
                  parent.organization_id if parent else None, parent=parent)
        org.aliases[name] = "corpus"
        inside = [o for o in ents.mentions if o.entity_type == "organization" and o is not host
                  and start <= o.start and o.end <= end]
        ents.mentions = [o for o in ents.mentions if o not in inside]
        ents.add_org(org, start, end)
        named = {o.entity_id for o in ents.mentions}
        for o in inside:  # the bare unit, when this was its only mention
            if o.entity_id not in named:
                ents.orgs.pop(o.entity_id, None)



# A company's name as a company noun classifies it: up to five capitalised words ("Hualan Biological Bacterin",
# "Procter & Gamble")
_COMPANY_RUN = r"[A-Z][\w&'’.-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&'’.-]*){0,4}"  # on one line


@derived
def _company_nouns(rules: Rulebook) -> tuple[re.Pattern, re.Pattern]:
    """A company noun before a name ("the company X", "biotech conglomerate X"), and one after it ("Romania's X
    company", "X, an unmanned technology company") (`company_nouns`)."""
    nouns = phrase_alternation(rules.rules.get("company_nouns") or [])
    if not nouns:
        return re.compile("(?!)"), re.compile("(?!)")
    before = re.compile(rf"\b(?:{nouns})[ \t]+({_COMPANY_RUN})")
    after = re.compile(rf"(?<![\w'’&.-])({_COMPANY_RUN})(?:[ \t]+|,[ \t]+an?[ \t]+(?:[a-z][\w-]*[ \t]+){{0,4}})(?:{nouns})\b")
    return before, after


def classified_companies(ents: DocumentEntities) -> None:
    """'the Chinese company Hualan Biologicals', 'biotech conglomerate BioFarmaco', 'Romania's Nuclearo company',
    'Pix Motion, an unmanned technology company': a name that a company noun classifies is a company's, whatever its
    words (a company needs no suffix or head word). An owner before the name ("Romania's", "Chinese") is none of its
    words; a person's, a place's or a country's name, or words with a title in them ("the company President Li Wei")
    are no company's."""
    if not any(noun.split()[0] in ents.text for noun in ents.rules.rules.get("company_nouns") or ()):
        return  # both patterns need a company noun; most documents hold none (the second is tried at every capital)
    before, after = _company_nouns(ents.rules)
    for rx in (before, after):
        for m in rx.finditer(ents.text):
            words = list(re.finditer(r"\S+", m.group(1)))
            owned = False
            while words and (POSSESSIVE.search(words[0].group(0)) or ents.lexicon.is_country_word(words[0].group(0))):
                words, owned = words[1:], True
            if not words or rx is after and not owned and "," not in m.group(0):
                continue  # "the Internet company", "Energy company": a noun before "company" says what it does
            start, end = m.start(1) + words[0].start(), m.start(1) + words[-1].end()
            if POSSESSIVE.search(words[-1].group(0)):
                end -= 2
            elif ents.text[end - 1] == "." and words[-1].group(0) not in ("Co.", "Inc.", "Ltd.", "Corp."):
                end -= 1  # the sentence's full stop
            if _company_name(ents, ents.text[start:end].split()) and not ents.covered(start, end):
                _add_company(ents, start, start, end)


_OBJECT = re.compile(r" (?:of|for) [A-Z]")
# "Department of Geography in Engineering Building": the field's words open the name of a place, not the remit's end
_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z]")
# "EPFL-based International Risk Governance Council", "China-based Realcan": what follows "<X>-based" is a name
_BASED = re.compile(rf"(?<![\w'’.-])[A-Z][\w'’.&]*-based[ \t]+(?:the[ \t]+)?({_COMPANY_RUN})")


def based_names(ents: DocumentEntities) -> None:
    """'EPFL-based International Risk Governance Council', 'China-based Realcan will provide': "<X>-based" says where
    a body is, and the capitalised words after it are its name. A name read with the description in it is read again
    without it (still mentioned with it); words no other pass read are a company's name (`_company_name`: no place,
    person or title)."""
    if "-based " not in ents.text:
        return
    for m in _BASED.finditer(ents.text):
        start, end = m.span(1)
        words = m.group(1).split()
        if POSSESSIVE.search(words[-1]):
            end -= 2
        elif ents.text[end - 1] == ".":
            end -= 1
        over = [k for k in ents.mentions if k.start < end and m.start() < k.end]
        if not over:
            _add_based_company(ents, m.start(), start, end)
            continue
        described = [k for k in over if k.entity_type == "organization" and k.start < start < k.end <= end]
        if len(over) != 1 or not described:
            continue  # the name is read already, or something else holds its words
        name = ents.text[start:described[0].end]
        org = ents.orgs.get(org_id_for(name)) or ents.namer.from_name(name, ents.orgs[described[0].entity_id].canonical_name.split()[-1])
        if org is None:
            continue
        ents.forget(described[:1])
        ents.add_org(org, min(m.start(), described[0].start), described[0].end)  # "Hong Kong-based ..."


def topics_after_in(ents: DocumentEntities) -> None:
    """'Institute for Research and Innovation in Health', 'Centre for International Cooperation in Education': a name
    with an object ("of ...", "for ...") goes on over "in" with a field (remit words, `portfolio_words`, a list closed
    by "and"), not with a place ("Institute for Research in Lisbon" is where it is), nor with the first words of
    another name ("in Engineering Building", "in Science and Technology Park")."""
    if " in " not in ents.text:
        return
    portfolio = ents.lexicon.portfolio
    for k in [k for k in ents.mentions if k.entity_type == "organization" and ents.text.startswith(" in ", k.end)]:
        org = ents.orgs.get(k.entity_id)
        end = remit_end(ents.text, k.end + 4, portfolio) if org is not None else None
        if end is None or not _OBJECT.search(k.surface) or "reference" in org.aliases.values() \
                or ents.covered(k.end, end) or ents.namer.place(ents.text[k.end + 4:end]) is not None \
                or _NAME_GOES_ON.match(ents.text, end):
            continue
        longer = ents.namer.from_name(ents.text[k.start:end], org.canonical_name.split()[-1])
        if longer is None:
            continue
        ents.forget([k])
        ents.add_org(longer, k.start, end)


def _add_based_company(ents: DocumentEntities, at: int, start: int, end: int) -> None:
    """Capitalised words after "<X>-based" that no pass read: a company's name, when they may be one, mentioned with
    its description (at `at`), which lists it with what stands before ("A, X-based B and C")."""
    texts = ents.text[start:end].split()
    if len(texts) <= 3 and _company_name(ents, texts) and not any(_common_word(ents, w) for w in texts):
        _add_company(ents, at, start, end)


def _add_company(ents: DocumentEntities, at: int, start: int, end: int) -> None:
    """The company named by the words from start to end, mentioned from `at`; none when the name reads as a body of
    another type (a university, a ministry)."""
    org = ents.namer.from_name(ents.text[start:end], ents.text[start:end].split()[-1])
    if org is not None and org.org_type in ("enterprise", "other"):
        org.org_type = "enterprise"
        ents.add_org(org, at, end)


def _common_word(ents: DocumentEntities, word: str) -> bool:
    """A word of a title-case headline, not of a name: the document writes it in lower case elsewhere, or it is a
    company noun ("Shenzhen-based Startups Win Prizes")."""
    lower = word.lower()
    return re.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", ents.text) is not None \
        or lower.rstrip("s") in ents.rules.rules.get("company_nouns", ())


_LOWER_COMPOUND = re.compile(r"-[a-z]")


def _company_name(ents: DocumentEntities, words: list[str]) -> bool:
    """Whether words may be a company's name: no title, honorific or stop word in them, not a place's or a country's
    name, and not a person's name (a family name and a pinyin given name, or a known given name first)."""
    lex, rules = ents.lexicon, ents.rules
    if not words or words[-1] in lex.event_name_ends:
        return False  # ("a startup Demo Day", "the firm Annual Report": an event's or a document's name)
    if any(w in lex.stop_words or w.lower() in STOP_WORDS or lex.is_title_word(w) or w in lex.honorifics
           or _LOWER_COMPOUND.search(w) for w in words):
        return False  # ("a Shenzhen-based company", "a Sino-foreign firm": words that describe, not name)
    name = " ".join(words)
    if ents.namer.place(name) or ents.namer.country_code(name) or lex.is_country_word(name):
        return False
    return not (len(words) == 2 and (is_surname(rules, words[0]) and is_pinyin_given(rules, words[1])
                                     or is_given_name(rules, words[0])))
