""""The visit of <title> <name>" names the leader though the title stands between "visit of" and the name ("the
official visit of former Prime Minister of China, X", "the visit by Kenyan Minister of Education X"). Sentences
written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, visits


@pytest.mark.parametrize("text, expected", [
    ("The centre was agreed during the official visit of former Prime Minister of Norway, Erik Solberg, to China in "
     "April 2012.", ("Erik Solberg", "Government of Norway", "China")),
    ("The visit of the Rector of the University of Porto, Professor Ana Silva, to Fudan University took place on 4 May.",
     ("Ana Silva", "University of Porto", "Fudan University")),
    ("The visit by Kenyan Minister of Education Amina Mohamed to Tsinghua University on 4 May opened a new chapter.",
     ("Amina Mohamed", "Kenyan Ministry of Education", "Tsinghua University")),
])
def test_the_person_after_the_title_in_the_visit_of_leads_it(text, expected):
    assert visits(extract_rows(text)) == [expected]


def test_a_visit_of_a_group_names_no_leader_from_another_clause():
    text = "The visit of the delegation to Fudan University was organised by Professor Li Wei."
    assert visits(extract_rows(text)) == [(None, None, "Fudan University")]


@pytest.mark.parametrize("text, expected", [
    # the words before the comma are the visitor, no title: the person after it is no leader of that visit
    ("Following the visit of Zhejiang University, Professor Li Wei of Fudan University visited Cairo University on "
     "1 March 2021.", (None, "Zhejiang University", "Cairo University")),
    ("After the visits of Kenya and Uganda, President Uhuru Kenyatta met Tsinghua University President Qiu Yong in "
     "Beijing on 1 March 2021.", (None, None, "Tsinghua University")),
])
def test_a_visit_of_a_body_set_off_by_a_comma_names_no_leader(text, expected):
    assert visits(extract_rows(text)) == [expected]
