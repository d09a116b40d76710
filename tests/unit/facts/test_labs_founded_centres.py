"""A capitalised centre named as the object of a setting-up verb is a lab, whatever words its head has ("will jointly
build the Thai National Electric Vehicle Testing Center") (issue 15, labs missed).

Every sentence here is written for these tests."""
import pytest

from tests.unit.facts.test_labs_real_phrasings import _labs, _run


@pytest.mark.parametrize("text, name, status", [
    ("The two sides will jointly build the Peruvian National Battery Testing Center in Lima.",
     "Peruvian National Battery Testing Center", "planned"),
    ("Last week the partners opened the Andes Seed Quality Centre in Cusco.", "Andes Seed Quality Centre", "established"),
    ("Nairobi and Wuhan agreed to set up a new Lake Victoria Fisheries Monitoring Center.",
     "Lake Victoria Fisheries Monitoring Center", "planned"),
])
def test_a_founded_centre_is_a_lab(text, name, status):
    assert [(n, s) for n, _, s, _ in _labs(_run(text))] == [(name, status)]


@pytest.mark.parametrize("text", [
    "The city opened the Lima Exhibition Center on Friday.",
    "The embassy set up the Kigali Visa Service Center.",
    "The delegation toured the Andes Seed Quality Centre in Cusco.",
    # a service named by common nouns only, which a university opens for its students
    "Last year Makerere University opened the Language Centre on its main campus.",
    "Jilin University launched the Career Development Center for students.",
    "Makerere University built the Data Centre with support from Huawei.",
])
def test_other_centres_are_no_labs(text):
    assert _labs(_run(text)) == []
