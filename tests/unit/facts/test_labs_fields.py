"""Fields of cooperation in more of the ways news writes them (issue 15, class 8).

Every sentence here is written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows


def _fields(text):
    return {(d["domain_id"], d["matched_text"]) for d in extract_rows(text)["document_domains"]}


@pytest.mark.parametrize("text, field", [
    ("The two sides agreed on the joint training of postgraduates and shared laboratories.",
     ("5.3", "training of postgraduates")),
    ("They agreed on the training of doctoral students in marine science.", ("5.3", "training of doctoral students")),
    ("Cooperation covers life sciences, electrical controls and robotics.", ("2.2", "electrical controls")),
    ("Both firms will work on the digitalization of the mining industry.", ("1.2", "digitalization")),
    ("The plan speeds up the digital transformation of ports.", ("1.2", "digital transformation")),
])
def test_more_field_phrases(text, field):
    assert field in _fields(text)


@pytest.mark.parametrize("text, absent", [
    ("He praised partnerships with blue-chip companies.", "2.2"),
    ("The visitors discussed building literature databases for the library.", "6.2"),
    ("The universities will launch a joint doctoral training programme.", "5.3"),
])
def test_ordinary_words_are_not_fields(text, absent):
    assert absent not in {code for code, _ in _fields(text)}


@pytest.mark.parametrize("text, field", [
    ("They will cooperate in the fields of literature and linguistics.", ("6.2", "literature")),
    ("The firm makes chips and sensors.", ("2.2", "chips")),
])
def test_the_same_words_where_they_name_fields(text, field):
    assert field in _fields(text)


def test_a_field_inside_a_lab_name_counts_when_the_name_was_also_taken_for_an_organisation():
    fields = _fields("Professor Lam, Director of the State Key Laboratory of Advanced Optoelectronics Technologies, "
                     "welcomed the guests.")
    assert ("2.2", "Optoelectronics") in fields
