"""A lab's director set off by a comma after "the director of the X, Professor Y", or named before "director of the
lab" in a later sentence (issue 15, directors).

Every sentence here is written for these tests."""
import pytest

from tests.unit.facts.test_labs_real_phrasings import _run

_FOUNDED = "Kenya and China set up the Kenya-China Joint Laboratory for Maize Genetics in 2019. "


def _directors(text):
    rows = _run(text)
    people = {p["person_id"]: p["full_name"] for p in rows["people"]}
    return [(lab["name"], people.get(lab["director_person_id"])) for lab in rows["labs"]]


@pytest.mark.parametrize("text, director", [
    ("Guests included the Consul General of China, Wang Lin, and the director of the Lima-China Research Centre, "
     "Maria Lopez, among others.", "Maria Lopez"),
    ("The director of the Lima-China Research Centre, Professor Maria Lopez, opened the talks.", "Maria Lopez"),
    ("Wang Lin, director of the Lima-China Research Centre, spoke.", "Wang Lin"),
])
def test_the_director_set_off_after_the_name(text, director):
    assert _directors(text) == [("Lima-China Research Centre", director)]


@pytest.mark.parametrize("text, director", [
    # "director of" told of someone before it: the person after the name is a speaker or another guest
    ("Wang Lin was appointed director of the Lima-China Research Centre, Professor Maria Lopez said.", "Wang Lin"),
    ("He will serve as director of the Lima-China Research Centre, President Maria Lopez announced.", None),
])
def test_a_director_told_before_the_name_is_not_the_person_after_it(text, director):
    assert _directors(text) == [("Lima-China Research Centre", director)]


@pytest.mark.parametrize("second, director", [
    ("Peter Otieno, dean of agriculture at Moi University, and director of the lab told reporters that yields rose.",
     "Peter Otieno"),
    ("Grace Wanjiru, director of the laboratory, said the work would go on.", "Grace Wanjiru"),
    ("Peter Otieno, deputy director of the lab, spoke.", None),
    ("Peter Otieno, director of the university, spoke.", None),
])
def test_the_director_of_the_lab_named_before(second, director):
    assert _directors(_FOUNDED + second) == [("Kenya-China Joint Laboratory for Maize Genetics", director)]
