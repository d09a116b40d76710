"""An acronym the document never defines spells a university's name turned round ("Porto University" ... "UP" for
"University of Porto") or its name with the campus it is at ("University of Maryland at Eastville" ... "UME")
(issue 15); a name with a campus after a comma may be a campus of its own, and its acronym stays apart.

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import names_by_surface as _names


@pytest.mark.parametrize("text, acronym, name", [
    ("Delegates of NEU and UB met in March. Northeastern University and Bergen University signed the plan.",
     "UB", "Bergen University"),
    ("The UK visit went well. Tianjin University and Kent University will swap students; UK staff came too.",
     "UK", None),  # a country's initials are never read as a university
    ("Staff of Nairobi University came. NU students joined; UN officials spoke.", "UN", "United Nations"),
    ("UN envoys came to the forum that Nairobi University hosted.", "UN", "United Nations"),
    ("A team of the University of Oregon at Eastport visited Xiamen. UOE President Lin spoke.",
     "UOE", "University of Oregon"),
    ("The Kigali Institute of Mining at Rubavu came. KIMR Rector Uwase signed the plan.",
     "KIMR", "Kigali Institute of Mining"),
])
def test_an_acronym_spells_a_turned_or_campus_name(text, acronym, name):
    names = _names(text)
    if name is None:
        assert acronym not in names
    else:
        assert names[acronym] == {name}


def test_a_name_with_a_campus_after_a_comma_keeps_its_acronym_apart():
    names = _names("Qingdao University, Laixi and QUL staff met. QUL President Wang spoke.")
    assert names["QUL"] == {"QUL"}
    assert names["Qingdao University"] == {"Qingdao University"}
