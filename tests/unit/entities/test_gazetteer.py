"""A gazetteer's hits: the longest matches, then the earliest, none overlapping another; exact short forms as written;
a broad list's entries found by the words matched."""
import pytest

from pipeline.core.entities.gazetteer import Gazetteer
from pipeline.core.text import blank_pipeline

PHRASES = [("Hubei", 0), ("Hubei Province", 1), ("Province of Hubei", 2), ("Wuhan", 3), ("Wuhan University", 4),
           ("University of Wuhan", 5), ("Lake Tai", 6), ("Tai Lake", 7)]


def _hits(gazetteer: Gazetteer, text: str, require_capital: bool = False) -> list[tuple[str, int, int, int]]:
    return [(h.surface, h.key, h.start, h.end) for h in gazetteer.find(blank_pipeline()(text), require_capital)]


@pytest.mark.parametrize(("text", "expected"), [
    # the longest wins over the words inside it
    ("Hubei Province signed.", [("Hubei Province", 1, 0, 14)]),
    ("the Province of Hubei Province", [("Province of Hubei", 2, 4, 21)]),
    # two matches of one length that overlap: the earlier wins
    ("Lake Tai Lake", [("Lake Tai", 6, 0, 8)]),
    # the longest wins even where it begins later; what it leaves stands; case does not matter for names
    ("Wuhan University of Wuhan", [("Wuhan", 3, 0, 5), ("University of Wuhan", 5, 6, 25)]),
    ("WUHAN UNIVERSITY and hubei", [("WUHAN UNIVERSITY", 4, 0, 16), ("hubei", 0, 21, 26)]),
    ("nothing here", []),
])
def test_the_longest_then_earliest_matches_that_overlap_none(text, expected):
    assert _hits(Gazetteer(PHRASES), text) == expected


def test_short_forms_match_as_written_and_capitals_can_be_required():
    gazetteer = Gazetteer([("Hubei Province", 0)], exact=[("MOST", 1)])
    assert _hits(gazetteer, "MOST and most of hubei province") == [("MOST", 1, 0, 4), ("hubei province", 0, 17, 31)]
    assert _hits(gazetteer, "MOST and most of hubei province", require_capital=True) == [("MOST", 1, 0, 4)]


def test_a_broad_list_entry_is_found_by_the_words_matched():
    gazetteer = Gazetteer([("Hubei", 0)], bulk=[("University of Leeds", 7), ("Leeds Beckett University", 8)])
    assert _hits(gazetteer, "The university of leeds and Leeds Beckett University in Hubei.") == [
        ("university of leeds", 7, 4, 23), ("Leeds Beckett University", 8, 28, 52), ("Hubei", 0, 56, 61)]
