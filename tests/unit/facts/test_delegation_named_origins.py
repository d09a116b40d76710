"""A delegation's own name says where it comes from ("the Sichuan Provincial Delegation", "a Zhejiang University
delegation"), whatever its leader's apposition says; a government side is named both as the body and as the place.
Sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, visits


@pytest.mark.parametrize("text, leader, origin, host", [
    ("The Sichuan Provincial Delegation headed by Ms. Wang Fang, the Vice Governor of the Province, visited Portugal "
     "from 3 to 6 May.", "Wang Fang", "Sichuan Provincial Government", "Portugal"),
    ("From 2nd to 5th June, the Yunnan Provincial Delegation headed by Mr. Li Wei, the Vice Governor of the Province "
     "visited Spain.", "Li Wei", "Yunnan Provincial Government", "Government of Spain"),
    ("Led by Mayor Liu Yang, the Chengdu Municipal Delegation visited Hungary last week.",
     "Liu Yang", "Chengdu Municipal Government", "Hungary"),
    ("On 4 June, a Zhejiang University delegation led by Professor Chen Bo visited Ghent University.",
     "Chen Bo", "Zhejiang University", "Ghent University"),
    ("The Guangdong delegation, headed by Vice Governor Huang Min, toured Chile in 2019.",
     "Huang Min", "Guangdong Provincial Government", "Chile"),
])
def test_the_delegations_own_modifier_is_its_origin_and_the_visited_country_its_host(text, leader, origin, host):
    assert visits(extract_rows(text)) == [(leader, origin, host)]


@pytest.mark.parametrize("text", [
    "Vice Governor Huang Min will discuss his Chile visit with reporters on Monday.",
    "Professor Chen Bo of Zhejiang University described the Hungary visit to the press.",
])
def test_the_modifier_of_a_visit_is_where_it_goes_not_where_it_comes_from(text):
    assert all(origin not in ("Chile", "Hungary") for _, origin, _ in visits(extract_rows(text)))


def test_a_visit_from_a_place_and_one_from_a_body_of_that_place_are_one_visit_from_the_body():
    text = ("Vice Mayor Zhao Ling welcomed the Macao delegation to Wuhan. "
            "Professor Rui Martins, Vice Rector of the University of Macau, is leading a delegation of 20 members "
            "to Wuhan.")
    assert visits(extract_rows(text)) == [("Rui Martins", "University of Macau", "Wuhan")]


def test_a_government_host_is_named_as_the_country_too():
    rows = extract_rows("The Hunan Provincial Delegation headed by Vice Governor Zhang Hua visited Spain "
                        "on 3 May 2019.")
    places = {p["place_id"]: p["name"] for p in rows["places"]}
    (d,) = rows["delegations"]
    assert places.get(d["host_place_id"]) == "Spain"


@pytest.mark.parametrize("text, leader, origin, host", [
    ("During 13th to 17th of May, Dr. Maria Lopes of Ghent University (UGent) visited Zhejiang University.",
     "Maria Lopes", "Ghent University", "Zhejiang University"),
    ("Professor Ahmed Khan from the University of Lahore visited Sichuan University on 3 May.",
     "Ahmed Khan", "University of Lahore", "Sichuan University"),
])
def test_a_visitor_of_a_body_named_after_the_name_visits_from_it(text, leader, origin, host):
    assert visits(extract_rows(text)) == [(leader, origin, host)]


def test_a_range_of_ordinal_days_of_a_month_dates_the_visit_by_its_first_day():
    rows = extract_rows("During 13th to 17th of February, Dr. Maria Lopes of Ghent University visited Zhejiang "
                        "University.")
    assert [str(d["visited_on"]) for d in rows["delegations"]] == ["2021-02-13"]


@pytest.mark.parametrize("text, leader, host", [
    ("The state visit of President Ana Silva to Kenya saw the signing of several documents.", "Ana Silva", "Kenya"),
    ("The official visit by Prime Minister Li Wei to Chile ended on Friday.", "Li Wei", "Chile"),
])
def test_the_person_a_visit_is_of_leads_it(text, leader, host):
    assert [(who, whom) for who, _, whom in visits(extract_rows(text))] == [(leader, host)]


@pytest.mark.parametrize("text", [
    "Ghent University welcomes delegations from Yunnan and Guangxi",
    "Ghent University Receives Delegation from Yunnan",
    "Ghent University received two high-level delegations from Yunnan this week.",
])
def test_the_receiver_before_the_noun_is_not_the_origin(text):
    assert all(origin != "Ghent University" for _, origin, _ in visits(extract_rows(text)))


@pytest.mark.parametrize("text, expected", [
    ("On 3 March, Ghent University received a delegation from Wuhan University and a delegation from Fudan "
     "University.", [(None, "Wuhan University", "Ghent University"), (None, "Fudan University", "Ghent University")]),
    ("A delegation from Wuhan University led by Professor Li Wei and a delegation from Fudan University led by "
     "Professor Zhang Hua visited Ghent University on 3 March.",
     [("Li Wei", "Wuhan University", "Ghent University"), ("Zhang Hua", "Fudan University", "Ghent University")]),
    ("A delegation from Wuhan University led by Professor Li Wei and another from Fudan University toured Ghent "
     "University.", [("Li Wei", "Wuhan University", "Ghent University"), (None, "Fudan University", "Ghent University")]),
])
def test_two_delegations_in_one_sentence_are_two_visits(text, expected):
    rows = extract_rows(text)
    assert visits(rows) == expected
    assert len({d["delegation_id"] for d in rows["delegations"]}) == len(expected)


@pytest.mark.parametrize("text, origin, host", [
    ("On 3 March, Ghent University received a delegation from Wuhan University.", "Wuhan University",
     "Ghent University"),
    ("The University of Porto (UP) warmly welcomed a delegation of Fudan University on 3 March.", "Fudan University",
     "University of Porto"),
])
def test_a_receiving_body_is_the_host(text, origin, host):
    assert visits(extract_rows(text)) == [(None, origin, host)]


def test_a_host_named_with_of_after_the_name_meets_a_visitor():
    text = "Rector Anna Peeters of Ghent University met Professor Li Wei, President of Wuhan University, on 3 March."
    assert visits(extract_rows(text)) == [("Li Wei", "Wuhan University", "Ghent University")]


@pytest.mark.parametrize("text, expected", [
    ("Professor Rui Costa, President of the University of Porto, welcomed Mr. Li Wei, Director of the Hubei "
     "Provincial Department of Education, and the members of the delegation.",
     ("Li Wei", "Hubei Provincial Department of Education", "University of Porto")),
    ("On 10 April, Vice Rector Tom Maes of Ghent University led colleagues to receive the delegation from Fudan "
     "University, which was led by Professor Zhang Hua.", ("Zhang Hua", "Fudan University", "Ghent University")),
])
def test_the_person_welcomed_with_the_delegation_leads_it_and_the_receiver_hosts(text, expected):
    assert visits(extract_rows(text)) == [expected]
