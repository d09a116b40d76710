"""The type of a body of two states or several bodies (a joint committee, a binational commission, a working group)
is "other", not one government's department nor a company (issue 15). Every sentence here is written for these
tests."""
import pytest

from pipeline.core.entities.orgs import org_namer
from tests.support.rules import default_rulebook
from tests.unit.entity_rows import recognised


def _types(text):
    return {o.canonical_name: o.org_type for o in recognised(text).orgs.values()}


@pytest.mark.parametrize("name, head", [
    ("Brazil-Egypt Joint Committee on Scientific Cooperation", "Committee"),
    ("Chile-China Intergovernmental Commission on Trade", "Commission"),
    ("Peru-Japan Binational Commission", "Commission"),
    ("Joint Working Group on Marine Science", "Group"),
    ("Leading Group for Regional Development", "Group"),
    ("Sino-Kenyan Steering Council", "Council"),
    ("Kyrgyz-Chinese Commission on Scientific and Technical Cooperation", "Commission"),  # no "Joint": two peoples
    ("Uzbek-Indian Committee on Technical Cooperation", "Committee"),
])
def test_a_body_of_two_states_is_no_department_of_one(name, head):
    assert org_namer(default_rulebook()).from_name(name, head_word=head).org_type == "other"


@pytest.mark.parametrize("name, head, org_type", [
    ("Hubei Provincial Development and Reform Commission", "Commission", "government_department"),
    ("Acme Holdings Group", "Group", "enterprise"),
    ("Anglo-Saxon Heritage Commission", "Commission", "government_department"),  # a hyphen joining no countries
    ("Joint Institute of Marine Studies", "Institute", "research_institute"),  # no committee, council or group
    # a steering, working or leading body that its name makes one state's
    ("National Steering Committee on Climate Change", "Committee", "government_department"),
    ("Central Leading Group for Science and Technology", "Group", "government_department"),
    ("National Working Council on Water Security", "Council", "government_department"),
    # two states still, whatever its other words
    ("Kenya-China Joint Working Group of the National Parks", "Group", "other"),
])
def test_other_committees_groups_and_joint_institutes_keep_their_types(name, head, org_type):
    assert org_namer(default_rulebook()).from_name(name, head_word=head).org_type == org_type


@pytest.mark.parametrize("text, name", [
    ("The China-Brazil Joint Committee on Science and Technology Cooperation met in Brasilia.",
     "China-Brazil Joint Committee"),
    ("The Mexico-Korea Binational Commission met on Monday.", "Mexico-Korea Binational Commission"),
])
def test_in_a_sentence_a_bilateral_committee_is_other(text, name):
    types = _types(text)
    assert any(n.startswith(name) and t == "other" for n, t in types.items())
