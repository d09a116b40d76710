"""Definite descriptions ("the University", "the ministry", "the province") that refer back to an organisation."""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator

from pipeline.core.entities.document import DocumentEntities
from pipeline.core.entities.model import Mention
from pipeline.core.phrases import phrase_alternation
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


_BANNER_LINES = 400  # characters at the top of a page in which a banner line names its own body
_HOME_MENTIONS = 2  # mentions the body a page names most must have to be taken as the page's own


def _either_case(word: str) -> str:
    """A word as a pattern with its first letter in either case ("[Uu]niversity")."""
    return f"[{word[0].upper()}{word[0].lower()}]{re.escape(word[1:])}"


@derived
def _own_pattern(rules: Rulebook) -> re.Pattern:
    """The `own_references` phrases ("our university", "Our University") as one pattern, each word's first letter in
    either case, not a part of a longer word, a group per organisation type (named by it) around that type's
    phrases: one scan of a text finds them all."""
    groups = [f"(?P<{org_type}>" + "|".join(r"\s+".join(map(_either_case, p.split())) for p in phrases) + ")"
              for org_type, phrases in rules.rules.get("own_references", {}).items()]
    return re.compile(r"(?<![\w-])(?:" + "|".join(groups) + r")\b(?!-)" if groups else "(?!)")


@derived
def _banner(rules: Rulebook) -> re.Pattern:
    """A banner line's words before the body it names ("Welcome to"), or none."""
    return re.compile(r"(?:(?:" + phrase_alternation(rules.rules.get("home_banner_openers", ())) + r")\s+)?", re.I)


def own_references(ents: DocumentEntities) -> None:
    """'our university', 'our institute': the publisher's own body of that type (`_home_body`), where the page
    makes it out."""
    if "our " not in ents.text and "Our " not in ents.text:
        return
    added = []
    for m in _own_pattern(ents.rules).finditer(ents.text):
        if ents.covered(m.start(), m.end()):
            continue
        k = bisect.bisect_right(ents.sentence_starts, m.start()) - 1
        sent = ents.sentences[k] if k >= 0 and m.start() < ents.sentences[k].end else None
        home = _home_body(ents, m.lastgroup, m.group(0).split()[-1].title(),
                          (sent.start, sent.end) if sent else (m.start(), m.end()))
        if home is not None:
            added.append(Mention("organization", home, m.group(0), m.start(), m.end()))
    ents.mentions.extend(added)  # out of order: `recognise` sorts them last


def _home_body(ents: DocumentEntities, org_type: str, noun: str, said_in: tuple[int, int]) -> str | None:
    """The body of this type a page is published by, for a reference to it in the stretch `said_in`: the one its
    banner names (a line at its top holding only the name, or "Welcome to" and the name; the only body such lines
    name), else the one of the type it names most, at least twice and more than any other (among those whose name
    holds the noun, "Institute" for "our institute", when there are any). Never one named beside the reference ("X
    visited our university": X is the guest, not the page's own; "Berg said our university will send a delegation
    to X": X is the host)."""
    kind = [m for m in ents.mentions if m.entity_type == "organization" and ents.orgs[m.entity_id].org_type == org_type]
    beside = {m.entity_id for m in kind if said_in[0] <= m.start < said_in[1]}
    banner = _banner(ents.rules)
    banners = set()
    for m in (m for m in kind if m.start < _BANNER_LINES):
        line_start = ents.text.rfind("\n", 0, m.start) + 1
        line_end = ents.text.find("\n", m.end)
        if banner.fullmatch(ents.text, line_start, m.start) \
                and ents.text[m.end:len(ents.text) if line_end == -1 else line_end].strip(" .") == "":
            banners.add(m.entity_id)
    if len(banners) == 1:  # several bodies, each on its own line, are a list ("Partners" and their names): no banner
        return None if banners & beside else banners.pop()
    kind = [m for m in kind if m.entity_id not in beside]
    named = [m for m in kind if noun in ents.orgs[m.entity_id].canonical_name]
    counts = Counter(m.entity_id for m in named or kind).most_common(2)
    if counts and counts[0][1] >= _HOME_MENTIONS and (len(counts) == 1 or counts[0][1] > counts[1][1]):
        return counts[0][0]
    return None
