"""The words a founded or paired lab's name takes after its head: "established the X Institute of Ghana-China
Development Studies" (its topic), "the China-Ghana Centre of Excellence" (a head of three words) (issue 15, name
boundaries).

Every sentence here is written for these tests."""
import pytest

from tests.unit.facts.test_labs_real_phrasings import _labs, _run


@pytest.mark.parametrize("text, name", [
    ("The University of Accra and the Chinese Investors Association signed an MoU that established the University of "
     "Accra Institute of Ghana-China Development Studies.",
     "University of Accra Institute of Ghana-China Development Studies"),
    ("Last year the partners set up the Andes Institute for Glacier Research in Lima.", "Andes Institute for Glacier Research"),
    ("Fudan University will set up the Fudan Marine Institute in Xiamen.", "Fudan Marine Institute"),
])
def test_a_founded_institute_keeps_its_topic(text, name):
    assert [n for n, _, _, _ in _labs(_run(text))] == [name]


@pytest.mark.parametrize("text, name, host", [
    # a body's name after the topic, or after the head: the host or a partner, not the topic
    ("Jilin University founded the Nordic Institute of Asian Studies and Lund University provided funds.",
     "Nordic Institute of Asian Studies", "Jilin University"),
    ("Egerton University and Jilin University set up the Kenya Institute of Jilin University.", "Kenya Institute",
     "Jilin University"),
    ("The two sides set up the Kenya Research Institute of the Chinese Academy of Sciences.", "Kenya Research Institute",
     "Chinese Academy of Sciences"),
])
def test_a_founded_institutes_topic_stops_at_a_bodys_name(text, name, host):
    assert [(n, h) for n, _, _, h in _labs(_run(text))] == [(name, host)]


@pytest.mark.parametrize("text, name", [
    ("He spoke at the launch of the China-Ghana Centre of Excellence at the Crops Research Institute.",
     "China-Ghana Centre of Excellence"),
    ("The Sino-Peruvian Center of Excellence for fisheries opened on Monday.", "Sino-Peruvian Center of Excellence"),
    ("The Kenya-China Centre of Nairobi University opened on Monday.", "Kenya-China Centre"),
])
def test_a_paired_centre_of_excellence(text, name):
    assert [n for n, _, _, _ in _labs(_run(text))] == [name]
