"""A founding told by the lab's own ceremony after its name ("X Unveiling Ceremony was held") or by two founding
events at once ("the launch and handover of X") (issue 15, status).

Every sentence here is written for these tests."""
import pytest

from tests.unit.facts.test_labs_real_phrasings import _labs, _run


@pytest.mark.parametrize("text, status", [
    ("On 3 May, the Kenya-China Joint Laboratory for Soil Health Unveiling Ceremony was held in Nairobi.", "established"),
    ("The Peru-China Joint Laboratory of Fisheries Opening Ceremony took place on Friday.", "established"),
    ("Guests attended the Andes Glacier Joint Laboratory plaque-unveiling ceremony in Lima.", "established"),
    # (its opening still to come: the lab is planned)
    ("The Kenya-China Joint Laboratory for Soil Health Opening Ceremony will be held next week.", "planned"),
    ("The Kenya-China Joint Laboratory for Soil Health hosted a seminar on soils.", "existing"),
])
def test_a_ceremony_after_the_name(text, status):
    assert [s for _, _, s, _ in _labs(_run(text))] == [status]


@pytest.mark.parametrize("text, status", [
    ("Officials attended the official launch and hand over of the Sino-Peru Joint Research Center in Lima.",
     "established"),
    ("The opening and unveiling of the Baltic Sea Joint Laboratory drew many guests.", "established"),
    ("The Sino-Peru Joint Research Center has worked on soils since 2010.", "existing"),
])
def test_two_founding_events_of_one_lab(text, status):
    assert [s for _, _, s, _ in _labs(_run(text))] == [status]


def test_two_founding_events_still_to_come_found_nothing_yet():
    text = "The two sides will mark the launch and handover of the Sino-Peru Joint Research Center next year."
    assert [s for _, _, s, _ in _labs(_run(text))] != ["established"]


@pytest.mark.parametrize("text, name", [
    ("The Peru-China Joint Laboratory of Fisheries Opening Ceremony took place on Friday.",
     "Peru-China Joint Laboratory of Fisheries"),
    ("On 27th June, China-Peru International Cooperation Center for Quinoa Crops Unveiling Ceremony was held in Cusco.",
     "China-Peru International Cooperation Center for Quinoa Crops"),
    ("The Joint Laboratory for Arctic Ice Inauguration took place in Tromso.", "Joint Laboratory for Arctic Ice"),
])
def test_the_name_keeps_its_topic_before_its_event(text, name):
    assert [n for n, _, _, _ in _labs(_run(text))] == [name]


def test_a_deal_after_on_is_still_no_topic():
    text = "The Fudan-Lund Joint Laboratory on Strategic Collaboration was set up."
    assert [n for n, _, _, _ in _labs(_run(text))] == ["Fudan-Lund Joint Laboratory"]
