"""An institute that is the subject of a founding verb in the passive is a lab ("A X Research Institute (XRI),
established by A and B, has been unveiled"), a lower-case lab "commissioned" or "put into operation" is established,
and venues named like centres ("the International Exhibition Center") are no labs."""
from __future__ import annotations

import pytest

from tests.unit.fact_rows import extract_rows


def _labs(text: str) -> list[tuple[str, str]]:
    return [(lab["name"], lab["status"]) for lab in extract_rows(text)["labs"]]


@pytest.mark.parametrize("text, lab", [
    ("A Central Asia Dryland Ecology Research Institute (CADERI), established by China and Uzbekistan, has been unveiled in "
     "Tashkent.", ("Central Asia Dryland Ecology Research Institute", "established")),
    ("The Sino-Danish Marine Research Institute has been inaugurated in Qingdao.",
     ("Sino-Danish Marine Research Institute", "established")),
    ("The new Andes Glacier Research Institute was jointly founded by Lanzhou University and the University of "
     "Chile.", ("Andes Glacier Research Institute", "established")),
])
def test_an_institute_founded_in_the_passive_is_a_lab(text, lab):
    assert _labs(text) == [lab]


@pytest.mark.parametrize("text, lab", [
    ("The joint laboratory on soil monitoring and data utilization was officially commissioned on Friday.",
     ("joint laboratory on soil monitoring and data utilization", "established")),
    ("At the Institute of Geology, the joint laboratory on seismic monitoring, equipped with new instruments, was "
     "put into operation.", ("joint laboratory on seismic monitoring", "established")),
])
def test_a_lab_commissioned_is_established(text, lab):
    assert _labs(text) == [lab]


@pytest.mark.parametrize("text", [
    "The signing ceremony was held at the Hohhot International Exhibition Center on Sept 26.",
    "The forum took place in the Kunming Convention Centre.",
    "Delegates registered at the Shanghai Media Center before the talks.",
])
def test_venues_named_like_centres_are_no_labs(text):
    assert _labs(text) == []


@pytest.mark.parametrize("text, name", [
    ("The Digital Culture Research Centre was opened at Lingnan University in May.", "Digital Culture Research Centre"),
    ("The blockchain business innovation center was set up in Shenzhen.", "blockchain business innovation center"),
])
def test_a_research_centre_named_with_a_venue_word_is_still_a_lab(text, name):
    assert [n for n, _ in _labs(text)] == [name]


@pytest.mark.parametrize("text, lab", [
    ("The Sino-Kenya Joint Laboratory for Crop Genetics Opening Ceremony was held in Nairobi.",
     "Sino-Kenya Joint Laboratory for Crop Genetics"),
    ("On 27 June, the China-Peru International Cooperation Center for Potato Unveiling Ceremony was held in Lima.",
     "China-Peru International Cooperation Center for Potato"),
])
def test_a_lab_name_ends_before_the_ceremony_after_it(text, lab):
    assert [n for n, _ in _labs(text)] == [lab]
