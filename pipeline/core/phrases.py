"""Phrase lists compiled into fast regexes: the form in which the extractors search the rules' phrases.

`phrase_regex` compiles any tuple of phrases (memoised by the phrases themselves: a pure function);
`rule_regex`, `kind_regexes` and `confidence` read the phrase lists of a rulebook by key and are kept
on that rulebook, so rules from another reference folder compile their own.
"""
from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from pipeline.core.reference import Rulebook


@functools.lru_cache(maxsize=512)
def phrase_regex(phrases: tuple[str, ...]) -> re.Pattern:
    """Whole-word, case-insensitive match of any of the phrases, the longest one where several match.

    The alternation is written as a trie ("sign(?:ed|ing)?"): the regex engine tries alternatives one
    by one at every position of every sentence, and a flat list of fifty phrases made each search
    several times slower. The matches are those of the flat, longest-first alternation.
    """
    return gated_regex(re.compile(rf"(?<![\w-])(?:{phrase_alternation(p.lower() for p in phrases)})(?![\w-])", re.I),
                       phrases, opens_words=True)


def gated_regex(regex: re.Pattern, phrases: Iterable[str], opens_words: bool = False):
    """`regex`, with its `search` and `finditer` skipping text that holds none of `phrases` (in any case), and
    the text before the first of them: for a regex whose every match opens with one of them. With `opens_words`,
    that phrase also begins where a word may begin (no letter, digit, underscore or hyphen before it), as a
    `phrase_regex` match does: text without any phrase's opening characters there is skipped without a search."""
    phrases = tuple(phrases)
    alternation = phrase_alternation(p.lower() for p in phrases)
    if not alternation.isascii():
        return regex
    return _GatedPattern(regex, re.compile(alternation), _pieces(phrases),
                         _phrase_openings(phrases) if opens_words else None, _word_runs(phrases) if opens_words else None)


def _pieces(phrases: Iterable[str]) -> tuple[str, ...]:
    """Strings one of which any match of the phrases holds, lower case: each phrase's longest part between spaces
    (its spaces match any white space), less those that hold another (where one is there, so is the other)."""
    return _fewest({max(p.lower().split(" "), key=len) for p in phrases})


def _fewest(strings: set[str] | frozenset[str]) -> tuple[str, ...]:
    """The strings less those that hold another: where one is there, so is the other."""
    return tuple(sorted(s for s in strings if not any(t != s and t in s for t in strings)))


def literal_gated(regex: re.Pattern) -> re.Pattern:
    """`regex`, with its `search` and `finditer` skipping ASCII text that holds none of the strings one of which its
    every match holds (`_needed`, read from the regex itself, in any case): for a regex run on every sentence that
    the engine tries at every character (it opens with a word bound or ignores case) and most sentences cannot
    match. A regex with no such strings, or only short ones that nearly every sentence holds, is itself."""
    needed = _needed(re._parser.parse(regex.pattern, regex.flags).data)
    if not needed or min(map(len, needed)) < _LITERAL_GATE_MIN:
        return regex
    return _GatedPattern(regex, None, _fewest(needed), None, None)


_LITERAL_GATE_MIN = 3  # shorter needed strings ("to", "in") are in nearly every sentence
_REPEATS = (re._constants.MAX_REPEAT, re._constants.MIN_REPEAT, re._constants.POSSESSIVE_REPEAT)


def _needed(items) -> frozenset[str] | None:
    """Strings (lower case, no spaces that the regex does not write) one of which every match of these parsed regex
    items holds, the most telling such set (its shortest string the longest); None when there is none. Runs of
    ASCII literals give a string; a group, a branch whose every alternative gives strings, a repeat of at least one
    and a lookahead give theirs; anything else (classes, lookbehinds, other characters) gives nothing and ends a run. Case is
    set aside: lower-cased, the strings are in the lower-cased text of every match, in any case (on ASCII text)."""
    c = re._constants
    best: frozenset[str] | None = None
    run: list[str] = []

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and all(found) and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    for op, av in [*items, (None, None)]:
        if op is c.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if run:
            consider(frozenset(["".join(run)]))
            run = []
        consider(_needed_in(op, av))
    return best


def _needed_in(op, av) -> frozenset[str] | None:
    """`_needed` of one parsed item that holds others: a group, a branch, a repeat, a lookahead."""
    c = re._constants
    if op is c.SUBPATTERN:
        return _needed(av[3])
    if op is c.ATOMIC_GROUP:
        return _needed(av)
    if op is c.BRANCH:
        alternatives = [_needed(a) for a in av[1]]
        return frozenset().union(*alternatives) if all(alternatives) else None
    if op in _REPEATS and av[0] >= 1:
        return _needed(av[2])
    if op is c.ASSERT and av[0] == 1:  # a lookahead: what it sees lies after the match's start, before `endpos`
        return _needed(av[1])
    return None


def _phrase_openings(phrases: tuple[str, ...]) -> frozenset[str] | None:
    """The first OPENING_CHARS characters of the phrases, lower case; None when a phrase's first word is
    shorter ("to sign": after it comes any white space, which the openings of a text cannot stand for)."""
    openings = {p.lower()[:OPENING_CHARS] for p in phrases}
    if all(len(o) == OPENING_CHARS and " " not in o for o in openings):
        return frozenset(openings)
    return None


class _Runs(NamedTuple):
    """What the words of a text must hold for one of the phrases to stand in it (lower case; a word is a run of
    letters, digits, underscores and hyphens): one of `firsts` as a word, and, more narrowly, one of `singles` as a
    word or one of `pairs` as two words in a row."""

    firsts: frozenset[str]  # every phrase's first word
    singles: frozenset[str]  # the phrases of one word
    pairs: frozenset[tuple[str, str]]  # the first two words of the longer phrases


def _word_runs(phrases: tuple[str, ...]) -> _Runs | None:
    """The phrases' words as `_Runs`; None when a phrase has no word ("&").

    In a `phrase_regex` match every word of the phrase is a whole word of the text, and they follow one another
    there as in the phrase: the regex's lookarounds bound the first and the last (no letter, digit, underscore or
    hyphen outside them), and between two words stands what the phrase puts there (white space or other characters
    no word goes on past). So the text's words, in order, hold the phrase's words in a row."""
    runs = [_WORD.findall(p.lower()) for p in phrases]
    if not all(runs):
        return None
    return _Runs(frozenset(r[0] for r in runs), frozenset(r[0] for r in runs if len(r) == 1),
                 frozenset((r[0], r[1]) for r in runs if len(r) > 1))


class _GatedPattern:
    """A phrase regex with a cheap test first: most sentences hold none of the phrases.

    On ASCII text a case-insensitive match of lower-case ASCII phrases is a case-sensitive match in the
    lower-cased text (same length, same offsets), so the phrases without the word-boundary lookarounds
    searched there case-sensitively (several times faster: the engine can skip on first characters)
    find a superset of the places the regex matches; when they find nothing, neither does the regex.
    Anything else (non-ASCII text, other methods) goes to the regex itself, and every match comes from it.

    The phrases' words (`_Runs`), where given, are a cheaper test and take the gate's place: set look-ups against
    the text's words and pairs of words in a row (computed once per text), where the gate is a search; a sentence
    meets a dozen gates in turn, and most of them hold none. A text that passes holds the phrase in nearly every
    case (all but 19 of 33,000 over the generated and real documents), so the regex follows without the gate. The
    words are asked of whole texts only (a search bounded by `pos` or `endpos` may end a match at the bound,
    inside a word of the text); there, the openings of the phrases (their first characters) stand in for them.
    Before the gate's search, the phrases' `_pieces` are looked for as plain strings (`in`, `str.find`): a dozen of
    those cost a few times less than one search, and a gate with no word runs (a regex bounded by `\\b`, or by
    nothing) meets most sentences without any. Where the gate's search finds a phrase, the regex's own search begins
    there: a regex bounded by `\\b` and ignoring case is tried at every character, the gate skips to the phrase.
    """

    __slots__ = ("regex", "gate", "pieces", "openings", "runs")

    def __init__(self, regex: re.Pattern, gate: re.Pattern | None, pieces: tuple[str, ...], openings: frozenset[str] | None,
                 runs: _Runs | None):
        self.regex, self.gate, self.pieces, self.openings, self.runs = regex, gate, pieces, openings, runs

    def _start(self, string: str, pos: int, endpos: int) -> int | None:
        """Where the regex's search may begin (`pos`, or the first match of the gate after it: every match opens
        with a phrase, whose lower-cased text the gate matches there); None when the text holds no phrase."""
        if not string.isascii():
            return pos
        runs = self.runs
        if runs is not None and pos == 0 and endpos >= len(string):
            words = _words(string)
            absent = runs.firsts.isdisjoint(words) or (runs.singles.isdisjoint(words)
                                                       and runs.pairs.isdisjoint(_word_pairs(string)))
            return None if absent else pos
        if self.openings is not None and self.openings.isdisjoint(_openings(string)):
            return None
        low = _lower(string)
        if pos == 0 and endpos >= len(string):
            for piece in self.pieces:  # a loop, not `any` over a generator: this runs at every sentence for each gate
                if piece in low:
                    break
            else:
                return None
        elif pos >= 0 and all(low.find(piece, pos, endpos) < 0 for piece in self.pieces):
            return None
        if self.gate is None:
            return pos
        at = self.gate.search(low, pos, endpos)
        return None if at is None else at.start()

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        start = self._start(string, pos, endpos)
        return None if start is None else self.regex.search(string, start, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match]:
        start = self._start(string, pos, endpos)
        return iter(()) if start is None else self.regex.finditer(string, start, endpos)

    def __getattr__(self, name: str):
        return getattr(self.regex, name)


@functools.lru_cache(maxsize=64)
def _lower(string: str) -> str:
    """Lower case, remembered: each sentence (and slices and names) meets many gates in turn."""
    return string.lower()


OPENING_CHARS = 3
_OPENING = re.compile(rf"[^\w-](?=(.{{1,{OPENING_CHARS}}}))", re.S)  # what follows a character no word goes on past


@functools.lru_cache(maxsize=64)
def _openings(string: str) -> frozenset[str]:
    """The first OPENING_CHARS characters (fewer at the end) at the start of the lower-cased text and after each
    character that is not a letter, digit, underscore or hyphen: where a `phrase_regex` match may begin."""
    low = _lower(string)
    return frozenset([low[:OPENING_CHARS], *_OPENING.findall(low)])


_WORD = re.compile(r"[\w-]+")  # a whole word, as the lookarounds of `phrase_regex` bound one


@functools.lru_cache(maxsize=64)
def _word_list(string: str) -> list[str]:
    """The whole words of the lower-cased text (runs of letters, digits, underscores and hyphens), in order."""
    return _WORD.findall(_lower(string))


@functools.lru_cache(maxsize=64)
def _words(string: str) -> frozenset[str]:
    return frozenset(_word_list(string))


@functools.lru_cache(maxsize=64)
def _word_pairs(string: str) -> frozenset[tuple[str, str]]:
    """The text's words two by two, as they follow one another."""
    words = _word_list(string)
    return frozenset(zip(words, words[1:]))


def phrase_alternation(phrases: Iterable[str]) -> str:
    """The phrases as one regex alternation (spaces match any run of white space), written as a trie;
    where several match at one place the longest wins, as in a longest-first flat alternation."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    """Longer continuations first, the end of a phrase ("") last, so the engine prefers the longest phrase."""
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_pattern(child)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if "" not in node:
        return body
    return f"(?:{body})?" if len(branches) > 1 or len(branches[0]) > 1 else f"{body}?"


def rule_regex(rules: Rulebook, *keys: str) -> re.Pattern:
    """`phrase_regex` over the phrases of these keys of the rules file, compiled once per rulebook.

    The extractors run it on every sentence, so the look-up is one dict access keyed by the keys
    themselves; building the phrase tuple (or a key object) each time cost more than the search.
    """
    compiled = rules.derive(_compiled_rules)
    try:
        return compiled[keys]
    except KeyError:
        regex = compiled[keys] = phrase_regex(tuple(p for key in keys for p in rules.rules[key]))
        return regex


def _compiled_rules(rules: Rulebook) -> dict[tuple[str, ...], re.Pattern]:
    """The rulebook's compiled phrase regexes, by the keys they cover (filled as they are asked for)."""
    return {}


def kind_regexes(rules: Rulebook, key: str) -> tuple[re.Pattern, dict[str, re.Pattern]]:
    """For a rules entry of phrases by kind (agreement nouns by type, activities, lab heads): one regex
    for any of its phrases (a sentence without a match skips the per-kind scans) and one per kind.

    Kept per rulebook by the key alone, like `rule_regex`: it is asked for at every sentence."""
    compiled = rules.derive(_compiled_kinds)
    try:
        return compiled[key]
    except KeyError:
        kinds = rules.rules[key]
        regexes = compiled[key] = (phrase_regex(tuple(p for phrases in kinds.values() for p in phrases)),
                                   {kind: phrase_regex(tuple(phrases)) for kind, phrases in kinds.items()})
        return regexes


def _compiled_kinds(rules: Rulebook) -> dict[str, tuple[re.Pattern, dict[str, re.Pattern]]]:
    """The rulebook's `kind_regexes`, by rules key (filled as they are asked for)."""
    return {}


def confidence(rules: Rulebook, cue: str) -> float:
    """The trust a cue earns, from the rules file (strings there, so YAML keeps every leaf a phrase)."""
    value = float(rules.rules["confidence"][cue])
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"extraction.yaml: confidence {cue} = {value} is outside [0, 1]")
    return value
