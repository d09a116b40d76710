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

import functools
import re
from dataclasses import dataclass, field

from pipeline.core.entities.model import Mention
from pipeline.core.facts.context import DocContext, phrase_regex, rules
from pipeline.core.ids import canonical_key, make_id
from pipeline.core.text import Sentence

_CAP_WORD = r"(?:[A-Z][\w'’.-]*|[A-Z]{2,}s?)"
_CONNECT = r"(?:of|and|for|on|in|the|&)"
_TOPIC = rf"{_CAP_WORD}(?:\s+(?:{_CONNECT}\s+)*{_CAP_WORD})*"
_GENERIC_WORDS = {"hong", "kong", "branch", "of", "chinese", "national", "engineering", "research", "centre", "center",
                  "cnerc", "technology", "for", "the", "and", "laboratory", "lab", "state", "key", "partner", "joint",
                  "on", "in"}


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


@functools.lru_cache(maxsize=1)
def _shapes() -> list[tuple[re.Pattern, str, str]]:
    """(regex, lab_type, side) for every prefix and suffix shape, longest first."""
    out = []
    for lab_type, spec in rules()["lab_kinds"].items():
        for p in spec.get("prefix", []):
            phrase = _spaced(p)
            rx = rf"(?<![\w])(?:Hong Kong\s+)?{phrase}(?:\s+(?:of|for|on|in)\s+(?:the\s+)?{_TOPIC})?(?:\s+\(Hong Kong Branch\))?"
            out.append((re.compile(rx), lab_type, "prefix", len(p)))
        for p in spec.get("lead", []):
            rx = rf"(?<![\w]){_spaced(p)}\s+(?:the\s+)?{_TOPIC}(?:\s+\(Hong Kong Branch\))?"
            out.append((re.compile(rx), lab_type, "lead", len(p)))
        for s in spec.get("suffix", []):
            phrase = _spaced(s)
            rx = rf"(?<![\w])(?:{_CAP_WORD}\s+(?:(?:{_CONNECT})\s+)*)+?{phrase}(?![\w])"
            out.append((re.compile(rx), lab_type, "suffix", len(s)))
    out.sort(key=lambda t: -t[3])
    return [(rx, t, side) for rx, t, side, _ in out]


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
    for sent in ctx.sentences:
        for start, end, lab_type in _names_in(sent):
            raw = sent.text[start - sent.start:end - sent.start]
            if _is_plural_generic(raw, sent.text, start - sent.start):
                continue
            name = canonical_lab_name(raw, lab_type)
            if lab_type == "national_engineering_research_centre" and "Hong Kong Branch" in raw:
                lab_type = "cnerc_hong_kong_branch"
            topic = _topic_key(name)
            if not topic:
                continue
            lab_id = make_id("lab", lab_type, topic)
            lab = labs.setdefault(lab_id, Lab(name, lab_type, lab_id))
            if lab.name.startswith("CNERC") and not name.startswith("CNERC"):
                lab.name = name
            lab.mentions.append((sent, start, end))
            _fill(ctx, lab, sent, start, end)
    for lab in labs.values():
        ctx.ents.mentions.append(Mention("lab", lab.lab_id, ctx.text[lab.mentions[0][1]:lab.mentions[0][2]],
                                         lab.mentions[0][1], lab.mentions[0][2]))
        if lab.host is None:
            lab.host = _nearest_university(ctx, lab.mentions[0][1])
    return list(labs.values())


def _names_in(sent: Sentence) -> list[tuple[int, int, str]]:
    found = []
    for rx, lab_type, _side in _shapes():
        for m in rx.finditer(sent.text):
            s, e = sent.start + m.start(), sent.start + m.end()
            text = m.group(0)
            if text.split()[0] in ("The", "A", "An") and len(text.split()) > 1:
                s += len(text.split()[0]) + 1
            if any(s < fe and fs < e for fs, fe, _ in found):
                continue
            found.append((s, e, lab_type))
    found.extend(_lowercase_names(sent, found))
    return sorted(found)


def _lowercase_names(sent: Sentence, taken) -> list[tuple[int, int, str]]:
    r = rules()
    out = []
    verbs = phrase_regex(tuple(r["lab_setup_verbs"]))
    for lab_type, heads in r["lab_lowercase_heads"].items():
        for m in phrase_regex(tuple(heads)).finditer(sent.text):
            s, e = sent.start + m.start(), sent.start + m.end()
            if any(s < te and ts < e for ts, te, _ in taken + out):
                continue
            before = sent.text[:m.start()]
            lead = re.search(r"((?:\b[a-z][\w-]*\s+){1,5})$", before)
            words = lead.group(1).split() if lead else []
            k = max((n for n, w in enumerate(words) if w in ("a", "an", "the") or verbs.fullmatch(w)), default=-1)
            mods = [w for w in words[k + 1:] if w not in ("jointly", "and", "of")]
            verb_zone = before[: len(before) - len(" ".join(words[k + 1:])) - 1]
            if not mods or not verbs.search(verb_zone[-40:]):
                continue
            start = s - len(" ".join(mods)) - 1
            out.append((start, e, lab_type))
    return out


def _is_plural_generic(raw: str, sent_text: str, local: int) -> bool:
    head = raw.split(" of ")[0].split(" for ")[0]
    if re.search(r"(Laboratories|Centres|Centers|Branches|CNERCs)\b", head):
        return True
    if re.search(r"(Laboratories|Centres|Centers|Platforms|CNERCs)$", raw) and raw[:1].isupper():
        return True  # a heading or a count: "Hong Kong Branch of Chinese National Engineering Research Centres"
    return bool(re.search(r"\b(\d+|two|three|four|five|six|several|many|various)\s+(?:Hong Kong\s+)?$",
                          sent_text[:local]))


def _fill(ctx: DocContext, lab: Lab, sent: Sentence, start: int, end: int) -> None:
    r = rules()
    text = ctx.text
    after = text[end:end + 60]
    d = re.match(r"\s*\(\s*Director\s*:\s*", after)
    if d:
        people = ctx.people_in(end, end + 80)
        if people:
            lab.director = lab.director or people[0].entity_id
    before = text[max(sent.start, start - 40):start]
    if re.search(r"\bDirector\s+of\s+(?:the\s+)?$", before):
        people = [p for p in ctx.people_in(sent.start, start)]
        if people:
            lab.director = lab.director or people[0].entity_id
    host = re.match(r"\s*(?:of|at|under|in)\s+(?:the\s+)?", text[end:end + 12])
    if host:
        orgs = [o for o in ctx.orgs_in(end, end + 100) if o.start == end + host.end()]
        if orgs:
            lab.host = lab.host or orgs[0].entity_id
    if lab.host is None:
        lab.host = _org_of_sentence(ctx, sent)
    local = sent.text
    if phrase_regex(tuple(r["lab_established_cues"])).search(local):
        lab.status = "established"
    elif phrase_regex(tuple(r["lab_planned_cues"])).search(local[: start - sent.start + 1]) or re.search(
            r"\b(?:establishing|setting up|founding|building|to establish|to set up)\b", local[: start - sent.start]):
        lab.status = "planned" if lab.status == "existing" else lab.status
    year = re.search(r"\b(?:in|since)\s+((?:19|20)\d{2})\b", local)
    if year and lab.status == "established":
        lab.established_year = int(year.group(1))


def _org_of_sentence(ctx: DocContext, sent: Sentence) -> str | None:
    """A university named in the same sentence hosts the lab ('... at the Hong Kong Polytechnic University').

    A department or faculty stands for its university, which is what analysts group labs by."""
    for m in ctx.orgs_in(sent.start, sent.end):
        org = ctx.org(m.entity_id)
        if org.org_type == "university_unit" and org.parent is not None and org.parent.org_type == "university":
            return org.parent.organization_id
        if org.org_type in ("university", "research_institute", "university_unit"):
            return m.entity_id
    return None


def _nearest_university(ctx: DocContext, pos: int) -> str | None:
    """Lists of labs under a heading: the university named last before them hosts them."""
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
    return best
