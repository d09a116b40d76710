"""Tokens, words and sentences over a document's clean text (spaCy blank English's tokenizer).

The extractors reason over *words*: spaCy tokens re-joined where the tokenizer splits a single
written word ("Kwok-fai", "People's", "15-member", "Engineer-in-chief"). Every word keeps its
character offsets into the clean text, so every fact can point back at its evidence.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

import spacy
from spacy.attrs import IDX, IS_PUNCT, LENGTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc

_JOINERS = {"-", "'s", "’s", "'", "’", "/"}
_PARAGRAPH_BREAK = re.compile(r"\n(?=\n)")  # one character and a lookahead: overlapping breaks in "\n\n\n" each count
_SENTENCE_ENDS = {".", "!", "?", "。"}
TOKENIZER_CACHE = 200_000  # white-space-separated chunks whose tokens the tokenizer remembers (spaCy's default: 10,000)


@functools.lru_cache(maxsize=1)
def blank_pipeline() -> Language:
    """One blank English pipeline per process: the tokenizer (sentences are split by `sentences`)."""
    nlp = spacy.blank("en")
    # "Environment(IUE)": an opening parenthesis written against a word starts a token of its own.
    infixes = [*nlp.Defaults.infixes, r"(?<=[^\W\d_])\((?=[^\W_])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    # The gazetteers' phrases (thousands of names) filled spaCy's default cache before the first document, so every
    # chunk of every document was split again; the cache holds what splitting gives, so only the time changes.
    nlp.tokenizer.max_cache_size = TOKENIZER_CACHE
    return nlp


class Word(NamedTuple):
    """A written word with its offsets; a named tuple because documents have thousands of them.

    `lower` and `is_cap` are stored, not computed: the recognisers ask for them at every word.
    """

    text: str
    start: int
    end: int
    i: int  # index of the word in its sentence
    lower: str
    is_cap: bool

    @property
    def is_punct(self) -> bool:
        return not any(map(str.isalnum, self.text))


_new_word = functools.partial(tuple.__new__, Word)  # Word from a 6-tuple, without _make's checks


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
    texts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    prev_joins = False
    for t, idx, no_space_after in tokens:
        if t.isspace():
            prev_joins = False
            continue
        if texts and prev_joins and (t in _JOINERS or texts[-1][-1:] in _JOINERS):
            texts[-1] += t
            ends[-1] = idx + len(t)
        else:
            texts.append(t)
            starts.append(idx)
            ends.append(idx + len(t))
        prev_joins = no_space_after
    return tuple(map(_new_word, zip(texts, starts, ends, range(base_index, base_index + len(texts)),
                                    [t.lower() for t in texts], [t[:1].isupper() for t in texts])))


def word_starts(text: str, word: str, also: str = "", then: re.Pattern | None = None) -> Iterator[int]:
    """Where `word` stands in `text` as a whole word (no letter, digit, underscore or a character of `also` on either
    side), and `then` matches right after it: the starts of `re.finditer(r"(?<![\\w{also}])word(?![\\w{also}])(?=then)")`,
    without compiling a regex for each word (bare family names: one search per person of every document)."""
    size, at = len(word), text.find(word) if word else -1
    while at >= 0:
        before, after = text[at - 1:at], text[at + size:at + size + 1]
        if _outside_word(before, also) and _outside_word(after, also) \
                and (then is None or then.match(text, at + size)):
            yield at
            at = text.find(word, at + size)
        else:
            at = text.find(word, at + 1)


def _outside_word(char: str, also: str) -> bool:
    """`char` (one character, or none at either end of the text) is none of `\\w` and `also`."""
    return not char or not (char.isalnum() or char == "_" or char in also)


def matches_from(regex: re.Pattern, openings: re.Pattern, text: str) -> Iterator[re.Match]:
    """`regex.finditer(text)` for a regex that never matches empty text and whose every match begins where
    `openings` (a character class) matches: it is tried only there. A long alternation whose branches begin with
    lookarounds is tried at every character by the regex engine; a class is skipped to in one step. (Tried at a
    position, a regex sees the text before it, as a search does: lookbehinds, word bounds and ^ hold as they would.)"""
    pos = 0
    while (at := openings.search(text, pos)) is not None:
        m = regex.match(text, at.start())
        if m is None:
            pos = at.start() + 1
        else:
            yield m
            pos = m.end()


def sentences(text: str, doc: Doc | None = None) -> list[Sentence]:
    """Split into sentences, never across a paragraph break (a blank line).

    Tokens are read as arrays (offset, length, trailing space, punctuation) rather than as spaCy
    Token objects: creating those was the largest single cost of extraction. A sentence begins where
    spaCy's sentencizer would begin one (`_sentence_starts`), and is cut again at every whitespace
    token holding a line break; such tokens belong to no sentence.
    """
    doc = doc if doc is not None else blank_pipeline()(text)
    out: list[Sentence] = []
    para_starts = [0] + [m.start() + 2 for m in _PARAGRAPH_BREAK.finditer(text)]
    columns = doc.to_array([IDX, LENGTH, SPACY, IS_PUNCT]).T.tolist()
    if not columns:
        return out
    offsets, lengths, spaces, punct = columns
    texts = [text[i:i + n] for i, n in zip(offsets, lengths)]
    no_space = [not s for s in spaces]
    breaks = [k for k, t in enumerate(texts) if "\n" in t and t.isspace()]
    bounds = _sentence_starts(texts, punct)
    # The tokens that are no word (white space) or may join the one before: a run of tokens without them is its
    # words token for token, built from these columns by slicing, without `_joined_words`' loop over the tokens.
    joining = [k for k, t in enumerate(texts) if t.isspace()
               or (k and no_space[k - 1] and (t in _JOINERS or texts[k - 1][-1:] in _JOINERS))]
    ends = [i + n for i, n in zip(offsets, lengths)]
    lowers = [t.lower() for t in texts]
    caps = [t[:1].isupper() for t in texts]
    for a, b in zip([0, *bounds], [*bounds, len(texts)]):
        cuts = breaks[bisect.bisect_left(breaks, a):bisect.bisect_left(breaks, b)]
        for p, q in zip([a, *(c + 1 for c in cuts)], [*cuts, b]):
            if p >= q:
                continue
            start, end = offsets[p], offsets[q - 1] + lengths[q - 1]
            para = bisect.bisect_right(para_starts, start) - 1
            if bisect.bisect_left(joining, p) == bisect.bisect_left(joining, q):
                words = tuple(map(_new_word, zip(texts[p:q], offsets[p:q], ends[p:q], range(q - p), lowers[p:q],
                                                 caps[p:q])))
            else:
                words = _joined_words(zip(texts[p:q], offsets[p:q], no_space[p:q]))
            out.append(Sentence(start, end, text[start:end], words, para))
    return out


def _sentence_starts(texts: list[str], punct: list[int]) -> list[int]:
    """The tokens (after the first) that begin a sentence, by spaCy's sentencizer rule with `_SENTENCE_ENDS` as its
    punct_chars: after a sentence-final mark, the first token that is neither punctuation nor such a mark. The
    same boundaries as that pipeline component, read from the token arrays instead of from Token objects (the
    component made one per token: a fifth of the tokenizing)."""
    starts, after_end = [], False
    for k, (t, is_punct) in enumerate(zip(texts, punct)):
        if t in _SENTENCE_ENDS:
            after_end = True
        elif after_end and not is_punct:
            starts.append(k)
            after_end = False
    return starts
