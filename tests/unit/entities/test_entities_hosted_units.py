"""A unit that universities around the world each host ("Makerere University Confucius Institute", "the Confucius
Institute at Piura University") is named with its host, as a unit of it, so that the units of two hosts are two
bodies; its "Headquarters" is a body of its own, and a bare mention is left as it is."""
from __future__ import annotations

import pytest

from tests.unit.entity_rows import org_names, recognised


@pytest.mark.parametrize("text, name, host", [
    ("Lakeside University Confucius Institute held a seminar.", "Lakeside University Confucius Institute",
     "Lakeside University"),
    ("The Confucius Institute at Riverside University held a seminar.", "Confucius Institute at Riverside University",
     "Riverside University"),
])
def test_a_hosted_unit_is_named_with_its_host_and_under_it(text, name, host):
    ents = recognised(text)
    unit = next(o for o in ents.orgs.values() if o.canonical_name == name)
    assert unit.parent is not None and unit.parent.canonical_name == host
    assert "Confucius Institute" not in org_names(ents) and "Confucius Classroom" not in org_names(ents)


def test_the_units_of_two_hosts_are_two_bodies():
    ents = recognised("Lakeside University Confucius Institute and Riverside University Confucius Institute met.")
    assert {"Lakeside University Confucius Institute", "Riverside University Confucius Institute"} <= org_names(ents)


@pytest.mark.parametrize("text, names", [
    ("The agreement was signed at Confucius Institute Headquarters in Beijing.", {"Confucius Institute Headquarters"}),
    ("The Confucius Institute will open next year.", {"Confucius Institute"}),
])
def test_headquarters_and_a_bare_unit(text, names):
    assert org_names(recognised(text)) == names
