"""A party's owner is no second party: "the X Institute of the Chinese Academy of Sciences", "the Y Branch of the Z
Academy" sign for themselves, and the academy is named as where they stand (issue 15). The owner signs when the text
makes it the party on its own.

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.fact_rows import extract_rows, party_names


@pytest.mark.parametrize("text, parties", [
    ("On 8 March 2021, the Guangzhou Branch of the Chinese Academy of Sciences and Sinopec signed a strategic "
     "cooperation agreement in Beijing.",
     {"Guangzhou Branch of the Chinese Academy of Sciences", "China Petrochemical Corporation"}),
    ("On 8 May 2019, the Lanzhou Branch of the Chinese Academy of Sciences signed an agreement with Al-Farabi Kazakh "
     "National University.",
     {"Lanzhou Branch of the Chinese Academy of Sciences", "Al-Farabi Kazakh National University"}),
    ("The Shenyang Branch of the Chinese Academy of Sciences (Shenyang branch) and Kyushu University signed a "
     "memorandum of understanding in Tokyo.",
     {"Shenyang Branch of the Chinese Academy of Sciences", "Kyushu University"}),
])
def test_the_owner_of_a_party_is_no_party_beside_it(text, parties):
    rows = extract_rows(text)
    (agreement,) = rows["agreements"]
    assert party_names(rows, agreement) == parties


@pytest.mark.parametrize("text, parties", [
    ("The Chinese Academy of Sciences and the University of Tokyo signed an agreement on 2 June 2017.",
     {"Chinese Academy of Sciences", "The University of Tokyo"}),
    ("The Chinese Academy of Sciences signed a memorandum of understanding with Cairo University in May 2016.",
     {"Chinese Academy of Sciences", "Cairo University"}),
])
def test_an_owner_named_on_its_own_is_a_party(text, parties):
    rows = extract_rows(text)
    (agreement,) = rows["agreements"]
    assert party_names(rows, agreement) == parties
