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
from spacy.attrs import IDX, LENGTH, SENT_START, SPACY
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
    return _joined_words(((tok.text, tok.idx, tok.whitespace_ == "") for tok in tokens), base_index)


def _joined_words(tokens, base_index: int = 0) -> tuple[Word, ...]:
    """`words_of` over (text, offset, no space after) triples, so `sentences` needs no spaCy Token objects."""
    out: list[list] = []
    prev_joins = False
    for t, idx, no_space_after in tokens:
        if t.isspace():
            prev_joins = False
            continue
        if out and prev_joins and (t in _JOINERS or out[-1][0][-1:] in _JOINERS):
            out[-1][0] += t
            out[-1][2] = idx + len(t)
        else:
            out.append([t, idx, idx + len(t)])
        prev_joins = no_space_after
    return tuple(Word(t, s, e, n + base_index) for n, (t, s, e) in enumerate(out))


def sentences(text: str, doc: Doc | None = None) -> list[Sentence]:
    """Split into sentences, never across a paragraph break (a blank line).

    Tokens are read as arrays (offset, length, trailing space, sentence start) rather than as spaCy
    Token objects: creating those was the largest single cost of extraction. Sentences are the
    spans `Doc.sents` gives: a new one at every token whose SENT_START is 1.
    """
    doc = doc if doc is not None else blank_pipeline()(text)
    if not doc.has_annotation("SENT_START"):
        raise ValueError("sentences() needs a Doc with sentence boundaries (the sentencizer)")
    out: list[Sentence] = []
    para_starts = [0] + [m.start() + 2 for m in _PARAGRAPH_BREAK.finditer(text)]
    tokens = [(text[idx:idx + length], idx, not space, sent_start == 1)
              for idx, length, space, sent_start in doc.to_array([IDX, LENGTH, SPACY, SENT_START]).tolist()]
    bounds = [i for i in range(1, len(tokens)) if tokens[i][3]]
    for a, b in zip([0, *bounds], [*bounds, len(tokens)]):
        if a == b:
            continue
        pieces, cur = [], []
        for tok in tokens[a:b]:
            if "\n" in tok[0] and tok[0].isspace():
                if cur:
                    pieces.append(cur)
                cur = []
                continue
            cur.append(tok)
        if cur:
            pieces.append(cur)
        for toks in pieces:
            start, end = toks[0][1], toks[-1][1] + len(toks[-1][0])
            para = bisect.bisect_right(para_starts, start) - 1
            out.append(Sentence(start, end, text[start:end], _joined_words(t[:3] for t in toks), para))
    return out
