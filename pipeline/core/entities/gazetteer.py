"""Phrase matchers built once from the reference data: organisations, places, field phrases; and the longest
run of words a lookup knows.

Names and aliases match case-insensitively (LOWER); acronyms match exactly as written (ORTH), so
"MOST" is the ministry and "most" is not.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple, TypeVar

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipeline.core.reference import OrgRef, PlaceRef, Rulebook, derived
from pipeline.core.text import blank_pipeline

T = TypeVar("T")


class Hit(NamedTuple):
    """A match; a named tuple: a document has hundreds, and a frozen dataclass sets each field by a call."""

    start: int  # character offsets
    end: int
    key: int  # index into the gazetteer's entries
    surface: str


class Gazetteer:
    """Longest non-overlapping matches of a set of phrases, each phrase pointing at one entry."""

    def __init__(self, phrases: list[tuple[str, int]], exact: list[tuple[str, int]] = (),
                 bulk: list[tuple[str, int]] = ()):
        """`phrases` match in any case and `exact` as written, each under its entry's own matcher key; `bulk` phrases
        (thousands: the broad world list) match in any case under one key, their entry looked up by the words matched,
        which keeps building the matcher cheap."""
        nlp = blank_pipeline()
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        for matcher, items in ((self._lower, phrases), (self._orth, exact)):
            by_key: dict[int, list] = {}
            for text, key in items:
                if docs := _docs(nlp, text):
                    by_key.setdefault(key, []).extend(docs)
            for key, docs in by_key.items():
                matcher.add(str(key), docs)
        self._bulk: dict[tuple[int, ...], int] = {}  # the words' lower-case forms, as string hashes -> entry
        listed = [(doc, key) for text, key in bulk for doc in _docs(nlp, text)]
        for doc, key in listed:
            self._bulk.setdefault(tuple(t.lower for t in doc), key)
        if listed:
            self._lower.add(_BULK, [doc for doc, _ in listed])
        # The matchers with phrases: an empty one still walks every token of a document (about half a full one's time).
        self._matchers = tuple(m for m in (self._lower, self._orth) if len(m))

    def find(self, doc: Doc, require_capital: bool = False) -> list[Hit]:
        """The longest matches, then the earliest, that overlap none taken before them.

        A match is read from its first and last Token rather than as a spaCy Span (one made only for the text of a
        match of several words that is taken): most of the cost was making Spans, and Tokens for their text."""
        found = []
        strings = doc.vocab.strings
        for matcher in self._matchers:
            for match_id, s, e in matcher(doc):
                first, last = doc[s], doc[e - 1]
                if require_capital and not first.text[:1].isupper():
                    continue
                label = strings[match_id]
                key = self._bulk[tuple(doc[i].lower for i in range(s, e))] if label == _BULK else int(label)
                found.append((first.idx, last.idx + len(last), key, first.text if e - s == 1 else (s, e)))
        found.sort(key=lambda h: (h[0] - h[1], h[0]))
        starts: list[int] = []  # the matches taken, disjoint, by start (so their ends ascend too)
        taken: list[tuple[int, int, int, str | tuple[int, int]]] = []  # with its text, or its tokens if several
        for h in found:
            k = bisect.bisect_left(starts, h[1])  # the taken matches starting before h ends
            if k and taken[k - 1][1] > h[0]:  # the last of them (the one ending last) overlaps h
                continue
            starts.insert(k, h[0])
            taken.insert(k, h)
        return [Hit(start, end, key, text if isinstance(text, str) else doc[text[0]:text[1]].text)
                for start, end, key, text in taken]


_SPELLINGS = (("Centre", "Center"), ("Center", "Centre"))
_BULK = "bulk"


def _docs(nlp, text: str) -> list[Doc]:
    return [nlp.make_doc(variant) for variant in _variants(text) if variant.strip()]


def _variants(text: str) -> set[str]:
    """The forms news writes a phrase in: apostrophes both ways (Xiong'an / Xiong’an, People's / People’s), centres in
    British and American spelling, "&" for "and"."""
    out = {text}
    for a, b in _SPELLINGS:
        if a in text:
            out.add(text.replace(a, b))
    # "Innovation & Technology Commission" is the "Innovation and Technology Commission"
    out |= {re.sub(r"(?<=\w) and (?=[A-Z])", " & ", t) for t in out} | {t.replace(" & ", " and ") for t in out}
    return out | {t.replace("'", "\u2019") for t in out}


@derived
def org_gazetteer(ref: Rulebook) -> tuple[Gazetteer, list[OrgRef]]:
    """The reference organisations' names and aliases, each hit keyed by its row in `ref.organizations`."""
    phrases, exact, bulk = [], [], []
    for n, o in enumerate(ref.organizations):
        if o.listed:
            bulk.extend((name, n) for name in (o.canonical_name, *o.aliases) if not _is_acronym(name))
            exact.extend((a, n) for a in o.aliases if _is_acronym(a))
            continue
        phrases.append((o.canonical_name, n))
        phrases.extend((a, n) for a in o.aliases if not _is_acronym(a))
        exact.extend((a, n) for a in o.aliases if _is_acronym(a))
        if o.acronym:
            exact.append((o.acronym, n))
    return Gazetteer(phrases, exact, bulk), ref.organizations


@derived
def place_gazetteer(ref: Rulebook) -> tuple[Gazetteer, list[PlaceRef]]:
    """The reference places' names and aliases, each hit keyed by its row in `ref.places`."""
    phrases, exact = [], []
    for n, p in enumerate(ref.places):
        for name in (p.name, *p.aliases):
            (exact if _is_acronym(name) else phrases).append((name, n))
    return Gazetteer(phrases, exact), ref.places


def _is_acronym(text: str) -> bool:
    """Short forms written with capitals inside ("PolyU", "HKSAR", "US") must match exactly."""
    t = text.replace(".", "").replace("-", "")
    return " " not in text and len(t) <= 8 and sum(c.isupper() for c in t) >= 2


def longest_run(words: Sequence[str], lookup: Callable[[str], T | None], *, at_start: bool) -> tuple[int, T] | None:
    """The longest run of `words` at their start (or at their end) that `lookup` knows, the words joined by
    single spaces: (how many words, what `lookup` gave), or None.

    A name is read off the words around another ("South African Ministry of ...", "... of the Philippines",
    "Hubei Province's"): the longest run that is a name wins, so "South African" is not read as "African".
    """
    for n in range(len(words), 0, -1):
        hit = lookup(" ".join(words[:n] if at_start else words[len(words) - n:]))
        if hit:
            return n, hit
    return None
