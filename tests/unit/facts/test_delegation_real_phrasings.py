"""Visits told in the constructions of other outlets: the host receives the visitors, a leader 'and his
delegation', one trip to several hosts, escorts who do not lead. Sentences written for these tests."""
import datetime as dt

import pytest

from tests.unit.fact_rows import extract_rows, visits


@pytest.mark.parametrize("text, leader, host", [
    ("On 3 March, Dr WANG Hua, Mayor of Zhuhai, and his delegation visited Lingnan University.",
     "Wang Hua", "Lingnan University"),
    ("Professor ZHANG Wei, President of Fudan University, and her delegation toured Tsinghua University.",
     "Zhang Wei", "Tsinghua University"),
    ("Dr CHEN Lin, Vice Mayor of Shenzhen, and his accompanying delegation visited Nankai University.",
     "Chen Lin", "Nankai University"),
])
def test_a_leader_and_his_delegation_lead_the_visit(text, leader, host):
    ((who, _, whom),) = visits(extract_rows(text))
    assert (who, whom) == (leader, host)


@pytest.mark.parametrize("text, leader", [
    ("Vice Mayor ZHAO Ling received a Fudan University delegation in Guangzhou. "
     "Professor LI Ming, head of the delegation, thanked the hosts.", "Li Ming"),
    ("Vice Mayor ZHAO Ling welcomed a Fudan University delegation in Guangzhou. "
     "Professor LI Ming, who led the delegation, spoke of joint research.", "Li Ming"),
])
def test_the_head_of_a_received_delegation_leads_it(text, leader):
    ((who, _, _),) = visits(extract_rows(text))
    assert who == leader


@pytest.mark.parametrize("text", [
    "The minister met Dr CHEN Lin, Vice Governor of Yunnan Province, who is on an official visit to the University "
    "of Macau.",
    "The minister met Dr CHEN Lin, Vice Governor of Yunnan Province, who was on a three-day visit to the University "
    "of Macau.",
])
def test_the_person_on_a_visit_leads_it_not_the_one_who_meets_them(text):
    ((who, _, whom),) = visits(extract_rows(text))
    assert (who, whom) == ("Chen Lin", "University of Macau")


@pytest.mark.parametrize("text", [
    "A delegation led by Professor ZHANG Wei of Fudan University visited Tsinghua University, Peking University "
    "and Nankai University.",
    "A delegation led by Professor ZHANG Wei of Fudan University visited Tsinghua University (THU), Peking University "
    "(PKU), and Nankai University.",
])
def test_one_trip_to_a_list_of_hosts_is_one_visit_per_host(text):
    found = visits(extract_rows(text))
    assert sorted(h for _, _, h in found) == ["Nankai University", "Peking University", "Tsinghua University"]
    assert {w for w, _, _ in found} == {"Zhang Wei"}


def test_the_scene_of_a_later_sentence_is_part_of_the_stop_it_names():
    text = ("Professor ZHANG Wei, President of Fudan University, visited Hungary and Austria last week. "
            "In Hungary, Professor ZHANG visited Lingnan University and met its president.")
    assert sorted(h for _, _, h in visits(extract_rows(text))) == ["Austria", "Hungary"]


def test_the_visit_to_a_named_host_refines_a_vague_one_and_adds_further_stops():
    text = ("Professor ZHANG Wei, President of Fudan University, led a delegation to visit partner universities in "
            "Hungary. During the visit to Lingnan University, the delegation held talks on joint research. "
            "During the visit to Nankai University, the delegation toured two laboratories.")
    found = visits(extract_rows(text))
    assert sorted(h for _, _, h in found) == ["Lingnan University", "Nankai University"]
    assert {w for w, _, _ in found} == {"Zhang Wei"}


def test_escorts_do_not_lead_and_the_modifier_gives_the_origin():
    text = ("A group of Japanese engineers, accompanied by Dr CHEN Lin, Director of Lingnan University, "
            "visited Nankai University.")
    ((who, origin, whom),) = visits(extract_rows(text))
    assert (who, origin, whom) == (None, "Japan", "Nankai University")


@pytest.mark.parametrize("text", [
    "A 10-member delegation from Fudan University visited Lingnan University. The talks were followed by a visit to "
    "the Faculty of Arts building.",
    "A 10-member delegation from Fudan University visited Lingnan University. The president hoped the delegation's "
    "visit would deepen cooperation with universities in Hungary.",
])
def test_follow_ups_add_no_visit(text):
    assert visits(extract_rows(text)) == [(None, "Fudan University", "Lingnan University")]


def test_a_loose_to_or_in_far_from_the_cue_is_no_host():
    text = ("The visit of the Fudan University delegation comes as the two sides prepare a long programme of seminars, "
            "exchanges of students and staff, and workshops in Hungary.")
    assert [h for _, _, h in visits(extract_rows(text))] in ([], [None])


def test_the_visit_date_prefers_the_news_over_the_dateline():
    text = "ZHUHAI, March 5 - A 12-member delegation from Fudan University visited Lingnan University today (4th)."
    (d,) = extract_rows(text)["delegations"]
    assert (d["visited_on"], d["visited_on_precision"]) == (dt.date(2021, 3, 4), "day")
