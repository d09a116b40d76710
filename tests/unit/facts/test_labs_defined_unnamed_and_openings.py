"""Labs: a name a copula defines as a lab, a joint lab with no name but its founders, lower-case stations, a name that
opens inside an organisation's name, and "Joint Centre for X" named two ways. Sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows


def _labs(rows):
    return sorted((lab["name"], lab["lab_type"], lab["status"]) for lab in rows["labs"])


@pytest.mark.parametrize("text, name", [
    ("Agrolab Asia is the fourth virtual laboratory of Ghent University.", "Agrolab Asia"),
    ("The Nordic Ocean Hub is a joint research centre of Tsinghua University and the University of Bergen.",
     "Nordic Ocean Hub"),
])
def test_a_name_a_copula_defines_as_a_lab_is_a_lab(text, name):
    assert [lab["name"] for lab in extract_rows(text)["labs"]] == [name]


@pytest.mark.parametrize("text", [
    "Tsinghua University is a research university in Beijing.",
    "The University is the oldest laboratory of ideas in Europe.",
])
def test_a_copula_that_defines_no_lab_head_gives_no_lab(text):
    assert extract_rows(text)["labs"] == []


@pytest.mark.parametrize("text, status", [
    ("Siemens and Tongji University opened a joint laboratory to train engineers.", "established"),
    ("Siemens and Tongji University will set up a joint lab in Shanghai.", "planned"),
])
def test_a_joint_lab_with_no_name_is_known_by_its_two_founders(text, status):
    (lab,) = extract_rows(text)["labs"]
    assert (lab["lab_type"], lab["status"]) == ("joint_laboratory", status)
    assert lab["host_organization_id"] is not None


@pytest.mark.parametrize("text", [
    "Siemens and Tongji University launched a joint laboratory programme for students.",
    "The joint laboratory will focus on sensors.",
    "Tongji University opened a joint laboratory to train engineers.",
])
def test_a_bare_joint_head_without_two_founders_or_as_a_compound_is_no_lab(text):
    assert extract_rows(text)["labs"] == []


@pytest.mark.parametrize("text, name", [
    ("Kenya and China have set up a joint soil observation station in Nakuru.", "joint soil observation station"),
    ("The two institutes built a new marine research station on the island last year.", "new marine research station"),
])
def test_a_lower_case_station_set_up_is_a_lab(text, name):
    assert [(lab["lab_type"]) for lab in extract_rows(text)["labs"]] == ["other"]


@pytest.mark.parametrize("text, name", [
    ("The site was surveyed by the Chinese Academy of Sciences South America Center for Astronomy (CASSACA).",
     "Chinese Academy of Sciences South America Center for Astronomy"),
    ("A Joint Research and Demonstration Center for Water Technology was established at Egerton University.",
     "Joint Research and Demonstration Center for Water Technology"),
])
def test_a_lab_name_opens_where_the_organisation_name_around_its_head_opens(text, name):
    assert [lab["name"] for lab in extract_rows(text)["labs"]] == [name]


def test_a_joint_centre_named_with_and_without_its_partners_is_one_lab():
    rows = extract_rows("The minister inaugurated the Joint Center for Baltic Studies established by Sichuan University "
                        "and the University of Warsaw. Both sides unveiled the SCU-UW Joint Center for Baltic Studies.")
    assert [(lab["lab_type"], lab["status"]) for lab in rows["labs"]] == [("joint_research_centre", "established")]
