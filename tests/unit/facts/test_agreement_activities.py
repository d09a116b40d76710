"""What an agreement covers, said in its sentence or in the sentences after it, in the words other outlets use;
each of a plural instrument signed with a list of partners covers what follows. Sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, party_names


def _activities(rows) -> dict[tuple[str, ...], set[str]]:
    by_id: dict[str, set[str]] = {}
    for r in rows["agreement_activities"]:
        by_id.setdefault(r["agreement_id"], set()).add(r["activity"])
    return {tuple(sorted(party_names(rows, a))): by_id.get(a["agreement_id"], set()) for a in rows["agreements"]}


@pytest.mark.parametrize("follow_up, activity", [
    ("The MoU covers staff exchanges and joint conferences.", "academic_exchange"),
    ("It aims to promote student mobility between the two campuses.", "student_exchange"),
    ("Under the agreement, the partners will offer joint degrees in engineering.", "talent_development"),
    ("The agreement will also see joint funding for early-career researchers.", "funding_support"),
    ("Both sides will cooperate on research and development of new batteries.", "joint_research"),
    ("The memorandum includes the translation of research results into products.", "technology_transfer"),
])
def test_an_activity_in_a_follow_up_sentence_belongs_to_the_agreement(follow_up, activity):
    rows = extract_rows("Ghent University signed a memorandum of understanding with Wuhan University on 3 March. "
                        + follow_up)
    assert activity in _activities(rows)[("Ghent University", "Wuhan University")]


def test_each_partner_of_a_plural_instrument_owns_what_follows():
    rows = extract_rows("Ghent University signed agreements with Wuhan University and Hubei University on 3 March. "
                        "Under the agreements, the universities will promote student mobility.")
    found = _activities(rows)
    assert found == {("Ghent University", "Hubei University"): {"student_exchange"},
                     ("Ghent University", "Wuhan University"): {"student_exchange"}}

