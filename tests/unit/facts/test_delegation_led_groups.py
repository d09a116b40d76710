"""Visits told without the word "delegation": a lead verb with a group noun going somewhere ("led a team to"), and a
counted group "including" its first member. Sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, visits


@pytest.mark.parametrize("text, leader, origin, host", [
    ("In May, Dr. Chen Hui, Vice President of Fudan University led a team to Ghent University, where they toured "
     "the labs.", "Chen Hui", "Fudan University", "Ghent University"),
    ("Professor Zhang Wei of Wuhan University headed a small group of researchers on a visit to Leiden University "
     "last May.", "Zhang Wei", "Wuhan University", "Leiden University"),
    ("Last week Rector Anna Kowalska of the University of Warsaw brought a group to Sichuan University.",
     "Anna Kowalska", "University of Warsaw", "Sichuan University"),
])
def test_a_lead_verb_with_a_group_going_somewhere_is_a_visit(text, leader, origin, host):
    assert visits(extract_rows(text)) == [(leader, origin, host)]


@pytest.mark.parametrize("text", [
    "Professor Zhang Wei led the research team to a breakthrough in battery chemistry.",
    "Dr. Chen Hui leads a team of twelve engineers at Fudan University.",
])
def test_a_led_team_going_nowhere_is_no_visit(text):
    assert visits(extract_rows(text)) == []


@pytest.mark.parametrize("text, leader, origin, size", [
    ("On 5 May, a group of 4 people including Professor Tomas Horak, vice president of Charles University, and Petr Dvorak, "
     "director of the Prague Bureau of Statistics visited Henan University.", "Tomas Horak", "Charles University", 4),
    ("A delegation of six including Maria Rossi, Rector of the University of Bologna, visited Henan University on "
     "3 June.", "Maria Rossi", "University of Bologna", 6),
])
def test_a_counted_group_is_led_by_the_first_member_it_includes(text, leader, origin, size):
    rows = extract_rows(text)
    assert visits(rows) == [(leader, origin, "Henan University")]
    assert rows["delegations"][0]["member_count"] == size


@pytest.mark.parametrize("text, leader, host", [
    ("Premier Li Qiang’s official visit to Hungary last May produced eleven agreements.", "Li Qiang", "Hungary"),
    ("Governor Wang Hao's state visit to Chile was a success.", "Wang Hao", "Chile"),
])
def test_a_possessive_visit_is_led_by_its_owner(text, leader, host):
    assert [(v[0], v[2]) for v in visits(extract_rows(text))] == [(leader, host)]


def test_a_visit_that_dates_another_event_is_not_led_by_its_owner():
    rows = extract_rows("During President Xi Jinping's visit to Russia, the two presidents signed a joint statement.")
    assert all(leader != "Xi Jinping" for leader, _, _ in visits(rows))


def test_unnamed_bodies_visited_in_listed_countries_make_one_stop_per_country_with_the_trip_origin():
    rows = extract_rows("Fudan University delegation visits European countries\n\nProfessor Wang Li led a delegation "
                        "on a visit to universities, companies, and research institutes in the Netherlands, France, and "
                        "Switzerland from April 19 to 25.")
    assert visits(rows) == [("Wang Li", "Fudan University", country) for country in
                            ("Netherlands", "France", "Switzerland")]
