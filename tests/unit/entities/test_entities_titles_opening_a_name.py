"""A post written before a body's name is no part of the name: "Administrator of ..." (a title like any other),
a title in capitals ("VICE CHANCELLOR of ...") or with a lower-case part after its hyphen ("Vice-rector of ..."),
and a whole title with no "of" after it, as captions write it ("(Vice President X University of Technology)").
A title word that only opens a name is kept: "Chancellor College", "President University"."""
from __future__ import annotations

import pytest

from tests.unit.entity_rows import org_names, recognised


@pytest.mark.parametrize("text, body", [
    ("Li Ming, Administrator of the China Meteorological Administration, met the visitors.",
     "China Meteorological Administration"),
    ("The VICE CHANCELLOR of Kenyatta University, Prof. Paul Wainaina, visited Beijing.", "Kenyatta University"),
    ("Professor Anna Berg (Vice President Zhejiang University of Technology) gave a speech.",
     "Zhejiang University of Technology"),
    ("Vice-rector of Tallinn Polytechnic Institute visits Fudan University", "Tallinn Polytechnic Institute"),
    ("Dr Omar Said (Dean Cairo Faculty of Medicine) opened the session.", "Cairo Faculty of Medicine"),
    # a title word that only opens a name stays in it
    ("Chancellor College signed an agreement with Fudan University.", "Chancellor College"),
    ("President University and Tsinghua University signed a memorandum.", "President University"),
    ("The General Administration of Customs hosted the talks.", "General Administration of Customs"),
])
def test_a_title_before_a_name_is_no_part_of_it(text, body):
    names = org_names(recognised(text))
    assert body in names
    assert not any(name != body and name.endswith(body) for name in names)
