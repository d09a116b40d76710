"""Delegation precision: a party organ is never the host of a visit (the body its secretary also directs is, or
the body the organ belongs to), and a place or body glued by a hyphen into a longer name ("the China-ASEAN
Centre") is not the origin or host. Sentences written for these tests."""
import datetime as dt

import pytest

from tests.unit.fact_rows import extract_rows, visits

AFTER = dt.date(2021, 6, 1)  # published after the visits, so they are completed


@pytest.mark.parametrize("text, expected", [
    # a party post first, the administrative post second: the administrative body hosts
    ("On 3 April, Wang Lihua, Secretary of the Party Committee, Director of the Management Committee of Binhai "
     "New Area, met with Zhou Minghui from the Shandong Energy Research Institute at the exhibition hall.",
     ("Zhou Minghui", "Shandong Energy Research Institute", "Binhai New Area District Management Committee")),
    ("On 3 April, Wang Lihua, Secretary of the CPC Working Committee and Director of the Management Committee of "
     "Binhai New Area, met with Zhou Minghui from the University of Jordan.",
     ("Zhou Minghui", "University of Jordan", "Binhai New Area District Management Committee")),
    # the party organ of a university: the university hosts
    ("On 3 April, Wang Lihua, Secretary of the Party Committee of Nankai University, met with Zhou Minghui from "
     "the University of Jordan.",
     ("Zhou Minghui", "University of Jordan", "Nankai University")),
])
def test_a_party_organ_gives_way_to_the_body_that_hosts(text, expected):
    assert visits(extract_rows(text, published=AFTER)) == [expected]


def test_a_welcome_by_a_party_secretary_is_hosted_by_the_body_the_organ_belongs_to():
    text = ("Wang Lihua, Secretary of the CPC Committee of Nankai University, welcomed a delegation from the "
            "University of Jordan on 3 March.")
    assert visits(extract_rows(text, published=AFTER)) == [(None, "University of Jordan", "Nankai University")]


def test_a_party_organ_alone_hosts_nothing():
    text = "On 3 April, Wang Lihua, Secretary of the Party Committee, met with Zhou Minghui from the University of Jordan."
    assert visits(extract_rows(text, published=AFTER)) == []


@pytest.mark.parametrize("text, expected", [
    # the guest comes from a body the recogniser does not know, whose name opens with a country
    ("On 3 April, Wang Lihua, Director of the Management Committee of Binhai New Area, met with Zhou Minghui from "
     "the Jordan-China Energy Research Centre.",
     ("Zhou Minghui", None, "Binhai New Area District Management Committee")),
    # a known body: the origin as before
    ("On 3 April, Wang Lihua, Director of the Management Committee of Binhai New Area, met with Zhou Minghui from "
     "the Jordan University of Science and Technology.",
     ("Zhou Minghui", "Jordan University of Science and Technology", "Binhai New Area District Management Committee")),
])
def test_a_country_inside_a_hyphenated_name_is_not_the_origin(text, expected):
    assert visits(extract_rows(text, published=AFTER)) == [expected]


def test_a_guest_from_no_named_body_is_no_visit():
    text = "On 3 April, Wang Lihua, Director of the Management Committee of Binhai New Area, met with Zhou Minghui from the media."
    assert visits(extract_rows(text, published=AFTER)) == []


@pytest.mark.parametrize("text, expected", [
    ("A delegation from the China-ASEAN Technology Transfer Centre visited Guangxi University on 2 March.",
     (None, None, "Guangxi University")),
    ("A delegation from Guangxi University visited the China-ASEAN Technology Transfer Centre on 2 March.",
     (None, "Guangxi University", None)),
    ("A delegation from Hainan visited the Sino-German Institute on 2 March.",
     (None, "Hainan Provincial Government", "Sino-German Institute")),
])
def test_a_part_of_a_hyphenated_name_is_neither_origin_nor_host(text, expected):
    assert visits(extract_rows(text, published=AFTER)) == [expected]
