"""The language table of a rulebook's `languages.yaml`: the languages the extractors read, the language of
each Unicode script, and each language's function words.

It is reference data, apart from the detection method in `pipeline/core/ingest/language.py`, so that a
reader of a warehouse (the report counts documents in languages the extractors do not read) can ask
`is_unread` without importing the ingest package and its HTML and PDF parsers. The file is read through
the rulebook, which checks its keys and their shapes; `language_table` checks the codes, script names and
words on top, once per rulebook.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pipeline.core.reference import ReferenceDataError, Rulebook, derived

LANGUAGES_FILE = "languages.yaml"  # in the reference folder
UNDETERMINED = "und"  # BCP 47: language not determined

_CODE = re.compile(r"[a-z]{2}")
_SCRIPT_NAME = re.compile(r"[A-Z]+")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class LanguageTable:
    """What `languages.yaml` says: languages read, the language of each script, function words."""

    read: frozenset[str]
    scripts: dict[str, str]
    function_words: dict[str, frozenset[str]]


def _fail(message: str) -> ReferenceDataError:
    return ReferenceDataError(f"{LANGUAGES_FILE}: {message}")


def _code(where: str, value: Any) -> str:
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        raise _fail(f"{where}: expected a two-letter lower-case ISO 639-1 code, got {value!r}")
    return value


@derived
def language_table(rules: Rulebook) -> LanguageTable:
    """The rulebook's language data, checked once per rulebook; ReferenceDataError names the entry."""
    return compile_languages(rules.rules_file(LANGUAGES_FILE))


def compile_languages(data: dict) -> LanguageTable:
    """The language table from the mapping of `languages.yaml` (its keys and their shapes already checked)."""
    if set(data) != {"read", "scripts", "function_words"}:
        raise _fail("top level: expected exactly the keys read, scripts, function_words")
    if not data["read"]:
        raise _fail("read: expected a non-empty list of language codes")
    read = frozenset(_code("read", code) for code in data["read"])
    scripts = {}
    for script, code in data["scripts"].items():
        if not isinstance(script, str) or not _SCRIPT_NAME.fullmatch(script):
            raise _fail(f"scripts: {script!r} is not an upper-case Unicode script name")
        scripts[script] = _code(f"scripts.{script}", code)
    words = {}
    for code, items in data["function_words"].items():
        _code("function_words", code)
        if not items or not all(_WORD.fullmatch(w) and w == w.casefold() for w in items):
            raise _fail(f"function_words.{code}: expected a non-empty list of lower-case single words")
        words[code] = frozenset(items)
    return LanguageTable(read, scripts, words)


def is_unread(language: str | None, table: LanguageTable) -> bool:
    """A document the extractors cannot read: its language is known and is not one they read."""
    return bool(language) and language != UNDETERMINED and language not in table.read
