"""Delegations and visits: who led them, where from, whom they visited, how many, when.

A sentence reports a visit when it has a delegation noun ("a 15-member delegation", "study tours")
or a visiting verb ("paid a visit to", "were invited to"). The leader is the person who "led" it
or whom it was "led by"; the origin is "of/from X", the leader's organisation or "X officials";
the host is the object of the visit ("to visit PolyU", "to the city"). Reports of one visit in a
document (caption and body) are merged by leader or by origin and host.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from pipeline.core.entities.model import Mention
from pipeline.core.entities.orgs import default_namer
from pipeline.core.facts.context import DocContext, confidence, rule_regex, rules
from pipeline.core.facts.dates import FoundDate
from pipeline.core.reference import JURISDICTION_TYPES, load_reference
from pipeline.core.text import Sentence

_SIZE_MEMBER = re.compile(r"\b(\d{1,4})-(?:member|person|people|strong)\b", re.I)
# %s: the people nouns of the rules file (see _people_noun_patterns)
_SIZE_RANGE_SHAPE = r"\b(\d{1,4})\s*(?:-|–|to)\s*(\d{1,4})\s+(?:\w+\s+){0,3}?(%s)\b"
_SIZE_PLAIN_SHAPE = r"\b(?:some|about|around|nearly|more than|over|a total of|a group of|all|)\s*(\d{1,4})\s+(?:\w+\s+){0,3}?(%s)\b"
_SIZE_OF = re.compile(r"\bdelegation (?:of|comprising|consisting of) (?:about |around |some |nearly |almost |more than |"
                      r"over )?(\d{1,4})\b", re.I)
_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50}


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


def extract_delegations(ctx: DocContext) -> list[Delegation]:
    nouns = rule_regex("delegation_nouns")
    verbs = rule_regex("visit_verbs")
    found: list[Delegation] = []
    for sent in ctx.sentences:
        noun, verb = nouns.search(sent.text), verbs.search(sent.text)
        if not noun and not verb:
            continue
        d = _from_sentence(ctx, sent, noun, verb)
        if d is None:
            continue
        target = next((f for f in found if _same_visit(f, d)), None)
        if target is None and found and _refers_back(sent.text, noun, d):
            target = found[-1]  # "During the visit, the delegation toured ...": the visit named before
        if target:
            _merge(target, d)
        else:
            found.append(d)
    found = _merge_compatible(ctx, found)
    for d in found:
        if d.date is None and d.status == "completed" and (d.leader or d.member_count):
            d.date = ctx.event_date
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


def _conflict(ctx: DocContext, a: Delegation, b: Delegation) -> bool:
    def differ(x, y):
        return x is not None and y is not None and x != y
    if differ(a.leader, b.leader) or differ(a.member_count, b.member_count) or a.status != b.status:
        return True
    if a.date and b.date and a.date.precision == b.date.precision == "day" and a.date.date != b.date.date:
        return True
    hosts_nest = _within(ctx, a.host_place, b.host_place) or _within(ctx, b.host_place, a.host_place)
    return differ(_side(ctx, a.origin_org, a.origin_place), _side(ctx, b.origin_org, b.origin_place)) or \
        (differ(_side(ctx, a.host_org, a.host_place), _side(ctx, b.host_org, b.host_place)) and not hosts_nest)


def _within(ctx: DocContext, a: str | None, b: str | None) -> bool:
    """Whether place a lies in place b (Fuzhou in Fujian)."""
    ref = ctx.ents.places.get(a) if a else None
    return ref is not None and b is not None and ref.parent_place_id == b


def _side(ctx: DocContext, org: str | None, place: str | None) -> str | None:
    """One key for an origin or host given as an organisation or a place (a place stands for its government)."""
    if org:
        return ctx.footprint(org)
    if place:
        ref = ctx.ents.place_refs.get(place)
        if ref is not None and ref.place_type in JURISDICTION_TYPES and ref.place_type != "country":
            gov = default_namer().government_of(ref)
            return gov.organization_id
        return place
    return None


def _from_sentence(ctx: DocContext, sent: Sentence, noun, verb) -> Delegation | None:
    text = sent.text
    d = Delegation(sent)
    cue = noun or verb
    # leader
    led = rule_regex("leader_cues").search(text)
    lead_verb = rule_regex("lead_verbs").search(text)
    people = ctx.people_in(sent.start, sent.end)
    if led:
        after = [p for p in people if p.start >= sent.start + led.end()]
        if after:
            d.leader = after[0].entity_id
    elif lead_verb and noun and lead_verb.start() < noun.start():
        before = [p for p in people if p.start < sent.start + lead_verb.start()]
        if before:
            d.leader = before[-1].entity_id
        else:  # "HKSTP plans to lead a delegation ...": an organisation leads it
            actors = ctx.actors_in(sent.start, sent.start + lead_verb.start())
            d.origin_org = actors[-1] if actors else None
    elif verb and (_visiting(verb) or _used_as_verb(text, verb)):
        before = [p for p in people if p.start < sent.start + verb.start()]
        if before and _SUBJECT_GAP.fullmatch(text, before[-1].end - sent.start, verb.start()):
            d.leader = before[-1].entity_id  # "Premier Li visited Hong Kong", "Mr Ho will visit Huzhou"
    if d.leader:
        org, title = ctx.affiliation(d.leader)
        d.leader_title = title or ctx.ents.person_titles.get(d.leader)
        d.origin_org = org
    # origin: "delegation of X", "from X", "X officials"
    origin = _after(ctx, sent, r"\b(?:delegation|delegations)\s+(?:of|from)\s+(?:\w+\s+){0,6}?",
                    stop_types=("organization", "place"), window=60, until=_NP_END)
    if origin is None and d.origin_org is None:
        origin = _after(ctx, sent, r"\b(?:experts|officials|ambassadors|representatives|scholars)\s+(?:of|from)\s+",
                        stop_types=("organization", "place"))
    if origin is None:
        origin = _after(ctx, sent, r"\b(?:from)\s+", stop_types=("organization", "place"), window=40,
                        before=sent.start + (verb.start() if verb else cue.start()))
    if origin is not None:
        _set_origin(ctx, d, origin)
    if d.origin_org is None and d.origin_place is None:
        _origin_from_modifier(ctx, d, sent)
    # host
    host = _host(ctx, sent, cue, verb)
    if host is not None:
        if host.entity_type == "organization":
            d.host_org = host.entity_id
        else:
            d.host_place = host.entity_id
    if d.host_org is None and d.host_place is None:
        welcomer = re.search(r"\b(?:welcomes?|welcomed|received|receives|met with|meets)\s+the\s+delegation", text)
        if welcomer:
            before = [p for p in people if p.start < sent.start + welcomer.start()]
            if before:
                d.host_org = ctx.affiliation(before[-1].entity_id)[0]
    if d.host_org and d.host_org == d.origin_org:
        d.host_org = None
    # size
    d.member_count, d.member_count_max = _size(text)
    dates = ctx.dates_in(sent)
    d.date = dates[0] if dates else None
    if rule_regex("recurring_cues").search(text):
        d.status = "recurring"
    elif rule_regex("delegation_planned_cues").search(text) or (
            d.date and ctx.published and d.date.date > ctx.published):
        d.status = "planned"
    has_who = d.leader or d.origin_org or d.origin_place or d.member_count
    has_where = d.host_org or d.host_place
    if not (has_where or (noun and has_who)):
        return None
    if not noun and not (has_where and has_who):
        return None  # "the two sides agreed to ... in Nanning": a place, but nobody travelling
    d.confidence = confidence("delegation_leader_and_host" if (d.leader and has_where) else
                              "delegation_who_and_where" if has_where and has_who else "delegation_fallback")
    return d


# Between a subject and its verb: an apposition in commas, an auxiliary, an adverb.
_SUBJECT_GAP = re.compile(r"(?:\s*,[^,;:]{0,120},)?\s*(?:(?:will|would|is|are|was|were|has|have|had|also|then|"
                          r"later|to|be|expected|scheduled|due)\s+)*")


def _used_as_verb(text: str, verb) -> bool:
    """'will visit', 'is visiting', 'to visit': the word is a verb here, not the noun 'a visit'."""
    return bool(re.search(r"\b(?:will|would|to|is|are|was|were|also|then)\s+$", text[:verb.start()]))


def _visiting(verb) -> bool:
    """A verb that reports someone travelling ('visited', 'toured'), not 'invited to' or a noun use."""
    return re.sub(r"\s+", " ", verb.group(0).lower()) in rules()["travel_verbs"]


def _set_origin(ctx: DocContext, d: Delegation, m: Mention) -> None:
    if m.entity_type == "organization":
        d.origin_org = m.entity_id
    else:
        d.origin_place = m.entity_id
        gov = ctx.government_for_place(m) if ctx.place_ref(m.entity_id).place_type != "country" else None
        d.origin_org = d.origin_org or gov


@functools.lru_cache(maxsize=1)
def _people_noun_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The patterns built on the rules' people nouns: origin modifier, size range, plain size (compiled once)."""
    nouns = "|".join(re.escape(n) for n in rules()["people_nouns"])
    return (re.compile(rf"\b([A-Z][\w'’-]*)\s+(?:[a-z-]+\s+){{0,2}}(?:{nouns})\b"),
            re.compile(_SIZE_RANGE_SHAPE % nouns), re.compile(_SIZE_PLAIN_SHAPE % nouns))


def _origin_from_modifier(ctx: DocContext, d: Delegation, sent: Sentence) -> None:
    """'300 senior PLA officials', 'Japanese rice experts': the word before the people noun names the origin."""
    for m in _people_noun_patterns()[0].finditer(sent.text):
        start = sent.start + m.start(1)
        orgs = ctx.orgs_in(start, start + len(m.group(1)))
        if orgs:
            d.origin_org = orgs[0].entity_id
            return
        code = load_reference().demonyms.get(m.group(1).lower())
        country = next((p for p in load_reference().places if p.place_type == "country" and p.country_code == code),
                       None) if code else None
        if country is not None:
            d.origin_place = ctx.add_place_mention(country, start, start + len(m.group(1))).entity_id
            return


_NP_END = re.compile(r",|;|\s(?:to|for|on|in|at|led|visited|arrived|comprising|including|during)\s")


def _after(ctx: DocContext, sent: Sentence, pattern: str, stop_types, window: int = 80, before: int | None = None,
           until: re.Pattern | None = None):
    """The first organisation or place within `window` characters after a match of `pattern`
    (and before `until`, the end of the phrase the pattern opens)."""
    for m in re.finditer(pattern, sent.text):
        pos = sent.start + m.end()
        if before is not None and pos > before + window:
            continue
        stop = until.search(sent.text, m.end()) if until else None
        limit = min(pos + window, sent.start + stop.start()) if stop else pos + window
        cands = [x for x in ctx.ents.mentions if x.entity_type in stop_types and pos <= x.start <= limit]
        if cands:
            return min(cands, key=lambda x: x.start)
    return None


def _host(ctx: DocContext, sent: Sentence, cue, verb) -> Mention | None:
    text = sent.text
    patterns = [r"\b(?:to visit|visited|visiting|visits to|visit to|paying a visit to|paid a visit to|toured|"
                r"invited to|arrived in|call on|called on)\s+(?:the\s+)?",
                r"\bvisit\s+(?:the\s+)?", r"\bon\s+(?=[A-Z][\w]*\s+campus)", r"\b(?:to|in)\s+(?:the\s+)?"]
    start_at = sent.start + (cue.start() if cue else 0)
    for pat in patterns:
        for m in re.finditer(pat, text):
            pos = sent.start + m.end()
            if pos < start_at - 10:
                continue
            ahead = [x for x in ctx.ents.mentions if x.entity_type in ("organization", "place")
                     and (x.start == pos or (x.start == pos - 4 and text[m.end() - 4:m.end()].lower() == "the "))]
            if ahead:
                return ahead[0]
            coref = re.match(r"(city|province|region|country)\b", text[m.end():])
            if coref:
                types = {"city": ("city",), "province": ("province",), "region": ("province", "special_administrative_region"),
                         "country": ("country",)}[coref.group(1)]
                return ctx.recent(pos, types)
    return None


def _size(text: str) -> tuple[int | None, int | None]:
    """Stated size: '15-member', 'a delegation of 20', '30-40 experts', 'some 300 officials', 'eight scientists'."""
    text = _WORDS_AS_DIGITS.sub(lambda m: str(_WORD_NUMBERS[m.group(0).lower()]), text)
    _, size_range, size_plain = _people_noun_patterns()
    m = _SIZE_MEMBER.search(text)
    if m:
        return int(m.group(1)), None
    m = _SIZE_OF.search(text)
    if m:
        return int(m.group(1)), None
    m = size_range.search(text)
    if m:
        return int(m.group(1)), int(m.group(2))
    m = size_plain.search(text)
    if m and not re.match(r"(19|20)\d\d$", m.group(1)):
        return int(m.group(1)), None
    return None, None


def _refers_back(text: str, noun, d: Delegation) -> bool:
    """A definite 'the delegation' / 'the visit' with no size or leader of its own continues the last report."""
    if noun is None or d.leader or d.member_count:
        return False
    return bool(re.search(r"\b(?:the|this|that|their|its|his|her)\s+(?:[\w-]+\s+){0,2}$", text[:noun.start()], re.I))


def _same_visit(a: Delegation, b: Delegation) -> bool:
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
    for org_f, place_f in (("origin_org", "origin_place"), ("host_org", "host_place")):
        if getattr(into, org_f) is None and getattr(into, place_f) is None:
            setattr(into, org_f, getattr(other, org_f))
            setattr(into, place_f, getattr(other, place_f))
    into.confidence = max(into.confidence, other.confidence)
    into.extra_sentences.append(other.sentence)
