"""People that page furniture names: photo and agency credits ("(Xinhua/Li Wei)", "[Photo by Li Wei/Jilin
Daily]", "... on Monday /JOHN KAMAU"), bylines in capitals ("By ANNA BERG (China Daily)"), a name after an author's "by" that
ends its line (a byline: "Story by Anna Berg", "Edited by: Li Wei", "May 3, 2019 by Tom Wu"; a sentence ends with a
full stop; "Funded by Horizon Europe" names a body), a correspondent between slashes ("/TASS correspondent Ivan Petrov/."), and people a photo caption
places ("Anna Berg (2nd R)").

Credits glue a name to a slash, which the word splitter keeps inside one word, so they are read from the text
with patterns, after the sentence passes, and only where no other entity holds the words.
"""
from __future__ import annotations

import re

from pipeline.core.entities.document import DocumentEntities
from pipeline.core.entities.model import Mention
from pipeline.core.entities.people import is_given_name, is_pinyin_given, is_surname, named_person
from pipeline.core.phrases import phrase_alternation
from pipeline.core.reference import Rulebook, derived
from pipeline.core.text import matches_from

_WORD = r"[A-Z][A-Za-z\u00C0-\u024F’'-]+"
_NAME = rf"{_WORD}(?: {_WORD}){{1,2}}"
_CAPS = r"[A-Z]{2,}(?:[ -][A-Z]{2,}){1,2}"
_CREDITS = re.compile("|".join((
    rf"\((?:{_WORD} ){{0,2}}{_WORD}/(?P<agency>{_NAME})\)",  # "(Xinhua/Li Wei)"
    rf"\bPhotos?(?: by|:) ?(?P<photo>{_NAME})(?=/|\]|\)|\s*$)",  # "[Photo by Li Wei/Jilin Daily]"
    rf"(?<=\s)/(?P<slash>{_CAPS})\s*$",  # "... on Monday /JOHN KAMAU"
    rf"^By (?P<byline>{_CAPS}|{_NAME})(?= ?\(|\s*$| in [A-Z]| ?\|)",  # "By ANNA BERG (China Daily)", "By Li Wei in Jinan"
    rf"(?:(?<=\b[Bb]y )|(?<=\b[Bb]y: ))(?P<line_end>{_NAME})[ \t]*$",  # "Story by Anna Berg", "Edited by: Li Wei", "May 3, 2019 by Tom Wu"
    rf"/(?:[A-Z]+ )?(?:correspondent|reporter|photographer) (?P<role>{_NAME})/",  # "/TASS correspondent Ivan Petrov/"
    rf"(?P<placed>{_NAME}) \((?:\d(?:st|nd|rd|th) )?(?:[LRC]|left|right|cent(?:re|er)|front|back)\)",  # "(2nd R)"
)), re.M)
# Every credit begins with one of these (a parenthesis, a slash, a capital): the pattern is tried only there.
_CREDIT_OPENINGS = re.compile(r"[(/A-Z]")

# Credits whose words may name a picture agency or a service as well as a person ("(AFP/Getty Images)"): a
# person only by a name's shape.
_SHAPED = ("agency", "photo", "photo_label")
# Credits whose words may name a body the recognisers did not know ("hosted by Science Park", "Photo: Getty Images"):
# no word that ends a body's name in them.
_HEADLESS = ("line_end", "label")


def credited_people(ents: DocumentEntities) -> None:
    """The people the page's credits, bylines and captions name, where no other entity holds the words."""
    for m in (*matches_from(_CREDITS, _CREDIT_OPENINGS, ents.text), *_labelled_credits(ents)):
        start, end = m.span(m.lastgroup)
        words = m.group(m.lastgroup).split()
        while words and _not_a_name_word(ents, words[0]):  # "Minister Anna Berg (2nd R)": the title is no name
            start += len(words.pop(0)) + 1
        if len(words) < 2 or any(_not_a_name_word(ents, w) for w in words) \
                or m.lastgroup in _SHAPED and not _name_shaped(ents, words) and not _agency_after(ents, words, end) \
                or m.lastgroup in _HEADLESS and any(w in ents.lexicon.body_name_ends for w in words) \
                or m.lastgroup == "line_end" and not _authored(ents, m.start(m.lastgroup)) \
                or ents.covered(start, end, ("organization", "person", "place")):
            continue
        person = named_person(ents, words)
        ents.mentions.append(Mention("person", person.key, ents.text[start:end], start, end))


@derived
def _labelled_credit(rules: Rulebook) -> re.Pattern:
    """A byline label glued to its name by a colon or a slash, the name ending where the next label, a comma, a bar
    or the line begins: "Writer:Li Na Date : ...", "Author/ WU Xuan Photo/ MENG Fanzi, ..." (`byline_labels`, and
    `photo_labels`, whose names are matched apart: `_SHAPED`)."""
    groups = [rf"(?:{phrase_alternation(labels)})\s?[:/：]\s?(?P<{group}>{_NAME})"
              for group, labels in (("label", rules.names.get("byline_labels")),
                                    ("photo_label", rules.names.get("photo_labels"))) if labels]
    if not groups:
        return re.compile("(?!)")
    # no word boundary before the label in the pattern: a pattern that opens with its words is skipped to fast
    return re.compile(rf"(?:{'|'.join(groups)})(?=\s+[A-Z][a-z]+\s?[:/：]|\s*[,|]|[ \t]*$)", re.M)


def _labelled_credits(ents: DocumentEntities) -> list[re.Match]:
    """The matches of `_labelled_credit` whose label begins a word."""
    text = ents.text
    return [m for m in _labelled_credit(ents.rules).finditer(text) if not text[m.start() - 1:m.start()].isalnum()]


def _agency_after(ents: DocumentEntities, words: list[str], end: int) -> bool:
    """A photo credit's name before a slash and the agency ("Photo by Amani Otieno/Xinhua"): a person's, whatever
    its shape, unless its words end a body's name ("Getty Images")."""
    return ents.text[end:end + 1] == "/" and not any(w in ents.lexicon.body_name_ends for w in words)


_WORD_BEFORE_BY = re.compile(r"(\S+)\s+[Bb]y:?\s*$")


def _authored(ents: DocumentEntities, name_start: int) -> bool:
    """Whether the word before the "by" that ends right before `name_start` makes the name an author's: a byline
    verb ("Story by", "Edited by:", `byline_verbs`) or a date's last digit ("May 3, 2019 by"). "Hosted by Nairobi
    County", "Funded by Horizon Europe" name a body no recogniser knew."""
    before = _WORD_BEFORE_BY.search(ents.text, ents.text.rfind("\n", 0, name_start) + 1, name_start)
    word = before.group(1) if before else ""
    return word[-1:].isdigit() or word.lower() in ents.lexicon.byline_verbs


def _not_a_name_word(ents: DocumentEntities, word: str) -> bool:
    lex = ents.lexicon
    return word == "The" or word in lex.title_words or word in lex.stop_words or word in lex.honorifics \
        or lex.is_country_word(word)


def _name_shaped(ents: DocumentEntities, words: list[str]) -> bool:
    """A pinyin name ("Li Wei"), a common given name first ("Anna Berg"), or a name in capitals."""
    rules = ents.rules
    return is_given_name(rules, words[0]) or all(w.isupper() for w in words) or (
        is_surname(rules, words[0]) and all(is_pinyin_given(rules, w) for w in words[1:]))
