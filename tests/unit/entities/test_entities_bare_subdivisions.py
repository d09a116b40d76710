"""States, provinces and regions abroad named without their type word (places.py `bare_subdivisions`), their
governments, and organisation regions read from them (orgs.py).

Every sentence here is written for these tests.
"""
import pytest

from tests.support.rules import default_rulebook
from tests.unit.entity_rows import org_mentions, recognised


def _places(ents):
    return [(m.surface, m.start, ents.place_refs[m.entity_id].region_code)
            for m in ents.mentions if m.entity_type == "place"]


@pytest.mark.parametrize("text, surface, region", [
    # a distinctive name (several words, or letters English does not write) stands alone
    ("The Goiás team arrived on Monday.", "Goiás", "BR-GO"),
    ("Students from New South Wales will come in June.", "New South Wales", "AU-NSW"),
    ("A fair in Rio Grande do Sul drew many firms.", "Rio Grande do Sul", "BR-RS"),
    ("A delegation from Bình Định toured the park.", "Bình Định", "VN-31"),
    # a plain one needs its country in the document
    ("A Bavaria delegation toured Munich in Germany.", "Bavaria", "DE-BY"),
    ("The firm moved from Punjab to Lahore in Pakistan.", "Punjab", "PK-PB"),
    ("Farmers of Punjab met Indian officials in New Delhi.", "Punjab", "IN-PB"),
    ("Officials from Victoria and Canberra in Australia met.", "Victoria", "AU-VIC"),
])
def test_a_bare_subdivision_is_a_place_where_its_shape_or_the_document_s_country_settles_it(text, surface, region):
    start = text.index(surface)
    assert (surface, start, start + len(surface), region) in [(s, b, b + len(s), r) for s, b, r in _places(recognised(text))]


@pytest.mark.parametrize("text", [
    "Punjab is a large region.",            # two countries have one: no country here settles it
    "Victoria said she would come.",        # a plain word alone: a name, not a place
    "The Central team won the prize.",      # a generic word
    "Georgia signed the pact.",             # a country's name is the country, never the US state
])
def test_an_unsettled_bare_name_is_no_subdivision(text):
    ents = recognised(text)
    assert all(ents.place_refs[m.entity_id].place_type != "province" for m in ents.mentions if m.entity_type == "place")


def test_a_longer_bare_name_wins_over_a_place_inside_it():
    ents = recognised("The pact with New South Wales was renewed.")
    assert _places(ents) == [("New South Wales", 14, "AU-NSW")]


@pytest.mark.parametrize("text, government, region", [
    ("Jiangsu Province and New South Wales signed a pact.", "New South Wales", "AU-NSW"),
    ("Zhejiang Province and Goiás signed a pact.", "Goiás", "BR-GO"),
    ("Hubei Province and Isabel Province of Solomon Islands signed a pact.", "Isabel", "SB-IS"),
])
def test_an_acting_state_abroad_acts_through_its_government(text, government, region):
    ents = recognised(text)
    org = next(o for o in ents.orgs.values() if o.canonical_name == government)
    assert (org.org_type, org.region_code) == ("government", region)


@pytest.mark.parametrize("text, name, region", [
    ("Universidad Tecnológica de La Habana signed.", "Universidad Tecnológica de La Habana", "CU-03"),
    ("The Universidade Federal de Goiás sent two scholars.", "Universidade Federal de Goiás", "BR-GO"),
])
def test_an_organisation_named_after_a_subdivision_abroad_is_in_its_region(text, name, region):
    org = next(o for o in recognised(text).orgs.values() if o.canonical_name == name)
    assert org.region_code == region


def test_an_ambiguous_bare_name_inside_an_organisation_gives_no_region():
    org = next(o for o in recognised("The University of Victoria signed.").orgs.values())
    assert org.region_code is None


def test_english_names_of_subdivisions_are_bare_names_too():
    assert "bavaria" in default_rulebook().bare_subdivisions
    assert "central" not in default_rulebook().bare_subdivisions


def test_a_body_named_after_a_known_body_s_possessive_belongs_to_it():
    text = "Hanoi University and the Lao Ministry of Science and Technology's New Energy and Materials Research " \
           "Institute signed."
    ents = recognised(text)
    name = "New Energy and Materials Research Institute"
    start = text.index(name)
    assert (name, start, start + len(name), name) in org_mentions(ents)
    org = next(o for o in ents.orgs.values() if o.canonical_name == name)
    assert (org.country_code, org.parent.canonical_name) == ("LA", "Lao Ministry of Science and Technology")


# ---------------------------------------------------------------- cities abroad and names in their own language
@pytest.mark.parametrize("text, name, region, country", [
    ("The University of Peshawar signed.", "University of Peshawar", "PK-KP", "PK"),
    ("Two scholars of Gomel State University arrived.", "Gomel State University", "BY-HO", "BY"),
    ("The Sheffield Institute for Translational Neuroscience opened.",
     "Sheffield Institute for Translational Neuroscience", "GB-ENG", "GB"),
    ("Instituto Politécnico de Lisboa hosted them.", "Instituto Politécnico de Lisboa", "PT-11", "PT"),
    ("Universitat Autònoma de Catalunya hosted them.", "Universitat Autònoma de Catalunya", "ES-CT", "ES"),
])
def test_an_organisation_named_after_a_place_abroad_is_in_its_region(text, name, region, country):
    org = next(o for o in recognised(text).orgs.values() if o.canonical_name == name)
    assert (org.region_code, org.country_code) == (region, country)


@pytest.mark.parametrize("text, names", [
    ("Instituto Superior de Agronomia and Universidade de Évora signed.",
     ["Instituto Superior de Agronomia", "Universidade de Évora"]),
    ("The Hochschule Mannheim and Institut Teknologi Sepuluh Nopember signed.",
     ["Hochschule Mannheim", "Institut Teknologi Sepuluh Nopember"]),
])
def test_names_that_open_with_their_head_are_split_at_and(text, names):
    assert [n for *_, n in org_mentions(recognised(text))] == names


def test_a_world_city_s_region_must_lie_in_its_country(tmp_path):
    import shutil

    from pipeline.core.reference import DEFAULT_REFERENCE_DIR, ReferenceDataError, load_rulebook
    for f in DEFAULT_REFERENCE_DIR.iterdir():
        shutil.copy(f, tmp_path / f.name)
    with (tmp_path / "world_cities.csv").open("a", encoding="utf-8") as fh:
        fh.write("Springfield,US,,CA-ON\n")
    with pytest.raises(ReferenceDataError, match="Springfield|CA-ON"):
        load_rulebook(tmp_path)


@pytest.mark.parametrize("phrase, region", [
    ("Gomel Region", "BY-HO"), ("Sverdlovsk Region", "RU-SVE"), ("North Kazakhstan Region", "KZ-59"),
    ("Republic of Tatarstan", "RU-TA"), ("Catalonia Region", "ES-CT"), ("Gyeonggi Province", "KR-41"),
])
def test_english_names_of_subdivisions_abroad_make_their_qualified_forms(phrase, region):
    from pipeline.core.entities.orgs import org_namer
    place = org_namer(default_rulebook()).place(phrase)
    assert (place.place_type, place.region_code) == ("province", region)


def test_a_region_abroad_named_in_english_acts_beside_a_chinese_province():
    text = "Hunan Province and Sverdlovsk Region of Russia forged friendly ties in 2018."
    ents = recognised(text)
    govs = {(o.canonical_name, o.region_code) for o in ents.orgs.values() if o.org_type == "government"}
    assert govs == {("Hunan Provincial Government", "CN-HN"), ("Sverdlovsk Region", "RU-SVE")}


def test_subdivision_names_must_name_known_codes(tmp_path):
    import shutil

    from pipeline.core.reference import DEFAULT_REFERENCE_DIR, ReferenceDataError, load_rulebook
    for f in DEFAULT_REFERENCE_DIR.iterdir():
        shutil.copy(f, tmp_path / f.name)
    with (tmp_path / "subdivision_names.csv").open("a", encoding="utf-8") as fh:
        fh.write("XX-99,Nowhere\n")
    with pytest.raises(ReferenceDataError, match="XX-99"):
        load_rulebook(tmp_path)
