"""Laboratories, research centres and platforms: name, type, host, director, status.

Names come from shapes kept in the reference data: a prefix that opens a name ("Partner State Key
Laboratory of X", "Hong Kong Branch of National ... Centre"), a suffix that closes one ("X Joint
Laboratory", "X Technology Transfer Platform"), or a lower-case phrase introduced by a setting-up
verb ("establishing a blockchain business innovation center"). Plural, generic mentions ("16
Partner State Key Laboratories") are not labs. One lab named two ways in a document ("CNERC for
Steel Construction (Hong Kong Branch)" and "Hong Kong Branch of National Engineering Research
Centre for Steel Construction") gets one id: ids key on the type and the topic words.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from pipeline.core.entities.model import Mention
from pipeline.core.entities.orgs import org_namer
from pipeline.core.facts.context import DocContext
from pipeline.core.ids import canonical_key, make_id
from pipeline.core.phrases import gated_regex, kind_regexes, phrase_alternation, rule_regex
from pipeline.core.reference import Rulebook, derived
from pipeline.core.text import Sentence

# (a slash joins two capitalised words into one: "Micro/Nano", "AI/ML"; so does an en dash, as a hyphen does:
# "China Harbour–PolyU", "Xi’an–Tajikistan", the typeset pair of partners)
_DASHED = "[-–]"
_CAP_WORD = r"(?:[A-Z][\w'’.-]*(?:[/–][A-Z][\w'’.-]*)*|[A-Z]{2,}s?)"
_CONNECT_WORDS = ("of", "and", "for", "on", "in", "the", "&")  # small words inside a capitalised name
_CONNECT = rf"(?:{'|'.join(_CONNECT_WORDS)})"
_TOPIC = rf"{_CAP_WORD}(?:(?:\s+(?:{_CONNECT}\s+)*|,\s+){_CAP_WORD})*"
_GENERIC_WORDS = {"hong", "kong", "branch", "of", "chinese", "national", "engineering", "research", "centre", "center",
                  "cnerc", "skl", "technology", "for", "the", "and", "laboratory", "lab", "state", "key", "partner",
                  "joint", "on", "in"}
# A capitalised adverb never stands in a lab's name: a headline joined to the name ("Advancing Excellence Nationally
# and Globally State Key Laboratory of X") ends before it.
_ADVERB = re.compile(r"[A-Z][a-z]{2,}(?:ally|ively|ously|ingly|edly|ntly)")
# Before a suffix name's head, what ends a run of capitalised words that is not the name: a capitalised adverb, a
# locative ("Firms in the"), an office ("the Executive Director of", "Deputy Head of the"), a plural noun opening the
# sentence ("Scientists of the")
_SUFFIX_BREAK = re.compile(rf"\b{_ADVERB.pattern}\s+(?:and\s+)?|\s(?:in|at|on|from|with)\s+the\s+|^[A-Z][a-z]+s\s+of\s+the\s+"
                           r"|\b(?:Director|Head|Dean|"
                           r"President|Chair|Chairman|Chairperson|Secretary|Manager|Leader|Coordinator|Founder|Member|"
                           r"Fellow|Professor)\s+of\s+(?:the\s+)?")
# The end of a name before the next one's head, and the comma or "and" between them
_AFTER_NAME = re.compile(r"(?:[A-Z][\w'’-]*|\))(?:\s*,|\s+(?:and|&))?\s+$")
_OPENS = re.compile(r"\s+(?:of|for|on|in)\s+(?:the\s+)?[A-Z]")
_LIST_TAIL = re.compile(r"(?:\s*,|\s+(?:and|&))?\s*$")


@dataclass
class Lab:
    name: str
    lab_type: str
    lab_id: str
    host: str | None = None
    director: str | None = None
    status: str = "existing"
    established_year: int | None = None
    mentions: list[tuple[Sentence, int, int]] = field(default_factory=list)  # sentence, name start, name end
    in_passing: bool = True  # every mention names it only as where someone works, visits or comes from


@dataclass(frozen=True)
class _Shape:
    """A shape's regex with the literal words it cannot match without.

    Every shape is tried on every sentence and most sentences name no lab: a substring test for the
    shape's own (case-sensitive) words rules a sentence out far faster than running the regex.
    """

    rx: re.Pattern
    words: tuple[str, ...]

    def finditer(self, text: str):
        return self.rx.finditer(text) if self.possible(text) else iter(())

    def possible(self, text: str) -> bool:
        """Whether the text holds every one of the words (`map` over `in`: no generator's frame at each of them)."""
        return all(map(text.__contains__, self.words))

    def matches(self, text: str, trim):
        """Every match, each trimmed by `trim`; the search goes on where a trimmed name ended, so a match
        that ran on into a second name ("the A Laboratory of X and the B Laboratory of Y") does not hide it."""
        if not self.possible(text):
            return
        pos = 0
        while (m := self.rx.search(text, pos)) is not None:
            ls, le = trim(m)
            yield m, ls, le
            pos = le if m.start() < le < m.end() else m.end()
            if pos <= m.start():
                pos = m.start() + 1


@derived
def _shapes(rules: Rulebook) -> list[tuple[_Shape, str, str]]:
    """(regex, lab_type, side) for every prefix and suffix shape, longest first."""
    out = []
    for lab_type, spec in rules.rules["lab_kinds"].items():
        for p in spec.get("prefix", []):
            phrase = _spaced(p)
            # "Joint Research Center Between A and B": a capitalised "Between" is the name's, as title case writes it
            rx = (rf"(?<![\w])(?:Hong Kong\s+)?{phrase}(?:\s+(?:of|for|on|in)\s+(?:the\s+)?{_TOPIC}|\s+Between\s+{_TOPIC})?"
                  rf"(?:\s+\(Hong Kong Branch\))?(?!\w)")
            out.append((_Shape(re.compile(rx), tuple(p.split())), lab_type, "prefix", len(p)))
        for p in spec.get("lead", []):
            rx = rf"(?<![\w]){_spaced(p)}\s+(?:the\s+)?{_TOPIC}(?:\s+\(Hong Kong Branch\))?"
            out.append((_Shape(re.compile(rx), tuple(p.split())), lab_type, "lead", len(p)))
        for s in spec.get("suffix", []):
            phrase = _spaced(s)
            rx = rf"(?<![\w])(?:{_CAP_WORD}\s+(?:(?:{_CONNECT})\s+)*)+?(?P<head>{phrase})(?![\w])"
            out.append((_Shape(re.compile(rx), tuple(s.split())), lab_type, "suffix", len(s)))
    out.sort(key=lambda t: -t[3])
    return [(rx, t, side) for rx, t, side, _ in out]


@derived
def _bare_heads(rules: Rulebook) -> frozenset[str]:
    """Every kind's own phrases, in lower case: a name that is one of them alone ("its Innovation Center", "the
    Technology Transfer Centre") names no lab but the one a sentence refers back to."""
    return frozenset(p.lower() for spec in rules.rules["lab_kinds"].values() for side in ("prefix", "suffix")
                     for p in spec.get(side, []))


@derived
def _shape_gate(rules: Rulebook) -> re.Pattern:
    """Matches wherever any shape's longest word occurs: a sentence without one can match no shape."""
    words = {max(shape.words, key=len) for shape, _, _ in _shapes(rules)}
    return re.compile("|".join(re.escape(w) for w in sorted(words)))


def _shapes_in(rules: Rulebook, text: str) -> list[tuple[_Shape, str, str]]:
    """The shapes worth trying on `text`: none when the gate rules it out, else all of them, in order."""
    return _shapes(rules) if _shape_gate(rules).search(text) else []


def _spaced(phrase: str) -> str:
    """A phrase as a regex that allows any run of spaces between its words."""
    return r"\s+".join(re.escape(w) for w in phrase.split())


def _topic_key(name: str) -> str:
    words = [w for w in canonical_key(name).split() if w not in _GENERIC_WORDS]
    return " ".join(words)


def canonical_lab_name(name: str, lab_type: str) -> str:
    """'CNERC for X (Hong Kong Branch)' -> 'Hong Kong Branch of National Engineering Research Centre for X'."""
    name = re.sub(r"\s+", " ", name).strip()
    m = re.match(r"^(?:Chinese National Engineering Research Centre|CNERC)\s+for\s+(.+?)\s*\(Hong Kong Branch\)$", name)
    if m:
        return f"Hong Kong Branch of National Engineering Research Centre for {m.group(1)}"
    return re.sub(r"^(?:the|a|an)\s+", "", name)


def extract_labs(ctx: DocContext) -> list[Lab]:
    labs: dict[str, Lab] = {}
    parties: set[str] = set()
    for sent in ctx.sentences:
        list_start, previous_end = None, None
        for start, end, lab_type in _names_in(ctx.rules, sent):
            start = _name_opening(ctx, start, end)
            # "will set up the A, the B and the C": the words before the first name of a list govern them all
            if previous_end is None or not _LIST_GAP.fullmatch(ctx.text, previous_end, start):
                list_start = start
            previous_end = end
            raw = sent.text[start - sent.start:end - sent.start]
            if _is_plural_generic(raw, sent.text, start - sent.start) or _ROOM.match(raw):
                continue
            name = canonical_lab_name(raw, lab_type)
            if lab_type == "national_engineering_research_centre" and "Hong Kong Branch" in raw:
                lab_type = "cnerc_hong_kong_branch"
            topic = (name.lower() not in _bare_heads(ctx.rules) and _topic_key(name)) \
                or _unnamed_joint_key(ctx, sent, start, name)
            if not topic or (lab_type == "research_institute" and _known_body(ctx.rules, name)) \
                    or _not_a_lab(ctx.rules).search(name) or _designation(ctx.rules).search(ctx.text, sent.start, list_start):
                continue
            lab_id = make_id("lab", lab_type, topic)
            if _is_party(ctx, sent, start, end) or _host_slot(ctx.rules).search(ctx.text, sent.start, start):
                parties.add(lab_id)  # a party to a pairing, in this document an organisation wherever it is named
            lab = labs.setdefault(lab_id, Lab(name, lab_type, lab_id))
            if _abbreviated(lab.name) and not _abbreviated(name):
                lab.name = name  # "SKL of X", then "State Key Laboratory of X": the name spelled out
            lab.mentions.append((sent, start, end))
            lab.in_passing = lab.in_passing and _passing(ctx, sent.start, list_start, end, sent.end)
            _fill(ctx, lab, sent, start, end, list_start)
    _merge_variants(ctx.rules, labs)
    _acronym_mentions(ctx, labs)
    _anaphora(ctx, labs)
    return _finished(ctx, labs, parties)


# "the Southeast Asia Biodiversity Research Institute (SABRI)": the acronym a lab's name gives itself in brackets
_BRACKETED = re.compile(r"\s*\(([A-Z][A-Za-z]{1,9})\)")


def _acronym(name: str, acronym: str) -> bool:
    """Whether `acronym` abbreviates `name`: it opens with the name's first initial and its letters are among the
    initials of the name's words, in order ("CIAO" of "China-Iceland Arctic Science Observatory")."""
    initials = "".join(w[0] for w in re.split(r"[\s-]+", name) if w[:1].isupper())
    it = iter(initials)
    return acronym[0] == initials[:1] and all(c in it for c in acronym.upper())


def _acronym_mentions(ctx: DocContext, labs: dict[str, Lab]) -> None:
    """A lab named later by the acronym its name gave itself in brackets ("The SABRI was jointly established by A
    and B", "Director-Designate of MTTI", "the inauguration of CNARC"): each such mention tells of the lab as its
    name would (`_fill`)."""
    for lab in labs.values():
        defined = next(((m.group(1), m.end()) for _, start, end in lab.mentions
                        if (m := _BRACKETED.match(ctx.text, end)) and _acronym(ctx.text[start:end], m.group(1))), None)
        if defined is None:
            continue
        acronym, after = defined
        rx = re.compile(rf"(?<![\w(-]){re.escape(acronym)}(?![\w)-])")
        for sent in ctx.sentences:
            if sent.end <= after or acronym not in sent.text:
                continue
            for m in rx.finditer(ctx.text, max(sent.start, after), sent.end):
                if not any(start <= m.start() < end for _, start, end in lab.mentions):
                    lab.mentions.append((sent, m.start(), m.end()))
                    _fill(ctx, lab, sent, m.start(), m.end(), named=False)
        lab.mentions.sort(key=lambda m: m[1])


def _finished(ctx: DocContext, labs: dict[str, Lab], parties: set[str]) -> list[Lab]:
    """The labs of a document once all its sentences are read: each with its kind and host, and without the parties
    and the bodies that stand alone, which are organisations."""
    kept = []
    for lab in labs.values():
        lab.lab_type = _kind_by_partners(ctx, lab)
        if lab.lab_id in parties or _stands_alone(ctx, lab) or _body_in_passing(lab):
            continue
        ctx.add_mention(Mention("lab", lab.lab_id, ctx.text[lab.mentions[0][1]:lab.mentions[0][2]],
                                         lab.mentions[0][1], lab.mentions[0][2]))
        if lab.host is None:
            lab.host = _nearest_university(ctx, lab.mentions[0][1]) or _main_university(ctx, named=2)
        kept.append(lab)
    return kept


@derived
def _party_slot(rules: Rulebook) -> re.Pattern:
    """The end of the words before a party of a pairing ("an agreement between the ", "signed between A and
    Saudi Arabia's "): a name found there is an organisation in its own right, not a lab."""
    # "signed a memorandum of understanding with the X", "an agreement with X": the other party of an instrument
    instruments = [f"{noun} with" for nouns in rules.rules["agreement_nouns"].values() for noun in nouns]
    cues = phrase_alternation([*(rules.rules.get("lab_party_cues") or []), *instruments])
    owner = r"(?:(?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*['’]s\s+)?"
    return re.compile(rf"\b(?i:{cues})\s+(?:[^.;]{{3,160}}?(?:(?P<comma>,)|\s+and)\s+)?(?:the\s+)?{owner}$"
                      if cues else "(?!)")


@derived
def _signer_slot(rules: Rulebook) -> re.Pattern:
    """The words after a party that signs ("X and Y signed an MoU", "A, the X Centre sign pact", "X (XC) of Y today
    inked ..."): the name, its acronym and owner, a partner named by capitalised words after a comma or "and" ("X,
    both sides signed" is no pairing of X), adverbs and auxiliaries (`lab_signer_adverbs`) or a day, then a signing
    verb (`tight_signing_verbs` but its gerunds and nouns: "the X Lab signing ceremony" may be the lab's own
    founding)."""
    verbs = phrase_alternation(v for v in rules.rules["tight_signing_verbs"] if " " not in v and not v.endswith("ing"))
    name = r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:(?:of|and|for|on|the|&)\s+)*[A-Z][\w'’.-]*)*(?:\s*\([^()]{1,40}\))?"
    owner = rf"(?:\s+(?:of|at)\s+{name})?"
    partner = rf"(?:(?:\s*,|\s+(?:and|&|together\s+with|along\s+with))\s+(?P<partner>{name}))?"
    between = phrase_alternation(rules.rules.get("lab_signer_adverbs") or []) or "(?!)"
    adverbs = rf"(?:\s+(?:{between}|on\s+\w+(?:\s+\d{{1,2}})?))*"
    # (not a participle of a passive: "the X Lab (XL) signed in Y last year", an agreement signed about the lab)
    passive = r"(?!\s+(?:in|on|at|by|during|last|earlier|between)\b)"
    return re.compile(rf"(?:\s*\([^()]{{1,40}}\))?{owner}{partner}{adverbs}\s+(?i:{verbs})\b{passive}") if verbs \
        else re.compile("(?!)")


def _is_party(ctx: DocContext, sent: Sentence, start: int, end: int) -> bool:
    """Whether the name at [start, end) stands in a party slot (`_party_slot`); after a comma only as an item
    of the list of parties, a comma or "and" after it too ("with A, the X Lab and B", not "with A, the X Lab will");
    or signs as one (`_signer_slot`)."""
    signer = _signer_slot(ctx.rules).match(ctx.text, end, sent.end)
    if signer and not (signer.group("partner") and ctx.people_in(signer.start("partner"), signer.end("partner"))):
        return True  # (a partner that is a person signs alone: "At the launch of the X Lab, Vice President Y signed")
    slot = _party_slot(ctx.rules).search(sent.text, 0, start - sent.start)
    return slot is not None and (slot.group("comma") is None or _LIST_ITEM_END.match(ctx.text, end) is not None)


_LIST_ITEM_END = re.compile(r"\s*(?:,|and\b)")


@derived
def _host_slot(rules: Rulebook) -> re.Pattern:
    """The end of the words before another lab's host ("will be run jointly by the ", "was set up by "): a name
    standing there hosts a lab, an organisation in its own right ("run by the X Centre for Railway Research at Y").
    Only the cues of an agent ("... by"): a lab "based at" or "housed at" another stands in it, and that one is still
    a lab ("based at the State Key Laboratory of X")."""
    cues = (r"(?:\s+\w+ly)?\s+".join(_spaced(w) for w in cue.rsplit(" ", 1)) for cue in rules.rules["lab_host_cues"]
            if cue.endswith(" by"))
    return re.compile(rf"\b(?i:{'|'.join(cues)})\s+(?:the\s+)?$")


def _body_in_passing(lab: Lab) -> bool:
    """Whether a centre or institute with no partners and no founding or plan (a `research_institute` that is
    `existing`) is named only in passing (`_passing`): where a person works, a place visited, where visitors come
    from. Nothing is told of it as a lab; it is an organisation. (A laboratory named so is still one: the head
    says research is done there.)"""
    return lab.in_passing and lab.lab_type == "research_institute" and lab.status == "existing" \
        and lab.established_year is None  # "researchers from the X Centre, set up in 2015 by Y": its founding told


@derived
def _passing_patterns(rules: Rulebook) -> tuple[re.Pattern, re.Pattern]:
    """The words before a name that make it a person's unit ("Li Wei, Deputy Director of the", "researchers from
    the", "(Executive Director, ", "who worked at the": `lab_workplace_cues`) or a place visited ("visited the", "a
    tour of A, B and"), and the words after it that make it where visitors come from ("... paid a visit to", "... and
    Fudan University visited") or the organiser of an event ("... hosted a seminar", not "hosted by" nor "held its
    opening ceremony": `lab_organiser_verbs`): built from the titles, people nouns, delegation nouns and visit verbs of the reference
    data."""
    r = rules.rules
    titles = phrase_alternation(rules.title_heads)
    modifiers = phrase_alternation(rules.title_modifiers)
    people = phrase_alternation([*r["people_nouns"], *r["delegation_nouns"], "team", "group"])
    owner = r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*['’]s\s+)?"
    unit = (rf"\b(?:(?:{titles})|(?:{people}))\s+(?:of|at|from|with)\s+(?:the\s+)?{owner}$"
            rf"|[(,]\s*(?:(?:{modifiers})\s+)*(?:{titles})\s*,\s*(?:the\s+)?{owner}$")
    visited = rf"\b(?:{phrase_alternation(r['visit_verbs'])}|tour\s+of|visit\s+to)\b(?:[^.;]{{0,120}}?(?:,|:|\sand))?\s+(?:the\s+)?{owner}$"
    workplace = phrase_alternation(r.get("lab_workplace_cues") or [])
    worked = rf"|\b(?P<worked>{workplace})\s+(?:the\s+)?{owner}$" if workplace else ""
    before = re.compile(rf"(?i:{unit}|{visited}{worked})")
    organised = phrase_alternation(r.get("lab_organiser_verbs") or [])
    # (not "hosted by", the lab's host, nor "held its opening ceremony", its own founding)
    events = phrase_alternation({e.split()[0] for e in r["lab_founding_events"]})
    # nor "held a ceremony to mark its opening", "held an inaugural workshop": its own occasions; nor "held its first
    # academic committee meeting", "hosted its annual open day": an event of its own, the lab at work
    occasions = phrase_alternation(r.get("lab_own_occasions") or []) or "(?!)"
    organiser = (rf"|(?:{organised})\b(?!\s+by\b)(?!\s+(?:its|an?|the)\s+(?:[\w-]+\s+)?(?:{events})\b(?!\s+(?:ceremony\s+)?(?:of|for)\b))"
                 rf"(?!\s+its\s)(?!\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?(?:{occasions})\b)" if organised else "")
    of_owner = r"(?:\s+(?:of|at)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:(?:of|and|for|the|&)\s+)*[A-Z][\w'’.-]*)*)?"
    after = re.compile(rf"^[”\"’]?(?:\s*\([^()]{{1,40}}\))?{of_owner}(?:\s+and\s+[^.;]{{1,80}}?)?\s+"
                       rf"(?:(?:{phrase_alternation(r['travel_verbs'])}|paid\s+a\s+visit|made\s+a\s+visit)\b{organiser})",
                       re.I)
    return before, after


def _passing(ctx: DocContext, opening: int, start: int, end: int, close: int) -> bool:
    """Whether a lab's name, with the words before it from `opening` (its list's opening) to `start` and after it to
    `close` in its sentence, is named in passing (`_passing_patterns`). A workplace cue is a person's: after an
    organisation ("the University of X joined the Y Centre as a partner") the name is a body joined, not a
    person's unit."""
    named_before, named_after = _passing_patterns(ctx.rules)
    before = named_before.search(ctx.text[opening:start])
    if before is not None and "worked" in named_before.groupindex and before.group("worked") is not None:
        cue = opening + before.start("worked")
        before = None if any(not ctx.text[m.end:cue].strip() for m in ctx.orgs_in(opening, cue)) else before
    return bool(before or named_after.match(ctx.text[end:close]))


# A centre named by its bare head and remit ("Centre for X"), or a lower-case institute: no head of its own says
# research is done there ("X Research Centre" does)
_HEAD_ALONE = re.compile(r"(?<!Research )(?<!Research and Development )\b(?:Centre|Center)\s+(?:for|on)\s|\binstitute$")


def _stands_alone(ctx: DocContext, lab: Lab) -> bool:
    """Whether a centre or institute named by its head alone ("Norwegian Centre for X", "the Xinjiang ecology research
    institute") shows nothing of a lab: not joint, no partners, no founding or plan, and no host in its sentences but
    the body its own name is ("Y, head of the Centre for Z (CZ)": the first organisation its sentence names beside
    the name is that body), unless its name states the host ("X Academy Centre for Y", "the Centre for Y of X"). Such
    a name is an organisation's."""
    if lab.lab_type != "research_institute" or lab.status != "existing" or not _HEAD_ALONE.search(lab.name) \
            or re.search(r"\bjoint\b", lab.name, re.I):
        return False
    if lab.host is None:
        return True
    if any(lab.host in (_host_after(ctx, end), _host_within(ctx, start, end)) for _, start, end in lab.mentions):
        return False
    for sent, start, end in lab.mentions:
        first = next((m for m in ctx.orgs_in(sent.start, sent.end) if not (m.start < end and start < m.end)), None)
        if first is not None and first.entity_id in _itself(ctx, start, end):
            return True
    return False


def _itself(ctx: DocContext, start: int, end: int) -> set[str]:
    """The organisations a lab's name at [start, end) is itself (`_is_itself`): the body its acronym names too."""
    return {m.entity_id for m in ctx.orgs_in(max(0, start - 80), end + 120) if _is_itself(ctx, m, start, end)}


def _is_itself(ctx: DocContext, m: Mention, start: int, end: int) -> bool:
    """Whether an organisation's mention is the lab named at [start, end) itself: it covers the name, or opens
    with it and holds its head ("Norwegian Centre for International Cooperation" of a longer name)."""
    return m.start <= start and (end <= m.end or (start < m.end and _CAPITAL_HEAD.search(ctx.text, m.start, m.end)
                                                  is not None))


# "held in C501 of the X Center": a room of a building, a venue
_ROOM = re.compile(r"[A-Z]{1,2}\d{2,4}[A-Z]?\s+of\s")


def _name_opening(ctx: DocContext, start: int, end: int) -> int:
    """A lab name found from its head cannot open inside an organisation's name: "Chinese Academy of Sciences South
    America Center for Astronomy", "Joint Research and Demonstration Center for X" open where that name opens."""
    for m in ctx.orgs_in(max(0, start - 120), end):
        if m.start < start < m.end <= end:
            return m.start
    return start


# A bare head ends its phrase ("opened a joint laboratory to ..."), not a compound ("a joint laboratory programme")
_HEAD_ENDS = re.compile(r"\s*(?:[,.;:()]|$)|\s+(?:to|in|at|for|with|on|that|which|and|under|by|between|last|this|"
                        r"yesterday|today)\b")
_JOINT_ONLY = re.compile(r"joint\s+(?:laboratory|lab|research\s+cent(?:re|er))$", re.I)


def _unnamed_joint_key(ctx: DocContext, sent: Sentence, start: int, name: str) -> str:
    """'A and B opened a joint laboratory': a lab with no name but its head, set up by two organisations the
    sentence names before it, is known by its founders; else it is no record."""
    if not _JOINT_ONLY.fullmatch(name):
        return ""
    founders = list(dict.fromkeys(ctx.actors_in(sent.start, start)))
    return "|".join(sorted(founders)) if len(founders) >= 2 else ""


# A "Laboratory" or "Research Centre" with no sign of partners is one body's own ("Zhejiang Lab", "Laboratory of
# Robotics"); a "Centre for X" named after two partners ("Yale-NUIST Center on X") is a joint one.
_SOLE_KIND = {"joint_laboratory": "other", "joint_research_centre": "research_institute"}
_PAIRED_KIND = {"research_institute": "joint_research_centre"}
_CAPITAL_HEAD = re.compile(r"\b(?:Laboratory|Laboratories|Lab|Centre|Center)\b")
# Partners in a name: "Sino-German", "Yale-NUIST", "China-Laos", "Hubei-Hong Kong", "UM-Huawei"
_PAIR = re.compile(rf"(?<![\w-])([A-Z][\w'’.]*){_DASHED}([A-Z][\w'’.]*)")
# Partners in the sentence: "jointly set up", "co-built", "established by A and B"
_JOINT_VERB = re.compile(r"\b(?:jointly\s+(?:set\s+up|establish|establishe[ds]|built|build|found|founded|launch|launched|"
                         r"construct|constructed|run|operate|operated|open|opened)|co-(?:built|established|founded|"
                         r"constructed|run|operated|hosted))\b", re.I)


def _kind_by_partners(ctx: DocContext, lab: Lab) -> str:
    """The lab's kind once its partners are known: `_SOLE_KIND` when neither its name ("Joint", a pair of
    partners) nor a sentence naming it (a joint setting-up, two founders after a host cue) shows partners,
    `_PAIRED_KIND` when its name pairs two partners."""
    if not _CAPITAL_HEAD.search(lab.name):
        return lab.lab_type  # an institute, a lower-case phrase ("a new Chile research center"): the kind its head gives
    paired = _paired(ctx.rules, lab.name)
    if paired and lab.lab_type in _PAIRED_KIND:
        return _PAIRED_KIND[lab.lab_type]
    joint = re.search(r"\bjoint\b", lab.name, re.I)
    if joint and lab.lab_type in _PAIRED_KIND:  # "Joint Research and Demonstration Center for X"
        return _PAIRED_KIND[lab.lab_type]
    if lab.lab_type not in _SOLE_KIND or paired or joint:
        return lab.lab_type
    for sent, _, end in lab.mentions:
        if _JOINT_VERB.search(sent.text) or len(_founders(ctx, end, sent.end)) > 1:
            return lab.lab_type
    return _SOLE_KIND[lab.lab_type]


def _paired(rules: Rulebook, name: str) -> bool:
    """Whether a name opens with two partners joined by a hyphen (an acronym, a place, a people's name ("Thai")
    or "Sino" on one side)."""
    return any(_proper_word(rules, a) or _proper_word(rules, b) for a, b in _PAIR.findall(name))


def _proper_word(rules: Rulebook, word: str) -> bool:
    """A word a name has of its own, no common noun: a place's name, a people's ("Thai"), an acronym or "Sino"."""
    return word == "Sino" or word.isupper() or org_namer(rules).place(word) is not None \
        or word.lower() in rules.demonyms


def _named_centre(rules: Rulebook, name: str) -> bool:
    """Whether a founded centre's name has words of its own before its head: three or more ("Andes Seed Quality
    Centre"), or a place's, a people's, an acronym ("Peruvian Testing Center"). "The university opened the Language
    Centre", "the Data Centre", "the Career Development Center": services named by common nouns, no labs."""
    words = [w for part in name.split()[:-1] for w in part.split("-") if w not in _CONNECT_WORDS]
    return len(words) >= 3 or any(_proper_word(rules, w) for w in words)


def _founders(ctx: DocContext, end: int, limit: int) -> list:
    """The organisations a host cue right after a lab's name lists ("... established by HZU and MU")."""
    cue = _host_cue(ctx.rules).match(ctx.text, end, limit)
    if cue is None:
        return []
    clause = re.search(r"[,;]|\s(?:was|were|is|are|has|have|will)\s", ctx.text[cue.end():limit])
    return ctx.orgs_in(cue.end(), cue.end() + clause.start() if clause else limit)


@derived
def _not_a_lab(rules: Rulebook) -> re.Pattern:
    """Bodies named like institutes that are no research labs (`lab_not_labs`: "Confucius Institute"), and centres
    whose head a word of `non_research_centre_words` qualifies ("International Exhibition Center", "Press Centre")."""
    phrases = rules.rules.get("lab_not_labs") or []
    words = rules.rules.get("non_research_centre_words") or []
    alternatives = [rf"\b(?:{phrase_alternation(phrases)})\b"] if phrases else []
    if words:
        alternatives.append(rf"\b(?:{phrase_alternation(words)})\s+(?:Centre|Center)\b")  # (not "Culture Research Centre")
        # "Center for International Scientific and Technical Exchange": a remit of one of those words
        alternatives.append(rf"\b(?:Centre|Center)\s+for\s+(?:[^,;()]*\s)?(?:{phrase_alternation(words)})s?$")
    return re.compile("|".join(alternatives) or "(?!)", re.I)


@derived
def _designation(rules: Rulebook) -> re.Pattern:
    """The end of the words before a title a lab is given or a programme it joins (`lab_designation_cues`: "was
    listed as a", "the first batch of the"): the name there is the title, a kind of lab, not one lab. (Not "approved
    as the X": a definite article may give the lab its own name; "batch of the X" names the programme.)"""
    cues = phrase_alternation(rules.rules.get("lab_designation_cues") or [])
    article = r"(?:(?:a|an|one\s+of\s+the|(?<=of\s)the)\s+)?"
    return re.compile(rf"\b(?i:{cues})\s+{article}[“\"‘]?$" if cues else "(?!)")


def _abbreviated(name: str) -> bool:
    """Whether a lab's name opens with an abbreviation of its kind ("CNERC for X", "SKL of X")."""
    first = name.split(" ", 1)[0]
    return len(first) > 2 and first.isupper() and first.isalpha()


def _unplaced(name: str) -> str:
    """A lower-case lab's name without where it is ("technology transfer center in Wuhan"): the place tells one unnamed
    lab from another, not it from the name it gets elsewhere ("Hubei-Hong Kong Technology Transfer Center")."""
    placed = _PLACED.search(name) if name[:1].islower() else None
    return name[:placed.start()] if placed and placed.end() == len(name) else name


def _merge_variants(rules: Rulebook, labs: dict[str, Lab]) -> None:
    """One lab named two ways in a document: "a joint laboratory for additive manufacturing" and the
    "JITRI-SIMTech Joint Laboratory of Additive Manufacturing" are one lab when they are of one type and
    the topic words of one are among those of the other (`_among`). The fuller, capitalised
    name is kept."""
    def rank(lab: Lab) -> tuple:
        return lab.name[:1].isupper(), len(_topic_key(lab.name).split()), lab.mentions[0][1] * -1

    topics = {lab_id: tuple(_topic_key(_unplaced(lab.name)).split()) for lab_id, lab in labs.items()}
    # a word can be cut short only where the written name ends ("... for Chemical Engineering" ends on no topic word)
    ends = {lab_id: canonical_key(lab.name).split()[-1:] == list(topics[lab_id][-1:]) for lab_id, lab in labs.items()}

    for lab_id in sorted(labs, key=lambda i: rank(labs[i])):
        lab = labs[lab_id]
        wider = [other for oid, other in labs.items() if oid != lab_id and other.lab_type == lab.lab_type
                 and _among(rules, topics[lab_id], topics[oid], ends[lab_id], ends[oid]) and rank(other) > rank(lab)]
        if not wider:
            continue
        keep = max(wider, key=rank)
        if lab.name.startswith(keep.name):
            keep.name = lab.name  # the kept name was cut short ("... on Microbial Biotechnolog")
        keep.mentions = sorted(keep.mentions + lab.mentions, key=lambda m: m[1])
        keep.host = keep.host or lab.host
        keep.director = keep.director or lab.director
        _note_status(keep, lab.status)
        keep.established_year = keep.established_year or lab.established_year
        del labs[lab_id]


def _among(rules: Rulebook, words: tuple[str, ...], wider: tuple[str, ...], cut: bool = True,
           wider_cut: bool = True) -> bool:
    """Whether every topic word of one name is among those of a wider one. A country's name and
    its people's are one word ("Sino-Georgia", "Sino-Georgian": one partner written two ways) where the name has a
    topic word of its own besides (a body named after its country alone, "Icelandic Centre for Research", is none of
    the country's labs). The last word of either name may be cut short ("... on Microbial Biotechnolog", a title
    cut off mid-word, as stored excerpts and page titles are), where that name ends on it (`cut`, `wider_cut`)."""
    code = org_namer(rules).country_code
    rest = set(wider)
    countries = {code(v) for v in rest} - {None}
    own = any(code(w) is None for w in words)
    for n, w in enumerate(words):
        if w in rest or (own and code(w) in countries):
            continue
        last = n == len(words) - 1
        if not any((cut and last and _cut(w, v)) or (wider_cut and v == wider[-1] and _cut(v, w)) for v in rest):
            return False
    return True


# A word cut short: at least this many letters kept, at most this many lost ("Biotechnolog" of a title cut off)
_CUT_KEPT, _CUT_LOST = 6, 3


def _cut(short: str, word: str) -> bool:
    """Whether `short` is `word` cut short (`_CUT_KEPT`, `_CUT_LOST`)."""
    return len(short) >= _CUT_KEPT and word.startswith(short) and 0 < len(word) - len(short) <= _CUT_LOST


# Where a lab's name ends: a second name, a clause, a parenthesis. A comma ends it unless it lists the
# topic's parts ("... in Surveying, Mapping and Remote Sensing").
_NAME_CUT = re.compile(r"\s+and\s+the\s+|,\s(?![A-Z][\w-]*(?:\s[A-Z][\w-]*)*(?:,\s[A-Z][\w-]*(?:\s[A-Z][\w-]*)*)*"
                       r",?\sand\s[A-Z])|;\s|\.$|\s+\((?!Hong Kong Branch\))")
# Where a second name opens before a suffix name's head: "A and the B Research Centre", "A; B Research Centre"
_SECOND_NAME = re.compile(r"\s+and\s+the\s+|;\s")
_IN_PLACE = re.compile(r"\s+in\s+(the\s+)?([A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?)")
_TOPIC_TAIL = re.compile(rf"\s+(?:of|for|on)\s+(?:the\s+)?{_TOPIC}")
_TOPIC_LINK = re.compile(r"\s+(?:on|of|for|in)\s+")
_OF_THE_HEAD = re.compile(r"\s(?:of|for)\s+(?:the\s+)?$")
_MODIFIER = re.compile(r"(?:^|(?<=[\s(“\"‘]))((?:[A-Z][\w'’]*|[A-Z]{2,}|\([A-Z][\w'’]*\))(?:[-–][A-Z][\w'’]*)*)(?:\s|-|–|/)$")


def _names_in(rules: Rulebook, sent: Sentence) -> list[tuple[int, int, str]]:
    spans = []
    shapes = _shapes_in(rules, sent.text)
    bounds = _repeated_heads(rules, sent.text) if shapes else []
    for rank, (rx, lab_type, side) in enumerate(shapes):
        for m, ls, le in rx.matches(sent.text, lambda m, side=side: _trim(rules, sent.text, m.start(), m.end(), side,
                                                                           bounds)):
            if side == "suffix" and _OF_THE_HEAD.search(sent.text, m.start(), m.start("head")):
                continue  # "Director of the Laboratory", "a unit of the Lab": the head refers back, names nothing
            spans.append((ls - le, rank, sent.start + ls, sent.start + le, lab_type))
    found = []
    for _, _, s, e, lab_type in sorted(spans):  # the longest name wins; among equals, the longer shape
        if not any(s < fe and fs < e for fs, fe, _ in found):
            found.append((s, e, _type_of(rules, sent.text[s - sent.start:e - sent.start], lab_type)))
    found.extend(_paired_names(rules, sent, found))
    found.extend(_lowercase_names(rules, sent, found))
    found.extend(_paired_lowercase_names(rules, sent, found))
    found.extend(_joint_lowercase_names(rules, sent, found))
    found.extend(_founded_names(rules, sent, found))
    found.extend(_quoted_names(rules, sent, found))
    found.extend(_defined_names(rules, sent, found))
    return sorted(found)


@derived
def _name_stopwords(rules: Rulebook) -> frozenset[str]:
    """Words that never open a lab name: the organisation stop words, except those that open a
    kind's own phrase ("Partner" State Key Laboratory)."""
    openers = {p.split()[0] for spec in rules.rules["lab_kinds"].values() for ps in spec.values() for p in ps}
    return frozenset(set(rules.rules["org_stopwords"]) - openers | _ceremony_words(rules)
                     | {"The", "A", "An", "Its", "Our", "New", "Two", "Both"})


def _ceremony_words(rules: Rulebook) -> set[str]:
    """The words of a lab's own event and of what its ceremony unveils ("Ceremony", "Plaque")."""
    return {*rules.rules.get("lab_event_words", []), *rules.rules.get("lab_ceremony_objects", [])}


def _type_of(rules: Rulebook, name: str, matched: str) -> str:
    """A name that opens with a kind's own phrase is of that kind, whichever shape found it
    ("Hong Kong Branch of ... Engineering Research Centre" is a CNERC branch, not an ERC)."""
    for lab_type, spec in rules.rules["lab_kinds"].items():
        if any(name.startswith(p) for p in (*spec.get("prefix", []), *spec.get("lead", []))):
            return lab_type
    return matched


def _trim(rules: Rulebook, text: str, start: int, end: int, side: str, bounds=()) -> tuple[int, int]:
    """The whole name around a shape match: the capitalised modifiers before it ("Sino-German
    Intelligent Manufacturing" Innovation Center, "Hubei-"Hong Kong ...), the topic after a suffix
    ("... Laboratory for Marine Science"), and nothing of a second name or the sentence after it."""
    head = end - 1 if side == "suffix" else start
    if side == "suffix":
        start = _after_breaks(rules, text, start, end)
        # "toured the Institute of X and the Y Research Center": the run before the head holds a name of its own
        start = max((c.end() for c in _SECOND_NAME.finditer(text, start, head)), default=start)
    end = _name_end(rules, text, start, end, side)
    start = _name_start(rules, text, start, end)
    for verb in _headline_verb(rules).finditer(text, start, end):
        if verb.start() > head:  # "Joint Research Center for X Established": the name ends before its verb
            end = start + len(text[start:verb.start()].rstrip())
            break
        start = verb.end()  # "Nepal And China Set Up Geography Research Center": the name opens after it
    for b in bounds:  # a name does not run over the head of the next one
        if start < b < end:
            start, end = (b, end) if head >= b else (start, _LIST_TAIL.search(text, start, b).start())
    return start, end


def _name_end(rules: Rulebook, text: str, start: int, end: int, side: str) -> int:
    """Where the name of a shape match ends: after the topic a suffix takes ("... Laboratory for Marine
    Science"), before a second name, a clause, a deal named after 'on' or a place after 'in'."""
    stop = _name_stopwords(rules)
    if side == "suffix":
        tail = _TOPIC_TAIL.match(text, end)
        words = list(re.finditer(r"\S+", tail.group(0))) if tail else []
        cut = next((k for k, w in enumerate(words) if w.group(0) in stop), len(words))
        if words and cut == len(words):
            end = tail.end()
        elif cut > 2 and words[cut - 1].group(0)[:1].isupper() and words[cut - 1].group(0) not in _CONNECT_WORDS:
            end = tail.start() + words[cut - 1].end()  # "... for Crop Genetics Opening Ceremony": not the event
    cut = _NAME_CUT.search(text, start, end)
    end = cut.start() if cut else end
    links = list(_TOPIC_LINK.finditer(text, start, end))
    for n, link in enumerate(links):
        upto = links[n + 1].start() if n + 1 < len(links) else end
        barred = stop - _object_words(rules) if link.group(0).strip() == "for" else stop
        words = list(re.finditer(r"\S+", text[link.end():upto]))
        k = next((k for k, w in enumerate(words) if w.group(0) in barred), None)
        if k is not None:
            # "X Laboratory for Soil Health Opening Ceremony": the topic, then the lab's own event; "X Laboratory on
            # Strategic Collaboration": the deal, not the topic (a centre "for Scientific Cooperation" has it as its
            # remit)
            end = link.end() + words[k - 1].end() if k and words[k].group(0) in _event_words(rules) else link.start()
            break
    for where in _IN_PLACE.finditer(text, start, end):
        if where.group(1) or org_namer(rules).place(where.group(2)):
            end = where.start()  # "... Centre in Nanning", "... in the Yazhou Bay Science City"
            break
    return end


@derived
def _event_words(rules: Rulebook) -> frozenset[str]:
    """The stop words that name an event of the lab's own ("Opening", "Unveiling", "Ceremony"): the name ends before
    them, its topic kept."""
    return _name_stopwords(rules) & ({*rules.rules["lab_name_process_nouns"]} | _ceremony_words(rules))


@derived
def _heads(rules: Rulebook) -> re.Pattern:
    """Every prefix and suffix phrase of a lab kind, the longest first."""
    phrases = {p for spec in rules.rules["lab_kinds"].values() for side in ("prefix", "suffix") for p in spec.get(side, [])}
    return re.compile(r"\b(?:" + "|".join(_spaced(p) for p in sorted(phrases, key=len, reverse=True)) + r")\b")


def _repeated_heads(rules: Rulebook, text: str) -> list[int]:
    """Where a head that opens a name ("Key Laboratory of") comes again right after a capitalised word: headings
    and list lines joined into one line ("State Key Laboratory of A State Key Laboratory of B", "Key Laboratory of
    A and Key Laboratory of B"). A head that closes a name ("A Research Centre", "B Research Centre") keeps the
    words before it."""
    seen, out = set(), []
    for h in _heads(rules).finditer(text):
        phrase = " ".join(h.group(0).split())
        if phrase in seen and _OPENS.match(text, h.end()):
            before = _AFTER_NAME.search(text, 0, h.start())
            if before and text[before.start() - 1:before.start()] not in "“\"‘":
                out.append(h.start())  # a name opening a quotation is one name: "Joint Laboratory “A-B Joint Laboratory of X”"
        seen.add(phrase)
    return out


@derived
def _headline_verb(rules: Rulebook) -> re.Pattern:
    """A finite setting-up verb in title case ("Set Up", "Launches", "Established"), as a headline writes it around a
    lab's name: the name's capitalised run stops at it (no name holds a verb in its present or past form)."""
    finite = [v for v in rules.rules["lab_setup_verbs"]
              if v.split()[-1] == "up" or (" " not in v and "-" not in v and v.endswith(("s", "ed")))]
    titled = (" ".join(w[:1].upper() + w[1:] for w in v.split()) for v in finite)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(_spaced(v) for v in titled)})(?![\w-])\s*")


def _after_breaks(rules: Rulebook, text: str, start: int, end: int) -> int:
    """Where a suffix name begins when a capitalised adverb, a locative ("Firms in the") or a group of people
    (`_people_of`) stands before its head: after it."""
    last = None
    for last in _SUFFIX_BREAK.finditer(text, start, end):
        pass
    people = None
    for people in _people_of(rules).finditer(text, start, end):
        pass
    return max(last.end() if last else start, people.end() if people else start)


@derived
def _people_of(rules: Rulebook) -> re.Pattern:
    """A capitalised plural noun of people and the word that ties them to a body ("Members of", "Teachers of the",
    "Visiting Scholars from"): people belong to a lab, no lab's name opens with them (`people_nouns`)."""
    nouns = phrase_alternation(n[:1].upper() + n[1:] for n in rules.rules["people_nouns"])
    return re.compile(rf"(?<![\w-])(?:{nouns})\s+(?:of|from|at|in)\s+(?:the\s+)?")


def _name_start(rules: Rulebook, text: str, start: int, end: int) -> int:
    """Where the name of a shape match begins: after a process noun ("the Construction of") and an owner or stop
    word, with the capitalised modifiers before it ("Sino-German Intelligent Manufacturing" Innovation Center)."""
    stop = _name_stopwords(rules)
    process = _process_noun(rules).match(text, start, end)
    if process:
        start = process.end()  # "the Construction of X Innovation Center": the process, not the name
    while True:
        first = text[start:end].split(" ", 1)[0]
        # (and a small word left after them: "Inauguration Ceremony of X Joint Lab" opens at X)
        while (first in stop and first not in _object_words(rules) or first.endswith(("'s", "’s"))
               or first in _CONNECT_WORDS) and " " in text[start:end]:
            start += len(first) + 1  # "UM's State Key Laboratory": the owner, not the name
            first = text[start:end].split(" ", 1)[0]
        m = _MODIFIER.search(text, 0, start)
        if not m or (m.group(1) in stop and m.group(1) not in _object_words(rules)) \
                or m.group(1).endswith(("'s", "’s")) or _ADVERB.fullmatch(m.group(1)):
            return start  # ("International Cooperation Center": a modifier, though no name opens with it)
        start = m.start(1)


@derived
def _object_words(rules: Rulebook) -> frozenset[str]:
    return frozenset(rules.rules["org_object_words"])



@derived
def _process_noun(rules: Rulebook) -> re.Pattern:
    return re.compile(rf"(?:{phrase_alternation(rules.rules['lab_name_process_nouns'])})\s+of\s+(?:the\s+)?(?=[A-Z])")


@derived
def _founded_patterns(rules: Rulebook) -> list[tuple[re.Pattern, str]]:
    verbs = phrase_alternation(rules.rules["lab_setup_verbs"])
    founded = phrase_alternation([v for v in rules.rules["lab_founding_verbs"] if " " not in v])
    out = []
    for lab_type, heads in rules.rules.get("lab_founded_heads", {}).items():
        alts = "|".join(_spaced(h) for h in sorted(heads, key=len, reverse=True))
        name = rf"((?:{_CAP_WORD}\s+(?:(?:and|&|of|for)\s+)?)+?(?:{alts}))"
        out.append((re.compile(rf"\b(?i:{verbs})\s+{_ADVERBIAL}(?:(?:the|a|an|new)\s+)+{name}(?![\w-])"), lab_type))
        # "A Southeast Asia Biodiversity Research Institute (SABRI), established by A and B, has been unveiled", "the
        # X Institute was jointly founded by ...": an institute as the subject of a founding verb in the passive
        # ("The X Institute (XI) – a new research institute in Y – was officially launched": an apposition between dashes)
        out.append((re.compile(rf"(?:^|\b(?:[Tt]he|An?|[Nn]ew)\s+)(?!(?:The|An?|New)\s){name}(?![\w-])(?:\s*\([A-Z][\w-]*\))?"
                               rf"(?:\s+[–—]\s+[^–—.;]{{1,200}}?\s+[–—])?"
                               rf"(?:\s*,\s*|\s+(?:has|have|had)\s+been\s+|\s+(?:was|were|is|are)\s+)"
                               rf"(?:(?:jointly|officially|formally|newly)\s+)?(?i:{founded})\b"), lab_type))
    return out


# Before a name in a founded lab's topic: a link ("of", "and", a comma), then the name's capitalised run
_TOPIC_LINKS = re.compile(r"(?:\s+(?:of|and|&)|,)\s+(?:the\s+)?")
_CAP_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


@derived
def _founded_body_heads(rules: Rulebook) -> frozenset[str]:
    """The last words of bodies' names (`_body_heads`) and of research bodies' ("Academy", "Institute"): a run of
    capitalised words ending in one, after the head of a founded lab, names the host or a partner, not the topic."""
    return _body_heads(rules) | {h.split()[-1] for h in rules.rules["org_heads"].get("research_institute", ())}


@derived
def _setup_verb(rules: Rulebook):
    """Any setting-up verb, in any case and anywhere: a sentence without one matches no `_founded_patterns`."""
    verbs = rules.rules["lab_setup_verbs"]
    return gated_regex(re.compile(phrase_alternation(verbs), re.I), verbs)


def _founded_names(rules: Rulebook, sent: Sentence, taken) -> list[tuple[int, int, str]]:
    """'will set up the CityU Fujian Research Institute': an institute named as the object of a setting-up verb."""
    out = []
    if not _setup_verb(rules).search(sent.text):
        return out  # every pattern opens with a setting-up verb
    for rx, lab_type in _founded_patterns(rules):
        for m in rx.finditer(sent.text):
            # "established the X Institute of Nigeria-China Development Studies": its topic after the head, up to a
            # body's name ("the X Institute of Jilin University", "... of Asian Studies and Lund University")
            if lab_type == "joint_research_centre" and not _named_centre(rules, m.group(1)):
                continue
            end = _name_end(rules, sent.text, m.start(1), m.end(1), "suffix")
            body = next((c for c in _TOPIC_LINKS.finditer(sent.text, m.end(1), end)
                         if (run := _CAP_RUN.match(sent.text, c.end())) and run.end() <= end
                         and run.group(0).split()[-1] in _founded_body_heads(rules)), None)
            s, e = sent.start + m.start(1), sent.start + (body.start() if body else end)
            if not any(s < te and ts < e for ts, te, _ in taken + out):
                out.append((s, e, lab_type))
    return out


@derived
def _paired_pattern(rules: Rulebook) -> re.Pattern:
    heads = phrase_alternation(rules.rules.get("lab_paired_heads") or [])
    return re.compile(rf"(?<![\w-])[A-Z][\w'’.]*{_DASHED}[A-Z][\w'’.]*(?:\s+{_CAP_WORD}){{0,3}}?\s+(?:{heads})(?![\w-])"
                      if heads else "(?!)")


def _paired_names(rules: Rulebook, sent: Sentence, taken) -> list[tuple[int, int, str]]:
    """'the Sino-Danish Center', 'the Kenya-China Institute': a centre or institute named after two partners
    (`_paired`) is a lab, though its head alone names none; a topic after "for" or "on" is its own. It is found as
    an institute, as "Centre for X" is, and `_kind_by_partners` makes a paired centre a joint one."""
    out = []
    if "-" not in sent.text and "–" not in sent.text:
        return out
    for m in _paired_pattern(rules).finditer(sent.text):
        side = "suffix" if re.match(r"\s+(?:for|on)\s", sent.text[m.end():]) else "prefix"  # "of UCAS": its host
        s, e = sent.start + m.start(), sent.start + _name_end(rules, sent.text, m.start(), m.end(), side)
        name = sent.text[m.start():e - sent.start]
        if _paired(rules, name) and not _not_a_lab(rules).search(name) \
                and not any(s < te and ts < e for ts, te, _ in taken + out):
            out.append((s, e, "research_institute"))
    return out


@derived
def _paired_lowercase_patterns(rules: Rulebook) -> list[tuple[re.Pattern, str]]:
    out = []
    for lab_type, heads in (rules.rules.get("lab_paired_lowercase_heads") or {}).items():
        alts = "|".join(_spaced(h) for h in sorted(heads, key=len, reverse=True))
        out.append((re.compile(rf"(?<![\w-])[A-Z][\w'’.]*-[A-Z][\w'’.]*(?:\s+[a-z][\w-]*){{0,2}}?\s+(?:{alts})(?![\w-])"),
                    lab_type))
    return out


@derived
def _paired_lowercase_gate(rules: Rulebook) -> re.Pattern:
    """Matches wherever a lower-case head of `lab_paired_lowercase_heads` may stand."""
    heads = {h.split()[-1] for hs in (rules.rules.get("lab_paired_lowercase_heads") or {}).values() for h in hs}
    return re.compile("|".join(re.escape(h) for h in sorted(heads)) or "(?!)")


def _paired_lowercase_names(rules: Rulebook, sent: Sentence, taken) -> list[tuple[int, int, str]]:
    """'a joint Czech-Chilean laboratory was opened': a lower-case head after a name of two partners (`_paired`), with
    its lower-case topic ("... laboratory for soil health")."""
    out = []
    if "-" not in sent.text or not _paired_lowercase_gate(rules).search(sent.text):
        return out  # most sentences hold no lower-case head
    for rx, lab_type in _paired_lowercase_patterns(rules):
        for m in rx.finditer(sent.text):
            tail = _LC_TAIL.match(sent.text, m.end())
            s, e = sent.start + m.start(), sent.start + (tail.end() if tail else m.end())
            if _paired(rules, m.group(0)) and not any(s < te and ts < e for ts, te, _ in taken + out):
                out.append((s, e, lab_type))
    return out


_LC_WORD = (r"(?!(?:in|at|with|by|to|which|that|who|will|would|was|were|is|are|has|have|had|from|since|between|as|on|and"
            r"|or|of|for|the|a|an|its|their|this|these)\b)[a-z][\w-]*")
# "... joint laboratory for new and renewable energy": a lower-case topic after a lower-case head, or a quoted one
# ("a key laboratory of “Coastal Ecology”")
_LC_TAIL = re.compile(rf"\s+(?:for|of|on)\s+(?:{_LC_WORD}(?:\s+(?:(?:and|of)\s+)?{_LC_WORD}){{0,6}}"
                      r"|“[^”\n]{2,80}”|\"[^\"\n]{2,80}\")")
# " in Malmo", " in Altay prefecture": where an unnamed lab is, a capitalised place and its lower-case kind
_PLACED = re.compile(r"\s+in\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:\s+(?:prefecture|province|county|city|"
                     r"district|region|state))?(?![\w-])")
_PREPOSITIONS = frozenset({"on", "of", "in", "at", "with", "for", "by", "to", "from"})
_LC_LEAD = re.compile(r"((?:\b[\w][\w'’-]*\s+){1,6})$")
_PROPER = re.compile(r"[A-Z][\w'’]*(?:[-–][A-Z][\w'’]*)*$")


@derived
def _joint_lowercase_patterns(rules: Rulebook) -> list[tuple[re.Pattern, str]]:
    """(regex, kind) per kind of `lab_joint_lowercase_heads`: an article, "joint", one to four lower-case words and
    the head, which ends the phrase (no lower-case word of its own after it: "a joint research centre building")."""
    out = []
    for lab_type, heads in (rules.rules.get("lab_joint_lowercase_heads") or {}).items():
        alts = phrase_alternation(heads)
        out.append((re.compile(rf"\b(?:[Aa]n?|[Tt]he|new)\s+(joint\s+(?:{_LC_WORD}\s+){{1,4}}?(?:{alts}))(?![\w-])"
                               rf"(?!\s+{_LC_WORD})"), lab_type))
    return out


def _joint_lowercase_names(rules: Rulebook, sent: Sentence, taken) -> list[tuple[int, int, str]]:
    """'have opened a joint nano center in Suzhou', 'plans for a joint international high-speed railway research
    laboratory': a lower-case phrase opening with "joint" names a lab (the word says two partners share it) where
    research is one of its words or a setting-up verb or founding is told of it (`_founding_told`, "the
    establishment of a joint ..."), with its lower-case topic ("... for soil health")."""
    out = []
    if "joint " not in sent.text:
        return out
    for rx, lab_type in _joint_lowercase_patterns(rules):
        for m in rx.finditer(sent.text):
            tail = _LC_TAIL.match(sent.text, m.end(1))
            s, e = sent.start + m.start(1), sent.start + (tail.end() if tail else m.end(1))
            if any(s < te and ts < e for ts, te, _ in taken + out):
                continue
            # "a joint command center": a lab's only where research is its word or a founding is told of it
            before, after = sent.text[:m.start(1)], sent.text[e - sent.start:]
            if "research" in m.group(1).split() or _founding_told(rules, before, after) \
                    or lab_status(rules, before, "") != "existing":
                out.append((s, e, lab_type))
    return out


def _lowercase_names(rules: Rulebook, sent: Sentence, taken) -> list[tuple[int, int, str]]:
    """Lab phrases written in lower case: "establishing a blockchain business innovation center" (a setting-up
    verb governs it), "the Sino-Kenyan joint laboratory for crop genetics", "a new Chile research center" (a
    proper modifier names it; no verb needed), with a lower-case topic after the head ("... for crop genetics")."""
    out = []
    any_head, by_kind = kind_regexes(rules, "lab_lowercase_heads")
    if not any_head.search(sent.text):
        return out
    verbs = rule_regex(rules, "lab_setup_verbs")
    skip = _lowercase_skip(rules)
    stop = _name_stopwords(rules)
    place = org_namer(rules).place
    for lab_type, heads in by_kind.items():
        for m in heads.finditer(sent.text):
            if not m.group(0)[:1].islower():
                continue  # capitalised heads are the shapes' business
            s, e = sent.start + m.start(), sent.start + m.end()
            if any(s < te and ts < e for ts, te, _ in taken + out):
                continue
            before = sent.text[:m.start()]
            lead = _LC_LEAD.search(before)
            words = lead.group(1).split() if lead else []
            # a verb of two words ends the modifiers at its second ("China, Laos set up rice research station")
            k = max((n for n, w in enumerate(words)
                     if w.lower() in ("a", "an", "the") or verbs.fullmatch(w) or w in stop
                     or (n and verbs.fullmatch(f"{words[n - 1]} {w}"))
                     or w.endswith(("'s", "’s")) or (w[:1].islower() and n < len(words) - 1
                                                     and words[n + 1][:1].isupper())), default=-1)
            mods = words[k + 1:]
            # "teams up with A University on spatial intelligence research institute": the modifiers begin after
            # the last preposition
            mods = mods[max((n for n, w in enumerate(mods) if w in _PREPOSITIONS), default=-1) + 1:]
            while mods and mods[0].lower() in skip:
                mods = mods[1:]
            tail = _LC_TAIL.match(sent.text, m.end())
            proper = [w for w in mods if _PROPER.match(w) and w not in stop
                      and (k >= 0 or "-" in w or place(w))]
            lowered = all(w[:1].islower() or w in proper for w in mods)
            bare = not (mods or tail) and _JOINT_ONLY.fullmatch(m.group(0)) and _HEAD_ENDS.match(sent.text, m.end())
            # "Lund University has opened a research institute in Malmo": a bare head a setting-up verb governs is
            # known by where it is
            placed = None if mods or tail else _PLACED.match(sent.text, m.end())
            if placed and not (re.search(r"\b(?:a|an)\s+(?:new\s+)?$", before)
                               and rule_regex(rules, "lab_setup_verbs").search(before[-40:])):
                placed = None
            if not lowered or not (mods or tail or bare or placed):
                continue
            end = sent.start + (tail or placed).end() if tail or placed else e
            if not proper and not _founding_told(rules, before[: len(before) - len(" ".join(mods)) - 1],
                                                 sent.text[end - sent.start:]):
                continue
            start = s - len(" ".join(mods)) - 1 if mods else s
            out.append((start, end, lab_type))
    return out


def _founding_told(rules: Rulebook, before: str, after: str) -> bool:
    """Whether a lower-case lab phrase is the object of a setting-up verb ("establishing a blockchain innovation
    center") or the subject of a founding ("a key laboratory of soil ecology was opened", "... will be set up")."""
    return bool(rule_regex(rules, "lab_setup_verbs").search(before[-40:])) or lab_status(rules, "", after) != "existing"


@derived
def _lowercase_skip(rules: Rulebook) -> frozenset[str]:
    return frozenset(w.lower() for w in rules.rules["lab_lowercase_skip"])


@derived
def _quoted_patterns(rules: Rulebook) -> list[tuple[re.Pattern, str]]:
    out = []
    for lab_type, heads in rules.rules["lab_quoted_heads"].items():
        alts = "|".join(_spaced(h) for h in sorted(heads, key=len, reverse=True))
        out.append((re.compile(rf"[“\"]((?:{_CAP_WORD}\s+(?:(?:{_CONNECT})\s+)*)+(?:{alts}))[”\"]"), lab_type))
    return out


def _quoted_names(rules: Rulebook, sent: Sentence, taken) -> list[tuple[int, int, str]]:
    """'tentatively named the “Coastal Robotics Centre”': a quoted capitalised name ending in a lab head."""
    out = []
    if "“" not in sent.text and '"' not in sent.text:
        return out
    for rx, lab_type in _quoted_patterns(rules):
        for m in rx.finditer(sent.text):
            s, e = sent.start + m.start(1), sent.start + m.end(1)
            if not any(s < te and ts < e for ts, te, _ in taken + out):
                out.append((s, e, lab_type))
    return out


@derived
def _defined_patterns(rules: Rulebook) -> list[tuple[re.Pattern, str]]:
    out = []
    for lab_type, heads in rules.rules.get("lab_defined_heads", {}).items():
        alts = "|".join(_spaced(h) for h in sorted(heads, key=len, reverse=True))
        out.append((re.compile(rf"^(?:The\s+)?((?:{_CAP_WORD}\s+){{0,4}}{_CAP_WORD})\s+(?:\([^()]{{1,30}}\)\s+)?"
                               rf"(?:is|was|has been)\s+(?:a|an|the|one of the)\s+(?:[\w-]+\s+){{0,2}}?(?:{alts})s?"
                               rf"\s+(?:of|between|for|at|under|set up by|established by|run by|founded by)\s"), lab_type))
    return out


@derived
def _body_heads(rules: Rulebook) -> frozenset[str]:
    """The last words of the names of universities, governments and companies: a name ending in one is a body."""
    kinds = ("university", "university_unit", "government", "government_department", "enterprise")
    return frozenset(h.split()[-1] for k in kinds for h in rules.rules["org_heads"].get(k, ()))


def _defined_names(rules: Rulebook, sent: Sentence, taken) -> list[tuple[int, int, str]]:
    """'LabEx Foo is the fourth virtual laboratory of X': a capitalised name a copula opening the sentence defines
    as a lab (`lab_defined_heads`), owned or shared by whom the head's preposition names."""
    out = []
    if " is " not in sent.text and " was " not in sent.text and " has been " not in sent.text:
        return out
    for rx, lab_type in _defined_patterns(rules):
        m = rx.match(sent.text)
        if m and m.group(1).split()[0] not in _name_stopwords(rules) \
                and m.group(1).split()[-1] not in _body_heads(rules):  # "Tsinghua University is a ..."
            s, e = sent.start + m.start(1), sent.start + m.end(1)
            if not any(s < te and ts < e for ts, te, _ in taken + out):
                out.append((s, e, lab_type))
    return out


def _is_plural_generic(raw: str, sent_text: str, local: int) -> bool:
    head = raw.split(" of ")[0].split(" for ")[0]
    if re.search(r"(Laboratories|Centres|Centers|Branches|CNERCs)\b", head):
        return True
    if re.search(r"(Laboratories|Centres|Centers|Platforms|CNERCs)$", raw) and raw[:1].isupper():
        return True  # a heading or a count: "Hong Kong Branch of Chinese National Engineering Research Centres"
    return bool(re.search(r"\b(\d+|two|three|four|five|six|several|many|various)\s+(?:Hong Kong\s+)?$",
                          sent_text[:local]))


def _fill(ctx: DocContext, lab: Lab, sent: Sentence, start: int, end: int, list_start: int | None = None,
          named: bool = True) -> None:
    """What one mention of a lab (its name at [start, end)) tells of it: the director and host it names (the first
    mention that names one wins), its status, and the year of a founding. A mention by acronym (`named` False) is
    hosted only by whom a host cue as its predicate names ("The SABRI, unveiled on Monday, was jointly established by
    X"): the other bodies of its sentence are as often its partners or its subject's, and a cue near it as often
    said of something else ("CNLME, which is part of a network set up by X")."""
    text = ctx.text
    lab.director = lab.director or _director_beside(ctx, sent, start, end)
    lab.host = lab.host or ((_host_after(ctx, end) or _host_within(ctx, start, end)
                             or _org_of_sentence(ctx, sent, start, end)) if named else _host_cued(ctx, end, sent.end))
    status = lab_status(ctx.rules, text[sent.start:start if list_start is None else list_start], text[end:sent.end])
    year = re.search(r"\b(?:in|since)\s+((?:19|20)\d{2})\b", sent.text)
    if year and status == "established":
        lab.established_year = int(year.group(1))
        if ctx.published is not None and lab.established_year < ctx.published.year:
            status = "existing"  # "founded in 2005", told in 2025: the lab's history, not news of its founding
    _note_status(lab, status)


def _director_beside(ctx: DocContext, sent: Sentence, start: int, end: int) -> str | None:
    """The person a director cue beside a lab's name names: "X Lab (Director: Y)", "X Lab, directed by Y" (within
    a few words), "Y, Director of the X Lab"."""
    text = ctx.text
    if re.match(r"\s*\(\s*Director\s*:\s*", text[end:end + 60]):
        people = ctx.people_in(end, end + 80)
        if people:
            return people[0].entity_id
    cue = _director_cue(ctx.rules).match(text, end, sent.end)
    if cue:
        people = ctx.people_in(cue.end(), sent.end)
        if people and people[0].start - cue.end() <= 40:
            return people[0].entity_id
    return _director_before(ctx, sent, start)


# "Y, director of the X Lab", "Y, the Executive Director of X", "Y, head of UM's X": the person right before
_DIRECTOR_OF = re.compile(r"\s*,?\s*(?:the\s+)?(?:(?:executive|founding|interim|acting|chief)\s+)?(?:director|head)\s+"
                          r"of\s+(?:the\s+)?(?:[A-Z][\w'’-]*['’]s\s+)?", re.I)


# "director of" (not a deputy's)
_DIRECTOR_WORDS = r"(?<!deputy )(?<!vice )(?<!vice-)(?<!associate )(?<!assistant )\bdirector(?:-designate)?\s+of\s+"
_DIRECTOR_BEFORE = re.compile(rf"{_DIRECTOR_WORDS}(?:the\s+)?$", re.I)


def _director_before(ctx: DocContext, sent: Sentence, start: int) -> str | None:
    """The person named right before "director of" or "head of" the lab's name, or the first person of a sentence
    where "Director of" stands before the name."""
    people = ctx.people_in(sent.start, start)
    if people and _DIRECTOR_OF.fullmatch(ctx.text, people[-1].end, start):
        return people[-1].entity_id
    director = _DIRECTOR_BEFORE.search(ctx.text, max(sent.start, start - 40), start)
    if director is None:
        return None
    # "Li Ming was appointed director of the X Lab, Professor Y said": the person after the name is not the director
    told = _director_predicate(ctx.rules).search(ctx.text, sent.start, director.start())
    return (None if told else _named_after(ctx, sent, start)) or (people[0].entity_id if people else None)


@derived
def _director_predicate(rules: Rulebook) -> re.Pattern:
    """The end of the words before "director of" that make it a predicate (`lab_director_predicates`: "was
    appointed", "will serve as"), with an article and one modifier ("the founding") between."""
    cues = phrase_alternation(rules.rules.get("lab_director_predicates") or [])
    return re.compile(rf"\b(?i:{cues})\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+)?$" if cues else "(?!)")


# "the director of the X Centre, Professor Y": a comma and at most two title words between the name and its director
_APPOSED = re.compile(r"\s*,\s*(?:[A-Z][\w.]*\s+){0,2}")


def _named_after(ctx: DocContext, sent: Sentence, start: int) -> str | None:
    """The person set off by a comma right after the name that opens at `start` ("the director of the X Centre,
    Professor Y"): the name's end is the first comma after it."""
    comma = ctx.text.find(",", start, sent.end)
    people = ctx.people_in(comma, sent.end) if comma >= 0 else []
    return people[0].entity_id if people and _APPOSED.fullmatch(ctx.text, comma, people[0].start) else None


def _host_after(ctx: DocContext, end: int) -> str | None:
    """The organisation right after a lab's name and 'of', 'at', 'under', 'in' or a host cue ("built by"); an
    acronym in brackets may stand between ("the X Centre (XC) of Y University")."""
    text = ctx.text
    host = re.match(r"(?:\s*\([A-Z][\w&-]{1,11}\))?\s*(?:of|at|under|in)\s+(?:the\s+)?", text[end:end + 28]) \
        or _host_cue(ctx.rules).match(text[end:end + 60])
    if host is None:
        return None
    return next((o.entity_id for o in ctx.orgs_in(end, end + 100) if o.start == end + host.end()), None)


def _host_cued(ctx: DocContext, end: int, limit: int) -> str | None:
    """The organisation a host cue names as the predicate of a lab's mention ("..., unveiled on Wednesday, was jointly
    established by the X"; "X, hosted by Y"), not one said of another thing its clause names ("..., which is part of
    a network set up by Y", "will work with a centre established by Y")."""
    cue = _far_host_cue(ctx.rules).match(ctx.text, end, limit)
    return next((o.entity_id for o in ctx.orgs_in(cue.end(), limit) if o.start == cue.end()), None) if cue else None


@derived
def _far_host_cue(rules: Rulebook) -> re.Pattern:
    """A host cue after a lab's mention: past an aside between commas and the auxiliaries and adverbs of its verb."""
    return re.compile(rf"(?:\s*,[^,.;]{{1,60}},)?\s*,?\s*(?:(?:was|were|is|are|has|have|had|been|be|will|would|"
                      rf"jointly|also|officially|formally|originally|initially|first)\s+)*"
                      rf"(?:{phrase_alternation(rules.rules['lab_host_cues'])})\s+(?:the\s+)?", re.I)


# The bodies that own labs: "Photonic Industrial Technologies", a company's name in a lab's topic, owns none
_HOST_TYPES = ("university", "university_unit", "research_institute", "government", "government_department")


def _host_within(ctx: DocContext, start: int, end: int) -> str | None:
    """The body a lab's own name names as its owner: "Vilnius University Laser Research Center", "Laser Research
    Center of Shandong Academy of Sciences" (an organisation inside the name, at its opening or after its last "of"),
    or the parent of the unit the whole name is recognised as."""
    for m in ctx.orgs_in(max(0, start - 80), end + 120):
        if m.start <= start and end <= m.end:
            parent = ctx.org(m.entity_id).parent
            if parent is not None:
                return parent.organization_id
        elif start <= m.start and m.end <= end and ctx.org(m.entity_id).org_type in _HOST_TYPES \
                and not _is_itself(ctx, m, start, end) and (
                m.start == start or (m.end == end and re.search(r"\sof\s+(?:the\s+)?$", ctx.text[start:m.start]))):
            return m.entity_id
    return None


# Within one document, the status a lab named several times gets: the strongest cue among its mentions. `existing`
# is what a mention with no cue says, so any cue beats it; a founding beats a plan ("will set up X ... X was
# inaugurated today": the plan carried out). Across documents another question is asked (which report wins:
# `_LAB_STATUS_RANK` in pipeline/core/resolve.py): there a lab some report shows existing is no longer only planned.
_CUE_STRENGTH = {"existing": 0, "planned": 1, "established": 2}


def _note_status(lab: Lab, status: str) -> None:
    """Keep the strongest status cue of a lab's mentions in the document (`_CUE_STRENGTH`)."""
    if _CUE_STRENGTH[status] > _CUE_STRENGTH[lab.status]:
        lab.status = status
# What may stand before a name that opens its sentence: an article at most
_OPENING = re.compile(r"\s*(?:(?:A|An|The|a|an|the)\s+)?")
# What may stand between two names of one list: a comma, "and", an article, quotation marks.
_LIST_GAP = re.compile(r"[”\"’]?\s*,?\s*(?:(?:and|or|as well as)\s+)?(?:the\s+)?[“\"‘]?")
# "Unveiled on 2 May, the X", "opened in Suzhou, the X": a short adverbial between a founding verb and the name
_ADVERBIAL = r"(?:(?:on|in|at)\s+[^,.;()]{1,25}?,\s+)?"


@derived
def _status_patterns(rules: Rulebook) -> tuple[re.Pattern, ...]:
    r = rules.rules
    alt = lambda key: phrase_alternation(r[key])  # noqa: E731
    future, setup, founded = alt("lab_future_markers"), alt("lab_setup_verbs"), alt("lab_founding_verbs")
    det = r"(?:(?:a|an|the|two|three|new|joint|its|their)\s+){0,2}"
    # "will set up three centres in the first stage, tentatively named the X": the naming governs the name
    # "will establish Joint Laboratory “X”", "set up a research centre, “X”": a kind word before the quoted name
    apposition = r"(?:[\w-]+\s+){0,2}[\w-]+,?\s+(?=[“\"‘])"
    naming = rf"(?:[^.;]{{0,80}}?\b(?:{alt('lab_naming_words')})\s+|{apposition})?"
    planned_before = re.compile(rf"(?:\b(?:{future})\s+(?:[\w-]+\s+){{0,2}}?(?:{setup})\s+{naming}"
                                rf"|\b(?:{alt('lab_planned_events')})\s+){det}[“\"‘]?$", re.I)
    # "X is scheduled to open in May", "X is expected to be launched": the lab's own founding put ahead of the telling
    # (not "X is set to launch three projects": a founding verb with an object is the lab's own work)
    schedule = alt("lab_schedule_words") if r.get("lab_schedule_words") else "(?!)"
    planned_after = re.compile(rf"^\s*(?:,?\s*which\s+)?(?:(?:will|shall|should|must|is\s+to|are\s+to|is\s+expected\s+to|to)"
                               rf"\s+be\s+"
                               rf"(?:(?:jointly|formally|officially)\s+)?(?:{founded})"
                               rf"|(?:is|are)\s+(?:{schedule})\s+to\s+(?:be\s+(?:(?:jointly|formally|officially)\s+)?(?:{founded}|completed)"
                               rf"|(?:{setup})(?=\s*(?:[.,;]|$)|\s+(?:in|on|at|by|next|later|this|soon|early|before|after|within)\b)"
                               rf"|(?:start|begin)\s+(?:operations?|operating)|become\s+operational)"
                               rf"|(?:is|are)\s+(?:still\s+|now\s+|currently\s+)?(?:{alt('lab_planned_states')}))\b", re.I)
    # "X (XX), established by A and B, has been unveiled", "the joint laboratory on X, equipped with Y, was
    # commissioned": a participle phrase set off by commas before the verb
    by_whom = rf"(?:,\s*(?:jointly\s+)?(?:{founded}|equipped|located|based|housed)\s+(?:by|with|at|in)\s+[^,.;]{{1,80}},\s*)?"
    # "The X Institute (XI) – a new research institute in Y – was launched": an apposition between dashes
    dashed = r"(?:\s*[–—]\s+[^–—.;]{1,200}?\s+[–—])?"
    # "X held its inauguration ceremony": the lab's own founding event, organised by it (not "of the Y": another's)
    organised = alt("lab_organiser_verbs") if r.get("lab_organiser_verbs") else "(?!)"
    events = phrase_alternation({e.split()[0] for e in r["lab_founding_events"]})
    own_event = rf"|\s+(?:{organised})\s+(?:its|an?|the)\s+(?:[\w-]+\s+)?(?:{events})\b(?!\s+(?:ceremony\s+)?(?:of|for)\b)"
    # "The X Laboratory plaque was unveiled": what the ceremony unveils, named after the lab
    objects = alt("lab_ceremony_objects") if r.get("lab_ceremony_objects") else "(?!)"
    unveiled = rf"(?:(?:{objects})\s+)?"
    established_after = re.compile(rf"^\s*(?:\([^)]*\)\s*)?{unveiled}{dashed}(?:{by_whom},?\s*(?:which\s+)?(?:was|were|has\s+been|have\s+been|is|are)"
                                   rf"\s+(?:(?:now|newly|officially|formally|jointly|recently|also|finally|successfully)\s+)*(?:{founded})\b{own_event})",
                                   re.I)
    # "Ukraine Research Centre established in Harbin", "X launched on July 6th": a headline's participle, the name
    # opening it and at most one short phrase after the verb (no room for a clause's own verb)
    told_in_headline = re.compile(rf"^\s+{unveiled}(?:(?:officially|formally|jointly)\s+)?(?:{founded})(?:\s+(?:in|at|on|by|with)"
                                  rf"(?:\s+[^\s,;.:!?]+){{1,3}})?\s*[.!]?\s*$", re.I)
    # "the launch and handover of the X", "the opening and unveiling of X": a founding event and a second one of it
    coordinated = rf"(?:{events})\s+(?:and|&)\s+(?:[\w-]+\s+){{1,2}}?(?:of|for)"
    established_before = re.compile(rf"(?:\b(?:{founded})\s+{_ADVERBIAL}(?:{apposition})?{det}"
                                    rf"|\b(?:{alt('lab_founding_events')}|{coordinated})\s+{det})[“\"‘]?$", re.I)
    # "X Unveiling Ceremony was held", "the X Plaque-Unveiling Ceremony": the name before its own founding event (not
    # one still to come: "X Opening Ceremony will be held")
    ceremony_after = re.compile(rf"^\s+(?:(?:{objects})[- ])?(?:{events})\s+ceremon(?:y|ies)\b"
                                rf"(?![^.;]{{0,40}}?\b(?:will|shall|is\s+to|are\s+to|to\s+be|is\s+scheduled|is\s+expected)\b)", re.I)
    # "the launch of X is scheduled for May", "X Opening Ceremony will be held next week", "X, whose unveiling is slated
    # for June": a founding event told as still to come
    to_come = (rf"(?:will\s+(?:take\s+place|be\s+held)|(?:is|are)\s+to\s+(?:take\s+place|be\s+held)|(?:is|are|was|were|has\s+been)"
               rf"\s+(?:{schedule})\s+(?:for|in|on|at|next|later|to\s+take\s+place|to\s+be\s+held)\b)")
    scheduled = re.compile(rf"^\s*(?:\([^)]*\)\s*)?{to_come}", re.I)  # said of the founding event before the name
    own_event_to_come = re.compile(rf"^\s*(?:\([^)]*\)\s*)?(?:,\s*whose\s+(?:{events})\b[^.;,]{{0,30}}?\s{to_come}"
                                   rf"|(?:(?:{objects})[- ])?(?:{events})\s+ceremon(?:y|ies)\s+{to_come})", re.I)
    future_in_clause = re.compile(rf"\b(?:{future})\s+(?:\w+\s+){{0,3}}$", re.I)
    gerunds = phrase_alternation(v for v in r["lab_setup_verbs"] if v.split()[0].endswith("ing"))
    # "including jointly establishing ...; setting up X; founding Y": an undertaking, not a founding
    planned_gerund = re.compile(rf"\b(?:(?:jointly|co-)\s*)?(?:{gerunds})\s+{det}$", re.I)
    # "signed an agreement to formally establish the X", "witnessed the signing of an accord to set up a X": the
    # signing of a founding instrument founds the lab (a letter of intent only intends it; a framework agreement
    # frames what is still to be done)
    signed = phrase_alternation(v for v in r["tight_signing_verbs"] if v.endswith("ed") or v.startswith("signing"))
    intending = ("letter_of_intent", "framework_agreement")
    instruments = phrase_alternation(p for kind, ps in r["agreement_nouns"].items() if kind not in intending for p in ps)
    frames = phrase_alternation(p for kind in intending for p in r["agreement_nouns"].get(kind, []))
    founding_objects = phrase_alternation(e for e in r["lab_founding_events"] if e.endswith(" of"))
    founding_signed = re.compile(rf"\b(?:{signed})\s+(?!(?:[^.;]{{0,60}}?\s)?(?:{frames})\b)(?:[^.;]{{0,60}}?\s)?"
                                 rf"(?:{instruments})\s+(?:[^.;]{{0,60}}?\s)?"
                                 rf"(?:to\s+(?:(?:formally|jointly|officially)\s+)?(?:{setup})|(?:for|on|about)\s+the\s+"
                                 rf"(?:{founding_objects}))\s+{det}[“\"‘]?$", re.I)
    intents = phrase_alternation(r["agreement_nouns"].get("letter_of_intent", []))
    founding_intended = re.compile(rf"\b(?:{intents})\s+(?:[^.;]{{0,60}}?\s)?(?:to\s+(?:{setup})|(?:for|on|about)\s+the\s+"
                                   rf"(?:{founding_objects}))\s+{det}[“\"‘]?$", re.I) if intents else re.compile("(?!)")
    return (planned_before, planned_after, established_after, established_before, future_in_clause, planned_gerund,
            told_in_headline, founding_signed, founding_intended, ceremony_after, scheduled, own_event_to_come)


def lab_status(rules: Rulebook, before: str, after: str) -> str:
    """`planned`, `established` or `existing` from the text of the sentence before and after a lab's name
    (a quoted name's closing quote is not between the name and what is said of it)."""
    planned_before, planned_after, established_after, established_before, future, gerund, headline, founding_signed, \
        founding_intended, ceremony_after, scheduled, own_event_to_come = _status_patterns(rules)
    after = after.lstrip("”\"’")
    if founding_intended.search(before):
        return "planned"
    signing = founding_signed.search(before)
    if signing and not future.search(before[:signing.start()]) and not planned_after.search(after):
        return "established"  # unless what follows puts the founding ahead ("..., which will open next year")
    if planned_before.search(before) or planned_after.search(after) or gerund.search(before):
        return "planned"
    founding = established_before.search(before)
    if own_event_to_come.match(after) or (founding and scheduled.match(after)):
        return "planned"  # its founding event still to come
    if established_after.search(after) or ceremony_after.match(after) \
            or (founding and not future.search(before[:founding.start()])) \
            or (_OPENING.fullmatch(before) and headline.match(after)):
        return "established"
    return "existing"


@derived
def _director_cue(rules: Rulebook) -> re.Pattern:
    return re.compile(rf"[^.;]{{0,80}}?\b{rule_regex(rules, 'lab_director_cues').pattern}\s+", re.I)


def _anaphora(ctx: DocContext, labs: dict[str, Lab]) -> None:
    """'The joint laboratory is now officially established.', 'It will be directed by Professor X.':
    a sentence that opens by referring back to a lab speaks of the last lab named before it whose name
    fits the description ("the joint laboratory": a joint laboratory); "it" goes on with the lab the
    sentence before referred to."""
    anaphora = rule_regex(ctx.rules, "lab_anaphora")
    cues = rule_regex(ctx.rules, "lab_director_cues")
    host_cue = _host_cue(ctx.rules)
    named = sorted(((m[1], lab) for lab in labs.values() for m in lab.mentions), key=lambda t: t[0])
    previous: Lab | None = None
    founding = _founding_description(ctx.rules)
    for sent in ctx.sentences:
        event = founding.search(sent.text) if "the" in sent.text else None
        if event:  # "... signed an agreement for the establishment of the joint laboratory"
            pos = sent.start + event.start(1)
            fitting = [lab for p, lab in named if p < pos and _fits(lab, event.group(1).lower())]
            if fitting:
                _note_status(fitting[-1], "planned" if _undertaking(ctx.rules).search(sent.text, 0, event.start())
                             else "established")
        _director_referred(ctx, sent, named)
        lead = anaphora.match(sent.text)
        if not lead:
            previous = None
            continue
        host = host_cue.match(sent.text, lead.end())
        hosts = ctx.orgs_in(sent.start + host.end(), sent.end) if host else []
        phrase = lead.group(0).lower()
        earlier = [lab for pos, lab in named if pos < sent.start and _fits(lab, phrase)]
        lab = previous if phrase == "it" and previous is not None else (earlier[-1] if earlier else None)
        if lab is None:
            continue
        _note_status(lab, lab_status(ctx.rules, "", sent.text[lead.end():]))
        cue = cues.search(sent.text)
        people = ctx.people_in(sent.start + cue.end(), sent.end) if cue else []
        if people and lab.director is None:
            lab.director = people[0].entity_id
        if hosts and lab.host is None:  # "The lab was jointly built by X and Y"
            lab.host = hosts[0].entity_id
        previous = lab


def _director_referred(ctx: DocContext, sent: Sentence, named: list[tuple[int, Lab]]) -> None:
    """'Y, vice-president of Z, and director of the lab, said ...': the person right before "director of" and words
    that refer back to a lab (`lab_anaphora`, not "it") directs the last lab named before that fits them."""
    if "irector of" not in sent.text:
        return
    for cue in _director_of_referred(ctx.rules).finditer(sent.text):
        people = ctx.people_in(sent.start, sent.start + cue.start())
        earlier = [lab for pos, lab in named if pos < sent.start + cue.start() and _fits(lab, cue.group(1).lower())]
        if people and earlier and earlier[-1].director is None:
            earlier[-1].director = people[-1].entity_id


@derived
def _director_of_referred(rules: Rulebook) -> re.Pattern:
    phrases = phrase_alternation(p for p in rules.rules["lab_anaphora"] if p != "it")
    return re.compile(rf"{_DIRECTOR_WORDS}({phrases})\b", re.I)


@derived
def _undertaking(rules: Rulebook) -> re.Pattern:
    """The end of the words before a founding event that make it one still to come: an undertaking verb ("support
    the establishment of") or a future marker in the clause ("will mark the opening of")."""
    r = rules.rules
    verbs, future = phrase_alternation(r["lab_undertaking_verbs"]), phrase_alternation(r["lab_future_markers"])
    return re.compile(rf"\b(?:{verbs})\s+(?:the\s+)?$|\b(?:{future})\s+(?:[\w-]+\s+){{0,3}}$", re.I)


@derived
def _founding_description(rules: Rulebook) -> re.Pattern:
    """A founding event of a lab referred to by a definite description, anywhere in a sentence."""
    r = rules.rules
    events = phrase_alternation(r["lab_founding_events"])
    described = phrase_alternation(p for p in r["lab_anaphora"] if p.startswith("the "))
    return gated_regex(re.compile(rf"\b(?:{events})\s+((?:{described}))\b", re.I), r["lab_founding_events"])


@derived
def _host_cue(rules: Rulebook) -> re.Pattern:
    """'built by', 'set up by': the organisations after it host the lab."""
    return re.compile(rf"[^.;]{{0,30}}?\b(?:{phrase_alternation(rules.rules['lab_host_cues'])})\s+(?:the\s+)?", re.I)


def _fits(lab: Lab, phrase: str) -> bool:
    """Whether a lab's name fits a definite description ("the joint lab" fits "X Joint Laboratory")."""
    words = [w for w in phrase.split()[1:] if w not in ("new",)]
    name = lab.name.lower().replace("center", "centre").replace("laboratory", "lab")
    return all(w.replace("center", "centre").replace("laboratory", "lab") in name for w in words)


@derived
def _reference_bodies(rules: Rulebook) -> frozenset[str]:
    """The reference organisations' names and aliases other than labs', as `_body_key`s."""
    return frozenset(_body_key(n) for o in rules.organizations if o.org_type != "laboratory"
                     for n in (o.canonical_name, *o.aliases))


def _body_key(name: str) -> str:
    return canonical_key(name).replace("center", "centre")


def _known_body(rules: Rulebook, name: str) -> bool:
    """Whether a centre or institute is an organisation the reference data knows ("French National Centre
    for Scientific Research", with or without its leading modifier): a body in its own right, not a lab."""
    words = name.split()
    bodies = _reference_bodies(rules)
    return any(_body_key(" ".join(words[k:])) in bodies for k in range(min(3, len(words) - 1)))


def _org_of_sentence(ctx: DocContext, sent: Sentence, start: int, end: int) -> str | None:
    """A university named in the same sentence hosts the lab ('... at the Hong Kong Polytechnic University').

    A department or faculty stands for its university, which is what analysts group labs by. The lab's own
    name, recognised as an institute, does not host it, nor does that institute where the sentence names it again
    by its acronym ("The X Institute (XI) ...")."""
    itself = _itself(ctx, start, end)
    for m in ctx.orgs_in(sent.start, sent.end):
        if m.start < end and start < m.end or m.entity_id in itself:
            continue
        org = ctx.org(m.entity_id)
        if org.org_type == "university_unit" and org.parent is not None and org.parent.org_type == "university":
            return org.parent.organization_id
        if org.org_type in ("university", "research_institute", "university_unit"):
            return m.entity_id
    return None


def _nearest_university(ctx: DocContext, pos: int) -> str | None:
    """Lists of labs under a heading: the university named last before them hosts them, when it is the university
    the document is about (named more often than any other): a partner or a visitor's university named last
    ("... with Swinburne University", "a delegation of the University of Zambia") hosts nothing of it."""
    para = next((s.paragraph for s in ctx.sentences if s.start <= pos < s.end + 1), None)
    best = None
    for s in ctx.sentences:
        if s.start >= pos:
            break
        if para is not None and para - s.paragraph > 4:
            continue
        for m in ctx.orgs_in(s.start, s.end):
            if ctx.org(m.entity_id).org_type == "university":
                best = m.entity_id
    return best if best is not None and best == _main_university(ctx) else None


def _main_university(ctx: DocContext, named: int = 1) -> str | None:
    """The university the document names more often than any other, if one is, and at least `named` times. Named
    twice or more it hosts a lab none of whose sentences names a host wherever it is named ("X research lab launched",
    its university named in later sentences); named once, it is as often a partner ("AWTI will work with Y
    University")."""
    counts = Counter(m.entity_id for m in ctx.orgs_in(0, len(ctx.text)) if ctx.org(m.entity_id).org_type == "university")
    ranked = counts.most_common(2)
    return ranked[0][0] if ranked and ranked[0][1] >= named and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) \
        else None
