"""The shortcuts of the text searches find exactly what the plain regexes find: the phrase regexes' word gate,
the gates of plain strings (`gated_regex` without word runs, `literal_gated`), `word_starts` (a whole word without a regex compiled for it; an acronym's mentions) and `matches_from` (a regex tried only where a match
can begin), and the office titles' pattern begun near each title."""
import importlib
import re

import pytest

from pipeline.core.entities.acronyms import _whole_word_starts
from pipeline.core.entities.bare_acronyms import is_acronym_shape
from pipeline.core.entities.titled_offices import _office_title_matches, _office_titles
from pipeline.core.phrases import gated_regex, literal_gated, phrase_regex
from pipeline.core.text import matches_from, word_starts
from tests.support.rules import default_rulebook

PHRASES = ("sign", "signed", "signing ceremony", "memorandum of understanding", "co-build", "to sign", "MoU", "R&D",
           "people's republic")
SENTENCES = [
    "The two sides signed a memorandum of understanding on Monday.",
    "The signing  ceremony was held; both would co-build a lab.",
    "Re-signed, countersigned and co-builder are other words; so is signing-ceremony.",
    "They plan TO SIGN an MOU next year, and the MoU's text is ready.",
    "Nothing here at all.",
    "sign",
    "Café staff signed the memorandum\nof understanding.",
    "design signatures _sign sign_ 2sign",
    "A memorandum of cooperation, the signing of a memorandum, then a signing: ceremony.",
    "R & D, R&D-based, R&Ds and R&D; the People's Republic, a people’s republic, peoples' republic.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_a_phrase_regex_finds_what_its_plain_regex_finds(text):
    gated = phrase_regex(PHRASES)
    for variant in (text, text.upper(), text.lower(), text.replace(" ", "-")):
        assert [m.span() for m in gated.finditer(variant)] == [m.span() for m in gated.regex.finditer(variant)]
        assert _span(gated.search(variant)) == _span(gated.regex.search(variant))


def _span(match: re.Match | None) -> tuple[int, int] | None:
    return match.span() if match else None


def test_a_bounded_search_may_end_a_phrase_at_the_bound_inside_a_word():
    gated = phrase_regex(("sign",))
    text = "They will be signing soon."
    assert gated.search(text) is None
    assert gated.search(text, 0, text.index("ing")).span() == gated.regex.search(text, 0, text.index("ing")).span()


BOUNDED = ("agreement", "agreements", "under the", "both parties", "mou", "co-build")
REGEXES = [
    re.compile(r"(?i)\b(?:to visit|visited|visits(?!\s+to\b)|paying a visit to|call on|called on)\s+(?:the\s+)?"),
    re.compile(r"\b(?:(?:had|held)\s+(?:a|the)\s+(?:[\w-]+\s+)?(?:meeting|talks)\s+with|met\s+with|met)\s+"),
    re.compile(r"\b(?:next|last|this) (?:month|year)\b", re.I),
    re.compile(r"(?:signed|inked)(?=\s+(?:an?|the)\b)\s+(?P<what>(?:[A-Z]\w+\s+){1,3}(?:Agreement|MoU))"),
    re.compile(r"(?:sign(?:ed)?|ink)+\s+(?:a\s+)*(?>memo(?:randum)?)\b", re.I),
    re.compile(r"\bon\s+(?=[A-Z]\w*\s+campus)"),
]


@pytest.mark.parametrize("text", SENTENCES + [
    "They had a long meeting with the mayor, then met with him again and Met the staff.",
    "Last Month, next year, THIS YEAR and this  year; the month-end.",
    "Both sides signed an Energy Cooperation Agreement, then inked the Water MoU.",
    "Under The agreement both parties MOU co-build; under-the-table agreements.",
    "Signed a memorandum, SIGNED A A MEMO, inkink memo, sign memorandums.",
    "They met on Zijingang campus, on Main Campus, on a campus and on Zijingang\ncampus; campus on Yuquan.",
    "They visited the Kelvin \u212a lab and paid a visit ſo Call On the minister; Visits to Rome.",
])
@pytest.mark.parametrize("regex", [gated_regex(re.compile(rf"\b(?:{'|'.join(BOUNDED)})\b", re.I), BOUNDED),
                                   *map(literal_gated, REGEXES)])
def test_a_gate_of_plain_strings_lets_through_every_match(text, regex):
    plain = getattr(regex, "regex", regex)
    for variant in (text, text.upper(), text.lower(), text.replace(" ", "-")):
        assert [m.span() for m in regex.finditer(variant)] == [m.span() for m in plain.finditer(variant)]
        for pos, endpos in ((0, len(variant)), (5, len(variant)), (0, 30), (12, 40), (-3, 20)):
            assert _span(regex.search(variant, pos, endpos)) == _span(plain.search(variant, pos, endpos))


def test_a_regex_without_long_needed_strings_is_not_gated():
    assert all(literal_gated(rx) is rx for rx in (re.compile(r"\b(?:to|in)\s+"), re.compile(r"[A-Z]\w+"),
                                                  re.compile(r"(?<=visit)\w+"), re.compile(r"(?:visit)?ed")))
    assert literal_gated(REGEXES[0]) is not REGEXES[0]


@pytest.mark.parametrize("text", [
    "Tan said so. Tan's team and Tan-Lee, Tanaka, _Tan, 2Tan and Tan.", "Tan", "xTan Tan", "Tan Tan Tan",
    "Bay led it. The Bay area, Bay, and Bay went on.", "Ng’s and Ng", "Émile Tan; Tané",
])
@pytest.mark.parametrize("word", ["Tan", "Bay", "Ng"])
@pytest.mark.parametrize("then", [None, re.compile(r"\s+[a-z]|[,;.]")])
def test_word_starts_are_the_starts_of_the_bounded_regex(text, word, then):
    rx = rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])" + (f"(?={then.pattern})" if then else "")
    assert list(word_starts(text, word, "'’-", then)) == [m.start() for m in re.finditer(rx, text)]


ACRONYM_TEXTS = ["CAS and CASS, the CAS's unit, CAS-led, _CAS, 2CAS, CAS.", "R&D and R&Ds, AB&C, AB& AB&, AB&D",
                 "CASCAS CAS", "Émile's CAS; CASé and éCAS"]


@pytest.mark.parametrize("text", ACRONYM_TEXTS)
@pytest.mark.parametrize("acr", ["CAS", "R&D", "AB&", "AB"])
def test_an_acronym_stands_where_its_word_bounded_regex_finds_it(text, acr):
    assert list(_whole_word_starts(text, acr)) == [m.start() for m in re.finditer(rf"\b{re.escape(acr)}\b", text)]


@pytest.mark.parametrize("text", ACRONYM_TEXTS)
@pytest.mark.parametrize("acr", ["CAS", "R&D", "AB"])
def test_word_starts_with_other_bounds_are_the_starts_of_that_regex(text, acr):
    rx = rf"(?<![\w&-]){re.escape(acr)}(?![\w&-])"
    assert list(word_starts(text, acr, also="&-")) == [m.start() for m in re.finditer(rx, text)]


def test_an_empty_word_stands_nowhere():
    assert list(word_starts("any text", "")) == []


_ALTERNATION = re.compile(r"\((?P<paren>[A-Z]\w+)\)|(?<=\s)/(?P<slash>[A-Z]+)$|^By (?P<by>[A-Z]\w+)|"
                          r"(?P<name>[A-Z]\w+ [A-Z]\w+) \(left\)", re.M)


@pytest.mark.parametrize("text", [
    "Photo (Xinhua) by staff /KAMAU\nBy Anna and Anna Berg (left) met Ivan Petrov (left).",
    "x/KAMAU\nNot By Anna\nBy Bob", "", "no capitals at all", "AB (CD) (left) Ab Cd (left)",
])
def test_matches_from_its_openings_are_the_matches_of_finditer(text):
    found = [(m.span(), m.lastgroup) for m in matches_from(_ALTERNATION, re.compile(r"[(/A-Z]"), text)]
    assert found == [(m.span(), m.lastgroup) for m in _ALTERNATION.finditer(text)]


_ENTITY_TEXTS = [
    "UAlberta, uOttawa and the U-Calgary; NTU's ICT, non-UAlberta, NUI Galway, COLCIENCIAS and R&D, e.g. U.S.A. labs.",
    "The Departments of Education and Training of Quang Ninh, Lang Son and Cao Bang; the Bureaus of Health of the "
    "City; Offices of\nState of Kent; the Committees of Health of the Provinces; the CommitteeS of X of Y.",
    "Makerere University Confucius Institute, the Confucius Institute at Piura University, Confucius  Institute "
    "Headquarters of the world, confucius institute, ConfuciusInstitute.",
]


_ENTITY_PATTERNS = ["bare_acronyms:_TOKEN:_CAPITAL", "bare_acronyms:_U_PLACE:_U_PLACE_OPENING",
                    "organisations:_BODIES_OF:_BODIES_OF_OPENING", "organisations:hosted"]


def _entity_pattern(pair: str) -> tuple[re.Pattern, re.Pattern]:
    module, *names = pair.split(":")
    found = vars(importlib.import_module(f"pipeline.core.entities.{module}"))
    return found["_hosted_unit"](default_rulebook()) if names == ["hosted"] else tuple(found[n] for n in names)


@pytest.mark.parametrize("text", _ENTITY_TEXTS)
@pytest.mark.parametrize("pair", _ENTITY_PATTERNS)
def test_entity_patterns_tried_at_their_openings_find_what_finditer_finds(text, pair):
    regex, openings = _entity_pattern(pair)
    for variant in (text, text.upper(), text.replace(" ", "  ")):
        assert [(m.span(), m.groups()) for m in matches_from(regex, openings, variant)] \
            == [(m.span(), m.groups()) for m in regex.finditer(variant)]


@pytest.mark.parametrize("pair", _ENTITY_PATTERNS)
def test_each_entity_pattern_meets_text_it_matches_more_than_once(pair):
    regex, _ = _entity_pattern(pair)
    assert max(len(list(regex.finditer(text))) for text in _ENTITY_TEXTS) >= 2


@pytest.mark.parametrize("text", [
    "Kuwaiti Minister of Commerce and Industry Khaled Ali met the Vice-Prime Minister, Minister of Education.",
    "The Deputy Prime Minister Minister of Finance A. B. Sri Lankan Deputy Minister for the Environment spoke.",
    "Prime Minister of Pakistan; former Minister of Health; Minister of state; Minister for trade.",
    "Dr. O'Neil’s Chief Minister of Sabah and Minister of Works Minister of Works of China.",
    "No title here, only words Minister and Ministers of Note.",
    "The Sri-Lankan Vice-Deputy Minister of Finance and the Pro-Vice Chancellor’s Minister for Science.",
])
def test_office_titles_begun_near_each_title_are_the_pattern_s_matches(text):
    pattern, title, _ = _office_titles(default_rulebook())
    for variant in (text, text.replace("Minister", "minister", 1)):
        assert [(m.span(), m.groups()) for m in _office_title_matches(variant, pattern, title)] \
            == [(m.span(), m.groups()) for m in pattern.finditer(variant)]


@pytest.mark.parametrize("token, shape", [
    ("The", False), ("University", False), ("HZU", True), ("UrFU", True), ("LARSyS", True), ("PolyU", True),
    ("R&D", True), ("CityU", True), ("XIV", False), ("Ab", False), ("McDonald", False), ("iPhone", False),
    ("Übersee", False), ("ÖAW", True), ("Hk", False),
])
def test_an_acronym_s_shape_is_two_capitals_or_more_read_as_initials(token, shape):
    assert is_acronym_shape(token) is shape
