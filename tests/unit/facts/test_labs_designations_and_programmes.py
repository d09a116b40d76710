"""A title a lab is given or a programme it joins ("was listed as a Provincial Belt and Road Joint Laboratory", "among
the first batch of the X Joint Laboratories") is a kind of lab, not one lab (issue 15, false-positive records).

Every sentence here is written for these tests."""
import pytest

from tests.unit.facts.test_labs_real_phrasings import _labs, _run


@pytest.mark.parametrize("text", [
    "In 2021 the lab was listed as a Provincial Belt and Road Joint Laboratory.",
    "The centre was recognised as one of the National Key Laboratory of Arid Farming in 2020.",
    "Last year it joined the first batch of the Silk Road Joint Laboratory approved by the ministry.",
    "The platform has been designated as an Andean Innovation Center by the province.",
    "The unit was accredited as Regional Soil Research Center in May.",
])
def test_a_designation_is_no_lab(text):
    assert _labs(_run(text)) == []


def test_the_lab_given_the_title_is_kept():
    text = "The Nairobi Soil Joint Laboratory was listed as a Provincial Key Laboratory of Soils."
    assert [n for n, _, _, _ in _labs(_run(text))] == ["Nairobi Soil Joint Laboratory"]


@pytest.mark.parametrize("text, name", [
    # a definite article after "as" may give the lab its own name
    ("The centre was approved as the Sino-Kenyan Joint Laboratory for Crop Science.",
     "Sino-Kenyan Joint Laboratory for Crop Science"),
    ("Lund University has set up the Baltic Sea Joint Laboratory.", "Baltic Sea Joint Laboratory"),
])
def test_other_names_are_still_labs(text, name):
    assert [n for n, _, _, _ in _labs(_run(text))] == [name]
