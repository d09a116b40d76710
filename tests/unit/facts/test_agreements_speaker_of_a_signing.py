"""Who says that a signing happened ("X said that A has signed ...", "Y stated that the two countries will sign
...") spoke of it and did not sign: only people named with no speech verb between them and an active signing verb
are its implicit signatories."""
from __future__ import annotations

import pytest

from tests.unit.fact_rows import extract_rows, signer_names


@pytest.mark.parametrize("text", [
    "Professor Omar Haddad stated that Lanzhou University has signed a memorandum of understanding with the "
    "University of Jordan.",
    "Maria Lopez, rector of the University of Chile, noted that her university signed an agreement with Fudan "
    "University in 2019.",
    "Dr. Kwame Mensah said that the University of Ghana had signed a cooperation agreement with Zhejiang University.",
    "In his speech, Dean Ivan Petrov pointed out that Tomsk State University signed an agreement with Sichuan "
    "University last year.",
    "Anna Berg, the Swedish ambassador, announced that Lund University and Tongji University have signed a "
    "memorandum of understanding.",
])
def test_the_speaker_is_no_signatory(text):
    rows = extract_rows(text)
    assert len(rows["agreements"]) == 1
    assert signer_names(rows, "signatory") == set()


@pytest.mark.parametrize("text, signers", [
    ("Professor Omar Haddad and Professor Li Wei signed a memorandum of understanding between the University of "
     "Jordan and Lanzhou University, and said that more exchanges would follow.", {"Omar Haddad", "Li Wei"}),
    ("Maria Lopez, rector of the University of Chile, and Zhang Hua, president of Fudan University, signed an "
     "agreement on student exchange.", {"Maria Lopez", "Zhang Hua"}),
    ("On Monday, Dr. Kwame Mensah of the University of Ghana signed a cooperation agreement with Zhejiang "
     "University, the university said.", {"Kwame Mensah"}),
])
def test_signers_before_the_verb_still_sign(text, signers):
    rows = extract_rows(text)
    assert len(rows["agreements"]) == 1
    assert signer_names(rows, "signatory") == signers
