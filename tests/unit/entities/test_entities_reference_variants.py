"""Known bodies written otherwise than the reference data writes them (issue 15): word forms that vary, a name
without the parent the reference name carries, and two known names linked by "of".

Every sentence here is written for these tests.
"""
import pytest

from pipeline.core.entities.variants import loose_key
from tests.unit.entity_rows import org_mentions, recognised


def _names_at(ents):
    return {surface: name for surface, _, _, name in org_mentions(ents)}


@pytest.mark.parametrize("a, b", [
    ("Chinese Academy of Agricultural Sciences", "Chinese Academy of Agriculture Science"),
    ("Institute of Geographic Sciences & Natural Resources", "the Institute of Geographic Science and Natural Resource"),
    ("Zhejiang University's", "Zhejiang University"),
])
def test_loose_keys_ignore_word_endings_and_connectors(a, b):
    assert loose_key(a) == loose_key(b)


@pytest.mark.parametrize("a, b", [
    ("Hebei University", "Hubei University"),
    ("Shanxi University", "Shaanxi University"),
    ("Institute of Physics", "Institute of Chemistry"),
])
def test_loose_keys_keep_other_names_apart(a, b):
    assert loose_key(a) != loose_key(b)


@pytest.mark.parametrize("text, surface, name", [
    ("Experts of the Chinese Academy of Agriculture Science visited the farm.",
     "Chinese Academy of Agriculture Science", "Chinese Academy of Agricultural Sciences"),
    ("A team from Chinese Academy of Tropical Agriculture Science arrived on Monday.",
     "Chinese Academy of Tropical Agriculture Science", "Chinese Academy of Tropical Agricultural Sciences"),
])
def test_a_variant_of_a_known_name_is_the_known_body(text, surface, name):
    ents = recognised(text)
    assert _names_at(ents) == {surface: name}
    assert next(iter(ents.orgs.values())).region_code is not None


@pytest.mark.parametrize("text, surface", [
    ("The IVPP hosted her. She joined the Institute of Vertebrate Paleontology and Paleoanthropology in 2001.",
     "Institute of Vertebrate Paleontology and Paleoanthropology"),
    ("The Chinese Academy of Sciences runs it. She joined the Institute of Vertebrate Paleontology and "
     "Paleoanthropology in 2001.", "Institute of Vertebrate Paleontology and Paleoanthropology"),
])
def test_a_known_name_without_its_parent_is_the_known_body_where_the_document_names_it_otherwise(text, surface):
    assert _names_at(recognised(text))[surface] == \
        "Institute of Vertebrate Paleontology and Paleoanthropology, Chinese Academy of Sciences"


def test_a_name_without_its_parent_that_ends_another_known_name_stays_a_body_of_its_own():
    # "Institute of Geochemistry" is the end of "Guangzhou Institute of Geochemistry" too: which one is not said
    text = "The Chinese Academy of Sciences runs it. She worked at the Institute of Geochemistry for years."
    assert _names_at(recognised(text))["Institute of Geochemistry"] == "Institute of Geochemistry"


def test_a_known_name_without_its_parent_alone_is_a_body_of_its_own():
    text = "She joined the Institute of Vertebrate Paleontology and Paleoanthropology in 2001."
    name = "Institute of Vertebrate Paleontology and Paleoanthropology"
    assert _names_at(recognised(text)) == {name: name}


@pytest.mark.parametrize("text, expected", [
    ("She stayed at the IVPP of Chinese Academy of Sciences (CAS) for years.",
     {"IVPP": "Institute of Vertebrate Paleontology and Paleoanthropology, Chinese Academy of Sciences",
      "Chinese Academy of Sciences": "Chinese Academy of Sciences"}),
    ("He studied at NAOC of the Chinese Academy of Sciences.",
     {"NAOC": "National Astronomical Observatories, Chinese Academy of Sciences",
      "Chinese Academy of Sciences": "Chinese Academy of Sciences"}),
])
def test_two_known_names_linked_by_of_make_no_third(text, expected):
    ents = recognised(text)
    assert {s: n for s, n in _names_at(ents).items() if s != "CAS"} == expected
    assert len(ents.orgs) == 2
