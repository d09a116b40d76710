"""People: personal names (shapes, family/given split, display form, the in-document identity key) and the
passes that find them in a document, after honorifics and titles, bare, or in apposition.

"XU Qin" (capitals mark the family name), "Xu Qin" (pinyin, family first), "Kwok-fai Chung" and
"Chung Kwok Fai" (Cantonese, either order), "Philip C. H. CHAN" and "Carrie Lam" (Western order).
Two spellings are one person when their lower-cased tokens are the same set, which is also how the
gold compares names.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.core.entities.affiliations import (
    apposition,
    first_title_word,
    government_named_in,
    organisation_or_office,
    owner_and_title_before,
    title_before_comma,
)
from pipeline.core.entities.document import DocumentEntities
from pipeline.core.entities.lexicon import NON_ORG_NOUNS, POSSESSIVE, Lexicon, lexicon
from pipeline.core.entities.model import Mention, Person
from pipeline.core.entities.orgs import OrgNamer, org_namer
from pipeline.core.reference import JURISDICTION_TYPES, Rulebook, derived
from pipeline.core.text import Sentence, Word, word_starts

# A capitalised word of any script's letters ("Luís", "Peña", "Calvão"), with apostrophes and hyphens inside,
# or an initial ("M.").
_NAME_SHAPE = re.compile(r"(?:[A-Z]\.){2,3}|[^\W\d_](?:[^\W\d_]|['’\-])*\.?")  # ("A.K. Sharma": initials run together)
_TITLE_OBJECT_LINKS = ("of", "for", "to", "at")
# A plural's possessive ("President Higgins’ State Visit"): the name ends at it, without the apostrophe.
_S_POSSESSIVE = re.compile(r"s['’]$")
# Family names of a telling shape ("O’Connor", "McGregor"): the word before one is a given name.
_GAELIC_SURNAME = re.compile(r"(?:O['’]|Mac|Mc)[A-Z][a-z]+")
_POST_CONNECTORS = frozenset(("of", "and", "&", "the", "for"))  # inside a post: "Minister of Science and Technology"
# A post that says where, read when the post above leaves no name: "Counsellor of the Embassy in Beijing Anna Berg",
# "Ambassador of Chile to China Anna Berg" (tried second: "Ambassador to China Wang Yi in Beijing" ends at "Yi")
_POST_PLACE_CONNECTORS = _POST_CONNECTORS | {"in", "to"}
# After a family name that is also an English word, what shows it used as a name: a verb, or a comma or a stop.
_AS_A_NAME = re.compile(r"\s+[a-z]|[,;.]")


@derived
def _surnames(rules: Rulebook) -> frozenset[str]:
    return frozenset(s.lower() for key in ("pinyin_surnames", "other_surnames", "korean_surnames",
                                                         "vietnamese_surnames") for s in rules.names[key])


@derived
def _pinyin_given(rules: Rulebook) -> re.Pattern:
    """One or two pinyin syllables (an optional initial and a final each)."""
    initials = "|".join(sorted(rules.names["pinyin_initials"], key=len, reverse=True))
    finals = "|".join(sorted(rules.names["pinyin_finals"], key=len, reverse=True))
    syllable = rf"(?:(?:{initials})?(?:{finals}))"
    return re.compile(rf"^{syllable}{{1,2}}$", re.I)


@derived
def _given_names(rules: Rulebook) -> frozenset[str]:
    return frozenset(rules.names["given_names"])


@derived
def _ambiguous_given_names(rules: Rulebook) -> frozenset[str]:
    return frozenset(rules.names["ambiguous_given_names"])


@derived
def _post_nominals(rules: Rulebook) -> frozenset[str]:
    return frozenset(rules.names.get("post_nominals") or ())


@derived
def _name_joiners(rules: Rulebook) -> frozenset[str]:
    return frozenset(rules.names["name_joiners"])


def is_given_name(rules: Rulebook, word: str) -> bool:
    return word in _given_names(rules)


def is_surname(rules: Rulebook, word: str) -> bool:
    return word.lower() in _surnames(rules)


def is_pinyin_given(rules: Rulebook, word: str) -> bool:
    """One or two pinyin syllables written as one word ("Deshui", "Qin"), or a hyphenated pair ("Tai-fai"); two syllables
    run to 12 letters ("Zhuangzhuang")."""
    if "-" in word:
        parts = word.split("-")
        return len(parts) == 2 and all(p.isalpha() and 1 < len(p) <= 6 for p in parts)
    return word.isalpha() and len(word) <= 12 and bool(_pinyin_given(rules).match(word))  # "Zhongyuan", "Zhuangzhuang"


def name_shape_end(rules: Rulebook, words: Sequence[Word], i: int) -> int | None:
    """End (exclusive) of a personal name that starts at word i by its shape alone, with no organisation known yet:
    an honorific and two to four name words ("Academician Fang Binxing"), a common given name and one to three
    more ("Irina Petrova"), or a pinyin family and given name ("Zhou Wanlei"); None when there is none, or when a
    head follows the words ("Sun Yat-sen University", "George Washington University" are names of bodies).
    Organisation names stop before such a name ("Faculty of Data Science Zhou Wanlei and ...")."""
    lex, n = lexicon(rules), len(words)
    k = i + 1 if words[i].text in lex.honorifics else i
    if k >= n or not words[k].is_cap:
        return None
    pinyin = k == i and k + 1 < n and is_surname(rules, words[k].text) and is_pinyin_given(rules, words[k + 1].text) \
        and not (k + 2 < n and _shaped_name_word(lex, words[k + 2]))  # "Law Zhang Hua": the name is the last two
    if k == i and not pinyin and not is_given_name(rules, words[k].text):
        return None
    j = k
    while j < n and j - k < (2 if pinyin else 4) and _shaped_name_word(lex, words[j]):
        j += 1
    if j - k < 2 or j < n and (words[j].text in lex.heads or words[j].text in NON_ORG_NOUNS):
        return None
    namer = org_namer(rules)
    if namer.place(" ".join(w.text for w in words[k:j])) or pinyin and namer.place(words[k + 1].text):
        return None  # "Hong Kong", "Yan'an"
    return j


def _shaped_name_word(lex: Lexicon, w: Word) -> bool:
    t = w.text
    return w.is_cap and not w.is_punct and t not in lex.heads and t not in lex.stop_words and t not in lex.title_words \
        and t not in lex.honorifics and t not in NON_ORG_NOUNS and bool(_NAME_SHAPE.fullmatch(t))


def is_initial(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]\.?|(?:[A-Z]\.){2,3}", word))


def display_word(word: str) -> str:
    """Capitals used to mark a family name become title case: 'CHAN' -> 'Chan', 'XU' -> 'Xu'."""
    if len(word) > 1 and word.isupper() and word.isalpha():
        return word.title()
    return word


def name_key(words: list[str]) -> str:
    tokens = re.sub(r"[.\-,]", " ", " ".join(words)).lower().split()
    return " ".join(sorted(tokens))


def split_name(rules: Rulebook, words: list[str]) -> tuple[str, str | None, str | None]:
    """(full_name, family_name, given_name) from the name words as written."""
    shown = [display_word(w) for w in words]
    full = " ".join(shown)
    if len(words) == 1:
        return full, shown[0], None
    caps = [i for i, w in enumerate(words) if len(w) > 1 and w.isupper() and w.replace("-", "").isalpha()]
    if caps:
        fam = caps[0]
    elif is_surname(rules, words[0]) and not any(is_initial(w) for w in words) and (
            all(is_pinyin_given(rules, w) for w in words[1:])
            or (len(words) == 3 and all(w.isalpha() and len(w) <= 5 for w in words[1:]))):
        fam = 0  # Chinese order: "Xu Qin", "Lam Tai-fai", "Chung Kwok Fai"
    else:
        fam = len(words) - 1
    given = " ".join(s for i, s in enumerate(shown) if i != fam) or None
    return full, shown[fam], given


@derived
def _title_modifiers(rules: Rulebook) -> frozenset[str]:
    return frozenset(rules.title_modifiers)


@derived
def _portfolio_words(rules: Rulebook) -> frozenset[str]:
    return frozenset(rules.portfolio_words)


def _is_name_word(w: Word, ents: DocumentEntities) -> bool:
    """A word that may be part of a person's name: capitalised, no title, honorific, head or stop word, and outside
    the organisations found."""
    lex, t = ents.lexicon, w.text
    if not t[:1].isupper() or w.is_punct or t == "The" or t in lex.stop_words or t in lex.honorifics \
            or t in NON_ORG_NOUNS or t in lex.headline_verbs or t in lex.heads and not is_surname(ents.rules, t):
        return False  # (a head that is a family name, "Park", may close a name outside the organisations)
    if t in lex.title_words and not is_surname(ents.rules, t):
        return False
    if ents.covered(w.start, w.end, ("organization",)):
        return False
    return bool(_NAME_SHAPE.fullmatch(t))


def _name_end(words, k: int, ents: DocumentEntities, limit: int = 4, initials_only_dots: bool = False) -> int:
    """End (exclusive) of the name words from k: up to `limit` capitalised name words, with particles between
    them ("Raimundo Arrais do Rosário"); a possessive ("Helen Marsh's") is the last word of the name.
    With `initials_only_dots`, a word ending in a dot is allowed only as a middle initial ("Valeriy M. Matsel")."""
    particles, joiners = ents.lexicon.particles, _name_joiners(ents.rules)
    j, count = k, 0
    while j < len(words) and count < limit:
        w = words[j]
        if _honorific_len(ents.lexicon, words, j) or j > k and w.text in _post_nominals(ents.rules):
            break  # "Ambassador H. E. Anna Berg": the honorific opens the name after it; "Anna Berg AO": an honour ends it
        if j == k and _acronym_before_name(ents, words, j):
            break  # "Deputy PM Anna Berg": an acronym of a title or a body is no first name word
        if _is_name_word(w, ents) or _stop_word_in_name(ents, words, k, j):
            if initials_only_dots and w.text.endswith(".") and not (j > k and is_initial(w.text)):
                break
            j += 1
            count += w.text not in joiners  # "Ghaleb Al Hadrami Al Breiki": the joiners are not counted
            if POSSESSIVE.search(w.text) or _S_POSSESSIVE.search(w.text):
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


def _acronym_before_name(ents: DocumentEntities, words: Sequence[Word], k: int) -> bool:
    """Word k is capitals that are no family name ("PM", "CEO"), and a full name in mixed case follows; capitals
    before a family name alone are initials ("CY Leung")."""
    t = words[k].text
    return 1 < len(t) <= 4 and t.isupper() and t.isalpha() and not is_surname(ents.rules, t.title()) \
        and k + 2 < len(words) and all(w.text[1:2].islower() and _is_name_word(w, ents) for w in words[k + 1:k + 3])


def _honorific_len(lex: Lexicon, words: Sequence[Word], k: int) -> int:
    """How many words the honorific at word k has: one ("Dr."), two ("H. E."), or none."""
    if words[k].text in lex.honorifics:
        return 1
    return 2 if words[k].text in lex.honorific_openings and k + 1 < len(words) \
        and f"{words[k].text} {words[k + 1].text}" in lex.honorifics else 0


def _stop_word_in_name(ents: DocumentEntities, words: Sequence[Word], k: int, j: int) -> bool:
    """A capitalised stop word that is a name word here: a given name that is also a month or a word of English
    first, before another name word ("Professor Jan Novak", "Dr. Jun Pan"), or a family name that is also a word,
    last ("Prof. Lizhe An.", "Dr. Yan Jun said")."""
    t, n = words[j].text, len(words)
    if t not in ents.lexicon.stop_words:
        return False
    if j == k:
        return t in _ambiguous_given_names(ents.rules) and j + 1 < n and _is_name_word(words[j + 1], ents)
    return (is_surname(ents.rules, t) or t in _ambiguous_given_names(ents.rules)) and not (
        j + 1 < n and words[j + 1].is_cap and not words[j + 1].is_punct)


def _title_before(ents: DocumentEntities, words: Sequence[Word], i: int) -> int | None:
    """Index where a title phrase ending just before word i starts ("Vice Minister", "Mayor")."""
    if i < 1:
        return None
    for parts in ents.lexicon.title_heads_by_last_word.get(words[i - 1].text, ()):
        k = i - len(parts)
        if k >= 0 and [w.text for w in words[k:i]] == parts:
            modifiers = _title_modifiers(ents.rules)
            while k > 0 and words[k - 1].text in modifiers:
                k -= 1
            return k
    return None


def sentence_people(ents: DocumentEntities, sent: Sentence) -> None:
    """The people a sentence names, from its first word to its last: after an honorific or a title, or by a
    name's own shape (a bare pinyin name, a name that an apposition gives a title)."""
    lex, words = ents.lexicon, sent.words
    # read once per sentence, not at each word: the test below is made at every word of the document
    honorifics, title_heads, person_nouns = lex.honorifics, lex.title_heads_by_last_word, _person_nouns(ents.rules)
    i, n = 0, len(words)
    while i < n:
        w = words[i]
        if not w.is_cap and w.text not in honorifics and w.text.capitalize() not in title_heads \
                and w.text not in person_nouns:
            i += 1  # no name starts here, and no title or noun for a person ends here: every test below would fail
            continue
        after = _person_at(ents, sent, i)
        i = i + 1 if after is None else after


def _person_at(ents: DocumentEntities, sent: Sentence, i: int) -> int | None:
    """The person whose mention starts at word i (an honorific, a title or the name), added; the index of the
    word after the mention, or None when no person starts there."""
    words = sent.words
    after = _titled_person(ents, sent, i)
    if after is None:
        after = _lowercase_titled_person(ents, sent, i) or _labelled_person(ents, sent, i)
    if after is not None:
        return after
    if _bare_name(words, i, ents):
        _add_person(ents, sent, words, i, i + 2, words[i].start)
        return i + 2
    j = _given_name_first(words, i, ents) or _appositive_name(words, i, ents) or _lone_appositive_name(words, i, ents) \
        or _name_by_its_clause(ents, words, i) or _name_after_titled_comma(ents, words, i) \
        or _initial_and_family_name(ents, words, i)
    if j:
        _add_person(ents, sent, words, i, j, words[i].start)
        return j
    return None


def _titled_person(ents: DocumentEntities, sent: Sentence, i: int) -> int | None:
    """'Professor Ran Dongmei', 'Vice President Professor Ran Dongmei', 'Mayor Xu', 'Vice Mayor of Shenzhen
    Municipality Ai Xuefeng': the name after an honorific, or after a title ending at word i. Adds the person;
    returns the index after the name, or None."""
    words = sent.words
    honorific = _honorific_len(ents.lexicon, words, i)
    anchor = honorific > 0
    title_start = None if anchor else _title_before(ents, words, i + 1)
    if not anchor and title_start is None:
        return None
    first = i + max(honorific, 1)
    j = first + 2 if _chinese_pair(ents, words, first) else _name_end(words, first, ents)
    if j < len(words) and words[j].text in NON_ORG_NOUNS:
        j = first  # "Partner State Key Laboratories": the words name a lab, not a person
    if j > first:
        if anchor:  # "Vice President Professor Ran Dongmei": a title before the honorific
            title_start = _title_before(ents, words, i)
        span_start = words[title_start].start if title_start is not None else words[i].start
        _add_person(ents, sent, words, first, j, span_start)
        return j
    if anchor or i + 1 >= len(words) or words[i + 1].lower not in _TITLE_OBJECT_LINKS:
        return None
    found = _name_after_title_object(ents, words, title_start, i)
    if found is None:
        return None
    ns, ne, affiliation = found
    _add_person(ents, sent, words, ns, ne, words[title_start].start, affiliation)
    return ne


def _chinese_pair(ents: DocumentEntities, words: Sequence[Word], k: int) -> bool:
    """Words k and k + 1 are a Chinese name that holds a word the stop list keeps out of names ("Dr. Jun Pan",
    "Prof. Lizhe An": a month's abbreviation, an article): a family name and a pinyin given name, in either order,
    with no name word after them."""
    if k + 1 >= len(words) or not any(w.text in ents.lexicon.stop_words for w in words[k:k + 2]):
        return False
    a, b = words[k].text, words[k + 1].text
    if not (a[:1].isupper() and b[:1].isupper()) or ents.covered(words[k].start, words[k + 1].end, ("organization",)):
        return False
    rules = ents.rules
    pair = (is_surname(rules, a) and is_pinyin_given(rules, b)) or (is_pinyin_given(rules, a) and is_surname(rules, b))
    return pair and not (k + 2 < len(words) and _is_name_word(words[k + 2], ents))


def _lowercase_titled_person(ents: DocumentEntities, sent: Sentence, i: int) -> int | None:
    """'former US president Jimmy Carter', 'the university's vice president Anna Berg', 'Chinese technician Dun
    Xinhong': a title written in lower case, or a noun for a person (`people_nouns`), ending at word i, names the
    person after it only when a full name follows (two to four name words).
    Adds the person; returns the index after the name, or None."""
    words, lex = sent.words, ents.lexicon
    if not words[i].text.islower() or words[i].text.capitalize() not in lex.title_heads_by_last_word \
            and words[i].text not in _person_nouns(ents.rules):
        return None  # ("Chinese technician Dun Xinhong", "Nobel Prize winner Dan Shechtman": a noun for a person)
    j = _name_end(words, i + 1, ents)
    if j - (i + 1) < 2 or (j < len(words) and words[j].text in NON_ORG_NOUNS):
        return None
    start, modifiers = i, _title_modifiers(ents.rules)
    while start > 0 and words[start - 1].text.islower() and words[start - 1].text.capitalize() in modifiers:
        start -= 1  # "vice president"
    _add_person(ents, sent, words, i + 1, j, words[start].start)
    return j


def _labelled_person(ents: DocumentEntities, sent: Sentence, i: int) -> int | None:
    """'Editor : Li Yan', 'Reporter: Anna Berg  Photo: ...': two or three name words after a byline label and a
    colon, ending where the line, the sentence or the capitalised words end (an acronym after them is the
    publisher's: "Editor : Li Yan ECNS App"), and not a body's name ("Photo: Getty Images", "Author: Global
    Times"). Adds the person; returns the index after the name, or None."""
    words = sent.words
    if words[i].text not in ents.lexicon.byline_labels or i + 2 >= len(words) or words[i + 1].text not in (":", "："):
        return None
    k = i + 2
    j = _name_end(words, k, ents, limit=3)
    j = next((n for n in range(k + 1, j) if _name_ends_here(ents.text, words, n)), j)
    if j - k < 2 or not _name_ends_here(ents.text, words, j) or words[j - 1].text in ents.lexicon.body_name_ends:
        return None
    _add_person(ents, sent, words, k, j, words[k].start)
    return j


def _name_ends_here(text: str, words: Sequence[Word], j: int) -> bool:
    """Nothing name-like goes on after word j - 1: the sentence ends, a line or a wide gap follows, or a punctuation
    mark, a lower-case word, an acronym or the next label ("Author:Li Yan Hits:3629")."""
    if j >= len(words):
        return True
    gap, nxt = text[words[j - 1].end:words[j].start], words[j].text
    return "\n" in gap or len(gap) > 1 or words[j].is_punct or not nxt[:1].isupper() or nxt.isupper() or ":" in nxt


def _appositive_name(words, i: int, ents: DocumentEntities) -> int | None:
    """'Markus Feldmann, Executive Vice President of ...', 'Tan Wei Liang, Singapore's Senior Minister':
    two to four name words that an apposition gives a title are a person, whatever their origin."""
    if i > 0 and words[i - 1].is_cap and not words[i - 1].is_punct and i - 1 != 0:
        return None
    if not words[i].is_cap or not any(w.text == "," for w in words[i + 2:i + 7]):
        return None  # cheap test first: this runs at every word of every sentence
    j = _name_end(words, i, ents, initials_only_dots=True)
    c = _photo_position_end(ents.text, words, j)
    comma = j - i >= 2 and c < len(words) and words[c].text == ","
    k = first_title_word(ents.lexicon, words, c + 1) if comma else None
    if k is None or words[k].is_cap and not _title_starts(ents, words, k):
        # "Belt and Road Science, Technology and Innovation ...": a word of a title is no title; but a post's
        # head may come later ("Anna Berg, the Tunisian minister for ...", "..., a 30-year-old student from ...")
        if not comma or not _role_in_apposition(ents, words, c + 1) or _opens_with_place(ents, words, i, j) \
                or _ends_like_a_body(ents, words[j - 1].text) \
                or any(ents.lexicon.is_country_word(w.text) or w.text.isupper() or w.lower in STOP_WORDS
                       or w.text in _MONTHS for w in words[i:j]):
            return None  # ("Early May, Iranian Vice President ...": a date, no name)
    if words[c + 1].lower in ("a", "an", "the") and _opens_with_place(ents, words, i, j):
        return None  # "Hong Kong Polytechnic, a member of ...", "Tianjin Eco-City, the second ...": no person's
    if i == 0 or words[i - 1].lower in ("and", "by", "with", "of", ",", "(", "from", "to"):
        return j
    return j if not words[i - 1].is_cap else None


_MONTHS = frozenset(calendar.month_name[1:])
# Where an apposition's post has ended without its head: its object, or a clause
_ROLE_ENDS = frozenset(("of", "for", "at", "in", "from", "with", "to", "on", "who", "which", "that", "and", "said"))


def _role_in_apposition(ents: DocumentEntities, words: Sequence[Word], k: int) -> bool:
    """Whether the apposition from word k holds a post's head or a noun for a person within its first six words,
    before its object or any punctuation: "a 30-year-old postgraduate student", "Argentina's science minister",
    "vice-director of", "pro-vice-chancellor", "Chief Global Officer"."""
    heads, nouns = ents.lexicon.title_heads_by_last_word, _person_nouns(ents.rules)
    for w in words[k:k + 6]:
        if w.is_punct or w.lower in _ROLE_ENDS or w.text in ents.lexicon.honorifics:
            return False  # (an honorific opens another person's name: "School of X, Mr. Chen Yang, Director")
        last = w.text.rsplit("-", 1)[-1]
        if w.text.islower() and (last.capitalize() in heads or last in nouns) or w.is_cap and w.text in heads:
            return True
    return False


_LONE_NAME_BEFORE = frozenset(("with", "and", "by", ",", "met", "from"))


def _lone_appositive_name(words, i: int, ents: DocumentEntities) -> int | None:
    """'met with Karimov, governor of the region, and Saidov, Uzbek ambassador to China': one name word that an
    apposition gives a title (a country's word may come first) is a person known by one name, when it follows a
    word that lists or meets people."""
    if i == 0 or words[i - 1].lower not in _LONE_NAME_BEFORE or i + 2 >= len(words) or words[i + 1].text != ",":
        return None
    w = words[i]
    if not _is_name_word(w, ents) or w.text.isupper() or ents.namer.place(w.text) or ents.lexicon.is_country_word(
            w.text) or w.text in ents.lexicon.particles or w.text in _portfolio_words(ents.rules):
        return None  # "Secretary for Innovation, Technology and Industry, Professor ...": a post's last word
    k = _title_after(ents, words, i + 2)
    if k is None or words[k].text in ents.lexicon.honorifics and k + 1 < len(words) and _is_name_word(words[k + 1],
                                                                                                     ents):
        return None  # ", Professor Anna Berg": an honorific before another person's name, no title of this word
    return i + 1


_CLAUSE_AFTER_NAME = frozenset(("who", "whose"))


def _name_by_its_clause(ents: DocumentEntities, words, i: int) -> int | None:
    """'applicants included Anna Berg who made ...', 'a further student, Tom Hale, has ...': two or three name words
    that a relative pronoun follows, or that stand in apposition to a noun for people, are a person, whatever their
    origin."""
    if i > 0 and words[i - 1].is_cap and not words[i - 1].is_punct:
        return None
    listed = i > 1 and words[i - 1].text == "," and words[i - 2].lower in _person_nouns(ents.rules)
    if not listed and not any(w.lower in _CLAUSE_AFTER_NAME for w in words[i + 2:i + 4]):
        return None  # cheap test first (this runs at most capitalised words): no pronoun where the name may end
    j = _name_end(words, i, ents, limit=3, initials_only_dots=True)
    if not 2 <= j - i <= 3 or j >= len(words) or _opens_with_place(ents, words, i, j) \
            or any(ents.lexicon.is_country_word(w.text) or w.text.isupper() for w in words[i:j]):
        return None
    after = words[j].lower
    if after in _CLAUSE_AFTER_NAME:
        return j
    return j if after == "," and listed else None


def _name_after_titled_comma(ents: DocumentEntities, words, i: int) -> int | None:
    """'The President of Kenya, Uhuru Kenyatta, met ...': two or three name words set off by commas after a title
    phrase are its holder, whatever their origin."""
    if i < 3 or words[i - 1].text != ",":
        return None
    title = title_before_comma(ents, words, i)[0]
    if title is None:
        return None
    j = _name_end(words, i, ents, limit=3, initials_only_dots=True)
    if not title[:1].isupper() and not _pinyin_pair(ents, words[i:j]):
        return None  # "the director, Human Resources, ...": a lower-case post names a department after it
    if not 2 <= j - i <= 3 or _opens_with_place(ents, words, i, j) or any(
            ents.lexicon.is_country_word(w.text) or w.text.isupper() or w.text in _portfolio_words(ents.rules)
            for w in words[i:j]):
        return None
    return j if j >= len(words) or words[j].text in (",", ".", ";") or not words[j].text[:1].isupper() else None


_INITIAL = re.compile(r"[A-Z]\.")
_LOCATIVES = frozenset(("in", "from", "to", "across", "throughout", "into", "of"))


def _initial_and_family_name(ents: DocumentEntities, words, i: int) -> int | None:
    """'G. Margvelashvili, R. Makharoblidze and J. Gugushvili': an initial with a dot and one family name in mixed
    case (no place, country or word of a body) is a person wherever it stands."""
    if not _INITIAL.fullmatch(words[i].text) or i + 1 >= len(words) or i > 0 and (
            words[i - 1].is_cap and not words[i - 1].is_punct or words[i - 1].lower in _LOCATIVES):
        return None  # "in W. Africa", "to S. Korea": a compass point and a region
    w = words[i + 1]
    if len(w.text) < 3 or not w.text[1:].islower() or not _is_name_word(w, ents) or ents.namer.place(w.text) \
            or ents.lexicon.is_country_word(w.text) or words[i + 1].start != words[i].end + 1:
        return None
    j = i + 2
    return j if j >= len(words) or not _is_name_word(words[j], ents) else None


@derived
def _person_nouns(rules: Rulebook) -> frozenset[str]:
    """The nouns for people in the singular ("student", "researcher"): one of them, a comma, then a name."""
    return frozenset(n[:-1] for n in rules.rules.get("people_nouns", []) if " " not in n and n.endswith("s"))


_PHOTO_POSITION = re.compile(r"\(\s*(?:\d+(?:st|nd|rd|th)\s+)?(?:[LRC]|left|right|cent(?:re|er)|front|back)\s*\)",
                             re.I)


def _photo_position_end(text: str, words: Sequence[Word], j: int) -> int:
    """Past a caption's position mark after a name ("Anna Berg (2nd R), Minister of ..."): the index of the word after
    it, or j when there is none."""
    if j >= len(words) or words[j].text != "(":
        return j
    m = _PHOTO_POSITION.match(text, words[j].start)
    if m is None:
        return j
    k = j
    while k < len(words) and words[k].end <= m.end():
        k += 1
    return k


def _title_after(ents: DocumentEntities, words: Sequence[Word], k: int) -> int | None:
    """The first title word of an apposition from word k, past a country's words and an organisation's name before
    it ("Uzbek ambassador to China", "Sri Lankan Minister of ...", "Acme Regional Vice President")."""
    after_org = False
    while k < len(words):
        if k + 1 < len(words) and ents.namer.country_code(f"{words[k].text} {words[k + 1].text}"):
            k += 2  # "Sri Lankan", "South Korea's"
        elif ents.lexicon.is_country_word(words[k].text):
            k += 1
        elif ents.covered(words[k].start, words[k].end, ("organization",)):
            k, after_org = k + 1, True
        else:
            break
    found = first_title_word(ents.lexicon, words, k)
    if found is None and after_org and k + 1 < len(words) and words[k].is_cap:
        found = first_title_word(ents.lexicon, words, k + 1)  # "Acme Regional Vice President"
    return found


def _given_name_first(words: Sequence[Word], i: int, ents: DocumentEntities) -> int | None:
    """'said Patrick Boulaud, ...', 'met with Irina Petrova', 'Ana Lopes dos Santos and ...': a common given name
    (or any name word before a family name of a telling shape: "Jingmai O’Connor") and one to three more name
    words are a person's name, wherever they stand, unless a capitalised word runs into
    them from before (a name of something else) or a head follows ("Jean Monnet Centre"). The end of the name, or
    None."""
    gaelic = i + 1 < len(words) and _GAELIC_SURNAME.fullmatch(words[i + 1].text)
    if not (is_given_name(ents.rules, words[i].text) or gaelic) or not _is_name_word(words[i], ents) \
            or words[i].text in ents.lexicon.stop_words:
        return None  # "Jun" is a month's abbreviation too: a Chinese pair holding it is `_chinese_pair`'s business
    j = _name_end(words, i, ents, initials_only_dots=True)
    if j - i < 2 or j < len(words) and (words[j].text in NON_ORG_NOUNS or words[j].text in ents.lexicon.heads):
        return None
    if i > 1 and words[i - 1].is_cap and not words[i - 1].is_punct and not words[i - 1].text.isupper() \
            and not ents.covered(words[i - 1].start, words[i - 1].end, ("organization",)) \
            and not _country_ends_post(ents, words, i):
        return None  # (an organisation's name or an acronym may come first: "UNESCO Anna Berg", "PM Anna Berg")
    return None if ents.namer.place(" ".join(w.text for w in words[i:j])) else j


def _country_ends_post(ents: DocumentEntities, words: Sequence[Word], i: int) -> bool:
    """Whether the capitalised word before word i is a country that ends a post's object, after a lower-case word:
    "the ambassador to China John Moore", "the consul general of Peru Maria Lopez"."""
    return i > 2 and ents.lexicon.is_country_word(words[i - 1].text) and words[i - 2].lower in ("to", "of")


def _pinyin_pair(ents: DocumentEntities, name: Sequence[Word]) -> bool:
    """A family name and a pinyin given name, in either order ("Zhang Deqing", "Deqing Zhang")."""
    if len(name) != 2:
        return False
    a, b = name[0].text, name[1].text
    return is_surname(ents.rules, a) and is_pinyin_given(ents.rules, b) or \
        is_pinyin_given(ents.rules, a) and is_surname(ents.rules, b)


def _opens_with_place(ents: DocumentEntities, words: Sequence[Word], i: int, j: int) -> bool:
    """Whether the words i..j-1 open with a place's name ("Hong Kong", "New York"); a pinyin given name that is a
    place's name too, before a family name, opens a name written given name first ("Deqing Zhang")."""
    if _pinyin_pair(ents, words[i:j]) and not ents.namer.place(words[j - 1].text) \
            and not ents.namer.place(f"{words[i].text} {words[j - 1].text}"):  # "Hong Kong" is a place's name
        return False
    return any(ents.namer.place(" ".join(w.text for w in words[i:k])) for k in range(i + 1, j + 1))


def _bare_name(words, i, ents) -> bool:
    """'Zhang Jinru' with no honorific: a family name, a pinyin given name, and nothing name-like around; or the
    given name first, when it has two syllables or more and is no family name itself ("Weijie Zhao")."""
    if i + 1 >= len(words):
        return False
    a, b = words[i], words[i + 1]
    if not (a.text[:1].isupper() and b.text[:1].isupper()):
        return False
    rules = ents.rules
    family_first = is_surname(rules, a.text) and is_pinyin_given(rules, b.text)
    given_first = not family_first and len(a.text) > 3 and not is_surname(rules, a.text) \
        and is_pinyin_given(rules, a.text) and is_surname(rules, b.text) and not ents.namer.place(a.text)
    if not (family_first or given_first) or not _is_name_word(a, ents) or not (
            _is_name_word(b, ents) or _stop_word_in_name(ents, words, i, i + 1)):  # "Wang Jun", "Lizhe An"
        return False
    if i > 1 and words[i - 1].is_cap and not words[i - 1].is_punct and words[i - 1].text not in ("The",) \
            and not ents.covered(words[i - 1].start, words[i - 1].end, ("organization",)):
        return False  # part of a longer capitalised name, unless that is an organisation's ("Dean of X Zhou Wanlei")
    if i + 2 < len(words) and words[i + 2].is_cap and not words[i + 2].is_punct:
        return False
    pair = f"{a.text} {b.text}"
    if ents.namer.place(pair) or ents.namer.place(b.text) or pair.lower() in ents.rules.bare_subdivisions:
        # "Wei Yanqing, General Manager of ..." (Yanqing is a district too); "Cao Bang", a province of Vietnam
        return _title_follows(ents.lexicon, words, i + 2)
    return True


def _title_follows(lexicon: Lexicon, words: Sequence[Word], k: int) -> bool:
    """', Director of ...' right after a name: the words before are a person's name."""
    return k + 1 < len(words) and words[k].text == "," and words[k + 1].text in lexicon.title_words


def _name_after_title_object(ents: DocumentEntities, words: Sequence[Word], t0: int, t1: int):
    """'Vice Mayor of Shenzhen Municipality Ai Xuefeng', 'Secretary for Transport and Public Works Raimundo Arrais
    do Rosário', 'Ambassador to Laos Wang Wentian': a title (words t0..t1), its remit or post, and the name with
    no comma between. The name is the tail of the capitalised run after the post: it starts after the last
    organisation, place, head, portfolio word or connector, and must leave a post before it.
    Returns (name start, name end, (title, organisation id)) or None."""
    first = t1 + 2
    for connectors in (_POST_CONNECTORS, _POST_PLACE_CONNECTORS):
        end = _post_and_name_end(ents, words, first, connectors)
        start, count = _name_start_after_post(ents, words, first, end)
        if count >= 2 and start > first and words[start - 1].text not in ents.lexicon.particles \
                and words[start - 1].is_cap:
            return start, end, _post_affiliation(ents, words, t0, t1, start)
    return None  # no name, no post left before it, or a post that ends in "for"/"of" ("Centre for Steel X")


def _post_and_name_end(ents: DocumentEntities, words: Sequence[Word], first: int,
                       connectors: frozenset[str] = _POST_CONNECTORS) -> int:
    """End (exclusive) of the post and the name after a title's "of", "for", "to" or "at" (word first on): the
    capitalised run (with `connectors` and particles), to a stop word, another title or a possessive, less the
    words that open a following title and the connectors at its end."""
    lex, portfolio = ents.lexicon, _portfolio_words(ents.rules)
    k = first
    while k < len(words) and k - first < 16 and (
            (words[k].is_cap and not words[k].is_punct) or words[k].lower in connectors
            or words[k].text in lex.particles):
        if words[k].text in lex.stop_words:
            break  # "... Martin Okafor on Monday"
        if words[k].lower in ("and", "&") and k + 1 < len(words) and k > first and any(
                m.entity_type == "organization" and m.start == words[k + 1].start for m in ents.mentions):
            break  # "... Zhou Lei and Peking University President ...": another body's title follows
        if words[k].is_cap and words[k].text in lex.title_words and words[k].text not in portfolio \
                and not is_surname(ents.rules, words[k].text) and _title_starts(ents, words, k):
            break  # "... and Vice Governor of ...": another title starts, the run of this one ends before it
        if POSSESSIVE.search(words[k].text):
            if words[k - 1].lower != "and":
                k += 1  # "... and Macao's Secretary ...": an owner after "and" opens the next title's post
            break
        k += 1
    end = k
    if k < len(words) and words[k].text in lex.title_words:  # "... and Chinese Vice Minister X": drop what opens it
        modifiers = _title_modifiers(ents.rules)
        while end > first and (words[end - 1].text in modifiers or lex.is_country_word(words[end - 1].text)):
            end -= 1
    while end > first and (words[end - 1].lower in connectors or words[end - 1].text in lex.particles):
        end -= 1
    return end


def _title_starts(ents: DocumentEntities, words: Sequence[Word], k: int) -> bool:
    """Whether a title (a head, with its modifiers) starts at word k ("Vice Governor", "Director"), not a word
    that titles only hold ("Scientific" of "Chief Scientific Officer")."""
    return any(_title_before(ents, words, m + 1) == k for m in range(k, min(k + 4, len(words))))


def _ends_place(ents: DocumentEntities, words: Sequence[Word], first: int, k: int) -> bool:
    """Whether word k ends a place's name of one to three words from word first on ("Laos", "South Africa")."""
    return any(ents.namer.place(" ".join(POSSESSIVE.sub("", w.text) for w in words[m:k + 1]))
               for m in range(max(first, k - 2), k + 1))


def _name_start_after_post(ents: DocumentEntities, words: Sequence[Word], first: int, end: int) -> tuple[int, int]:
    """Where the name ending at `end` starts, after the post from word first: up to four name words back, none a
    portfolio word, a place or a country (with particles between them); and how many name words it has."""
    lex, portfolio, joiners = ents.lexicon, _portfolio_words(ents.rules), _name_joiners(ents.rules)
    start, count = end, 0
    while start > first and count < 4:
        w = words[start - 1]
        bare = POSSESSIVE.sub("", w.text)
        if start - 2 >= first and _honorific_len(lex, words, start - 2) == 2:
            break  # "Ambassador to China H. E. Anna Berg": the name starts after the honorific
        if _is_name_word(w, ents) and bare not in portfolio and not _ends_place(ents, words, first, start - 1) \
                and not lex.is_country_word(bare) and not _body_acronym(ents, bare):
            start -= 1
            count += w.text not in joiners
        elif w.text in lex.particles and start < end and start - 1 > first:
            start -= 1
        else:
            break
    while start < end and words[start].text in lex.particles:
        start += 1
    if count == 3 and start > first and _body_acronym(ents, words[start - 1].text) \
            and not is_given_name(ents.rules, words[start].text):
        start, count = start + 1, 2  # "Vice Chairman of NASB Presidium Sergei Orlov": the body's word after its acronym
    return start, count


def _body_acronym(ents: DocumentEntities, word: str) -> bool:
    """Capitals that are no family name ("HAU", "NASB"): a body's acronym, which ends a post ("President of HAU Jie
    Xiaolei"), where a family name in capitals ("LI") may end a name."""
    return len(word) > 1 and word.isupper() and word.isalpha() and not is_surname(ents.rules, word)


def _post_affiliation(ents: DocumentEntities, words: Sequence[Word], t0: int, t1: int,
                      name_start: int) -> tuple[str | None, str | None]:
    """The title (words t0..t1) and where it is held: an organisation named in the post, the office the title
    names, or the government of the jurisdiction it is "of"; else the title with its post and no organisation."""
    title = ents.text[words[t0].start:words[t1].end]
    seg_start, seg_end = words[t1 + 2].start, words[name_start - 1].end
    held = organisation_or_office(ents, title, seg_start, seg_end, words[t1 + 1].start)
    if held:
        return title, held
    gov = government_named_in(ents, seg_start, seg_end, JURISDICTION_TYPES) if words[t1 + 1].lower == "of" else None
    return (title, gov) if gov is not None else (ents.text[words[t0].start:seg_end], None)


def _add_person(ents: DocumentEntities, sent: Sentence, words, i: int, j: int, span_start: int,
                affiliation: tuple[str | None, str | None] | None = None) -> None:
    name_words = [w.text for w in words[i:j]]
    end = words[j - 1].end
    if POSSESSIVE.search(name_words[-1]):  # "Professor Helen Marsh's team": the name stops before "'s"
        name_words[-1] = name_words[-1][:-2]
        end -= 2
    elif _S_POSSESSIVE.search(name_words[-1]):
        name_words[-1] = name_words[-1][:-1]
        end -= 1
    if len(name_words) == 1:
        ents.mentions.append(Mention("person", "?" + name_words[0], ents.text[span_start:end], span_start, end))
        return
    if ents.namer.place(" ".join(name_words)) is not None:
        return  # "the Consul General PR China in Brisbane": a title before a place's name, no person
    person = named_person(ents, name_words)
    key = person.key
    title, org_id = affiliation or apposition(ents, sent, words, j)
    if not (title or org_id):
        title, org_id = title_before_comma(ents, words, next(k for k, w in enumerate(words) if w.start == span_start))
    if not (title or org_id):
        title, org_id = owner_and_title_before(ents, span_start, words[i].start)
    if title or org_id:
        person.affiliations.append((org_id, title))
    ents.mentions.append(Mention("person", key, ents.text[span_start:end], span_start, end))


def named_person(ents: DocumentEntities, name_words: list[str]) -> Person:
    """The document's person of these name words (two or more): one named so before, one whose fuller name holds
    them, or a new one."""
    key = name_key(name_words)
    person = ents.people.get(key) or _fuller_name(ents, key)
    if person is None:
        person = ents.people[key] = Person(key, *split_name(ents.rules, name_words))
    return person


def _fuller_name(ents: DocumentEntities, key: str) -> Person | None:
    """The one person named before whose name holds every word of this one: "Ahmad Zulkifli" after "Ahmad
    Zulkifli Hashim" is that minister again, written short."""
    words = set(key.split())
    hits = [p for p in ents.people.values() if words < set(p.key.split())]
    return hits[0] if len(hits) == 1 else None


def resolve_short_names(ents: DocumentEntities) -> None:
    """'Mayor Xu', 'Prof. Chung', 'Mrs. Lam' link to the one person of that family name; otherwise dropped."""
    out = []
    for m in ents.mentions:
        if m.entity_type == "person" and m.entity_id.startswith("?"):
            word = m.entity_id[1:].lower().rstrip(".")
            hits = [p for p in ents.people.values() if p.family_name and p.family_name.lower() == word]
            if not hits:
                hits = [p for p in ents.people.values() if word in p.key.split()]
            if not hits and len(word) > 5:  # "President Kokscharov" after "Viktor Koksharov": a spelling's variant
                hits = [p for p in ents.people.values() if p.family_name and one_letter_apart(p.family_name.lower(),
                                                                                               word)]
            if not hits and _lone_family_name(ents.namer, m.entity_id[1:]):
                hits = [_full_name_written(ents, m.entity_id[1:].rstrip("."), out)
                        or _lone_person(ents, m.entity_id[1:])]  # "Minister Pandor", "Professor Zhang"
            if len(hits) == 1:
                out.append(Mention("person", hits[0].key, m.surface, m.start, m.end))
            continue
        out.append(m)
    ents.mentions = out


def _lone_person(ents: DocumentEntities, word: str) -> Person:
    key = name_key([word])
    return ents.people.setdefault(key, Person(key, *split_name(ents.rules, [word])))


def one_letter_apart(a: str, b: str) -> bool:
    """Whether one of two words is the other with one letter more ("Koksharov", "Kokscharov")."""
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and any(long[:k] + long[k + 1:] == short for k in range(len(long)))


def _full_name_written(ents: DocumentEntities, family: str, found: list[Mention]) -> Person | None:
    """'Jingmai O'Connor took the post ... Dr O'Connor said': a family name after an honorific, written in full with
    no title before (a name word before it, where no other entity is), is the person of that full name, mentioned
    there too."""
    lex = ents.lexicon
    for m in re.finditer(rf"(?<![\w'’.-])([A-Z][a-z]+)\s+{re.escape(family)}(?![\w'’-])", ents.text):
        given = m.group(1)
        if given in lex.stop_words or lex.is_title_word(given) or given in lex.heads or given in lex.honorifics \
                or given in NON_ORG_NOUNS or given in lex.headline_verbs or ents.namer.place(given) \
                or lex.is_country_word(given) or ents.covered(m.start(), m.end()) \
                or any(x.start < m.end() and m.start() < x.end for x in found):
            continue
        key = name_key([given, family])
        person = ents.people.setdefault(key, Person(key, *split_name(ents.rules, [given, family])))
        found.append(Mention("person", key, m.group(0), m.start(), m.end()))
        return person
    return None


def _lone_family_name(namer: OrgNamer, word: str) -> bool:
    """A name word alone after a title or an honorific, with no full name in the document to resolve to, is
    that person's family name, unless it names a place, a country or a people ("Minister Pandor" is a person;
    "Governor Michigan" would not be)."""
    bare = word.rstrip(".")
    return len(bare) > 1 and not bare.isupper() and namer.place(bare) is None and namer.country_code(bare) is None


_NAME_GOES_ON = re.compile(r"[^\S\n]+[A-Z]")  # a capitalised word goes on from the name, on its line
_NAME_CONTINUES_BEFORE = re.compile(r"([A-Z][\w.'’-]*)[^\S\n]+$")


def full_names_again(ents: DocumentEntities) -> None:
    """'Counsellor of the embassy Eitan Neubauer said ... Lin met with Eitan Neubauer': a person's full name as
    written where the person was recognised (two or more words), written again with no title before it, is that
    person again, also before a possessive ("welcomed Eitan Neubauer's visit"): the name's shape was read once,
    and a name that no list of given names or surnames holds is not read a second time without its title. Not
    where another entity holds the words or the name is part of a longer capitalised one ("the Eitan Neubauer
    Foundation", "Dr Anna Eitan Neubauer" is the longer name's)."""
    named = {m.entity_id for m in ents.mentions if m.entity_type == "person"}
    openings = None
    for p in list(ents.people.values()):
        if p.key not in named or " " not in p.full_name:
            continue
        for start in word_starts(ents.text, p.full_name, "-"):
            end = start + len(p.full_name)
            if ents.covered(start, end, ("organization", "person", "place")) \
                    or _NAME_GOES_ON.match(ents.text, end):
                continue
            before = _NAME_CONTINUES_BEFORE.search(ents.text, max(0, start - 30), start)
            if before is not None:
                openings = openings if openings is not None else {s.start for s in ents.sentences}
                if start not in openings or before.group(1).rstrip(".") in ents.lexicon.honorifics:
                    continue  # "Maria Tadeo Quispe", "Dr. Tadeo Quispe"; not "... Lund University. Tadeo Quispe"
            ents.mentions.append(Mention("person", p.key, p.full_name, start, end))


def bare_family_names(ents: DocumentEntities) -> None:
    """'Tan led a delegation', 'Feldmann said': a family name alone, after the person was named in full,
    is that person when nobody else in the document bears it. Short family names that are also English
    words count only when the document writes them as a name (followed by a verb, after the full name)."""
    english_words = set(ents.rules.names.get("english_word_surnames", []))
    by_family: dict[str, list[Person]] = {}
    for p in ents.people.values():
        if p.family_name and len(p.family_name) > 1:
            by_family.setdefault(p.family_name, []).append(p)
    first_seen = {m.entity_id: m.start for m in reversed(ents.mentions) if m.entity_type == "person"}
    for family, persons in by_family.items():
        if len(persons) != 1 or persons[0].key not in first_seen:
            continue
        then = _AS_A_NAME if family in english_words else None
        for start in word_starts(ents.text, family, "'’-", then):
            end = start + len(family)
            if start > first_seen[persons[0].key] and not ents.covered(start, end, ("organization", "person", "place")):
                prev = ents.text[max(0, start - 2):start]
                if re.search(r"[A-Z][a-z]* $", ents.text[max(0, start - 20):start]) and not prev.endswith(". "):
                    continue  # part of a longer capitalised name
                ents.mentions.append(Mention("person", persons[0].key, family, start, end))


# Between the members of a list of people: ", ", " and ", ", and ", " & "
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+")


def listed_people(ents: DocumentEntities, sent: Sentence) -> None:
    """'premiers Victor Ponta and Li Keqiang', 'Ambassador Dr Liu Xianfa, Njoki Kahiga, Bertha Dena and ...': two or
    three name words listed beside a person's name (", ", " and ") are a person too, whatever their origin: a list
    holds things of one kind. Each name found may make its own neighbour a person, so a list is read until no member
    is added. Not a place's name, a country's word, words another entity holds, or words a firm's, place's or
    event's name ends with ("Li Wei and Silk Road Ventures signed": a person and a firm)."""
    words = sent.words
    while True:
        people = [m for m in ents.mentions if m.entity_type == "person" and not m.entity_id.startswith("?")
                  and sent.start <= m.start and m.end <= sent.end]
        if not people:
            return
        starts, ends = {m.start for m in people}, {m.end for m in people}
        added = False
        for i, w in enumerate(words):
            if not w.is_cap or i > 0 and words[i - 1].is_cap and not words[i - 1].is_punct \
                    or not _beside_a_person(words, i, starts, ends):
                continue
            j = _listed_name_end(ents, words, i)
            if j is None:
                continue
            before = next((e for e in ends if e <= w.start and _LIST_GAP.fullmatch(ents.text, e, w.start)), None)
            gap = _LIST_GAP.match(ents.text, words[j - 1].end)
            after = gap is not None and gap.end() in starts
            if not after and (before is None or "," in ents.text[before:w.start] and not _list_goes_on(words, j)):
                continue  # "Anna Berg, Contact Person of X": a comma alone gives a post, unless the list goes on
            _add_person(ents, sent, words, i, j, w.start)
            added = True
            break
        if not added:
            return


def _beside_a_person(words: Sequence[Word], i: int, starts: set[int], ends: set[int]) -> bool:
    """Cheap test first: a list's word ("," "and" "&") stands right before word i after a person's name, or within
    the five words from i, before one."""
    if i > 0 and words[i - 1].lower in _LIST_WORDS and any(e <= words[i - 1].start for e in ends):
        return True
    return any(words[m].lower in _LIST_WORDS and (words[m + 1].start in starts or words[m + 1].lower == "and"
                                                  and m + 2 < len(words) and words[m + 2].start in starts)
               for m in range(i + 2, min(i + 6, len(words) - 1)))


_LIST_WORDS = frozenset((",", "and", "&"))


def _list_goes_on(words: Sequence[Word], j: int) -> bool:
    """Whether the words before word j are a list's member: the sentence ends there, or a comma or "and" follows."""
    return j >= len(words) or words[j].text in (",", ";", ".", "and", "&")


def _ends_like_a_body(ents: DocumentEntities, last: str) -> bool:
    """Whether a name's last word ends firms', places' or events' names and is no surname ("Silk Road Capital",
    "Green Valley"; not "Jiyoung Park")."""
    return last in ents.lexicon.body_name_ends and not is_surname(ents.rules, last) \
        and last not in ents.rules.names.get("english_word_surnames", ())


def _listed_name_end(ents: DocumentEntities, words: Sequence[Word], i: int) -> int | None:
    """End of two or three name words from word i that no entity holds, which no capitalised word goes on from, and
    which open with no place's name and hold no country's word; None otherwise."""
    j = _name_end(words, i, ents, limit=3, initials_only_dots=True)
    if not 2 <= j - i <= 4 or ents.covered(words[i].start, words[j - 1].end):
        return None
    if j < len(words) and not words[j].is_punct and (
            words[j].is_cap or ents.lexicon.is_title_word(words[j].text.capitalize())
            or words[j].lower in _person_nouns(ents.rules) or words[j].lower in ents.rules.rules["people_nouns"]):
        return None  # "Li Ming, Acme Daily reporter": words of a body the person works for, not a person
    portfolio = _portfolio_words(ents.rules)
    if _opens_with_place(ents, words, i, j) or _ends_like_a_body(ents, words[j - 1].text) or any(
            ents.lexicon.is_country_word(w.text) or w.text.isupper() or w.text in portfolio for w in words[i:j]):
        return None
    return j
