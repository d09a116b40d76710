"""Governments as news writes them: a country's government under its official name when that name reads
"<form of state> of <country>", and a government written in lower case before its place ("the government of
Anhui province")."""
from __future__ import annotations

import pytest

from tests.unit.entity_rows import org_mentions, org_names, recognised


@pytest.mark.parametrize("text, name", [
    ("The Chinese Government and Thailand agreed to extend the programme.",
     "Government of China"),
    ("The Government of China funds half of the new centre.", "Government of China"),
    ("Officials of the Singapore Government toured the site.", "Government of Singapore"),
    ("The Vietnamese Government welcomed the plan.", "Government of Vietnam"),
    ("The French Government welcomed the plan.", "Government of France"),
])
def test_a_country_s_government_takes_the_official_form_of_state(text, name):
    assert name in org_names(recognised(text))


@pytest.mark.parametrize("text, surface, name", [
    ("The visitors attended a dinner given by the government of Anhui province on Monday.",
     "government of Anhui province", "Anhui Provincial Government"),
    ("A grant from the government of Sichuan Province paid for the equipment.",
     "government of Sichuan Province", "Sichuan Provincial Government"),
    ("They were received by the people's government of Zibo city.",
     "people's government of Zibo city", "Zibo Municipal Government"),
    ("The plan was approved by the government of Shenzhen.", "government of Shenzhen", "Shenzhen Municipal Government"),
    ("Talks with the government of Chile went well.", "government of Chile", "Government of Chile"),
])
def test_a_lower_case_government_of_a_place_is_that_place_s_government(text, surface, name):
    assert (surface, name) in {(s, n) for s, _, _, n in org_mentions(recognised(text))}


@pytest.mark.parametrize("text", [
    "The government of the day has changed its policy.",
    "The reform of government procurement was discussed.",
    "A government official of Hebei attended.",
])
def test_government_with_no_place_after_of_is_no_government(text):
    assert not any("Government" in n for n in org_names(recognised(text)))
