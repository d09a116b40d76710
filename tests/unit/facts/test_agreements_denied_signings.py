"""A signing the sentence denies ("have not yet signed", "has never signed", "is yet to sign", "did not sign") is no
agreement, while a signing told beside a denial of something else ("not only signed ... but also", "signed an
agreement that does not yet cover ...") still is."""
from __future__ import annotations

import pytest

from tests.unit.fact_rows import extract_rows


@pytest.mark.parametrize("text", [
    "Germany and Vietnam met in Hanoi. The two countries have not yet signed an agreement on climate research.",
    "Lakeside University and Harbour Institute have not signed a memorandum of understanding.",
    "Tomsk State University has never signed a cooperation agreement with Sichuan University.",
    "The University of Ghana is yet to sign a cooperation agreement with Zhejiang University.",
    "Fudan University and the University of Chile did not sign the agreement on student exchange.",
    "Lund University and Tongji University haven't signed a memorandum of understanding on materials research.",
    "The University of Jordan and Lanzhou University have not formally signed a framework agreement.",
])
def test_a_denied_signing_is_no_agreement(text):
    assert extract_rows(text)["agreements"] == []


@pytest.mark.parametrize("text", [
    "Lakeside University and Harbour Institute not only signed a memorandum of understanding but also opened a "
    "joint centre.",
    "Tomsk State University signed a cooperation agreement with Sichuan University that does not yet cover "
    "student exchange.",
    "The University of Ghana and Zhejiang University signed a cooperation agreement on Monday, which had not been "
    "possible before.",
])
def test_a_signing_beside_another_denial_is_an_agreement(text):
    assert len(extract_rows(text)["agreements"]) == 1
