"""A prefecture that acts is its prefecture's government ("Enshi Prefecture Government"), not a municipal one: the
reference data knows it as a prefecture (issue 15). A prefecture-level city stays a municipality.

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import names_by_surface


@pytest.mark.parametrize("text, written, government", [
    ("The centre was founded by Enshi Prefecture, Hubei University and Wuhan University.", "Enshi Prefecture",
     "Enshi Prefecture Government"),
    ("Yanbian Prefecture and Jilin University signed an agreement.", "Yanbian Prefecture",
     "Yanbian Prefecture Government"),
    ("Xiangtan and Hunan University signed an agreement.", "Xiangtan", "Xiangtan Municipal Government"),
])
def test_an_acting_prefecture_is_its_prefecture_government(text, written, government):
    assert names_by_surface(text)[written] == {government}
