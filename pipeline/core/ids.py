"""Stable identifiers derived from content, never from row order or counters."""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata


def make_id(kind: str, *key: object) -> str:
    """`sha1(kind | key...)[:16]`: the same canonical key always yields the same id."""
    raw = "|".join([kind, *(str(k) for k in key)])
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


_NOT_KEPT = re.compile(r"[^a-z0-9' ]+")
_SPACES = re.compile(r"\s+")
_THE = re.compile(r"^the ")


@functools.lru_cache(maxsize=16384)
def canonical_key(name: str) -> str:
    """Normalise a name for identity: case, punctuation, 'the', British/American spellings. Remembered: a
    document asks for the keys of the same few names again and again."""
    s = unicodedata.normalize("NFKC", name).lower().replace("\u2019", "'").replace("&", " and ")
    s = s.replace("centre", "center").replace("defence", "defense").replace("programme", "program")
    s = _NOT_KEPT.sub(" ", s)
    s = _SPACES.sub(" ", s).strip()
    return _THE.sub("", s)
