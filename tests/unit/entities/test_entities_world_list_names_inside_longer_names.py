"""A short name of the broad world list of universities is no university of its own where it is only a part of a
longer name the text writes: its object goes on after it ("... of Textiles"), or a place's name opens it ("Qinghai
University of Finance ..."). Written alone, the listed name stands."""
from __future__ import annotations

import pytest

from tests.unit.entity_rows import org_names, recognised


@pytest.mark.parametrize("text, present, absent", [
    ("The Bangladesh University of Textiles signed an agreement with Donghua University.",
     "Bangladesh University of Textiles", "Bangladesh University"),
    ("A team from Irkutsk State University of Railways visited Harbin.",
     "Irkutsk State University of Railways", "Irkutsk State University"),
    ("The centre is run by Qinghai University of Finance and Economics.",
     "Qinghai University of Finance and Economics", "University of Finance"),
    ("Teachers at Sichuan University of Finance and Economics and Tsinghua University met on Monday.",
     "Sichuan University of Finance and Economics", "University of Finance"),
    # written alone
    ("The University of Finance in Ho Chi Minh City signed a memorandum.", "University of Finance", None),
    ("Tsinghua University and Bangladesh University signed a memorandum.", "Bangladesh University", None),
    ("Irkutsk State University, Mongolia’s National University and Jilin University met.",
     "Irkutsk State University", None),
])
def test_a_listed_name_inside_a_longer_name_is_the_longer_name(text, present, absent):
    names = org_names(recognised(text))
    assert present in names
    assert absent not in names
