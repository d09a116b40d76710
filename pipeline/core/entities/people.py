"""Personal names: shapes, family/given split, display form and the in-document identity key.

"XU Qin" (capitals mark the family name), "Xu Qin" (pinyin, family first), "Kwok-fai Chung" and
"Chung Kwok Fai" (Cantonese, either order), "Philip C. H. CHAN" and "Carrie Lam" (Western order).
Two spellings are one person when their lower-cased tokens are the same set, which is also how the
gold compares names.
"""
from __future__ import annotations

import functools
import re

from pipeline.core.entities.affiliations import (
    apposition,
    first_place,
    first_title_word,
    office_of,
    owner_and_title_before,
    place_span,
    title_before_comma,
)
from pipeline.core.entities.document import DocumentEntities
from pipeline.core.entities.lexicon import (
    NON_ORG_NOUNS,
    POSSESSIVE,
    is_country_word,
    lexicons,
    name_particles,
)
from pipeline.core.entities.model import Mention, Person
from pipeline.core.entities.orgs import default_namer
from pipeline.core.reference import JURISDICTION_TYPES, load_reference
from pipeline.core.text import Sentence, Word


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


def _is_name_word(w: Word, ents: DocumentEntities) -> bool:
    title_words, honorifics, stop, connectors, heads, _ = lexicons()
    t = w.text
    if not t[:1].isupper() or w.is_punct or t in stop or t in heads or t in honorifics or t in NON_ORG_NOUNS:
        return False
    if t in title_words and not is_surname(t):
        return False
    if ents.covered(w.start, w.end, ("organization",)):
        return False
    return bool(_NAME_SHAPE.fullmatch(t))


# A capitalised word of any script's letters ("Luís", "Peña", "Calvão"), with apostrophes and hyphens inside,
# or an initial ("M.").
_NAME_SHAPE = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-])*\.?")


_TITLE_OBJECT_LINKS = ("of", "for", "to", "at")


_POST_CONNECTORS = frozenset(("of", "and", "&", "the", "for"))  # inside a post: "Minister of Science and Technology"


@functools.lru_cache(maxsize=1)
def _portfolio_words() -> frozenset[str]:
    return frozenset(load_reference().portfolio_words)


def _name_end(words, k: int, ents: DocumentEntities, limit: int = 4, initials_only_dots: bool = False) -> int:
    """End (exclusive) of the name words from k: up to `limit` capitalised name words, with particles between
    them ("Raimundo Arrais do Rosário"); a possessive ("Helen Marsh's") is the last word of the name.
    With `initials_only_dots`, a word ending in a dot is allowed only as a middle initial ("Valeriy M. Matsel")."""
    particles = name_particles()
    j, count = k, 0
    while j < len(words) and count < limit:
        w = words[j]
        if _is_name_word(w, ents):
            if initials_only_dots and w.text.endswith(".") and not (j > k and is_initial(w.text)):
                break
            j += 1
            count += 1
            if POSSESSIVE.search(w.text):
                break
            continue
        if j > k and w.text in particles:
            p = j
            while p < len(words) and words[p].text in particles:
                p += 1
            if p < len(words) and _is_name_word(words[p], ents) and not words[p].text.endswith("."):
                j = p  # "van der Berg": the particles belong to the name when a name word follows
                continue
        break
    return j


@functools.lru_cache(maxsize=1)
def _title_heads_by_last_word() -> dict[str, list[list[str]]]:
    """The title heads as word lists, under their last word, longest first (as `lexicons` orders them).

    `_title_before` runs for every word of every sentence; looking up the one word before it
    instead of comparing against every title keeps it O(1) per word.
    """
    index: dict[str, list[list[str]]] = {}
    for t in lexicons()[5]:
        parts = t.split()
        index.setdefault(parts[-1], []).append(parts)
    return index


def _title_before(words, i) -> int | None:
    """Index where a title phrase ending just before word i starts ("Vice Minister", "Mayor")."""
    if i < 1:
        return None
    for parts in _title_heads_by_last_word().get(words[i - 1].text, ()):
        k = i - len(parts)
        if k >= 0 and [w.text for w in words[k:i]] == parts:
            ref = load_reference()
            while k > 0 and words[k - 1].text in ref.title_modifiers:
                k -= 1
            return k
    return None


def sentence_people(ents: DocumentEntities, sent: Sentence) -> None:
    _, honorifics, _, _, _, _ = lexicons()
    words = sent.words
    i = 0
    title_ends = _title_heads_by_last_word()
    while i < len(words):
        w = words[i]
        if not w.is_cap and w.text not in honorifics and w.text not in title_ends:
            i += 1  # no name starts here, and no title ends here: every test below would fail
            continue
        anchor = w.text in honorifics
        title_start = None if anchor else _title_before(words, i + 1)
        if anchor or title_start is not None:
            j = _name_end(words, i + 1, ents)
            if j < len(words) and words[j].text in NON_ORG_NOUNS:
                j = i + 1  # "Partner State Key Laboratories": the words name a lab, not a person
            if j > i + 1:
                if anchor:  # "Vice President Professor Ran Dongmei": a title before the honorific
                    title_start = _title_before(words, i)
                span_start = words[title_start].start if title_start is not None else w.start
                _add_person(ents, sent, words, i + 1, j, span_start)
                i = j
                continue
            if not anchor and i + 1 < len(words) and words[i + 1].lower in _TITLE_OBJECT_LINKS:
                found = _name_after_title_object(ents, words, title_start, i)
                if found is not None:
                    ns, ne, affiliation = found
                    _add_person(ents, sent, words, ns, ne, words[title_start].start, affiliation)
                    i = ne
                    continue
        if _bare_name(words, i, ents):
            _add_person(ents, sent, words, i, i + 2, w.start)
            i += 2
            continue
        j = _appositive_name(words, i, ents)
        if j:
            _add_person(ents, sent, words, i, j, w.start)
            i = j
            continue
        i += 1


def _appositive_name(words, i: int, ents: DocumentEntities) -> int | None:
    """'Markus Feldmann, Executive Vice President of ...', 'Tan Wei Liang, Singapore's Senior Minister':
    two to four name words that an apposition gives a title are a person, whatever their origin."""
    if i > 0 and words[i - 1].is_cap and not words[i - 1].is_punct and i - 1 != 0:
        return None
    if not words[i].is_cap or not any(w.text == "," for w in words[i + 2:i + 7]):
        return None  # cheap test first: this runs at every word of every sentence
    j = _name_end(words, i, ents, initials_only_dots=True)
    if j - i < 2 or j >= len(words) or words[j].text != "," or first_title_word(words, j + 1) is None:
        return None
    if i == 0 or words[i - 1].lower in ("and", "by", "with", "of", ",", "(", "from", "to"):
        return j
    return j if not words[i - 1].is_cap else None


def _bare_name(words, i, ents) -> bool:
    """'Zhang Jinru' with no honorific: a family name, a pinyin given name, and nothing name-like around."""
    if i + 1 >= len(words):
        return False
    a, b = words[i], words[i + 1]
    if not (is_surname(a.text) and a.text[:1].isupper() and b.text[:1].isupper()):
        return False
    if not is_pinyin_given(b.text) or not _is_name_word(a, ents) or not _is_name_word(b, ents):
        return False
    if i > 0 and words[i - 1].is_cap and not words[i - 1].is_punct and words[i - 1].text not in ("The",):
        if i - 1 != 0:
            return False
    if i + 2 < len(words) and words[i + 2].is_cap and not words[i + 2].is_punct:
        return False
    if default_namer().place(f"{a.text} {b.text}") or default_namer().place(b.text):
        return _title_follows(words, i + 2)  # "Wei Yanqing, General Manager of ..." (Yanqing is a district too)
    return True


def _title_follows(words, k: int) -> bool:
    """', Director of ...' right after a name: the words before are a person's name."""
    title_words = lexicons()[0]
    return k + 1 < len(words) and words[k].text == "," and words[k + 1].text in title_words


@functools.lru_cache(maxsize=1)
def _title_modifiers() -> frozenset[str]:
    return frozenset(load_reference().title_modifiers)


def _name_after_title_object(ents: DocumentEntities, words, t0: int, t1: int):
    """'Vice Mayor of Shenzhen Municipality Ai Xuefeng', 'Secretary for Transport and Public Works Raimundo Arrais
    do Rosário', 'Ambassador to Laos Wang Wentian': a title (words t0..t1), its remit or post, and the name with
    no comma between. The name is the tail of the capitalised run after the post: it starts after the last
    organisation, place, head, portfolio word or connector, and must leave a post before it.
    Returns (name start, name end, (title, organisation id)) or None."""
    title_words, _, stop, _, _, _ = lexicons()
    particles, portfolio, namer = name_particles(), _portfolio_words(), default_namer()
    first = t1 + 2
    k = first
    while k < len(words) and k - first < 16 and (
            (words[k].is_cap and not words[k].is_punct) or words[k].lower in _POST_CONNECTORS
            or words[k].text in particles):
        if words[k].text in stop:
            break  # "... Martin Okafor on Monday"
        if words[k].text in title_words and words[k].text not in portfolio and not is_surname(words[k].text):
            break  # "... and Vice Governor of ...": another title starts, the run of this one ends before it
        if POSSESSIVE.search(words[k].text):
            k += 1
            break
        k += 1
    end = k
    if k < len(words) and words[k].text in title_words:  # "... and Chinese Vice Minister X": drop what opens it
        modifiers = _title_modifiers()
        while end > first and (words[end - 1].text in modifiers or is_country_word(words[end - 1].text)):
            end -= 1
    while end > first and (words[end - 1].lower in _POST_CONNECTORS or words[end - 1].text in particles):
        end -= 1
    start, count = end, 0
    while start > first and count < 4:
        w = words[start - 1]
        bare = POSSESSIVE.sub("", w.text)
        if _is_name_word(w, ents) and bare not in portfolio and not namer.place(bare) and not is_country_word(bare):
            start -= 1
            count += 1
        elif w.text in particles and start < end and start - 1 > first:
            start -= 1
        else:
            break
    while start < end and words[start].text in particles:
        start += 1
    if count < 2 or start <= first or words[start - 1].text in particles or not words[start - 1].is_cap:
        return None  # no name, no post left before it, or a post that ends in "for"/"of" ("Centre for Steel X")
    title = ents.text[words[t0].start:words[t1].end]
    seg_start, seg_end = words[first].start, words[start - 1].end
    orgs = ents.in_mentions("organization", seg_start, seg_end)
    if orgs:
        return start, end, (title, orgs[0].entity_id)
    office = office_of(ents, title, ents.text[words[t1 + 1].start:seg_end])
    if office:
        return start, end, (title, office)
    place = first_place(ents, seg_start, seg_end) if words[t1 + 1].lower == "of" else None
    if place is not None and place.place_type in JURISDICTION_TYPES:
        gov = default_namer().government_of(place)
        return start, end, (title, ents.add_org(gov, *place_span(ents, place, seg_start, seg_end)).organization_id)
    return start, end, (ents.text[words[t0].start:seg_end], None)


def _add_person(ents: DocumentEntities, sent: Sentence, words, i: int, j: int, span_start: int,
                affiliation: tuple[str | None, str | None] | None = None) -> None:
    name_words = [w.text for w in words[i:j]]
    end = words[j - 1].end
    if POSSESSIVE.search(name_words[-1]):  # "Professor Helen Marsh's team": the name stops before "'s"
        name_words[-1] = name_words[-1][:-2]
        end -= 2
    if len(name_words) == 1:
        ents.mentions.append(Mention("person", "?" + name_words[0], ents.text[span_start:end], span_start, end))
        return
    full, family, given = split_name(name_words)
    key = name_key(name_words)
    person = ents.people.get(key)
    if person is None:
        person = ents.people[key] = Person(key, full, family, given)
    title, org_id = affiliation or apposition(ents, sent, words, j)
    if not (title or org_id):
        title, org_id = title_before_comma(ents, words, next(k for k, w in enumerate(words) if w.start == span_start))
    if not (title or org_id):
        title, org_id = owner_and_title_before(ents, span_start, words[i].start)
    if title or org_id:
        person.affiliations.append((org_id, title))
    ents.mentions.append(Mention("person", key, ents.text[span_start:end], span_start, end))


def resolve_short_names(ents: DocumentEntities) -> None:
    """'Mayor Xu', 'Prof. Chung', 'Mrs. Lam' link to the one person of that family name; otherwise dropped."""
    out = []
    for m in ents.mentions:
        if m.entity_type == "person" and m.entity_id.startswith("?"):
            word = m.entity_id[1:].lower().rstrip(".")
            hits = [p for p in ents.people.values() if p.family_name and p.family_name.lower() == word]
            if not hits:
                hits = [p for p in ents.people.values() if word in p.key.split()]
            if not hits and _lone_family_name(m.entity_id[1:]):
                key = name_key([m.entity_id[1:]])  # "Minister Pandor", "Professor Zhang", and no full name
                hits = [ents.people.setdefault(key, Person(key, *split_name([m.entity_id[1:]])))]
            if len(hits) == 1:
                out.append(Mention("person", hits[0].key, m.surface, m.start, m.end))
            continue
        out.append(m)
    ents.mentions = out


def _lone_family_name(word: str) -> bool:
    """A name word alone after a title or an honorific, with no full name in the document to resolve to, is
    that person's family name, unless it names a place, a country or a people ("Minister Pandor" is a person;
    "Governor Michigan" would not be)."""
    bare = word.rstrip(".")
    return len(bare) > 1 and not bare.isupper() and default_namer().place(bare) is None and \
        default_namer().country_code(bare) is None


def bare_family_names(ents: DocumentEntities) -> None:
    """'Tan led a delegation', 'Feldmann said': a family name alone, after the person was named in full,
    is that person when nobody else in the document bears it. Short family names that are also English
    words count only when the document writes them as a name (followed by a verb, after the full name)."""
    english_words = set(load_reference().names.get("english_word_surnames", []))
    by_family: dict[str, list[Person]] = {}
    for p in ents.people.values():
        if p.family_name and len(p.family_name) > 1:
            by_family.setdefault(p.family_name, []).append(p)
    first_seen = {m.entity_id: m.start for m in reversed(ents.mentions) if m.entity_type == "person"}
    for family, persons in by_family.items():
        if len(persons) != 1 or persons[0].key not in first_seen:
            continue
        rx = rf"(?<![\w'’-]){re.escape(family)}(?![\w'’-])(?=\s+[a-z]|[,;.])" if family in english_words \
            else rf"(?<![\w'’-]){re.escape(family)}(?![\w'’-])"
        for m in re.finditer(rx, ents.text):
            if m.start() > first_seen[persons[0].key] and not ents.covered(m.start(), m.end(), ("organization", "person",
                                                                                                 "place")):
                prev = ents.text[max(0, m.start() - 2):m.start()]
                if re.search(r"[A-Z][a-z]* $", ents.text[max(0, m.start() - 20):m.start()]) and not prev.endswith(". "):
                    continue  # part of a longer capitalised name
                ents.mentions.append(Mention("person", persons[0].key, family, m.start(), m.end()))
