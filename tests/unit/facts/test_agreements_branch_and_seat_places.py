"""A place right after a body's name names that body's branch or seat, not a government that signs: "Huawei Kenya",
"TUM Shanghai", "China Mobile Hunan Branch", "the X Institute, Lanzhou, China" (issue 15). A place listed as a party
of its own ("Tsinghua University, Kenya and Ghana") is still one.

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.fact_rows import extract_rows, party_names


@pytest.mark.parametrize("text, parties, government", [
    ("Zhou Bin, general manager of Huawei Peru, and Ana Ruiz, rector of Cayetano Heredia University, signed an "
     "agreement on 3 May 2019.",
     {"Huawei Technologies Co., Ltd.", "Cayetano Heredia University"}, "Government of Peru"),
    ("Li Ming, Deputy General Manager of China Telecom Shenzhen Branch, and Wang Tao of Shenzhen University signed "
     "the agreement on 4 June 2020.",
     {"China Telecom Corporation Limited", "Shenzhen University"}, "Shenzhen Municipal Government"),
    ("TUM Shanghai: TUM and Fudan University sign a cooperation agreement",
     {"Technical University of Munich", "Fudan University"}, "Shanghai Municipal Government"),
    ("Makerere University signed an MoU with the Institute of Tibetan Plateau Research of the Chinese Academy of "
     "Sciences, Lhasa, China on 9 May 2018.",
     {"Makerere University", "Institute of Tibetan Plateau Research, Chinese Academy of Sciences"},
     "Lhasa Municipal Government"),
])
def test_a_place_after_a_name_is_its_branch_or_seat(text, parties, government):
    rows = extract_rows(text)
    (agreement,) = rows["agreements"]
    assert parties <= party_names(rows, agreement)
    assert government not in party_names(rows, agreement)


@pytest.mark.parametrize("text, parties", [
    ("Tsinghua University, Kenya and Ghana signed an agreement on 3 May 2019.",
     {"Tsinghua University", "Government of Kenya", "Government of Ghana"}),
    ("Peking University and Shanghai signed a cooperation agreement on 5 May 2019.",
     {"Peking University", "Shanghai Municipal Government"}),
])
def test_a_place_listed_as_a_party_still_signs(text, parties):
    rows = extract_rows(text)
    (agreement,) = rows["agreements"]
    assert party_names(rows, agreement) == parties
