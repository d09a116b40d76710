"""Agreements: who signed what with whom, when, witnessed by whom.

A sentence reports an agreement when an agreement noun ("memorandum of understanding",
"framework agreement", "partnerships") stands near a signing verb ("signed", "inked", "entered
into", "teamed up with"). Parties come from the clause before the verb, from "with ..." after the
noun, and from the organisations the signatories act for. Reports of the same agreement within a
document (headline, caption, body) are merged when their parties agree; instruments listed
separately in one sentence ("a memorandum ... with X, and an agreement ... with Y") stay separate.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline.core.entities.model import Mention, Org
from pipeline.core.facts.context import DocContext
from pipeline.core.facts.dates import FoundDate
from pipeline.core.facts.delegations import group_origin
from pipeline.core.phrases import confidence, kind_regexes, phrase_alternation, rule_regex
from pipeline.core.reference import Rulebook, derived
from pipeline.core.text import Sentence

_VERB_WINDOW_BEFORE = 14  # words between a signing verb and the noun it governs
_VERB_WINDOW_AFTER = 6
# "Four cooperation agreements ... were signed": a count of instruments reported one by one elsewhere
_COUNTED = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a dozen)\s+(?:[\w-]+\s+){0,4}$", re.I)
_PLURAL = re.compile(r"(?:s|memoranda)(?:\s+of\s+\w+)?$", re.I)  # "agreements", "memoranda of understanding"
# "a great deal of", "to deal with": the word is not an instrument there
_ASIDE = re.compile(r",\s+(?:[a-z]+ing|which|who|whose|where|while|as|after|before|when|making|becoming|"
                    r"aims?|seeks?|will|would|covers?|focuses|includes?|provides?|allows?|enables?)\b")
_NOT_A_NOUN = re.compile(r"\b(?:great|good|big|to|will|would|can|could|must|should)\s+$", re.I)
_PASSIVE_WINDOW = 16  # "An agreement between A (...) and B (...) was signed": the passive verb comes after the parties
_PASSIVE = re.compile(r"\b(?:was|were|been|be|is|are)\s+(?:\w+ly\s+)?$")
_TITLE = re.compile(r"\s+(?:on|regarding|concerning|for|of)\s+(?!behalf\b)(?:the\s+|a\s+|an\s+)?(.+?)(?=\s+(?:with|between|among|"
                    r"and\s+(?:an?|another|the\s+other)\b|to\b|which|that|was|were|is|are|has|have|had|signed|by|at|in\s+(?:\d|[A-Z])|"
                    r"on\s+(?:\d|[A-Z][a-z]+\s+\d|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))\b|[,;.(]|$)")
_COORDINATED = re.compile(r"\band\s+(?:an?|another|the)\s+(?:[\w-]+\s+){0,3}$", re.I)
# A second instrument in one sentence is listed as such: after a comma, "and" or "as well as", with its own
# determiner or count ("..., and a framework agreement with Y"). A noun elsewhere is the first one's
# abbreviation ("a memorandum of understanding (MoU)") or part of its purpose ("to deepen their partnerships").
_SIBLING = re.compile(r"(?:[,;]|\band\b|\bas\s+well\s+as\b|\bplus\b)\s+(?:(?:an?|another|the|one|two|three|four|five|six|"
                      r"seven|eight|nine|ten|\d+)\s+)(?:[\w-]+\s+){0,4}$", re.I)
# "a memorandum with X, and another with Y", "two agreements: one with X, and the other on Y": a word standing for
# one more instrument of the kind just named, with its own partner or subject; it is read as that noun
_ELLIPSIS = re.compile(r"\b(?:another|the\s+other|one)(?:\s+one)?(?=\s+(?:(?:jointly|also|separately)\s+)?"
                       r"(?:with|between|among|on|for(?!\s+(?:each|every|both|all)\b)|regarding|concerning)\s)", re.I)
# "..., and another with Y is expected to follow", "one on Z was discussed": the word is the subject of a predicate of its
# own in its clause, which no signing verb of the sentence is, so the signing told before is not its
_OWN_PREDICATE = re.compile(r"[^,;:.]*?\b(?:is|are|was|were|will|would|shall|has|have|had|remains?)\b", re.I)
_ELLIPSIS_WORD = re.compile(r"(?:another|the\s+other|one)(?:\s+one)?", re.I)
_ELLIPSIS_LEAD = re.compile(r"(?:[,;:]|\band|\bas\s+well\s+as|\bplus)\s*$", re.I)
_ELLIPSIS_REACH = 16  # words from the instrument noun to the word standing for another of its kind
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
    place: str | None = None  # place_id of where it was signed
    ceremony_sentences: list[Sentence] = field(default_factory=list)  # "The signing ceremony was held at ..."
    plural: bool = False  # told with a plural noun ("the agreements with A and B")
    per_partner: bool = False  # one of a plural instrument signed with each of a list of partners: what follows
    # the sentence ("Under the agreements, ...") is said of each
    another: bool = False  # "A and B also inked an MoU": one more instrument, not the one told before retold
    recent: bool = False  # "X recently signed ...": told as done some undated time before the news, not on its day


@derived
def _noun_types(rules: Rulebook) -> dict[str, str]:
    """Agreement noun phrase (lower case) -> agreement type."""
    return {p.lower(): t for t, phrases in rules.rules["agreement_nouns"].items() for p in phrases}


@derived
def _generic_nouns(rules: Rulebook) -> frozenset[str]:
    """The bare agreement nouns (lower case): 'agreement', 'deal'; a record of one says no type."""
    return frozenset(g.lower() for g in rules.rules["generic_agreement_nouns"])


def _find(rules: Rulebook, text: str, *keys: str) -> list[re.Match]:
    """Matches of the phrases under these keys of the rules file."""
    return list(rule_regex(rules, *keys).finditer(text))


def extract_agreements(ctx: DocContext) -> list[Agreement]:
    found: list[Agreement] = []
    pending: list[Agreement] = []  # reports with no party yet (a caption before the body)
    generic = _generic_nouns(ctx.rules)
    noun_type = _noun_types(ctx.rules)
    ceremony = rule_regex(ctx.rules, "signing_ceremony_cues")
    head: tuple[Sentence, list[str]] | None = None  # "the two sides signed eleven documents, among them:"
    bare: tuple[Agreement, int] | None = None  # "An MoU was signed on 3 May.": no party yet, none before
    for k, sent in enumerate(ctx.sentences):
        cands = [c for part in _clauses(ctx, sent)
                 for c in _in_sentence(sent, part, _sentence_candidates(ctx, part, noun_type, generic, head))]
        head = _list_head(ctx, sent, head, bool(cands))
        if not cands and bare is not None and k - bare[1] <= _BARE_REACH and _sides_under(ctx, sent, bare[0]):
            _file_report(ctx, found, pending, sent, bare[0])  # "Under the MoU, A and B will ...": its parties
            bare = None
            continue
        if not cands and found and ceremony.search(sent.text):
            found[-1].ceremony_sentences.append(sent)  # "A signing ceremony was held at X on 6 May."
            continue
        for c in cands:
            _file_report(ctx, found, pending, sent, c)
            if _dropped(found, pending, c) and c.status == "signed" and not (c.signatories or c.witnesses):
                bare = (c, k)
    for a in found:
        _settle(ctx, a, found)
    return found


_BARE_REACH = 2  # sentences after a signing with no party in which "Under the MoU, A and B ..." names them
# "Under the MoU, A and B will ...", "According to the agreement, ...": what follows says what the instrument does
_UNDER_THE = re.compile(r"(?:Under|According\s+to|Through|Per|In\s+accordance\s+with|Pursuant\s+to)\s+(?:the|this|that)\s+"
                        r"(?:new\s+|signed\s+)?(?:[\w-]+\s+){0,3}?(?:agreement|memorandum|mou|accord|pact|arrangement|"
                        r"deal|partnership|framework|contract)\b[^,;:]{0,60},\s*", re.I)
_SUBJECT_VERB = re.compile(r"\b(?:will|shall|would|are\s+to|agree|agreed|plan|plans|aim|aims|commit|committed|pledged)\b")


def _sides_under(ctx: DocContext, sent: Sentence, bare: Agreement) -> bool:
    """'Under the MoU, A and B will jointly ...': the two or more bodies that are the subject after the opening
    are the parties of the instrument told just before without any (given to it here)."""
    m = _UNDER_THE.match(sent.text)
    if m is None:
        return False
    verb = _SUBJECT_VERB.search(sent.text, m.end())
    if verb is None:
        return False
    sides = ctx.actors_in(sent.start + m.end(), sent.start + verb.start())
    if len(sides) < 2:
        return False
    bare.parties, bare.named = sides, set(sides)
    bare.extra_sentences.append(sent)
    return True


def _dropped(found: list[Agreement], pending: list[Agreement], c: Agreement) -> bool:
    """Whether a report was filed nowhere: not an agreement, not held back, not merged into one."""
    return c not in found and c not in pending and not c.parties \
        and not any(c.sentence is a.sentence or c.sentence in a.extra_sentences for a in found)


# "A signed X with B, while C concluded Y with D": a second clause with its own subject, signing verb and instrument
_CLAUSE_BREAK = re.compile(r"(?:,\s+(?:while|whereas|and)|;\s+(?:and|while)?)\s+(?:also\s+)?(?=(?:the\s+)?[A-Z])")


def _clauses(ctx: DocContext, sent: Sentence) -> list[Sentence]:
    """The sentence, or its clauses where it reports two signings each with its own subject ("A has signed
    agreements with B, while C has concluded a partnership with D"): a break after a signing verb and an
    instrument noun, followed by an organisation, a signing verb and an instrument noun."""
    text = sent.text
    breaks = list(_CLAUSE_BREAK.finditer(text))
    if not breaks:
        return [sent]
    verb_rx, noun_rx = rule_regex(ctx.rules, "signing_verbs"), kind_regexes(ctx.rules, "agreement_nouns")[0]
    cuts = [0]
    for m in breaks:
        verb = verb_rx.search(text, m.end())
        if verb is None or not verb_rx.search(text, cuts[-1], m.start()) or not noun_rx.search(text, cuts[-1], m.start()) \
                or not noun_rx.search(text, verb.end()) or not ctx.orgs_in(sent.start + m.end(), sent.start + verb.start()):
            continue
        cuts.append(m.end())
    if len(cuts) == 1:
        return [sent]
    ends = [m.start() for m in breaks if m.end() in cuts[1:]] + [len(text)]
    return [Sentence(sent.start + a, sent.start + b, text[a:b],
                     tuple(w for w in sent.words if sent.start + a <= w.start < sent.start + b), sent.paragraph)
            for a, b in zip(cuts, ends)]


def _in_sentence(sent: Sentence, part: Sentence, cands: list[Agreement]) -> list[Agreement]:
    """Reports found in a clause, told by the whole sentence (its evidence, its followers)."""
    if part is not sent:
        for c in cands:
            c.noun_start += part.start - sent.start
            c.sentence = sent
    return cands


def _last_told(found: list[Agreement]) -> Agreement | None:
    """The agreement a sentence told last (its own sentence or one merged into it), which "the agreement" after
    it refers to: not always the last one found ("An agreement was signed by X and Y. The agreement, witnessed
    by ...")."""
    return max(reversed(found), key=lambda a: max([a.sentence.start, *(x.start for x in a.extra_sentences)]),
               default=None)


def _signers_agreement(ctx: DocContext, found: list[Agreement], c: Agreement) -> Agreement | None:
    """'An agreement was signed by President X and Rector Y of Z': of the agreements reported, the last whose parties
    include the bodies of all the report's signatories (two or more named), else None."""
    bodies = {ctx.footprint(b) for b in (s[1] or ctx.person_body(s[0]) for s in c.signatories) if b}
    if len(bodies) < 2 or len(bodies) < len(c.signatories):
        return None
    return next((a for a in reversed(found) if bodies <= {ctx.footprint(p) for p in a.parties}), None)


def _file_report(ctx: DocContext, found: list[Agreement], pending: list[Agreement], sent: Sentence,
                 c: Agreement) -> None:
    """Where a report of an agreement goes: into the agreement 'the MoU' refers to, into the one just reported
    when it names no party but signers or a type, held back (`pending`) until an agreement with parties comes (a
    caption before the body), into an agreement of the same parties, or into `found` as a new agreement."""
    definite = c.group is None and _DEFINITE.search(sent.text[:c.noun_start])
    earlier = _definite_target(ctx, found, c) if definite else None
    if earlier is not None and _compatible_date(earlier, c, ctx.event_date) and not _other_parties(ctx, earlier, c):
        _merge(ctx, earlier, c)  # "The memorandum was signed by ...": the one just reported
        return
    if earlier is not None and _DEMONSTRATIVE.search(sent.text, 0, c.noun_start):
        earlier.extra_sentences.append(c.sentence)  # "... with Sweden, and we value the signing of this agreement":
        return  # a demonstrative points back, whatever else its sentence names
    if not c.parties:
        target = _signers_agreement(ctx, found, c) or _last_told(found)
        if target is not None and (c.signatories or c.witnesses or (target.generic and not c.generic)):
            # "Under a strategic cooperation agreement signed on Wednesday, the two sides will ...":
            # the instrument of the partnership just reported
            _merge(ctx, target, c)
        elif c.signatories or c.witnesses:
            pending.append(c)
        return
    told = [] if c.another else _told_again(ctx, found, c)
    if told:
        for a in told:  # "Through the recently signed agreements with A and B, ...": the ones reported before
            a.extra_sentences.append(c.sentence)
        return
    target = _merge_target(ctx, found, c)
    if target is not None and not (c.another and target.agreement_type != c.agreement_type):
        _merge(ctx, target, c)
        return
    for p in pending:
        _merge(ctx, c, p)
    pending.clear()
    found.append(c)


def _other_parties(ctx: DocContext, earlier: Agreement, c: Agreement) -> bool:
    """'X inked the cooperation memorandum with Y' after an agreement of A and B: a report naming two parties, one
    of them not a party of the agreement before (or naming only others), is another agreement, whatever its
    article."""
    named = _sides(ctx, [p for p in c.parties if p in c.named], earlier.parties)
    theirs = {ctx.footprint(p) for p in earlier.parties}
    if len(theirs) < 2 or not named:
        return False
    if c.signatories or c.witnesses:  # who signed or witnessed "the agreement" tells the one before again, unless
        mine = _sides(ctx, c.parties, earlier.parties)  # it is "the MoU between C and D" after one of A and B
        return len(mine) >= 2 and not mine & theirs
    return not named & theirs or (len(named) >= 2 and not named <= theirs)


def _told_again(ctx: DocContext, found: list[Agreement], c: Agreement) -> list[Agreement]:
    """'the agreements with A and B' after an agreement with A and another with B: a plural report whose parties
    are all parties of two or more agreements found before tells them again (those agreements, else none)."""
    if not c.plural or c.signatories or c.group is not None:
        return []
    mine = {ctx.footprint(p) for p in c.parties}
    told = [a for a in found if mine & {ctx.footprint(p) for p in a.parties}]
    if len(told) < 2 or not mine <= {ctx.footprint(p) for a in told for p in a.parties}:
        return []
    return told


def _settle(ctx: DocContext, a: Agreement, found: list[Agreement]) -> None:
    """An agreement's date, place and status once the whole document is read: an undated signing takes the date
    of its ceremony, of an instrument listed beside it or of the news event (`_same_event_date`); one signed
    long before the news is reported, not news."""
    if a.date is None and a.status == "signed":
        a.date = next((d for s in a.ceremony_sentences for d in ctx.dates_in(s)), None)
    a.place = _signing_place(ctx, a)
    if a.date is None and a.status == "signed":
        sibling = next((b.date for b in found if b.date and b.group == a.group and a.group is not None), None)
        a.date = sibling or (None if a.recent else _same_event_date(ctx, a, found))
    if a.status == "signed" and _earlier_than_the_news(ctx, a):
        a.status = "reported"
    a.parties = _units_over_owners(ctx, _bodies_over_states(ctx, a.parties))


def _units_over_owners(ctx: DocContext, parties: list[str]) -> list[str]:
    """'X Institute, Chinese Academy of Sciences', 'the Y Branch of Z': the body a party belongs to is named as where
    the signing body is (or the reports merged named the owner for the unit), so it is not a party beside it; the
    writer names it as a party of its own when it signs too. Read once the reports are merged, which compare bodies
    with their owners in them."""
    owners = {o.parent_organization_id for o in map(ctx.ents.orgs.get, parties) if o and o.parent_organization_id}
    return [p for p in parties if p not in owners]


def _bodies_over_states(ctx: DocContext, parties: list[str]) -> list[str]:
    """'The Philippines and China inked an MoU' told again as 'X Council signed the MoU with China's Y Academy', or
    'the Chinese ambassador' beside a signing of a Chinese university: a body of a country names which side of it
    signed, so that country's national government is not a party beside it."""
    orgs = {p: ctx.ents.orgs.get(p) for p in parties}
    served = {o.country_code for o in orgs.values() if _one_sided(o)}
    return [p for p, o in orgs.items() if not (_national_government(o) and o.country_code in served)]


def _side(ctx: DocContext, party: str, against: list[str]) -> str:
    """Which of `against` a party stands for: its government for a department, its university for a unit, and the
    national government among `against` of the country a body is in ("China's Y Academy" after "China")."""
    body = ctx.footprint(party)
    org = ctx.ents.orgs.get(body)
    if not _one_sided(org):
        return body
    return next((p for p in against if _national_government(ctx.ents.orgs.get(p))
                 and ctx.ents.orgs[p].country_code == org.country_code), body)


def _sides(ctx: DocContext, parties: list[str], against: list[str]) -> set[str]:
    return {_side(ctx, p, against) for p in parties}


# "China-Singapore Suzhou Industrial Park", "Sino-German Centre": a joint body, on both sides at once
_JOINT_BODY = re.compile(r"(?:The\s+)?(?:[A-Z][\w'’]*-)+[A-Z]")


def _one_sided(org: Org | None) -> bool:
    """A body in one country that may sign for a side of it: not a national government, not a joint body."""
    return (org is not None and org.country_code is not None and not _national_government(org)
            and not _JOINT_BODY.match(org.canonical_name))


def _national_government(org: Org | None) -> bool:
    """A country's own government ("Government of Kenya"), not a province's or a city's."""
    return org is not None and org.org_type == "government" and org.region_code is None and org.country_code is not None


# "in Hangzhou", "at the University of X, Henan": a locative, with an optional venue in apposition before the place
_LOCATIVE_CHAIN = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:city\s+of\s+|(?:[A-Z][\w'’-]*\s+)?(?:capital|city|port\s+city|"
                             r"town)\s+(?:of\s+)?)?(?:[A-Z][\w'’.&-]*(?:\s+(?:of\s+|for\s+|and\s+)?"
                             r"[A-Z][\w'’.&-]*){0,6}\s*,\s*)?$")
# Between the signing word and the locative: a clause about something else ("X, a university located in Y")
_OTHER_CLAUSE = re.compile(r"\b(?:located|based|headquartered|situated|which|who|whose|from|born|studying|living)\b|,\s+an?\s",
                           re.I)


def _signing_place(ctx: DocContext, a: Agreement) -> str | None:
    """Where the agreement was signed, the first of (each tried only when those before find none): a known place
    after "in"/"at" in the clause of a signing word in its sentences ("signed ... in Hangzhou", "the signing
    ceremony was held at X, Henan"), a stay to sign ("X was in Guangzhou recently to sign the agreement"), the
    venue of the signing; for a signing told as news, where the news happened (`_place_of_the_news`)."""
    cue_rx = rule_regex(ctx.rules, "signing_place_cues")
    told = [a.sentence, *a.extra_sentences, *a.ceremony_sentences]
    return (_first(_located_signing(ctx, sent, cue_rx) for sent in told)
            or _first(_stay_place(ctx, sent) for sent in [a.sentence, *a.extra_sentences])
            or _first(_venue_place(ctx, sent, cue_rx) for sent in told)
            or (_place_of_the_news(ctx, a) if a.status == "signed" else None))


def _first(places: Iterable[str | None]) -> str | None:
    """The first place found (the ways are generated lazily: a later one runs only when the earlier find none)."""
    return next((p for p in places if p is not None), None)


def _located_signing(ctx: DocContext, sent: Sentence, cue_rx: re.Pattern) -> str | None:
    """A known place after "in"/"at" in the clause of a signing word, no clause about something else between."""
    places = ctx.places_in(sent.start, sent.end)
    if not places or not cue_rx.search(sent.text):
        return None
    for m in places:
        before = sent.text[:m.start - sent.start]
        loc = _LOCATIVE_CHAIN.search(before)
        if loc is None:
            continue
        cues = list(cue_rx.finditer(before, 0, loc.start()))
        if cues and not _OTHER_CLAUSE.search(before, cues[-1].end(), loc.start()):
            return m.entity_id
    return None


def _place_of_the_news(ctx: DocContext, a: Agreement) -> str | None:
    """A signing told with no place of its own happened where the news did: where the visit it was part of went,
    else the city of the dateline, else the place the paragraphs of its stop of a tour open with."""
    return _visit_place(ctx, a) or ctx.dateline_place or _scene_place(ctx, a)


_TO_SIGN = re.compile(r"\bto\s+(?:sign|ink|seal|renew|conclude)\b", re.I)


def _stay_place(ctx: DocContext, sent: Sentence) -> str | None:
    """'... was in Guangzhou, Guangdong Province, recently to sign ...': the place of a past stay whose
    purpose is the signing."""
    purpose = _TO_SIGN.search(sent.text)
    if purpose is None:
        return None
    stay = _past_stay(ctx.rules, sent.text, purpose.start())
    if stay is None:
        return None
    places = ctx.places_in(sent.start + stay.end(), sent.start + purpose.start())
    return places[0].entity_id if places and ctx.text[sent.start + stay.end():places[0].start].strip() in ("", "the") \
        else None


# "In Serbia, Bai met ...": a paragraph that opens on a place sets the scene of what it and the next ones tell
_SCENE = re.compile(r"\s*(?:In|At)\s+(?:the\s+)?$")


def _scene_place(ctx: DocContext, a: Agreement) -> str | None:
    """Where a tour's stop was, for a signing told in that stop's paragraphs: the place that opens the nearest
    paragraph (at most four back) beginning 'In <place>'."""
    k = ctx.sentence_index(a.sentence.start)
    if k is None:
        return None
    openings: dict[int, Sentence] = {}  # paragraph -> its first sentence, nearest paragraph first
    for s in ctx.sentences[k::-1]:
        if s.paragraph not in openings and len(openings) == 5:
            break
        openings[s.paragraph] = s
    for s in openings.values():
        first = next(iter(ctx.places_in(s.start, s.end)), None)
        if first is not None and _SCENE.fullmatch(ctx.text, s.start, first.start) \
                and ctx.text[first.end:first.end + 1] in (",", " "):
            return first.entity_id
    return None


_VENUE_BEFORE = re.compile(r"\b(?:held|took place|signed|inked|signing|ceremony)\s+(?:\w+\s+){0,3}?(?:at|in|on)\s+(?:the\s+)?$",
                           re.I)


def _venue_place(ctx: DocContext, sent: Sentence, cue_rx: re.Pattern) -> str | None:
    """'The ceremony was held at CUHK', 'signed on the HKBU campus': a venue that is an organisation of a
    Chinese city-level or provincial division places the signing there."""
    if not cue_rx.search(sent.text):
        return None
    for m in ctx.orgs_in(sent.start, sent.end):
        if not _VENUE_BEFORE.search(ctx.text, max(sent.start, m.start - 60), m.start):
            continue
        org = ctx.org(m.entity_id)
        if org.region_code and org.region_code.startswith("CN-"):
            name = ctx.rules.region_names.get(org.region_code)
            p = ctx.rules.place_by_name.get(name) if name else None
            if p is not None:
                return ctx.add_place(p)
    return None


# "During the visit, A signed ...", "while visiting": the signing happened where the visit went
_DURING_VISIT = re.compile(r"\b(?:during|on|in the course of)\s+(?:the|this|that|his|her|their|its|a|an)\s+(?:\w+\s+)?"
                           r"(?:visit|trip|tour|stay)\b(?!\s+of\b)", re.I)
_VISIT_TO = re.compile(r"\b(?:visited|visiting|visit\s+to|trip\s+to|tour\s+of|arrived\s+in|travelled\s+to|"
                       r"traveled\s+to)\s+(?:the\s+)?$", re.I)


def _visit_place(ctx: DocContext, a: Agreement) -> str | None:
    """'... visited Lisbon, Portugal. During the visit, UM signed ...': the place the visit went to, named after
    a visit verb in the sentence before (or the same one)."""
    if not _DURING_VISIT.search(a.sentence.text):
        return None
    k = ctx.sentence_index(a.sentence.start)
    if k is None:
        return None
    for sent in ctx.sentences[max(0, k - 1):k + 1][::-1]:
        for m in ctx.places_in(sent.start, sent.end):
            if _VISIT_TO.search(ctx.text, max(sent.start, m.start - 30), m.start):
                return m.entity_id
    return None


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
    told = ctx.event_date if ctx.event_date is not None and ctx.event_date.start >= 0 else None  # a day in the text
    return told or _visit_span_date(ctx) or ctx.event_date


# "The two sides reached important agreement on ...": a bare "agreement" that is reached, with no article, is a
# consensus on topics, not an instrument ("reached an agreement" may be one).
_CONSENSUS = re.compile(r"\b(?:reach|reached|reaches|reaching)\s+(?:(?:important|broad|general|wide|full|initial|"
                        r"preliminary|extensive|basic|mutual|common|high-level|consensus\s+and)\s+){0,2}$", re.I)
_LEAD_SENTENCES = 5  # where a story of a visit says when the visit was (headline and page labels first)
_PROSE = re.compile(r"(?<![\w-])[a-z]{3,}\s+[a-z]{2,}(?![\w-])")  # two lower-case words in a row


_TO_COME = re.compile(r"\b(?:will|shall|(?:is|are)\s+(?:expected\s+|due\s+|set\s+|scheduled\s+)?to)\s", re.I)
# "Since X first led a delegation to Y in 2015, ...", "The delegation's last trip to Y was in 2018": an earlier trip
# told as the story's background, not the one it reports
_BACKSTORY = re.compile(r"^\W*Since\b|\b(?:first|previously|once)\s+(?:led|headed|visited|travelled|traveled|went|came)\b|"
                        r"\b(?:last|previous|earlier|first)\s+(?:trip|visit|tour)\b", re.I)


def _visit_span_date(ctx: DocContext) -> FoundDate | None:
    """'A delegation led by X visited Serbia and Korea from March 26 to April 3. ... signed an agreement': an
    undated signing in the story of a visit happened during it. The visit's first day, from a lead sentence that
    reports a visit or a delegation's trip ("X led a delegation to Y in January") and dates it (on or before the
    publication, and not as a trip to come or an earlier one told as background)."""
    visit_rx = rule_regex(ctx.rules, "visit_verbs", "delegation_nouns")
    for s in ctx.sentences[:_LEAD_SENTENCES]:
        if not visit_rx.search(s.text) or not _PROSE.search(s.text) or _TO_COME.search(s.text) \
                or _BACKSTORY.search(s.text):
            continue  # "Author: [Time]:2019-11-30 [Visit]:" is a page label, not a sentence
        for d in ctx.dates_in(s):
            if not d.dateline and (ctx.published is None or d.date <= ctx.published):
                return d
    return None


def _sentence_candidates(ctx: DocContext, sent: Sentence, noun_type, generic,
                         head: tuple[Sentence, list[str]] | None = None) -> list[Agreement]:
    """The agreements a sentence reports: each instrument noun a signing verb governs (or a line under a list
    head, an instrument named as in force, one of a counted set told on its own), with its parties, signers and
    status; else a partnership verb between two parties; else who signed or witnessed the agreement before."""
    rules = ctx.rules
    text = sent.text
    under = _UNDER_THE.match(text)  # "Under the MoU, a centre was established ...": the MoU told before, not signed here
    if under and re.search(r"\b(?:between|with)\s", text[under.start():under.end() + 9]):
        under = None  # "Under the first MoU, between A and B, ...", "In accordance with the X between A and B": named here
    nouns = [n for n in kind_regexes(rules, "agreement_nouns")[0].finditer(text)
             if not (n.group(0).lower() == "agreement" and _CONSENSUS.search(text, max(0, n.start() - 40), n.start()))
             and not (under and n.end() <= under.end())]
    verbs = [v for v in _find(rules, text, "signing_verbs") if not _denied(rules, text, v)]
    nouns = _with_ellipses(text, nouns, verbs)
    listed = head is not None and not verbs  # a line under "..., among them:": the head's verb governs it
    if listed:
        verbs = [_NO_VERB.match(text)]
    tight = _tight_nouns(rules, text, nouns, listed)
    team_verbs = [v for v in _find(rules, text, "partnership_verbs")
                  if not _NOT_YET.search(text, max(0, v.start() - 30), v.start())]  # "will continue to join hands"
    if not nouns and not tight and not team_verbs:
        return _signers_only(ctx, sent)
    if _background(rules, text, nouns + [n for n, _ in tight]):
        return []
    governed, referred = _governed_nouns(rules, text, _uncounted(text, nouns), verbs)
    governed = sorted(governed + tight, key=lambda g: g[0].start())
    counted_set = not governed and bool(verbs)
    if counted_set:  # "A and B signed two agreements", "X signed three MoUs with A, B and C": the set, told once
        governed = [(n, v) for n, v in _governed_nouns(rules, text, _counted_sets(text, nouns), verbs)[0]
                    if not _PASSIVE.search(text, 0, v.start())]  # "..., where five agreements were signed": whose?
    if not governed:
        return _partnership(ctx, sent, team_verbs) or _witnessed_instrument(ctx, sent, nouns)
    counted = _counted_siblings(rules, text, governed)
    governed = _listed_instruments(text, _drop_nouns_in_titles(text, governed) + counted, noun_type, generic)
    tight_words = {m.group(0).lower() for m, _ in tight + counted
                   if rule_regex(rules, "tight_agreement_nouns").fullmatch(m.group(0))}
    clause = _signing_clause(ctx, sent, governed, referred, tight_words, head if listed else None)
    out = []
    for k in range(len(governed)):
        out.extend(_instrument(ctx, clause, k, noun_type, generic))
    # a set is told once for two parties its clause names as such (not the bodies of its signers or "the two")
    return [a for a in out if len(set(a.parties) & a.named) >= 2] if counted_set else out


def _with_ellipses(text: str, nouns: list[re.Match], verbs: list[re.Match]) -> list[re.Match]:
    """The instrument nouns, and each word standing for one more of the kind named just before it (`_ELLIPSIS`):
    coordinated after that noun ("..., and another with Y"; "two agreements: one with X"), within reach of it, and
    not the subject of a predicate of its own other than a signing verb (`_OWN_PREDICATE`)."""
    extra = []
    for m in _ELLIPSIS.finditer(text):
        before = [n for n in nouns if n.end() <= m.start()]
        own = _OWN_PREDICATE.match(text, m.end())
        if before and _ELLIPSIS_LEAD.search(text, before[-1].end(), m.start()) \
                and len(text[before[-1].end():m.start()].split()) <= _ELLIPSIS_REACH \
                and not any(n.start() <= m.start() < n.end() for n in nouns) \
                and not (own and not any(m.end() <= v.start() and not re.search(r"[,;:.]", text[own.end():v.start()])
                                         for v in verbs)):
            extra.append(m)
    if not extra:
        return nouns
    # "two partnership agreements: one with X": the first noun of a compound modifies the second, which the
    # ellipses stand for; it is no instrument of its own
    heads = [n for k, n in enumerate(nouns) if k + 1 == len(nouns) or not re.fullmatch(r"\s+", text[n.end():nouns[k + 1].start()])]
    return sorted(heads + extra, key=lambda n: n.start())


def _antecedent(text: str, nouns_rx: re.Pattern, ellipsis: re.Match) -> str:
    """The instrument noun (lower case) a word of `_ELLIPSIS` stands for: the last one before it."""
    before = [n for n in nouns_rx.finditer(text, 0, ellipsis.start()) if not _ELLIPSIS_WORD.fullmatch(n.group(0))]
    return re.sub(r"\s+", " ", before[-1].group(0).lower()) if before else "agreement"


def _governed_nouns(rules: Rulebook, text: str, nouns: list[re.Match],
                    verbs: list[re.Match]) -> tuple[list[tuple[re.Match, re.Match]], list[re.Match]]:
    """Each instrument noun with the verb that governs it, and the nouns named as in force. With no signing verb, a
    noun named as in force ("in accordance with the Co-operation Arrangement between A and B") or one of a counted
    set told on its own ("The first MoU, between A and B, sets out ...") is a record by itself. Else a noun needs a
    signing verb near it, or it shares the verb of the noun before it is coordinated with ("signed a memorandum
    ... with X, and an agreement ...")."""
    referred = [n for n in nouns if not verbs and (_referenced(rules, text, n) or _named_between(text, n))]
    ordinal = [n for n in nouns if not verbs and n not in referred and _ordinal_reference(rules, text, n)]
    if referred or ordinal:
        return [(n, _NO_VERB.match(text)) for n in referred + ordinal], referred
    governed: list[tuple[re.Match, re.Match]] = []
    for n in nouns:
        verb = _governing_verb(text, n, verbs)
        if verb is not None:
            governed.append((n, verb))
        elif governed and (_COORDINATED.search(text[:n.start()])
                           or (_ELLIPSIS_WORD.fullmatch(n.group(0)) and _ELLIPSIS_LEAD.search(text, 0, n.start()))):
            governed.append((n, governed[-1][1]))
    return governed, referred


def _governing_verb(text: str, noun: re.Match, verbs: list[re.Match]) -> re.Match | None:
    """The signing verb nearest a noun among those within reach: up to `_VERB_WINDOW_BEFORE` words before it, or
    up to `_VERB_WINDOW_AFTER` words after it (`_PASSIVE_WINDOW` for a passive verb, which follows the parties)."""
    def words_before(pos: int) -> int:
        return len(text[:pos].split())

    near = [v for v in verbs if (0 <= words_before(noun.start()) - words_before(v.end()) <= _VERB_WINDOW_BEFORE)
            or (0 <= words_before(v.start()) - words_before(noun.end())
                <= (_PASSIVE_WINDOW if _PASSIVE.search(text[:v.start()]) else _VERB_WINDOW_AFTER)
                and not _instrument_acts(text, v))]
    return min(near, key=lambda v: abs(v.start() - noun.start())) if near else None


# A verb in the present or future form: "establishes", "will establish", "agree" (not "signed", "signing", "struck")
_PRESENT_FORM = re.compile(r"(?![\w-]*(?:ed|ing|al)\b)(?!struck\b)[a-z]+", re.I)


def _instrument_acts(text: str, verb: re.Match) -> bool:
    """'The MoU establishes a framework', 'This MOU will establish ...', 'The MOU notes that both universities agree
    to ...': a signing verb after the noun in the present or future (not a participle, "an MoU signed by", nor a
    passive) tells what the instrument does or its parties will do, not a signing of it."""
    return not _PASSIVE.search(text[:verb.start()]) and _PRESENT_FORM.match(verb.group(0)) is not None


def _partnership(ctx: DocContext, sent: Sentence, team_verbs: list[re.Match]) -> list[Agreement]:
    """'The Foshan Municipal Government teamed up with HKUST': with no instrument noun, a partnership verb between
    the last party before it and the first after it (in its clause) reports a partnership."""
    if not team_verbs:
        return []
    v = team_verbs[0]
    subject = ctx.actors_in(sent.start, sent.start + v.start())
    obj = ctx.actors_in(sent.start + v.end(), _clause_end(sent, v.end()))
    parties = _unique(subject[-1:] + obj[:1])
    if len(parties) < 2:
        return []
    return [Agreement("partnership", True, sent, parties, confidence=confidence(ctx.rules, "partnership_verb"))]


@dataclass
class _SigningClause:
    """What a sentence's signing clause says of every instrument it governs."""

    sent: Sentence
    governed: list[tuple[re.Match, re.Match]]  # each instrument noun, with the verb that governs it
    referred: list[re.Match]  # nouns named as in force ("in accordance with the X Agreement")
    tight_words: set[str]  # the nouns that are instruments only as a signing verb's object ("work plans")
    parties: list[str]  # the subject's: parties of every instrument
    complete: bool  # whether the subject names all the parties ("both sides" of a visit, "they")
    signatories: list[tuple]  # (person key, org, title, position)
    witnesses: list[tuple]
    group: int | None  # what `Agreement.group` holds for its instruments
    objects: list[str] = field(default_factory=list)  # "visited A and B and signed ... with them": A and B

    @property
    def siblings(self) -> bool:
        """Several instruments listed in one sentence ("a memorandum with X, and an agreement with Y")."""
        return len(self.governed) > 1


def _signing_clause(ctx: DocContext, sent: Sentence, governed: list[tuple[re.Match, re.Match]],
                    referred: list[re.Match], tight_words: set[str],
                    list_head: tuple[Sentence, list[str]] | None) -> _SigningClause:
    """The subject of the first governing verb (the two sides, a pronoun's referents, the organisations before the
    verb, else the list head's), and the signatories and witnesses the sentence names."""
    verb = governed[0][1]
    subject_end = sent.start + min(verb.start(), governed[0][0].start())
    sides, complete = _both_sides(ctx, sent, subject_end)
    pronoun = None if sides else _pronoun_subject(ctx, sent, subject_end)
    # "both sides signed": the sides, not whoever the sentence named on the way, signed
    signatories, witnesses = _roles(ctx, sent, verb, implicit=not sides)
    reset = _subject_start(ctx.rules, sent.text, subject_end - sent.start)  # "praised X for reaching ...": X onwards
    parties = sides or pronoun or ([] if _witnessing_subject(ctx.rules, sent.text, verb)
                                   else ctx.actors_in(sent.start + reset, subject_end))
    objects: list[str] = []
    visitors = None if sides or pronoun else _GROUP_SUBJECT.match(sent.text, 0, subject_end - sent.start)
    person = None if sides or pronoun or visitors else _person_subject(ctx, sent, subject_end)
    if visitors is not None:  # "The delegation (visited A and B and) signed ...": the body the delegation is from
        objects = ctx.actors_in(sent.start + visitors.end(), subject_end)
        parties = _unique([group_origin(ctx, sent.start)])
    elif person is not None:  # "He visited A, signed an agreement with B": his body signed, A is what he visited
        objects = ctx.actors_in(person[1], subject_end)
        parties = _unique([person[0]])
    agents = _reduced_relative_agents(ctx, sent, governed[0])
    if agents:  # "thanks to agreements signed by A and B": A and B, not the subject of the sentence
        parties = agents
    if list_head is not None and not parties:
        parties = list_head[1]
    witnessing = {w[1] for w in witnesses}
    group = sent.start if len(governed) > 1 else (list_head[0].start if list_head is not None else None)
    return _SigningClause(sent, governed, referred, tight_words, [p for p in parties if p not in witnessing],
                          complete or bool(pronoun), signatories, witnesses, group, objects)


def _witnessing_subject(rules: Rulebook, text: str, verb: re.Match) -> bool:
    """'A, Mayor of X, and B, President of Y, witnessed the signing of the agreement': the signing is the object of
    a witness verb, so the bodies before it are in the witnesses' titles, not the parties."""
    return any(c.start() < verb.start() < c.end() for c in rule_regex(rules, "witness_sentence_cues").finditer(text))


def _instrument(ctx: DocContext, clause: _SigningClause, k: int, noun_type: dict[str, str],
                generic: frozenset[str]) -> list[Agreement]:
    """The agreement of the k-th governed noun (one per partner for a plural instrument with a list of partners):
    its type (a bare noun typed by its title), title, signers, parties, date, status and confidence. The noun's
    segment runs to the next governed noun."""
    sent, text = clause.sent, clause.sent.text
    noun = clause.governed[k][0]
    seg_end = clause.governed[k + 1][0].start() if k + 1 < len(clause.governed) else len(text)
    noun_text = re.sub(r"\s+", " ", noun.group(0).lower())
    if _ELLIPSIS_WORD.fullmatch(noun.group(0)):
        noun_text = _antecedent(text, kind_regexes(ctx.rules, "agreement_nouns")[0], noun)
    tight = noun_text in clause.tight_words
    base_kind = "other" if tight else noun_type.get(noun_text, "cooperation_agreement")
    title_m = _TITLE.match(text, noun.end())
    title = title_m.group(1).strip() if title_m and len(title_m.group(1).split()) <= 10 else None
    kind = _type_from_title(base_kind, title)
    with_parties = _with_parties(ctx, sent, noun.end(), seg_end) or _referred_partners(ctx, clause, noun, seg_end)
    if not with_parties and _PLURAL.search(noun.group(0)) and _UNNAMED_PARTNERS.match(text, noun.end()):
        return []  # "signed agreements with multiple universities on X": a summary of those the text goes on to tell
    people = _instrument_signers(clause, noun, seg_end)
    parties = _instrument_parties(ctx, clause, noun, seg_end, with_parties, people, title_m if title else None,
                                  noun_type)
    named = set(clause.parties + with_parties) - _appositive_orgs(ctx, sent)
    a = Agreement(kind, (noun_text in generic or tight) and kind == base_kind, sent, parties,
                  noun_start=noun.start(), signatories=people, witnesses=_unique_people(clause.witnesses), title=title,
                  group=clause.group, named=named, plural=bool(_PLURAL.search(noun.group(0))))
    a.recent = _told_as_recent(text, clause.governed[k][1])
    # a dateline ("MACAU, May 13 -") is the news day, which a signing told as "recent" did not happen on
    dates = [d for d in ctx.dates_in(sent) if not (a.recent and d.dateline)]
    verb_end = sent.start + clause.governed[k][1].end()
    # "... to discuss the MoU they signed in October 2015": the date the signing verb takes, else the sentence's
    own = next((d for d in dates if d.start >= verb_end and _VERB_DATE_GAP.fullmatch(ctx.text, verb_end, d.start)), None)
    a.date = own or (dates[0] if dates else None)
    a.status = _instrument_status(ctx.rules, clause, k)
    a.another = _told_as_another(text, clause.governed[k][1], noun)
    a.confidence = confidence(ctx.rules, "agreement_two_parties" if len(parties) >= 2 else "agreement_one_party")
    if a.status == "planned":
        a.confidence = min(a.confidence, confidence(ctx.rules, "agreement_planned"))
    signing_bodies = _unique([o for _, o, _ in people if o])
    subject = clause.parties or (signing_bodies if len(signing_bodies) == 1 else [])
    return _one_per_partner(ctx, a, noun, subject, with_parties)


_VERB_DATE_GAP = re.compile(r"\s*(?:(?:in|on|at|during|last|this|back\s+in)\s+)?(?:the\s+)?")
# "A and B also inked a memorandum", "X has also signed agreements with": "also" before the signing verb
_ALSO = re.compile(r"\balso\s+(?:(?:have|has|had|jointly|formally|officially)\s+)*$", re.I)
_DEFINITE_OBJECT = re.compile(r"\b(?:the|this|that|these|those|its|their|our)\b", re.I)

# "Recently, X signed", "X has recently signed", "signed ... recently.": the signing is put some time before the news
_RECENTLY_OPENING = re.compile(r"\s*(?:Recently|Lately|Not\s+long\s+ago)\s*,")
_RECENTLY_BEFORE = re.compile(r"\b(?:recently|lately)\s+(?:(?:also|jointly|formally|officially)\s+)*$", re.I)
# "recently" ending the verb's own clause ("signed ... recently."), not one describing something else in it ("on the
# recently opened centre")
_RECENTLY_AFTER = re.compile(r"[^,;:]*?\b(?:recently|lately|not\s+long\s+ago)\s*(?:[.,;:!?)]|$)", re.I)


def _told_as_recent(text: str, verb: re.Match) -> bool:
    """'Recently, Beihang University signed a framework agreement ...', 'X has recently signed ...': a signing the
    text puts "recently" before the news is not dated by the news day (the text gives it no day)."""
    return bool(_RECENTLY_OPENING.match(text) or _RECENTLY_BEFORE.search(text, max(0, verb.start() - 40), verb.start())
                or _RECENTLY_AFTER.match(text, verb.end()))


def _told_as_another(text: str, verb: re.Match, noun: re.Match) -> bool:
    """'USTC and Chulalongkorn University also inked a memorandum of understanding': "also" before the verb and an
    indefinite object tell one more instrument than those reported before, even between the same parties (a
    definite one, "also signed the agreement", may be the one told before)."""
    return bool(_ALSO.search(text, max(0, verb.start() - 40), verb.start())) \
        and verb.end() <= noun.start() and not _DEFINITE_OBJECT.search(text, verb.end(), noun.start())


def _type_from_title(kind: str, title: str | None) -> str:
    """'an agreement on strategic cooperation', 'a cooperation agreement on the framework of ...': a cooperation
    agreement or partnership takes the more specific type its title names (the first of `_TYPE_WORDS` found)."""
    if title:
        for word, t in _TYPE_WORDS:
            if word in title.lower() and kind in ("cooperation_agreement", "partnership"):
                kind = t
    return kind


def _instrument_signers(clause: _SigningClause, noun: re.Match, seg_end: int) -> list[tuple]:
    """Who signed one instrument: everyone the sentence names as signing; beside sibling instruments, those named in
    the subject and in the instrument's own segment."""
    if not clause.siblings:
        return _unique_people(clause.signatories)
    start = clause.sent.start
    subject_people = [p for p in clause.signatories if p[3] < start + clause.governed[0][0].start()]
    seg_people = [p for p in clause.signatories if start + noun.start() <= p[3] < start + seg_end]
    return _unique_people(subject_people + seg_people)


def _instrument_parties(ctx: DocContext, clause: _SigningClause, noun: re.Match, seg_end: int,
                        with_parties: list[str], people: list[tuple], title_m: re.Match | None,
                        noun_type: dict[str, str]) -> list[str]:
    """The parties of one instrument: the subject's, those it is signed 'with', and the bodies its signers act for
    (not those of 'an agreement between A and B' signed by someone else); while fewer than two are found and the
    subject is not all of them, 'their' or 'both sides' before the noun, organisations after the noun, the two
    sides named before. A department speaks for its government; an instrument given an acronym is no party."""
    sent, text = clause.sent, clause.sent.text
    between = len(with_parties) >= 2 and _BETWEEN.match(text, noun.end(), seg_end)
    # "He signed an agreement between A and B": the instrument's own parties; the signer's body is not one
    parties = _unique(clause.parties + with_parties + ([] if between else [o for _, o, _ in people if o]))
    if len(parties) < 2 and _POSSESSIVE.search(text, max(0, noun.start() - 40), noun.start()):
        parties = _unique(parties + _the_two(ctx, sent))  # "since their first agreement": the two sides
    if len(parties) < 2 and not clause.complete:
        parties = _unique(parties + _named_after(ctx, sent, noun, seg_end, title_m))
    if len(parties) < 2 and not clause.complete:
        parties = _unique(parties + _the_two(ctx, sent))
    located = _org_locations(ctx, sent)
    parties = _unique([_governed_body(ctx, p) for p in parties])
    return [p for p in _most_specific(ctx, parties) if not _names_an_instrument(ctx, p, noun_type) and p not in located]


# "Tsinghua University Council", "the Board of Trustees of X": a governing body signs for the body it governs
_GOVERNING_BODY = re.compile(r"^(?:(?:Board\s+of\s+(?:Trustees|Directors|Governors|Regents)|Council|Senate|University\s+"
                             r"Council)\s+of\s+(?:the\s+)?(?P<of>.+)|(?P<body>.+?)\s+(?:Council|Senate|Board\s+of\s+"
                             r"(?:Trustees|Directors|Governors|Regents)|Board))$")


@derived
def _party_organ_of(rules: Rulebook) -> re.Pattern:
    """'CPC Leading Group of the Ministry of X', 'the Party Committee of Y University': a party organ within a body
    (`party_organs`) acts for that body."""
    organs = phrase_alternation(rules.rules["party_organs"])
    return re.compile(rf"^(?:(?:CPC|Communist\s+Party(?:\s+of\s+China)?)\s+(?:Leading\s+)?(?:Group|Committee)|"
                      rf"(?:CPC\s+)?(?:{organs}))\s+of\s+(?:the\s+)?(?P<of>.+)$|^(?P<body>.+?)\s+(?:{organs})$")


def _governed_body(ctx: DocContext, org_id: str) -> str:
    """The body a governing council or board, or a party organ within it, named as a party governs, when the
    document names that body too."""
    org = ctx.ents.orgs.get(org_id)
    m = (_GOVERNING_BODY.match(org.canonical_name) or _party_organ_of(ctx.rules).match(org.canonical_name)) \
        if org is not None else None
    if m is None:
        return org_id
    name = (m.group("of") or m.group("body")).lower()
    return next((o.organization_id for o in ctx.ents.orgs.values() if o.organization_id != org_id
                 and (o.canonical_name.lower() == name or name in (a.lower() for a in o.aliases))), org_id)


# "the São Paulo Research Foundation (FAPESP) of Brazil", "Fudan University in Shanghai": where the body is
_LOCATED_AFTER = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?,?\s*(?:of|in)\s+(?:the\s+)?")


def _org_locations(ctx: DocContext, sent: Sentence) -> set[str]:
    """The governments of places named as where an organisation is ("X (ACR) of Brazil"): not parties."""
    orgs = ctx.orgs_in(sent.start, sent.end)
    out: set[str] = set()
    for m in ctx.places_in(sent.start, sent.end):
        if any(o.end <= m.start and _LOCATED_AFTER.fullmatch(ctx.text, o.end, m.start) for o in orgs):
            out.update(ctx.actors_in(m.start, m.end))
    return out


def _named_after(ctx: DocContext, sent: Sentence, noun: re.Match, seg_end: int, title_m: re.Match | None) -> list[str]:
    """The organisations after an instrument noun in its segment, up to an aside about something else (", marking
    its twelfth X") or a witness cue (", in the presence of the Chinese ambassador to Y": the witnesses' bodies),
    except what its title names ("signed Agreement on the Confucius Institute")."""
    text = sent.text
    aside = _ASIDE.search(text, noun.end(), seg_end)
    witnessed = next((c for c in _find(ctx.rules, text, "witness_cues") if noun.end() <= c.start() < seg_end), None)
    tail_end = min([seg_end] + [m.start() for m in (aside, witnessed) if m is not None])
    in_title = set(ctx.actors_in(sent.start + title_m.start(1), sent.start + title_m.end(1))) if title_m else set()
    return [p for p in ctx.actors_in(sent.start + noun.end(), sent.start + tail_end) if p not in in_title]


def _instrument_status(rules: Rulebook, clause: _SigningClause, k: int) -> str:
    """'reported' for an instrument named as in force ("in accordance with") or a signing told in passing ("since
    the signing of their first agreement in 2016"), 'planned' where a plan cue stands at its verb, else 'signed'."""
    text = clause.sent.text
    noun, verb = clause.governed[k]
    if noun in clause.referred:
        return "reported"
    if _FIRST_TO_SIGN.search(text, max(0, verb.start() - 80), verb.start()):
        return "reported"  # "Hungary was the first European country to sign ...": a signing told as history
    if _governs_plan(rules, text, verb):
        return "planned"
    return "reported" if rule_regex(rules, "reported_cues").search(text, 0, noun.start()) else "signed"


_FIRST_TO_SIGN = re.compile(r"\b(?:was|were|became|is|are)\s+(?:also\s+)?(?:the|among\s+the)\s+(?:first|second|third|"
                            r"only|last|earliest)\b[^,;:]{0,60}?\bto\s+$", re.I)


# A stand-in for the verb of a list head or of "in accordance with the X": an empty match at the sentence start
_NO_VERB = re.compile(r"")
# "Hong Kong will continue to join hands with Shenzhen": a partnership to come, not one made
_NOT_YET = re.compile(r"\b(?:will|would|shall|could|can|should|may|might|to|continue\s+to|continues\s+to)\s+"
                      r"(?:\w+ly\s+|also\s+|further\s+)?$", re.I)
_POSSESSIVE = re.compile(r"\b(?:their|both\s+sides['’]|the\s+two\s+sides['’])\s+(?:[\w-]+\s+){0,3}$", re.I)
# "has in recent years entered into", "have, over the past decade, signed": an adverbial phrase may stand between
_PERFECT = re.compile(r"\b(?:has|have|had)\s*,?\s+(?:(?:in|over|during|within|across|throughout|for|since)\s+(?:the\s+)?"
                      r"(?:[\w-]+\s+){0,3}?(?:years?|decades?|months?|time|period|\d{4})\s*,?\s+)?"
                      r"(?:\w+\s+){0,2}?(?:signed|inked|concluded|reached|sealed|entered\s+into|"
                      r"established|forged|struck)\b", re.I)
_SINCE_YEAR = re.compile(r"\bsince\s+(?:19|20)\d\d\b", re.I)


def _tight_nouns(rules: Rulebook, text: str, nouns: list[re.Match], listed: bool) -> list[tuple[re.Match, re.Match]]:
    """Work plans, roadmaps, documents: instruments only as the object of a signing verb just before them
    ("signed two work plans", "the signing ceremony of a document"), or as a line of a list of instruments."""
    if not listed and not rule_regex(rules, "tight_signing_verbs").search(text):
        return []
    found = [m for m in rule_regex(rules, "tight_agreement_nouns").finditer(text)
             if not any(n.start() <= m.start() < n.end() or m.start() <= n.start() < m.end() for n in nouns)
             and not _NOT_A_NOUN.search(text, max(0, m.start() - 12), m.start())]
    if not found:
        return []
    verbs = _find(rules, text, "tight_signing_verbs")
    out = []
    for m in found:
        if _COUNTED.search(text[:m.start()]) and _PLURAL.search(m.group(0)):
            continue  # "signed eleven documents": counted, listed one by one elsewhere
        near = [v for v in verbs if v.end() <= m.start() and len(text[v.end():m.start()].split()) <= 3]
        if near:
            out.append((m, near[-1]))
        elif listed:
            out.append((m, _NO_VERB.match(text)))
    return out


# "renewed the memorandum of understanding and two work plans": a small count of instruments after the last one
_COUNT_AFTER = re.compile(r"\s*,?\s+(?:and|as\s+well\s+as|plus)\s+(?:the\s+)?(two|three|four|five|[2-5])\s+", re.I)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}


def _counted_siblings(rules: Rulebook, text: str, governed: list) -> list[tuple[re.Match, re.Match]]:
    """'renewed the Memorandum of Understanding and two work plans': a counted plural coordinated with the last
    instrument a verb governs is that many more instruments under the same verb (the noun once per instrument)."""
    noun, verb = governed[-1]
    count = _COUNT_AFTER.match(text, noun.end())
    if count is None:
        return []
    nouns = rule_regex(rules, "tight_agreement_nouns")
    plural = nouns.match(text, count.end()) or kind_regexes(rules, "agreement_nouns")[0].match(text, count.end())
    if plural is None or not _PLURAL.search(plural.group(0)):
        return []
    n = _COUNTS.get(count.group(1).lower()) or int(count.group(1))
    return [(plural, verb)] * n


def _background(rules: Rulebook, text: str, nouns: list[re.Match]) -> bool:
    """'has signed cooperation agreements with more than 30 universities since 2015': a tally of plural
    instruments in the perfect tense, counted loosely or over a span of time, is background, not a record."""
    if not any(_PLURAL.search(n.group(0)) for n in nouns):
        return False
    perfect = _PERFECT.search(text)
    if perfect is None:
        return False
    return bool(_SINCE_YEAR.search(text) or rule_regex(rules, "background_cues").search(text, perfect.start()))


def _referenced(rules: Rulebook, text: str, noun: re.Match) -> bool:
    """'in accordance with the Co-operation Arrangement between A and B': an agreement named as in force. Only a
    named instrument (capitalised) or one given its parties is one; a bare 'in accordance with the agreement, ...'
    points back to an agreement already reported."""
    if _reference_regex(rules).search(text, max(0, noun.start() - 60), noun.start()) is None:
        return False
    return noun.group(0)[:1].isupper() or _PARTIES_NEXT.match(text, noun.end()) is not None


# "The Memorandum of Understanding on Cooperation in X between A and B ... enriched ...": a named instrument
# opening the sentence with its parties, the subject of something other than a signing
_OPENING_THE = re.compile(r"\s*(?:The\s+)?$")
_TITLED_BETWEEN = re.compile(r"(?:\s+(?:on|of|for|in)\s+(?:[A-Z][\w'’-]*|and|of|in|on|for|the|&)(?:\s+(?:[A-Z][\w'’-]*|"
                             r"and|of|in|on|for|the|&)){0,12})?\s+between\s+(?:the\s+)?[A-Z]")


def _named_between(text: str, noun: re.Match) -> bool:
    """'The Memorandum of Understanding on Cooperation in Science Parks between A and B (MoU) ... enriched ...': a
    capitalised instrument named with its parties as the subject of its sentence is a record though no verb signs it."""
    return noun.group(0)[:1].isupper() and _OPENING_THE.fullmatch(text, 0, noun.start()) is not None \
        and _TITLED_BETWEEN.match(text, noun.end()) is not None


# "agreements with multiple world-class universities", "MoUs with several partners": partners counted, not named
_UNNAMED_PARTNERS = re.compile(r"\s+(?:\w+\s+){0,3}?with\s+(?:multiple|several|many|various|numerous|a\s+number\s+of|"
                               r"a\s+series\s+of|dozens\s+of|a\s+dozen|some|other)\s+(?:[\w-]+\s+){0,3}?"
                               r"(?:universities|institutions|institutes|partners|companies|enterprises|organi[sz]ations|"
                               r"countries|bodies|schools|colleges)\b", re.I)
# "the first MoU, between A and B": the instrument is given its parties right after it
_PARTIES_NEXT = re.compile(r"\s*,?\s*(?:between|among|with)\s")


def _ordinal_reference(rules: Rulebook, text: str, noun: re.Match) -> bool:
    """'The first MoU, between A and B, sets out ...', 'The other agreement, with C, covers ...': one of a counted
    set of instruments singled out by an ordinal and given its parties (a record with no signing verb)."""
    return not _PLURAL.search(noun.group(0)) and _ordinal_regex(rules).search(text, max(0, noun.start() - 60),
                                                                         noun.start()) is not None \
        and _PARTIES_NEXT.match(text, noun.end()) is not None


@derived
def _ordinal_regex(rules: Rulebook) -> re.Pattern:
    ordinals = phrase_alternation(rules.rules["ordinal_references"])
    return re.compile(rf"(?:^|[,;:]\s*|\b(?:in|under)\s+)the\s+(?:{ordinals})"
                      r"\s+(?:[\w-]+\s+){0,2}$", re.I)


_BRACKET_OPEN = re.compile(r"\s*\(\s*")
# "CHONGQING DEAL -- MPU will sign ...": the capitals of a run-in heading, before a dash
_HEADING_BEFORE = re.compile(r"\s*(?:[A-Z0-9][A-Z0-9&'’.-]*\s+){0,6}")
_HEADING_AFTER = re.compile(r"(?:\s+[A-Z0-9][A-Z0-9&'’.-]*){0,6}\s*(?:—|–|--|-)\s")


def _uncounted(text: str, nouns: list[re.Match]) -> list[re.Match]:
    """The nouns that can stand for one instrument: not a counted plural ("two memoranda of understanding") nor its
    abbreviation in brackets ("(MoUs)"), not a word of another use ("a great deal of"), not a run-in heading."""
    out, counted_end = [], None
    for n in nouns:
        if _COUNTED.search(text[:n.start()]) and _PLURAL.search(n.group(0)):
            counted_end = n.end()
            continue
        if counted_end is not None and _BRACKET_OPEN.fullmatch(text, counted_end, n.start()):
            continue  # "two memoranda of understanding (MoUs)": the abbreviation of the counted set
        if _NOT_A_NOUN.search(text, max(0, n.start() - 12), n.start()):
            continue
        if n.group(0).isupper() and _HEADING_BEFORE.fullmatch(text, 0, n.start()) and _HEADING_AFTER.match(text, n.end()):
            continue  # "CHONGQING DEAL -- ...": a label of the paragraph, not an instrument
        out.append(n)
    return out


# "the two agreements", "these three MoUs": a count of instruments told before, not a set signed here; "as many
# as 54 MoUs", "more than 20 agreements": a tally
_DEFINITE_COUNT = re.compile(r"\b(?:the|these|those|both|its|their|all|of|as\s+many\s+as|more\s+than|over|nearly|"
                             r"almost|about|around|some|up\s+to)\s+$", re.I)
# "signed eleven documents, among them:", "three agreements, including ...", "three MoUs with each other": a count
# whose members the text lists, or pairs among a group
_MEMBERS_LISTED = re.compile(r"[^.;]*?(?::|\b(?:among\s+them|among\s+which|including|namely|as\s+follows|"
                             r"respectively|each\s+other|one\s+another)\b)", re.I)


def _counted_sets(text: str, nouns: list[re.Match]) -> list[re.Match]:
    """'Romania and Chile signed two nuclear cooperation agreements', 'X signed three MoUs with A, B and C': a counted
    plural instrument whose members the text does not list is told once, for its parties (one per partner for a list
    of partners); not a count of instruments told before ("the two agreements")."""
    out = []
    for n in nouns:
        count = _COUNTED.search(text, 0, n.start())
        if count is None or not _PLURAL.search(n.group(0)) or _DEFINITE_COUNT.search(text, 0, count.start()) \
                or _MEMBERS_LISTED.match(text, n.end()):
            continue
        out.append(n)
    return out


@derived
def _reference_regex(rules: Rulebook) -> re.Pattern:
    return re.compile(rf"\b(?:{phrase_alternation(rules.rules['reference_cues'])})\s+(?:the|this|that|their|its)\s+"
                      r"(?:[\w-]+\s+){0,3}$", re.I)


def _list_head(ctx: DocContext, sent: Sentence, head, has_candidates: bool):
    """The sentence that opens a list of instruments ("the two sides signed eleven documents, among them:"),
    with its parties; kept while the lines after it name instruments."""
    text = sent.text.rstrip()
    if text.endswith(":") and rule_regex(ctx.rules, "list_openers").search(text) \
            and (verb := rule_regex(ctx.rules, "signing_verbs").search(text)):
        subject_end = sent.start + verb.start()
        return sent, (_both_sides(ctx, sent, subject_end)[0] or ctx.actors_in(sent.start, subject_end)
                      or _the_two(ctx, sent))
    if head is not None and has_candidates:
        return head
    return None


# The rest of a fronted adverbial, to its comma
_FRONTED_END = re.compile(r"[^,;:]{0,120},\s*")


def _subject_start(rules: Rulebook, text: str, local_end: int) -> int:
    """'The minister praised X for reaching an agreement with Y': the subject of the signing starts after
    'for'; 'With the support of X, Y signed ...': after the fronted phrase (a local offset; 0 when nothing resets
    it)."""
    fronted = rule_regex(rules, "fronted_adverbials").match(text)
    comma = _FRONTED_END.match(text, fronted.end()) if fronted else None
    if comma is not None and comma.end() < local_end:  # "With the support of X, Y signed ...": Y onwards
        return comma.end()
    cue = None
    for cue in rule_regex(rules, "subject_reset_cues").finditer(text, 0, local_end):
        pass
    if cue is None:
        return 0
    return cue.end() if re.search(r"\bfor\b", text[cue.end():local_end]) else 0


_PRONOUN = re.compile(r"(?:^|[,;]\s*|\b(?:since|after|when|as|and)\s+)(it|they)\s+(?:\w+ly\s+|also\s+|have\s+|has\s+|"
                      r"had\s+|then\s+|later\s+|jointly\s+)*$", re.I)


def _pronoun_subject(ctx: DocContext, sent: Sentence, subject_end: int) -> list[str]:
    """'It also inked ...', 'since they signed ...': the pronoun before the signing verb stands for what it
    refers to: 'they', the two sides named before (or the two of that kind the sentence names); 'it', the
    organisation the sentence before is about (its first)."""
    m = _PRONOUN.search(sent.text, 0, subject_end - sent.start)
    if m is None:
        return []
    if m.group(1).lower() == "they":
        return _the_two(ctx, sent) or _last_orgs(ctx, sent.start, 2)
    k = ctx.sentence_index(sent.start, 0)
    for prev in ctx.sentences[max(0, k - 2):k][::-1]:
        actors = ctx.actors_in(prev.start, prev.end)
        if actors:
            return actors[:1]
    return []


def _last_orgs(ctx: DocContext, pos: int, n: int) -> list[str]:
    """The last `n` organisations named before `pos`, in text order."""
    out: list[str] = []
    for mention in reversed(ctx.orgs_in(max(0, pos - 3000), pos)):
        if mention.entity_id not in out:
            out.append(mention.entity_id)
        if len(out) == n:
            break
    return out[::-1] if len(out) == n else []


_APPOSITIVE = re.compile(r"\s*,\s*(?:[\w.'’()-]+\s+){0,6}?(?:of|at|from)\s+(?:the\s+)?$")


def _appositive_orgs(ctx: DocContext, sent: Sentence) -> set[str]:
    """'Mr X, Director-General of the Department of Y, and ...': an organisation named in a person's title
    says whom the person serves, not that the text names it as a party."""
    people = ctx.people_in(sent.start, sent.end)
    if not people:
        return set()
    out = set()
    for m in ctx.orgs_in(sent.start, sent.end):
        if any(p.end <= m.start and _APPOSITIVE.fullmatch(ctx.text, p.end, m.start) for p in people):
            out.add(m.entity_id)
    return out

def _one_per_partner(ctx: DocContext, a: Agreement, noun: re.Match, subject: list[str],
                     partners: list[str]) -> list[Agreement]:
    """'UM signed agreements with A, B and C', 'Agreements were signed with A and B': a plural instrument with a list
    of partners is one agreement with each of them, and the subject's (when it names one) with each; its one signer
    signed each, several signers are not said to have signed which."""
    partners = [p for p in partners if p not in subject]
    if _PLURAL.search(noun.group(0)) and len(a.parties) >= 3 and not a.signatories:
        pairs = _pairs_across_countries(ctx, a.parties)
        if pairs:  # "MoUs were signed by A1, A2 and A3 of Vietnam and B of China": each A with B
            return [dataclasses.replace(a, parties=pair, witnesses=[], named=set(pair), group=a.sentence.start,
                                        extra_sentences=[], ceremony_sentences=[], per_partner=True) for pair in pairs]
    if not _PLURAL.search(noun.group(0)) or len(subject) > 1 or len(partners) < 2:
        return [a]
    if not subject and _RETOLD.search(a.sentence.text, max(0, noun.start() - 40), noun.start()):
        return [a]  # "Through the recently signed agreements with A and B, ...": those told before, if any
    out = []
    for p in partners:
        parties = [*subject, p]
        one = dataclasses.replace(a, parties=parties, signatories=a.signatories if len(a.signatories) == 1 else [],
                                  witnesses=[],
                                  named=set(parties), group=a.sentence.start, extra_sentences=[], ceremony_sentences=[],
                                  per_partner=True)
        out.append(one)
    return out


def _pairs_across_countries(ctx: DocContext, parties: list[str]) -> list[list[str]]:
    """Parties of a plural instrument from two countries, one of them with a single party: that party's pair with
    each of the others (bilateral instruments between one side and several bodies of the other)."""
    by_country: dict[str, list[str]] = {}
    for p in parties:
        org = ctx.ents.orgs.get(p)
        if org is None or not org.country_code:
            return []
        by_country.setdefault(org.country_code, []).append(p)
    if len(by_country) != 2:
        return []
    one, many = sorted(by_country.values(), key=len)
    if len(one) != 1 or len(many) < 2:
        return []
    return [[one[0], p] for p in many]


# A group that signs, named by the sentence's subject ("The delegation also signed ...", "During the visit, the
# visiting delegation ..."): not followed by "of X" or "from X", which name it.
_GROUP_SUBJECT = re.compile(r"(?:(?:During|On|In|After|While)\b[^,;:]{0,80},\s*)?(?:the|this|that|our|their)\s+"
                            r"(?:[\w-]+\s+){0,2}?(?:delegation|delegates|visitors|mission)\b(?!\s+(?:of|from)\b)", re.I)
# Between an instrument noun and a participle that names its signers: "agreements signed by", "the MoU inked by"
_BY_AGENT = re.compile(r"\s*,?\s*(?:(?:recently|jointly|newly|already)\s+)?(?:signed|inked|concluded|sealed)\s+(?:jointly\s+)?by\s+")


def _reduced_relative_agents(ctx: DocContext, sent: Sentence, first: tuple[re.Match, re.Match]) -> list[str]:
    """'thanks to a series of agreements signed by A and B': the bodies after 'by' where the signing verb only
    qualifies the noun (the sentence's subject is someone else)."""
    noun, verb = first
    by = _BY_AGENT.match(sent.text, noun.end())
    if by is None or verb.start() < noun.end():
        return []
    return ctx.actors_in(sent.start + by.end(), _clause_end(sent, by.end()))


# Before a signing verb that is the second of a subject's predicates: "He visited A, signed ...", "and signed"
_COORDINATION = re.compile(r"(?:,|\band)\s+(?:(?:then|also|later|finally|jointly|subsequently)\s+)*$")
# An opening clause before the subject ("During the visit, ...", "On 3 May, ...")
_OPENING_CLAUSE = re.compile(r"(?:While|Whilst|When|During|On|After|In|At)\b[^,;:]{0,140},\s*")
_HE_SHE = re.compile(r"(?:He|She)\s+(?:(?:also|then|later|first)\s+)?(?=[a-z]+(?:ed|s)\b)")
_PERSON_PREDICATE = re.compile(r"(?:\s*,[^,;:]{0,120},|\s+(?:of|from)\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s*|"
                               r"(?:of|for|and|the|de)\s+|\([A-Z][\w&-]{1,10}\)\s*){1,12}?)?\s+"
                               r"(?:(?:also|then|later|first)\s+)?(?=[a-z]+(?:ed|s)\b)")


def _person_subject(ctx: DocContext, sent: Sentence, subject_end: int) -> tuple[str | None, int] | None:
    """'He visited A, signed an agreement with B', 'Prof. X of Y toured A and signed ...': a person (or 'he', the
    person named last before) is the subject of a signing verb coordinated with an earlier predicate. The body the
    person acts for, and where that earlier predicate starts (what it names is not a subject)."""
    local_end = subject_end - sent.start
    if not _COORDINATION.search(sent.text, 0, local_end):
        return None
    opening = _OPENING_CLAUSE.match(sent.text)
    start = opening.end() if opening else 0
    pronoun = _HE_SHE.match(sent.text, start)
    if pronoun is not None:
        before = ctx.people_in(max(0, sent.start - 1500), sent.start)
        if not before:
            return None
        return ctx.person_body(before[-1].entity_id), sent.start + pronoun.end()
    first = next((p for p in ctx.people_in(sent.start + start, subject_end)), None)
    if first is None or first.start != sent.start + start:
        return None
    gap = _PERSON_PREDICATE.match(ctx.text, first.end, subject_end)
    if gap is None:
        return None
    return ctx.person_body(first.entity_id) or _on_behalf_of(ctx, gap.end(), subject_end), gap.end()


_ON_BEHALF = re.compile(r"\bon\s+behalf\s+of\s+(?:the\s+)?$", re.I)


def _on_behalf_of(ctx: DocContext, start: int, end: int) -> str | None:
    """'X attended the meeting on behalf of Y, and signed ...': the body the earlier predicate says X acts for."""
    return next((m.entity_id for m in ctx.orgs_in(start, end)
                 if _ON_BEHALF.search(ctx.text, max(start, m.start - 30), m.start)), None)


# The partners of a signing named before: "with them", "with these five universities", "with the three companies".
_WITH_REFERENCE = re.compile(r"\bwith\s+(?:(them)\b|(?:these|those|the|all|all\s+the|each\s+of\s+the)\s+(?:(\d+|two|three|"
                             r"four|five|six|seven|eight|nine|ten)\s+)?(universities|institutions|companies|enterprises|"
                             r"institutes|cities|provinces|partners|organi[sz]ations)\b)", re.I)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_REFERENCE_BACK = 3  # sentences back in which "these universities" looks for the list they are


def _referred_partners(ctx: DocContext, clause: _SigningClause, noun: re.Match, seg_end: int) -> list[str]:
    """'signed agreements with them', 'signed MoUs with these five universities': the partners named before, the
    bodies the subject dealt with earlier in the sentence ("visited A and B and signed ... with them", "... with
    these universities"), else the last list of two or more of that kind (as many as counted) in the sentences
    before."""
    sent = clause.sent
    m = _WITH_REFERENCE.search(sent.text, noun.end(), seg_end)
    if m is None or m.start() - noun.end() > 60:
        return []
    if m.group(1):  # "them": the bodies the subject dealt with first in the sentence
        return clause.objects if len(clause.objects) >= 2 else []
    count = m.group(2)
    n = int(count) if count and count.isdigit() else _COUNTS.get((count or "").lower())
    kinds = _KIND_TYPES.get((m.group(3) or "").lower())
    dealt = [p for p in clause.objects if p not in clause.parties and (kinds is None or ctx.org(p).org_type in kinds)]
    if len(dealt) >= max(2, n or 0):  # "visited A, B and C and renewed agreements with the partners": A, B and C
        return dealt[-n:] if n else dealt
    at = ctx.sentence_index(sent.start, 0)
    for prev in reversed(ctx.sentences[max(0, at - _REFERENCE_BACK):at]):
        listed = [p for p in ctx.actors_in(prev.start, prev.end) if p not in clause.parties
                  and (kinds is None or ctx.org(p).org_type in kinds)]
        if len(listed) >= max(2, n or 0):
            return listed[-n:] if n else listed
    return []


# Before a plural instrument told again: "the (recently signed) agreements", "these agreements"
_RETOLD = re.compile(r"\b(?:the|these|those|such)\s+(?:(?:recently|newly|previously|already|earlier)\s+)?"
                     r"(?:(?:signed|inked|concluded|reached)\s+)?(?:[\w-]+\s+)?$", re.I)
_THE_TWO = re.compile(r"\b(?:the two|both)\s+(universities|institutions|sides|parties|cities|provinces|"
                      r"governments|companies|organi[sz]ations|countries|nations)\b", re.I)
_STATES = ("countries", "nations")  # "the two countries": the states last named, by their governments
_STATES_BACK = 3000  # characters before "the two countries" in which the two are named
_KIND_TYPES = {"universities": ("university",), "cities": ("government",), "provinces": ("government",),
               "enterprises": ("enterprise",), "institutes": ("research_institute",),
               "governments": ("government",), "companies": ("enterprise",)}


# "Both sides exchanged views on X and thus signed ...": the sides are the subject of both verbs
_COORDINATED_PREDICATE = re.compile(r"\s+[a-z]+ed\b[^;:,]{0,200}?\band\s+(?:(?:thus|then|also|jointly|finally)\s+)?$")
_SUBJECT_GAP = re.compile(r"\s*(?:(?:have|has|had|also|then|jointly|formally|officially|finally|today|later|"
                          r"subsequently)\s+)*$", re.I)


def _both_sides(ctx: DocContext, sent: Sentence, subject_end: int) -> tuple[list[str], bool]:
    """'..., both sides signed the agreement': the subject is the last two parties of that kind named before it
    (in the sentence, else the visitor and the host of a visit reported in the paragraph, else the last two
    named before it), not every organisation the sentence mentioned on the way. With it, whether that is all
    the parties (a visit frame names them)."""
    local_end = subject_end - sent.start
    m = _THE_TWO.search(sent.text, max(0, local_end - 40), local_end)
    if m is None or not (_SUBJECT_GAP.fullmatch(sent.text, m.end(), local_end)
                         or _COORDINATED_PREDICATE.fullmatch(sent.text, m.end(), local_end)):
        return [], False
    if m.group(1).lower() in _STATES:
        states = _two_states(ctx, sent.start + m.start())
        return states, len(states) == 2
    kinds = _KIND_TYPES.get(m.group(1).lower())
    last: list[str] = []  # nearest first
    for x in sorted(ctx.orgs_in(sent.start, sent.start + m.start()) + ctx.places_in(sent.start, sent.start + m.start()),
                    key=lambda x: -x.start):
        last += [p for p in ctx.actors_in(x.start, x.end)
                 if p not in last and (kinds is None or ctx.org(p).org_type in kinds)]
        if len(last) >= 2:
            return last[1::-1], False
    if kinds is None:
        visit = _visit_sides(ctx, sent)
        if visit:
            return visit, True
    return _the_two(ctx, sent), False


# Where a visit went: "During the visit to X", "visited X", and a paragraph opening "In X," / "At X,"
_VISITED = re.compile(r"\b(?:visit(?:ed|ing|s)?|visit\s+to|trip\s+to)\s+(?:the\s+)?$", re.I)
_PARAGRAPH_OPENING = re.compile(r"^\s*(?:In|At)\s+(?:the\s+)?$")


def _visit_sides(ctx: DocContext, sent: Sentence) -> list[str]:
    """'During the visit to X, ... both sides signed': the host is the organisation the paragraph's visit went
    to (the last named), the visitor the organisation named before the first visit of the document, else the body
    the delegation reported before the signing comes from ("A delegation from Y paid a visit to X. ... The two
    parties signed")."""
    k = ctx.sentence_index(sent.start)
    if k is None:
        return []
    para = [s for s in ctx.sentences[max(0, k - 8):k + 1] if s.paragraph == sent.paragraph]
    para_start = para[0].start
    host = None
    for m in ctx.orgs_in(para_start, sent.end):
        if _VISITED.search(ctx.text, max(para_start, m.start - 30), m.start) \
                or _PARAGRAPH_OPENING.match(ctx.text[para_start:m.start]):
            host = m.entity_id
    if host is None:
        return []
    visit_rx = rule_regex(ctx.rules, "visit_verbs", "delegation_nouns")
    for s in ctx.sentences[:k + 1]:
        cue = visit_rx.search(s.text)
        if cue is None:
            continue
        visitors = [p for p in ctx.actors_in(s.start, s.start + cue.start())
                    if ctx.footprint(p) != ctx.footprint(host)]
        if not visitors:
            origin = group_origin(ctx, sent.start)
            visitors = [origin] if origin and ctx.footprint(origin) != ctx.footprint(host) else []
        return [visitors[0], host] if visitors else [host]
    return [host]


def _the_two(ctx: DocContext, sent: Sentence) -> list[str]:
    """'signed by the two universities', 'both sides signed': the last two organisations of that kind
    named before the sentence."""
    m = _THE_TWO.search(sent.text)
    if not m:
        return []
    if m.group(1).lower() in _STATES:
        return _two_states(ctx, sent.start + m.start())
    kinds = _KIND_TYPES.get(m.group(1).lower())
    out: list[str] = []
    for person in ctx.people_in(sent.start, sent.start + m.start()):
        # "President Tang and UWA Vice-Chancellor Amit Chakma signed ... between the two universities": the bodies of
        # the two people the sentence names first
        body = ctx.person_body(person.entity_id)
        if body and body not in out and (kinds is None or ctx.org(body).org_type in kinds):
            out.append(body)
    if len(out) == 2:
        return out
    out = []
    for mention in reversed(ctx.orgs_in(0, sent.start)):
        org = ctx.org(mention.entity_id)
        if (kinds is None or org.org_type in kinds) and mention.entity_id not in out:
            out.append(mention.entity_id)
        if len(out) == 2:
            return out[::-1]
    return []


def _two_states(ctx: DocContext, pos: int) -> list[str]:
    """'During the visit to Papua New Guinea, the two countries signed ...', 'Both nations have signed an agreement':
    the governments of the last two countries named before `pos` (in text order), else none."""
    named: dict[str, Mention] = {}  # country -> its last mention, nearest first
    for m in reversed(ctx.places_in(max(0, pos - _STATES_BACK), pos)):
        ref = ctx.ents.place_refs.get(m.entity_id)
        if ref is not None and ref.place_type == "country" and m.entity_id not in named:
            named[m.entity_id] = m
        if len(named) == 2:
            return _unique([ctx.government_for_place(x) for x in reversed(named.values())])
    return []


def _signers_only(ctx: DocContext, sent: Sentence) -> list[Agreement]:
    """'Signing for the two sides were A and B.', 'A and B witnessed the signing.', 'A and B put pen to paper.': who
    signed or witnessed the agreement just reported."""
    cue = rule_regex(ctx.rules, "signatory_list_cues").search(sent.text) \
        or rule_regex(ctx.rules, "objectless_signing_verbs").search(sent.text) \
        or ("signing" in sent.text  # (a cheap test first: most sentences name no signing)
            and next((c for c in _CAPTION_CUE.finditer(sent.text) if _caption_signers(sent.text, c) is not None),
                     None)) \
        or next((c for c in rule_regex(ctx.rules, "witness_sentence_cues").finditer(sent.text)
                 if _lists_names(sent.text, c)), None)
    return _role_report(ctx, sent, cue) if cue else []


# A copular witness cue ("The witnesses were", "Witnesses included") lists the witnesses right after it
_COPULAR_CUE = re.compile(r"\b(?:were|included)$", re.I)
_NAMES_NEXT = re.compile(r"\s*:?\s*(?:the\s+)?[A-Z]")


def _lists_names(text: str, cue: re.Match) -> bool:
    """Whether a witness cue can name witnesses: any cue but a copular one followed by something other than names
    ("The witnesses were impressed, said X", "Witnesses included a number of students, according to Y")."""
    return not _COPULAR_CUE.search(cue.group(0)) or bool(_NAMES_NEXT.match(text, cue.end()))


def _role_report(ctx: DocContext, sent: Sentence, cue: re.Match) -> list[Agreement]:
    """A report with no party of its own: who the sentence says signed or witnessed, from its role cue."""
    signers, witnesses = _roles(ctx, sent, cue)
    if not signers and not witnesses:
        return []
    return [Agreement("cooperation_agreement", True, sent, [], signatories=_unique_people(signers),
                      witnesses=_unique_people(witnesses))]


_THE_NOUN = re.compile(r"(?:^|\b)(?:The|This|the|this)\s+$")


def _witnessed_instrument(ctx: DocContext, sent: Sentence, nouns: list[re.Match]) -> list[Agreement]:
    """'The agreement, which was witnessed by A and B, will ...', 'Signed by A and B, the agreement will ...': who
    witnessed (or signed) the instrument the sentence refers back to, with no signing verb of its own (a cue after
    the noun, or one opening the sentence before it)."""
    noun = next((n for n in nouns if _THE_NOUN.search(sent.text, max(0, n.start() - 6), n.start())), None)
    if noun is None:
        return []
    cue = next((c for c in _find(ctx.rules, sent.text, "witness_cues", "signed_by_cues")
                if c.start() >= noun.end() or (c.start() == 0 and c.end() < noun.start())), None)
    return _role_report(ctx, sent, cue) if cue is not None else []


# "Prof. X (6th from left)", "Y, second from right": a photo position, not the caption's "From left: A and B sign"
_POSITION = re.compile(r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|far|"
                       r"extreme|centre|center)\s+$", re.I)


@derived
def _watching(rules: Rulebook) -> re.Pattern:
    """'with C and D attending the ceremony': group 1 holds the people who watch."""
    return re.compile(rf"\bwith\s+(.+?)\s+(?:{phrase_alternation(rules.rules['witness_absolutes'])})\b")


def _denied(rules: Rulebook, text: str, verb: re.Match) -> bool:
    """'have not yet signed', 'has never signed', 'is yet to sign': a negation at the verb, with at most adverbs
    between, denies the signing ("not only signed ... but also" and a denial later in the clause do not)."""
    return any(_DENIAL_GAP.fullmatch(text, c.end(), verb.start())
               for c in rule_regex(rules, "negation_cues").finditer(text, max(0, verb.start() - 40), verb.start()))


# What may stand between a negation and the signing verb it denies: a space and up to two adverbs
_DENIAL_GAP = re.compile(r"\s+(?:(?:yet|formally|officially|already|been|ever|actually|so\s+far)\s+){0,2}", re.I)


def _governs_plan(rules: Rulebook, text: str, verb) -> bool:
    """'will sign', 'are expected to sign', 'plan to ink': a plan when the cue stands at the signing
    verb, not anywhere in the sentence ("signed an MoU ..., with plans to exchange students")."""
    return any(c.start() <= verb.start() + 1 and c.end() >= verb.start() - 25
               and not (c.group(0).lower().startswith("to ") and _past_stay(rules, text, c.start()))
               for c in _find(rules, text, "planned_cues"))


# Between a past stay and 'to sign', words that make the signing no purpose of that stay: a later tense, a clause of
# its own ("visited X last year, hopes to sign", "has never visited X, but plans to sign") or a purpose short of the
# signing ("visited X to prepare to sign", "in an effort to sign", "hoping to sign")
_STAY_GAP_BREAK = re.compile(r"\b(?:will|would|shall|is|are|but|to|hopes?|hoping|wants?|wanting|wish(?:es)?|wishing|"
                             r"seeks?|seeking|plans?|planning|aims?|aiming|intends?|intending|effort|attempt|bid)\b", re.I)


def _past_stay(rules: Rulebook, text: str, pos: int) -> re.Match | None:
    """'X was in Guangzhou recently to sign ...', 'X visited Y on 3 May to sign ...': a past stay before a purpose
    clause at `pos`, with nothing between them that tells the signing of another time or aim (`_STAY_GAP_BREAK`)."""
    stay = None
    for stay in rule_regex(rules, "past_stay_cues").finditer(text, max(0, pos - 150), pos):
        pass
    if stay is None or _STAY_GAP_BREAK.search(text, stay.end(), pos):
        return None
    return stay


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


def _names_an_instrument(ctx: DocContext, org_id: str, noun_type: dict[str, str]) -> bool:
    """'A Memorandum of Understanding (MOU) was signed': an instrument given an acronym is not a party, nor is a
    policy named like a body ("the Belt and Road Initiative")."""
    org = ctx.ents.orgs.get(org_id)
    return org is not None and (org.canonical_name.lower() in noun_type or _POLICY_NAME.search(org.canonical_name))


# "the Belt and Road Initiative", "the Made in China 2025 Strategy": a policy, not a body that signs
_POLICY_NAME = re.compile(r"\b(?:Initiative|Strategy)$")


def _listed_instruments(text: str, governed: list, noun_type: dict[str, str], generic: frozenset[str]) -> list:
    """The first governed noun, and each later one listed beside it as a further instrument (`_SIBLING`). A bare
    first noun gives way to a later specific one it is said of ("The deal follows a framework agreement X reached
    with Y"): the specific noun names the instrument the sentence reports."""
    out = governed[:1]
    for noun, verb in governed[1:]:
        if noun is out[-1][0] or _SIBLING.search(text, out[-1][0].end(), noun.start()) \
                or (_ELLIPSIS_WORD.fullmatch(noun.group(0)) and _ELLIPSIS_LEAD.search(text, out[-1][0].end(), noun.start())):
            out.append((noun, verb))
        elif len(out) == 1 and _specific_after_generic(text, out[0][0], noun, noun_type, generic):
            out = [(noun, verb)]
    return out


_INDEFINITE_BEFORE = re.compile(r"\b(?:an?|one)\s+(?:[\w-]+\s+){0,2}$", re.I)
_PURPOSE_BETWEEN = re.compile(r"\b(?:to|for|of|under|in\s+order\s+to)\s", re.I)


def _specific_after_generic(text: str, first: re.Match, later: re.Match, noun_type: dict[str, str],
                            generic: frozenset[str]) -> bool:
    """'The deal follows a framework agreement ...': a bare noun, then an instrument of a named type with its own
    indefinite article, and no purpose or relation between them ("an agreement to set up a cooperation scheme",
    "an agreement under the framework agreement" keep the first)."""
    first_text, later_text = (re.sub(r"\s+", " ", m.group(0).lower()) for m in (first, later))
    if first_text not in generic or later_text in generic or noun_type.get(later_text) in (None, "partnership"):
        return False
    return _INDEFINITE_BEFORE.search(text, first.end(), later.start()) is not None \
        and _PURPOSE_BETWEEN.search(text, first.end(), later.start()) is None


def _clause_end(sent: Sentence, local_pos: int) -> int:
    m = re.search(r"[,;]|\b(?:to|which|who|resulting|in order|with a view)\b", sent.text[local_pos:])
    return sent.start + local_pos + (m.start() if m else len(sent.text) - local_pos)


# "with"/"between" in the noun's own clause: "since their first agreement in 2016, the two sides have ... between
# A and B" names no party of it
_WITH = re.compile(r"^[^,;]*?\b(?:with|between|among)\b")
_BETWEEN = re.compile(r"[^,;]*?\bbetween\b")
_LIST_NEXT = re.compile(r"\s*,\s*(?:and\s+|as\s+well\s+as\s+)?(?:the\s+)?")
# "with four foreign universities, namely A, B and C": the partners are listed after a word that announces them
_NAMELY = re.compile(r"\s*(?:,\s*(?:namely|including|such\s+as|among\s+them|i\.\s?e\.|that\s+is|viz\.?)\s*,?|:)\s*"
                     r"(?:the\s+)?")


def _with_parties(ctx: DocContext, sent: Sentence, local_from: int, local_to: int) -> list[str]:
    seg = sent.text[local_from:local_to]
    m = _WITH.search(seg)
    if not m:
        return []
    start = local_from + m.end()
    limit = sent.start + local_to
    end = min(_clause_end(sent, start), limit)
    namely = _NAMELY.match(ctx.text, end) if end < limit else None
    if namely is not None and not ctx.actors_in(sent.start + start, end):
        start = namely.end() - sent.start  # "with four foreign universities, namely A, B and C"
        end = min(_clause_end(sent, start), limit)
    # lists: "with A, B and C" -- keep going across commas while the next item is a name, recognised or not
    # ("with A, the Laboratory of X, and C": the list goes on to C)
    reach = end
    while reach < limit:
        item = _LIST_NEXT.match(ctx.text, reach)
        if item is None or not ctx.text[item.end():item.end() + 1].isupper():
            break
        reach = min(_clause_end(sent, item.end() - sent.start), limit)
        if any(x.start == item.end() and x.entity_type in ("organization", "place") for x in ctx.ents.mentions):
            end = reach
    return ctx.actors_in(sent.start + start, end)


def _roles(ctx: DocContext, sent: Sentence, verb, implicit: bool = True) -> tuple[list, list]:
    """Signatories and witnesses named in the sentence, each as (key, org, title, position)."""
    text = sent.text
    people = ctx.people_in(sent.start, sent.end)
    pronoun = _PERSONAL_PRONOUN.match(text)
    if not people and not pronoun:
        return [], []
    cues = _role_cues(ctx.rules, text, verb, implicit)
    fronted = _fronted_witnesses(text, people, sent.start, cues.witness, cues.sign, verb)
    rows: dict[str, list] = {"signer": [], "witness": []}
    told = _pronoun_role(ctx, sent, pronoun) if pronoun else None
    if told is not None:
        rows[told[0]].append(told[1])
    for m in people:
        local = m.start - sent.start
        if fronted is not None and local < verb.start():  # "Witnessed by A, B and C signed the agreement"
            rows["witness" if local < fronted else "signer"].append((m.entity_id, *ctx.affiliation(m.entity_id),
                                                                      m.start))
            continue
        row = (m.entity_id, *_signing_for(ctx, sent, m), m.start)
        role = cues.role(local)
        if role is not None:
            rows[role].append(row)
    return rows["signer"], rows["witness"]


def _pronoun_role(ctx: DocContext, sent: Sentence, pronoun: re.Match) -> tuple[str, tuple] | None:
    """'He also witnessed the signing ...', 'She signed ...': the person named last before the sentence, as a
    witness or a signer, with their role."""
    before = ctx.people_in(max(0, sent.start - 1500), sent.start)
    if not before:
        return None
    person = before[-1]
    role = "witness" if pronoun.group(1).lower().startswith("witness") else "signer"
    return role, (person.entity_id, *ctx.affiliation(person.entity_id), sent.start)


def _signing_for(ctx: DocContext, sent: Sentence, m: Mention) -> tuple[str | None, str | None]:
    """The body a person signs for, and their title: their affiliation, or the organisation a representative
    stands for ("Wuhan University, represented by Executive Vice President Tang Zhiwei")."""
    org, title = ctx.affiliation(m.entity_id)
    org = org or ctx.person_body(m.entity_id)  # "President of CSU, Tian Hongqi, ... Tian Hongqi signed ..."
    represented = re.search(r",\s*represented\s+by\s+(?:its\s+|their\s+)?$", sent.text[:m.start - sent.start])
    if represented:
        before = ctx.orgs_in(sent.start, sent.start + represented.start())
        org = before[-1].entity_id if before else org
    return org, title


@dataclass
class _RoleCues:
    """Where a sentence says who signs and who watches, found once for all the people it names."""

    rules: Rulebook
    text: str
    verb: re.Match
    implicit: bool  # whether the subject of an active signing verb signed ("both sides signed": the sides did)
    sign: list[re.Match]  # "signed by", "signing for the two sides were"
    witness: list[re.Match]  # "witnessed by", "in the presence of"
    witness_verbs: list[re.Match]  # "A and B witnessed the signing"
    watching: list[tuple[int, int]]  # "with C and D attending the ceremony"
    non_signer: list[re.Match]  # "held talks with X": X did not sign
    speaker: list[re.Match]  # "X said that A signed": X spoke of the signing
    subject_signs: bool  # whether the verb's subject signed ("A signed the renewal of the MoU")
    caption: int | None  # where a caption's cue starts ("A and B at the signing ceremony"): who stands before it signed

    def role(self, local: int) -> str | None:
        """'witness', 'signer' or neither for a person named at `local`: after the last cue of either kind before
        them, before a witnessing verb, or the subject of a plain signing verb that is no plan."""
        if any(a <= local < b for a, b in self.watching):
            return "witness"
        after_sign_cue = any(c.end() <= local for c in self.sign)
        after_witness_cue = [c for c in self.witness if c.end() <= local and c.group(0).lower() != "witnessed"]
        if after_witness_cue and not (after_sign_cue and max(c.end() for c in self.sign)
                                      > max(c.end() for c in after_witness_cue)):
            return "witness"
        if after_sign_cue:
            return "signer"
        if any(local < v.start() for v in self.witness_verbs):
            return "witness"
        if self.implicit and (self.subject_signs or _AFTER_SIGNING.search(self.text, 0, self.verb.end())
                              or (self.caption is not None and local < self.caption)) \
                and not self.sign and not _governs_plan(self.rules, self.text, self.verb) \
                and not any(c.end() <= local and "," not in self.text[c.end():local] for c in self.non_signer) \
                and not any(local < c.start() < self.verb.start() for c in self.speaker):
            return "signer"  # who "will sign" has not signed yet; "held talks with X" did not sign; "X said" spoke
        return None


# A photo caption: "A (R) and B, president of X, at the signing ceremony (of ...)", "A and B during the signing": the
# people it opens with signed. Any verb form before the cue ("A, who attended, at ...", "Guests including A at ...",
# "A was present at ...") makes it a sentence of another kind.
_CAPTION_CUE = re.compile(r"\b(?:at|during)\s+the\s+signing(?:\s+ceremony)?(?:\s+of)?(?![\w-])", re.I)
_VERB_FORM = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|present|[a-z]+ed|[a-z]+ing)\b"
                        r"|^\s*[A-Z][a-z]+(?:ed|ing)\b")  # "Speaking at the signing ceremony, A said ..."
_PARENTHESIS = re.compile(r"\([^()]*\)")


def _caption_signers(text: str, verb: re.Match) -> int | None:
    """Where the caption cue starts when `verb` (a noun-less sentence's cue, or the governing 'signing ceremony
    of') ends one that people open, with no verb form before it (photo positions in parentheses aside), else None."""
    if "signing" not in text:  # (a cheap test first: most clauses name no signing)
        return None
    cue = next((c for c in _CAPTION_CUE.finditer(text, 0, verb.end()) if c.end() >= verb.start()), None)
    if cue is None or cue.start() == 0 or _VERB_FORM.search(_PARENTHESIS.sub(" ", text[:cue.start()])):
        return None
    return cue.start()


# "A and B pose for a photo after signing the MoU", "shake hands after inking it": the subject did the signing
_AFTER_SIGNING = re.compile(r"\bafter\s+(?:signing|inking)$", re.I)
_PICTURED_SIGNING = re.compile(r"(?:Pictured|Shown|Seen|Photographed)\s+(?:here\s+|above\s+)?signing\b[^.;]{0,160}?"
                               r"\b(?:are|is|were)\s+")


def _role_cues(rules: Rulebook, text: str, verb: re.Match, implicit: bool) -> _RoleCues:
    """The role cues of a sentence whose signing verb is `verb`."""
    sign = [c for c in _find(rules, text, "signed_by_cues", "signatory_list_cues")
            if not _POSITION.search(text, max(0, c.start() - 16), c.start())]  # "(6th from left)": where one stands
    pictured = _PICTURED_SIGNING.match(text)
    if pictured:  # "Pictured signing an agreement to ... are A and B": a caption naming who signs
        sign.append(pictured)
    witness = [c for c in _find(rules, text, "witness_cues") if _lists_names(text, c)]
    witness_verbs = [v for v in _find(rules, text, "witness_verbs")  # "witnessed by" is a cue, not a verb
                     if not re.match(r"\s+by\b", text[v.end():])  # nor the noun of "under the witness of"
                     and not any(c.start() <= v.start() < c.end() and c.group(0).lower() != v.group(0).lower()
                                 for c in witness)]
    return _RoleCues(rules, text, verb, implicit, sign, witness, witness_verbs,
                     [w.span(1) for w in _watching(rules).finditer(text)], _find(rules, text, "non_signer_cues"),
                     _find(rules, text, "speaker_cues"), _subject_signs(rules, text, verb),
                     _caption_signers(text, verb))


# A subject signing verb at most three words before the end of the verb that governs the instrument
_FEW_WORDS = re.compile(r"(?:\s+\S+){0,3}")


def _subject_signs(rules: Rulebook, text: str, verb: re.Match) -> bool:
    """Whether the subject of `verb` signed: the verb is one of `subject_signing_verbs`, or one of them stands a few
    words before it ("signed the renewal of the MoU", "signed the renewed agreement": the governing verb is the
    renewal)."""
    return any(v.end() <= verb.end() and _FEW_WORDS.fullmatch(text, v.end(), verb.end())
               for v in _find(rules, text[:verb.end()], "subject_signing_verbs", "objectless_signing_verbs"))


_AFTER_COMMA = re.compile(r",\s*$")


def _fronted_witnesses(text: str, people, base: int, witness_cue, sign_cue, verb) -> int | None:
    """'Witnessed by A, B and C, rector of X, signed ...': a witness cue opening the sentence (or a clause of it:
    "On 22 May, in Santiago, at the witness of A and B, C and D signed ..."), an active signing
    verb and no 'signed by': the fronted phrase ends at the comma after its first person, and who stands between
    it and the verb signed. Where that phrase ends (a local offset), else None."""
    opening = next((c for c in witness_cue if (c.start() <= 6 or _AFTER_COMMA.search(text, 0, c.start()))
                    and c.end() < verb.start() and c.group(0).lower() != "witnessing"), None)
    if opening is None or sign_cue or verb.group(0).lower() not in _ACTIVE_SIGNING \
            or _PASSIVE.search(text[:verb.start()]):
        return None
    first = next((m for m in people if m.start - base >= opening.end()), None)
    if first is None:
        return None
    comma = text.find(",", first.end - base, verb.start())
    return comma if comma != -1 else None


_ACTIVE_SIGNING = {"signed", "inked", "sealed", "renewed", "concluded"}
_PERSONAL_PRONOUN = re.compile(r"\s*(?:He|She)\s+(?:\w+ly\s+|also\s+|then\s+|later\s+|personally\s+)*"
                               r"(witnessed|signed|inked|sealed|renewed|concluded)\b")


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


# "The memorandum was signed by ...", "Witnessed by ..., the agreement was signed", "A, B and C signed the deal":
# the instrument just reported
_DEFINITE = re.compile(r"(?:^|[,;]\s*|\b(?:under|in|by|of|with|to|signed|inked|sealed|renewed|sign|signs|signing|ink|"
                       r"inks|inking)\s+)(?:the|this|that)\s+(?:new\s+|cooperation\s+|signed\s+)?$", re.I)
_DEMONSTRATIVE = re.compile(r"\b(?:this|that)\s+(?:new\s+|cooperation\s+|signed\s+)?$", re.I)
_MEMORANDUM_NAMES = {"memorandum", "memorandum_of_understanding"}  # two names of one instrument


def _definite_target(ctx: DocContext, found: list[Agreement], c: Agreement) -> Agreement | None:
    """What 'the MoU' refers to: of the agreements of a compatible type, the one whose parties share most bodies with
    those the report names or its signatories act for ("Photo shows A, of X, and B, of Y, signing the MoU" after
    two MoUs), the latest on a tie, and the latest one when none shares any."""
    compatible = [a for a in reversed(found) if _compatible_type(a, c)]
    bodies = {ctx.footprint(o) for o in [*c.parties, *(s[1] for s in c.signatories)] if o}
    best, best_shared = (compatible[0] if compatible else None), 0
    for a in compatible:
        shared = len(bodies & {ctx.footprint(p) for p in a.parties})
        if shared > best_shared:
            best, best_shared = a, shared
    return best


def _compatible_type(a: Agreement, b: Agreement) -> bool:
    """Same type, a bare noun on either side, or two names of one kind of instrument ("the memorandum"
    after "a memorandum of understanding")."""
    if a.agreement_type == b.agreement_type or a.generic or b.generic:
        return True
    if "partnership" in (a.agreement_type, b.agreement_type):
        return True  # "signed an MoU ... The two companies have now established a strategic partnership"
    return a.agreement_type in _MEMORANDUM_NAMES and b.agreement_type in _MEMORANDUM_NAMES


def _compatible_date(a: Agreement, b: Agreement, news_day: FoundDate | None = None) -> bool:
    """Dates that can be one signing. An undated signing in a news story, or one dated only by the dateline, happened
    on the news day or the day before it (a headline's signing that the body dates "yesterday", a caption's day
    beside "MAPUTO, Jan. 24 -- X has signed ...")."""
    da = a.date or (news_day if a.status == "signed" else None)
    db = b.date or (news_day if b.status == "signed" else None)
    if da is None or db is None:
        return True
    if da.precision == db.precision == "day":  # a dateline ("MAPUTO, Jan. 24 --") gives the news day too
        by_news_day = a.date is None or a.date.dateline or b.date is None or b.date.dateline
        return da.date == db.date or (by_news_day and abs((da.date - db.date).days) == 1)
    return da.date.year == db.date.year


def _merge_target(ctx: DocContext, found: list[Agreement], c: Agreement) -> Agreement | None:
    best, best_size = None, None
    for a in found:
        if c.group is not None and a.group == c.group:
            continue
        if not (_compatible_type(a, c) and _compatible_date(a, c, ctx.event_date)):
            continue
        mine = _sides(ctx, c.parties, a.parties)
        theirs = {ctx.footprint(p) for p in a.parties}
        if c.group is not None and len(mine) == 1 and mine != theirs:
            continue  # one of a list of partners ("agreements with A and B") is no retelling of one with A and C
        if mine <= theirs or theirs <= mine:
            if best is None or len(theirs) < best_size:
                best, best_size = a, len(theirs)
    return best


def _merge(ctx: DocContext, into: Agreement, other: Agreement) -> None:
    covered = {ctx.footprint(p) for p in into.parties}
    for p in other.parties:
        if p in into.parties:
            continue
        side = _side(ctx, p, into.parties)
        if side in into.parties and side != p and p in other.named:
            # "Hong Kong and Shanghai sign ..." then "The ITIB ... and the STCSM signed", "Kenya and China sign ..."
            # then "X University signed the MoU with China's Y Academy": the body names who
            into.parties[into.parties.index(side)] = p
            covered.add(ctx.footprint(p))
        elif ctx.footprint(p) not in covered:
            into.parties.append(p)
            covered.add(ctx.footprint(p))
    keys = {s[0] for s in into.signatories} | {w[0] for w in into.witnesses}
    into.signatories += [s for s in other.signatories if s[0] not in keys]
    keys |= {s[0] for s in other.signatories}
    into.witnesses += [w for w in other.witnesses if w[0] not in keys]
    if (into.generic and not other.generic) or (into.agreement_type == "partnership" != other.agreement_type
                                                 and not other.generic):
        into.agreement_type, into.generic = other.agreement_type, False
    into.title = into.title or other.title
    if other.date and (into.date is None or (into.date.precision != "day" and other.date.precision == "day")):
        into.date = other.date
    into.confidence = max(into.confidence, other.confidence)
    into.recent = into.recent or other.recent
    into.extra_sentences.append(other.sentence)
