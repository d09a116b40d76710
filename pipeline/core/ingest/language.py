"""The language of a document's clean text (documents.language), by script and function words.

The extractors read English only, so a page in another language yields no facts; recording its
language lets the run summary and the report say so instead of staying silent. No model is
loaded and nothing is fetched: the method is deterministic and cheap.

1. Count the letters of each Unicode script. A Han, kana or Hangul character weighs CJK_WEIGHT
   letters, since one carries about as much text as three Latin letters (a Chinese word is one or
   two characters, an English one about five letters), so a bilingual page is judged by how much
   of it each language holds, not by how many characters each script needs.
2. Under MIN_LETTERS weighted letters the text is too short to tell: `und`.
3. The script with the most weight decides. Han is Chinese unless kana make up KANA_SHARE of the
   Han and kana (Japanese); other scripts map to a language in `languages.yaml` (reference folder).
4. For Latin script, the language whose function words (same file) are the largest share of the
   words wins, if they are at least MIN_FUNCTION_SHARE of them and MIN_FUNCTION_WORDS in
   number; otherwise `und` (a list of names, a table of figures).

The table itself (pipeline/core/language_table.py) is read from the rulebook's `languages.yaml`.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

from pipeline.core.language_table import UNDETERMINED, LanguageTable

CJK_WEIGHT = 3
_WIDE_SCRIPTS = frozenset({"HAN", "KANA", "HANGUL"})
MIN_LETTERS = 20
KANA_SHARE = 0.1
MIN_FUNCTION_SHARE = 0.1
MIN_FUNCTION_WORDS = 3

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())
# Unicode character names begin with their script, but a few blocks have their own first word.
_SCRIPT_ALIASES = {"CJK": "HAN", "HIRAGANA": "KANA", "KATAKANA": "KANA"}
_WIDTH_PREFIXES = ("FULLWIDTH", "HALFWIDTH")


@functools.lru_cache(maxsize=8192)
def script_of(char: str) -> str | None:
    """The Unicode script of a letter (LATIN, HAN, KANA, HANGUL, CYRILLIC, ...); None for anything else."""
    if not char.isalpha():
        return None
    words = unicodedata.name(char, "").split(" ")
    first = words[1] if words[0] in _WIDTH_PREFIXES and len(words) > 1 else words[0]
    return _SCRIPT_ALIASES.get(first, first) or None


def _script_weights(text: str) -> Counter[str]:
    """Weighted letters per script. ASCII letters are counted in C (most text is mostly ASCII); only the
    other characters are looked at one by one."""
    weights: Counter[str] = Counter()
    ascii_letters = len(text.encode("ascii", "ignore").translate(None, _ASCII_NON_LETTERS))
    if ascii_letters:
        weights["LATIN"] = ascii_letters
    for char, count in Counter(_NON_ASCII.findall(text)).items():
        script = script_of(char)
        if script:
            weights[script] += count * (CJK_WEIGHT if script in _WIDE_SCRIPTS else 1)
    return weights


def _latin_language(text: str, table: LanguageTable) -> str:
    # Words are the space-separated tokens: a function word rarely carries punctuation, and splitting
    # in C keeps this cheap on long articles.
    words = Counter(text.casefold().split())
    best, best_hits = UNDETERMINED, 0
    for code, vocabulary in table.function_words.items():  # file order breaks ties
        hits = sum(words[w] for w in vocabulary & words.keys())  # only the words the text has
        if hits > best_hits:
            best, best_hits = code, hits
    if best_hits < MIN_FUNCTION_WORDS or best_hits < MIN_FUNCTION_SHARE * words.total():
        return UNDETERMINED
    return best


def detect_language(text: str, table: LanguageTable) -> str:
    """ISO 639-1 code of the language most of `text` is in, or `und` when it cannot be told."""
    weights = _script_weights(text)
    if sum(weights.values()) < MIN_LETTERS:
        return UNDETERMINED
    script = min(weights, key=lambda s: (-weights[s], s))  # ties: alphabetical, so the result is stable
    if script in ("HAN", "KANA"):
        japanese = weights["KANA"] >= KANA_SHARE * (weights["HAN"] + weights["KANA"])
        return table.scripts.get("KANA" if japanese else "HAN", UNDETERMINED)
    if script == "LATIN":
        return _latin_language(text, table)
    return table.scripts.get(script, UNDETERMINED)


__all__ = ["detect_language", "script_of"]
