"""A newsroom writing of its own body ("our university's delegation", "visited our institute"): the page's own body of
that type, named in its banner ("Welcome to X") or else the one of the type it names most, not one named beside the
reference (the guest's). Sentences written for these tests."""
import pytest

from pipeline.core.reference import ReferenceDataError, load_rulebook
from tests.unit.entity_rows import org_mentions, recognised
from tests.unit.fact_rows import extract_rows, visits
from tests.unit.reference.test_reference_rules import _edited_copy


@pytest.mark.parametrize("text, expected", [
    ("Welcome to Sichuan University\n\nFrom 3 to 9 May 2019, our university's delegation led by Vice President Zhao "
     "Min visited the University of Nairobi.", ("Zhao Min", "Sichuan University", "University of Nairobi")),
    ("Welcome to the Ocean University of China\n\nA delegation of the University of Porto, led by Rector Ana Silva, "
     "paid a visit to our university on 12 March.", ("Ana Silva", "University of Porto", "Ocean University of China")),
    ("Ghent University\n\nProfessor Li Wei of Zhejiang University visited our University on 4 June.",
     ("Li Wei", "Zhejiang University", "Ghent University")),
])
def test_the_body_a_page_banner_names_is_ours(text, expected):
    assert visits(extract_rows(text)) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Professor Ana Silva of the University of Porto visited our university on 3 May 2019. Sichuan University has "
     "partners in forty countries. Sichuan University signed agreements with them.",
     ("Ana Silva", "University of Porto", "Sichuan University")),
    # "our institute": among the bodies of its type, one whose name is an Institute
    ("Dr. Omar Haddad of the University of Jordan visited our institute on 3 May 2019. The Institute of Botany of "
     "the Chinese Academy of Sciences studies plants. The Chinese Academy of Sciences and the Institute of Botany of "
     "the Chinese Academy of Sciences were founded long ago.",
     ("Omar Haddad", "University of Jordan", "Institute of Botany, Chinese Academy of Sciences")),
])
def test_without_a_banner_ours_is_the_body_of_the_type_the_page_names_most(text, expected):
    assert visits(extract_rows(text)) == [expected]


@pytest.mark.parametrize("text, guest", [
    # the guest's body is named beside the reference and most of all: it is not ours
    ("Professor Ana Silva of the University of Porto visited our university on 3 May 2019. The University of Porto "
     "is the largest university in Portugal. The University of Porto was founded in 1911.", "University of Porto"),
    ("The Rector of Ghent University, Professor Rik Peeters, visited our university on 3 May 2019. Ghent University "
     "has a campus in Korea. Ghent University teaches in Dutch.", "Ghent University"),
])
def test_the_guests_body_is_not_ours(text, guest):
    # no other university is named: "our university" stays unresolved, so the visit has no host to report
    assert [name for surface, *_, name in org_mentions(recognised(text)) if surface == "our university"] == []
    assert visits(extract_rows(text)) == []


def test_bodies_listed_on_their_own_lines_are_no_banner():
    text = ("Partners\nMakerere University\nUniversity of Nairobi\n\nProfessor Anna Berg of Lund University visited "
            "our university on 4 May 2019. Makerere University and the University of Nairobi train nurses.")
    assert [name for surface, *_, name in org_mentions(recognised(text)) if surface == "our university"] == []


def test_two_bodies_named_as_often_leave_ours_unknown():
    text = ("Vice President Zhao Min of our university led a delegation to the University of Nairobi on 3 May 2019. "
            "Ghent University and Zhejiang University are partners. Zhejiang University and Ghent University met.")
    assert visits(extract_rows(text)) == [("Zhao Min", None, "University of Nairobi")]


def test_own_references_name_organisation_types(tmp_path):
    ref = _edited_copy(tmp_path, "extraction.yaml",
                       lambda text: text.replace("  research_institute: [our institute, our academy]",
                                                 "  institute: [our institute, our academy]"))
    with pytest.raises(ReferenceDataError, match="own_references: 'institute' is not one of"):
        load_rulebook(ref)


def test_the_banners_body_named_beside_the_reference_is_not_ours():
    # the speaker's "our university" sends a delegation to the page's own body: it is the guest's, not the banner's
    text = ("Welcome to Fudan University\n\nRector Anna Berg of Lund University said on 3 May 2019 that our "
            "university will send a delegation to Fudan University in June.")
    assert [name for surface, *_, name in org_mentions(recognised(text)) if surface == "our university"] == []
