"""Jurisdictions acting beside organisations, names with commas, ampersands, particles and possessives, capitalised
family names that look like acronyms, and the governments of countries whose English names take "the" (issue 15,
organisations and people). Every sentence here is written for these tests.
"""
import pytest

from pipeline.core.entities.orgs import org_namer
from pipeline.core.entities.people import is_pinyin_given
from tests.support.rules import default_rulebook
from tests.unit.entity_rows import org_mentions, org_names, people_names, recognised


# ---------------------------------------------------------------- jurisdictions that act
@pytest.mark.parametrize("text, expected", [
    ("Hubei Province and Isabel Province signed a sister-province pact in 2015.",
     {"Hubei Provincial Government", "Isabel"}),
    ("Yunnan Province and the Kunming Institute of Botany have launched a fund.",
     {"Yunnan Provincial Government", "Kunming Institute of Botany, Chinese Academy of Sciences"}),
    ("Brazil and Hubei Province have agreed on a plan.", {"Government of Brazil", "Hubei Provincial Government"}),
    ("He admired what was done by China, Hubei Province, and Wuhan University.",
     {"Hubei Provincial Government", "Wuhan University"}),  # the country of the province listed is where, not who
])
def test_a_jurisdiction_listed_as_an_actor_acts_through_its_government(text, expected):
    assert org_names(recognised(text)) == expected


def test_the_government_is_mentioned_at_the_place_s_own_words_and_the_place_stays():
    text = "Hunan Province and Isabel Province agreed to swap students."
    ents = recognised(text)
    assert ("Hunan Province", 0, 14, "Hunan Provincial Government") in org_mentions(ents)
    assert [(m.surface, m.start) for m in ents.mentions if m.entity_type == "place"] == [
        ("Hunan Province", 0), ("Isabel Province", 19)]


@pytest.mark.parametrize("text", [
    "Students from Hubei Province and Tsinghua University came.",
    "Hong Kong and Macao students attended.",
    "Labs in Laos and Vietnam opened.",
    "The link between Hunan Province and Isabel Province has grown.",
    "The team toured Hubei Province and Wuhan University.",
])
def test_places_that_say_where_are_no_governments(text):
    ents = recognised(text)
    assert not any(o.org_type == "government" for o in ents.orgs.values())


@pytest.mark.parametrize("text, name, person, title", [
    ("He came to meet with South Africa’s Deputy President, Mr Cyril Ramaphosa, in May.", "Government of South Africa",
     "Cyril Ramaphosa", "Deputy President"),
    ("They met Hunan Province's Vice Governor, Dr Li Wenhua, on Friday.", "Hunan Provincial Government", "Li Wenhua",
     "Vice Governor"),
    ("She thanked Tsinghua University's President, Professor Wang Xiqin.", "Tsinghua University", "Wang Xiqin",
     "President"),
])
def test_a_possessive_owner_before_a_title_and_a_comma_is_where_the_title_is_held(text, name, person, title):
    ents = recognised(text)
    p = next(p for p in ents.people.values() if p.full_name == person)
    assert [(ents.orgs[o].canonical_name, t) for o, t in p.affiliations] == [(name, title)]


# ---------------------------------------------------------------- governments of countries
@pytest.mark.parametrize("code, name, official", [
    ("PH", "Government of the Philippines", "Government of the Republic of the Philippines"),
    ("US", "Government of the United States", None),  # "United States of America" is no "<state> of <name>"
    ("CN", "Government of China", "Government of the People's Republic of China"),
    ("VN", "Government of Vietnam", "Government of the Socialist Republic of Vietnam"),  # not "Viet Nam"
    ("SG", "Government of Singapore", "Government of the Republic of Singapore"),
    ("KZ", "Government of Kazakhstan", "Government of the Republic of Kazakhstan"),
    ("KE", "Government of Kenya", "Government of the Republic of Kenya"),
    ("LK", "Government of Sri Lanka", "Government of the Democratic Socialist Republic of Sri Lanka"),
    ("FR", "Government of France", None),  # "French Republic": no "of France"
    ("GB", "Government of the United Kingdom", None),
    ("MY", "Government of Malaysia", None),  # no official name apart from the short one
    ("NL", "Government of the Netherlands", "Government of the Kingdom of the Netherlands"),
    ("CD", "Government of the Democratic Republic of the Congo", None),
    ("PS", "Government of the State of Palestine", None),
    ("LA", "Government of Laos", None),
    ("BY", "Government of Belarus", "Government of the Republic of Belarus"),
    ("HU", "Government of Hungary", None),
])
def test_a_country_s_government_is_named_by_the_short_name_with_the_official_form_kept(code, name, official):
    namer = org_namer(default_rulebook())
    gov = namer.government_of(namer.country_place(code))
    assert gov.canonical_name == name
    assert set(gov.aliases) == {name} | ({official} if official else set())
    assert namer.jurisdiction_of(gov).country_code == code


# ---------------------------------------------------------------- name shapes
@pytest.mark.parametrize("text, name, canonical", [
    ("Funds came from the Agriculture, Forestry and Fisheries Commission of Hangzhou and the university.",
     "Agriculture, Forestry and Fisheries Commission of Hangzhou",
     "Hangzhou Agriculture, Forestry and Fisheries Commission"),
    ("The Science, Technology & Innovation Commission of Shenzhen Municipality opened it.",
     "Science, Technology & Innovation Commission of Shenzhen Municipality",
     "Shenzhen Science, Technology & Innovation Commission"),
])
def test_a_name_whose_remit_holds_a_comma_is_one_name(text, name, canonical):
    start = text.index(name)
    assert org_mentions(recognised(text)) == [(name, start, start + len(name), canonical)]


def test_a_place_before_a_comma_is_no_part_of_the_next_name():
    text = "He visited Beijing, Science and Technology Commission of Tianjin officials."
    assert org_names(recognised(text)) == {"Tianjin Science and Technology Commission"}


@pytest.mark.parametrize("text, canonical", [
    ("The Innovation & Technology Commission funded it.", "Innovation and Technology Commission"),
    ("Staff of the Ministry of Science & Technology came.", "Ministry of Science and Technology"),
])
def test_an_ampersand_matches_a_known_name_written_with_and(text, canonical):
    assert org_names(recognised(text)) == {canonical}


def test_a_possessive_ends_a_name_without_its_s():
    text = "It met after the Leading Group for the Development of the Yangtze River Delta’s second session."
    name = "Leading Group for the Development of the Yangtze River Delta"
    start = text.index(name)
    assert org_mentions(recognised(text)) == [(name, start, start + len(name), name)]


@pytest.mark.parametrize("text, name", [
    ("They visited the Universidad Nacional de Asunción last week.", "Universidad Nacional de Asunción"),
    ("A team from Université de Lyon came.", "Université de Lyon"),
    ("It was signed with the Universidade Federal do Ceará in May.", "Universidade Federal do Ceará"),
])
def test_particles_inside_a_name_that_opens_with_its_head(text, name):
    start = text.index(name)
    assert org_mentions(recognised(text)) == [(name, start, start + len(name), name)]


@pytest.mark.parametrize("name, canonical", [
    ("Zibo Municipal People’s Government", "Zibo Municipal Government"),
    ("People’s Government of Zibo Municipality", "Zibo Municipal Government"),
    ("Zibo Municipal People's Government", "Zibo Municipal Government"),
])
def test_a_people_s_government_is_the_government_whatever_the_apostrophe(name, canonical):
    assert org_namer(default_rulebook()).from_name(name).canonical_name == canonical


@pytest.mark.parametrize("name, org_type", [
    ("Zibo City Committee", "other"),
    ("Hubei Provincial Party Committee", "other"),
    ("Hubei Provincial Science and Technology Committee", "government_department"),
])
def test_a_party_committee_of_a_place_is_no_department(name, org_type):
    assert org_namer(default_rulebook()).from_name(name).org_type == org_type


@pytest.mark.parametrize("name, region", [
    ("Hong Kong-Shenzhen Innovation Park Company Limited", "CN-HK"),
    ("PolyU-Wuxi Technology and Innovation Research Institute", "CN-JS"),
    ("Macao-Zhuhai Robotics Institute", "CN-MO"),
])
def test_a_place_inside_a_hyphenated_compound_gives_the_region(name, region):
    assert org_namer(default_rulebook()).from_name(name).region_code == region


# ---------------------------------------------------------------- people
@pytest.mark.parametrize("text, person", [
    ("Director of the Planning Office LU Xin gave a tour.", "Lu Xin"),
    ("The report was read by Professor HE Qiang at noon.", "He Qiang"),
])
def test_a_family_name_in_capitals_before_a_given_name_is_no_acronym(text, person):
    ents = recognised(text)
    assert person in people_names(ents)
    assert "Lingnan University" not in org_names(ents)


def test_a_known_acronym_alone_is_still_the_organisation():
    assert org_names(recognised("LU signed with HKU.")) == {"Lingnan University", "The University of Hong Kong"}


@pytest.mark.parametrize("word, expected", [("Zhongyuan", True), ("Zhuangzhuang", True), ("Qin", True),
                                            ("Strawberry", False), ("Manchester", False)])
def test_two_syllable_given_names_run_to_twelve_letters(word, expected):
    assert is_pinyin_given(default_rulebook(), word) is expected


def test_a_bare_pinyin_name_with_a_long_given_name_is_a_person():
    assert people_names(recognised("The mayor met with Zhao Zhongyuan from the park on Monday.")) == {"Zhao Zhongyuan"}
