"""A name followed by "on May 24" or "in May 2019": "May" is a month there, not a word of the name ("University of
Cologne on May" was read as a body, and its owner rule then dropped the real University of Cologne from an
agreement). "May" is not among the organisation stopwords because it is also a given name and a surname
(`dated_month_names`, issue 15).

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import org_names, recognised


@pytest.mark.parametrize("text, name", [
    ("Erlen University signed a letter of intent with the University of Tartu on May 24, 2017.", "University of Tartu"),
    ("The Institute of Soil Science signed with Ghent University on May 3.", "Ghent University"),
    ("The Centre for Coastal Studies of Mombasa on May 12 hosted a workshop.", "Centre for Coastal Studies of Mombasa"),
    ("A memorandum was signed by the Academy of Forestry in May 2021.", "Academy of Forestry"),
])
def test_a_may_date_is_no_part_of_the_name(text, name):
    names = org_names(recognised(text))
    assert name in names
    assert not any("May" in n for n in names)


@pytest.mark.parametrize("text, name", [
    # "May" with no number after it is left to the other rules: a name word where a name has it
    ("The May Fourth Youth Institute of Beijing signed an agreement.", "May Fourth Youth Institute of Beijing"),
])
def test_may_without_a_date_is_not_cut(text, name):
    assert name in org_names(recognised(text))
