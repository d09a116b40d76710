"""Governments of places the reference data does not know, provinces abroad written the local way, and bodies whose
name opens with a country's name or holds the seat of a company in brackets."""
from __future__ import annotations

import pytest

from tests.unit.entity_rows import org_names, recognised


@pytest.mark.parametrize("text, orgs", [
    ("The government of the Hungarian city of Szekszard signed an agreement with BYD.",
     {"Szekszard City Government", "BYD Company Limited"}),
    ("The Padang local government welcomed the team.", {"Padang City Government"}),
    ("The Fuyuan county government and the Chinese local government met.", {"Fuyuan County Government"}),
    ("The Langfang city government welcomed the team.", {"Langfang Municipal Government"}),
    ("The Chinese local government welcomed the team.", set()),
])
def test_the_government_of_a_place_by_its_level_words(text, orgs):
    assert org_names(recognised(text)) == orgs


@pytest.mark.parametrize("text, org", [
    ("Jilin Province and Gyeonggi-do signed an agreement.", "Gyeonggi Provincial Government"),
    ("Jilin Province and Gangwon-do signed an agreement.", "Gangwon Provincial Government"),
    ("Jilin Province and Gangwon Province signed an agreement.", "Gangwon Provincial Government"),
    ("Hubei Province and Isabel Province of Solomon Islands signed a pact.", "Isabel"),
])
def test_a_province_abroad_in_its_local_or_english_form(text, org):
    assert org in org_names(recognised(text))


@pytest.mark.parametrize("text, orgs", [
    ("The China Investment Corporation and Mumtalakat Holding Company signed an agreement.",
     {"China Investment Corporation", "Mumtalakat Holding Company"}),
    ("The Qatar Free Zones Authority welcomed them.", {"Qatar Free Zones Authority"}),
    ("The Nigeria Agricultural Research Council welcomed them.", {"Nigeria Agricultural Research Council"}),
    ("China New Link (Beijing) Enterprise Management Co., Ltd. signed it.",
     {"China New Link (Beijing) Enterprise Management Co., Ltd."}),
    ("the US Atofina Chemical Co Ltd produced it.", {"Atofina Chemical Co Ltd"}),
])
def test_a_country_name_opening_a_body_is_part_of_its_name(text, orgs):
    assert org_names(recognised(text)) == orgs


@pytest.mark.parametrize("text, orgs", [
    ("UAlberta and Fudan University signed an agreement.", {"University of Alberta", "Fudan University"}),
    ("UCalgary researchers visited Tongji University.", {"University of Calgary", "Tongji University"}),
    ("UManitoba hosted the team.", {"University of Manitoba"}),
    ("ULtimate results and UNited teams came.", set()),
])
def test_a_u_before_a_place_name_is_its_university(text, orgs):
    assert org_names(recognised(text)) == orgs


@pytest.mark.parametrize("text, orgs", [
    ("The Ministry of Education, Culture and Sports signed it.", {"Ministry of Education, Culture and Sports"}),
    ("The Ministry of Education, Culture, Science and Sports of Mongolia signed it.",
     {"Ministry of Education, Culture, Science and Sports of Mongolia"}),
    ("The Ministry of Education, Fudan University and Tsinghua University signed it.",
     {"Ministry of Education", "Fudan University", "Tsinghua University"}),
    ("The Ministry of Education, Shanghai Municipality and Fudan University signed it.",
     {"Ministry of Education", "Shanghai Municipal Government", "Fudan University"}),
])
def test_a_known_ministry_whose_remit_goes_on_in_a_list_is_another_body(text, orgs):
    assert org_names(recognised(text)) == orgs


@pytest.mark.parametrize("text, surface, name", [
    ("Hanoi University of Science and Technology and Hanoi University signed.", "Hanoi University",
     "Hanoi University"),
    ("Kunming University of Technology and Kunming University signed.", "Kunming University", "Kunming University"),
    ("We met Hanoi Pedagogical University and Hanoi University.", "Hanoi University", "Hanoi University"),
    ("The Polytechnic Institute of Zhejiang University said the Polytechnic Institute will help.",
     "Polytechnic Institute", "Polytechnic Institute of Zhejiang University"),
])
def test_a_university_named_for_a_place_is_no_short_form_of_a_longer_one(text, surface, name):
    ents = recognised(text)
    assert {(m.surface, ents.orgs[m.entity_id].canonical_name) for m in ents.mentions
            if m.entity_type == "organization" and m.surface == surface} == {(surface, name)}
