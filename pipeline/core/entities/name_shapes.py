"""Organisations recognised by the shape of their names: runs of capitalised words around a head word
("X University", "Department of X of Y Province", "X Co., Ltd."), split where one name ends and the next begins.
"""
from __future__ import annotations

import functools
import re

from pipeline.core.entities.document import DocumentEntities
from pipeline.core.entities.lexicon import (
    NON_ORG_NOUNS,
    POSSESSIVE,
    STATE_TYPES,
    is_country_word,
    lexicons,
    name_particles,
)
from pipeline.core.entities.model import Mention, Org
from pipeline.core.entities.orgs import OrgNamer
from pipeline.core.reference import load_reference
from pipeline.core.text import Sentence, Word

# ", Ltd." after "X Co." belongs to the name: the word splitter stops at the comma.
_COMPANY_TAIL = re.compile(r",?\s?(?:Ltd\.?|Limited|Inc\.?)(?![\w-])")


_AND_AFTER = re.compile(r"\)?\s*(?:,|and|&)\s", re.I)


_AND_BEFORE = re.compile(r"\s(?:,|and|&)\s+(?:the\s+)?$", re.I)


_PIECE_TRIM = re.compile(r"[\s,()]*(?:(?:and|&|the|The)\s+)*(.*?)[\s,]*(?:\s(?:and|&|of|the))*[\s,()]*", re.S)


_COMPANY_SUFFIXES = {"Co.", "Co", "Ltd.", "Ltd", "Limited", "Inc.", "Inc", "Corporation", "Corp.", "Corp", "Company",
                     "LLC", "PLC", "GmbH", "AG", "A/S", "AB", "ASA", "SpA", "S.A.", "N.V.", "B.V.", "S.p.A.", "Oyj"}


_SPLITTERS = {"of", "for", "under", "at"}


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


def shaped_orgs(ents: DocumentEntities, sent: Sentence, namer: OrgNamer) -> None:
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
        if POSSESSIVE.search(ents.text, start, end) and end - start > 4:
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
                piece_head = head_of(ents.text[ps:pe])
                org = namer.from_name(ents.text[ps:pe], piece_head) if piece_head else None
                if org is not None:
                    ents.add_org(org, ps, pe)
            continue
        if any(m.start < start or m.end > end for m in inner):
            continue  # crosses a reference name: trust the reference
        if not inner:
            owner = _OF_THE.search(ents.text, start, end)
            parent_head = head_of(ents.text[owner.end():end]) if owner else None
            parent = namer.from_name(ents.text[owner.end():end], parent_head) if parent_head else None
            if parent is not None and head_of(ents.text[start:owner.start()]):
                # "Department of X Affairs of the Foreign Affairs Office of the Provincial Government": a unit,
                # then the body it belongs to, which is an organisation of its own
                inner = [Mention("organization", ents.add_org(parent, owner.end(), end).organization_id,
                                 ents.text[owner.end():end], owner.end(), end)]
                end = owner.start()
                head = head_of(ents.text[start:end])
        org = namer.from_name(ents.text[start:end], head)
        if org is None:
            continue
        if inner and org.parent_organization_id is None and re.search(r"\b(of|under|at)\b", ents.text[start:end]):
            parent = ents.orgs[inner[-1].entity_id]
            org.parent_organization_id = parent.organization_id
            org.parent = parent
            org.region_code = org.region_code or parent.region_code
            org.country_code = org.country_code or parent.country_code
            if org.org_type == "university_unit" and (parent.org_type in STATE_TYPES
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
    head = head_of(text[of.end():end])
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


def head_of(name: str) -> str | None:
    """The word that types a name: a company suffix when there is one, else its first head word."""
    heads = lexicons()[4]
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
    title_words, honorifics, stop, connectors, heads, _ = lexicons()
    out = []
    run: list[Word] = []

    leading, particles = _leading_heads(), name_particles()

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
                    run[end + 1].text in name_particles() and end + 2 < n and run[end + 2].is_cap)):
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
                    w.text in title_words or w.text in NON_ORG_NOUNS for w in run[start:m]):
                start = m + 1
                break
        while start < h and (run[start].lower in connectors or run[start].text == "The"):
            start += 1
        while start < h and is_country_word(run[start].text) and (
                POSSESSIVE.search(run[start].text) or not is_head[start + 1]):
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
