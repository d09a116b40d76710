"""Visits told from the host's side or in loose lists: the host welcomes a named visitor "and his delegation" or
"to" a place, the visitors hold talks with a host body, a list of hosts partly unknown to the recogniser, a
headline that repeats the body. Sentences written for these tests."""
import datetime as dt

import pytest

from tests.unit.fact_rows import extract_rows, visits


@pytest.mark.parametrize("text", [
    "Professor LI Ming, President of Tsinghua University, welcomed Dr ZHANG Wei and his delegation.",
    "Professor LI Ming, President of Tsinghua University, received Dr ZHANG Wei and her delegation on Monday.",
    "Professor LI Ming, President of Tsinghua University, met with Dr ZHANG Wei and his accompanying delegation.",
    "Professor LI Ming, President of Tsinghua University, warmly welcomed Dr ZHANG Wei and his entourage at first, "
    "and introduced the university.",
])
def test_the_host_receives_a_named_visitor_and_his_delegation(text):
    ((who, _, whom),) = visits(extract_rows(text))
    assert (who, whom) == ("Zhang Wei", "Tsinghua University")


@pytest.mark.parametrize("text", [
    "The delegation of Fudan University led by Dr ZHANG Wei held talks with the Nankai University leaders.",
    "The delegation of Fudan University led by Dr ZHANG Wei had a meeting with the leaders of Nankai University.",
    "The delegation of Fudan University led by Dr ZHANG Wei had the working meeting with Nankai University.",
    "The delegation of Fudan University led by Dr ZHANG Wei was received by Nankai University officials.",
])
def test_the_body_the_delegation_meets_is_its_host(text):
    ((who, origin, whom),) = visits(extract_rows(text))
    assert (who, origin, whom) == ("Zhang Wei", "Fudan University", "Nankai University")


@pytest.mark.parametrize("text", [
    "A delegation led by Dr ZHANG Wei held talks with the Nankai University leaders.",
    "A delegation led by Dr ZHANG Wei met with Nankai University representatives in Tianjin.",
])
def test_the_people_the_visitors_meet_do_not_give_the_origin(text):
    ((who, origin, whom),) = visits(extract_rows(text))
    assert (who, whom) == ("Zhang Wei", "Nankai University")
    assert origin != "Nankai University"


@pytest.mark.parametrize("text, host", [
    ("Professor LI Ming, President of Tsinghua University, said: \"I am delighted to welcome Dr ZHANG Wei to our "
     "campus.\"", "Tsinghua University"),
    ("Professor LI Ming, President of Tsinghua University, welcomed Dr ZHANG Wei to Beijing.", "Beijing"),
    ("We were pleased to welcome Dr ZHANG Wei and his delegation to Lingnan University last week.",
     "Lingnan University"),
])
def test_a_visitor_welcomed_to_a_place_visits_it(text, host):
    ((who, _, whom),) = visits(extract_rows(text))
    assert (who, whom) == ("Zhang Wei", host)


@pytest.mark.parametrize("text", [
    "Professor LI Ming, President of Tsinghua University, welcomed Dr ZHANG Wei to the Board of Trustees.",
    "Professor LI Ming, President of Tsinghua University, welcomed Dr ZHANG Wei to the Committee.",
])
def test_a_welcome_to_a_board_is_not_a_visit(text):
    assert visits(extract_rows(text)) == []


@pytest.mark.parametrize("text", [
    "Professor LI Ming, President of Tsinghua University, extended a warm welcome to Dr ZHANG Wei and the delegates "
    "from QXTU.",
    "Professor LI Ming, President of Tsinghua University, welcomed Dr ZHANG Wei and the visitors from Kestrel Valley "
    "Polytechnic.",
])
def test_delegates_from_a_body_the_recogniser_does_not_know_still_make_a_visit(text):
    ((who, _, whom),) = visits(extract_rows(text))
    assert (who, whom) == ("Zhang Wei", "Tsinghua University")


def test_delegates_from_an_unknown_body_without_a_leader_are_no_visit():
    text = "Professor LI Ming, President of Tsinghua University, welcomed the delegates from QXTU."
    assert visits(extract_rows(text)) == []


@pytest.mark.parametrize("text", [
    "A delegation led by Dr ZHANG Wei visited Fudan University (FDU), Universidad Central “Santa Clara” de Las "
    "Lomas (UCSL), Nankai University (NKU), and Lingnan University (LU).",
    "A delegation led by Dr ZHANG Wei visited Fudan University, Instituto Superior de Tecnologia del Norte, Nankai "
    "University and Lingnan University.",
])
def test_a_list_of_hosts_goes_on_past_a_name_known_only_in_part(text):
    hosts = {h for _, _, h in visits(extract_rows(text))}
    assert {"Fudan University", "Nankai University", "Lingnan University"} <= hosts


def test_a_list_item_known_only_by_its_acronym_is_a_host():
    text = ("A delegation led by Dr ZHANG Wei visited Fudan University, Nankai University, and Lakeside campus "
            "(HKUST).")
    hosts = {h for _, _, h in visits(extract_rows(text))}
    assert {"Fudan University", "Nankai University", "The Hong Kong University of Science and Technology"} <= hosts


@pytest.mark.parametrize("text", [
    "President ZHANG Wei Leads Delegation to Visit Hungary and Austria\n\n"
    "From 3 to 9 May, President ZHANG Wei led a delegation to visit Lingnan University and Nankai University.",
    "President ZHANG Wei Heads a Delegation to Hungary and Austria\n\n"
    "From 3 to 9 May, President ZHANG Wei led a delegation to visit Lingnan University and Nankai University.",
])
def test_a_headline_that_repeats_the_body_is_the_body_s_visit(text):
    found = visits(extract_rows(text))
    assert sorted(h for _, _, h in found) == ["Lingnan University", "Nankai University"]
    assert {w for w, _, _ in found} == {"Zhang Wei"}


@pytest.mark.parametrize("text", [
    "Fujian delegation visits city of Shenzhen\n\nThe delegation led by Governor ZHAO Ling arrived on 3 May in China.",
    "Fujian Delegation Visits the City of Shenzhen\n\nThe delegation led by Governor ZHAO Ling was in China on 3 May.",
])
def test_a_headline_city_and_the_country_of_the_body_are_one_visit(text):
    ((who, _, whom),) = visits(extract_rows(text))
    assert (who, whom) == ("Zhao Ling", "Shenzhen")


@pytest.mark.parametrize("text", [
    "20 representatives of partner universities visit Guangdong",
    "Officials of twin cities will visit Shenzhen and Zhuhai next week.",
    "A delegation of experts from sister provinces toured Guangdong on Monday.",
])
def test_the_place_visited_is_not_where_the_visitors_come_from(text):
    found = visits(extract_rows(text))
    assert found and all(origin is None for _, origin, _ in found)


@pytest.mark.parametrize("text", [
    "Professor ZHANG Wei, President of Fudan University, brought a delegation to Nankai University.",
    "Professor ZHANG Wei brought a 12-member delegation of Fudan University to Nankai University.",
    "Professor ZHANG Wei, President of Fudan University, is bringing a delegation to Nankai University.",
])
def test_who_brings_a_delegation_leads_it(text):
    ((who, origin, whom),) = visits(extract_rows(text))
    assert (who, origin, whom) == ("Zhang Wei", "Fudan University", "Nankai University")


@pytest.mark.parametrize("text", [
    "A memorandum was signed between Fudan University and Nankai University on 7 November 2018 at Nankai University. "
    "The hosts praised the ties. Professor LI Ming, President of Nankai University, welcomed Dr ZHANG Wei and the "
    "delegates from Fudan University.",
    "On 7 November 2018, Dr ZHANG Wei signed an agreement with Nankai University in Tianjin. "
    "Professor LI Ming, President of Nankai University, welcomed Dr ZHANG Wei and his delegation.",
])
def test_an_undated_visit_takes_the_day_of_the_occasion_told_before(text):
    rows = extract_rows(text, published=None)
    ((who, _, whom),) = visits(rows)
    assert (who, whom) == ("Zhang Wei", "Nankai University")
    assert rows["delegations"][0]["visited_on"] == dt.date(2018, 11, 7)


def test_an_occasion_that_names_neither_the_leader_nor_the_host_does_not_date_the_visit():
    text = ("Lingnan University opened a library on 7 November 2018. "
            "Professor LI Ming, President of Nankai University, welcomed Dr ZHANG Wei and his delegation.")
    rows = extract_rows(text, published=None)
    assert [d["visited_on"] for d in rows["delegations"]] == [None]
