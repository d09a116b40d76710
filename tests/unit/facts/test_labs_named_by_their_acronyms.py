"""A lab named later by the acronym its name gave itself in brackets: what is said of the acronym is said of the lab
(its founding or plan, who hosts it by a host cue, who directs it). An acronym mention is not hosted by a body its
sentence merely names, and brackets that hold no acronym of the name define none."""
from __future__ import annotations

import pytest

from tests.unit.fact_rows import extract_rows


def _labs(text: str) -> list[tuple]:
    rows = extract_rows(text)
    orgs = {o["organization_id"]: o["canonical_name"] for o in rows["organizations"]}
    people = {p["person_id"]: p["full_name"] for p in rows["people"]}
    return [(lab["name"], lab["status"], orgs.get(lab["host_organization_id"]), people.get(lab["director_person_id"]))
            for lab in rows["labs"]]


@pytest.mark.parametrize("text, status", [
    ("Seven universities signed an agreement on the Brazil-China Center for Climate Research (BCCCR) on Monday. The "
     "inauguration of BCCCR followed the signing.", "established"),
    ("Seven universities signed an agreement on the Brazil-China Center for Climate Research (BCCCR) on Monday. BCCCR "
     "was officially opened in Natal the same day.", "established"),
    ("Seven universities signed an agreement on the Brazil-China Center for Climate Research (BCCCR) on Monday. The "
     "BCCCR will be established in Natal next year.", "planned"),
])
def test_a_founding_or_plan_of_the_acronym_is_the_labs(text, status):
    assert _labs(text) == [("Brazil-China Center for Climate Research", status, None, None)]


@pytest.mark.parametrize("told", ["The MDRRI, unveiled on Tuesday, was jointly established by",
                                  "The MDRRI, hosted by"])
def test_a_host_cue_after_the_acronym_names_the_host(told):
    text = (f"A Mekong Delta Rice Research Institute (MDRRI) has been unveiled in Can Tho. {told} Can Tho University "
            "and Nanjing Agricultural University.")
    assert _labs(text) == [("Mekong Delta Rice Research Institute", "established", "Can-Tho University", None)]


@pytest.mark.parametrize("title", ["Director of", "Director-Designate of"])
def test_the_director_of_the_acronym_directs_the_lab(title):
    text = ("The Andes Water Transformation Institute (AWTI) was launched in Lima on Monday. Professor Ana Quispe of "
            f"Peking University accepted her appointment as {title} AWTI.")
    assert _labs(text) == [("Andes Water Transformation Institute", "established", None, "Ana Quispe")]


@pytest.mark.parametrize("text", [
    # a body the acronym's sentence names without a host cue is a partner, not the host
    "The Andes Water Transformation Institute (AWTI) was launched in Lima on Monday. AWTI will work with Peking "
    "University on glacier research.",
    # a host cue said of another thing the acronym's clause names
    "The Andes Water Transformation Institute (AWTI) was launched in Lima on Monday. Researchers at AWTI, which is "
    "part of a network set up by Peking University, study glaciers.",
    "The Andes Water Transformation Institute (AWTI) was launched in Lima on Monday. AWTI will work with a centre "
    "established by Peking University.",
    "The Andes Water Transformation Institute (AWTI) was launched in Lima on Monday. AWTI plans to open a branch, to "
    "be hosted by Peking University, next year.",
    # "(NIGER)" abbreviates nothing of the name: its later mention is the country's, not the lab's
    "The Sahel Solar Energy Institute (NIGER) was launched in Niamey on Monday. NIGER students arrived, set up by "
    "Peking University.",
])
def test_no_host_from_a_partner_or_from_brackets_that_are_no_acronym(text):
    assert [host for _, _, host, _ in _labs(text)] == [None]
