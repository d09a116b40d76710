"""An envoy's "to" ("the Ambassador of Kenya to China") names where the envoy serves, not where the visit goes; a
headline's "X visits Y" is a visit to Y."""
from __future__ import annotations

import pytest

from tests.unit.fact_rows import extract_rows, visits


@pytest.mark.parametrize("text, host", [
    ("The Kenyan Ambassador to China visits Hebei University", "Hebei University"),
    ("The Ambassador of the Republic of Ghana to China visits Fudan University", "Fudan University"),
    ("A delegation from Kenya visits Hebei University", "Hebei University"),
])
def test_the_object_of_visits_is_the_host(text, host):
    assert [v[2] for v in visits(extract_rows(text))] == [host]


@pytest.mark.parametrize("text", [
    "The Ambassador of the Republic of Rwanda to China visits HGU",
    "The High Commissioner of Kenya to India visits the campus",
])
def test_the_country_an_envoy_serves_in_is_no_host(text):
    assert all(v[2] not in ("China", "India") for v in visits(extract_rows(text)))


@pytest.mark.parametrize("text, expected", [
    ("Rector Viktor Ivanov of Ural Federal University led a delegation to Harbin on 3 May. He recalled that in March, "
     "during President Xi Jinping's visit to Russia, the two presidents signed a joint statement.",
     [("Viktor Ivanov", "Ural Federal University", "Harbin")]),
    ("Officials of twin cities will visit Shenzhen and Zhuhai next week.", [(None, None, "Shenzhen"),
                                                                            (None, None, "Zhuhai")]),
])
def test_a_visit_with_no_visitor_beside_one_with_a_visitor_is_a_fragment_of_it(text, expected):
    assert visits(extract_rows(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Minister Wang Li met with a visiting Iranian delegation led by Vice-President Sorena Sattari.",
     ("Sorena Sattari", "Iran")),
    ("A Kenyan science delegation visited Fudan University on Monday.", (None, "Kenya")),
])
def test_a_people_s_name_before_the_delegation_noun_is_its_origin(text, expected):
    assert [(leader, origin) for leader, origin, _ in visits(extract_rows(text))] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("President Li Wei of Fudan University welcomed his counterparts from Moi University.",
     [(None, "Moi University", "Fudan University")]),
    ("Anna Berg, President of Lund University, received the visit of the National Natural Science Foundation of "
     "China (NSFC) on Monday.", [(None, "National Natural Science Foundation of China", "Lund University")]),
    ("President Li Wei of Fudan University received a visit from Moi University on Monday.",
     [(None, "Moi University", "Fudan University")]),
])
def test_counterparts_welcomed_and_a_visit_received_come_from_the_body_named(text, expected):
    assert visits(extract_rows(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("On 18 April, President Viktor Ivanov and his group from the Ural Federal University visited Harbin Engineering "
     "University.", ("Viktor Ivanov", "Ural Federal University", "Harbin Engineering University")),
    ("President Anna Berg and her colleagues from Lund University visited Fudan University on Monday.",
     ("Anna Berg", "Lund University", "Fudan University")),
])
def test_a_leader_and_the_group_from_a_body_visit_together(text, expected):
    assert visits(extract_rows(text)) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Visit of Lund University President to Fudan University", (None, "Lund University", "Fudan University")),
    ("The visit of the Kenya Medical Research Institute to Fudan University ended on Monday.",
     (None, "Kenya Medical Research Institute", "Fudan University")),
])
def test_the_visit_of_a_body_comes_from_it(text, expected):
    assert visits(extract_rows(text)) == [expected]


def test_a_delegation_named_by_its_people_is_the_body_of_that_country_told_before():
    rows = extract_rows("Lund University welcomed a delegation from the China Association of Higher Education (CAHE) "
                        "on Tuesday, led by Professor Li Wei. During the meeting, the Chinese delegation outlined the "
                        "association's work.")
    assert visits(rows) == [("Li Wei", "China Association of Higher Education", "Lund University")]


@pytest.mark.parametrize("text, origin", [
    ("The Chinese Ambassador to Iraq, Mr. Zhang Wei, visited the University of Baghdad on Monday.", "China"),
    ("Minister Ali Hassan met with the Kenyan Ambassador, Dr. Peter Mwangi and the accompanying delegation.", "Kenya"),
    ("The Danish Ambassador to China Thomas Larsen visited Lakeside University.", "Denmark"),
])
def test_an_envoy_named_by_a_people_s_name_comes_from_that_country(text, origin):
    assert [v[1] for v in visits(extract_rows(text))] == [origin]
