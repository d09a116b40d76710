"""Stable identifiers derived from content, never from row order or counters."""
from __future__ import annotations

import hashlib
import re
import unicodedata


def make_id(kind: str, *key: object) -> str:
    """`sha1(kind | key...)[:16]`: the same canonical key always yields the same id."""
    raw = "|".join([kind, *(str(k) for k in key)])
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def canonical_key(name: str) -> str:
    """Normalise a name for identity: case, punctuation, 'the', British/American spellings."""
    s = unicodedata.normalize("NFKC", name).lower().replace("\u2019", "'").replace("&", " and ")
    s = s.replace("centre", "center").replace("defence", "defense").replace("programme", "program")
    s = re.sub(r"[^a-z0-9' ]+", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^the ", "", s)
