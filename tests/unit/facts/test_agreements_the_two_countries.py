"""'The two countries signed ...', 'Both nations have inked ...': the subject is the two states named last before it,
each by its government (issue 15, parties across sentences). Sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, party_names


@pytest.mark.parametrize("text, parties", [
    ("Spain and China have worked together on research for decades. Both countries have signed an agreement today "
     "on the joint use of scientific infrastructures.", {"Government of Spain", "Government of China"}),
    ("Kenya and China held talks in Nairobi on Monday. The two nations also inked a memorandum of understanding on "
     "public health.", {"Government of Kenya", "Government of China"}),
    ("The president of Chile met his counterpart from Peru in Lima. After the talks, the two countries signed a "
     "framework agreement on water research.", {"Government of Chile", "Government of Peru"}),
])
def test_the_two_countries_are_the_states_named_last(text, parties):
    rows = extract_rows(text)
    (a,) = rows["agreements"]
    assert party_names(rows, a) == parties


def test_the_nearest_two_states_count_when_more_were_named():
    rows = extract_rows("France hosted the summit. Officials of Brazil and India met on its margins, and the two "
                        "countries signed a memorandum of understanding on vaccines.")
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Government of Brazil", "Government of India"}


def test_one_state_named_is_not_two():
    rows = extract_rows("Talks were held in Norway. The two countries signed an agreement on polar research.")
    assert [party_names(rows, a) for a in rows["agreements"]] in ([], [set()], [{"Government of Norway"}])
