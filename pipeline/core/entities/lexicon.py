"""The word lists the recognition passes share: title words, honorifics, stop words, connectors, heads.

Organisation names and personal names are told apart by the same words (a title word is no name word; a
head word ends an organisation's name), so both kinds of pass read them from here.
"""
from __future__ import annotations

import functools
import re

from pipeline.core.entities.orgs import default_namer
from pipeline.core.reference import load_reference

STATE_TYPES = ("government", "government_department")


NON_ORG_NOUNS = {"Center", "Centre", "Centres", "Centers", "Laboratory", "Laboratories", "Lab", "Labs", "Platform", "Branch", "Base", "Division",
                  "Programme", "Program", "Scheme", "Project", "Initiative", "Forum", "Conference", "Seminar"}


POSSESSIVE = re.compile(r"['’]s$")


@functools.lru_cache(maxsize=1)
def lexicons():
    ref = load_reference()
    title_words = set()
    for t in (*ref.title_heads, *ref.title_modifiers):
        title_words.update(t.replace("-", " - ").split())
        title_words.add(t.split()[-1])
    title_words.update(ref.title_heads)
    honorifics = set(ref.honorifics) | {h.replace("'", "’") for h in ref.honorifics}  # "Dato'" / "Dato’"
    rules = ref.rules
    stop = set(rules.get("org_stopwords", []))
    connectors = {c.lower() for c in rules.get("name_connectors", [])}
    heads = set(default_namer().head_types)
    title_heads = sorted(ref.title_heads, key=lambda t: -len(t.split()))
    return title_words, honorifics, stop, connectors, heads, title_heads


@functools.lru_cache(maxsize=1)
def name_particles() -> frozenset[str]:
    return frozenset(load_reference().names.get("name_particles", []))


def is_title_word(text: str) -> bool:
    title_words = lexicons()[0]
    return text in title_words or text[:1].upper() + text[1:] in title_words


@functools.lru_cache(maxsize=4096)
def is_country_word(word: str) -> bool:
    ref = load_reference()
    word = re.sub(r"['’]s$", "", word)  # "China's Jilin University": the owner is no part of the name
    p = default_namer().places_by_lower.get(word.lower())
    return (p is not None and p.place_type == "country") or word.lower() in ref.demonyms
