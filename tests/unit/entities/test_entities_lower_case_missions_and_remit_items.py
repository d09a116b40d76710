"""A mission written in lower case after its owner ("the Irish embassy in Beijing") is a body as one written with
capitals is, and a ministry's remit may list a head word as an item of its own ("Ministry of Education, University
and Research"), though a name that ends in a head is another body ("..., Peking University and ...")."""
from __future__ import annotations

import pytest

from tests.unit.entity_rows import org_names, recognised


@pytest.mark.parametrize("text, name", [
    ("Officials of the Irish embassy in Beijing attended.", "Irish embassy in Beijing"),
    ("A diplomat from the Chinese embassy in London spoke.", "Chinese embassy in London"),
    ("The Kenyan consulate in Guangzhou issued the visas.", "Kenyan consulate in Guangzhou"),
])
def test_a_lower_case_mission_after_its_owner_is_a_body(text, name):
    assert name in org_names(recognised(text))


def test_a_lower_case_mission_without_an_owner_is_no_body():
    assert org_names(recognised("The embassy of the country was closed on Monday.")) == set()


@pytest.mark.parametrize("text, name", [
    ("The Italian Ministry of Education, University and Research funds the project.",
     "Italian Ministry of Education, University and Research"),
    ("The Ministry of Science, University and Innovation of Lakeland sent a delegation.",
     "Ministry of Science, University and Innovation of Lakeland"),
])
def test_a_head_word_may_be_an_item_of_a_remit(text, name):
    assert name in org_names(recognised(text))


def test_a_name_ending_in_a_head_after_a_ministry_is_another_body():
    names = org_names(recognised("The Ministry of Education, Peking University and Fudan University signed the plan."))
    assert {"Ministry of Education", "Peking University", "Fudan University"} <= names
