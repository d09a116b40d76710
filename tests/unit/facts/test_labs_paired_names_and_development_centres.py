"""Lab names outside the heads of `lab_kinds`: a centre or institute named after two partners ("the Sino-Danish
Center", "the Kenya-China Centre for Water Research"), a research-and-development centre, a capitalised "Between A and
B" inside a name, a lower-case institute set up by its partners, and an institute whose founding comes after an
apposition set off by dashes. And what looks like a lab and is not: a centre for exchanges, a room code of a venue."""
from __future__ import annotations

import pytest

from tests.unit.fact_rows import extract_rows


def _labs(text: str) -> list[tuple[str, str]]:
    return [(lab["name"], lab["lab_type"]) for lab in extract_rows(text)["labs"]]


@pytest.mark.parametrize("text, name", [
    ("Prof. Li Ming, Director of the Sino-Danish Center of the University, attended the meeting.", "Sino-Danish Center"),
    ("The Kenya-China Centre for Water Research will train forty engineers a year.",
     "Kenya-China Centre for Water Research"),
    ("Among the topics was the creation of the Mongolian-Chinese Center for Scientific and Technical Cooperation at the "
     "Science Park.", "Mongolian-Chinese Center for Scientific and Technical Cooperation"),
])
def test_a_centre_named_after_two_partners_is_a_joint_centre(text, name):
    assert _labs(text) == [(name, "joint_research_centre")]


def test_an_institute_named_after_two_partners_is_a_research_institute():
    assert _labs("The Sino-Finnish Institute presented its projects.") == [
        ("Sino-Finnish Institute", "research_institute")]


@pytest.mark.parametrize("text", [
    "The exhibition was held at the China-ASEAN Exhibition Center in Nanning.",
    "She studied at the Sino-British College before joining the company.",
    "The Sino-Foreign Cultural Center hosted a concert.",
])
def test_a_paired_name_of_no_research_body_is_no_lab(text):
    assert _labs(text) == []


@pytest.mark.parametrize("text, name", [
    ("The partners will establish the Steelworks-Australia Joint Research and Development Centre at the university.",
     "Steelworks-Australia Joint Research and Development Centre"),
    ("The Yunnan Tea Joint Research and Development Center was opened in Pu'er.",
     "Yunnan Tea Joint Research and Development Center"),
    ("The Shenzhen Battery Joint R&D Centre was set up by the two firms.", "Shenzhen Battery Joint R&D Centre"),
])
def test_a_joint_research_and_development_centre_is_a_lab(text, name):
    assert _labs(text) == [(name, "joint_research_centre")]


def test_a_company_s_own_r_and_d_centre_is_no_lab():
    assert _labs("Engineers of the Example Telecom Shenzhen R&D Center joined the project.") == []


def test_a_paired_centre_named_with_and_without_its_topic_is_one_lab():
    text = ("The Yale-LKU Center on Coastal Ecology was co-built by the two universities. Researchers of the "
            "Yale-LKU Center took part.")
    assert _labs(text) == [("Yale-LKU Center on Coastal Ecology", "joint_research_centre")]


@pytest.mark.parametrize("text, name", [
    ("The launching ceremony of Joint Research Center Between Lakeside University and University of Porto was held "
     "on July 6th.", "Joint Research Center Between Lakeside University and University of Porto"),
    ("The Joint Laboratory Between Example Telecom and Riverside University opened on Monday.",
     "Joint Laboratory Between Example Telecom and Riverside University"),
])
def test_a_capitalised_between_is_inside_the_name(text, name):
    assert [n for n, _ in _labs(text)] == [name]


@pytest.mark.parametrize("text, name", [
    ("On July 5, Lakeside Agricultural University and Example Seeds Co., Ltd. jointly built a tea plant research "
     "institute on the campus.", "tea plant research institute"),
    ("The Ministry of Education approved a China-Ghana joint institute to be built by the two universities.",
     "China-Ghana joint institute"),
    ("The two universities agreed to establish a joint research institute for coastal engineering.",
     "joint research institute for coastal engineering"),
])
def test_a_lower_case_institute_set_up_is_a_lab(text, name):
    assert [n for n, _ in _labs(text)] == [name]


@pytest.mark.parametrize("text", [
    "Lakeside University is a research institute with twelve faculties.",
    "Example Telecom teams up with Lakeside University on marine robotics research institute",
])
def test_a_research_institute_in_passing_is_no_lab(text):
    assert _labs(text) == []


def test_an_institute_launched_after_a_dashed_apposition_is_a_lab():
    text = ("The Lakeside Technology Translation Institute (LTTI) – a new not-for-profit research institute located "
            "in the Futian District of Shenzhen – was officially launched on Wednesday.")
    assert [n for n, _ in _labs(text)] == ["Lakeside Technology Translation Institute"]


@pytest.mark.parametrize("text", [
    "The memorandum was signed with the Yunnan Provincial Center for International Scientific and Technical Exchange.",
    "The launching ceremony was held in C501 of the Synergy and Innovation Center on Monday.",
])
def test_exchange_centres_and_rooms_are_no_labs(text):
    assert _labs(text) == []
