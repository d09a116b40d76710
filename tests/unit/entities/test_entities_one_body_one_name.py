"""One body, one organisation (issue 15): an acronym the document defines for a body wins over the reference body of
that acronym, a short form of a longer name and a misspelled name are the longer body, and an acronym after "and" is
another body.

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import org_mentions, recognised


def _by_surface(ents):
    out = {}
    for surface, _, _, name in org_mentions(ents):
        out.setdefault(surface, set()).add(name)
    return out


def test_an_acronym_the_document_defines_wins_over_the_reference_body_of_that_acronym():
    text = ("The branch and China Construction Development Co., Ltd. (CSCEC) signed a deal in Beijing. He is deputy "
            "general manager of CSCEC.")
    ents = recognised(text)
    assert _by_surface(ents)["CSCEC"] == {"Construction Development Co., Ltd."}
    assert {o.canonical_name for o in ents.orgs.values() if o.acronym == "CSCEC"} == {
        "Construction Development Co., Ltd."}


@pytest.mark.parametrize("text, short, name", [
    ("The Shanghai Lingang Economic Development Group signed it, said Yuan Hua, chairman of the Lingang Group.",
     "Lingang Group", "Shanghai Lingang Economic Development Group"),
    ("Hangzhou Xinyuan Industrial Investment Group came. The Xinyuan Group will build it.",
     "Xinyuan Group", "Hangzhou Xinyuan Industrial Investment Group"),
])
def test_a_body_s_first_word_and_head_is_that_body(text, short, name):
    assert _by_surface(recognised(text))[short] == {name}


@pytest.mark.parametrize("text, short", [
    ("Beijing Tongren Hospital and the Tongren Group met.", "Tongren Group"),  # another head
    ("The Xinyuan Industrial Group and the Xinyuan Media Group met. The Xinyuan Group spoke.", "Xinyuan Group"),
])
def test_a_short_form_of_no_single_longer_name_stays_its_own(text, short):
    assert _by_surface(recognised(text))[short] == {short}


@pytest.mark.parametrize("text, typo, name", [
    ("The Guangdong Foreign Affairs Office and the Guangong Foreign Affairs Office are one.",
     "Guangong Foreign Affairs Office", "Guangdong Provincial Foreign Affairs Office"),
    ("Researchers of Shandong Agricultural University and Shangdong Agricultural University met.",
     "Shangdong Agricultural University", "Shandong Agricultural University"),
])
def test_a_name_with_a_letter_too_few_is_the_body_spelled_right(text, typo, name):
    assert _by_surface(recognised(text))[typo] == {name}


def test_names_a_letter_apart_that_are_both_places_are_two_bodies():
    ents = recognised("Shanxi University and Shaanxi University met.")
    assert _by_surface(ents) == {"Shanxi University": {"Shanxi University"},
                                 "Shaanxi University": {"Shaanxi University"}}


@pytest.mark.parametrize("text, expected", [
    ("Satbayev University (SU) hosted it. The Ministry of Science and Higher Education of Kazakhstan and SU signed.",
     {"Ministry of Science and Higher Education of Kazakhstan", "SU", "Satbayev University"}),
    ("The Ministry of Science and ICT of Korea signed.", {"Ministry of Science and ICT of Korea"}),
])
def test_an_acronym_after_and_that_names_another_body_ends_a_name(text, expected):
    assert set(_by_surface(recognised(text))) == expected
