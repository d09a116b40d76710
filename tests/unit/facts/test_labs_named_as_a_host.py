"""A lab-shaped name in the host slot of another lab ("the new lab will be run jointly by the Leeds Centre for Marine
Robotics", "was set up by the Wuhan Optics Research Center and ..."): it hosts a lab, an organisation in its own
right, and is no lab record of the document."""
from __future__ import annotations

import pytest

from tests.unit.fact_rows import extract_rows


def _names(text: str) -> list[str]:
    return sorted(lab["name"] for lab in extract_rows(text)["labs"])


@pytest.mark.parametrize("text, names", [
    ("Leeds University and Zhejiang University will set up a joint laboratory for marine robotics. The new lab "
     "will be run jointly by the Leeds Centre for Marine Robotics and Zhejiang University.",
     ["joint laboratory for marine robotics"]),
    ("The Baltic Sino-Finnish Joint Lab was set up by the Wuhan Optics Research Center and Aalto University.",
     ["Baltic Sino-Finnish Joint Lab"]),
    ("The Nairobi Soil Health Joint Laboratory is hosted by the Kenya Soil Research Centre.",
     ["Nairobi Soil Health Joint Laboratory"]),
    ("The Andes Glacier Joint Research Centre, operated by the Chilean Antarctic Research Institute, opened today.",
     ["Andes Glacier Joint Research Centre"]),
])
def test_a_name_after_a_host_cue_is_no_lab(text, names):
    assert _names(text) == names


@pytest.mark.parametrize("text, names", [
    ("The Kenya Soil Research Centre hosted a workshop with the Nairobi Soil Health Joint Laboratory.",
     ["Nairobi Soil Health Joint Laboratory"]),
    ("The Baltic Sino-Finnish Joint Lab, set up in 2019, studies optical fibres.", ["Baltic Sino-Finnish Joint Lab"]),
])
def test_a_name_elsewhere_is_read_as_before(text, names):
    assert _names(text) == names


@pytest.mark.parametrize("text, names", [
    ("The Nairobi Soil Health Joint Laboratory will be based at the State Key Laboratory of Soil Science.",
     ["Nairobi Soil Health Joint Laboratory", "State Key Laboratory of Soil Science"]),
    ("The Baltic Sino-Finnish Joint Lab is housed at the Key Laboratory of Optical Fibres.",
     ["Baltic Sino-Finnish Joint Lab", "Key Laboratory of Optical Fibres"]),
])
def test_a_lab_a_lab_stands_in_is_still_a_lab(text, names):
    assert _names(text) == names
