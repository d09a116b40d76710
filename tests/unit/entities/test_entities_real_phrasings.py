"""People and organisations written the way outlets other than the project's own write them (issue 15).

Every sentence here is written for these tests.
"""
import pytest

from pipeline.core.entities.orgs import org_namer
from pipeline.core.reference import top_region
from tests.support.rules import default_rulebook
from tests.unit.entity_rows import org_names, people_names, recognised


def _person_mentions(ents):
    return [(m.surface, m.start, m.end) for m in ents.mentions if m.entity_type == "person"]


def _affiliation(ents, full_name):
    person = next(p for p in ents.people.values() if p.full_name == full_name)
    org_id, title = person.affiliations[0]
    return (ents.orgs[org_id].canonical_name if org_id else None), title


# ---------------------------------------------------------------- letters beyond ASCII, particles, possessives
@pytest.mark.parametrize("text, expected", [
    ("Witnessed by Inês Calçada, dean of the law school, the deal was signed.", {"Inês Calçada"}),
    ("Talks were held with Tomás Ruiz de la Fuente, Rector of the university, on Monday.", {"Tomás Ruiz de la Fuente"}),
    ("The guests included Dr Pieter van der Berg and Professor Zoë Ångström.", {"Pieter van der Berg", "Zoë Ångström"}),
    ("Dr Ahmad bin Yusof opened the session.", {"Ahmad bin Yusof"}),
    ("Professor Joaquim Pedro dos Santos spoke first.", {"Joaquim Pedro dos Santos"}),
])
def test_accented_letters_and_particles_stay_in_the_name(text, expected):
    assert people_names(recognised(text)) == expected


@pytest.mark.parametrize("text", [
    "Professor Laura de la Vega.",           # a particle never ends a name: "Vega" does
    "It was hosted by Dr Olu Adeyemi da.",   # a dangling particle is not part of the name
])
def test_a_particle_is_never_the_last_word(text):
    assert all(not n.split()[-1][0].islower() for n in people_names(recognised(text)))


@pytest.mark.parametrize("text, surface, start", [
    ("Professor Helen Marsh's team visited the campus.", "Professor Helen Marsh", 0),
    ("Guests toured Dr Samuel Okoro’s laboratory.", "Dr Samuel Okoro", 14),
])
def test_a_possessive_ends_the_name_before_its_s(text, surface, start):
    ents = recognised(text)
    assert _person_mentions(ents) == [(surface, start, start + len(surface))]
    assert text[start:start + len(surface)] == surface


@pytest.mark.parametrize("text, expected", [
    ("The centre was welcomed by Pavel K. Orlov, consul general of Belarus, on Friday.", {"Pavel K. Orlov"}),
    ("Anna M. Kowalska, Rector of the academy, signed.", {"Anna M. Kowalska"}),
])
def test_a_middle_initial_inside_an_apposed_name(text, expected):
    assert people_names(recognised(text)) == expected


# ---------------------------------------------------------------- long titles with no comma before the name
@pytest.mark.parametrize("text, name, org, title", [
    ("Vice Governor of Gansu Province Li Wenhua opened the forum.", "Li Wenhua", "Gansu Provincial Government",
     "Vice Governor"),
    ("The plan was praised by President of Hunan University Duan Xianzhong.", "Duan Xianzhong", "Hunan University",
     "President"),
    ("Director of Science and Technology Department ZHANG Wei spoke.", "Zhang Wei",
     "Science and Technology Department", "Director"),
])
def test_a_title_with_its_post_runs_into_the_name(text, name, org, title):
    ents = recognised(text)
    assert name in people_names(ents)
    assert _affiliation(ents, name) == (org, title)


@pytest.mark.parametrize("text, expected", [
    ("The delegation met Secretary for Health & Welfare Martin Okafor on Monday.", {"Martin Okafor"}),
    ("Secretary for Transport and Public Works Joaquim Pedro da Costa cut the ribbon.", {"Joaquim Pedro da Costa"}),
    ("Lao Minister of Science and Technology Khamphet Sisouk and Chinese Ambassador to Laos Zhou Gang met.",
     {"Khamphet Sisouk", "Zhou Gang"}),
    ("The delegation met Secretary for Health & Welfare Martin Okafor and Vice Governor of Gansu Province Li Wenhua.",
     {"Martin Okafor", "Li Wenhua"}),
])
def test_titles_with_ampersands_and_remits_before_names(text, expected):
    assert people_names(recognised(text)) == expected


@pytest.mark.parametrize("text", [
    "The Director of the Hong Kong Science Park welcomed them.",   # the post is the whole run: no name after it
    "Minister of Science and Technology visits the campus.",      # nothing name-shaped after the remit
    "The Governor of Isabel Province arrived.",
    "He is Director of the Centre for Marine Engineering (Macao Branch).",  # a post ending in "for X Y"
])
def test_a_post_with_no_name_after_it_is_no_person(text):
    assert people_names(recognised(text)) == set()


def test_the_title_mention_starts_at_the_title_and_ends_at_the_name():
    text = "Later, Mayor of Shenzhen Municipality Chen Ruhai toured it."
    surface = "Mayor of Shenzhen Municipality Chen Ruhai"
    assert _person_mentions(recognised(text)) == [(surface, 7, 7 + len(surface))]


# ---------------------------------------------------------------- organisations
@pytest.mark.parametrize("text, expected", [
    ("The institutes were set up with the Municipal People's Governments of Suzhou, Ningbo, and Foshan in May.",
     {"Suzhou Municipal Government", "Ningbo Municipal Government", "Foshan Municipal Government"}),
    ("It thanked the Provincial Governments of Hubei and Hunan.",
     {"Hubei Provincial Government", "Hunan Provincial Government"}),
])
def test_governments_of_several_places_are_one_each(text, expected):
    assert org_names(recognised(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # the undefined acronym is an organisation of its own (bare_acronyms), never the first word of the next name
    ("A lab was launched by QXU and Moscow University.", {"QXU", "Moscow University"}),
    ("It was signed by KAIST & Zhejiang University.", {"Korea Advanced Institute of Science and Technology",
                                                       "Zhejiang University"}),
])
def test_an_acronym_joined_by_and_is_no_part_of_the_next_name(text, expected):
    assert org_names(recognised(text)) == expected


@pytest.mark.parametrize("text, name, region, country", [
    ("Governor of Isabel Province Mark Tolo met the students.", "Isabel", "SB-IS", "SB"),
    ("Mark Tolo, Governor of Isabel Province, visited the university.", "Isabel", "SB-IS", "SB"),
])
def test_a_subdivision_abroad_acts_through_its_own_government(text, name, region, country):
    ents = recognised(text)
    org = next(o for o in ents.orgs.values() if o.canonical_name == name)
    assert (org.org_type, org.region_code, org.country_code) == ("government", region, country)


@pytest.mark.parametrize("phrase, region", [
    ("Isabel Province", "SB-IS"),
    ("State of Michigan", "US-MI"),
    ("Michigan State", "US-MI"),
])
def test_subdivisions_abroad_are_places_in_their_qualified_forms(phrase, region):
    place = org_namer(default_rulebook()).place(phrase)
    assert (place.place_type, place.region_code) == ("province", region)


@pytest.mark.parametrize("bare", ["Isabel", "Michigan", "Victoria", "Central"])
def test_a_bare_subdivision_name_is_no_place(bare):
    place = org_namer(default_rulebook()).place(bare)
    assert place is None or place.country_code in (None, "CN") or place.place_type != "province"


@pytest.mark.parametrize("code, top", [("ES-M", "ES-MD"), ("ES-LE", "ES-CL"), ("FR-35", "FR-BRE"), ("CN-GD", "CN-GD"),
                                       ("US-MI", "US-MI"), (None, None)])
def test_region_codes_are_first_level_divisions(code, top):
    assert top_region(code) == top


def test_reference_organisations_carry_first_level_region_codes():
    import pycountry
    for o in default_rulebook().organizations:
        if o.region_code:
            assert pycountry.subdivisions.get(code=o.region_code).parent_code is None, o.canonical_name


def test_an_organisation_named_after_a_city_abroad_gets_its_country_and_region():
    ents = recognised("A lab was set up by Moscow University.")
    org = next(o for o in ents.orgs.values() if o.canonical_name == "Moscow University")
    assert (org.region_code, org.country_code) == ("RU-MOW", "RU")  # world_cities.csv's region_code
