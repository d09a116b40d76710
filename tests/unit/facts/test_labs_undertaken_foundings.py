"""A founding event told of a lab named before: reported ("celebrated the establishment of the joint laboratory"), or
still to come after an undertaking verb or a future marker ("pledged to support the establishment of", "will mark
the opening of") (issue 15, class 1 status).

Every sentence here is written for these tests."""
import pytest

from tests.unit.facts.test_labs_real_phrasings import _labs, _run

_PLAN = "Fudan University and Lund University will set up a joint laboratory for marine science. "


@pytest.mark.parametrize("second, status", [
    ("Both sides celebrated the establishment of the joint laboratory on Monday.", "established"),
    ("The mayor pledged to support the establishment of the joint laboratory.", "planned"),
    ("The two sides will soon mark the opening of the joint laboratory.", "planned"),
    ("They are exploring the establishment of the joint laboratory.", "planned"),
])
def test_a_founding_event_is_reported_or_still_to_come(second, status):
    assert [s for _, _, s, _ in _labs(_run(_PLAN + second))] == [status]
