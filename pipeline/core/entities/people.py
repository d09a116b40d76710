"""Personal names: shapes, family/given split, display form and the in-document identity key.

"XU Qin" (capitals mark the family name), "Xu Qin" (pinyin, family first), "Kwok-fai Chung" and
"Chung Kwok Fai" (Cantonese, either order), "Philip C. H. CHAN" and "Carrie Lam" (Western order).
Two spellings are one person when their lower-cased tokens are the same set, which is also how the
gold compares names.
"""
from __future__ import annotations

import functools
import re

from pipeline.core.reference import load_reference


@functools.lru_cache(maxsize=1)
def _name_tables():
    names = load_reference().names
    surnames = {s.lower() for s in names["pinyin_surnames"]} | {s.lower() for s in names["other_surnames"]}
    initials = "|".join(sorted(names["pinyin_initials"], key=len, reverse=True))
    finals = "|".join(sorted(names["pinyin_finals"], key=len, reverse=True))
    syllable = rf"(?:(?:{initials})?(?:{finals}))"
    return surnames, re.compile(rf"^{syllable}{{1,2}}$", re.I), {s.lower() for s in names["pinyin_surnames"]}


def is_surname(word: str) -> bool:
    return word.lower() in _name_tables()[0]


def is_pinyin_given(word: str) -> bool:
    """One or two pinyin syllables written as one word ("Deshui", "Qin"), or a hyphenated pair ("Tai-fai"); two syllables
    run to 12 letters ("Zhuangzhuang")."""
    if "-" in word:
        parts = word.split("-")
        return len(parts) == 2 and all(p.isalpha() and 1 < len(p) <= 6 for p in parts)
    return word.isalpha() and len(word) <= 12 and bool(_name_tables()[1].match(word))  # "Zhongyuan", "Zhuangzhuang"


def is_initial(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]\.?", word))


def display_word(word: str) -> str:
    """Capitals used to mark a family name become title case: 'CHAN' -> 'Chan', 'XU' -> 'Xu'."""
    if len(word) > 1 and word.isupper() and word.isalpha():
        return word.title()
    return word


def name_key(words: list[str]) -> str:
    tokens = re.sub(r"[.\-,]", " ", " ".join(words)).lower().split()
    return " ".join(sorted(tokens))


def split_name(words: list[str]) -> tuple[str, str | None, str | None]:
    """(full_name, family_name, given_name) from the name words as written."""
    shown = [display_word(w) for w in words]
    full = " ".join(shown)
    if len(words) == 1:
        return full, shown[0], None
    caps = [i for i, w in enumerate(words) if len(w) > 1 and w.isupper() and w.replace("-", "").isalpha()]
    if caps:
        fam = caps[0]
    elif is_surname(words[0]) and not any(is_initial(w) for w in words) and (
            all(is_pinyin_given(w) for w in words[1:])
            or (len(words) == 3 and all(w.isalpha() and len(w) <= 5 for w in words[1:]))):
        fam = 0  # Chinese order: "Xu Qin", "Lam Tai-fai", "Chung Kwok Fai"
    else:
        fam = len(words) - 1
    given = " ".join(s for i, s in enumerate(shown) if i != fam) or None
    return full, shown[fam], given
