"""Foreign state bodies, missions, centres and lone family names (issue 15, organisations and people).

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import org_mentions, people_names, recognised


def _org(ents, name):
    return next(o for o in ents.orgs.values() if o.canonical_name == name)


# ---------------------------------------------------------------- another country's ministry of a known name
@pytest.mark.parametrize("text, name, country, parent", [
    ("A grant came from the Mongolian Ministry of Education last year.", "Mongolian Ministry of Education", "MN",
     "Government of Mongolia"),
    ("Officials of Kenya's Ministry of Foreign Affairs attended.", "Kenya's Ministry of Foreign Affairs", "KE",
     "Government of Kenya"),
    ("The Ministry of Science and Technology of Vietnam co-hosted it.", "Ministry of Science and Technology of Vietnam",
     "VN", "Government of Vietnam"),
    ("It was run with the Lao Ministry of Commerce.", "Lao Ministry of Commerce", "LA", None),
])
def test_a_known_ministry_name_under_another_country_is_that_country_s_ministry(text, name, country, parent):
    ents = recognised(text)
    start = text.index(name)
    assert org_mentions(ents) == [(name, start, start + len(name), name)]
    org = _org(ents, name)
    assert (org.org_type, org.country_code) == ("government_department", country)
    if parent:
        assert org.parent.canonical_name == parent


@pytest.mark.parametrize("text", [
    "China's Ministry of Education sponsored the fair.",
    "The Chinese Ministry of Education sponsored the fair.",
    "The Ministry of Education sponsored the fair.",
])
def test_china_s_own_ministry_stays_the_known_one(text):
    ents = recognised(text)
    assert {o.canonical_name for o in ents.orgs.values()} >= {"Ministry of Education"}
    assert all(o.country_code in ("CN", None) for o in ents.orgs.values())


@pytest.mark.parametrize("text, name, country", [
    ("He met staff of the South African Department of Higher Education.", "South African Department of Higher Education",
     "ZA"),
    ("A team from the Philippines' Department of Energy arrived.", "Philippines' Department of Energy", "PH"),
])
def test_a_department_owned_by_a_country_is_a_government_department(text, name, country):
    org = _org(recognised(text), name)
    assert (org.org_type, org.country_code) == ("government_department", country)


def test_a_department_with_no_owner_is_still_a_university_unit():
    assert _org(recognised("The Department of Geology hosted the talk."), "Department of Geology").org_type == \
        "university_unit"


@pytest.mark.parametrize("text, country", [
    ("The Brazilian Government welcomed the plan.", "BR"),
    ("The Government of Brazil welcomed the plan.", "BR"),
])
def test_a_demonym_government_is_the_country_s_government(text, country):
    ents = recognised(text)
    assert {(o.canonical_name, o.country_code) for o in ents.orgs.values()} == {("Government of Brazil", country)}


# ---------------------------------------------------------------- embassies and consulates
@pytest.mark.parametrize("text, name, country", [
    ("The Chinese Embassy in Kenya held a reception.", "Chinese Embassy in Kenya", "CN"),
    ("A letter from the Embassy of Chile in Beijing arrived.", "Embassy of Chile in Beijing", "CL"),
    ("The Italian Consulate General in Guangzhou joined the fair.", "Italian Consulate General in Guangzhou", "IT"),
    ("Staff of the Embassy of Peru attended.", "Embassy of Peru", "PE"),
    ("It was hosted by the Chinese Embassy in the U.S. last week.", "Chinese Embassy in the U.S.", "CN"),
])
def test_a_mission_is_its_country_s_body_named_as_written(text, name, country):
    ents = recognised(text)
    start = text.index(name)
    assert org_mentions(ents) == [(name, start, start + len(name), name)]
    org = _org(ents, name)
    assert (org.org_type, org.country_code) == ("government_department", country)


@pytest.mark.parametrize("text", ["The embassy held a reception.", "The Embassy held a reception on Monday."])
def test_a_mission_with_no_country_is_no_organisation(text):
    assert org_mentions(recognised(text)) == []


# ---------------------------------------------------------------- demonyms that belong to a name
@pytest.mark.parametrize("text, name", [
    ("Talks with the Bulgarian Academy of Sciences began.", "Bulgarian Academy of Sciences"),
    ("The Mongolian University of Life Sciences joined.", "Mongolian University of Life Sciences"),
])
def test_a_demonym_before_a_head_is_part_of_the_name(text, name):
    ents = recognised(text)
    assert name in {o.canonical_name for o in ents.orgs.values()}


def test_a_country_possessive_is_no_part_of_the_name():
    ents = recognised("It was signed with Spain's Polytechnic University of Valencia.")
    assert "Polytechnic University of Valencia" in {o.canonical_name for o in ents.orgs.values()}


# ---------------------------------------------------------------- centres
@pytest.mark.parametrize("text, name", [
    ("The deal was signed with the Geneva Climate Modelling Centre.", "Geneva Climate Modelling Centre"),
    ("Staff of the Centre for Arctic Policy Studies visited.", "Centre for Arctic Policy Studies"),
    ("The Tianjin Technology Exchange Center hosted them.", "Tianjin Technology Exchange Center"),
])
def test_a_centre_that_is_no_lab_is_an_organisation(text, name):
    ents = recognised(text)
    start = text.index(name)
    assert (name, start, start + len(name), name) in org_mentions(ents)


@pytest.mark.parametrize("text", [
    "The Marine Robotics Research Centre opened in May.",
    "A Smart Farming Innovation Center was launched.",
    "They toured the Battery Engineering Research Center.",
])
def test_a_centre_named_as_a_lab_is_left_to_the_labs(text):
    assert org_mentions(recognised(text)) == []


def test_a_known_centre_matches_in_either_spelling():
    ents = recognised("Researchers of the French National Center for Scientific Research came.")
    assert [m[3] for m in org_mentions(ents)] == ["French National Centre for Scientific Research"]


# ---------------------------------------------------------------- an acronym written against the name
@pytest.mark.parametrize("text, name, acronym", [
    ("Staff of the Institute of Soil Ecology(ISE) met them.", "Institute of Soil Ecology", "ISE"),
    ("It joined the Qingdao Ocean Academy(QOA) in 2020.", "Qingdao Ocean Academy", "QOA"),
])
def test_an_acronym_with_no_space_before_its_parenthesis(text, name, acronym):
    ents = recognised(text)
    start = text.index(name)
    org = _org(ents, name)
    assert org.acronym == acronym
    assert (name, start, start + len(name), name) in org_mentions(ents)
    k = text.index(acronym)
    assert (acronym, k, k + len(acronym), name) in org_mentions(ents)


# ---------------------------------------------------------------- names of units
@pytest.mark.parametrize("text, expected", [
    ("Staff of the Office of Global Cooperation and Exchange attended.", {"Office of Global Cooperation and Exchange"}),
    ("The Bureau of Commerce of Yunnan and the Kunming Science Park signed.",
     {"Yunnan Provincial Commerce Bureau", "Kunming Science Park"}),
])
def test_unit_names_with_cooperation_and_a_second_name_after_and_the(text, expected):
    assert {m[3] for m in org_mentions(recognised(text))} == expected


def test_and_inside_a_unit_name_before_its_university():
    text = "Officials of the School of Design and Media of the University of Leeds spoke."
    name = "School of Design and Media of the University of Leeds"
    ents = recognised(text)
    org = _org(ents, name)
    assert org.parent is not None and org.parent.canonical_name == "University of Leeds"


def test_cooperation_alone_in_a_headline_is_no_name_word():
    assert org_mentions(recognised("Cooperation Agreement Signed by Office of Research")) == [
        ("Office of Research", 32, 50, "Office of Research")]


# ---------------------------------------------------------------- a family name alone after a title
@pytest.mark.parametrize("text, expected", [
    ("Minister Okonjo opened the fair.", {"Okonjo"}),
    ("Later, Professor Hale thanked the hosts.", {"Hale"}),
    ("Signing for the firm was Dato’ Rahim.", {"Rahim"}),
])
def test_a_lone_family_name_after_a_title_is_a_person(text, expected):
    assert people_names(recognised(text)) == expected


def test_a_lone_family_name_resolves_to_the_full_name_when_there_is_one():
    ents = recognised("Professor Hale, dean of the school, spoke. Professor Martin Hale then left.")
    assert people_names(ents) == {"Martin Hale"}
    assert len(ents.people) == 1


def test_a_curly_apostrophe_honorific_is_no_name():
    assert people_names(recognised("It was signed by Dato’ Dr Chong Wei Ming.")) == {"Chong Wei Ming"}


def test_a_unit_of_the_body_after_of_the_is_two_organisations():
    text = "The Department of Asian Affairs of the Foreign Affairs Office of the Provincial Government hosted it."
    ents = recognised(text)
    body = "Foreign Affairs Office of the Provincial Government"
    assert org_mentions(ents) == [("Department of Asian Affairs", 4, 31, "Department of Asian Affairs"),
                                   (body, 39, 39 + len(body), body)]
    org = _org(ents, "Department of Asian Affairs")
    assert (org.org_type, org.parent.canonical_name) == ("government_department", body)
