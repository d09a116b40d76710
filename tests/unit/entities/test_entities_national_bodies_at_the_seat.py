"""A body named for its whole country sits in the country's capital (issue 15): "University of X", "X National
University", a country's academy, council or ministry whose name names no place of its own takes the region of the
seat of government (capitals.csv). Every sentence and name here is written for these tests."""
import pytest

from pipeline.core.entities.orgs import org_namer
from pipeline.core.reference import ReferenceDataError, load_capitals
from tests.support.rules import default_rulebook
from tests.unit.entity_rows import recognised


def _orgs(text):
    return {o.canonical_name: o for o in recognised(text).orgs.values()}


@pytest.mark.parametrize("text, name, region", [
    ("A delegation from the Bulgarian Academy of Sciences toured the labs.", "Bulgarian Academy of Sciences", "BG-22"),
    ("The Serbian Academy of Sciences and Arts signed the memorandum.", "Serbian Academy of Sciences and Arts", "RS-00"),
    ("Scholars of the Georgian Academy of Agricultural Sciences visited Harbin.",
     "Georgian Academy of Agricultural Sciences", "GE-TB"),
    ("The Pakistan Agricultural Research Council will host the centre.", "Pakistan Agricultural Research Council",
     "PK-IS"),
])
def test_a_country_s_own_body_in_a_sentence_sits_in_its_capital(text, name, region):
    assert _orgs(text)[name].region_code == region


@pytest.mark.parametrize("name, country, region", [
    ("University of Zambia", "ZM", "ZM-09"),
    ("National Academy of Sciences of Armenia", "AM", "AM-ER"),
    ("Lao Ministry of Science and Technology", "LA", "LA-VT"),
    ("Mongolian Academy of Agricultural Sciences", "MN", "MN-1"),
    ("Peruvian Institute of Nuclear Energy", "PE", "PE-LMA"),
    ("Kenya National Research Council", "KE", "KE-30"),
    # a place of the country in the name wins over the capital
    ("University of Western Australia", "AU", "AU-WA"),
    ("Peruvian Institute of Cusco", "PE", "PE-CUS"),
    ("Universiti Brunei Darussalam", "BN", "BN-BM"),  # after a head word
])
def test_a_name_that_names_its_country_takes_the_seat_s_region(name, country, region):
    assert org_namer(default_rulebook()).from_name(name).region_code == region


@pytest.mark.parametrize("name, country", [
    ("Federal Polytechnic Institute", "NG"),  # names no country
    ("University of Nigeria, Nsukka", "NG"),  # a campus named after a comma is no capital's
    ("Kenyan Institute of Marine Research", "UG"),  # another country's demonym
    ("Ministry of Agriculture", "KE"),  # names no country
    ("China Academy of Space Technology", "CN"),  # China's bodies take their regions from their places
    ("Andean Centre for South America Studies", "US"),  # a country's name inside a larger place's
    ("Latin America Research Institute", "US"),
    # a remit that needs a site of its own: by the sea, not at the seat
    ("Peruvian Institute of Marine Research", "PE"),
    ("Nigerian Institute of Oceanography and Marine Research", "NG"),
    ("Swiss Federal Institute of Aquatic Science and Technology", "CH"),
    ("Kenya Marine and Fisheries Research Institute", "KE"),
    ("Australian Institute of Marine Science", "AU"),
    # a country whose seat moved while its national bodies stayed in the old capital
    ("Kazakh National Agrarian University", "KZ"),
    ("Nigerian Institute of Medical Research", "NG"),
    ("University of Medicine of Myanmar", "MM"),
    # a campus of a national system spread over the country
    ("Indian Institute of Technology Kharagpur", "IN"),
    ("Indian Institute of Management Ahmedabad", "IN"),
    ("Universidad Nacional de Colombia Sede Medellin", "CO"),
])
def test_no_seat_for_a_name_that_does_not_name_its_own_country(name, country):
    assert org_namer(default_rulebook()).seat_region(name, country) is None


@pytest.mark.parametrize("text, name", [
    ("Egypt Fiber Systems Company signed a supply contract.", "Egypt Fiber Systems Company"),
    ("Kenya Solar Technologies Ltd. built the plant.", "Kenya Solar Technologies Ltd."),
])
def test_a_company_named_for_its_market_gets_no_seat(text, name):
    orgs = _orgs(text)
    org = next(o for n, o in orgs.items() if n.startswith(name.split()[0]))
    assert org.org_type == "enterprise" and org.region_code is None


def test_the_capitals_file_has_every_region_a_subdivision_of_its_country(tmp_path):
    (tmp_path / "capitals.csv").write_text("country_code,capital,region_code\nZM,Lusaka,KE-30\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="line 2"):
        load_capitals(tmp_path)


def test_the_capitals_file_is_read_at_the_first_level():
    capitals = load_capitals(default_rulebook().directory)
    assert capitals["ES"] == "ES-MD" and capitals["ID"] == "ID-JW" and "CN" not in capitals


@pytest.mark.parametrize("text, name, region", [
    ("The Lao Ministry of Science and Technology and the university signed the plan.",
     "Lao Ministry of Science and Technology", "LA-VT"),
    ("South Africa's Department of Science and Technology hosted the talks.",
     "South Africa's Department of Science and Technology", "ZA-GP"),
    ("The Ministry of Science and Technology of Mongolia sent two experts.",
     "Ministry of Science and Technology of Mongolia", "MN-1"),
])
def test_a_known_state_body_of_another_country_sits_in_that_country_s_capital(text, name, region):
    org = _orgs(text)[name]
    assert (org.region_code, org.country_code) == (region, region.split("-")[0])
