"""What every fact extractor needs about one document: its text, sentences, entities and dates."""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from pipeline.core.entities.document import DocumentEntities, add_place, shallow_copy
from pipeline.core.entities.model import Mention, Org
from pipeline.core.entities.orgs import org_namer
from pipeline.core.facts.dates import FoundDate, find_dates, year_hint
from pipeline.core.reference import JURISDICTION_TYPES, PlaceRef, Rulebook
from pipeline.core.text import Sentence

# A year named anywhere ("In 2016", "the 2019 forum"): what "that year" points back to.
_YEAR_MENTION = re.compile(r"\b((?:19|20)\d{2})\b")
_LOCATIVE = re.compile(r"\b(?:in|at|near|across|throughout|around|inside|within)\s+(?:the\s+)?(?:city\s+of\s+)?"
                       r"(?:(?:[A-Z][\w'’]*|[a-z]+ern)\s+){0,2}$")
# "at XCU, Henan, China", "in Pudong, Shanghai": a place in the address of a venue after a locative
_ADDRESS = re.compile(r"\b(?:in|at)\s+(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+(?:of\s+)?[A-Z][\w'’.&-]*){0,6}\s*,\s*"
                      r"(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\s*,\s*)?$")
# "in Santiago, the capital of Chile": the country or province of a place in apposition, where, not who
_CAPITAL_OF = re.compile(r",\s*(?:the\s+)?(?:[a-z]+\s+){0,2}?(?:capital|capital\s+city|city|town|port|province|"
                         r"region|state|county|seat)\s+of\s+(?:the\s+)?(?:[A-Z][\w'’]*\s+){0,2}$")
# "BEIJING, June 3 (Xinhua) --", "HONG KONG, Oct 9 —": where the story was filed
_DATELINE = re.compile(r",\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\s*(?:\([^)]*\)\s*)?(?:--|—|–|-)")
_PLACE_AS_MODIFIER = re.compile(
    r"\s+(?:(?!Province|City|Municipality|Region|District|County|SAR|Government|Special|Autonomous)[A-Z][a-z][\w'’-]*\s+"
    r"(?:(?:and\s+|&\s+|of\s+)?[A-Z][\w'’-]*\s+)*(?:Center|Centre|Park|Zone|Area|Base|Cluster|Corridor|Hub|Lab|Laboratory)\b"
    r"|(?:and\s+[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?\s+)?(?:[a-z-]+\s+)?(?:institutions|universities|companies|"
    r"enterprises|firms|researchers|scientists|students|scholars|experts|partners|counterparts|officials)\b)")
_PURPOSE = re.compile(r"\b(?:to|will|and|on|for)\s+(?:jointly\s+|also\s+)?(?:set up|setting up|establish|establishing|"
                      r"build|building|launch|launching|create|creating|found|co-build|open)\s+(?:the|a|an|new)\s+$",
                      re.I)
_VENUE_AFTER = re.compile(r"['’]?s?\s+(?:campus|headquarters|premises|offices?|auditorium|hall)\b", re.I)
# Whoever stands after these cues, to the next comma (to the end of the sentence for witnesses), is a circumstance.
_AUSPICES = re.compile(r"\b(?:under the auspices of|in the presence of|witnessed by|hosted by|organi[sz]ed by|"
                       r"sponsored by|supported by|(?:via|by|through|over) (?:a )?video(?:\s?link| conference)? between)\s",
                       re.I)


# "Witnessed by A, B and C signed an agreement between X and Y": the witnesses end where the signing is told
_SIGNED = re.compile(r"\b(?:signed|inked|sealed|concluded|renewed)\b", re.I)


# Before a place: a plural of unnamed bodies located there ("universities in Australia", "companies from Brazil")
# "the X Institute from Yunnan Province", "Y University, from Hunan": a place told as the home of the body before it
# ("based in", "located in" are locatives, `_LOCATIVE`)
_FROM_PLACE = re.compile(r"\s*,?\s*from\s+(?:the\s+)?")
# "Huawei Chile", "TUM Beijing", "the X Institute, Nanjing, China": a place right after a body's name (a space on the same
# line, or a comma before a further place of an address) names the body's branch or seat
_SEAT_AFTER_NAME = re.compile(r" |,\s*")
_SEAT_TAIL = re.compile(r",\s*[A-Z]")
_GROUP_IN = re.compile(r"\b(?:universities|institutions|companies|enterprises|firms|partners|institutes|organi[sz]ations|"
                       r"schools|colleges|counterparts|businesses)\s+(?:(?:based|located)\s+)?(?:in|from|across)\s+"
                       r"(?:the\s+)?$")
# A day told by its distance from the day named before: "two days later", "the following day", "on the same day"
_RELATIVE_DAY = re.compile(r"\b(?:(?P<n>\d{1,2}|a|one|two|three|four|five|six|seven)\s+days?\s+later|"
                           r"the\s+(?:following|next)\s+day|the\s+day\s+after|"
                           r"(?P<same>(?:on\s+)?the\s+same\s+day|that\s+same\s+day|later\s+that\s+day))\b", re.I)
# A word in lower case: a sentence with none but its date is a dateline ("Mar 14, 2023", "March 8, 2022 · SYSU News")
_LOWER_CASE_WORD = re.compile(r"(?<![\w-])[a-z]{3,}(?![\w-])")
_DAY_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_RELATIVE_BACK = 4  # sentences back in which a relative day looks for the day it counts from

# After a person: "of Y", "from the Y", ", Director of Y": where the body they act for is named
# "President of CSU, Tian Hongqi": a capitalised title, "of", the body, a comma, then the name
_TITLE_OF_BODY = re.compile(r"\b[A-Z][\w-]*\s+(?:of|at)\s+(?:the\s+)?([A-Z][^,;:()]{1,60}),\s*"
                            r"(?:(?:Mr|Ms|Mrs|Dr|Prof|Professor)\.?\s+)?$")
_OF_BODY = re.compile(r"(?:\s*,\s*[^,;:()]{0,60}?)?\s+(?:of|from)\s+(?:the\s+)?")
_NAME_RUN = re.compile(r"\s*(?:[A-Z][\w.&'’-]*\s*)*")  # capitalised words only: one name goes on


@dataclass
class DocContext:
    document_id: str
    text: str
    sentences: list[Sentence]
    ents: DocumentEntities
    published: dt.date | None
    rules: Rulebook
    published_precision: str = "day"  # of the publication date: known to the month, `published` is its last day
    _dates: dict[int, list[FoundDate]] = field(default_factory=dict)

    def forked(self) -> DocContext:
        """This context over a copy of its entities (`DocumentEntities.fork`), for the next fact kind: a kind
        adds entities only to its own copy, and the kinds after it start from what it left. What is cached
        about the text (dates, sentence positions, the dateline) carries over."""
        twin = shallow_copy(self)
        twin.ents = self.ents.fork()
        return twin

    @functools.cached_property
    def _sentence_positions(self) -> dict[int, int]:
        positions: dict[int, int] = {}
        for i, sent in enumerate(self.sentences):
            positions.setdefault(sent.start, i)
        return positions

    def sentence_index(self, start: int, default: int | None = None) -> int | None:
        """Where the sentence starting at `start` stands in `sentences` (a dict look-up, not a scan)."""
        return self._sentence_positions.get(start, default)

    @functools.cached_property
    def fallback_year(self) -> int | None:
        return year_hint(self.text[:400]) or year_hint(self.text)

    def dates_in(self, sent: Sentence) -> list[FoundDate]:
        if sent.start not in self._dates:
            prior = self.year_before(sent.start) if " year" in sent.text else None  # "that year"
            # the year a date without one takes matters only where the page is undated (`find_dates`' fallback_year)
            hint = None if self.published else year_hint(sent.text) or self.fallback_year
            found = find_dates(sent.text, sent.start, self.published, hint, prior, self.published_precision)
            self._dates[sent.start] = found or self._relative_day(sent)
        return self._dates[sent.start]

    def _relative_day(self, sent: Sentence) -> list[FoundDate]:
        """'Two days later', 'On the same day', 'the following day': a day counted from the last day named before
        (within a few sentences)."""
        # Every form holds "day", in any case: a sentence without it is not searched (the regex is tried at every
        # character). Only "d", "a", "y" themselves and their capitals match them ignoring case, and they lower to them.
        m = _RELATIVE_DAY.search(sent.text) if "day" in sent.text.lower() else None
        if m is None:
            return []
        k = self.sentence_index(sent.start)
        if k is None:
            return []
        for prev in reversed(self.sentences[max(0, k - _RELATIVE_BACK):k]):
            days = [d for d in self.dates_in(prev) if d.precision == "day" and not d.dateline]
            if days:
                count = m.group("n")
                step = 0 if m.group("same") else _DAY_COUNTS.get(count.lower(), 1) if count else 1
                if count and count.isdigit():
                    step = int(count)
                return [FoundDate(days[-1].date + dt.timedelta(days=step), "day", sent.start + m.start(),
                                  sent.start + m.end())]
        return []

    @functools.cached_property
    def _years(self) -> tuple[list[int], list[int]]:
        """Where the document names a year, and which (one pass over the text)."""
        found = [(m.start(), int(m.group(1))) for m in _YEAR_MENTION.finditer(self.text)]
        return [p for p, _ in found], [y for _, y in found]

    def year_before(self, pos: int) -> int | None:
        """The last year named before `pos` ("In 2016 ... That year, ...")."""
        positions, years = self._years
        k = bisect.bisect_left(positions, pos)
        return years[k - 1] if k else None

    @functools.cached_property
    def event_date(self) -> FoundDate | None:
        """The day the news happened: a body date on or just before publication ("today", "(11 April 2019)").

        A news report that dates nothing else reports what happened on its publication day, when that day is
        known (not when the page is dated to the month only)."""
        if not self.published or self.published_precision != "day":
            return None
        other_days, dateline = False, None
        for s in self.sentences:
            for d in self.dates_in(s):
                if not self.in_prose(s, d):
                    continue  # a dateline ("Mar 14, 2023", "March 8, 2022 · Zhuhai · SYSU News") dates the page
                if d.precision == "day" and dt.timedelta(0) <= self.published - d.date <= dt.timedelta(days=7):
                    if not d.dateline:
                        return d
                    dateline = dateline or d  # "MACAU, October 21 - ... today (20th)": the body's day comes first
                other_days = other_days or d.precision == "day"
        return dateline or (None if other_days else FoundDate(self.published, "day", -1, -1))

    @staticmethod
    def in_prose(sent: Sentence, date: FoundDate) -> bool:
        """Whether a date stands in prose (a lower-case word beside it in its sentence), not on a line of page
        furniture that dates the page ("Mar 14, 2023", "Add Time: 2019-12-27 10:18:05 Hits:")."""
        return bool(_LOWER_CASE_WORD.search(sent.text.replace(sent.text[date.start - sent.start:date.end - sent.start], "")))

    @functools.cached_property
    def dateline_place(self) -> str | None:
        """The place a news story was filed from ("BEIJING, June 3 (Xinhua) --"), in its first lines."""
        for m in self.ents.mentions:
            if m.start > 600:
                break
            if m.entity_type == "place" and _DATELINE.match(self.text, m.end) \
                    and (self.text[self.text.rfind("\n", 0, m.start) + 1:m.start].strip() == ""
                         or (len(m.surface) >= 4 and m.surface.isupper())):  # "date 2025-10-21 MACAU, October 21 -"
                return m.entity_id
        return None

    def orgs_in(self, start: int, end: int) -> list[Mention]:
        return self.ents.in_mentions("organization", start, end)

    def people_in(self, start: int, end: int) -> list[Mention]:
        return self.ents.in_mentions("person", start, end)

    def places_in(self, start: int, end: int) -> list[Mention]:
        return self.ents.in_mentions("place", start, end)

    def org(self, org_id: str) -> Org:
        return self.ents.orgs[org_id]

    def place_ref(self, place_id: str) -> PlaceRef:
        return self.ents.place_refs[place_id]

    def government_for_place(self, m: Mention) -> str | None:
        """A jurisdiction acting as a party or visitor is represented by its government.

        A city abroad is not: "a delegation from Kuala Lumpur" names where the visitors come from,
        and its city administration has no name the reference data could give it."""
        p = self.ents.place_refs.get(m.entity_id)
        if p is None or p.place_type not in JURISDICTION_TYPES:
            return None
        if p.place_type != "country" and p.country_code not in (None, "CN"):
            return None
        return self.ents.add_org(org_namer(self.rules).government_of(p), m.start, m.end).organization_id

    def add_place(self, p: PlaceRef) -> str:
        """A reference place the facts name without a mention of it (where a signing was held), as a place id."""
        return add_place(self.ents, p).place_id

    def add_mention(self, m: Mention) -> None:
        """A mention found by a fact extractor (a lab's name)."""
        self.ents.mentions.append(m)

    def actors_in(self, start: int, end: int) -> list[str]:
        """Organisations in a stretch of text, with jurisdictions turned into their governments."""
        out: list[str] = []
        found = sorted(self.orgs_in(start, end) + self.places_in(start, end), key=lambda m: m.start)
        places = {(m.start, m.end) for m in found if m.entity_type == "place"}  # (a place may be read as its government too)
        for k, m in enumerate(found):
            prev, nxt = (found[k - 1] if k else None), (found[k + 1] if k + 1 < len(found) else None)
            if m.entity_type == "place" and nxt is not None and nxt.entity_type == "organization" \
                    and self.text[m.end:nxt.start].strip() in ("", "'s", "’s"):
                continue  # "the US Atofina Chemical Co Ltd", "China's Ministry of ...": whose, not who
            if m.entity_type == "place" and re.match(r"['’]s\s", self.text[m.end:m.end + 3]):
                continue  # "China's science ministry", "East China's Shandong province": an owner, not an actor
            if m.entity_type == "place" and (self.text[m.end:m.end + 1] == "-" or self.text[m.start - 1:m.start] == "-"
                                              or _PLACE_AS_MODIFIER.match(self.text, m.end)):
                continue  # "the Hubei-Hong Kong ... Scheme", "Guangxi institutions", "Hefei Comprehensive National
                # Science Center": the place qualifies something else
            if m.entity_type == "place" and (_GROUP_IN.search(self.text, max(0, m.start - 60), m.start)
                                              or (prev is not None and prev.entity_type == "organization"
                                                  and _FROM_PLACE.fullmatch(self.text, prev.end, m.start))):
                continue  # "universities in Australia", "partners from Brazil": where unnamed bodies are, not who;
                # "the Kunming Institute of Botany from Yunnan Province": where the body named before is from
            if (m.entity_type == "place" and len(m.surface) >= 5 and m.surface.isupper()) \
                    or ((m.start, m.end) in places and self._seat(found, k, places)):
                continue  # "CHONGQING DEAL --", "BEIJING, June 3": a label or dateline, not an actor; "Huawei Chile",
                # "China Telecom Tianjin Branch", "the X Institute, Nanjing, China": the body's branch or seat
            if prev is not None and prev.entity_type == "organization" \
                    and re.fullmatch(r"\s*\(", self.text[prev.end:m.start]) and self.text[m.end:m.end + 1] == ")":
                continue  # "University of ... Army (PLA)": an abbreviation of the name before it
            if self._circumstance(m):
                continue
            oid = m.entity_id if m.entity_type == "organization" else self.government_for_place(m)
            if oid and oid not in out:
                out.append(oid)
        return out

    def _seat(self, found: list[Mention], k: int, places: set[tuple[int, int]]) -> bool:
        """Whether the place found[k] stands right after a body's name as its branch or seat: a space on the same line
        ("Huawei Chile"), or a comma with a further place after it ("the X Institute, Nanjing, China")."""
        m = found[k]
        prev = next((x for x in reversed(found[:k]) if x.end <= m.start), None)
        if prev is None or prev.entity_type != "organization" or (prev.start, prev.end) in places \
                or not _SEAT_AFTER_NAME.fullmatch(self.text, prev.end, m.start):
            return False
        return self.text[prev.end:m.start] == " " or bool(_SEAT_TAIL.match(self.text, m.end))

    def _circumstance(self, m: Mention) -> bool:
        """Where or under whom something happened, not who acted: "signed in Fuzhou", "at the UM
        campus", "under the auspices of the FDCT"."""
        before = self.text[max(0, m.start - 40):m.start]
        if m.entity_type == "place" and (_LOCATIVE.search(before) or _DATELINE.match(self.text, m.end)
                                          or _ADDRESS.search(before) or _CAPITAL_OF.search(before)):
            return True
        if m.entity_type == "organization" and (_VENUE_AFTER.match(self.text, m.end) or _PURPOSE.search(before)):
            return True  # "at the UM campus", "to jointly establish the X Research Institute": not a party
        sent_start = self.text.rfind("\n", 0, m.start) + 1
        for cue in _AUSPICES.finditer(self.text, max(sent_start, m.start - 300), m.start):
            if cue.group(0).lower().startswith(("witness", "in the presence")):  # to the signing verb, if one follows
                verb = _SIGNED.search(self.text, cue.end(), m.start)
                zone_end = verb.start() if verb else -1
            else:
                zone_end = self.text.find(",", cue.end())
            if zone_end == -1 or m.start < zone_end:
                return True
        return False

    def footprint(self, org_id: str) -> str:
        """Departments stand for their government, units for their university, when comparing parties."""
        org = self.ents.orgs.get(org_id)
        if org and org.parent_organization_id and org.org_type in ("government_department", "university_unit"):
            return org.parent_organization_id
        return org_id

    def affiliation(self, person_key: str) -> tuple[str | None, str | None]:
        p = self.ents.people.get(person_key)
        if not p or not p.affiliations:
            return None, None
        org_ids = [a for a, _ in p.affiliations if a]
        titles = [t for _, t in p.affiliations if t]
        return (org_ids[0] if org_ids else None), (titles[0] if titles else None)

    def person_body(self, person_key: str) -> str | None:
        """The organisation a person acts for: their affiliation, else the body named right after a mention of them
        ("Prof. X of Y (YY)", "Dr X from Y", "X, Director of Y"); a body before a country its name opens with."""
        org, _ = self.affiliation(person_key)
        if org is not None:
            return org
        for m in self.ents.mentions:
            if m.entity_type != "person" or m.entity_id != person_key:
                continue
            titled = _TITLE_OF_BODY.search(self.text, max(0, m.start - 90), m.start)
            if titled is not None:  # "President of CSU, Tian Hongqi, ...": the body of the title before the name
                orgs = [x for x in self.ents.mentions if x.entity_type == "organization"
                        and titled.start(1) <= x.start < titled.end(1)]
                if orgs:
                    return orgs[0].entity_id
            after = _OF_BODY.match(self.text, m.end)
            if after is None:
                continue
            names = [x for x in self.ents.mentions if x.entity_type in ("organization", "place")
                     and after.end() <= x.start <= after.end() + 80]
            names = [x for x in names if _NAME_RUN.fullmatch(self.text, after.end(), x.start)]
            orgs = [x for x in names if x.entity_type == "organization"]
            if orgs:
                return orgs[0].entity_id
        return None

    def recent(self, pos: int, place_types: tuple[str, ...]) -> Mention | None:
        """The last place of the given types mentioned before `pos` ("the city", "the province")."""
        best, best_government = None, None
        namer = org_namer(self.rules)
        for m in self.ents.mentions:
            if m.start >= pos:
                break
            if m.entity_type == "place" and self.ents.place_refs[m.entity_id].place_type in place_types:
                best, best_government = m, None
            elif m.entity_type == "organization":
                place = namer.jurisdiction_of(self.ents.orgs[m.entity_id])
                if place is not None and place.place_type in place_types:
                    best, best_government = m, place  # "the Langfang city government"
        if best_government is not None:  # the place it governs, mentioned where its government is
            return self.add_place_mention(best_government, best.start, best.end)
        return best

    def add_place_mention(self, p: PlaceRef, start: int, end: int) -> Mention:
        place = add_place(self.ents, p)
        m = Mention("place", place.place_id, self.text[start:end], start, end)
        self.add_mention(m)
        self.ents.mentions.sort(key=lambda x: (x.start, x.end))  # `recent` reads them in text order
        return m
