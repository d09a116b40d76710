"""Who signed an agreement told before: the subject of 'signed the renewal of' (the verb that governs the instrument
is the renewal, the signing verb stands a few words before it) and of an idiom with no instrument ('put pen to
paper'). Guests who only attended or spoke, and who 'renewed' an agreement without signing it, are no signers."""
from __future__ import annotations

import pytest

from tests.unit.fact_rows import extract_rows, party_names, signer_names

_TOLD = {
    "lund": "Lund University and Fudan University signed a memorandum of understanding on Monday. ",
    "ghent": "Ghent University and Tongji University signed a cooperation agreement in Shanghai on 4 May. ",
}


@pytest.mark.parametrize("told, later, signers, witnesses", [
    ("ghent", "Rector Rik Van de Walle and President Chen Jie also signed a renewed agreement.",
     {"Rik Van de Walle", "Chen Jie"}, set()),
    ("lund", "On Friday, Anna Berg and Li Wei signed the renewal of the memorandum.", {"Anna Berg", "Li Wei"}, set()),
    ("ghent", "Rector Rik Van de Walle signed the renewed agreement on 13 May.", {"Rik Van de Walle"}, set()),
    ("lund", "Anna Berg and Li Wei put pen to paper in a ceremony.", {"Anna Berg", "Li Wei"}, set()),
    ("ghent", "Rector Rik Van de Walle and President Chen Jie put pen to paper in a ceremony witnessed by Mayor "
              "Ma Jun and Governor Wu Kai.", {"Rik Van de Walle", "Chen Jie"}, {"Ma Jun", "Wu Kai"}),
    # negative: who speaks of a renewal, or only attends, signs nothing
    ("lund", "Mayor Ma Jun said the two universities would renew the memorandum next year.", set(), set()),
    ("ghent", "Mayor Ma Jun came to Shanghai to attend the ceremony to renew the agreement.", set(), set()),
    ("lund", "During her stay Anna Berg visited Fudan University and renewed the memorandum.", set(), set()),
    ("ghent", "Mayor Ma Jun attended the signing of the agreement.", set(), set()),
    ("lund", "Anna Berg and Li Wei during the reception after the ceremony.", set(), set()),
])
def test_the_subject_of_a_signed_renewal_or_an_idiom_signed_the_agreement_told(told, later, signers, witnesses):
    rows = extract_rows(_TOLD[told] + later)
    first = rows["agreements"][0]
    assert len(party_names(rows, first)) == 2
    assert signer_names(rows, "signatory") == signers
    assert signer_names(rows, "witness") == witnesses


@pytest.mark.parametrize("text", [
    "Anna Berg and Li Wei put pen to paper on Monday.",  # no agreement told: no record at all
    "Anna Berg renewed her contract with the club.",
])
def test_no_agreement_without_an_instrument(text):
    rows = extract_rows(text)
    assert rows["agreements"] == []
    assert rows["agreement_signatories"] == []
