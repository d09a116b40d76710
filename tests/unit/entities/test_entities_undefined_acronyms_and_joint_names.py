"""Acronyms no bracket defines, units named after their owner's possessive, joint bodies of two partners, and
"and" inside what a name is "of" (bare_acronyms.py, name_shapes.py).

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import org_mentions, recognised


def _org(ents, name):
    return next(o for o in ents.orgs.values() if o.canonical_name == name)


# ---------------------------------------------------------------- an acronym where only an organisation stands
@pytest.mark.parametrize("text, acronym, org_type", [
    ("QRU signs a memorandum with Lanzhou University.", "QRU", "university"),
    ("A lab was opened by PVTU and Moscow University.", "PVTU", "university"),
    ("Officials of Fudan University and KLMN met in May.", "KLMN", "other"),
    ("The deal was signed between UBAT and Xuchang University.", "UBAT", "university"),
    ("Dean Wang joined a WXU delegation led by its rector.", "WXU", "university"),
    ("The mayor visited companies including ZORAN and TELKO last week.", "ZORAN", "enterprise"),
    ("The mayor visited companies including ZORAN and TELKO last week.", "TELKO", "enterprise"),
    ("The agency inked a memorandum with Canada's BRX.", "BRX", "other"),
    ("The QXU President opened the forum.", "QXU", "university"),
])
def test_an_acronym_in_an_organisation_s_place_is_an_organisation(text, acronym, org_type):
    ents = recognised(text)
    start = text.index(acronym)
    assert (acronym, start, start + len(acronym), acronym) in org_mentions(ents)
    org = _org(ents, acronym)
    assert (org.acronym, org.org_type) == (acronym, org_type)


def test_every_later_mention_of_the_acronym_is_the_same_organisation():
    text = "QRU signs a memorandum with Lanzhou University. Students of QRU will visit."
    ents = recognised(text)
    assert [(s, b, e) for s, b, e, name in org_mentions(ents) if name == "QRU"] == [("QRU", 0, 3), ("QRU", 60, 63)]


@pytest.mark.parametrize("text", [
    "The MoU covers AI and IoT research for PhD students.",
    "TOP STORIES EDITOR CHOICE LATEST VIDEO",
    "The second phase is described in Chapter IV and Annex II.",
    "Prices rose by 5 percent in USD terms and in RMB terms.",
    "The QXU model is a neural network.",  # no cue: a name of a thing, not of a body
])
def test_capitals_that_are_no_organisation_stay_unread(text):
    assert org_mentions(recognised(text)) == []


@pytest.mark.parametrize("text, acronym, name", [
    ("Huizhou University was founded long ago. HZU and Moscow University opened a lab.", "HZU", "Huizhou University"),
    ("Jiangxi Normal University has a new partner. Last week JXNU hosted the team.", "JXNU", "Jiangxi Normal University"),
    ("The Texas Southern University choir sang. Later TSU thanked them.", "TSU", "Texas Southern University"),
    # an invented name (the real one is in the world list, under its English canonical name)
    ("Universiti Tunku Hamzah Rahim has a campus in Kampar. UTHR thanked the donors.", "UTHR",
     "Universiti Tunku Hamzah Rahim"),
])
def test_an_acronym_that_spells_a_name_of_the_document_is_that_organisation(text, acronym, name):
    ents = recognised(text)
    start = text.index(acronym)
    assert (acronym, start, start + len(acronym), name) in org_mentions(ents)
    assert _org(ents, name).acronym == acronym


def test_two_swapped_letters_of_a_known_acronym_are_a_typo_not_a_new_body():
    text = "Shanghai Jiao Tong University (SJTU) signed the plan. The STJU team will visit."
    ents = recognised(text)
    assert ("STJU", 58, 62, "Shanghai Jiao Tong University") in org_mentions(ents)


# ---------------------------------------------------------------- a unit after its owner's possessive
@pytest.mark.parametrize("text, unit, owner, org_type", [
    ("He met the head of UM's Institute of Applied Physics yesterday.", "Institute of Applied Physics",
     "University of Macau", "university_unit"),
    ("Tsinghua University’s School of Life Sciences hosted it.", "School of Life Sciences", "Tsinghua University",
     "university_unit"),
    ("Staff of Peking University's Centre for Urban Studies attended.", "Centre for Urban Studies", "Peking University",
     "university_unit"),
])
def test_a_unit_named_after_its_owner_s_possessive_is_a_unit_of_that_owner(text, unit, owner, org_type):
    ents = recognised(text)
    start = text.index(unit)
    assert (unit, start, start + len(unit), unit) in org_mentions(ents)
    org = _org(ents, unit)
    assert (org.org_type, org.parent.canonical_name) == (org_type, owner)


def test_a_possessive_before_a_name_that_opens_with_no_head_stands_for_the_owner():
    assert {n for *_, n in org_mentions(recognised("Huawei's Enterprise Business Group signed."))} == \
        {"Huawei Technologies Co., Ltd."}


# ---------------------------------------------------------------- joint bodies and fields named with "and"
@pytest.mark.parametrize("text, name, parent", [
    ("The Joint Institute of Wuhan University and Lincoln University opened.",
     "Joint Institute of Wuhan University and Lincoln University", "Wuhan University"),
    ("Work began at the Joint School of Xiamen University and Cardiff University in spring.",
     "Joint School of Xiamen University and Cardiff University", "Xiamen University"),
])
def test_a_joint_body_of_two_partners_is_one_organisation(text, name, parent):
    ents = recognised(text)
    start = text.index(name)
    assert (name, start, start + len(name), name) in org_mentions(ents)
    assert _org(ents, name).parent.canonical_name == parent


def test_a_unit_of_one_and_another_body_are_still_two():
    text = "The Department of Physics of Tsinghua University and Peking University signed."
    assert {n for *_, n in org_mentions(recognised(text))} == {"Department of Physics of Tsinghua University",
                                                               "Peking University"}


@pytest.mark.parametrize("name", [
    "Faculty of Engineering and Information Technologies",
    "School of Computer Science and Information Systems",
])
def test_a_field_after_and_is_part_of_the_unit_s_name(name):
    text = f"It was signed with the {name} of Alpha University."
    ents = recognised(text)
    assert [n for *_, n in org_mentions(ents)][0] == f"{name} of Alpha University"


# ---------------------------------------------------------------- a remit listed with commas
@pytest.mark.parametrize("text, name", [
    ("A team met the Chief Scientist of the Ruritanian Ministry of Industry, Trade and Labour.",
     "Ruritanian Ministry of Industry, Trade and Labour"),
    ("It was backed by the Ministry of Higher Education, Science, Research and Innovation last year.",
     "Ministry of Higher Education, Science, Research and Innovation"),
    ("She is dean of the College of Science, Engineering and Technology at Alpha University.",
     "College of Science, Engineering and Technology"),
    ("The Department of Agriculture, Forestry & Fisheries sent two officials.",
     "Department of Agriculture, Forestry & Fisheries"),
])
def test_a_remit_listed_with_commas_is_one_name(text, name):
    start = text.index(name)
    assert (name, start, start + len(name), name) in org_mentions(recognised(text))


@pytest.mark.parametrize("text, names", [
    ("The Ministry of Education, Peking University and Tsinghua University signed.",
     {"Ministry of Education", "Peking University", "Tsinghua University"}),
    ("The Department of Physics, Wuhan and Nanjing sent delegates.", {"Department of Physics"}),
])
def test_names_listed_with_commas_are_not_one_remit(text, names):
    assert {n for *_, n in org_mentions(recognised(text)) if "Government" not in n} == names


@pytest.mark.parametrize("text, name, country, government", [
    ("The fair was run by Kenya's Ministry of Higher Education, Science, Research and Innovation.",
     "Ministry of Higher Education, Science, Research and Innovation", "KE", "Government of Kenya"),
    ("The Chinese Embassy in Peru and Peru's Ministry of Energy and Mines co-hosted it.",
     "Ministry of Energy and Mines", "PE", "Government of Peru"),
])
def test_a_body_after_a_country_s_possessive_is_that_country_s(text, name, country, government):
    ents = recognised(text)
    start = text.index(name)
    assert (name, start, start + len(name), name) in org_mentions(ents)
    org = _org(ents, name)
    assert (org.country_code, org.parent.canonical_name) == (country, government)


# ---------------------------------------------------------------- centres and people before "of"
@pytest.mark.parametrize("text, name, org_type", [
    ("The Norwich Plant Science Centre signed.", "Norwich Plant Science Centre", "research_institute"),
    ("A team from the Centre for Ocean Robotics came.", "Centre for Ocean Robotics", "research_institute"),
    ("The Xiamen Science and Technology Exchange Center signed.", "Xiamen Science and Technology Exchange Center",
     "other"),
    ("The fair opened at the Shenzhen Convention and Exhibition Center.", "Shenzhen Convention and Exhibition Center",
     "other"),
])
def test_a_centre_is_a_research_body_unless_its_words_say_otherwise(text, name, org_type):
    assert _org(recognised(text), name).org_type == org_type


def test_a_centre_named_in_quotes_is_a_lab_not_an_organisation():
    assert org_mentions(recognised("They named the “Ocean Robotics Centre” last week.")) == []


@pytest.mark.parametrize("text, name", [
    ("Scholars of Gomel State University arrived.", "Gomel State University"),
    ("Representatives of Alpha University attended.", "Alpha University"),
    ("Students of the Beta Institute of Technology visited.", "Beta Institute of Technology"),
])
def test_people_before_of_are_no_part_of_the_name(text, name):
    start = text.index(name)
    assert (name, start, start + len(name), name) in org_mentions(recognised(text))


@pytest.mark.parametrize("text, name, country", [
    ("The Brazilian Space Agency signed.", "Brazilian Space Agency", "BR"),
    ("A team of the Italian Space Agency came.", "Italian Space Agency", "IT"),
])
def test_a_demonym_opening_a_name_is_part_of_it(text, name, country):
    start = text.index(name)
    ents = recognised(text)
    assert (name, start, start + len(name), name) in org_mentions(ents)
    assert _org(ents, name).country_code == country


def test_a_demonym_before_a_known_name_is_no_part_of_it():
    assert {n for *_, n in org_mentions(recognised("The Thai Mahidol University signed."))} == {"Mahidol University"}


# ---------------------------------------------------------------- a city abroad for its university
@pytest.mark.parametrize("text, spans", [
    ("Sheffield signs a new pact with Xiamen University.", [(0, 9)]),
    ("The plan builds on Sheffield's partnerships with firms. Sheffield signed it.", [(19, 28), (56, 65)]),
])
def test_a_city_abroad_that_signs_is_the_university_named_after_it(text, spans):
    ents = recognised(text)
    assert [(b, e) for s, b, e, n in org_mentions(ents) if n == "University of Sheffield"] == spans


@pytest.mark.parametrize("text", [
    "The delegation visited Sheffield and Leeds in May.",
    "London signed a pact with Beijing.",  # no one university is named after it
])
def test_a_city_that_is_only_a_place_stays_a_place(text):
    assert org_mentions(recognised(text)) == []


@pytest.mark.parametrize("text, name, org_type", [
    ("Tralee Institute of Technology signed.", "Tralee Institute of Technology", "university"),
    ("Instituto Politécnico de Leiria signed.", "Instituto Politécnico de Leiria", "university"),
    ("The Institute of Technology of Alpha University signed.", "Institute of Technology of Alpha University",
     "university_unit"),
    ("Beta Institute of Advanced Study signed.", "Beta Institute of Advanced Study", "research_institute"),
])
def test_an_institute_of_technology_is_a_university_unless_a_university_s(text, name, org_type):
    assert _org(recognised(text), name).org_type == org_type
