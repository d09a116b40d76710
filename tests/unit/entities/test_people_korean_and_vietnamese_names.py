"""Korean and Vietnamese family names make people of names written either way round, and a name after an honorific
is a person's even when its last word is also an organisation's head ("Park")."""
from __future__ import annotations

import pytest

from tests.unit.entity_rows import org_names, people_names, recognised


@pytest.mark.parametrize("text, person", [
    ("The delegation met Mr. Ji-Hoon Park, Vice President for Research of Kyungpook National University.",
     "Ji-Hoon Park"),
    ("Dr. Min-ji Park of Seoul National University gave a talk.", "Min-ji Park"),
    ("Vice President Kim Young-jae welcomed the guests from Fudan University.", "Kim Young-jae"),
    ("Professor Jeong Hae-won of Pusan National University attended.", "Jeong Hae-won"),
    ("Vice Minister Nguyen Van Thanh met the visitors from Yunnan University.", "Nguyen Van Thanh"),
    ("The talks were chaired by Tran Thi Mai, head of the delegation.", "Tran Thi Mai"),
])
def test_korean_and_vietnamese_names_are_people(text, person):
    ents = recognised(text)
    assert person in people_names(ents)
    assert person not in org_names(ents) and f"Mr. {person}" not in org_names(ents)


@pytest.mark.parametrize("text, org", [
    ("The forum was held in the Daedeok Science Park on Monday.", "Daedeok Science Park"),
    ("The company moved to the Zhangjiang Hi-Tech Park in 2019.", "Zhangjiang Hi-Tech Park"),
])
def test_parks_stay_organisations(text, org):
    ents = recognised(text)
    assert any(org in name or name in org for name in org_names(ents)), org_names(ents)
    assert not people_names(ents)
