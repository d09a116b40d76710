"""The language table of `pipeline/reference/languages.yaml`: the languages the extractors read, the
language of each Unicode script, and each language's function words.

It is reference data, apart from the detection method in `pipeline/core/ingest/language.py`, so that a
reader of a warehouse (the report counts documents in languages the extractors do not read) can ask
`is_unread` without importing the ingest package and its HTML and PDF parsers.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pipeline.core.reference import DEFAULT_REFERENCE_DIR, ReferenceDataError

LANGUAGES_FILE = DEFAULT_REFERENCE_DIR / "languages.yaml"
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


def _fail(path: Path, message: str) -> ReferenceDataError:
    return ReferenceDataError(f"{path.name}: {message}")


def _code(path: Path, where: str, value: Any) -> str:
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        raise _fail(path, f"{where}: expected a two-letter lower-case ISO 639-1 code, got {value!r}")
    return value


def load_languages(path: Path = LANGUAGES_FILE) -> LanguageTable:
    """Read and validate the language data; raise ReferenceDataError naming the file and the entry."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise _fail(path, f"cannot be read: {exc}") from exc
    if not isinstance(data, dict) or set(data) != {"read", "scripts", "function_words"}:
        raise _fail(path, "top level: expected exactly the keys read, scripts, function_words")
    if not isinstance(data["read"], list) or not data["read"]:
        raise _fail(path, "read: expected a non-empty list of language codes")
    read = frozenset(_code(path, "read", code) for code in data["read"])
    if not isinstance(data["scripts"], dict) or not isinstance(data["function_words"], dict):
        raise _fail(path, "scripts and function_words: expected mappings")
    scripts = {}
    for script, code in data["scripts"].items():
        if not isinstance(script, str) or not _SCRIPT_NAME.fullmatch(script):
            raise _fail(path, f"scripts: {script!r} is not an upper-case Unicode script name")
        scripts[script] = _code(path, f"scripts.{script}", code)
    words = {}
    for code, items in data["function_words"].items():
        _code(path, "function_words", code)
        if not isinstance(items, list) or not items or not all(
                isinstance(w, str) and _WORD.fullmatch(w) and w == w.casefold() for w in items):
            raise _fail(path, f"function_words.{code}: expected a non-empty list of lower-case single words")
        words[code] = frozenset(items)
    return LanguageTable(read, scripts, words)


@functools.lru_cache(maxsize=1)
def default_languages() -> LanguageTable:
    return load_languages()


def is_unread(language: str | None, table: LanguageTable | None = None) -> bool:
    """A document the extractors cannot read: its language is known and is not one they read."""
    table = table or default_languages()
    return bool(language) and language != UNDETERMINED and language not in table.read


__all__ = ["LANGUAGES_FILE", "UNDETERMINED", "LanguageTable", "default_languages", "is_unread", "load_languages"]
