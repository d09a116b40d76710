"""Labs and fields written the ways other outlets write them (issue 15, classes 1 and 8).

Every sentence here is written for these tests."""
import datetime as dt

import pytest

from pipeline.core.extract import extract_document
from pipeline.core.ids import make_id
from pipeline.core.records import IngestedDocument
from tests.support.rules import default_rulebook


def _run(text):
    doc = IngestedDocument(make_id("document", "t.txt"), "t.txt", "x", text, published_on=dt.date(2021, 3, 5),
                           published_on_precision="day")
    return extract_document(doc, default_rulebook()).rows


def _labs(rows):
    orgs = {o["organization_id"]: o["canonical_name"] for o in rows["organizations"]}
    return [(lab["name"], lab["lab_type"], lab["status"], orgs.get(lab["host_organization_id"]))
            for lab in sorted(rows["labs"], key=lambda lab: lab["name"])]


def _fields(rows):
    return {(d["domain_id"], d["matched_text"]) for d in rows["document_domains"]}


# --- lower-case labs named by a proper modifier, with a lower-case topic --------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Partners include the Sino-Kenyan joint laboratory for crop genetics and water use, the Brazil-China "
     "space weather joint research center and others.",
     [("Brazil-China space weather joint research center", "joint_research_centre", "existing", None),
      ("Sino-Kenyan joint laboratory for crop genetics and water use", "joint_laboratory", "existing", None)]),
    ("A new Chile research center was opened at Fudan University last week.",
     [("Chile research center", "joint_research_centre", "established", "Fudan University")]),
    ("Kenya and China have opened a joint lab for study of dryland crops in Nairobi.",
     [("joint lab for study of dryland crops", "joint_laboratory", "established", None)]),
    ("The two universities will open a coral reef research centre on the island.",
     [("coral reef research centre", "joint_research_centre", "planned", None)]),
])
def test_lowercase_labs(text, expected):
    assert _labs(_run(text)) == expected


@pytest.mark.parametrize("text", [
    "The university has many research centres and a research center for ageing.",
    "Staff from the research center met the visitors.",
    "Professor Anna Berg, Director of the Laboratory, spoke at the meeting.",
    "The delegation toured the French National Center for Scientific Research on Monday.",
])
def test_generic_mentions_and_known_bodies_are_not_labs(text):
    assert _labs(_run(text)) == []


# --- heads outside the old grammar -------------------------------------------------------------------

@pytest.mark.parametrize("text, name, lab_type", [
    ("Researchers at the Laboratory of Photonic Glass Materials presented a prototype.",
     "Laboratory of Photonic Glass Materials", "other"),
    ("The Centre for Urban Mobility at Ghent University presented a report.", "Centre for Urban Mobility",
     "research_institute"),
    ("The Yellow River Delta Field Station hosted the students.", "Yellow River Delta Field Station", "other"),
    ("They toured the Smart Port Innovation Platform in Ningbo.", "Smart Port Innovation Platform", "other"),
])
def test_more_lab_heads(text, name, lab_type):
    assert [(n, t) for n, t, _, _ in _labs(_run(text))] == [(name, lab_type)]


def test_a_name_of_a_deal_is_cut_from_a_headline_lab():
    rows = _run("Hangzhou Quantum Computing Laboratory on Strategic Cooperation Opens")
    assert [name for name, *_ in _labs(rows)] == ["Hangzhou Quantum Computing Laboratory"]


def test_a_process_noun_is_not_part_of_the_name_and_makes_it_planned():
    rows = _run("Both sides agreed to promote the Construction of Qingdao Marine Science and Technology "
                "Innovation Center.")
    assert _labs(rows) == [("Qingdao Marine Science and Technology Innovation Center", "innovation_centre",
                            "planned", None)]


# --- institutes being founded --------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Tongji University signed an agreement to establish the Tongji-Kunming Science and Innovation Research "
     "Institute in May.",
     [("Tongji-Kunming Science and Innovation Research Institute", "research_institute", "established",
       "Tongji University")]),  # the signing of a founding agreement founds it
    ("Opened on 3 March, the Fudan-Ningbo Materials and Energy Research Institute will host forty researchers.",
     [("Fudan-Ningbo Materials and Energy Research Institute", "research_institute", "established", None)]),
])
def test_institutes_being_founded(text, expected):
    assert _labs(_run(text)) == expected


# --- status over a list, quoted names ---------------------------------------------------------------------

def test_a_naming_cue_governs_a_quoted_list():
    rows = _run("The institute will set up two centres next year, provisionally named the “Urban Forestry "
                "Centre” and “Glacier Monitoring Station”.")
    assert _labs(rows) == [("Glacier Monitoring Station", "other", "planned", None),
                           ("Urban Forestry Centre", "other", "planned", None)]


def test_a_setting_up_verb_governs_every_name_of_its_list():
    rows = _run("Tsinghua University will set up the Joint Laboratory of Smart Grids, the Joint Laboratory of "
                "Power Electronics and the Joint Laboratory of Energy Storage.")
    assert {name: status for name, _, status, _ in _labs(rows)} == {
        "Joint Laboratory of Smart Grids": "planned", "Joint Laboratory of Power Electronics": "planned",
        "Joint Laboratory of Energy Storage": "planned"}


# --- one lab, two names; status and host from later sentences --------------------------------------------

def test_a_lowercase_mention_and_the_full_name_are_one_lab():
    rows = _run("Fudan University and Tongji University launched a joint laboratory for coastal robotics in "
                "Ningbo. The Fudan-Tongji Joint Laboratory of Coastal Robotics will hire 20 engineers.")
    assert _labs(rows) == [("Fudan-Tongji Joint Laboratory of Coastal Robotics", "joint_laboratory",
                            "established", "Fudan University")]


def test_a_later_search_finds_the_second_of_two_joined_names():
    rows = _run("The State Key Laboratory of Soil Ecology and the State Key Laboratory of Internet of Things "
                "for Smart Ports are based at Fudan University.")
    assert [name for name, *_ in _labs(rows)] == [
        "State Key Laboratory of Internet of Things for Smart Ports", "State Key Laboratory of Soil Ecology"]


def test_the_establishment_of_the_described_lab_and_who_built_it():
    rows = _run("Kenya and China signed an agreement for their Joint Laboratory of Dryland Crops. They also "
                "unveiled a plaque. The lab was jointly built by Fudan University and the University of Nairobi.")
    assert _labs(rows) == [("Joint Laboratory of Dryland Crops", "joint_laboratory", "established",
                            "Fudan University")]
    rows = _run("Fudan University and the University of Porto signed an agreement for their Joint Laboratory of "
                "Marine Ageing. They also signed a note on the establishment of the joint laboratory.")
    assert [status for _, _, status, _ in _labs(rows)] == ["established"]


# --- fields -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The two sides will cooperate in areas such as agriculture, energy, health and physics.",
     {("4.1", "agriculture"), ("3.3", "health"), ("1.3", "physics")}),
    ("The institute will focus on science and technology studies, and culture and communication.",
     {("5.9", "science and technology studies"), ("6.5", "culture"), ("5.8", "communication")}),
    ("Cooperation in the fields of education, law and finance was discussed.",
     {("5.3", "education"), ("5.5", "law"), ("5.2", "finance")}),
    ("Higher education is the basis of trust between the two peoples.", set()),
    ("Students praised the management of the campus and public health.", {("3.3", "public health")}),
    ("The partners will work on bio-medicine and nano-materials.", {("3.4", "bio-medicine"),
                                                                    ("2.10", "nano-materials")}),
])
def test_broad_fields_count_only_in_a_list_of_fields(text, expected):
    assert {f for f in _fields(_run(text)) if f[0] != "2.10" or "nano" in f[1]} >= expected
    assert not {f for f in _fields(_run(text)) if f[1].lower() in ("education", "management")} - expected


def test_a_short_field_word_written_as_a_name_is_a_name():
    fields = _fields(_run("Mayor Ai Wen said the city will invest in AI and robotics."))
    assert ("1.2", "AI") in fields and not any(t == "Ai" for _, t in fields)
