"""Lab names, kinds and statuses in more of the ways news writes them (issue 15, class 1).

Every sentence here is written for these tests."""
import datetime as dt

import pytest

from tests.unit.fact_rows import extract_rows


def _labs(rows):
    orgs = {o["organization_id"]: o["canonical_name"] for o in rows["organizations"]}
    return [(lab["name"], lab["lab_type"], lab["status"], orgs.get(lab["host_organization_id"]))
            for lab in sorted(rows["labs"], key=lambda lab: lab["name"])]


def _names(rows):
    return sorted(lab["name"] for lab in rows["labs"])


# --- "SKL of X" once "State Key Laboratories (SKLs)" is written -------------------------------------------

@pytest.mark.parametrize("text, names", [
    ("Four Fudan University State Key Laboratories (SKLs) met in May. The SKL of Coastal Ecology hosted them, "
     "and the SKL for Polar Geodesy sent three staff.",
     ["SKL for Polar Geodesy", "SKL of Coastal Ecology"]),
    ("The SKL of Coastal Ecology is at Xiamen University. The State Key Laboratory of Coastal Ecology has 80 staff.",
     ["State Key Laboratory of Coastal Ecology"]),
    ("Visitors toured the State Key Lab of Soil Biology at Nanjing Agricultural University.",
     ["State Key Lab of Soil Biology"]),
])
def test_abbreviated_state_key_laboratories(text, names):
    rows = extract_rows(text)
    assert _names(rows) == names
    assert {lab["lab_type"] for lab in rows["labs"]} == {"state_key_laboratory"}


# --- headings and list lines joined into one line --------------------------------------------------------

@pytest.mark.parametrize("text, names", [
    ("Serving Science Regionally and Internationally State Key Laboratory of Marine Pollution State Key "
     "Laboratory of Marine Pollution\n\nThe laboratories were praised.",
     ["State Key Laboratory of Marine Pollution"]),
    ("Our partners: Joint Laboratory of Smart Grids Joint Laboratory of Energy Storage\n\nBoth opened in 2020.",
     ["Joint Laboratory of Energy Storage", "Joint Laboratory of Smart Grids"]),
    ("Visitors saw the Key Laboratory of Wetland Ecology and Key Laboratory of Lake Sediments at the institute.",
     ["Key Laboratory of Lake Sediments", "Key Laboratory of Wetland Ecology"]),
])
def test_a_repeated_head_starts_a_second_name(text, names):
    assert _names(extract_rows(text)) == names


@pytest.mark.parametrize("text, names", [
    ("The institute will open the “Grand Canal Heritage Research Centre” and the “Coastal Wind Research Centre”.",
     ["Coastal Wind Research Centre", "Grand Canal Heritage Research Centre"]),
    ("Partners are the Deep Sea Robotics Joint Laboratory, Polar Ice Joint Laboratory and Tidal Power Joint "
     "Laboratory.",
     ["Deep Sea Robotics Joint Laboratory", "Polar Ice Joint Laboratory", "Tidal Power Joint Laboratory"]),
])
def test_a_repeated_head_that_closes_names_keeps_their_modifiers(text, names):
    assert _names(extract_rows(text)) == names


def test_a_capitalised_adverb_is_not_part_of_a_name():
    rows = extract_rows("Growing Jointly Tsinghua Joint Laboratory of Smart Grids\n\nThe lab opened today.")
    assert _names(rows) == ["Tsinghua Joint Laboratory of Smart Grids"]


# --- a founding told as history is not news of a founding -------------------------------------------------

@pytest.mark.parametrize("text, status, year", [
    ("The State Key Laboratory of Marine Pollution was established in 2009 at City University of Hong Kong.",
     "existing", 2009),
    ("The lab grew fast since the establishment of the Joint Laboratory of Smart Grids in 2015.", "existing", 2015),
    ("The Joint Laboratory of Smart Grids was established in 2021 by Tsinghua University.", "established", 2021),
    ("The Joint Laboratory of Smart Grids was inaugurated at Tsinghua University on Monday.", "established", None),
])
def test_the_year_of_a_founding_decides_whether_it_is_news(text, status, year):
    rows = extract_rows(text, published=dt.date(2021, 6, 1))
    assert [(lab["status"], lab["established_year"]) for lab in rows["labs"]] == [(status, year)]


# --- kinds: one body's own laboratory, a centre of two partners ---------------------------------------------

@pytest.mark.parametrize("text, name, lab_type", [
    ("The delegation visited Zhejiang Lab in Hangzhou.", "Zhejiang Lab", "other"),
    ("Researchers at the Yellow Sea Fisheries Laboratory showed their work.", "Yellow Sea Fisheries Laboratory",
     "other"),
    ("The Laboratory of Coastal Robotics, established by Ocean University of China and Bangor University, opened "
     "on Monday.", "Laboratory of Coastal Robotics", "joint_laboratory"),
    ("Ocean University of China and Bangor University jointly established the Coastal Robotics Laboratory.",
     "Coastal Robotics Laboratory", "joint_laboratory"),
    ("The Sino-Chilean Coastal Robotics Laboratory opened on Monday.", "Sino-Chilean Coastal Robotics Laboratory",
     "joint_laboratory"),
    ("The Magnetic Imaging Research Centre on the campus holds two scanners.", "Magnetic Imaging Research Centre",
     "research_institute"),
    ("The Harbin-Oxford Center on Cold Region Engineering was co-constructed by HIT and Oxford University.",
     "Harbin-Oxford Center on Cold Region Engineering", "joint_research_centre"),
    ("Staff of the MIT-Tsinghua Centre for Urban Mobility presented a report.",
     "MIT-Tsinghua Centre for Urban Mobility", "joint_research_centre"),
    ("The Centre on Urban Mobility at Tongji University presented a report.", "Centre on Urban Mobility",
         "research_institute"),
    ("She heads the Centre of Excellence for Coastal Hazards at the university.",
     "Centre of Excellence for Coastal Hazards", "research_institute"),
])
def test_the_kind_follows_the_partners(text, name, lab_type):
    assert [(n, t) for n, t, _, _ in _labs(extract_rows(text))] == [(name, lab_type)]


def test_a_hyphen_inside_a_word_is_not_a_pair_of_partners():
    rows = extract_rows("Researchers at the Deep-Sea Robotics Laboratory showed their work.")
    assert [t for _, t, _, _ in _labs(rows)] == ["other"]


# --- parks of innovation and technology -------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("The 60-hectare Zhuhai/Macao Innovation & Technology Park will be the largest in the region.",
     "Zhuhai/Macao Innovation & Technology Park"),
    ("Firms in the Nanning Science and Technology Park will join the programme.",
     "Nanning Science and Technology Park"),
])
def test_innovation_and_technology_parks(text, name):
    assert [(n, t) for n, t, _, _ in _labs(extract_rows(text))] == [(name, "innovation_centre")]


def test_a_parks_corporation_is_not_a_park():
    assert _labs(extract_rows("The Hong Kong Science and Technology Parks Corporation signed the deal.")) == []


# --- directors named beside a lab ------------------------------------------------------------------------------

def _directors(rows):
    people = {p["person_id"]: p["full_name"] for p in rows["people"]}
    return {lab["name"]: people.get(lab["director_person_id"]) for lab in rows["labs"]}


@pytest.mark.parametrize("text, name, director", [
    ("Led by Prof. WONG Kai-Ming, the Executive Director of State Key Laboratory of Ocean Optics, the laboratory "
     "grew.", "State Key Laboratory of Ocean Optics", "Wong Kai-Ming"),
    ("Chen Hao, director of the National Key Laboratory for Rice Genetics, introduced the team.",
     "National Key Laboratory for Rice Genetics", "Chen Hao"),
    ("Guests included Li Ming, interim director of UM’s Institute of Collaboration; Zhou Yan, head of UM’s Joint "
     "Centre for Brain Sciences; and others.", "Joint Centre for Brain Sciences", "Zhou Yan"),
    ("Wang Fang, Director of the Joint Laboratory of Soil Biology, spoke.", "Joint Laboratory of Soil Biology",
     "Wang Fang"),
    ("Wang Fang, Deputy Director of the Joint Laboratory of Soil Biology, spoke.", "Joint Laboratory of Soil Biology",
     None),
])
def test_the_director_named_before_a_lab(text, name, director):
    assert _directors(extract_rows(text)) == {name: director}


# --- bodies named like institutes that are no labs -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The delegation signed an agreement with Hanban to establish a Confucius Institute at Rice University.",
    "The university will set up the Confucius Classroom at a local school.",
])
def test_language_and_culture_institutes_are_not_labs(text):
    assert _labs(extract_rows(text)) == []
