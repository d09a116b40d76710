"""Visits told without the usual "delegation visited" sentence: a visit as a clause of another event ("signed
it while visiting X"), a stay with a purpose ("was in X to sign"), a welcome to "the delegates from X", people
the visitors met who are not the visitors, an honour beside a post. Sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, visits


@pytest.mark.parametrize("text, expected", [
    ("Professor ZHANG Wei, President of Fudan University, signed the accord while visiting Nankai University.",
     ("Zhang Wei", "Fudan University", "Nankai University")),
    ("Professor ZHANG Wei, President of Fudan University, opened the exhibition when visiting Nankai University.",
     ("Zhang Wei", "Fudan University", "Nankai University")),
    ("Professor ZHANG Wei, President of Fudan University, gave a lecture during his visit to Nankai University.",
     ("Zhang Wei", "Fudan University", "Nankai University")),
    ("While visiting Nankai University, Professor ZHANG Wei, President of Fudan University, planted a tree.",
     ("Zhang Wei", "Fudan University", "Nankai University")),
])
def test_a_visit_told_as_a_clause_is_led_by_the_sentence_subject(text, expected):
    assert visits(extract_rows(text)) == [expected]


def test_a_visit_to_the_university_named_before():
    text = ("Nankai University has a new partner in Europe. "
            "Professor Mark Evans signed the accord while visiting the University in Tianjin.")
    assert visits(extract_rows(text)) == [("Mark Evans", None, "Nankai University")]


def test_a_clause_visit_whose_subject_is_no_person_has_no_leader():
    text = "The accord was signed while visiting Nankai University, said Professor ZHANG Wei."
    assert [w for w, _, _ in visits(extract_rows(text))] in ([], [None])


@pytest.mark.parametrize("text, expected", [
    ("Professor ZHANG Wei, President of Fudan University, was in Tianjin last week to sign an accord with Nankai "
     "University.", ("Zhang Wei", "Fudan University", "Nankai University")),
    ("Professor ZHANG Wei, President of Fudan University, was recently in Tianjin to attend a forum on batteries.",
     ("Zhang Wei", "Fudan University", "Tianjin")),
])
def test_a_stay_with_a_purpose_is_a_visit(text, expected):
    assert visits(extract_rows(text)) == [expected]


def test_the_stay_names_both_the_place_and_the_other_signing_party():
    text = ("Professor ZHANG Wei, President of Fudan University, was in Tianjin last week to sign an accord with "
            "Nankai University.")
    (d,) = extract_rows(text)["delegations"]
    places = {p["place_id"]: p["name"] for p in extract_rows(text)["places"]}
    assert places[d["host_place_id"]] == "Tianjin" and d["host_organization_id"] is not None


@pytest.mark.parametrize("text", [
    "Professor ZHANG Wei, President of Fudan University, was in Tianjin when the results came out.",
    "The second round of talks was in Tianjin to sign the accord with Nankai University.",
])
def test_a_stay_without_a_purpose_or_a_person_is_no_visit(text):
    assert visits(extract_rows(text)) == []


@pytest.mark.parametrize("text, expected", [
    ("Professor ZHANG Wei, President of Tsinghua University, extended a warm welcome to Dr CHEN Lin and the "
     "delegates from Fudan University.", ("Chen Lin", "Fudan University", "Tsinghua University")),
    ("Professor ZHANG Wei, President of Tsinghua University, warmly greeted the representatives from Fudan University "
     "led by Dr CHEN Lin.", ("Chen Lin", "Fudan University", "Tsinghua University")),
    ("Professor ZHANG Wei, President of Tsinghua University, welcomed the guests from Fudan University.",
     (None, "Fudan University", "Tsinghua University")),
])
def test_a_welcomed_group_from_another_organisation_visits_the_welcomer(text, expected):
    assert visits(extract_rows(text)) == [expected]


def test_a_welcome_to_colleagues_of_ones_own_organisation_is_no_visit():
    text = ("Professor ZHANG Wei, President of Tsinghua University, welcomed the representatives of Tsinghua "
            "University to the meeting.")
    assert visits(extract_rows(text)) == []


@pytest.mark.parametrize("text, size", [
    ("A delegation from Fudan University visited Nankai University and met with more than 200 students.", None),
    ("A delegation from Fudan University visited Nankai University and addressed some 300 teachers, including "
     "40 deans.", None),
    ("Twelve experts from Fudan University visited Nankai University and met with 200 students.", 12),
    ("A 9-member delegation from Fudan University visited Nankai University and met 200 students.", 9),
])
def test_people_the_visitors_meet_are_not_counted_as_visitors(text, size):
    (d,) = extract_rows(text)["delegations"]
    assert d["member_count"] == size


@pytest.mark.parametrize("text, expected", [
    ("Shenzhen Municipal Government officials visited Nankai University.",
     (None, "Shenzhen Municipal Government", "Nankai University")),
    ("Macao SAR government officials toured Nankai University.",
     (None, "Government of the Macao Special Administrative Region", "Nankai University")),
    ("Shenzhen Municipal Government officials led by Vice Mayor CHEN Lin visited Nankai University.",
     ("Chen Lin", "Shenzhen Municipal Government", "Nankai University")),
])
def test_an_organisation_whose_name_modifies_the_people_noun_is_the_origin(text, expected):
    assert visits(extract_rows(text)) == [expected]


def test_a_post_beside_the_leader_wins_over_an_honour():
    text = ("Vice President of Fudan University and academician of the Chinese Academy of Sciences, ZHANG Wei, "
            "led a delegation to Nankai University.")
    assert visits(extract_rows(text)) == [("Zhang Wei", "Fudan University", "Nankai University")]


@pytest.mark.parametrize("text, host", [
    ("A group of Japanese engineers visited the Institute of Soil Science (ISS), Chinese Academy of Sciences.",
     "Institute of Soil Science, Chinese Academy of Sciences"),  # the known institute, named without its academy
    ("A group of Japanese engineers visited the School of Physics, Nankai University.", "School of Physics"),
])
def test_a_host_and_the_body_it_belongs_to_are_one_host(text, host):
    assert visits(extract_rows(text)) == [(None, "Japan", host)]


def test_a_list_of_hosts_ends_with_and():
    text = "A group of Japanese engineers visited Fudan University, Nankai University and Tsinghua University."
    assert sorted(h for _, _, h in visits(extract_rows(text))) == ["Fudan University", "Nankai University",
                                                            "Tsinghua University"]
