"""Find the organisations, places and people of one document, with offsets into its clean text.

Order matters and is deliberate: organisations first (reference names, then name shapes), so that
place names inside them ("Hebei" in "Education Department of Hebei Province") are not separate
places; people next; places last, outside both.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from pipeline.core.entities import people as names
from pipeline.core.entities.gazetteer import org_gazetteer, place_gazetteer
from pipeline.core.entities.model import Mention, Org, Person, Place
from pipeline.core.entities.orgs import OrgNamer, default_namer, org_id_for
from pipeline.core.ids import make_id
from pipeline.core.reference import JURISDICTION_TYPES, PlaceRef, Rulebook, load_reference
from pipeline.core.text import Sentence, Word

_ACRONYM_DEF = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,9})\)")
# ", Ltd." after "X Co." belongs to the name: the word splitter stops at the comma.
_COMPANY_TAIL = re.compile(r",?\s?(?:Ltd\.?|Limited|Inc\.?)(?![\w-])")
_AND_AFTER = re.compile(r"\)?\s*(?:,|and|&)\s", re.I)
_AND_BEFORE = re.compile(r"\s(?:,|and|&)\s+(?:the\s+)?$", re.I)
_PIECE_TRIM = re.compile(r"[\s,()]*(?:(?:and|&|the|The)\s+)*(.*?)[\s,]*(?:\s(?:and|&|of|the))*[\s,()]*", re.S)
_COMPANY_SUFFIXES = {"Co.", "Co", "Ltd.", "Ltd", "Limited", "Inc.", "Inc", "Corporation", "Corp.", "Corp", "Company",
                     "LLC", "PLC", "GmbH", "AG", "A/S", "AB", "ASA", "SpA", "S.A.", "N.V.", "B.V.", "S.p.A.", "Oyj"}
_SPLITTERS = {"of", "for", "under", "at"}
_NON_ORG_NOUNS = {"Center", "Centre", "Centres", "Centers", "Laboratory", "Laboratories", "Lab", "Labs", "Platform", "Branch", "Base", "Division",
                  "Programme", "Program", "Scheme", "Project", "Initiative", "Forum", "Conference", "Seminar"}


_CENTRE_HEADS = frozenset(("Center", "Centre"))
# A name whose remit lists words with a comma: the run of name words stops at the comma, so the span found starts
# at the second word ("Technology and Innovation Commission"), and the first word is a lone capitalised word after
# "the" (or a sentence start) and before ", ".
_LISTED_REST = re.compile(r"[A-Z][a-z]+ (?:and|&) [A-Z][a-z]+ ")
_LISTED_FIRST = re.compile(r"(?:(?<=\bthe )|(?<=\bThe )|^)([A-Z][a-z]+), $", re.M)
_OF_THE = re.compile(r"\s+of\s+the\s+(?=[A-Z])")


@functools.lru_cache(maxsize=1)
def _lab_centre_rx() -> re.Pattern:
    """The lab kinds' phrases that end in Centre/Center ("Research Centre", "Innovation Center"): a centre so
    named is a lab; any other centre ("X Supercomputing Center", "Centre for X") is a body of its own."""
    phrases = {p for kind in load_reference().rules["lab_kinds"].values() for key in ("prefix", "suffix")
               for p in kind.get(key, []) if p.split()[-1] in _CENTRE_HEADS}
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(phrases, key=len, reverse=True))) + r")\b")


@dataclass
class DocumentEntities:
    text: str
    sentences: list[Sentence]
    orgs: dict[str, Org] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    place_refs: dict[str, PlaceRef] = field(default_factory=dict)  # place_id -> reference row
    person_titles: dict[str, str] = field(default_factory=dict)  # person key -> first title seen

    def add_org(self, org: Org, start: int, end: int) -> Org:
        known = self.orgs.get(org.organization_id)
        if known is None:
            self.orgs[org.organization_id] = known = org
        else:
            for a, s in org.aliases.items():
                known.aliases.setdefault(a, s)
        surface = self.text[start:end]
        known.aliases.setdefault(surface, "corpus")
        self.mentions.append(Mention("organization", known.organization_id, surface, start, end))
        return known

    def in_mentions(self, entity_type: str, start: int, end: int) -> list[Mention]:
        return sorted((m for m in self.mentions if m.entity_type == entity_type and m.start >= start and m.end <= end),
                      key=lambda m: m.start)

    def covered(self, start: int, end: int, types=("organization", "person", "place")) -> bool:
        return any(m.start < end and start < m.end for m in self.mentions if m.entity_type in types)


@functools.lru_cache(maxsize=1)
def _lexicons():
    ref = load_reference()
    title_words = set()
    for t in (*ref.title_heads, *ref.title_modifiers):
        title_words.update(t.replace("-", " - ").split())
        title_words.add(t.split()[-1])
    title_words.update(ref.title_heads)
    honorifics = set(ref.honorifics) | {h.replace("'", "’") for h in ref.honorifics}  # "Dato'" / "Dato’"
    rules = ref.rules
    stop = set(rules.get("org_stopwords", []))
    connectors = {c.lower() for c in rules.get("name_connectors", [])}
    heads = set(default_namer().head_types)
    title_heads = sorted(ref.title_heads, key=lambda t: -len(t.split()))
    return title_words, honorifics, stop, connectors, heads, title_heads


def recognise(text: str, doc: Doc, sents: list[Sentence], rules: Rulebook) -> DocumentEntities:
    """The organisations, people and places of one document, recognised by these rules."""
    namer = default_namer()
    ents = DocumentEntities(text, sents)
    _reference_orgs(ents, doc, namer)
    _missions(ents, namer)
    for sent in sents:
        _shaped_orgs(ents, sent, namer)
    _lowercase_governments(ents, namer)
    _plural_governments(ents, namer)
    _short_forms(ents)
    _spelled_acronyms(ents, namer)
    _acronyms(ents)
    _definite_references(ents)  # before people: "director of the department" needs the department
    for sent in sents:
        _people(ents, sent)
    _resolve_short_names(ents)
    _places(ents, doc)
    _acting_jurisdictions(ents)
    _bare_family_names(ents)
    _definite_references(ents)
    ents.mentions.sort(key=lambda m: (m.start, m.end))
    return ents


# ---------------------------------------------------------------------- organisations
def _reference_orgs(ents: DocumentEntities, doc: Doc, namer: OrgNamer) -> None:
    gz, rows = org_gazetteer()
    for hit in gz.find(doc):
        ref = rows[hit.key]
        if hit.surface.isupper() and (given := _SURNAME_FIRST.match(hit.surface + ents.text[hit.end:hit.end + 16])) \
                and names.is_surname(hit.surface) and names.is_pinyin_given(given.group(1)):
            continue  # "LU Xin", "HE Jun": a family name in capitals before its given name, not an acronym
        foreign = _foreign_counterpart(ents.text, hit.start, hit.end, ref, namer) \
            if ref.org_type in _STATE_TYPES and ref.country_code else None
        if foreign is not None:  # "Lao Ministry of Science and Technology": not China's ministry of that name
            ents.add_org(*foreign)
            continue
        ents.add_org(namer.from_reference(ref), hit.start, hit.end)


_STATE_TYPES = ("government", "government_department")
_SURNAME_FIRST = re.compile(r"[A-Z]{2,4} ([A-Z][a-z]+(?:-[a-z]+)?)\b")
_OWNER_BEFORE = re.compile(r"(?:(?<=\s)|^)((?:the\s+)?(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*?(?:['’]s?)?)\s+$")
_COUNTRY_AFTER = re.compile(r"\s+of\s+((?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})")


def _foreign_counterpart(text: str, start: int, end: int, ref, namer: OrgNamer) -> tuple[Org, int, int] | None:
    """A state body the reference data knows under its generic name ("Ministry of Science and Technology",
    China's), written with another country before it ("Lao ...", "Singapore's ...", "South African ...") or
    after it ("... of Laos"): that country's own body, named as written, under that country's government.
    Returns the organisation and the offsets of the whole name, or None."""
    found = None
    before = _OWNER_BEFORE.search(text, max(0, start - 40), start)
    if before is not None:
        words = list(re.finditer(r"\S+", text[before.start(1):before.end(1)]))
        for k in range(len(words)):  # the longest country phrase that ends right before the name
            code = namer.country_code(" ".join(w.group(0) for w in words[k:]))
            if code:
                found = (code, before.start(1) + words[k].start(), end)
                break
    if found is None:
        after = _COUNTRY_AFTER.match(text, end)
        if after is not None:
            words = list(re.finditer(r"\S+", after.group(1)))
            for k in range(len(words), 0, -1):
                code = namer.country_code(" ".join(w.group(0) for w in words[:k]))
                if code:
                    found = (code, start, after.start(1) + words[k - 1].end())
                    break
    if found is None or found[0] == ref.country_code:
        return None
    code, s, e = found
    if text.startswith("the ", s):
        s += 4
    name = text[s:e]
    country = namer.country_place(code)
    gov = namer.government_of(country) if country is not None and ref.org_type != "government" else None
    org = Org(org_id_for(name), name, ref.org_type, None, None, code, gov.organization_id if gov else None, parent=gov)
    org.aliases[name] = "corpus"
    return org, s, e


_CAP_RUN = r"[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*){0,5}"
_MISSION = re.compile(rf"(?:\b((?:[A-Z][\w-]+\s+)?[A-Z][\w-]+)\s+)?\b(Embassy|Consulate(?:[- ]General)?)\b"
                      rf"(?:\s+of\s+(?:the\s+)?({_CAP_RUN}))?(?:\s+(?:in|to)\s+(?:the\s+)?({_CAP_RUN}))?")


def _missions(ents: DocumentEntities, namer: OrgNamer) -> None:
    """'the Chinese Embassy in Laos', 'the Embassy of Hungary in Beijing', 'the French Consulate General in
    Shanghai': a country's mission, named as written, under that country's government. The owner must be a
    country (a demonym before, or 'of' a country after); the place it is in may follow."""
    if "Embassy" not in ents.text and "Consulate" not in ents.text:
        return
    for m in _MISSION.finditer(ents.text):
        start, end, code = m.start(2), m.end(2), None
        if m.group(1):
            words = list(re.finditer(r"\S+", m.group(1)))
            for k in range(len(words)):
                code = namer.country_code(" ".join(w.group(0) for w in words[k:]))
                if code:
                    start = m.start(1) + words[k].start()
                    break
        for g in (3, 4):
            if not m.group(g) or (g == 3 and code):
                continue
            found = _longest_prefix(m.group(g), lambda t: namer.country_code(t) if g == 3 else namer.place(t))
            if found is None:
                break
            if g == 3:
                code = found[1]
            end = m.start(g) + found[0]
        if code is None or ents.covered(start, end, ("organization",)):
            continue
        name = ents.text[start:end]
        country = namer.country_place(code)
        gov = namer.government_of(country) if country is not None else None
        org = Org(org_id_for(name), name, "government_department", None, None, code,
                  gov.organization_id if gov else None, parent=gov)
        org.aliases[name] = "corpus"
        ents.add_org(org, start, end)


def _longest_prefix(phrase: str, lookup) -> tuple[int, object] | None:
    """(length, what `lookup` gives) for the longest run of leading words of `phrase` it knows."""
    words = list(re.finditer(r"\S+", phrase))
    for k in range(len(words), 0, -1):
        text = phrase[:words[k - 1].end()]
        for t in (text, text[:-1]) if text.endswith(".") else (text,):  # "Hungary." ends a sentence; "U.S." not
            hit = lookup(t)
            if hit:
                return len(t), hit
    return None


def _shaped_orgs(ents: DocumentEntities, sent: Sentence, namer: OrgNamer) -> None:
    for i, j, head in org_spans(sent.words):
        start, end = sent.words[i].start, sent.words[j].end
        if head in _CENTRE_HEADS and _lab_centre_rx().search(ents.text, start, end):
            # "X Research Centre", "X Innovation Center": a lab, which the labs extractor reports; what it is
            # "of" may be a body of its own ("Innovation Center of the Y Research Institute")
            owner = _owner_after_lab(ents.text, start, end)
            if owner is None:
                continue
            start, head = owner
        if head in ("Co.", "Co"):
            tail = _COMPANY_TAIL.match(ents.text, end)
            end = tail.end() if tail else end
        if _POSSESSIVE.search(ents.text, start, end) and end - start > 4:
            end -= 2  # "the Leading Group for X's session": the owner's name, without its "'s"
        listed = _LISTED_FIRST.search(ents.text, max(0, start - 24), start) \
            if _LISTED_REST.match(ents.text, start, end) else None
        if listed is not None and not ents.covered(listed.start(1), listed.end(1)):
            start = listed.start(1)  # "the Science, Technology and Innovation Commission of X": a comma inside a name
        inner = [m for m in ents.mentions if m.entity_type == "organization" and m.start < end and start < m.end]
        if any(m.start <= start and m.end >= end for m in inner):
            continue  # a reference name already covers it
        if any(re.match(r"['’]s\s", ents.text[m.end:m.end + 3]) for m in inner if m.end < end):
            continue  # "Huawei's Enterprise Business Group": a part of a known organisation, which stands for it
        pieces = _beside_known(ents.text, start, end, inner)
        if pieces is not None:  # "HKU and Guangdong Department of ...": a known name, then a name of its own
            for ps, pe in pieces:
                piece_head = _head_of(ents.text[ps:pe])
                org = namer.from_name(ents.text[ps:pe], piece_head) if piece_head else None
                if org is not None:
                    ents.add_org(org, ps, pe)
            continue
        if any(m.start < start or m.end > end for m in inner):
            continue  # crosses a reference name: trust the reference
        if not inner:
            owner = _OF_THE.search(ents.text, start, end)
            parent_head = _head_of(ents.text[owner.end():end]) if owner else None
            parent = namer.from_name(ents.text[owner.end():end], parent_head) if parent_head else None
            if parent is not None and _head_of(ents.text[start:owner.start()]):
                # "Department of X Affairs of the Foreign Affairs Office of the Provincial Government": a unit,
                # then the body it belongs to, which is an organisation of its own
                inner = [Mention("organization", ents.add_org(parent, owner.end(), end).organization_id,
                                 ents.text[owner.end():end], owner.end(), end)]
                end = owner.start()
                head = _head_of(ents.text[start:end])
        org = namer.from_name(ents.text[start:end], head)
        if org is None:
            continue
        if inner and org.parent_organization_id is None and re.search(r"\b(of|under|at)\b", ents.text[start:end]):
            parent = ents.orgs[inner[-1].entity_id]
            org.parent_organization_id = parent.organization_id
            org.parent = parent
            org.region_code = org.region_code or parent.region_code
            org.country_code = org.country_code or parent.country_code
            if org.org_type == "university_unit" and (parent.org_type in _STATE_TYPES
                                                      or "Government" in parent.canonical_name):
                org.org_type = "government_department"  # a department of a government body is no faculty's
        if org.org_type == "university_unit" and org.parent is None:
            _attach_parent(ents, org, end)
        ents.mentions = [m for m in ents.mentions if m not in inner or m.start >= end]
        ents.add_org(org, start, end)


_OF_OWNER = re.compile(r"\s+of\s+(?:the\s+)?")


def _owner_after_lab(text: str, start: int, end: int) -> tuple[int, str] | None:
    """'Innovation Center of Chengdu Research Institute': the start and head of the name the lab centre is
    'of', when that name has a head of its own that is no centre (else None: 'Centre of Excellence')."""
    lab = None
    for lab in _lab_centre_rx().finditer(text, start, end):
        pass
    of = _OF_OWNER.match(text, lab.end(), end) if lab else None
    if of is None:
        return None
    head = _head_of(text[of.end():end])
    return (of.end(), head) if head and head not in _CENTRE_HEADS else None


def _beside_known(text: str, start: int, end: int, inner: list[Mention]) -> list[tuple[int, int]] | None:
    """The parts of a name-shaped span left around known names it lists ("A and B", "A, B"), or None
    when no known name inside is joined by 'and' or a comma ("Department of X of Tsinghua University"
    is one name whose parent is known)."""
    joined = [m for m in inner if _AND_AFTER.match(text, m.end, end) or _AND_BEFORE.search(text, start, m.start)]
    if not joined:
        return None
    pieces, pos = [], start
    for m in sorted(inner, key=lambda m: m.start):
        pieces.append((pos, max(pos, m.start)))
        pos = max(pos, m.end)
    pieces.append((pos, end))
    out = []
    for ps, pe in pieces:
        piece = _PIECE_TRIM.fullmatch(text, ps, pe)
        if piece and piece.group(1):
            out.append((piece.start(1), piece.end(1)))
    return out


def _head_of(name: str) -> str | None:
    """The word that types a name: a company suffix when there is one, else its first head word."""
    heads = _lexicons()[4]
    words = name.split()
    suffix = [w for w in words if w in _COMPANY_SUFFIXES]
    return suffix[-1] if suffix else next((w for w in words if w in heads), None)


def _attach_parent(ents: DocumentEntities, org: Org, end: int) -> None:
    """'Department of Civil Engineering at the X University': the unit belongs to the university after it."""
    link = re.match(r"\s+(?:at|of|under|in)\s+(?:the\s+)?", ents.text[end:end + 12])
    if not link:
        return
    after = [m for m in ents.mentions if m.entity_type == "organization"
             and m.start in (end + link.end(), end + link.end() - 4)]
    if after:
        parent = ents.orgs[after[0].entity_id]
        org.parent, org.parent_organization_id = parent, parent.organization_id
        org.region_code = org.region_code or parent.region_code
        org.country_code = org.country_code or parent.country_code


def org_spans(words: tuple[Word, ...]) -> list[tuple[int, int, str]]:
    """Word ranges (inclusive) shaped like organisation names, with their head word."""
    title_words, honorifics, stop, connectors, heads, _ = _lexicons()
    out = []
    run: list[Word] = []

    leading, particles = _leading_heads(), _particles()

    def flush():
        while run and (run[-1].lower in connectors or run[-1].text in particles):
            run.pop()
        if run:
            out.extend(_split_run(run, heads, connectors, title_words | honorifics))
        run.clear()

    inside = _object_words()
    for w in words:
        if w.is_cap and not w.is_punct and (w.text not in stop or w.text in inside and _in_object(run, heads)):
            run.append(w)
        elif run and w.lower in connectors:
            run.append(w)
        elif run and w.text in particles and any(x.text in leading for x in run):
            run.append(w)  # "Universidad Tecnológica de La Habana": a particle inside a name that opens with its head
        else:
            flush()
    flush()
    return out


@functools.lru_cache(maxsize=1)
def _object_words() -> frozenset[str]:
    return frozenset(load_reference().rules.get("org_object_words", []))


def _in_object(run, heads) -> bool:
    """Whether the run so far is a head and the start of what it is 'of' or 'for' ("Office of International")."""
    return any(run[k].text in heads and run[k + 1].lower in ("of", "for") for k in range(len(run) - 1))


def _split_run(run, heads, connectors, title_words):
    n, pos, out = len(run), 0, []
    is_head = [w.text in heads for w in run]
    while pos < n:
        h = next((k for k in range(pos, n) if is_head[k]), None)
        if h is None:
            break
        end = h
        while end + 1 < n and is_head[end + 1]:
            end += 1
        if run[h].text in _leading_heads():
            while end + 1 < n and run[end + 1].text not in heads and (run[end + 1].is_cap or (
                    run[end + 1].text in _particles() and end + 2 < n and run[end + 2].is_cap)):
                end += 1  # "Universiti Putra Malaysia", "Universidad de La Habana": the name follows the head
        suffix = next((k for k in range(end + 1, n) if run[k].text in _COMPANY_SUFFIXES), None)
        if suffix is not None and all(w.is_cap for w in run[end + 1:suffix]):
            end = suffix  # "Zhangjiang Hi-Tech Park Development Co.": one company, not a park and a company
            while end + 1 < n and run[end + 1].text in _COMPANY_SUFFIXES:
                end += 1
        if end + 2 < n and run[end + 1].lower in ("of", "for"):
            k, last = end + 2, end
            while k < n:
                if run[k].lower == "and" and any(is_head[x] for x in range(k + 1, n)) and _head_closes(run, k, is_head):
                    break
                if run[k].lower in ("and", "&") and k + 1 < n and run[k + 1].lower == "the":
                    break  # "Department of X of Guangdong and the Y": a second name starts
                if run[k].is_cap:
                    last = k
                k += 1
            end = last
        start = pos
        while start < h and (run[start].lower in connectors or run[start].text in ("The",)):
            start += 1
        for m in range(h - 1, start - 1, -1):
            if run[m].text == "the":  # "... and the University": a reference back, not part of a name
                start = m + 1
                break
            if run[m].lower in ("and", "&") and m > start and all(_is_acronym_word(w.text) for w in run[start:m]):
                start = m + 1  # "NTU and Lanzhou University": an acronym is a name of its own, not a first word
                break
        for m in range(h - 1, start, -1):
            if run[m].lower in _SPLITTERS and any(
                    w.text in title_words or w.text in _NON_ORG_NOUNS for w in run[start:m]):
                start = m + 1
                break
        while start < h and (run[start].lower in connectors or run[start].text == "The"):
            start += 1
        while start < h and _is_country_word(run[start].text) and (
                _POSSESSIVE.search(run[start].text) or not is_head[start + 1]):
            start += 1  # "China's Jilin University"; but "Serbian Academy of Sciences" is the academy's name
        if start < h or end > h:  # a bare head ("Council", "University") is no name
            out.append((run[start].i, run[end].i, run[h].text))
        pos = end + 1
    return out


def _is_acronym_word(text: str) -> bool:
    """'NTU', 'KAIST', 'UiTM': two to eight letters, capitals but for at most a few inside."""
    letters = text.replace("&", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters[0].isupper() and \
        sum(c.isupper() for c in letters) >= max(2, len(letters) - 2)


@functools.lru_cache(maxsize=1)
def _leading_heads() -> frozenset[str]:
    return frozenset(load_reference().rules.get("leading_heads", []))


def _head_closes(run, k, is_head) -> bool:
    """'X of A and B Y' splits at 'and' only when what follows is a name of its own ending in a head."""
    nxt = [x for x in range(k + 1, len(run)) if is_head[x]]
    if not nxt or any(run[x].lower == "and" for x in range(k + 1, nxt[0])):
        return False  # "of Science and Technology of Hainan Province and the ... University": split at the last 'and'
    # "... and Exchange of the University of X": the words after 'and' belong to the first name ("of the")
    return all(run[x].is_cap or run[x].lower in ("of", "and") for x in range(k + 1, nxt[0] + 1))


@functools.lru_cache(maxsize=4096)
def _is_country_word(word: str) -> bool:
    ref = load_reference()
    word = re.sub(r"['’]s$", "", word)  # "China's Jilin University": the owner is no part of the name
    p = default_namer().places_by_lower.get(word.lower())
    return (p is not None and p.place_type == "country") or word.lower() in ref.demonyms


def _short_forms(ents: DocumentEntities) -> None:
    """'the Polytechnic Institute' after 'Polytechnic Institute of Zhejiang University': a name-shaped
    organisation that is the head of exactly one longer name in the document is that organisation."""
    for short in list(ents.orgs.values()):
        if set(short.aliases.values()) != {"corpus"}:
            continue
        longer = [o for o in ents.orgs.values() if o is not short
                  and o.canonical_name.startswith((short.canonical_name + " of ", short.canonical_name + " for "))]
        if len(longer) != 1:
            continue
        target = longer[0]
        for alias in short.aliases:
            target.aliases.setdefault(alias, "corpus")
        ents.mentions = [Mention("organization", target.organization_id, m.surface, m.start, m.end)
                         if m.entity_type == "organization" and m.entity_id == short.organization_id else m
                         for m in ents.mentions]
        del ents.orgs[short.organization_id]


def _lowercase_governments(ents: DocumentEntities, namer: OrgNamer) -> None:
    """'the Langfang city government', 'the Sichuan provincial government'."""
    for m in re.finditer(r"\b([A-Z][\w'’]+(?: [A-Z][\w'’]+)*) (city|municipal|provincial|county|district) "
                         r"(?:people's )?government\b", ents.text):
        if ents.covered(m.start(), m.end(), ("organization",)):
            continue
        place = namer.place(m.group(1))
        if place:
            ents.add_org(namer.government_of(place), m.start(), m.end())


_GOVERNMENTS_OF = re.compile(r"\b(?:(?:Municipal|Provincial|City|District|County)\s+)?(?:People['’]s\s+)?Governments\s+of\s+")
_LISTED_NAME = re.compile(r"([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)(\s*,\s*(?:and\s+)?|\s+and\s+)?")


def _plural_governments(ents: DocumentEntities, namer: OrgNamer) -> None:
    """'the Municipal People's Governments of Wuxi, Hangzhou and Wenzhou': one government per place listed."""
    if "Governments" not in ents.text:
        return
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


_ACRONYM_ANYWHERE = re.compile(r"\(([A-Z][A-Za-z&*]{1,9})\)")
_NAME_WORD = re.compile(r"[A-Z][\w'’-]*|of|and|for|the|on|&|,")


def _spelled_acronyms(ents: DocumentEntities, namer: OrgNamer) -> None:
    """'the Ministry of Science, Technology and Innovation (MOSTI)': capitalised words before an acronym
    whose initials spell it are an organisation's name, whatever its shape (commas, no known head)."""
    for d in _ACRONYM_ANYWHERE.finditer(ents.text):
        acr = d.group(1)
        if ents.covered(d.start() - 2, d.start()) or acr.isupper() is False and not acr[:2].isupper():
            continue
        words = list(_NAME_WORD.finditer(ents.text, max(0, d.start() - 160), d.start()))
        start = _spelling_start(ents.text, words, d.start(), acr)
        if start is None:
            continue
        end = len(ents.text[:d.start()].rstrip())
        inner = [m for m in ents.mentions if m.start < end and start < m.end]
        if any(m.start < start or m.end > end or m.entity_type != "organization" or (m.start, m.end) == (start, end)
               or "reference" in ents.orgs[m.entity_id].aliases.values() for m in inner):
            continue  # already known whole, or crossing something else: leave it
        name = ents.text[start:end]
        org = namer.from_name(name, _head_of(name) or name.split()[-1])
        if org is not None:
            ents.mentions = [m for m in ents.mentions if m not in inner]  # "Ministry of Science" was a fragment
            still = {m.entity_id for m in ents.mentions if m.entity_type == "organization"}
            for m in inner:
                if m.entity_id not in still:
                    ents.orgs.pop(m.entity_id, None)
            ents.add_org(org, start, end)


def _spelling_start(text: str, words, end: int, acr: str) -> int | None:
    """Where the run of name words ending at `end` starts if its initials spell `acr` (every capitalised
    word gives its initial; 'of', 'and', 'for' may or may not: MOSTI, STCSM, HKSTP)."""
    letters = "".join(c for c in acr.upper() if c.isalpha())
    run = []
    for w in reversed(words):
        if text[w.end():end].strip(" ,"):
            break  # the run of name words must be contiguous
        run.insert(0, w.group(0))
        end = w.start()
        if run[0][:1].isupper() and _spells([x for x in run if x not in (",", "the", "&")], letters):
            return w.start()
        if sum(x[:1].isupper() for x in run) > len(letters):
            return None
    return None


def _spells(words: list[str], letters: str) -> bool:
    if not words:
        return not letters
    w, rest = words[0], words[1:]
    if w[:1].isupper():
        return bool(letters) and letters[0] == w[0].upper() and _spells(rest, letters[1:])
    return (bool(letters) and letters[0] == w[0].upper() and _spells(rest, letters[1:])) or _spells(rest, letters)


def _acronyms(ents: DocumentEntities) -> None:
    """'Full Name (ACR)' defines ACR for this document; later bare 'ACR' mentions the same organisation."""
    for m in list(ents.mentions):
        if m.entity_type != "organization":
            continue
        d = _ACRONYM_DEF.match(ents.text, m.end)
        if not d:
            continue
        acr = d.group(1)
        org = ents.orgs[m.entity_id]
        if acr not in org.aliases:
            org.aliases[acr] = "acronym_definition"
        org.acronym = org.acronym or acr
        for occ in re.finditer(rf"\b{re.escape(acr)}\b", ents.text):
            if not ents.covered(occ.start(), occ.end()):
                ents.mentions.append(Mention("organization", org.organization_id, acr, occ.start(), occ.end()))


# ---------------------------------------------------------------------- people
def _is_name_word(w: Word, ents: DocumentEntities) -> bool:
    title_words, honorifics, stop, connectors, heads, _ = _lexicons()
    t = w.text
    if not t[:1].isupper() or w.is_punct or t in stop or t in heads or t in honorifics or t in _NON_ORG_NOUNS:
        return False
    if t in title_words and not names.is_surname(t):
        return False
    if ents.covered(w.start, w.end, ("organization",)):
        return False
    return bool(_NAME_SHAPE.fullmatch(t))


# A capitalised word of any script's letters ("Luís", "Peña", "Calvão"), with apostrophes and hyphens inside,
# or an initial ("M.").
_NAME_SHAPE = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-])*\.?")
_POSSESSIVE = re.compile(r"['’]s$")
_TITLE_OBJECT_LINKS = ("of", "for", "to", "at")
_POST_CONNECTORS = frozenset(("of", "and", "&", "the", "for"))  # inside a post: "Minister of Science and Technology"


@functools.lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    return frozenset(load_reference().names.get("name_particles", []))


@functools.lru_cache(maxsize=1)
def _portfolio_words() -> frozenset[str]:
    return frozenset(load_reference().portfolio_words)


def _name_end(words, k: int, ents: DocumentEntities, limit: int = 4, initials_only_dots: bool = False) -> int:
    """End (exclusive) of the name words from k: up to `limit` capitalised name words, with particles between
    them ("Raimundo Arrais do Rosário"); a possessive ("Helen Marsh's") is the last word of the name.
    With `initials_only_dots`, a word ending in a dot is allowed only as a middle initial ("Valeriy M. Matsel")."""
    particles = _particles()
    j, count = k, 0
    while j < len(words) and count < limit:
        w = words[j]
        if _is_name_word(w, ents):
            if initials_only_dots and w.text.endswith(".") and not (j > k and names.is_initial(w.text)):
                break
            j += 1
            count += 1
            if _POSSESSIVE.search(w.text):
                break
            continue
        if j > k and w.text in particles:
            p = j
            while p < len(words) and words[p].text in particles:
                p += 1
            if p < len(words) and _is_name_word(words[p], ents) and not words[p].text.endswith("."):
                j = p  # "van der Berg": the particles belong to the name when a name word follows
                continue
        break
    return j


@functools.lru_cache(maxsize=1)
def _title_heads_by_last_word() -> dict[str, list[list[str]]]:
    """The title heads as word lists, under their last word, longest first (as `_lexicons` orders them).

    `_title_before` runs for every word of every sentence; looking up the one word before it
    instead of comparing against every title keeps it O(1) per word.
    """
    index: dict[str, list[list[str]]] = {}
    for t in _lexicons()[5]:
        parts = t.split()
        index.setdefault(parts[-1], []).append(parts)
    return index


def _title_before(words, i) -> int | None:
    """Index where a title phrase ending just before word i starts ("Vice Minister", "Mayor")."""
    if i < 1:
        return None
    for parts in _title_heads_by_last_word().get(words[i - 1].text, ()):
        k = i - len(parts)
        if k >= 0 and [w.text for w in words[k:i]] == parts:
            ref = load_reference()
            while k > 0 and words[k - 1].text in ref.title_modifiers:
                k -= 1
            return k
    return None


def _people(ents: DocumentEntities, sent: Sentence) -> None:
    _, honorifics, _, _, _, _ = _lexicons()
    words = sent.words
    i = 0
    title_ends = _title_heads_by_last_word()
    while i < len(words):
        w = words[i]
        if not w.is_cap and w.text not in honorifics and w.text not in title_ends:
            i += 1  # no name starts here, and no title ends here: every test below would fail
            continue
        anchor = w.text in honorifics
        title_start = None if anchor else _title_before(words, i + 1)
        if anchor or title_start is not None:
            j = _name_end(words, i + 1, ents)
            if j < len(words) and words[j].text in _NON_ORG_NOUNS:
                j = i + 1  # "Partner State Key Laboratories": the words name a lab, not a person
            if j > i + 1:
                if anchor:  # "Vice President Professor Ran Dongmei": a title before the honorific
                    title_start = _title_before(words, i)
                span_start = words[title_start].start if title_start is not None else w.start
                _add_person(ents, sent, words, i + 1, j, span_start)
                i = j
                continue
            if not anchor and i + 1 < len(words) and words[i + 1].lower in _TITLE_OBJECT_LINKS:
                found = _name_after_title_object(ents, words, title_start, i)
                if found is not None:
                    ns, ne, affiliation = found
                    _add_person(ents, sent, words, ns, ne, words[title_start].start, affiliation)
                    i = ne
                    continue
        if _bare_name(words, i, ents):
            _add_person(ents, sent, words, i, i + 2, w.start)
            i += 2
            continue
        j = _appositive_name(words, i, ents)
        if j:
            _add_person(ents, sent, words, i, j, w.start)
            i = j
            continue
        i += 1


def _is_title_word(text: str) -> bool:
    title_words = _lexicons()[0]
    return text in title_words or text[:1].upper() + text[1:] in title_words


def _title_start(words, k: int) -> int | None:
    """Index of the first title word of an apposition starting at k ("the", "Singapore's" may come first)."""
    while k < len(words) and (words[k].lower == "the" or words[k].text.endswith(("'s", "’s"))):
        k += 1
    return k if k < len(words) and _is_title_word(words[k].text) else None


def _appositive_name(words, i: int, ents: DocumentEntities) -> int | None:
    """'Markus Feldmann, Executive Vice President of ...', 'Tan Wei Liang, Singapore's Senior Minister':
    two to four name words that an apposition gives a title are a person, whatever their origin."""
    if i > 0 and words[i - 1].is_cap and not words[i - 1].is_punct and i - 1 != 0:
        return None
    if not words[i].is_cap or not any(w.text == "," for w in words[i + 2:i + 7]):
        return None  # cheap test first: this runs at every word of every sentence
    j = _name_end(words, i, ents, initials_only_dots=True)
    if j - i < 2 or j >= len(words) or words[j].text != "," or _title_start(words, j + 1) is None:
        return None
    if i == 0 or words[i - 1].lower in ("and", "by", "with", "of", ",", "(", "from", "to"):
        return j
    return j if not words[i - 1].is_cap else None


def _bare_name(words, i, ents) -> bool:
    """'Zhang Jinru' with no honorific: a family name, a pinyin given name, and nothing name-like around."""
    if i + 1 >= len(words):
        return False
    a, b = words[i], words[i + 1]
    if not (names.is_surname(a.text) and a.text[:1].isupper() and b.text[:1].isupper()):
        return False
    if not names.is_pinyin_given(b.text) or not _is_name_word(a, ents) or not _is_name_word(b, ents):
        return False
    if i > 0 and words[i - 1].is_cap and not words[i - 1].is_punct and words[i - 1].text not in ("The",):
        if i - 1 != 0:
            return False
    if i + 2 < len(words) and words[i + 2].is_cap and not words[i + 2].is_punct:
        return False
    if default_namer().place(f"{a.text} {b.text}") or default_namer().place(b.text):
        return _title_follows(words, i + 2)  # "Wei Yanqing, General Manager of ..." (Yanqing is a district too)
    return True


def _title_follows(words, k: int) -> bool:
    """', Director of ...' right after a name: the words before are a person's name."""
    title_words = _lexicons()[0]
    return k + 1 < len(words) and words[k].text == "," and words[k + 1].text in title_words


@functools.lru_cache(maxsize=1)
def _title_modifiers() -> frozenset[str]:
    return frozenset(load_reference().title_modifiers)


def _name_after_title_object(ents: DocumentEntities, words, t0: int, t1: int):
    """'Vice Mayor of Shenzhen Municipality Ai Xuefeng', 'Secretary for Transport and Public Works Raimundo Arrais
    do Rosário', 'Ambassador to Laos Wang Wentian': a title (words t0..t1), its remit or post, and the name with
    no comma between. The name is the tail of the capitalised run after the post: it starts after the last
    organisation, place, head, portfolio word or connector, and must leave a post before it.
    Returns (name start, name end, (title, organisation id)) or None."""
    title_words, _, stop, _, _, _ = _lexicons()
    particles, portfolio, namer = _particles(), _portfolio_words(), default_namer()
    first = t1 + 2
    k = first
    while k < len(words) and k - first < 16 and (
            (words[k].is_cap and not words[k].is_punct) or words[k].lower in _POST_CONNECTORS
            or words[k].text in particles):
        if words[k].text in stop:
            break  # "... Martin Okafor on Monday"
        if words[k].text in title_words and words[k].text not in portfolio and not names.is_surname(words[k].text):
            break  # "... and Vice Governor of ...": another title starts, the run of this one ends before it
        if _POSSESSIVE.search(words[k].text):
            k += 1
            break
        k += 1
    end = k
    if k < len(words) and words[k].text in title_words:  # "... and Chinese Vice Minister X": drop what opens it
        modifiers = _title_modifiers()
        while end > first and (words[end - 1].text in modifiers or _is_country_word(words[end - 1].text)):
            end -= 1
    while end > first and (words[end - 1].lower in _POST_CONNECTORS or words[end - 1].text in particles):
        end -= 1
    start, count = end, 0
    while start > first and count < 4:
        w = words[start - 1]
        bare = _POSSESSIVE.sub("", w.text)
        if _is_name_word(w, ents) and bare not in portfolio and not namer.place(bare) and not _is_country_word(bare):
            start -= 1
            count += 1
        elif w.text in particles and start < end and start - 1 > first:
            start -= 1
        else:
            break
    while start < end and words[start].text in particles:
        start += 1
    if count < 2 or start <= first or words[start - 1].text in particles or not words[start - 1].is_cap:
        return None  # no name, no post left before it, or a post that ends in "for"/"of" ("Centre for Steel X")
    title = ents.text[words[t0].start:words[t1].end]
    seg_start, seg_end = words[first].start, words[start - 1].end
    orgs = ents.in_mentions("organization", seg_start, seg_end)
    if orgs:
        return start, end, (title, orgs[0].entity_id)
    office = _office_of(ents, title, ents.text[words[t1 + 1].start:seg_end])
    if office:
        return start, end, (title, office)
    place = _first_place(ents, seg_start, seg_end) if words[t1 + 1].lower == "of" else None
    if place is not None and place.place_type in JURISDICTION_TYPES:
        gov = default_namer().government_of(place)
        return start, end, (title, ents.add_org(gov, *_place_span(ents, place, seg_start, seg_end)).organization_id)
    return start, end, (ents.text[words[t0].start:seg_end], None)


def _add_person(ents: DocumentEntities, sent: Sentence, words, i: int, j: int, span_start: int,
                affiliation: tuple[str | None, str | None] | None = None) -> None:
    name_words = [w.text for w in words[i:j]]
    end = words[j - 1].end
    if _POSSESSIVE.search(name_words[-1]):  # "Professor Helen Marsh's team": the name stops before "'s"
        name_words[-1] = name_words[-1][:-2]
        end -= 2
    if len(name_words) == 1:
        ents.mentions.append(Mention("person", "?" + name_words[0], ents.text[span_start:end], span_start, end))
        return
    full, family, given = names.split_name(name_words)
    key = names.name_key(name_words)
    person = ents.people.get(key)
    if person is None:
        person = ents.people[key] = Person(key, full, family, given)
    title, org_id = affiliation or _apposition(ents, sent, words, j)
    if not (title or org_id):
        title, org_id = _title_before_comma(ents, words, next(k for k, w in enumerate(words) if w.start == span_start))
    if not (title or org_id):
        title, org_id = _owner_and_title_before(ents, span_start, words[i].start)
    if title or org_id:
        person.affiliations.append((org_id, title))
    ents.mentions.append(Mention("person", key, ents.text[span_start:end], span_start, end))


def _apposition(ents: DocumentEntities, sent: Sentence, words, j: int) -> tuple[str | None, str | None]:
    """', Deputy Director of Science and Technology Department of Hebei Province' after a name."""
    title_words, _, _, _, _, _ = _lexicons()
    if j >= len(words) or words[j].text != ",":
        return None, None
    k = _title_start(words, j + 1)
    if k is None:
        return None, None
    owner = [w for w in words[j + 1:k] if w.text.endswith(("'s", "’s"))]  # "Singapore's Senior Minister"
    title_parts = []
    while k < len(words) and words[k].text not in (",", ";", "(") and words[k].lower not in ("of", "for", "at", "in"):
        title_parts.append(words[k])
        k += 1
    if not title_parts or len(title_parts) > 6:
        return None, None
    if owner and k >= len(words) or owner and words[k].lower not in ("of", "for", "at", "in"):
        k = owner[0].i - words[0].i  # the title's organisation is the owner before it
    title = ents.text[title_parts[0].start:title_parts[-1].end]
    seg_end = next((w.end for w in words[k:] if w.text in (",", ";", "(")), sent.end)
    seg_start = words[k].start if k < len(words) else sent.end
    orgs = ents.in_mentions("organization", seg_start, seg_end)
    if orgs:
        return title, orgs[0].entity_id
    office = _office_of(ents, title, ents.text[seg_start:seg_end])
    if office:
        return title, office
    place = _first_place(ents, seg_start, seg_end)
    if place is not None:
        gov = default_namer().government_of(place)
        return title, ents.add_org(gov, *_place_span(ents, place, seg_start, seg_end)).organization_id
    return title, None


def _office_of(ents: DocumentEntities, title: str, rest: str) -> str | None:
    """'Minister of Science, Technology and Innovation' -> the document's 'Ministry of Science, Technology
    and Innovation'; 'Secretary for Innovation and Technology' -> its 'Innovation and Technology Bureau'."""
    office = load_reference().rules["title_offices"].get(title.split()[-1]) if title else None
    m = re.match(r"\s*(of|for)\s+(?:the\s+)?(.+)", rest)
    if office is None or m is None:
        return None
    topic = m.group(2).strip(" ,")
    wanted = (f"{office} of {topic}".lower(), f"{topic} {office}".lower())
    hits = {o.organization_id for o in ents.orgs.values()
            if o.canonical_name.lower().startswith(wanted[0]) or o.canonical_name.lower().startswith(wanted[1])}
    return hits.pop() if len(hits) == 1 else None


def _owner_and_title_before(ents: DocumentEntities, span_start: int, name_start: int) -> tuple[str | None, str | None]:
    """'Anhui Vice Governor Zhao Mingde', 'HFIPS President Liu Jianguo': an organisation or a jurisdiction
    right before the title that opens the person's mention is whom the title is held at."""
    _, honorifics, *_ = _lexicons()
    title = " ".join(w for w in ents.text[span_start:name_start].split() if w not in honorifics) or None
    if title is None or not _is_title_word(title.split()[-1]):
        return None, None
    owner = next((m for m in ents.mentions if m.entity_type == "organization" and m.end < span_start
                  and not ents.text[m.end:span_start].strip(" ")), None)
    if owner is not None:
        return title, owner.entity_id
    before = re.search(r"((?:[A-Z][\w'’-]*\s){1,3})$", ents.text[max(0, span_start - 40):span_start])
    if before is None:
        return title, None
    words = before.group(1).split()
    for k in range(len(words)):  # the longest place name that ends right before the title
        place = default_namer().place(" ".join(words[k:]))
        if place is not None and place.place_type in JURISDICTION_TYPES:
            start = span_start - len(" ".join(words[k:])) - 1
            return title, ents.add_org(default_namer().government_of(place), start, span_start - 1).organization_id
    return title, None


_TITLE_OPENERS = {"the", "The", "by", "and", "with", "(", "of"}


def _is_secretary_for(phrase) -> bool:
    """'Secretary for Innovation, Technology and Industry': the one title whose object may hold commas."""
    return len(phrase) > 2 and phrase[1].lower == "for"


def _title_before_comma(ents: DocumentEntities, words, k: int) -> tuple[str | None, str | None]:
    """'the Secretary for Innovation, Technology and Industry, Professor Raymond Fung', 'the Director of
    the STCSM, Mr Gu Wenbin': a title phrase, then a comma, then the name (gov.hk and Xinhua style)."""
    if k < 2 or words[k - 1].text != ",":
        return None, None
    s = next((s for s in range(k - 2, max(0, k - 14), -1)
              if (words[s - 1].text in _TITLE_OPENERS or _POSSESSIVE.search(words[s - 1].text))
              and _is_title_word(words[s].text)), None)
    if s is None or any(w.text in (",", ";") for w in words[s:k - 1]) and not _is_secretary_for(words[s:k - 1]):
        return None, None
    if _POSSESSIVE.search(words[s - 1].text):  # "South Africa's Deputy President, Mr X": the title is held there
        owner = _possessive_owner(ents, words, s - 1)
        return ents.text[words[s].start:words[k - 2].end], owner
    phrase = words[s:k - 1]
    head = next((n for n, w in enumerate(phrase) if w.lower in ("of", "for", "at")), len(phrase))
    title = ents.text[phrase[0].start:phrase[head - 1].end]
    if head == len(phrase):
        return title, None
    seg_start, seg_end = phrase[head].end, phrase[-1].end
    orgs = ents.in_mentions("organization", seg_start, seg_end)
    if orgs:
        return title, orgs[0].entity_id
    if phrase[head].lower == "for":  # "Secretary for X": the X Bureau
        ref = load_reference().org_by_name.get(ents.text[phrase[head + 1].start:seg_end] + " Bureau") \
            if head + 1 < len(phrase) else None
        if ref is not None:
            org = ents.add_org(default_namer().from_reference(ref), phrase[head + 1].start, seg_end)
            return title, org.organization_id
        return ents.text[phrase[0].start:seg_end], None
    place = _first_place(ents, seg_start, seg_end)
    if place is not None:
        gov = default_namer().government_of(place)
        return title, ents.add_org(gov, *_place_span(ents, place, seg_start, seg_end)).organization_id
    return title, None


def _possessive_owner(ents: DocumentEntities, words, p: int) -> str | None:
    """The organisation, or the government of the jurisdiction, named by the capitalised words ending in the
    possessive word p ("South Africa's", "the University's", "Hubei Province's")."""
    end = words[p].end - 2
    orgs = [m for m in ents.mentions if m.entity_type == "organization" and m.end == end]
    if orgs:
        return orgs[0].entity_id
    k = p
    while k > 0 and p - k < 3 and words[k - 1].is_cap and not words[k - 1].is_punct:
        k -= 1
    namer = default_namer()
    for q in range(k, p + 1):  # the longest place name that ends at the possessive
        place = namer.place(ents.text[words[q].start:end])
        if place is not None and place.place_type in JURISDICTION_TYPES and _is_acting_place(place):
            return ents.add_org(namer.government_of(place), words[q].start, end).organization_id
    return None


def _first_place(ents, start, end) -> PlaceRef | None:
    seg = ents.text[start:end]
    namer = default_namer()
    for m in re.finditer(r"[A-Z][\w'’]*(?: [A-Z][\w'’]*){0,3}", seg):
        words = m.group(0).split()
        for size in range(len(words), 0, -1):
            p = namer.place(" ".join(words[:size]))
            if p:
                return p
    return None


def _place_span(ents, place: PlaceRef, start, end) -> tuple[int, int]:
    seg = ents.text[start:end]
    for name in sorted((place.name, *place.aliases), key=len, reverse=True):
        k = seg.find(name)
        if k >= 0:
            stop = k + len(name)
            tail = re.match(r" (Province|Municipality|City)\b", seg[stop:])
            return start + k, start + stop + (tail.end() if tail else 0)
    return start, end


def _resolve_short_names(ents: DocumentEntities) -> None:
    """'Mayor Xu', 'Prof. Chung', 'Mrs. Lam' link to the one person of that family name; otherwise dropped."""
    out = []
    for m in ents.mentions:
        if m.entity_type == "person" and m.entity_id.startswith("?"):
            word = m.entity_id[1:].lower().rstrip(".")
            hits = [p for p in ents.people.values() if p.family_name and p.family_name.lower() == word]
            if not hits:
                hits = [p for p in ents.people.values() if word in p.key.split()]
            if not hits and _lone_family_name(m.entity_id[1:]):
                key = names.name_key([m.entity_id[1:]])  # "Minister Pandor", "Professor Zhang", and no full name
                hits = [ents.people.setdefault(key, Person(key, *names.split_name([m.entity_id[1:]])))]
            if len(hits) == 1:
                out.append(Mention("person", hits[0].key, m.surface, m.start, m.end))
            continue
        out.append(m)
    ents.mentions = out


def _lone_family_name(word: str) -> bool:
    """A name word alone after a title or an honorific, with no full name in the document to resolve to, is
    that person's family name, unless it names a place, a country or a people ("Minister Pandor" is a person;
    "Governor Michigan" would not be)."""
    bare = word.rstrip(".")
    return len(bare) > 1 and not bare.isupper() and default_namer().place(bare) is None and \
        default_namer().country_code(bare) is None


def _bare_family_names(ents: DocumentEntities) -> None:
    """'Tan led a delegation', 'Feldmann said': a family name alone, after the person was named in full,
    is that person when nobody else in the document bears it. Short family names that are also English
    words count only when the document writes them as a name (followed by a verb, after the full name)."""
    english_words = set(load_reference().names.get("english_word_surnames", []))
    by_family: dict[str, list[Person]] = {}
    for p in ents.people.values():
        if p.family_name and len(p.family_name) > 1:
            by_family.setdefault(p.family_name, []).append(p)
    first_seen = {m.entity_id: m.start for m in reversed(ents.mentions) if m.entity_type == "person"}
    for family, persons in by_family.items():
        if len(persons) != 1 or persons[0].key not in first_seen:
            continue
        rx = rf"(?<![\w'’-]){re.escape(family)}(?![\w'’-])(?=\s+[a-z]|[,;.])" if family in english_words \
            else rf"(?<![\w'’-]){re.escape(family)}(?![\w'’-])"
        for m in re.finditer(rx, ents.text):
            if m.start() > first_seen[persons[0].key] and not ents.covered(m.start(), m.end(), ("organization", "person",
                                                                                                 "place")):
                prev = ents.text[max(0, m.start() - 2):m.start()]
                if re.search(r"[A-Z][a-z]* $", ents.text[max(0, m.start() - 20):m.start()]) and not prev.endswith(". "):
                    continue  # part of a longer capitalised name
                ents.mentions.append(Mention("person", persons[0].key, family, m.start(), m.end()))


_JURISDICTION_OF = {"the province": ("province",), "the provincial government": ("province",),
                    "the city": ("city", "municipality"), "the municipal government": ("city", "municipality"),
                    "the city government": ("city", "municipality"), "the region": ("province",
                                                                                     "special_administrative_region"),
                    "the district government": ("district",)}


@functools.lru_cache(maxsize=1)
def _description_patterns() -> list[tuple[str, re.Pattern, tuple[str, ...]]]:
    """One pattern per kind of the `coreference` phrases ("the University" also at a sentence start), with
    the words after "the" that any match must contain: a document without them skips the regex scan."""
    out = []
    after = r"\b(?!\s+(?:of|for)\b|['’]s\s+[A-Z])"
    for org_type, phrases in load_reference().rules.get("coreference", {}).items():
        needles = tuple(p[4:] if p.startswith("the ") else p for p in phrases)
        if all(p.startswith("the ") for p in phrases):  # the same matches, but a leading class scans faster
            rx = r"[Tt](?<![\w][Tt])he\ (?:" + "|".join(map(re.escape, needles)) + ")" + after
        else:
            rx = r"\b(?:" + "|".join(re.sub(r"^the\\ ", r"[Tt]he\\ ", re.escape(p)) for p in phrases) + ")" + after
        out.append((org_type, re.compile(rx), needles))
    return out


def _definite_references(ents: DocumentEntities) -> None:
    """'the University', 'the ministry', 'the province': a definite description of a kind refers to the
    organisation of that kind named last before it (for a jurisdiction, its government)."""
    ents.mentions.sort(key=lambda m: (m.start, m.end))
    added = []
    for org_type, rx, needles in _description_patterns():
        if not any(n in ents.text for n in needles):
            continue
        for m in rx.finditer(ents.text):
            if ents.covered(m.start(), m.end()) or re.match(r"\s+[A-Z]", ents.text[m.end():m.end() + 2]):
                continue  # part of a name ("the University Grants Committee")
            target = _last_of_kind(ents, m.start(), org_type, m.group(0).lower())
            if target is not None:
                added.append(Mention("organization", target, m.group(0), m.start(), m.end()))
    ents.mentions.extend(added)


def _last_of_kind(ents: DocumentEntities, pos: int, org_type: str, phrase: str) -> str | None:
    place_types = _JURISDICTION_OF.get(phrase)
    for m in reversed(ents.mentions):
        if m.start >= pos:
            continue
        if m.entity_type == "organization" and ents.orgs[m.entity_id].org_type == org_type:
            if place_types is None or org_type != "government":
                return m.entity_id
            place = default_namer().jurisdiction_of(ents.orgs[m.entity_id])
            if place is not None and place.place_type in place_types:
                return m.entity_id
        if m.entity_type == "place" and place_types and ents.place_refs[m.entity_id].place_type in place_types:
            gov = default_namer().government_of(ents.place_refs[m.entity_id])
            ents.orgs.setdefault(gov.organization_id, gov)
            return gov.organization_id
    return None


# ---------------------------------------------------------------------- places
def _places(ents: DocumentEntities, doc: Doc) -> None:
    gz, rows = place_gazetteer()
    for hit in gz.find(doc, require_capital=True):
        if ents.covered(hit.start, hit.end):
            continue
        place = add_place(ents, rows[hit.key])
        ents.mentions.append(Mention("place", place.place_id, hit.surface, hit.start, hit.end))


# Between the members of a coordination: ", ", " and ", ", and the ".
_COORDINATION_GAP = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+(?:and|&)\s+(?:the\s+)?")
# Before a coordination of places that says where, not who: "in", "to", "from", "between", "visited" ...
_WHERE_BEFORE = re.compile(r"\b(?:in|at|near|across|throughout|around|inside|within|to|into|from|between|among|of|"
                           r"for|on|outside|via|visit|visits|visited|visiting|toured|tour|across)\s+(?:the\s+)?$", re.I)
_WORD_AFTER = re.compile(r"\s+(?:(?:have|has|had|will|would|also|jointly|both|all|then|today)\s+)*([a-z]+)\b")
_AUXILIARIES = frozenset(("have", "has", "had", "will", "would", "shall", "can", "could", "may", "are", "were", "is",
                          "was", "share", "shared", "agree", "sign", "launch", "establish", "set", "build", "hold",
                          "forge", "cooperate", "work", "join", "open", "co-host", "host", "jointly"))


def _acting_jurisdictions(ents: DocumentEntities) -> None:
    """'Jiangsu Province and the Gomel Region forged ties', 'China and the Association of Southeast Asian Nations
    (ASEAN) have launched', 'made by China, Shandong Province, and the University of Jinan': a jurisdiction listed
    with an organisation, or jurisdictions that are the subject of a verb, act through their governments. The
    place mention stays (where the text says where); its government is mentioned at the same words. Not after a
    word that makes a place a where ("in", "to", "from", "between", "visited"), nor for cities abroad, whose
    administrations the reference data cannot name."""
    found = sorted((m for m in ents.mentions if m.entity_type in ("organization", "place")), key=lambda m: m.start)
    if not any(m.entity_type == "place" for m in found):
        return
    groups, group = [], []
    for m in found:
        if group and _COORDINATION_GAP.fullmatch(ents.text, group[-1].end, m.start):
            group.append(m)
            continue
        if group:
            groups.append(group)
        group = [m]
    if group:
        groups.append(group)
    namer = default_namer()
    for group in groups:
        places = [m for m in group if m.entity_type == "place" and _is_acting_place(ents.place_refs[m.entity_id])]
        inner = {ents.place_refs[m.entity_id].country_code for m in places
                 if ents.place_refs[m.entity_id].place_type != "country"}
        # "made by China, Shandong Province and the University": a country listed beside its own province is the
        # nation the others are in, not a party
        places = [m for m in places if ents.place_refs[m.entity_id].place_type != "country"
                  or ents.place_refs[m.entity_id].country_code not in inner | ({"CN"} if None in inner else set())]
        if not places or _WHERE_BEFORE.search(ents.text, max(0, group[0].start - 16), group[0].start):
            continue
        if any(ents.text[m.end:m.end + 1] in ("-", "’", "'") or ents.text[m.start - 1:m.start] == "-" for m in places):
            continue  # "the Hubei-Hong Kong scheme", "China's ministry": the place qualifies something else
        acted = len(group) > 1 and any(m.entity_type == "organization" for m in group)
        if not acted and len(group) > 1:
            nxt = _WORD_AFTER.match(ents.text, group[-1].end)
            word = nxt.group(1) if nxt else ""
            acted = word in _AUXILIARIES or word in _signing_words() or (word.endswith("ed") and len(word) > 4)
        if not acted:
            continue
        for m in places:
            gov = namer.government_of(ents.place_refs[m.entity_id])
            if not ents.covered(m.start, m.end, ("organization",)):
                ents.add_org(gov, m.start, m.end)


def _is_acting_place(p: PlaceRef) -> bool:
    return p.place_type in JURISDICTION_TYPES and (p.place_type in ("country", "province") or p.country_code in (None, "CN"))


@functools.lru_cache(maxsize=1)
def _signing_words() -> frozenset[str]:
    return frozenset(v.split()[0] for v in load_reference().rules["signing_verbs"])


def place_id_for(p: PlaceRef) -> str:
    return make_id("place", p.name, p.region_code or p.country_code or "")


def add_place(ents: DocumentEntities, p: PlaceRef) -> Place:
    pid = place_id_for(p)
    if pid not in ents.places:
        parent = load_reference().place_by_name.get(p.parent) if p.parent else None
        if parent is None and p.parent == "China":
            parent = default_namer().place("China")
        ents.places[pid] = Place(pid, p.name, p.place_type, p.region_code, p.country_code or ("CN" if p.region_code else None),
                                 place_id_for(parent) if parent else None)
        ents.place_refs[pid] = p
        if parent is not None:
            add_place(ents, parent)
    return ents.places[pid]
