"""A photo caption that opens with people and ends 'at the signing (ceremony)' or 'during the signing' names who
signed the agreement told before; any verb form before the cue (who attended, was present, spoke) makes it a
sentence of another kind, whose people did not sign."""
from __future__ import annotations

import pytest

from tests.unit.fact_rows import extract_rows, party_names, signer_names

_TOLD = {
    "lund": "Lund University and Fudan University signed a memorandum of understanding on Monday. ",
    "ghent": "Ghent University and Tongji University signed a cooperation agreement in Shanghai on 4 May. ",
}


@pytest.mark.parametrize("told, caption, signers, witnesses", [
    ("lund", "Dr. Anna Berg and Dr. Li Wei during the signing.", {"Anna Berg", "Li Wei"}, set()),
    ("lund", "Lund President Anna Berg (R) and Li Wei, president of Fudan University, at the signing ceremony of a "
             "document on research cooperation between the two universities.", {"Anna Berg", "Li Wei"}, set()),
    ("ghent", "Rector Rik Van de Walle (left) and Chen Jie, president of Tongji University, at the signing "
              "ceremony.", {"Rik Van de Walle", "Chen Jie"}, set()),
    ("ghent", "Rik Van de Walle and Chen Jie at the signing ceremony, with Mayor Ma Jun looking on.",
     {"Rik Van de Walle", "Chen Jie"}, {"Ma Jun"}),
    # negative: captions and sentences of guests who did not sign
    ("lund", "Guests including Mayor Ma Jun and Governor Wu Kai at the signing ceremony.", set(), set()),
    ("ghent", "Mayor Ma Jun, who attended, at the signing ceremony.", set(), set()),
    ("lund", "Mayor Ma Jun was present at the signing ceremony.", set(), set()),
    ("ghent", "Speaking at the signing ceremony, Mayor Ma Jun praised the two universities.", set(), set()),
    ("lund", "At the signing ceremony, Mayor Ma Jun praised the two universities.", set(), set()),
    ("ghent", "Mayor Ma Jun attended the signing of the agreement.", set(), set()),
])
def test_a_caption_of_people_at_the_signing_names_the_signers(told, caption, signers, witnesses):
    rows = extract_rows(_TOLD[told] + caption)
    assert len(rows["agreements"]) == 1
    assert len(party_names(rows, rows["agreements"][0])) == 2
    assert signer_names(rows, "signatory") == signers
    assert signer_names(rows, "witness") == witnesses
