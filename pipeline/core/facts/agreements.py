"""Agreements: who signed what with whom, when, witnessed by whom.

A sentence reports an agreement when an agreement noun ("memorandum of understanding",
"framework agreement", "partnerships") stands near a signing verb ("signed", "inked", "entered
into", "teamed up with"). Parties come from the clause before the verb, from "with ..." after the
noun, and from the organisations the signatories act for. Reports of the same agreement within a
document (headline, caption, body) are merged when their parties agree; instruments listed
separately in one sentence ("a memorandum ... with X, and an agreement ... with Y") stay separate.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from pipeline.core.facts.context import DocContext, confidence, kind_regexes, phrase_alternation, rule_regex, rules
from pipeline.core.facts.dates import FoundDate
from pipeline.core.text import Sentence

_VERB_WINDOW_BEFORE = 14  # words between a signing verb and the noun it governs
_VERB_WINDOW_AFTER = 6
# "Four cooperation agreements ... were signed": a count of instruments reported one by one elsewhere
_COUNTED = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a dozen)\s+(?:[\w-]+\s+){0,4}$", re.I)
_PLURAL = re.compile(r"(?:s|memoranda)$", re.I)
_PASSIVE_WINDOW = 16  # "An agreement between A (...) and B (...) was signed": the passive verb comes after the parties
_PASSIVE = re.compile(r"\b(?:was|were|been|be|is|are)\s+(?:\w+ly\s+)?$")
_TITLE = re.compile(r"\s+(?:on|regarding|concerning|for|of)\s+(?!behalf\b)(?:the\s+|a\s+|an\s+)?(.+?)(?=\s+(?:with|between|among|"
                    r"and\s+an?\b|to\b|which|that|was|were|is|are|has|have|had|signed|by|at|in\s+(?:\d|[A-Z])|"
                    r"on\s+(?:\d|[A-Z][a-z]+\s+\d|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))\b|[,;.(]|$)")
_COORDINATED = re.compile(r"\band\s+(?:an?|another|the)\s+(?:[\w-]+\s+){0,3}$", re.I)
_TYPE_WORDS = [("strategic", "strategic_cooperation_agreement"), ("framework", "framework_agreement"),
               ("scheme", "cooperation_scheme"), ("letter of intent", "letter_of_intent")]


@dataclass
class Agreement:
    agreement_type: str
    generic: bool
    sentence: Sentence
    parties: list[str] = field(default_factory=list)
    signatories: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # person key, org, title
    witnesses: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    title: str | None = None
    date: FoundDate | None = None
    status: str = "signed"
    group: int | None = None  # sentence start when listed beside sibling instruments
    confidence: float = 0.9
    extra_sentences: list[Sentence] = field(default_factory=list)
    noun_start: int = 0  # where the agreement noun stands in its sentence
    named: set[str] = field(default_factory=set)  # parties the text names as such (not via a signatory)


@functools.lru_cache(maxsize=1)
def _noun_types() -> dict[str, str]:
    """Agreement noun phrase (lower case) -> agreement type."""
    return {p.lower(): t for t, phrases in rules()["agreement_nouns"].items() for p in phrases}


def _find(text: str, *keys: str) -> list[re.Match]:
    """Matches of the phrases under these keys of the rules file."""
    return list(rule_regex(*keys).finditer(text))


def extract_agreements(ctx: DocContext) -> list[Agreement]:
    found: list[Agreement] = []
    pending: list[Agreement] = []  # reports with no party yet (a caption before the body)
    generic = {g.lower() for g in rules()["generic_agreement_nouns"]}
    noun_type = _noun_types()
    for sent in ctx.sentences:
        cands = _sentence_candidates(ctx, sent, noun_type, generic)
        for c in cands:
            definite = c.group is None and _DEFINITE.search(sent.text[:c.noun_start])
            earlier = next((a for a in reversed(found) if _compatible_type(a, c)), None) if definite else None
            if earlier is not None and _compatible_date(earlier, c, ctx.event_date):
                _merge(ctx, earlier, c)  # "The memorandum was signed by ...": the one just reported
                continue
            if not c.parties:
                target = found[-1] if found else None
                if target is not None and (c.signatories or c.witnesses or (target.generic and not c.generic)):
                    # "Under a strategic cooperation agreement signed on Wednesday, the two sides will ...":
                    # the instrument of the partnership just reported
                    _merge(ctx, target, c)
                elif c.signatories or c.witnesses:
                    pending.append(c)
                continue
            target = _merge_target(ctx, found, c)
            if target is not None:
                _merge(ctx, target, c)
            else:
                for p in pending:
                    _merge(ctx, c, p)
                pending.clear()
                found.append(c)
    for a in found:
        if a.date is None and a.status == "signed":
            sibling = next((b.date for b in found if b.date and b.group == a.group and a.group is not None), None)
            a.date = sibling or _same_event_date(ctx, a, found)
        if a.status == "signed" and _earlier_than_the_news(ctx, a):
            a.status = "reported"
    return found


def _earlier_than_the_news(ctx: DocContext, a: Agreement) -> bool:
    """'In 2016, UM and Huawei signed a letter of intent': a signing well before the report is mentioned
    in passing, not reported as news."""
    if a.date is None or ctx.published is None:
        return False
    if a.date.precision == "year":
        return a.date.date.year < ctx.published.year
    return (ctx.published - a.date.date).days > 60


def _same_event_date(ctx: DocContext, a: Agreement, found: list[Agreement]) -> FoundDate | None:
    """An undated signing reported beside a dated one in the same news story shares its day."""
    for b in found:
        if b is not a and b.date and b.date.precision == "day" and b.status == "signed":
            return b.date
    return ctx.event_date


def _sentence_candidates(ctx: DocContext, sent: Sentence, noun_type, generic) -> list[Agreement]:
    r = rules()
    text = sent.text
    nouns = list(kind_regexes("agreement_nouns")[0].finditer(text))
    verbs = _find(text, "signing_verbs")
    team_verbs = _find(text, "partnership_verbs")
    if not nouns and not team_verbs:
        return _signers_only(ctx, sent, r)
    words_before = lambda pos: len(text[:pos].split())  # noqa: E731 - a local measure of distance
    governed = []
    nouns = [n for n in nouns if not _COUNTED.search(text[:n.start()]) or not _PLURAL.search(n.group(0))]
    for n in nouns:
        near = [v for v in verbs if (0 <= words_before(n.start()) - words_before(v.end()) <= _VERB_WINDOW_BEFORE)
                or (0 <= words_before(v.start()) - words_before(n.end())
                    <= (_PASSIVE_WINDOW if _PASSIVE.search(text[:v.start()]) else _VERB_WINDOW_AFTER))]
        if near:
            governed.append((n, min(near, key=lambda v: abs(v.start() - n.start()))))
        elif governed and _COORDINATED.search(text[:n.start()]):
            governed.append((n, governed[-1][1]))  # "signed a memorandum ... with X, and an agreement ..."
    if not governed and team_verbs:
        v = team_verbs[0]
        subject = ctx.actors_in(sent.start, sent.start + v.start())
        obj = ctx.actors_in(sent.start + v.end(), _clause_end(sent, v.end()))
        parties = _unique(subject[-1:] + obj[:1])
        if len(parties) >= 2:
            return [Agreement("partnership", True, sent, parties, confidence=confidence("partnership_verb"))]
        return []
    if not governed:
        return []
    governed = _drop_nouns_in_titles(text, governed)
    verb = governed[0][1]
    subject_end = sent.start + min(verb.start(), governed[0][0].start())
    signatories, witnesses = _roles(ctx, sent, verb)
    shared_parties = ctx.actors_in(sent.start, subject_end)
    shared_parties = [p for p in shared_parties if p not in {w[1] for w in witnesses}]
    out = []
    siblings = len(governed) > 1
    for k, (noun, _) in enumerate(governed):
        seg_end = governed[k + 1][0].start() if k + 1 < len(governed) else len(text)
        noun_text = re.sub(r"\s+", " ", noun.group(0).lower())
        kind = noun_type.get(noun_text, "cooperation_agreement")
        title_m = _TITLE.match(text, noun.end())
        title = title_m.group(1).strip() if title_m and len(title_m.group(1).split()) <= 10 else None
        if title:
            for word, t in _TYPE_WORDS:
                if word in title.lower() and kind in ("cooperation_agreement", "partnership"):
                    kind = t
        with_parties = _with_parties(ctx, sent, noun.end(), seg_end)
        seg_people = [p for p in signatories if sent.start + noun.start() <= p[3] < sent.start + seg_end] if siblings \
            else signatories
        subject_people = [p for p in signatories if p[3] < sent.start + governed[0][0].start()]
        people = _unique_people((subject_people + seg_people) if siblings else signatories)
        parties = _unique(shared_parties + with_parties + [o for _, o, _ in people if o])
        if len(parties) < 2:
            parties = _unique(parties + ctx.actors_in(sent.start + noun.end(), sent.start + seg_end))
        if len(parties) < 2:
            parties = _unique(parties + _the_two(ctx, sent))
        parties = _most_specific(ctx, parties)
        named = set(shared_parties + with_parties)
        typed_by_title = kind != noun_type.get(noun_text, "cooperation_agreement")
        a = Agreement(kind, noun_text in generic and not typed_by_title, sent, parties, noun_start=noun.start(),
                      signatories=people, witnesses=_unique_people(witnesses), title=title,
                      group=sent.start if siblings else None, named=named)
        dates = ctx.dates_in(sent)
        a.date = dates[0] if dates else None
        a.status = "planned" if _governs_plan(r, text, governed[k][1]) else "signed"
        a.confidence = confidence("agreement_two_parties" if len(parties) >= 2 else "agreement_one_party")
        if a.status == "planned":
            a.confidence = min(a.confidence, confidence("agreement_planned"))
        out.append(a)
    return out


_THE_TWO = re.compile(r"\b(?:the two|both)\s+(universities|institutions|sides|parties|cities|provinces|"
                      r"governments|companies|organi[sz]ations)\b", re.I)
_KIND_TYPES = {"universities": ("university",), "cities": ("government",), "provinces": ("government",),
               "governments": ("government",), "companies": ("enterprise",)}


def _the_two(ctx: DocContext, sent: Sentence) -> list[str]:
    """'signed by the two universities', 'both sides signed': the last two organisations of that kind
    named before the sentence."""
    m = _THE_TWO.search(sent.text)
    if not m:
        return []
    kinds = _KIND_TYPES.get(m.group(1).lower())
    out: list[str] = []
    for mention in reversed(ctx.orgs_in(0, sent.start)):
        org = ctx.org(mention.entity_id)
        if (kinds is None or org.org_type in kinds) and mention.entity_id not in out:
            out.append(mention.entity_id)
        if len(out) == 2:
            return out[::-1]
    return []


def _signers_only(ctx: DocContext, sent: Sentence, r: dict) -> list[Agreement]:
    """'Signing for the two sides were A and B.': who signed the agreement just reported."""
    cue = rule_regex("signatory_list_cues").search(sent.text)
    if not cue:
        return []
    signers, witnesses = _roles(ctx, sent, cue)
    if not signers:
        return []
    return [Agreement("cooperation_agreement", True, sent, [], signatories=_unique_people(signers),
                      witnesses=_unique_people(witnesses))]


@functools.lru_cache(maxsize=1)
def _watching() -> re.Pattern:
    """'with C and D attending the ceremony': group 1 holds the people who watch."""
    return re.compile(rf"\bwith\s+(.+?)\s+(?:{phrase_alternation(rules()['witness_absolutes'])})\b")


def _governs_plan(r: dict, text: str, verb) -> bool:
    """'will sign', 'are expected to sign', 'plan to ink': a plan when the cue stands at the signing
    verb, not anywhere in the sentence ("signed an MoU ..., with plans to exchange students")."""
    return any(c.start() <= verb.start() + 1 and c.end() >= verb.start() - 25 for c in _find(text, "planned_cues"))


def _drop_nouns_in_titles(text: str, governed: list) -> list:
    """'an agreement on 2019 sci-tech cooperation scheme': the scheme names the agreement, it is not a second one."""
    out = []
    for noun, verb in governed:
        if out:
            title = _TITLE.match(text, out[-1][0].end())
            if title and title.start(1) <= noun.start() < title.end(1):
                continue
        out.append((noun, verb))
    return out


def _clause_end(sent: Sentence, local_pos: int) -> int:
    m = re.search(r"[,;]|\b(?:to|which|who|resulting|in order|with a view)\b", sent.text[local_pos:])
    return sent.start + local_pos + (m.start() if m else len(sent.text) - local_pos)


def _with_parties(ctx: DocContext, sent: Sentence, local_from: int, local_to: int) -> list[str]:
    seg = sent.text[local_from:local_to]
    m = re.search(r"\b(?:with|between|among)\b", seg)
    if not m:
        return []
    start = local_from + m.end()
    end = _clause_end(sent, start)
    end = min(end, sent.start + local_to)
    # lists: "with A, B and C" -- keep going across commas while the next item is a name
    parties = ctx.actors_in(sent.start + start, end)
    return parties


def _roles(ctx: DocContext, sent: Sentence, verb) -> tuple[list, list]:
    """Signatories and witnesses named in the sentence, each as (key, org, title, position)."""
    r = rules()
    text = sent.text
    people = ctx.people_in(sent.start, sent.end)
    if not people:
        return [], []
    sign_cue = _find(text, "signed_by_cues", "signatory_list_cues")
    witness_cue = _find(text, "witness_cues")
    witness_verbs = [v for v in _find(text, "witness_verbs")  # "witnessed by" is a cue, not a verb
                     if not re.match(r"\s+by\b", text[v.end():])]
    watching = [w.span(1) for w in _watching().finditer(text)]
    signers, witnesses = [], []
    for m in people:
        local = m.start - sent.start
        org, title = ctx.affiliation(m.entity_id)
        represented = re.search(r",\s*represented\s+by\s+(?:its\s+|their\s+)?$", text[:local])
        if represented:  # "Wuhan University, represented by Executive Vice President Tang Zhiwei"
            before = ctx.orgs_in(sent.start, sent.start + represented.start())
            org = before[-1].entity_id if before else org
        row = (m.entity_id, org, title, m.start)
        if any(a <= local < b for a, b in watching):
            witnesses.append(row)
            continue
        after_sign_cue = any(c.end() <= local for c in sign_cue)
        after_witness_cue = [c for c in witness_cue if c.end() <= local and c.group(0).lower() != "witnessed"]
        before_witness_verb = any(local < v.start() for v in witness_verbs) and not after_sign_cue
        if after_witness_cue and not (after_sign_cue and max(c.end() for c in sign_cue) > max(c.end() for c in after_witness_cue)):
            witnesses.append(row)
        elif after_sign_cue:
            signers.append(row)
        elif before_witness_verb and witness_verbs:
            witnesses.append(row)
        elif verb.group(0).lower() in ("signed", "sign", "signs", "inked", "ink", "inks") and not sign_cue \
                and not _governs_plan(r, text, verb):  # who "will sign" has not signed yet
            signers.append(row)
    return signers, witnesses


def _unique(ids: list[str | None]) -> list[str]:
    out: list[str] = []
    for i in ids:
        if i and i not in out:
            out.append(i)
    return out


def _most_specific(ctx: DocContext, parties: list[str]) -> list[str]:
    """A department named as a party speaks for its government: the government is not a second party."""
    speaking_for = {ctx.footprint(p) for p in parties if ctx.footprint(p) != p}
    return [p for p in parties if p not in speaking_for]


def _unique_people(rows):
    seen, out = set(), []
    for row in rows:
        if row[0] not in seen:
            seen.add(row[0])
            out.append(row[:3])
    return out


_DEFINITE = re.compile(r"(?:^|\b(?:under|in|by|of|with|to)\s+)(?:the|this|that)\s+(?:new\s+|cooperation\s+|signed\s+)?$", re.I)
_MEMORANDUM_NAMES = {"memorandum", "memorandum_of_understanding"}  # two names of one instrument


def _compatible_type(a: Agreement, b: Agreement) -> bool:
    """Same type, a bare noun on either side, or two names of one kind of instrument ("the memorandum"
    after "a memorandum of understanding")."""
    if a.agreement_type == b.agreement_type or a.generic or b.generic:
        return True
    return a.agreement_type in _MEMORANDUM_NAMES and b.agreement_type in _MEMORANDUM_NAMES


def _compatible_date(a: Agreement, b: Agreement, news_day: FoundDate | None = None) -> bool:
    """Dates that can be one signing. An undated signing in a news story happened on the news day."""
    da = a.date or (news_day if a.status == "signed" else None)
    db = b.date or (news_day if b.status == "signed" else None)
    if da is None or db is None:
        return True
    if da.precision == db.precision == "day":
        return da.date == db.date
    return da.date.year == db.date.year


def _merge_target(ctx: DocContext, found: list[Agreement], c: Agreement) -> Agreement | None:
    mine = {ctx.footprint(p) for p in c.parties}
    best, best_size = None, None
    for a in found:
        if c.group is not None and a.group == c.group:
            continue
        if not (_compatible_type(a, c) and _compatible_date(a, c, ctx.event_date)):
            continue
        theirs = {ctx.footprint(p) for p in a.parties}
        if mine <= theirs or theirs <= mine:
            if best is None or len(theirs) < best_size:
                best, best_size = a, len(theirs)
    return best


def _merge(ctx: DocContext, into: Agreement, other: Agreement) -> None:
    covered = {ctx.footprint(p) for p in into.parties}
    for p in other.parties:
        if p in into.parties:
            continue
        if ctx.footprint(p) in into.parties and ctx.footprint(p) != p and p in other.named:
            # "Hong Kong and Shanghai sign ..." then "The ITIB ... and the STCSM signed": the body names who
            into.parties[into.parties.index(ctx.footprint(p))] = p
        elif ctx.footprint(p) not in covered:
            into.parties.append(p)
            covered.add(ctx.footprint(p))
    keys = {s[0] for s in into.signatories} | {w[0] for w in into.witnesses}
    into.signatories += [s for s in other.signatories if s[0] not in keys]
    keys |= {s[0] for s in other.signatories}
    into.witnesses += [w for w in other.witnesses if w[0] not in keys]
    if into.generic and not other.generic:
        into.agreement_type, into.generic = other.agreement_type, False
    into.title = into.title or other.title
    if other.date and (into.date is None or (into.date.precision != "day" and other.date.precision == "day")):
        into.date = other.date
    into.confidence = max(into.confidence, other.confidence)
    into.extra_sentences.append(other.sentence)
