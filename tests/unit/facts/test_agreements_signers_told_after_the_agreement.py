"""Who signed an agreement told before, in a sentence after it: the subject of 'signed the renewal of' (the verb
that governs the instrument is the renewal, the signing verb stands a few words before it), of an idiom with no
instrument ('put pen to paper'), of a participle phrase that opens the sentence before the instrument it refers
back to ('Signed by A and B, the agreement ...'), and the people a photo caption opens with ('A and B at the
signing ceremony', 'A and B during the signing'). Guests who only attended, were present or spoke, and who 'renewed' an agreement
without signing it, are no signers."""
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
    # captions
    ("lund", "Dr. Anna Berg and Dr. Li Wei during the signing.", {"Anna Berg", "Li Wei"}, set()),
    ("lund", "Lund President Anna Berg (R) and Li Wei, president of Fudan University, at the signing ceremony of a "
             "document on research cooperation between the two universities.", {"Anna Berg", "Li Wei"}, set()),
    ("ghent", "Rector Rik Van de Walle (left) and Chen Jie, president of Tongji University, at the signing "
              "ceremony.", {"Rik Van de Walle", "Chen Jie"}, set()),
    ("ghent", "Rik Van de Walle and Chen Jie at the signing ceremony, with Mayor Ma Jun looking on.",
     {"Rik Van de Walle", "Chen Jie"}, {"Ma Jun"}),
    # a participle phrase opening the sentence, before the instrument it refers back to
    ("lund", "Signed by Anna Berg, president of Lund University, and Li Wei, president of Fudan University, the "
             "memorandum covers joint research.", {"Anna Berg", "Li Wei"}, set()),
    ("ghent", "Witnessed by Mayor Ma Jun and Governor Wu Kai, the agreement runs for five years.", set(),
     {"Ma Jun", "Wu Kai"}),
    ("lund", "Signed by the presidents of both universities, the memorandum covers joint research.", set(), set()),
    ("ghent", "The agreement, praised by Mayor Ma Jun, runs for five years.", set(), set()),
    # negative: captions and sentences of guests who did not sign (a verb form before the cue)
    ("lund", "Guests including Mayor Ma Jun and Governor Wu Kai at the signing ceremony.", set(), set()),
    ("ghent", "Mayor Ma Jun, who attended, at the signing ceremony.", set(), set()),
    ("lund", "Mayor Ma Jun was present at the signing ceremony.", set(), set()),
    ("ghent", "Speaking at the signing ceremony, Mayor Ma Jun praised the two universities.", set(), set()),
    ("lund", "At the signing ceremony, Mayor Ma Jun praised the two universities.", set(), set()),
])
def test_who_signed_the_agreement_told_before(told, later, signers, witnesses):
    rows = extract_rows(_TOLD[told] + later)
    assert len(party_names(rows, rows["agreements"][0])) == 2
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
