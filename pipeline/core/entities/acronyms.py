"""Acronyms: a name spelled out before its acronym in brackets, and the acronym's later mentions."""
from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.core.entities.bare_acronyms import is_acronym_shape
from pipeline.core.entities.document import DocumentEntities
from pipeline.core.entities.model import Mention
from pipeline.core.entities.name_shapes import name_shapes
from pipeline.core.text import word_starts

# "(ACR)", or "(ACR, its name in its own language)" / "(ACR; ...)", where the word must read as initials; an
# agreement's wording may come first: "(hereinafter referred to as ACR)", '(hereinafter "ACR")'
_ACRONYM_DEF = re.compile(r"\s*\((?:(?:here(?:in)?after|henceforth),?\s+(?:(?:referred\s+to\s+as|called)\s+)?)?[\"“]?"
                          r"([A-Z][A-Za-z&]{1,9})[\"”]?(\)|[,;]\s)")
_ACRONYM_ANYWHERE = re.compile(r"\(([A-Z][A-Za-z&*]{1,9})\)")
_NAME_WORD = re.compile(r"[A-Z][\w'’-]*|of|and|for|the|on|&|,")


def spelled_acronyms(ents: DocumentEntities) -> None:
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
        org = ents.namer.from_name(name, name_shapes(ents.rules).head_of(name) or name.split()[-1])
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


def defined_acronyms(ents: DocumentEntities) -> None:
    """'Full Name (ACR)' or 'Full Name (ACR, Nombre Completo)' defines ACR for this document; later bare 'ACR' mentions
    the same organisation."""
    for m in list(ents.mentions):
        if m.entity_type != "organization":
            continue
        d = _ACRONYM_DEF.match(ents.text, m.end)
        if not d:
            continue
        acr = d.group(1)
        if d.group(2) != ")" and not is_acronym_shape(acr):
            continue  # "(Chile, 2013)": a place and a year, no acronym
        org = ents.orgs[m.entity_id]
        if acr not in org.aliases:
            org.aliases[acr] = "acronym_definition"
        org.acronym = org.acronym or acr
        for at in _whole_word_starts(ents.text, acr):
            if not ents.covered(at, at + len(acr)):
                ents.mentions.append(Mention("organization", org.organization_id, acr, at, at + len(acr)))


def _whole_word_starts(text: str, acr: str) -> Iterator[int]:
    """The starts of `re.finditer(rf"\\b{re.escape(acr)}\\b", text)`: without a regex compiled for each acronym
    of each document where the acronym opens and ends with a letter (`\\b` then means no word character beside it)."""
    if acr[-1].isalnum():
        return word_starts(text, acr)
    return (occ.start() for occ in re.finditer(rf"\b{re.escape(acr)}\b", text))
