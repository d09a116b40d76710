"""A group of people before a lab's head ("Members of X Joint Laboratory", "Teachers of Key Laboratory of Y") belongs
to the lab, and no lab's name opens with them (issue 15, name boundaries).

Every sentence here is written for these tests."""
import pytest

from tests.unit.facts.test_labs_real_phrasings import _labs, _run


@pytest.mark.parametrize("text, name", [
    ("Members of Marine Robotics Joint Laboratory presented their results.", "Marine Robotics Joint Laboratory"),
    ("On Monday, Scholars of Andes Glacier Joint Laboratory met the visitors.", "Andes Glacier Joint Laboratory"),
    ("Visiting Engineers from Baltic Grid Joint Laboratory toured the plant.", "Baltic Grid Joint Laboratory"),
    ("Students at the Nile Delta Joint Lab gave a talk.", "Nile Delta Joint Lab"),
])
def test_the_name_opens_after_the_people(text, name):
    assert [n for n, _, _, _ in _labs(_run(text))] == [name]


@pytest.mark.parametrize("text", [
    "Teachers of Key Laboratory of precision machining attended the meeting.",
    "Researchers of Joint Laboratory gave a talk in Lima.",
])
def test_people_before_a_bare_head_name_no_lab(text):
    assert _labs(_run(text)) == []


def test_a_name_without_people_before_it_is_unchanged():
    assert [n for n, _, _, _ in _labs(_run("Oslo Fjord Joint Laboratory was opened on Monday."))] == [
        "Oslo Fjord Joint Laboratory"]
