"""A city's department is named "<city> <remit> <head>" (a department "<city> Department of <remit>") however the
text writes it ("Education Bureau of Foshan", "Foshan Municipal Education Bureau"), as the real texts and their readers
name it; a province's keeps "Provincial" (issue 15).

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import names_by_surface


@pytest.mark.parametrize("text, written, canonical", [
    ("The Education Bureau of Foshan sent teachers.", "Education Bureau of Foshan", "Foshan Education Bureau"),
    ("The Foshan Municipal Education Bureau sent teachers.", "Foshan Municipal Education Bureau",
     "Foshan Education Bureau"),
    ("Staff of the Commerce Commission of Chongqing Municipality came.", "Commerce Commission of Chongqing Municipality",
     "Chongqing Commerce Commission"),
    ("The Department of Agriculture of Nanning hosted them.", "Department of Agriculture of Nanning",
     "Nanning Department of Agriculture"),
    ("The Agriculture Department of Yunnan Province hosted them.", "Agriculture Department of Yunnan Province",
     "Yunnan Provincial Department of Agriculture"),
])
def test_a_local_department_is_named_by_its_place_remit_and_head(text, written, canonical):
    assert names_by_surface(text)[written] == {canonical}


@pytest.mark.parametrize("text, name", [
    ("The Shenzhen Municipal Affairs Bureau sent staff.", "Shenzhen Municipal Affairs Bureau"),
    ("Officials of the Wuhan Municipal Affairs Bureau came.", "Wuhan Municipal Affairs Bureau"),
])
def test_municipal_affairs_is_a_remit_not_a_level(text, name):
    """A bureau of municipal affairs keeps "Municipal": it is what the bureau does, not the city's level."""
    assert names_by_surface(text)[name] == {name}
