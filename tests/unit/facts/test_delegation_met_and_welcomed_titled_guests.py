"""A host meets or welcomes a guest whose title (read where the guest is first named) says the body the guest comes
from: "the mayor met with Japanese Lakeside University Director X" (no "from" after the name), "the mayor met with X"
after "Counsellor of the Embassy of Y X said", "the governor welcomed X's visit in Z". The guest leads the visit,
from the body of their title, to the body the host acts for. Sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, visits


@pytest.mark.parametrize("text, visit", [
    # the title in the same sentence, before the guest's name
    ("President of Nankai University Li Ming met with Lakeside University Rector Oskar Lindqvist on Monday.",
     ("Oskar Lindqvist", "Lakeside University", "Nankai University")),
    ("Li Ming, President of Nankai University, met with University of Porto Rector Tadeo Quispe in his office.",
     ("Tadeo Quispe", "University of Porto", "Nankai University")),
    # the title in an earlier sentence, the name written again without it
    ("Counsellor of the Embassy of Peru in Beijing Tadeo Quispe opened the fair. On 3 May, President of Nankai "
     "University Li Ming met with Tadeo Quispe.", ("Tadeo Quispe", "Embassy of Peru in Beijing", "Nankai University")),
    # the guest's visit is what the host welcomed
    ("Rector of Lakeside University Oskar Lindqvist spoke first. President of Nankai University Li Ming welcomed "
     "Oskar Lindqvist's visit.", ("Oskar Lindqvist", "Lakeside University", "Nankai University")),
])
def test_a_met_or_welcomed_guest_comes_from_the_body_of_their_title(text, visit):
    assert visit in visits(extract_rows(text))


@pytest.mark.parametrize("text", [
    # the guest's title names the host's own body: a colleague, no visitor
    "President of Nankai University Li Ming met with Nankai University Dean Oskar Lindqvist on Monday.",
    # a guest with no title anywhere says nowhere they come from
    "President of Nankai University Li Ming met with Oskar Lindqvist on Monday.",
    # a meeting over a link: nobody travelled (with the guest's body after "from" as well)
    "President of Nankai University Li Ming met online with Lund University Rector Oskar Lindqvist.",
    "President of Nankai University Li Ming met with Rector Oskar Lindqvist from Lund University via video link.",
    # the host is the one travelling
    "During his trip to Sweden, President of Nankai University Li Ming met with Lund University Rector Oskar "
    "Lindqvist.",
])
def test_no_visit_from_a_guest_of_the_hosts_own_body_or_of_no_body(text):
    assert visits(extract_rows(text)) == []
