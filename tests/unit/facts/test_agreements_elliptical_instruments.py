"""'a memorandum with X, and another with Y', 'two agreements: one with X, and another with Y': a word standing for one
more instrument of the kind just named is a further agreement with its own partner (issue 15), on sentences written
for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, party_names


def _told(rows):
    return sorted((a["agreement_type"], tuple(sorted(party_names(rows, a)))) for a in rows["agreements"])


@pytest.mark.parametrize("text, expected", [
    ("The University of Leeds signed a memorandum of understanding with Fudan University and another with "
     "Wuhan University.",
     [("memorandum_of_understanding", ("Fudan University", "University of Leeds")),
      ("memorandum_of_understanding", ("University of Leeds", "Wuhan University"))]),
    ("Uppsala University signed an agreement with Nankai University, and another one with Sichuan University.",
     [("cooperation_agreement", ("Nankai University", "Uppsala University")),
      ("cooperation_agreement", ("Sichuan University", "Uppsala University"))]),
    ("Ghent University today signed a student exchange agreement with Tongji University, a memorandum of "
     "understanding for joint research with Jilin University, and another with Xiamen University.",
     [("cooperation_agreement", ("Ghent University", "Tongji University")),
      ("memorandum_of_understanding", ("Ghent University", "Jilin University")),
      ("memorandum_of_understanding", ("Ghent University", "Xiamen University"))]),
    ("Lund University signed two cooperation agreements: one with Sichuan University, and another jointly with "
     "Tongji University and Nankai University.",
     [("cooperation_agreement", ("Lund University", "Nankai University", "Tongji University")),
      ("cooperation_agreement", ("Lund University", "Sichuan University"))]),
    # a predicate of its own that is a signing: still a further instrument
    ("Uppsala University signed an agreement with Nankai University, and another with Sichuan University will be "
     "signed in May.",
     [("cooperation_agreement", ("Nankai University", "Uppsala University")),
      ("cooperation_agreement", ("Sichuan University", "Uppsala University"))]),
])
def test_another_with_a_partner_is_one_more_instrument_of_that_kind(text, expected):
    assert _told(extract_rows(text)) == expected


@pytest.mark.parametrize("text", [
    "Uppsala University signed an agreement with Fudan University, one of the oldest universities in China.",
    "Uppsala University signed an agreement with Fudan University. A laboratory for robotics and another for "
    "marine science will be set up.",
    # the word is the subject of a predicate of its own, which is no signing
    "Uppsala University signed an agreement with Fudan University; one with Tongji University is planned for next year.",
    "Uppsala University signed an agreement with Fudan University, and another with Tongji University is expected to "
    "follow.",
    "Uppsala University signed an agreement with Fudan University, and the other with Tongji University has been "
    "delayed.",
    "Uppsala University signed an agreement with Fudan University, and one on student exchange was discussed.",
    # one for each of a set: a distribution, no further instrument
    "Uppsala University signed an agreement with Fudan University, and one for each of the two campuses.",
])
def test_another_thing_or_one_of_a_set_is_no_instrument(text):
    assert _told(extract_rows(text)) == [("cooperation_agreement", ("Fudan University", "Uppsala University"))]
