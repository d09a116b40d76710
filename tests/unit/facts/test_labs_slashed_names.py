"""A slash between two capitalised words keeps them in one lab name ("Micro/Nano Energy", "AI/ML Methods") (issue 15,
name boundaries).

Every sentence here is written for these tests."""
import pytest

from tests.unit.facts.test_labs_real_phrasings import _labs, _run


@pytest.mark.parametrize("text, name", [
    ("The Oslo-Fudan Joint Research Centre for Micro/Nano Energy Technology opened on March 29.",
     "Oslo-Fudan Joint Research Centre for Micro/Nano Energy Technology"),
    ("Lund University has set up the Tromso Joint Laboratory for AI/ML Methods.",
     "Tromso Joint Laboratory for AI/ML Methods"),
    ("Staff of the Baltic Optics/Photonics Joint Laboratory met the visitors on Monday.",
     "Baltic Optics/Photonics Joint Laboratory"),
])
def test_a_slashed_pair_stays_in_the_name(text, name):
    assert [n for n, _, _, _ in _labs(_run(text))] == [name]
