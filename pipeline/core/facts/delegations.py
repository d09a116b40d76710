"""Delegations and visits: who led them, where from, whom they visited, how many, when.

A sentence reports a visit when it has a delegation noun ("a 15-member delegation", "study tours")
or a visiting verb ("paid a visit to", "were invited to"). The leader is the person who "led" it
or whom it was "led by"; the origin is "of/from X", the leader's organisation or "X officials";
the host is the object of the visit ("to visit PolyU", "to the city"). Reports of one visit in a
document (caption and body) are merged by leader or by origin and host.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from pipeline.core.entities.model import Mention
from pipeline.core.entities.orgs import org_namer
from pipeline.core.facts.context import DocContext
from pipeline.core.facts.dates import FoundDate
from pipeline.core.phrases import confidence, literal_gated, phrase_alternation, rule_regex
from pipeline.core.reference import JURISDICTION_TYPES, PlaceRef, Rulebook, derived
from pipeline.core.text import Sentence

_SIZE_MEMBER = re.compile(r"\b(\d{1,4})-(?:member|person|people|strong)\b", re.I)
# %s: the people nouns of the rules file (see _people_noun_patterns)
_SIZE_RANGE_SHAPE = r"\b(\d{1,4})\s*(?:-|–|to)\s*(\d{1,4})\s+(?:\w+\s+){0,3}?(%s)\b"
_SIZE_PLAIN_SHAPE = r"\b(?:some|about|around|nearly|more than|over|a total of|a group of|all|)\s*(\d{1,4})\s+(?:\w+\s+){0,3}?(%s)\b"
_SIZE_OF = re.compile(r"\bdelegation (?:of|comprising|consisting of) (?:about |around |some |nearly |almost |more than |"
                      r"over )?(\d{1,4})\b", re.I)
_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50}


_DIGIT = re.compile(r"\d")
_WORDS_AS_DIGITS = re.compile(r"\b(?:%s)\b(?=[\s-])" % "|".join(_WORD_NUMBERS), re.I)


@dataclass
class Delegation:
    sentence: Sentence
    leader: str | None = None
    leader_title: str | None = None
    origin_org: str | None = None
    origin_place: str | None = None
    host_org: str | None = None
    host_place: str | None = None
    member_count: int | None = None
    member_count_max: int | None = None
    date: FoundDate | None = None
    purpose: str | None = None
    status: str = "completed"
    confidence: float = 0.8
    extra_sentences: list[Sentence] = field(default_factory=list)
    more_hosts: list[Mention] = field(default_factory=list)  # "visited A, B and C": one visit per host
    host_start: int | None = None  # where the host is named
    origin_by_place: bool = False  # the origin is a place only (its government stands for it)


# After a person: "X and his delegation" (his party, his entourage): X leads the group.
_HIS_PARTY = (r"(?:\s*,[^,;:()]{0,100},)?\s+and\s+(?:his|her|their|the)\s+(?:(?:other\s+)?members\s+(?:of|in)\s+(?:the|his|her|"
              r"their)\s+)?(?:[\w-]+\s+)?(?:delegation|delegates|entourage|party)\b")
# "X met with Y from Z", "X received Y of Z": the host meets a visitor; a cheap gate for sentences
# with neither a delegation noun nor a visiting verb.
_MEET = re.compile(r"\b(?:met with|meets with|met|meets|received|receives|welcomed|welcomes|hosted|hosts)\s")
_MEET_WORDS = ("met", "meet", "receive", "welcome", "host")  # one of them is in every verb _MEET lists
# The verb right after a title's body, in a headline's capitals too ("Vice Governor of X Meets Visiting ..."): the
# title holder receives the visitors.
_MEET_ANY_CASE = re.compile(r"[\s,]+(?:(?:[\w-]+\s+){0,2}?)?" + _MEET.pattern, re.I)
# The receiver of a group: "received a Singapore research delegation", "welcomed the visitors".
# Or of a named visitor with his party: "welcomed Professor X and his delegation".
_RECEIVER = re.compile(r"\b(?:welcomes?|welcomed|receive|received|receives|met with|meets with|met|meets|hosted|hosts)\s+"
                       r"(?:(?:the|a|an)\s+(?:[\w'’-]+\s+){0,5}?(?i:delegation|delegations|delegates|visitors|guests)\b|"
                       r"[^,;:]{3,80}?" + _HIS_PARTY + ")")
# After a person: "X, head of the delegation", "X, who led the delegation": X leads it.
_HEAD_OF = re.compile(r"\s*,?\s*(?:who\s+(?:led|leads|headed|heads)\s+the\s+(?:[\w-]+\s+){0,2}?delegation|" + _HIS_PARTY + "|"
                      r"(?:the\s+)?(?:head|leader|chief)\s+of\s+the\s+(?:[\w-]+\s+){0,2}?delegation)\b", re.I)
# Before a person: "Head of the delegation, Professor X, said": X leads it.
_HEAD_BEFORE = re.compile(r"\b(?i:head|leader|chief)\s+of\s+the\s+(?:[\w-]+\s+){0,2}?(?i:delegation)\s*,\s*"
                          r"(?:[A-Z][\w.]*\s+){0,3}$")
# After a person: "X, who is on an official visit to ...": X is the visitor.
_ON_VISIT = re.compile(r"(?:\s*,[^,;:()]{0,100}(?=,))?\s*,?\s*who\s+(?:is|was|are|were|has been|had been)\s+(?:currently\s+|here\s+)?"
                       r"(?:on|paying|making)\s+(?:an?|his|her|their)\s+(?:[\w-]+\s+){0,3}?visit\b", re.I)
# "In Spain, ...", "At CUJAE, ...": the scene a sentence opens with.
_SCENE = re.compile(r"(?:In|At|During (?:his|her|their|the) (?:stay|time) in)\s+(?:the\s+)?")
# Before a person: "the (state) visit of", "the official visit by": the person is the visitor.
# "during President X's visit to Y": the visit dates something else the sentence tells; reports rarely count it
_DURING = re.compile(r"\b(?:during|on the occasion of|on the sidelines of|in the course of)\s+(?:[\w.-]+\s+){0,3}$", re.I)
_POSSESSIVE_VISIT = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:visit|trip|tour)\s+to\s")
# "a group of 4 people including X", "a delegation consisting of X, Y and Z", "the delegation, which was composed of
# X and Y": the first named leads
_GROUP_INCLUDING = re.compile(r"\b(?:group|delegation|team|party)\s*,?\s+(?:of\s+[\w\s-]{1,30}?\bincluding|(?:(?:which\s+)?"
                              r"(?:was\s+)?(?:consisting|consisted|composed|made\s+up)\s+of|comprising|comprised\s+of))\s+",
                              re.I)
# (the person's title may stand between: "the official visit of former Prime Minister of China, X", "the visit of
# Education Minister X")
_VISIT_OF = re.compile(r"\b(?i:visits?)\s+(?:of|by)\s+(?:the\s+)?(?:(?:former|then)\s+)?"
                       r"(?:(?:[A-Z][\w'’-]*|of|and|for|the)(?:\s*,\s*|\s+)){0,7}?$")
# "The following day, a delegation ...": the day after the visit told before.
_NEXT_DAY = re.compile(r"(?:(?:On\s+)?the\s+(?:following|next)\s+day|the\s+day\s+after)\b", re.I)
# "During the visit to X": a visit of the last report, to a host of its own.
_VISIT_TO = re.compile(r"\bvisits?\s+to\s+(?:the\s+)?$")
# "accompanied by X and Y, visited": X and Y escort the visitors, they do not lead them.
_ESCORT = re.compile(r"\b(?:accompanied|escorted|received|welcomed|hosted)\s+by\b[^;:]*$", re.I)
# A building named after its owner: "a visit to the Faculty of Science building" is a venue, not a host.
_VENUE = re.compile(r"\s+(?:building|buildings|hall|auditorium|premises|lobby|exhibition hall)\b", re.I)
# Where a meeting with the visitors took place: "in a meeting at UNNC with a delegation ...".
_MEETING_AT = re.compile(r"\b(?:meeting|meetings|talks|ceremony|reception|symposium|forum)\s+(?:held\s+)?at\s+(?:the\s+)?")


def _visit_of(ctx: DocContext, start: int, end: int) -> bool:
    """Whether "the visit of" (`_VISIT_OF`) stands right before the person at `end`, with the person's title between;
    words set off by a comma are that title only when they hold a title ("the visit of former Prime Minister of China,
    X"): "Following the visit of Zhejiang University, Professor X of Y visited" is no visit of X's."""
    m = _VISIT_OF.search(ctx.text, start, end)
    if m is None or "," not in m.group(0):
        return m is not None
    return any(ctx.ents.lexicon.is_title_word(w) for w in re.findall(r"[A-Z][\w'’-]*", m.group(0).split(",")[0]))


def extract_delegations(ctx: DocContext) -> list[Delegation]:
    nouns = rule_regex(ctx.rules, "delegation_nouns")
    verbs = rule_regex(ctx.rules, "visit_verbs")
    found: list[Delegation] = []
    for sent in ctx.sentences:
        noun = nouns.search(sent.text)
        group = None if noun else _led_group(ctx.rules, sent.text)
        d = _report(ctx, sent, noun or group, verbs.search(sent.text))
        if d is None or (group and not (d.host_org or d.host_place)):  # "led the team to a breakthrough"
            continue
        d.leader = _usual_name(ctx, d.leader)
        _date_by_the_day_before(found, d, sent)
        found = _file_report(ctx, found, d, sent, noun)
        for other in _other_groups(ctx, sent, noun, d):  # "a delegation from A and a delegation from B"
            found.append(other)
    found = _merge_compatible(ctx, _expand(found))
    _share_origins(found)
    found = [d for d in found if not any(_receivers_own(ctx, d, other) for other in found)]
    # A visit with no visitor (no leader, origin or size: "during the visit to X") beside one that has a visitor is
    # a fragment of a visit the text tells, not a record of its own; alone, it is a record only if it says that
    # someone went ("a delegation visited X", "officials will visit X"), not just that a visit happened
    known = [d for d in found if d.leader or d.origin_org or d.origin_place or d.member_count]
    found = known or [d for d in found if _someone_went(ctx, d)]
    for d in found:
        if d.date is None and d.status == "completed":
            d.date = _lead_date(ctx, d)
        if d.date is None and d.status == "completed" and (d.leader or d.member_count):
            d.date = _occasion_date(ctx, d) or ctx.event_date
        d.origin_place = d.origin_place or _governed_place(ctx, d.origin_org)
        d.host_place = d.host_place or _governed_place(ctx, d.host_org)
    return found


def _receivers_own(ctx: DocContext, d: Delegation, visit: Delegation) -> bool:
    """Whether a report with no host is the hosts' own party at another visit: a delegation from the body or
    country that visit goes to ("a delegation of the Harbin bureau visited the Belarusian academy", then "the
    Belarusian delegation was headed by X", the academy's side of the talks), not visitors of its own."""
    if d is visit or d.host_org or d.host_place or not (d.origin_org or d.origin_place):
        return False
    if d.date is not None and visit.date is not None and d.date.date.year != visit.date.date.year:
        return False  # another year's trip ("A Chinese delegation ... was received in Santiago in 2019")
    if not (visit.host_org or visit.host_place) or not (visit.origin_org or visit.origin_place):
        return False
    own = _side(ctx, d.origin_org, d.origin_place)
    if own == _side(ctx, visit.origin_org, visit.origin_place):
        return False
    return own == _side(ctx, visit.host_org, visit.host_place) or d.origin_place is not None and (
        _located_in(ctx, visit.host_org, d.origin_place) or _within(ctx, visit.host_place, d.origin_place))


def _someone_went(ctx: DocContext, d: Delegation) -> bool:
    """Whether a report with no visitor found still tells of visitors: a group or people noun ("a delegation",
    "officials") or a verb of travelling ("The Kenyan Ambassador visits X"); the noun of the event alone ("during the
    President's visit to X", "welcomed their visit") tells only that a visit happened."""
    event_nouns = rule_regex(ctx.rules, "visit_event_nouns")
    for sent in (d.sentence, *d.extra_sentences):
        text = sent.text
        if any(not event_nouns.fullmatch(m.group(0)) for m in rule_regex(ctx.rules, "delegation_nouns").finditer(text)) \
                or rule_regex(ctx.rules, "people_nouns").search(text) \
                or any(_visiting(ctx.rules, v) or _used_as_verb(text, v)
                       for v in rule_regex(ctx.rules, "visit_verbs").finditer(text)):
            return True
    return False


# "X led a team to Y", "headed a small group on a visit to Y": a group noun is a delegation only as the object of a
# lead verb going somewhere ("the R&D team" is none).
_LED_GROUP = r"\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(team|group|party|contingent)\s+" \
             r"(?:of\s+[\w\s-]{1,40}?\s+)?(?:to|on)\b"


def _share_origins(found: list[Delegation]) -> None:
    """Stops of one trip, and visits one person leads, come from one place: a report without an origin takes that
    of the first report with the same leader (the headline gave the body's first stop its origin)."""
    origins: dict[str, tuple[str | None, str | None]] = {}
    for d in found:
        if d.leader and (d.origin_org or d.origin_place):
            origins.setdefault(d.leader, (d.origin_org, d.origin_place))
    for d in found:
        if d.leader in origins and not (d.origin_org or d.origin_place):
            d.origin_org, d.origin_place = origins[d.leader]


def _led_group(rules: Rulebook, text: str) -> re.Match | None:
    """The group noun of "led a team to ..." as the sentence's delegation noun, else None."""
    m = _led_group_regex(rules).search(text)
    return re.compile(r"\w+").match(text, m.start(1)) if m else None


@derived
def _led_group_regex(rules: Rulebook) -> re.Pattern:
    """`_LED_GROUP` after a lead verb, compiled once per rulebook: it is tried on most sentences, and building the
    pattern (escaping every lead verb) cost more than the search."""
    return literal_gated(re.compile(rf"\b(?:{'|'.join(re.escape(v) for v in rules.rules['lead_verbs'])}){_LED_GROUP}"))


def _governed_place(ctx: DocContext, org_id: str | None) -> str | None:
    """The place a government origin or host acts for ("Government of the State of Israel": Israel): the side is
    named both ways."""
    org = ctx.ents.orgs.get(org_id) if org_id else None
    place = org_namer(ctx.rules).jurisdiction_of(org) if org is not None else None
    return ctx.add_place(place) if place is not None else None


_GROUP_BACK = 8  # sentences back in which "the delegation" looks for the report that says where it is from


def group_origin(ctx: DocContext, before: int) -> str | None:
    """Whom 'the delegation' (signing, visiting) acts for: the body, or the government of the place, that the last
    delegation reported before `before` comes from."""
    nouns = rule_regex(ctx.rules, "delegation_nouns")
    verbs = rule_regex(ctx.rules, "visit_verbs")
    at = ctx.sentence_index(before, len(ctx.sentences))
    for sent in reversed(ctx.sentences[max(0, at - _GROUP_BACK):at]):
        noun = nouns.search(sent.text)
        if noun is None or not _GROUP_NOUN.search(noun.group(0)):
            continue
        d = _from_sentence(ctx, sent, noun, verbs.search(sent.text))
        if d is not None and d.origin_org:
            return d.origin_org
    return None


# After a further delegation noun of a sentence: "from X", "of X" (its own origin)
_GROUP_FROM_AFTER = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?")


def _other_groups(ctx: DocContext, sent: Sentence, first, d: Delegation) -> list[Delegation]:
    """'X received a delegation from A and a delegation from B', 'a delegation from A led by P and one from B led
    by Q visited X': each further delegation noun naming an origin of its own is a visit of its own, with that
    origin and the leader its own phrase names ("led by Q"), and the host, date and status of the sentence's."""
    if first is None:
        return []
    out: list[Delegation] = []
    nouns = [m for m in rule_regex(ctx.rules, "delegation_nouns").finditer(sent.text, first.end())
             if _GROUP_NOUN.search(m.group(0))] + [m for m in _ONE_FROM.finditer(sent.text, first.end())]
    nouns.sort(key=lambda m: m.start())
    for k, m in enumerate(nouns):
        after = _GROUP_FROM_AFTER.match(sent.text, m.end())
        pos = sent.start + (after.end() if after else m.end())
        origin = next((x for x in ctx.ents.mentions if x.start == pos and x.entity_type in ("organization", "place")),
                      None)
        if after is None or origin is None or origin.entity_id in (d.origin_org, d.origin_place):
            continue
        end = sent.start + (nouns[k + 1].start() if k + 1 < len(nouns) else len(sent.text))
        led = re.search(r"\b(?:led|headed)\s+by\s+", ctx.text[origin.end:end])
        leader = next((p.entity_id for p in ctx.people_in(origin.end + led.end(), end)), None) if led else None
        other = Delegation(_sentence_to(sent, origin.end), leader=leader, host_org=d.host_org, host_place=d.host_place, date=d.date,
                           status=d.status, confidence=d.confidence)
        _set_origin(ctx, other, origin)
        out.append(other)
    return out


# "... and one from B": a further delegation told by "one"
_ONE_FROM = re.compile(r"\b(?:and|while|,)\s+(?:another|one)(?=\s+(?:of|from)\s)")


_OCCASION_BACK = 6  # sentences back in which an undated visit looks for the dated occasion it was part of


def _occasion_date(ctx: DocContext, d: Delegation) -> FoundDate | None:
    """An undated visit told after a dated occasion that names its leader or its host ("A memorandum was signed
    between X and Y on 7 November 2018", then "Prof Z welcomed the delegates from X"): the day of that occasion."""
    at = ctx.sentence_index(d.sentence.start)
    if at is None:
        return None
    sides = {x for x in (d.leader, d.host_org, d.host_place) if x}
    for sent in reversed(ctx.sentences[max(0, at - _OCCASION_BACK):at]):
        days = [x for x in ctx.dates_in(sent) if x.precision == "day" and not x.dateline
                and (ctx.published is None or x.date <= ctx.published)]
        if days and any(m.entity_id in sides and sent.start <= m.start < sent.end for m in ctx.ents.mentions):
            return days[0]
    return None


_LEAD = 3  # body sentences after the headline in which the headline's undated visit looks for its day
_LEAD_AGE = dt.timedelta(days=365)  # a lead's day older than this before publication is history, not the news


@derived
def _history_before(rules: Rulebook) -> re.Pattern:
    """Before a lead's date, a word (`history_cues`) saying it dates what came before the visit ("founded on 5 May
    1898", "have cooperated since 12 June 2015"), compiled once per rulebook."""
    cues = phrase_alternation(rules.rules.get("history_cues") or []) or "(?!)"
    return re.compile(rf"\b(?:{cues})\s+(?:(?:on|in)\s+)?(?:the\s+)?$", re.I)


def _lead_date(ctx: DocContext, d: Delegation) -> FoundDate | None:
    """The headline's visit that no dated report of the body joined ("X Visits Y", then "In the morning of 26
    November, the group from X visited Y", a sentence the rules read as no report of their own): the first day or
    month the lead states in prose, as a news story's lead tells when what its headline reports happened; not a page
    label or dateline, a year ("since 2005"), a date of the history ("founded on 5 May 1898", "since 12 June
    2015"), nor a day after publication or more than a year before it (a news story's lead dates its news)."""
    if not ctx.sentences or d.sentence.start >= ctx.sentences[0].end:
        return None
    history_before = _history_before(ctx.rules)
    for sent in ctx.sentences[1:1 + _LEAD]:
        for x in ctx.dates_in(sent):
            if x.precision != "year" and not x.dateline and ctx.in_prose(sent, x) \
                    and not history_before.search(ctx.text, max(sent.start, x.start - 30), x.start) \
                    and (ctx.published is None or dt.timedelta(0) <= ctx.published - x.date <= _LEAD_AGE):
                return x
    return None


def _usual_name(ctx: DocContext, key: str | None) -> str | None:
    """A leader named with a word too many ("Tan Yimin Leads" in a headline) is the person of the shorter name the
    document names more often (or as often, when the longer name is only in the headline)."""
    words = set(key.split()) if key else set()
    if len(words) < 3:
        return key
    counts: dict[str, int] = {}
    for m in ctx.ents.mentions:
        if m.entity_type == "person":
            counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
    headline = ctx.sentences[0].end if ctx.sentences else 0
    only_headline = all(m.start < headline for m in ctx.ents.mentions if m.entity_id == key)
    shorter = [k for k in counts if len(k.split()) >= 2 and set(k.split()) < words
               and counts[k] + only_headline > counts.get(key, 0)]
    return max(shorter, key=lambda k: counts[k]) if shorter else key


def _report(ctx: DocContext, sent: Sentence, noun, verb) -> Delegation | None:
    """The visit a sentence reports: one told with a delegation noun or a visiting verb; else a host who met a
    visitor ("X met with Y from Z"), a group welcomed ("Y welcomed the delegates from Z"), or a stay with a purpose
    ("X was in Lyon to sign ...")."""
    if noun or verb:
        d = _from_sentence(ctx, sent, noun, verb)
        if (d is None or not (d.host_org or d.host_place) or not (d.leader or d.origin_org or d.origin_place)) \
                and _WELCOME.search(sent.text):
            # "X received the visit of Y", "X welcomed Y's visit in Z": the visit is the object of a welcome, which
            # says who hosted it and who came
            d = _welcomed_group(ctx, sent) or _received_guest(ctx, sent) or d
        return d
    meet = _MEET.search(sent.text) if any(w in sent.text for w in _MEET_WORDS) else None
    d = _met_visitor(ctx, sent, meet) if meet else None
    if d is None and any(w in sent.text for w in _WELCOME_WORDS) and _WELCOME.search(sent.text):
        d = _welcomed_group(ctx, sent) or _welcomed_to(ctx, sent) or _received_guest(ctx, sent)
    if d is None and " in " in sent.text:
        stay = _STAY.search(sent.text)
        d = _stayed(ctx, sent, stay) if stay else None
    return d


def _date_by_the_day_before(found: list[Delegation], d: Delegation, sent: Sentence) -> None:
    """'The following day, a delegation ...': an undated report is dated the day after the visit told before it."""
    next_day = _NEXT_DAY.match(sent.text) if d.date is None and found else None
    if next_day and found[-1].date is not None and found[-1].date.precision == "day":
        d.date = FoundDate(found[-1].date.date + dt.timedelta(days=1), "day", sent.start, sent.start + next_day.end())


def _file_report(ctx: DocContext, found: list[Delegation], d: Delegation, sent: Sentence,
                 noun) -> list[Delegation]:
    """The visits found so far with a new report: part of the visit to the place or body the sentence opens with
    ("In Spain, Bai visited ..."), the same visit as one found, a further stop of the visit told before when it
    refers back to it and names a host of its own ("the visit to Rennes 1"), else a visit of its own."""
    scene = _scene(ctx, sent)
    within = next((f for f in found if scene is not None
                   and scene.entity_id in (f.host_org, f.host_place, *(h.entity_id for h in f.more_hosts))
                   and (not d.leader or not f.leader or d.leader == f.leader)), None)
    if within is not None:  # "In Spain, Bai visited ...": a part of the visit to Spain
        _merge(within, d)
        return found
    target = next((f for f in found if _same_visit(ctx, f, d)), None)
    if target is not None and target.host_org is None and d.host_org is not None:
        # "to Visit UK and Ireland" in a headline, then the universities the body names: the stops are those
        target.host_org, target.host_place, target.more_hosts = d.host_org, d.host_place, d.more_hosts
    if target is None and found and _refers_back(sent.text, noun, d) and not _other_body(ctx, found[-1], d, sent) \
            and not _someone_elses(ctx, sent, noun, found[-1]):
        if _own_host(ctx, sent, d):
            return _another_stop(found, d, sent)
        target = found[-1]  # "During the visit, the delegation toured ...": the visit named before
    if target:
        _merge(target, d)
    else:
        found.append(d)
    return found


# "his visit", "her first visit": a visit owned by the person named before it in the sentence
_HIS_VISIT = re.compile(r"\b(?:his|her)\s+(?:[\w'’-]+\s+){0,2}$", re.I)


def _someone_elses(ctx: DocContext, sent: Sentence, noun, last: Delegation) -> bool:
    """Whether "his visit" or "her visit" is the visit of a person the sentence names before it who did not lead the
    last report ("the delegation of X, headed by A, visited Y", then "B reviewed his visit to Z in 2016": B's own
    visit, no further stop of A's)."""
    if not _HIS_VISIT.search(sent.text, 0, noun.start()):
        return False
    before = ctx.people_in(sent.start, sent.start + noun.start())
    return bool(before) and before[-1].entity_id != last.leader


# The visitors named with the body they come from: "the visit of X", "her counterparts from X"
_VISITORS_OF = re.compile(r"\b(?:visits?|delegations?|delegates|counterparts|guests|visitors)\s+(?:of|from|by)\s")


def _other_body(ctx: DocContext, a: Delegation, b: Delegation, sent: Sentence) -> bool:
    """Whether a report that refers back names another body than the last report as where the visitors come from
    ("X welcomed her counterparts from CASS", then "Y received the visit of NSFC": a second visit, though told as
    "the visit"), as the visitors' own ("the visit of X", "delegates from X": not "the delegation met researchers from
    X"); not when it names the last visit's leader ("staff from X accompanied Mr. Han on his visit")."""
    return bool(a.origin_org and b.origin_org and not a.origin_by_place and not b.origin_by_place
                and _VISITORS_OF.search(sent.text)
                and ctx.footprint(a.origin_org) != ctx.footprint(b.origin_org)
                and not any(p.entity_id == a.leader for p in ctx.people_in(sent.start, sent.end)))


def _another_stop(found: list[Delegation], d: Delegation, sent: Sentence) -> list[Delegation]:
    """A report naming a host of its own for the trip told before: the host of a stop of that trip that had none
    ("to partner universities in France", then "the visit to Rennes 1"), else a further stop."""
    found = _expand(found)
    trip = [f for f in found if f.leader == found[-1].leader and f.origin_org == found[-1].origin_org]
    vague = next((f for f in trip if f.host_org is None and d.host_org), None)
    if vague is not None:
        vague.host_org, vague.host_place = d.host_org, d.host_place
        _merge(vague, d)
    else:
        found.append(_clone(found[-1], d, sent))
    return found


def _merge_compatible(ctx: DocContext, found: list[Delegation]) -> list[Delegation]:
    """Reports in one document that conflict in nothing are one visit ("Ms Zhao welcomed the Hong Kong
    delegation" beside "Professor Fung is leading a delegation of 40 to Shanghai")."""
    out: list[Delegation] = []
    for d in found:
        target = next((o for o in out if not _conflict(ctx, o, d)), None)
        if target is None:
            out.append(d)
        else:
            _merge(target, d)
    return out


def _scene(ctx: DocContext, sent: Sentence) -> Mention | None:
    """The place or organisation a sentence opens with, followed by a comma or a subject ("In Spain, Bai ...")."""
    m = _SCENE.match(sent.text)
    if not m:
        return None
    pos = sent.start + m.end()
    return next((x for x in ctx.ents.mentions if x.start == pos and x.entity_type in ("place", "organization")), None)


def _own_host(ctx: DocContext, sent: Sentence, d: Delegation) -> bool:
    """Whether a report that refers back names a host of its own with 'the visit to X'."""
    if d.host_start is None or not (d.host_org or d.host_place):
        return False
    local = d.host_start - sent.start
    return bool(_VISIT_TO.search(sent.text[max(0, local - 20):local]))


def _expand(found: list[Delegation]) -> list[Delegation]:
    """One report per stop of a trip listed in one sentence, each with what the trip has gathered."""
    out = []
    for d in found:
        out.append(d)
        out.extend(_clone(d, _host_only(h), _sentence_to(d.sentence, h.end)) for h in d.more_hosts)
        d.more_hosts = []
    return out


def _host_only(host: Mention) -> Delegation:
    d = Delegation(sentence=None)  # type: ignore[arg-type]  # a stop: only its host
    _set_host(d, host)
    return d


def _sentence_to(sent: Sentence, end: int) -> Sentence:
    """The sentence up to `end`: the evidence of one stop of a trip listed in one sentence."""
    return dataclasses.replace(sent, end=end, text=sent.text[:end - sent.start])


def _clone(trip: Delegation, stop: Delegation, sent: Sentence) -> Delegation:
    """One stop of a trip: who, from where, how many and when from the trip; whom from the stop."""
    return Delegation(sent, leader=trip.leader, leader_title=trip.leader_title, origin_org=trip.origin_org,
                      origin_place=trip.origin_place, host_org=stop.host_org, host_place=stop.host_place,
                      member_count=trip.member_count, member_count_max=trip.member_count_max,
                      date=stop.date or trip.date, purpose=trip.purpose, status=trip.status,
                      confidence=trip.confidence)


def _conflict(ctx: DocContext, a: Delegation, b: Delegation) -> bool:
    def differ(x, y):
        return x is not None and y is not None and x != y
    if differ(a.leader, b.leader) or differ(a.member_count, b.member_count) or a.status != b.status:
        return True
    if a.date and b.date and a.date.precision == b.date.precision == "day" and a.date.date != b.date.date:
        return True
    hosts_nest = _within(ctx, a.host_place, b.host_place) or _within(ctx, b.host_place, a.host_place) \
        or _located_in(ctx, a.host_org, b.host_place) or _located_in(ctx, b.host_org, a.host_place) \
        or (a.leader is not None and a.leader == b.leader and _headline(ctx, a, b))
    origins_nest = _holds(ctx, a, b.origin_org) or _holds(ctx, b, a.origin_org)
    return (differ(_side(ctx, a.origin_org, a.origin_place), _side(ctx, b.origin_org, b.origin_place))
            and not origins_nest) or \
        (differ(_side(ctx, a.host_org, a.host_place), _side(ctx, b.host_org, b.host_place)) and not hosts_nest)


def _holds(ctx: DocContext, d: Delegation, org_id: str | None) -> bool:
    """Whether a visit from a place only ("the Hong Kong delegation") may come from this body of that place."""
    return d.origin_by_place and _located_in(ctx, org_id, d.origin_place)


def _located_in(ctx: DocContext, org_id: str | None, place_id: str | None) -> bool:
    """Whether a body lies in the country or jurisdiction a place names (a host "Israel" in a headline, then the
    Israeli bodies the text names; the origin "the Hong Kong delegation", then a Hong Kong body)."""
    ref = ctx.ents.place_refs.get(place_id) if org_id and place_id else None
    org = ctx.ents.orgs.get(org_id) if ref is not None else None
    if org is None:
        return False
    if ref.place_type == "country":
        return org.country_code is not None and org.country_code == ref.country_code
    return ref.place_type in JURISDICTION_TYPES and org.region_code is not None and org.region_code == ref.region_code


def _headline(ctx: DocContext, a: Delegation, b: Delegation) -> bool:
    """Whether one of two reports is the headline's, which tells the visit of the body again (its host may be
    written another way: "visits the Foundation for X", then "visited FX")."""
    if not ctx.sentences or a.sentence is None or b.sentence is None or a.sentence.start == b.sentence.start:
        return False  # (two stops of one trip the same sentence lists)
    first = ctx.sentences[0]
    only = [d.sentence.start < first.end and all(_title_again(first, s) for s in d.extra_sentences) for d in (a, b)]
    return only[0] != only[1]  # (a headline report the body has merged into is no longer the headline's alone)


def _title_again(first: Sentence, sent: Sentence) -> bool:
    """Whether a sentence is the headline told again: a scraped page often gives its title twice, as the page's
    title ("X visits Y | News") and as the article's heading ("X visits Y")."""
    shorter, longer = sorted((first.text.strip(), sent.text.strip()), key=len)
    return len(shorter) >= 12 and shorter in longer


def _within(ctx: DocContext, a: str | None, b: str | None) -> bool:
    """Whether place a lies in place b (Fuzhou in Fujian, Xiong'an in China)."""
    ref = ctx.ents.places.get(a) if a and b else None
    for _ in range(6):  # district, city, prefecture, province, country
        if ref is None or ref.parent_place_id is None:
            return False
        if ref.parent_place_id == b:
            return True
        ref = ctx.ents.places.get(ref.parent_place_id)
    return False


def _side(ctx: DocContext, org: str | None, place: str | None) -> str | None:
    """One key for an origin or host given as an organisation or a place (a place stands for its government)."""
    if org:
        return ctx.footprint(org)
    if place:
        ref = ctx.ents.place_refs.get(place)
        if ref is not None and ref.place_type in JURISDICTION_TYPES and ref.place_type != "country":
            gov = org_namer(ctx.rules).government_of(ref)
            return gov.organization_id
        return place
    return None


def _from_sentence(ctx: DocContext, sent: Sentence, noun, verb) -> Delegation | None:
    """A visit told with a delegation noun or a visiting verb: who led it and from where, whom it visited, how
    many went, when, and whether it is done, planned or recurring; none when the sentence names nowhere visited
    (or, without a delegation noun, nobody travelling)."""
    text = sent.text
    d = Delegation(sent)
    people = ctx.people_in(sent.start, sent.end)
    _set_leader(ctx, d, sent, people, noun, verb)
    if d.leader:
        _leader_origin(ctx, d, sent, people)
    _set_origin_named(ctx, d, sent, noun or verb, verb)
    own = _named_by_modifier(ctx, sent, noun) if noun and _GROUP_NOUN.search(noun.group(0)) \
        and not _NAMED_AFTER.match(sent.text, noun.end()) else None
    if own is not None:  # "the Anhui Provincial Delegation", "a Fudan University delegation": its own name says
        d.origin_org = d.origin_place = None
        _set_origin(ctx, d, own)
    elif noun and _GROUP_NOUN.search(noun.group(0)) and d.origin_org is None and d.origin_place is None:
        _origin_from_demonym(ctx, d, sent, noun)
    _set_hosts(ctx, d, sent, people, noun, verb)
    d.member_count, d.member_count_max = _size(ctx.rules, text)
    _date_and_status(ctx, d, sent)
    if rule_regex(ctx.rules, "recurring_cues").search(text):
        d.status = "recurring"
    has_who = d.leader or d.origin_org or d.origin_place or d.member_count
    has_where = d.host_org or d.host_place
    if not (has_where or (noun and has_who)):
        return None
    if not noun and not (has_where and has_who):
        return None  # "the two sides agreed to ... in Nanning": a place, but nobody travelling
    d.confidence = confidence(ctx.rules, "delegation_leader_and_host" if (d.leader and has_where) else
                              "delegation_who_and_where" if has_where and has_who else "delegation_fallback")
    return d


def _set_leader(ctx: DocContext, d: Delegation, sent: Sentence, people: list[Mention], noun, verb) -> None:
    """Who leads the visit, by the first cue the sentence has: "X, head of the delegation" (or "who is on an
    official visit"), "led by X", "X led a delegation" (or an organisation that leads it, which is its origin), "X
    signed it while visiting Y", "Premier Li visited Hong Kong"."""
    text = sent.text
    cue = noun or verb
    led = rule_regex(ctx.rules, "leader_cues").search(text)
    lead_verb = rule_regex(ctx.rules, "lead_verbs").search(text)
    including = _GROUP_INCLUDING.search(text)
    head = next((p for p in people if _HEAD_OF.match(ctx.text, p.end) or _ON_VISIT.match(ctx.text, p.end)
                 or _HEAD_BEFORE.search(ctx.text, max(sent.start, p.start - 90), p.start)), None)
    visit_of = next((p for p in people if _visit_of(ctx, max(sent.start, p.start - 90), p.start)
                     or (_POSSESSIVE_VISIT.match(ctx.text, p.end)
                         and not _DURING.search(ctx.text, max(sent.start, p.start - 40), p.start))), None)
    if head is not None:  # "Helen Tan, head of the delegation", "Mr X, who is on an official visit to Y"
        d.leader = head.entity_id
    elif visit_of is not None:  # "The state visit of President X to Y", "President X's visit to Y"
        d.leader = visit_of.entity_id
    elif led:
        d.leader = next((p.entity_id for p in people if p.start >= sent.start + led.end()), None)
    elif including:  # "a group of 4 people including X, vice president of Y, and Z visited": the first named
        d.leader = next((p.entity_id for p in people if p.start >= sent.start + including.end()), None)
    elif lead_verb and noun and lead_verb.start() < noun.start():
        _lead_verb_subject(ctx, d, sent, people, lead_verb)
    elif _CLAUSE_VISIT.search(text, max(0, cue.start() - 60), cue.start()):
        subject = _sentence_subject(ctx, sent, people, cue.start())
        d.leader = subject.entity_id if subject is not None else None  # "X signed it while visiting Y"
    elif (passive := _PASSIVE_VISIT.search(text)) and not noun:  # "X was visited on Monday by President Y"
        d.leader = next((p.entity_id for p in people if p.start >= sent.start + passive.end()), None)
    elif verb and (_visiting(ctx.rules, verb) or _used_as_verb(text, verb)):
        paid = _PAID_A_VISIT.search(text, max(0, verb.start() - 60), verb.start())
        d.leader = _visiting_subject(ctx, sent, people, paid.start() if paid else verb.start())


def _lead_verb_subject(ctx: DocContext, d: Delegation, sent: Sentence, people: list[Mention], lead_verb) -> None:
    """'X led a delegation ...': the person last named before the lead verb leads it; with none, the organisation
    named there ("HKSTP plans to lead a delegation ...") leads it and is where it comes from."""
    before = [p for p in people if p.start < sent.start + lead_verb.start()]
    if before:
        d.leader = before[-1].entity_id
    else:
        actors = ctx.actors_in(sent.start, sent.start + lead_verb.start())
        d.origin_org = actors[-1] if actors else None


def _visiting_subject(ctx: DocContext, sent: Sentence, people: list[Mention], verb_start: int) -> str | None:
    """'Premier Li visited Hong Kong', 'Mr Ho will visit Huzhou': the person just before the visiting verb (only
    an apposition, an auxiliary or an adverb between; `verb_start` a local offset), not one who escorts the visitors
    ("accompanied by X")."""
    before = [p for p in people if p.start < sent.start + verb_start
              and not _ESCORT.search(ctx.text, max(sent.start, p.start - 160), p.start)]
    if not before:
        return None
    end = before[-1].end - sent.start
    closing = _CLOSING_COMMA.match(sent.text, end) if _OPENING_COMMA.search(ctx.text, sent.start, before[-1].start) \
        else None  # "The Ambassador of X, Mr. Y, visited ...": the name in apposition to the subject
    # (or an apposition, then a clause of its own: "the director, Mr. Y, who took office in May, visited")
    if not any(_SUBJECT_GAP.fullmatch(sent.text, at, verb_start) for at in {closing.end() if closing else end, end}):
        return None
    return _list_head(ctx, before, before[-1]).entity_id


_OPENING_COMMA = re.compile(r",\s*$")
_CLOSING_COMMA = re.compile(r"\s*,")
# Between two people of a subject list, each with a title: "A, vice president of X, B, dean of Y, and C"; titles
# and names only, no verb or clause ("A met B and C" is no list of visitors).
_LIST_ITEM_GAP = re.compile(r"(?=[^;:]{1,200}$)(?=.*(?:,|\band\b))"
                            r"(?!.*\b(?:met|meets|said|says|told|welcomed|welcomes|received|receives|hosted|hosts|"
                            r"signed|signs|visited|visits|led|leads|accompanied|with|by|who|whom|whose|which|that|"
                            r"while|when|as|is|was|were|are|has|have|had|will)\b)", re.S)


def _list_head(ctx: DocContext, people: list[Mention], last: Mention) -> Mention:
    """The first person of the subject list that ends with `last` ("A, vice president of X, B, dean of Y, and C
    visited Z": A, whom reports name first as the leader); `last` itself when it ends no list. `people` are the
    sentence's people in order."""
    at = people.index(last)
    while at > 0 and _LIST_ITEM_GAP.match(ctx.text[people[at - 1].end:people[at].start]):
        at -= 1
    return people[at]


def _leader_origin(ctx: DocContext, d: Delegation, sent: Sentence, people: list[Mention]) -> None:
    """The leader's title and organisation, which the visit comes from: with no known organisation, the body or
    place of the title beside the name; with an honour for a title ("academician of Y"), the body of the post
    named before it."""
    org, title = ctx.affiliation(d.leader)
    d.leader_title = title or ctx.ents.person_titles.get(d.leader)
    d.origin_org = (_organ_body(ctx, org) or org) if org and _party_organ(ctx, org) else org
    leader = next((p for p in people if p.entity_id == d.leader), None)
    if org is None and leader is not None:
        _origin_from_apposition(ctx, d, sent, leader)
    elif title and leader is not None and rule_regex(ctx.rules, "honorary_titles").search(title):
        d.origin_org = _post_before(ctx, sent, leader, org) or org  # "Vice Director of X and academician of Y, Z"


def _set_origin_named(ctx: DocContext, d: Delegation, sent: Sentence, cue, verb) -> None:
    """Where the visit comes from, as the sentence names it: "delegation of X", "experts from X" (when the leader
    gave none), "from X" before the cue; else a modifier of the people ("Japanese rice experts")."""
    origin = _after(ctx, sent, r"\b(?:delegation|delegations|[Vv]isit)\s+(?:of|from)\s+(?:\w+\s+){0,6}?",
                    stop_types=("organization", "place"), window=60, until=_NP_END)
    if origin is None and d.origin_org is None:
        origin = _after(ctx, sent, r"\b(?:experts|officials|ambassadors|representatives|scholars)\s+(?:of|from)\s+",
                        stop_types=("organization", "place"), until=_NP_END)
    if origin is None:
        origin = _after(ctx, sent, r"\b(?:from)\s+", stop_types=("organization", "place"), window=40,
                        before=sent.start + (verb.start() if verb else cue.start()), until=_NP_END)
        receiver = _RECEIVER.search(sent.text)
        if origin is not None and receiver and origin.start < sent.start + receiver.start():
            origin = None  # "X and staff from the Y Office met the delegation": the receivers' side
    if origin is None and d.origin_org is None and d.origin_place is None and not _RECEIVER.search(sent.text):
        # (a title that welcomes or meets the visitors is the hosts': "Dean of X welcomed the delegation")
        verb_at = sent.start + (verb.start() if verb else cue.start())
        origin = _after(ctx, sent, _titled_subject(ctx.rules), stop_types=("organization", "place"),
                        window=100, until=_NP_END)
        origin = origin if origin is not None and origin.start < verb_at \
            and not _MEET_ANY_CASE.match(ctx.text, origin.end, sent.end) else None
    if origin is not None:
        _set_origin(ctx, d, origin)
    if d.origin_org is None and d.origin_place is None:
        _origin_from_modifier(ctx, d, sent)


@derived
def _titled_subject(rules: Rulebook) -> re.Pattern:
    """A sentence whose subject is a title with no name, and the body or country it serves: "President of X
    visits Y", "The Deputy Prime Minister of X paid a visit to Y" (a headline's way): the visit comes from X."""
    heads = phrase_alternation(h.lower() for h in rules.title_heads)
    return re.compile(r"^(?:The\s+)?(?:[A-Z][\w-]*\s+){0,2}?(?i:%s)\s+(?:of|from)\s+(?:the\s+)?" % heads)


# A noun for the group that travels, whose modifier is where it comes from (that of "visit" or "tour" is where it
# goes: "his Japan visit").
_GROUP_NOUN = re.compile(r"(?:delegations?|mission)$", re.I)
# Between a body or place and the delegation noun it modifies: "Anhui [Provincial] delegation", "Fudan University's
# [academic] delegation"; only modifiers, no verb, article or preposition (those start another phrase).
_MODIFIER_GAP = re.compile(r"(?:['’]s)?(?:\s+(?:(?!(?:Welcome|Receive|Host|Meet|Visit|Lead|Send|Greet|Met|Led|Sent)\w*\b)"
                           r"[A-Z][\w-]*|[a-z]+-[\w-]+|official|government|business|trade|academic|"
                           r"research|education|science|technology|economic|cultural|joint|visiting|friendship|"
                           r"provincial|municipal|senior|expert|investment|youth|student|faculty)){0,3}\s+$")
# After the noun: "delegations from X", "the delegation of X" name the origin themselves
_NAMED_AFTER = re.compile(r"\s+(?:of|from)\s")
# Before the named modifier: the start of the noun phrase (an article, a count, a sentence start, a comma).
_PHRASE_START = re.compile(r"(?:^|(?:\b(?:the|a|an|one|two|three|four|five|its|their)|[,;:(])\s+)$", re.I)


def _named_by_modifier(ctx: DocContext, sent: Sentence, noun) -> Mention | None:
    """The body or place the delegation noun's own modifier names ("the Anhui Provincial Delegation", "a TSU
    delegation"): where the delegation comes from, whatever its leader's titles say."""
    start = sent.start + noun.start()
    cands = [x for x in ctx.ents.mentions if x.entity_type in ("organization", "place")
             and sent.start <= x.start and x.end <= start and start - x.end <= 40]
    for x in reversed(cands):
        if _MODIFIER_GAP.fullmatch(ctx.text, x.end, start) and \
                _PHRASE_START.search(ctx.text[max(sent.start, x.start - 12):x.start]) and not _in_compound_name(ctx, x):
            return x
    return None


def _set_hosts(ctx: DocContext, d: Delegation, sent: Sentence, people: list[Mention], noun, verb) -> None:
    """Whom the visit went to: the object of the visit (and the further stops of a list), else the body of whoever
    received the delegation, else the venue of a meeting with it; never the body it comes from."""
    passive = _passive_host(ctx, sent)
    hosts = [passive] if passive is not None else _host(ctx, sent, noun or verb, verb)
    if hosts:
        d.host_start = hosts[0].start
        _set_host(d, hosts[0])
        d.more_hosts = hosts[1:]
    if noun and (d.host_org is None or d.host_org == d.origin_org):
        _set_receiver(ctx, d, sent, people)
    if d.host_org is None and d.host_place is None:
        d.host_org = _meeting_venue(ctx, sent) or _passive_receiver(ctx, d, sent)
    if d.host_org and d.host_org == d.origin_org:
        d.host_org = None


# "X has been visited by a delegation from Y", "X was visited on Monday by Y": the subject is the host
_PASSIVE_VISIT = re.compile(r"\s+(?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+(?:(?:also|recently|"
                            r"officially|first)\s+)?visited\b(?=[^;:]{0,60}?\bby\b)")


def _passive_host(ctx: DocContext, sent: Sentence) -> Mention | None:
    """The body or place right before "was visited by" (its own words aside: "the campus of X", "X in Y"), when a
    person or a body visited it ("visited by 300 students a year" is no delegation's visit)."""
    m = _PASSIVE_VISIT.search(sent.text)
    if m is None or not (ctx.people_in(sent.start + m.end(), sent.end) or ctx.orgs_in(sent.start + m.end(), sent.end)):
        return None
    end = sent.start + m.start()
    named = sorted(ctx.orgs_in(sent.start, end) + ctx.places_in(sent.start, end), key=lambda n: n.start)
    return named[-1] if named and end - named[-1].end <= 40 else None


# "The delegation was received by X at Y", "was warmly welcomed at Y by X", "was hosted by the Y": the visitors are
# the subject, their host follows the verb.
_PASSIVE_RECEPTION = re.compile(r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:(?:warmly|cordially|also|"
                                r"officially|first)\s+)?(?:received|welcomed|hosted|greeted)\b")


def _passive_receiver(ctx: DocContext, d: Delegation, sent: Sentence) -> str | None:
    """The first organisation after "was received" (the receiver's body, or the place of the reception: "by its
    Vice-Rector at the University of X", "in the Senate Hall of X"), other than the visitors' own."""
    m = _PASSIVE_RECEPTION.search(sent.text)
    if m is None:
        return None
    after = sent.start + m.end()
    return next((o.entity_id for o in ctx.orgs_in(after, sent.end) if o.entity_id != d.origin_org), None)


def _set_receiver(ctx: DocContext, d: Delegation, sent: Sentence, people: list[Mention]) -> None:
    """'X received a Singapore research delegation': the body X receives it for is its host (and not, when no
    leader says otherwise, its origin)."""
    welcomer = _RECEIVER.search(sent.text)
    if welcomer is None:
        return
    before = [p for p in people if p.start < sent.start + welcomer.start()]
    bodies = ctx.orgs_in(sent.start, sent.start + welcomer.start())
    at_body = bool(bodies) and _BODY_GAP.fullmatch(ctx.text, bodies[-1].end, sent.start + welcomer.start())
    staff_from = at_body and before and before[-1].start < bodies[-1].start \
        and _FROM.search(ctx.text, before[-1].end, bodies[-1].start)
    if at_body and (not before or (before[-1].start < bodies[-1].start and not staff_from)):
        d.host_org = bodies[-1].entity_id  # "Ghent University received a delegation from X"
        if d.origin_org == d.host_org:
            d.origin_org = None
        return
    if before and before[-1].entity_id != d.leader:
        # "Dr X and staff from Lund University received ...": with no body of X's own, the staff's body receives,
        # unless it is a unit ("staff from the International Office"), which stands for a body not named
        body_staff = staff_from and ctx.ents.orgs[bodies[-1].entity_id].org_type not in _UNIT_TYPES
        d.host_org = _acting_body(ctx, before[-1], sent.start + welcomer.start()) \
            or (bodies[-1].entity_id if body_staff else None) or d.host_org
        if d.leader is None and d.origin_org == d.host_org:
            d.origin_org = None


# "X and staff from the Y Office met the delegation": Y is where the receivers work, X's body receives
_FROM = re.compile(r"\bfrom\b")
_UNIT_TYPES = ("university_unit", "other")  # bodies that stand for a larger one the receivers act for
# Between a receiving body and its verb: its acronym, an auxiliary, an adverb ("UM (UM) has warmly received")
_BODY_GAP = re.compile(r"\)?\s*(?:\([^()]{1,20}\)\s*)?(?:(?:has|have|had|also|today|recently|warmly|officially|once again)\s+)*")


def _meeting_venue(ctx: DocContext, sent: Sentence) -> str | None:
    """'in a meeting at UNNC with a delegation ...': the organisation where a meeting with the visitors took place."""
    at = _MEETING_AT.search(sent.text)
    if at is None:
        return None
    return next((x.entity_id for x in ctx.ents.mentions if x.entity_type == "organization"
                 and x.start == sent.start + at.end()), None)


def _set_host(d: Delegation, m: Mention) -> None:
    """A host is one slot, given by an organisation or a place."""
    if m.entity_type == "organization":
        d.host_org = m.entity_id
    else:
        d.host_place = m.entity_id


# Between a subject and its verb: an apposition in commas (or a title of a body, its closing comma left out: ", vice
# president of X visited"), "and his delegation" ("and colleagues", "and a delegation of staff from X"), an
# auxiliary, an adverb.
_SUBJECT_GAP = re.compile(r"(?:\s*,[^,;:]{0,120},|(?:\s*,\s*(?:[\w-]+\s+){1,5}?(?:of|at)|\s+(?:of|from))\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s*|(?:of|for|and|the|de)\s+|"
                          r"\([A-Z][\w&-]{1,10}\)\s*){1,12}?)?(?:\s*and\s+(?:(?:his|her|their)\s+(?:[\w-]+\s+)?|(?:a|other)\s+)?"
                          r"(?:delegation|delegates|team|entourage|party|group|colleagues)"
                          r"(?:\s+(?:(?:of|from)\s+(?:[a-z]+\s+){1,3}?)?(?:from|of)\s+(?:the\s+)?"
                          r"(?:[A-Z][\w.&'’-]*\s*|(?:of|for|and|the|de)\s+){1,12}?)?)?\s*(?:(?:will|would|is|are|was|were|"
                          r"has|have|had|also|"
                          r"then|later|to|be|expected|scheduled|due)\s+)*")


# A visit told as a clause of the sentence's main event: "X signed it while visiting Y", "during his visit to Y".
_CLAUSE_VISIT = re.compile(r"\b(?:while|whilst|when)\s+(?:on\s+(?:an?|his|her|their)\s+(?:[\w-]+\s+){0,2}?)?$|"
                           r"\b(?:during|on|in the course of)\s+(?:his|her|their)\s+(?:[\w-]+\s+){0,2}?$", re.I)
# An opening clause before the subject ("While in Lyon, X ...", "During his visit to Y, X ...").
_OPENING_CLAUSE = re.compile(r"(?:While|Whilst|When|During|On|After)\b[^,;:]{0,140},\s*")
# Between a sentence's start and its subject: titles and names only ("Lancaster University Deputy Vice-Chancellor").
_TITLE_RUN = re.compile(r"(?:(?:[A-Z][\w.'’&-]*|of|for|and|the|de|on)[\s,]+)*")
# "X was in Lyon recently to sign ...": a stay with a purpose is a visit.
_STAY = re.compile(r"\b(?:was|were|is|are|has been|have been|had been)\s+(?:(?:also|recently|currently|then|"
                   r"here|once again|again)\s+)?in\s+(?=[A-Z])")
# The other side of the purpose: "to sign the agreement with the X" (within the clause).
_WITH = re.compile(r"[^,;:()]{0,80}?\bwith\s+(?:the\s+)?")
# The welcome of a group: "a warm welcome to X and the delegates from Y", "received a team from Y".
_WELCOME = re.compile(r"\b(?:welcome|welcomes|welcomed|received|receives|greeted|greets|hosted|hosts)\b")
_WELCOME_WORDS = ("welcome", "receive", "greet", "host")  # one of them is in every verb _WELCOME lists
# "welcomed the delegates from Z", "welcomed her counterparts from Z", "received the visit of Z"
_GROUP_FROM = re.compile(r"\b(?:the\s+|a\s+|an\s+)?(?:(?!(?:and|or|as|with|to)\s)[\w-]+\s+){0,2}?(?:delegates|team|representatives|visitors|"
                         r"guests|counterparts|colleagues|visit)\s+(?:from|of)\s+(?:the\s+)?")


def _sentence_subject(ctx: DocContext, sent: Sentence, people: list[Mention], before: int) -> Mention | None:
    """The person a sentence opens with, after titles and names only, and before `before` (a local offset)."""
    opening = _OPENING_CLAUSE.match(sent.text)
    start = sent.start + (opening.end() if opening else 0)
    first = next((p for p in people if p.start >= start), None)
    if first is None or not _TITLE_RUN.fullmatch(ctx.text, start, first.start):
        return None
    return first if opening or first.start < sent.start + before else None


def _stayed(ctx: DocContext, sent: Sentence, stay) -> Delegation | None:
    """'X was in Lyon recently to sign the agreement with Y': X visits Lyon, and Y when Y is named."""
    text = sent.text
    purpose = rule_regex(ctx.rules, "stay_purposes").search(text, stay.end())
    if not purpose:
        return None
    pos = sent.start + stay.end()
    place = next((x for x in ctx.ents.mentions if x.start == pos and x.entity_type in ("place", "organization")), None)
    people = [p for p in ctx.people_in(sent.start, sent.start + stay.start())]
    if place is None or not people or not _SUBJECT_GAP.fullmatch(text, people[-1].end - sent.start, stay.start()):
        return None
    d = Delegation(sent, leader=people[-1].entity_id)
    org, title = ctx.affiliation(d.leader)
    d.origin_org, d.leader_title = org, title or ctx.ents.person_titles.get(d.leader)
    _set_host(d, place)
    if d.host_place is not None:  # a place: the body there is the other side of what was signed, when named
        other = _WITH.match(text, purpose.end())
        at = sent.start + other.end() if other else -1
        side = next((x for x in ctx.ents.mentions if x.start == at and x.entity_type == "organization"), None)
        if side is not None and side.entity_id != d.origin_org:
            d.host_org = side.entity_id  # the other side of what was signed
    if d.host_org and d.host_org == d.origin_org:
        return None
    _date_and_status(ctx, d, sent)
    d.confidence = confidence(ctx.rules, "delegation_leader_and_host")
    return d


def _welcomed_group(ctx: DocContext, sent: Sentence) -> Delegation | None:
    """'Y welcomed X and the delegates from Z': X leads a group of Z's, visiting Y's organisation."""
    text = sent.text
    welcome = _WELCOME.search(text)
    group = _GROUP_FROM.search(text, welcome.end())
    if group is None:
        return None
    pos = sent.start + group.end()
    origin = next((x for x in ctx.ents.mentions if x.start == pos and x.entity_type in ("organization", "place")), None)
    people = ctx.people_in(sent.start, sent.end)
    hosts = [p for p in people if p.start < sent.start + welcome.start()]
    unknown = origin is None and _UNKNOWN_BODY.match(ctx.text, pos)  # "the delegates from UTAR": a body not known
    if not (origin or unknown) or not hosts:
        return None
    host_org = _acting_body(ctx, hosts[-1], sent.start + welcome.start())
    d = Delegation(sent)
    if origin is not None:
        _set_origin(ctx, d, origin)
    if host_org is None or ctx.footprint(host_org) == ctx.footprint(d.origin_org or ""):
        return None
    d.host_org = host_org
    joined = [p for p in people if sent.start + welcome.end() <= p.start < sent.start + group.start()
              and re.fullmatch(r"\s+(?:and|as well as)\s*", ctx.text[p.end:sent.start + group.start()])]
    led = rule_regex(ctx.rules, "leader_cues").search(text, group.end())
    after = [p for p in people if led and p.start >= sent.start + led.end()]
    leader = joined[0] if joined else after[0] if after else None
    if leader is None and unknown:
        return None  # neither who nor where from
    if leader is not None:
        _set_guest(ctx, d, leader)
    _date_and_status(ctx, d, sent)
    d.confidence = confidence(ctx.rules, "delegation_who_and_where")
    return d


def _set_guest(ctx: DocContext, d: Delegation, guest: Mention) -> None:
    """A named visitor leads the visit, and comes from their organisation unless the sentence said where from."""
    d.leader = guest.entity_id
    org, title = ctx.affiliation(guest.entity_id)
    d.leader_title = title or ctx.ents.person_titles.get(guest.entity_id)
    if d.origin_org is None and d.origin_place is None:
        d.origin_org = org


# "welcomed Professor X to Y", "welcome Dr X and his delegation to Y": the host greets a named visitor to a place.
# "welcomed Dr X and his entourage": a named visitor with a party.
_WELCOME_PERSON = re.compile(r"\b(?:welcome|welcomes|welcomed|welcoming|received|receives|greeted|greets|hosted|hosts)\s+")
_WELCOME_PLACE = re.compile(r"(?:" + _HIS_PARTY + r")?\s+(?:back\s+)?to\s+(?:the\s+)?"
                            r"(?!(?:Board|Committee|Council|Team|Family|Panel|Faculty|Society|Club|Fellowship)\b)"
                            r"(?=[A-Z]|(?:our|its|their|his|her)\s+(?:campus|university|institute|school|college|"
                            r"headquarters|city|province|country)\b)|" + _HIS_PARTY)


def _welcomed_to(ctx: DocContext, sent: Sentence) -> Delegation | None:
    """'Y welcomed Professor X to Z': X visits Z (or, with Z not known, the body Y receives visitors for)."""
    people = ctx.people_in(sent.start, sent.end)
    for m in _WELCOME_PERSON.finditer(sent.text):
        guest = next((p for p in people if p.start == sent.start + m.end()), None)
        to = _WELCOME_PLACE.match(ctx.text, guest.end) if guest is not None else None
        if to is None:
            continue
        where = next((x for x in ctx.ents.mentions if x.start == to.end() and x.entity_type in ("organization", "place")),
                     None)
        hosts = [p for p in people if p.start < sent.start + m.start()]
        d = Delegation(sent)
        if where is not None:
            _set_host(d, where)
        elif hosts:
            d.host_org = _acting_body(ctx, hosts[-1], sent.start + m.start())
        _set_guest(ctx, d, guest)
        if not (d.host_org or d.host_place) or _side(ctx, d.host_org, d.host_place) == _side(ctx, d.origin_org, None):
            return None
        _date_and_status(ctx, d, sent)
        d.confidence = confidence(ctx.rules, "delegation_leader_and_host")
        return d
    return None


# A day that dates the telling, not the visit: "X on Wednesday said", "X said on Monday that ..."
@derived
def _telling(rules: Rulebook) -> tuple[re.Pattern, re.Pattern]:
    """A telling verb (`telling_verbs`) right after a date ("on Wednesday said") and one right before it ("announced
    on Monday"), compiled once per rulebook."""
    verbs = phrase_alternation(rules.rules.get("telling_verbs") or []) or "(?!)"
    return (re.compile(rf"\s*,?\s*(?:{verbs})\b"), re.compile(rf"\b(?:{verbs})\s+(?:on\s+)?$"))


def _date_and_status(ctx: DocContext, d: Delegation, sent: Sentence) -> None:
    """A report's date (its sentence's first, a date of its own before a page label or dateline, one the visit has
    before the day something was said about it) and whether the visit is planned: a plan cue, or a date after the publication day."""
    dates = ctx.dates_in(sent)
    prose = [x for x in dates if not x.dateline]
    # "The ministry on Wednesday said the minister will visit on Sept. 21": Wednesday is when it was said
    telling_after, telling_before = _telling(ctx.rules)
    visit = [x for x in prose if not telling_after.match(ctx.text, x.end)
             and not telling_before.search(ctx.text, max(sent.start, x.start - 30), x.start)]
    d.date = (visit or prose or dates)[0] if dates else None
    if rule_regex(ctx.rules, "delegation_planned_cues").search(sent.text) or (
            d.date and ctx.published and d.date.date > ctx.published):
        d.status = "planned"


def _post_before(ctx: DocContext, sent: Sentence, leader: Mention, honour: str | None) -> str | None:
    """The organisation of a post in the apposition before a leader whose known title is an honour
    ("Vice Director of X and academician of Y, Z led ..." gives X)."""
    if not re.search(r",\s*$", ctx.text[max(sent.start, leader.start - 3):leader.start]):
        return None
    dash = max(ctx.text.rfind(" - ", sent.start, leader.start), ctx.text.rfind(": ", sent.start, leader.start))
    start = dash + 2 if dash != -1 else sent.start
    return next((x.entity_id for x in ctx.orgs_in(start, leader.start) if x.entity_id != honour), None)


def _origin_from_apposition(ctx: DocContext, d: Delegation, sent: Sentence, leader: Mention) -> None:
    """Where a leader with no known organisation comes from: the body or place of the title beside the name
    ("X, Governor of Y Province in Z, ...", "the Deputy Prime Minister of Y, Mr X")."""
    envoy = _ENVOY_AFTER.match(ctx.text, leader.end)
    if envoy and _demonym_country(ctx.rules, envoy.group(1)) is not None:
        _demonym_origin(ctx, d, envoy.group(1), envoy.start(1))  # "X, the Danish ambassador to China": Denmark
        return  # (not the place the envoy serves in: "X, Brazilian Consul General in Shanghai")
    owner = _title_owner(ctx, sent, leader)
    if owner is not None:  # "Norway's Minister of Research, X", "X, Singapore's Minister for Trade": Norway, Singapore
        _set_origin(ctx, d, owner)
        return
    after = _APPOSITION_OF.match(ctx.text[leader.end:min(sent.end, leader.end + 110)])
    before = re.search(r"\b(?:of|from)\s+(?:the\s+)?([^,;:()]{2,60}),\s*(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?$",
                       ctx.text[max(sent.start, leader.start - 90):leader.start])
    spans = []
    if after:
        comma = ctx.text.find(",", leader.end + after.end(), sent.end)
        end = comma if comma != -1 else sent.end
        if not after.group(0).startswith(","):  # "Prof. X of Y (YY) visited ...": the name after "of", to the verb
            stop = _NP_END.search(ctx.text, leader.end + after.end(), end)
            end = stop.start() if stop else end
        spans.append((leader.end + after.end(), end))
    if before:
        base = max(sent.start, leader.start - 90)
        spans.append((base + before.start(1), base + before.end(1)))
    for start, end in spans:
        cands = [x for x in ctx.ents.mentions if x.entity_type in ("organization", "place") and start <= x.start < end]
        orgs = [x for x in cands if x.entity_type == "organization" and not _in_compound_name(ctx, x)]
        if cands:  # "of Pakistan Agricultural Research Council": the body, not the country its name opens with
            _set_origin(ctx, d, orgs[0] if orgs and _NAME_RUN.fullmatch(ctx.text, cands[0].end, orgs[0].start)
                        else cands[0])
            return
    _origin_from_people_word(ctx, d, sent, leader)


def _origin_from_people_word(ctx: DocContext, d: Delegation, sent: Sentence, leader: Mention) -> None:
    """The country a people's name before the leader's title names: "the Chinese Ambassador to Iraq, Mr. X",
    "Chinese Foreign Minister Wang Yi"."""
    lo = max(sent.start, leader.start - 90)
    envoy = _ENVOY_BEFORE.search(ctx.text, lo, leader.start) or (
        _ENVOY.match(ctx.text, leader.start) and _PEOPLE_WORD_BEFORE.search(ctx.text, lo, leader.start))
    if envoy:  # (the envoy's country, not the one the envoy serves in)
        _demonym_origin(ctx, d, envoy.group(1), envoy.start(1))
    elif run := _TITLE_RUN_BEFORE.search(ctx.text, lo, leader.start):
        word = next((w for w in _CAPITALISED.finditer(ctx.text, run.start(), run.end())
                     if _demonym_country(ctx.rules, w.group(0)) is not None), None)
        if word is not None:
            _demonym_origin(ctx, d, word.group(0), word.start())


# After a leader, the title in apposition up to the "of" that names its body ("X, Governor of Y", "X of Y visited"); the
# title runs through no verb ("X, led a delegation of scholars to Y": Y is no body of X's)
_APPOSITION_OF = re.compile(r",\s*(?:,\s*)?(?:(?!\b(?:led|leads|headed|heads|visited|visits|paid|pays|arrived|arrives|met|"
                            r"meets|signed|signs|toured|travelled|traveled|went|was|were|is|are|has|have|had|will|would)\b)"
                            r"[^,;:()]){0,100}?\b(?:of|from|in)\s+|\s+(?:of|from)\s+(?=(?:the\s+)?[A-Z])")
# Capitalised words (a people's name among them, then title words) right before the leader: "Chinese State
# Councilor and Foreign Minister Wang Yi", "the Kenyan Minister of Education, Mr. X" (the name may hold the title's
# last word: "Minister Wang Yi")
_TITLE_RUN_BEFORE = re.compile(r"\b[A-Z][\w-]*\s+(?:(?:[A-Z][\w-]*|of|for|and|the)\s+){0,8}?,?\s*"
                               r"(?:(?:Mr|Ms|Mrs|Madam|Dr|Prof|H\.\s?E)\.?\s+)?$")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
# A place's or body's possessive, then a title, beside the leader: "Norway's Minister of Research, X" / "X, Norway's
# Minister"
# (a title may hold a comma: "Minister of Higher Education, Science and Innovation")
_POSSESSIVE_TITLE = re.compile(r"['’]s\s+[A-Z][\w-]*(?:[\s,]+(?:[A-Z][\w-]*|of|for|and|the))*")


def _title_owner(ctx: DocContext, sent: Sentence, leader: Mention) -> Mention | None:
    """The place or body whose possessive opens the leader's title in apposition ("Norway's Minister of Research,
    X", "X, Singapore's Minister for Trade", "Lund University's Rector, X"): where the leader serves, so where the
    visit comes from."""
    lo = max(sent.start, leader.start - 90)
    named = sorted(ctx.places_in(lo, leader.start) + ctx.orgs_in(lo, leader.start), key=lambda x: x.start)
    for owner in reversed(named):
        title = _POSSESSIVE_TITLE.match(ctx.text, owner.end, leader.start)
        if title and re.fullmatch(r",?\s*(?:(?:Mr|Ms|Mrs|Madam|Dr|Prof)\.?\s+)?", ctx.text[title.end():leader.start]):
            return owner
    comma = re.match(r",\s*(?:the\s+)?", ctx.text[leader.end:sent.end])
    at = leader.end + comma.end() if comma else -1
    owner = next((x for x in ctx.places_in(at, sent.end) + ctx.orgs_in(at, sent.end) if x.start == at), None)
    return owner if owner is not None and _POSSESSIVE_TITLE.match(ctx.text, owner.end, sent.end) else None


# A people's name before an envoy's title right before the name ("the Chinese Ambassador to Iraq, Mr. X"), or
# before a name that opens with the title ("the Danish [Ambassador to China Y]")
_ENVOY = re.compile(r"(?:Ambassador|Consul|Consul[- ]General|Envoy|Charg[ée] d['’]Affaires)\b")
_PEOPLE_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+$")
_ENVOY_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+" + _ENVOY.pattern +
                           r"(?:\s+to\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?,?\s*"
                           r"(?:(?:Mr|Ms|Mrs|Madam|Dr|H\.\s?E)\.?\s+)?$")


# A people's name before an envoy's title in apposition after the name ("X, the Danish ambassador to China")
_ENVOY_AFTER = re.compile(r",\s*(?:the\s+)?([A-Z][a-z]+)\s+(?i:ambassador|consul|consul[- ]general|envoy)\b")
_NAME_RUN = re.compile(r"\s*(?:[A-Z][\w.&'’-]*\s*)*")  # capitalised words only: one name goes on


def _met_visitor(ctx: DocContext, sent: Sentence, meet) -> Delegation | None:
    """'X met with Y from Z': Y, of an organisation other than X's, visits X's organisation; not when they met over
    a link, or on X's own trip (`remote_meeting_cues`, `host_trip_cues`)."""
    text = sent.text
    people = ctx.people_in(sent.start, sent.end)
    meet_at = sent.start + meet.start()
    hosts = [p for p in people if p.start < meet_at]
    guests = [p for p in people if sent.start + meet.end() <= p.start <= sent.start + meet.end() + 40]
    if not hosts or not guests or not _SUBJECT_GAP.fullmatch(text, hosts[-1].end - sent.start, meet.start()) \
            and not re.fullmatch(r",[^;:]{0,160},\s*", text[hosts[-1].end - sent.start:meet.start()]):
        return None
    if rule_regex(ctx.rules, "remote_meeting_cues").search(text) \
            or rule_regex(ctx.rules, "host_trip_cues").search(text, 0, meet.start()):
        return None  # "met online with Y", "During his trip to Sweden, X met with Y": no visit of Y to X's body
    guest = guests[0]
    origin = re.match(r"\s*(?:,\s*[^,;:]{0,60}?\s)?(?:from|of)\s+(?:the\s+)?", ctx.text[guest.end:guest.end + 70])
    pos = guest.end + origin.end() if origin else -1
    found = [x for x in ctx.ents.mentions if x.entity_type in ("organization", "place") and x.start == pos
             and not _in_compound_name(ctx, x)]
    unknown = origin and not found and _UNKNOWN_NAME.match(ctx.text, pos)  # "from the Sino-X Transfer Centre"
    # with no "from" or "of" after the name, the body the guest's title named ("met with Japanese Nagoya University
    # Director X", "met with X" after "Counsellor of the Israeli Embassy X said"): a guest the text has placed
    titled = ctx.affiliation(guest.entity_id)[0] if not origin else None
    host_org = _acting_body(ctx, hosts[-1], meet_at)
    if not (found or unknown or titled) or host_org is None:
        return None
    d = Delegation(sent, leader=guest.entity_id)
    if found:
        _set_origin(ctx, d, found[0])
    elif titled:
        d.origin_org = titled
    if ctx.footprint(host_org) == ctx.footprint(d.origin_org or "") or found and d.origin_org is None \
            and d.origin_place is None:
        return None
    d.host_org = host_org
    _, title = ctx.affiliation(guest.entity_id)
    d.leader_title = title or ctx.ents.person_titles.get(guest.entity_id)
    _date_and_status(ctx, d, sent)
    d.confidence = confidence(ctx.rules, "delegation_who_and_where")
    return d


# "X University hosted the Kenyan Ambassador to China, Mr. Y", "welcomed the Rector of Z, Dr. Y", "received Dr. Y,
# Rector of Z": the person a receiving verb governs is a visitor. Between the verb and the name only a title may
# stand (capitalised words and their particles, an honorific); "met" is left out, as its subject is as often the visitor.
_RECEIVING = re.compile(r"\b(?:hosted|hosts|received|receives|welcomed|welcomes|greeted|greets)\s+(?!by\b)")
_TITLE_BEFORE_NAME = re.compile(r"(?:(?:the|a)\s+)?(?:visiting\s+)?(?:(?:[A-Z][\w.'’&-]*|of|for|to|and|the|de)\s+){0,10}?"
                                r"(?:[A-Z][\w.'’&-]*\s*,?\s*)?(?:(?:Mr|Ms|Mrs|Madam|Dr|Prof|Professor|H\.\s?E)\.?\s+)?")


def _received_guest(ctx: DocContext, sent: Sentence) -> Delegation | None:
    """'Y (a person or a body) hosted/welcomed [title] X [, title]': X visits the body Y receives for, from the body
    or country of X's title (the one before the name, else the apposition after it, else X's affiliation)."""
    people = ctx.people_in(sent.start, sent.end)
    for m in _RECEIVING.finditer(sent.text):
        verb_at, obj_at = sent.start + m.start(), sent.start + m.end()
        guest = next((p for p in people if obj_at <= p.start <= obj_at + 120), None)
        if guest is None or not _TITLE_BEFORE_NAME.fullmatch(ctx.text, obj_at, guest.start):
            continue
        host = _receiving_body(ctx, sent, people, verb_at)
        if host is None:
            continue
        d = Delegation(sent)
        d.host_org = host
        title = [x for x in ctx.ents.mentions if x.entity_type in ("organization", "place")
                 and obj_at <= x.start and x.end <= guest.start and not _in_compound_name(ctx, x)]
        envoy = _ENVOY_BEFORE.search(ctx.text, obj_at, guest.start)
        if envoy and _demonym_country(ctx.rules, envoy.group(1)) is not None:
            _demonym_origin(ctx, d, envoy.group(1), envoy.start(1))  # "the Kenyan Ambassador to China, Mr. X"
        elif title:
            orgs = [x for x in title if x.entity_type == "organization"]
            _set_origin(ctx, d, orgs[0] if orgs else title[0])
        else:
            _origin_from_apposition(ctx, d, sent, guest)
        _set_guest(ctx, d, guest)
        if not (d.origin_org or d.origin_place) or _side(ctx, d.host_org, None) == _side(ctx, d.origin_org, d.origin_place):
            return None
        _date_and_status(ctx, d, sent)
        d.confidence = confidence(ctx.rules, "delegation_who_and_where")
        return d
    return None


def _receiving_body(ctx: DocContext, sent: Sentence, people: list[Mention], verb_at: int) -> str | None:
    """The body that receives: an organisation right before the verb ("UNIMA (UNIMA) recently hosted"), or the body
    the person who is the subject acts for."""
    bodies = ctx.orgs_in(sent.start, verb_at)
    before = [p for p in people if p.start < verb_at]
    if bodies and (not before or before[-1].start < bodies[-1].start) \
            and _BODY_GAP.fullmatch(ctx.text, bodies[-1].end, verb_at):
        return bodies[-1].entity_id
    if before and (_SUBJECT_GAP.fullmatch(ctx.text, before[-1].end, verb_at)
                   or re.fullmatch(r",[^;:]{0,160},\s*", ctx.text[before[-1].end:verb_at])):
        return _acting_body(ctx, before[-1], verb_at)
    return None


# A place or body glued to a name by a hyphen ("the China-ASEAN Centre", "a Sino-German institute") is a part of it.
_COMPOUND_AFTER = re.compile(r"[-–][A-Z]")
_COMPOUND_BEFORE = re.compile(r"[A-Z][\w]*[-–]$")
# A capitalised name of several words the recogniser did not know: "China-SCO Transfer Centre", "Acme Robotics".
_UNKNOWN_NAME = re.compile(r"[A-Z][\w'’&.-]*(?:\s+(?:of|for|and|the|de|&)?\s*[A-Z][\w'’&.-]*)+")
# Or an acronym the recogniser did not know: "the delegates from UTAR".
_UNKNOWN_BODY = re.compile(_UNKNOWN_NAME.pattern + r"|[A-Z][A-Z&-]{1,9}\b(?![’']s)")


def _in_compound_name(ctx: DocContext, m: Mention) -> bool:
    """Whether a place or organisation mention is only a part of a longer hyphenated name."""
    return bool(_COMPOUND_AFTER.match(ctx.text, m.end) or _COMPOUND_BEFORE.search(ctx.text, max(0, m.start - 20), m.start))


def _acting_body(ctx: DocContext, person: Mention, end: int) -> str | None:
    """The organisation a person receives visitors for: their affiliation, unless that is a party organ
    ("Secretary of the Party Working Committee, Director of the Administrative Committee of X"): then the next
    other body named between the name and `end` (X's committee; the university of "the Party Committee of
    a University"), else none."""
    org = ctx.affiliation(person.entity_id)[0] or ctx.person_body(person.entity_id) or _body_before(ctx, person)
    if org is None or not _party_organ(ctx, org):
        return org
    other = next((m.entity_id for m in ctx.orgs_in(person.end, end)
                  if m.entity_id != org and not _party_organ(ctx, m.entity_id)), None)
    parent = ctx.ents.orgs[org].parent_organization_id
    return other or (parent if parent and not _party_organ(ctx, parent) else None) or _organ_body(ctx, org)


# Between a body and the titled name of its officer: "SUIBE Executive Board Chairman X", "OUC's President X"
_OWNER_GAP = re.compile(r"(?:['’]s)?\s+")


def _body_before(ctx: DocContext, person: Mention) -> str | None:
    """The body whose name the titled name of a person follows ("SUIBE Executive Board Chairman X"): the body the
    person acts for."""
    return next((o.entity_id for o in ctx.orgs_in(max(0, person.start - 80), person.start)
                 if _OWNER_GAP.fullmatch(ctx.text, o.end, person.start)), None)


@derived
def _organ_of(rules: Rulebook) -> re.Pattern:
    """The name of what a party organ belongs to, in the organ's own name: "Party Committee of X", "CPC X
    Committee", "X Provincial Party Committee" (`party_organs`)."""
    organs = phrase_alternation(rules.rules["party_organs"])
    return re.compile(rf"^(?:(?:CPC|Communist\s+Party(?:\s+of\s+China)?)\s+(?:Leading\s+)?(?:Group|Committee)|"
                      rf"(?:CPC\s+)?(?:{organs}))\s+of\s+(?:the\s+)?(?P<of>.+)$|"
                      rf"^(?:CPC\s+|Communist\s+Party\s+)?(?P<body>.+?)\s+(?:Standing\s+)?(?:{organs}|Committee)$")


# A level word after a jurisdiction's name in an organ's name ("Shaanxi Provincial Party Committee")
_LEVEL_AFTER = re.compile(r"\s+(?:Provincial|Municipal|City|Regional|Autonomous\s+Regional|District|County)$")
# Or the jurisdiction's kind ("Party Committee of Hubei Province")
_LEVELLED = re.compile(_LEVEL_AFTER.pattern + r"|\s+(?:Province|Municipality|City|Autonomous\s+Region|Prefecture|"
                       r"District|County)$")
_PARTY_WORD = re.compile(r"\b(?:Party|CPC)\b")


def _organ_body(ctx: DocContext, organ_id: str) -> str | None:
    """The body a party organ acts for in a visit, by its own name: a body the document names ("CPC Tsinghua
    Committee": Tsinghua University), else the government of the jurisdiction it names ("Secretary of the Shaanxi
    Provincial Party Committee" hosts for Shaanxi), else a body's full name ("CPC Xiamen University Committee");
    none when the name names none of these ("the Party Working Committee")."""
    m = _organ_of(ctx.rules).match(ctx.ents.orgs[organ_id].canonical_name)
    if m is None:
        return None
    name = (m.group("of") or m.group("body")).strip()
    if _PARTY_WORD.search(name):  # "Party Working Committee": the organ's own words, no body
        return None
    low = name.lower()
    body = next((o.organization_id for o in ctx.ents.orgs.values() if o.organization_id != organ_id
                 and not _party_organ(ctx, o.organization_id)
                 and (o.canonical_name.lower() == low or o.canonical_name.lower().startswith(low + " ")
                      or low in (a.lower() for a in o.aliases))), None)
    if body is not None:
        return body
    namer = org_namer(ctx.rules)
    at = next((x for x in ctx.ents.mentions if x.entity_id == organ_id), None)
    # a jurisdiction only when the name says its level ("Shaanxi Provincial", "of Hubei Province"): a bare "CPC
    # Nankai Committee" is Nankai University's when the document names no such body, not Nankai District's
    place = (namer.jurisdiction(name) or namer.place(_LEVEL_AFTER.sub("", name))) if _LEVELLED.search(name) else None
    org = namer.government_of(place) if place is not None and place.place_type in JURISDICTION_TYPES \
        else namer.from_name(name)  # "CPC Xiamen University Committee": a body's full name
    if org is not None and org.org_type == "other":
        return None
    return ctx.ents.add_org(org, at.start, at.end).organization_id if org is not None and at is not None else None


def _party_organ(ctx: DocContext, org_id: str) -> bool:
    org = ctx.ents.orgs.get(org_id)
    return org is not None and bool(rule_regex(ctx.rules, "party_organs").search(org.canonical_name))


def _used_as_verb(text: str, verb) -> bool:
    """'will visit', 'is visiting', 'to visit': the word is a verb here, not the noun 'a visit'; or the noun that a
    verb of going makes a verb of ("paid an official visit to", "made a two-day visit to")."""
    return bool(re.search(r"\b(?:will|would|to|is|are|was|were|also|then)\s+$", text[:verb.start()])
                or _PAID_A_VISIT.search(text, max(0, verb.start() - 60), verb.start()))


# "paid an official visit to", "made a working visit to", "is on a three-day visit to": the noun as a verb of going
_PAID_A_VISIT = re.compile(r"\b(?:paid|pays|paying|pay|made|makes|making|make|had|has|have|having|is\s+on|are\s+on|"
                           r"was\s+on|were\s+on)\s+(?:a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?$")


def _visiting(rules: Rulebook, verb) -> bool:
    """A verb that reports someone travelling ('visited', 'toured'), not 'invited to' or a noun use."""
    return re.sub(r"\s+", " ", verb.group(0).lower()) in rules.rules["travel_verbs"]


def _set_origin(ctx: DocContext, d: Delegation, m: Mention) -> None:
    if m.entity_type == "organization":
        d.origin_org, d.origin_by_place = m.entity_id, False
    else:
        d.origin_place = m.entity_id
        gov = ctx.government_for_place(m) if ctx.place_ref(m.entity_id).place_type != "country" else None
        d.origin_by_place = d.origin_org is None
        d.origin_org = d.origin_org or gov


@derived
def _people_noun_patterns(rules: Rulebook) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The patterns built on the rules' people nouns: origin modifier, size range, plain size."""
    nouns = "|".join(re.escape(n) for n in rules.rules["people_nouns"])
    # (a people noun with a possessive is no head of the phrase: "the Embassy of the people's Republic of China")
    return (re.compile(rf"\b([A-Z][\w'’-]*)\s+(?:[a-z-]+\s+){{0,2}}(?:{nouns})\b(?!['’]s\b)"),
            re.compile(_SIZE_RANGE_SHAPE % nouns), re.compile(_SIZE_PLAIN_SHAPE % nouns))


def _origin_from_modifier(ctx: DocContext, d: Delegation, sent: Sentence) -> None:
    """'300 senior PLA officials', 'Japanese rice experts': the word before the people noun names the origin; not
    the people the visitors meet ("held talks with the X leaders", "were received by Y officials")."""
    for m in _people_noun_patterns(ctx.rules)[0].finditer(sent.text):
        start = sent.start + m.start(1)
        orgs = [x for x in ctx.ents.mentions if x.entity_type == "organization" and x.start <= start < x.end]
        if _MET_PEOPLE.search(ctx.text, sent.start, orgs[0].start if orgs else start):
            continue
        if orgs:  # "Fudan University experts", "Macao SAR government officials"
            d.origin_org = orgs[0].entity_id
            return
        country = _demonym_country(ctx.rules, m.group(1))
        if country is not None:
            d.origin_place = ctx.add_place_mention(country, start, start + len(m.group(1))).entity_id
            return


def _origin_from_demonym(ctx: DocContext, d: Delegation, sent: Sentence, noun) -> None:
    """'a visiting Iranian delegation', 'the Kenyan science delegation': a people's name among the words before the
    delegation noun is the country it comes from."""
    m = _DEMONYM_BEFORE.search(sent.text, max(0, noun.start() - 60), noun.start())
    if m:
        _demonym_origin(ctx, d, m.group(1), sent.start + m.start(1))


def _demonym_origin(ctx: DocContext, d: Delegation, word: str, start: int) -> None:
    """The country a people's name at `start` names, as the visit's place-only origin (a body of that country told
    elsewhere is the same visitor); nothing when the word names no people."""
    country = _demonym_country(ctx.rules, word)
    if country is not None:
        d.origin_place = ctx.add_place_mention(country, start, start + len(word)).entity_id
        d.origin_by_place = True


def _demonym_country(rules: Rulebook, word: str) -> PlaceRef | None:
    """The country a people's name names ("Japanese": Japan), or None."""
    code = rules.demonyms.get(word.lower())
    return _countries(rules).get(code) if code else None


# A capitalised word and up to two modifiers before a delegation noun: "Iranian [science] delegation"
_DEMONYM_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+(?:[a-z-]+\s+){0,2}$")
# Before the people the visitors meet: "met with the", "talks with", "received by".
_MET_PEOPLE = re.compile(r"\b(?:with|by|met|meet|meets|received|receives|welcomed|welcomes|hosted|hosts)\s+"
                         r"(?:the\s+|a\s+|an\s+)?(?:[a-z-]+\s+)?$", re.I)


@derived
def _countries(rules: Rulebook) -> dict[str, PlaceRef]:
    """Country code -> the country's place (the first listed), for the country a demonym names."""
    out: dict[str, PlaceRef] = {}
    for p in rules.places:
        if p.place_type == "country" and p.country_code:
            out.setdefault(p.country_code, p)
    return out


_NP_END = re.compile(r",|;|\s(?:to|for|on|in|at|led|visited|arrived|comprising|including|during|visit|visits|will|"
                     r"would|have|has|had|are|were|is|was|met|meet|toured|tour)\s")


def _after(ctx: DocContext, sent: Sentence, pattern: str | re.Pattern, stop_types, window: int = 80, before: int | None = None,
           until: re.Pattern | None = None):
    """The first organisation or place within `window` characters after a match of `pattern`
    (and before `until`, the end of the phrase the pattern opens)."""
    for m in re.finditer(pattern, sent.text):
        pos = sent.start + m.end()
        if before is not None and pos > before + window:
            continue
        stop = until.search(sent.text, m.end()) if until else None
        limit = min(pos + window, sent.start + stop.start()) if stop else pos + window
        cands = [x for x in ctx.ents.mentions if x.entity_type in stop_types and pos <= x.start <= limit
                 and not _in_compound_name(ctx, x)]
        if cands:
            return min(cands, key=lambda x: x.start)
    return None


# Tried in turn: the object of a visit (a headline's "to Visit UK" too); a place in "the city of X"; the body the
# visitors meet ("the delegation held talks with X leaders", "was received by X"); then looser cues.
_HOST_PATTERNS = [literal_gated(re.compile(p)) for p in (
    r"(?i)\b(?:to visit|visited|visiting|visits to|visit to|visits(?!\s+to\b)|paying a visit to|paid a visit to|toured|"
    r"invited to|arrived in|arrived at|arrives in|arrives at|call on|called on)\s+(?:the\s+)?",
    r"(?i)\b(?:visited|visits|toured|visiting|to visit|visit to|visits to)\s+(?:the\s+)?"
    r"(?:(?:[a-z-]+\s+){1,3}(?:at|of)|(?:city|town|province|state|region|county|district)\s+of)\s+(?:the\s+)?",
    r"(?i)\b(?:(?:had|held|have|has|hold|holds)\s+(?:a|the)\s+(?:[\w-]+\s+)?(?:meeting|meetings|talks|discussions?)"
    r"\s+with|held\s+talks\s+with|met\s+with|met|(?:was|were)\s+received\s+by)\s+(?:the\s+)?"
    r"(?:(?:leaders?|heads?|officials|leadership|representatives)\s+of\s+(?:the\s+)?)?",
    r"\bvisit\s+(?:the\s+)?", r"\bon\s+(?=[A-Z][\w]*\s+campus)", r"\b(?:to|in)\s+(?:the\s+)?",
    # "a visit to universities, international groups, and research institutes in the Netherlands, France, ...":
    # unnamed bodies, then where they are (after "to X" near the cue: "led a delegation to Fujian, visiting
    # universities in Xiamen" went to Fujian)
    r"\b(?:visited|visits|toured|visiting|to visit|visit to|visits to)\s+(?:[a-z-]+(?:,\s*|\s+)(?:and\s+)?){1,10}?"
    r"in\s+(?:the\s+)?(?=[A-Z])")]
# The loose pattern names the host only close to the cue.
_LOOSE = 5
_LOOSE_REACH = 100
# Between two hosts of a list: "A, B and C", "A (AA), B (BB), and C"; after a host the recogniser named only in
# part, the rest of its name ("Universidad Central “Marta Abreu” de Las Villas (UCLV), ...").
_LIST_GAP = re.compile(r"(?:\s+(?:[“\"‘]?[A-Z][\w'’.&-]*[”\"’]?|de|del|la|las|los|di|da|do|dos|du|des|of|für|y)){0,6}?"
                       r"\s*(?:\([^()]{1,20}\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
# A list item the recogniser did not know, named by the acronym after it: "..., and Davis campus (UC Davis)", or
# not at all: "A, Instituto Superior del Norte, B and C" (the list goes on after it).
_ITEM_ACRONYM = re.compile(r"[A-Z][^,;:()]{0,60}?\s*\(")
_UNKNOWN_ITEM = re.compile(r"[A-Z][\w'’.&-]*" + _LIST_GAP.pattern)


def _host(ctx: DocContext, sent: Sentence, cue, verb) -> list[Mention]:
    """The host, and the further hosts of a list ("visited Serbia, South Korea and the Philippines")."""
    first = _first_host(ctx, sent, cue, verb)
    if first is None:
        return []
    hosts = [first]
    kinds = ("organization",) if first.entity_type == "organization" else ("place",)
    joined = False
    while len(hosts) < 8:
        gap = _LIST_GAP.match(ctx.text, hosts[-1].end, sent.end)
        starts = _item_starts(ctx.text, gap.end(), sent.end) if gap else ()
        nxt = next((x for x in ctx.ents.mentions if x.start in starts and x.entity_type in kinds
                    and x.entity_id not in {h.entity_id for h in hosts}), None)
        if nxt is None:
            break
        joined = joined or " and " in f" {gap.group(0)} "
        hosts.append(nxt)
    # A list ends with "and"; "Institute of X (IX), Academy of Y" is one host and the body it belongs to.
    return hosts if joined else hosts[:1]


def _item_starts(text: str, pos: int, end: int) -> tuple[int, ...]:
    """Where the next host of a list may be named: right at `pos`, at the acronym of an item not known, or after it."""
    item, unknown = _ITEM_ACRONYM.match(text, pos, end), _UNKNOWN_ITEM.match(text, pos, end)
    return (pos, *(m.end() for m in (item, unknown) if m))


def _first_host(ctx: DocContext, sent: Sentence, cue, verb) -> Mention | None:
    """The host a pattern of `_HOST_PATTERNS` finds first, the patterns tried in turn from the visiting cue on (the
    loose last one only near the cue): the organisation or place named right after it (`_named_host`), or for
    'the city', 'the province', the last such place named before."""
    cue_start, cue_end = (sent.start + cue.start(), sent.start + cue.end()) if cue else (sent.start, sent.start)
    names: dict[int, list[tuple[int, Mention]]] | None = None  # built on first need, not a scan of mentions per match
    for k, rx in enumerate(_HOST_PATTERNS):
        loose = k == _LOOSE
        for m in rx.finditer(sent.text):
            pos = sent.start + m.end()
            if pos < cue_start - 10:
                continue
            if loose and pos > cue_end + _LOOSE_REACH:
                break
            if loose and _ENVOY_TO.search(sent.text, max(0, m.start() - 80), m.start()):
                continue  # "the Ambassador of Rwanda to China": where the envoy serves, not where the visit goes
            names = _names_by_start(ctx) if names is None else names
            host = _named_host(ctx, sent, m, names)
            if host is not None:
                return host
            coref = _PLACE_COREF.match(sent.text, m.end())
            place = ctx.recent(pos, _COREF_TYPES[coref.group(1)]) if coref else None
            if place is not None:  # "visited the city": the last city named (none: "the city of X", further on)
                return place
    return None


# An envoy's title up to its "to": "Ambassador to", "the Ambassador of the Republic of Rwanda to"
_ENVOY_TO = re.compile(r"\b(?:Ambassador|Envoy|Consul[- ]General|Consul|High Commissioner|Permanent Representative)"
                       r"(?:\s+(?:of|from)\s+[^,;.()]{1,50}?)?\s+$", re.I)
# "visited the city": the last place of these types named before
_PLACE_COREF = re.compile(r"(city|province|region|country)\b")
_COREF_TYPES = {"city": ("city",), "province": ("province",), "region": ("province", "special_administrative_region"),
                "country": ("country",)}


def _names_by_start(ctx: DocContext) -> dict[int, list[tuple[int, Mention]]]:
    """The document's organisations and places by where they start, each with its index among the mentions."""
    out: dict[int, list[tuple[int, Mention]]] = {}
    for i, x in enumerate(ctx.ents.mentions):
        if x.entity_type in ("organization", "place"):
            out.setdefault(x.start, []).append((i, x))
    return out


def _named_host(ctx: DocContext, sent: Sentence, m: re.Match,
                names: dict[int, list[tuple[int, Mention]]]) -> Mention | None:
    """The organisation or place named where a host pattern's match ends (or at its closing 'the'), unless it only
    names a venue ("the Faculty of Science building") or is part of a hyphenated name; at 'the laboratory', the
    body of the lab told of last."""
    text = sent.text
    pos = sent.start + m.end()
    near = names.get(pos, []) + (names.get(pos - 4, []) if text[m.end() - 4:m.end()].lower() == "the " else [])
    ahead = [x for _, x in sorted(near, key=lambda t: t[0])
             if not _VENUE.match(ctx.text, x.end) and not _in_compound_name(ctx, x)]
    if ahead:
        return ahead[0]
    if _lab_reference(ctx.rules).match(text, m.end()):  # "visit the laboratory": the body of the lab told of last
        return _lab_owner(ctx, sent.start + m.start())
    return None


@derived
def _lab_reference(rules: Rulebook) -> re.Pattern:
    """What stands after 'the' in a definite reference to a lab ("laboratory", "joint lab", "centre")."""
    words = sorted({p[4:] for p in rules.rules["lab_anaphora"] if p.startswith("the ")}, key=len, reverse=True)
    return re.compile(r"(?:%s)\b(?!\s+(?:of|for)\b)" % "|".join(map(re.escape, words)), re.I)


_LAB_WORD = re.compile(r"\b(?:laborator(?:y|ies)|labs?|cent(?:re|er)s?|institutes?|platforms?|bases?)\b", re.I)
# Between a lab word and the body it belongs to: "laboratory, part of X", "lab of X", "centre run by X"
_LAB_OF = re.compile(r"[\s,]*(?:(?:which\s+is\s+|is\s+)?(?:a\s+)?part\s+of|of|at|under|belonging\s+to|affiliated\s+(?:to|with)|"
                     r"run\s+by|hosted\s+by|set\s+up\s+by|established\s+by|founded\s+by|built\s+by)\s+(?:the\s+)?", re.I)
_LAB_BACK = 3  # sentences back in which a lab reference looks for the lab


def _lab_owner(ctx: DocContext, pos: int) -> Mention | None:
    """'A Hebei-based laboratory, part of X, ... Experts visit the laboratory': the organisation named beside
    the last lab word before `pos` (within a few sentences), which a visit to 'the laboratory' goes to."""
    before = [s for s in ctx.sentences if s.start < pos][-_LAB_BACK:]
    for s in reversed(before):
        words = [w for w in _LAB_WORD.finditer(ctx.text, s.start, min(s.end, pos))]
        if not words:
            continue
        word = words[-1]
        orgs = ctx.orgs_in(s.start, s.end)
        owner = next((o for o in orgs if o.start >= word.end() and _LAB_OF.fullmatch(ctx.text, word.end(), o.start)),
                     None)
        before_word = [o for o in orgs if o.end <= word.start()]
        return owner or (before_word[-1] if before_word else None)
    return None


def _size(rules: Rulebook, text: str) -> tuple[int | None, int | None]:
    """Stated size: '15-member', 'a delegation of 20', '30-40 experts', 'some 300 officials', 'eight scientists'."""
    text = _WORDS_AS_DIGITS.sub(lambda m: str(_WORD_NUMBERS[m.group(0).lower()]), text)
    if not _DIGIT.search(text):
        return None, None  # every pattern below needs a digit
    _, size_range, size_plain = _people_noun_patterns(rules)
    m = _SIZE_MEMBER.search(text)
    if m:
        return int(m.group(1)), None
    m = _SIZE_OF.search(text)
    if m:
        return int(m.group(1)), None
    cue = _size_object_cue(rules).search(text)
    text = text[:cue.start()] if cue else text  # people met, taught or counted within them are not the visitors
    m = size_range.search(text)
    if m:
        return int(m.group(1)), int(m.group(2))
    m = size_plain.search(text)
    if m and not re.match(r"(19|20)\d\d$", m.group(1)):
        return int(m.group(1)), None
    return None, None


@derived
def _size_object_cue(rules: Rulebook) -> re.Pattern:
    """A verb whose object the counted people are ("met with more than 100 students"): not the visitors."""
    cues = "|".join(re.escape(c) for c in sorted(rules.rules["size_object_cues"], key=len, reverse=True))
    return literal_gated(re.compile(rf"\b(?:{cues})\s+(?:(?:more than|over|some|about|around|nearly|almost|up to|"
                                    rf"a total of|all|the)\s+)*\d", re.I))


def _refers_back(text: str, noun, d: Delegation) -> bool:
    """A definite 'the delegation' / 'the visit' / "the Governor's visit" with no size or leader of its own
    continues the last report; so does one that names only who heads "the delegation" ("Leader of the delegation,
    X, said ...")."""
    if noun is None or d.member_count:
        return False
    if d.leader:
        return bool(_HEAD_OF_THE.search(text, 0, noun.start())) and not (d.origin_org or d.origin_place or d.host_org
                                                                         or d.host_place)
    return bool(re.search(r"\b(?:the|this|that|their|its|his|her)\s+(?:[\w'’-]+\s+){0,2}$", text[:noun.start()], re.I))


_HEAD_OF_THE = re.compile(r"\b(?i:head|leader|chief)\s+of\s+the\s+(?:[\w-]+\s+){0,2}$")


def _same_visit(ctx: DocContext, a: Delegation, b: Delegation) -> bool:
    host_a, host_b = _side(ctx, a.host_org, a.host_place), _side(ctx, b.host_org, b.host_place)
    if host_a and host_b and host_a != host_b and bool(a.host_org) == bool(b.host_org) and not (
            _within(ctx, a.host_place, b.host_place) or _within(ctx, b.host_place, a.host_place)):
        return False  # one trip, two stops: "visited Serbia, South Korea and the Philippines"
    if a.leader and b.leader:
        return a.leader == b.leader
    if a.status != b.status:
        return False
    same_origin = (a.origin_org and a.origin_org == b.origin_org) or (a.origin_place and a.origin_place == b.origin_place)
    same_host = (a.host_org and a.host_org == b.host_org) or (a.host_place and a.host_place == b.host_place)
    no_host = not (b.host_org or b.host_place) or not (a.host_org or a.host_place)
    no_origin = not (b.origin_org or b.origin_place) or not (a.origin_org or a.origin_place)
    return bool((same_origin and (same_host or no_host)) or (same_host and no_origin and not (a.member_count and b.member_count)))


def _merge(into: Delegation, other: Delegation) -> None:
    """Fill what the first report lacks; an origin or a host is one slot, given by an organisation or a place."""
    for f in ("leader", "leader_title", "member_count", "member_count_max", "date", "purpose"):
        if getattr(into, f) is None and getattr(other, f) is not None:
            setattr(into, f, getattr(other, f))
    if into.date and other.date and into.date.precision == other.date.precision == "day" \
            and other.date.date < into.date.date and into.status == other.status == "completed":
        into.date = other.date  # a visit of several days is dated by its first ("today ...", then "yesterday ...")
    if into.date and other.date and into.date.precision == "month" and other.date.precision == "day" \
            and other.date.date.replace(day=1) == into.date.date.replace(day=1):
        into.date = other.date  # "the October visit", then "on 17 October": the day the month told
    if other.origin_org and not other.origin_by_place and into.origin_by_place:
        into.origin_org, into.origin_by_place = other.origin_org, False  # "the Hong Kong delegation", from a HK body
    for org_f, place_f in (("origin_org", "origin_place"), ("host_org", "host_place")):
        if getattr(into, org_f) is None and getattr(into, place_f) is None:
            setattr(into, org_f, getattr(other, org_f))
            setattr(into, place_f, getattr(other, place_f))
    into.confidence = max(into.confidence, other.confidence)
    into.extra_sentences.append(other.sentence)
