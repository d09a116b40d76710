"""Agreements 'exchanged' at a ceremony are signed, and a signer who 'attended ... on behalf of' a body earlier in
the sentence signs for it."""
from __future__ import annotations

import pytest

from tests.unit.fact_rows import extract_rows, party_names


@pytest.mark.parametrize("text, parties", [
    ("Fudan University and the University of Ghana exchanged cooperation agreements on Monday.",
     [{"Fudan University", "University of Ghana"}]),
    ("At the ceremony, Zhejiang University and Makerere University were exchanging the signed memorandum of "
     "understanding.", [{"Zhejiang University", "Makerere University"}]),
    ("The two sides exchanged views on cooperation in energy and agriculture.", []),
    ("Fudan University and the University of Ghana signed a student exchange agreement on Monday.",
     [{"Fudan University", "University of Ghana"}]),
])
def test_exchanged_agreements_are_signed(text, parties):
    rows = extract_rows(text)
    assert [party_names(rows, a) for a in rows["agreements"]] == parties
    assert all(a["status"] == "signed" for a in rows["agreements"])


@pytest.mark.parametrize("text, parties", [
    ("President Ma Jian attended the meeting on behalf of Fudan University, and signed an agreement with the "
     "University of Ghana.", {"Fudan University", "University of Ghana"}),
    ("Dean Anna Berg spoke at the forum on behalf of Lund University and signed a memorandum with Tongji "
     "University.", {"Lund University", "Tongji University"}),
    ("President Ma Jian attended the meeting with the Mayor of Accra, and signed an agreement with the University "
     "of Ghana.", {"University of Ghana"}),
])
def test_a_signer_acts_for_the_body_named_on_behalf_of(text, parties):
    rows = extract_rows(text)
    assert [party_names(rows, a) for a in rows["agreements"]] == [parties]


@pytest.mark.parametrize("later", [
    "China values cooperation with Sweden, and we attach importance to the signing of this agreement, Li Wei said.",
    "Both Sweden and China welcome that agreement.",
])
def test_a_demonstrative_points_back_to_the_agreement_told(later):
    rows = extract_rows(f"Lund University and Fudan University signed a memorandum on Monday. {later}")
    assert [party_names(rows, a) for a in rows["agreements"]] == [{"Lund University", "Fudan University"}]


@pytest.mark.parametrize("text, parties", [
    ("The renewal of the agreement between Lund University and Fudan University was celebrated on Monday.",
     [{"Lund University", "Fudan University"}]),
    ("Tongji University will continue its work with Lund University through the renewal of a memorandum of "
     "understanding.", [{"Lund University", "Tongji University"}]),
])
def test_the_renewal_of_an_agreement_is_a_signing(text, parties):
    rows = extract_rows(text)
    assert [party_names(rows, a) for a in rows["agreements"]] == parties
