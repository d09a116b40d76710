"""Tokens, words and sentences over a document's clean text (spaCy blank English + sentencizer).

The extractors reason over *words*: spaCy tokens re-joined where the tokenizer splits a single
written word ("Kwok-fai", "People's", "15-member", "Engineer-in-chief"). Every word keeps its
character offsets into the clean text, so every fact can point back at its evidence.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc

_JOINERS = {"-", "'s", "’s", "'", "’", "/"}
_PARAGRAPH_BREAK = re.compile(r"(?=\n\n)")  # a lookahead, so overlapping breaks in "\n\n\n" each count


@functools.lru_cache(maxsize=1)
def blank_pipeline() -> Language:
    """One blank English pipeline per process: tokenizer plus rule-based sentence splitter."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", "。"]})
    return nlp


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int
    i: int  # index of the word in its sentence

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_punct(self) -> bool:
        return not any(c.isalnum() for c in self.text)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    words: tuple[Word, ...]
    paragraph: int


def words_of(tokens, base_index: int = 0) -> tuple[Word, ...]:
    """Join tokens written without a space between them by a hyphen or apostrophe."""
    out: list[list] = []
    prev_joins = False
    for tok in tokens:
        t = tok.text
        if t.isspace():
            prev_joins = False
            continue
        if out and prev_joins and (t in _JOINERS or out[-1][0][-1:] in _JOINERS):
            out[-1][0] += t
            out[-1][2] = tok.idx + len(t)
        else:
            out.append([t, tok.idx, tok.idx + len(t)])
        prev_joins = tok.whitespace_ == ""
    return tuple(Word(t, s, e, n + base_index) for n, (t, s, e) in enumerate(out))


def sentences(text: str, doc: Doc | None = None) -> list[Sentence]:
    """Split into sentences, never across a paragraph break (a blank line)."""
    doc = doc if doc is not None else blank_pipeline()(text)
    out: list[Sentence] = []
    para_starts = [0] + [m.start() + 2 for m in _PARAGRAPH_BREAK.finditer(text)]
    for sent in doc.sents:
        pieces, cur = [], []
        for tok in sent:
            if "\n" in tok.text and tok.text.isspace():
                if cur:
                    pieces.append(cur)
                cur = []
                continue
            cur.append(tok)
        if cur:
            pieces.append(cur)
        for toks in pieces:
            start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            para = bisect.bisect_right(para_starts, start) - 1
            out.append(Sentence(start, end, text[start:end], words_of(toks), para))
    return out
