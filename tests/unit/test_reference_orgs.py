"""Organisation and title reference data: well-formed, internally consistent, and right on known cases.

These files drive the gazetteer, so a duplicated alias or a wrong region silently mislabels every
article that mentions the organisation; the checks here catch that before a run does.
"""
import csv
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest
import yaml

from pipeline.core.reference import ORG_TYPES, load_organizations

REFERENCE_DIR = Path(__file__).resolve().parents[2] / "pipeline" / "reference"
HEADER = ["canonical_name", "acronym", "org_type", "region_code", "country_code", "parent", "aliases"]


def _read_rows():
    with (REFERENCE_DIR / "organizations.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return reader.fieldnames, list(reader)


HEADER_SEEN, ROWS = _read_rows()
BY_NAME = {r["canonical_name"]: r for r in ROWS}


def _aliases(row) -> list[str]:
    return [a for a in row["aliases"].split("|") if a]


def _by_form(form: str) -> dict:
    """The one row whose canonical name, acronym or alias is `form` (case-insensitive)."""
    hits = [r for r in ROWS
            if form.lower() in {x.lower() for x in (r["canonical_name"], r["acronym"], *_aliases(r)) if x}]
    assert len(hits) == 1, f"{form!r} names {len(hits)} organisations"
    return hits[0]


def test_header_is_exact():
    assert HEADER_SEEN == HEADER


def test_project_loader_accepts_the_file():
    assert len(load_organizations(REFERENCE_DIR)) == len(ROWS)


def test_org_type_in_enum():
    bad = [(r["canonical_name"], r["org_type"]) for r in ROWS if r["org_type"] not in ORG_TYPES]
    assert not bad


def test_region_codes_are_real_subdivisions_of_the_country():
    for r in ROWS:
        if r["region_code"]:
            sub = pycountry.subdivisions.get(code=r["region_code"])
            assert sub is not None, (r["canonical_name"], r["region_code"])
            assert sub.country_code == r["country_code"], r["canonical_name"]


def test_country_codes_are_real():
    for r in ROWS:
        if r["country_code"]:
            assert pycountry.countries.get(alpha_2=r["country_code"]) is not None, r["canonical_name"]


def test_international_organisations_have_no_home():
    for r in ROWS:
        if r["org_type"] == "international_organization":
            assert not r["region_code"] and not r["country_code"], r["canonical_name"]


def test_every_parent_resolves_and_there_are_no_cycles():
    for r in ROWS:
        seen, cur = {r["canonical_name"]}, r
        while cur["parent"]:
            assert cur["parent"] in BY_NAME, (cur["canonical_name"], cur["parent"])
            cur = BY_NAME[cur["parent"]]
            assert cur["canonical_name"] not in seen, f"parent cycle through {r['canonical_name']!r}"
            seen.add(cur["canonical_name"])


def test_no_duplicate_canonical_names():
    names = [r["canonical_name"].lower() for r in ROWS]
    assert len(names) == len(set(names))


def test_no_surface_form_names_two_organisations():
    owners = defaultdict(set)
    for r in ROWS:
        for form in (r["canonical_name"], r["acronym"], *_aliases(r)):
            if form:
                owners[form.lower()].add(r["canonical_name"])
    shared = {form: names for form, names in owners.items() if len(names) > 1}
    assert not shared


def test_cells_have_no_stray_whitespace():
    for r in ROWS:
        for key in HEADER:
            assert r[key] == r[key].strip(), (r["canonical_name"], key)
        assert all(a == a.strip() for a in r["aliases"].split("|")), r["canonical_name"]


def test_each_sar_has_exactly_one_whole_government():
    """The pipeline represents 'Hong Kong' acting as a party by the one government row of its region."""
    for region, name in (("CN-HK", "Government of the Hong Kong Special Administrative Region"),
                         ("CN-MO", "Government of the Macao Special Administrative Region")):
        govs = [r["canonical_name"] for r in ROWS if r["org_type"] == "government" and r["region_code"] == region]
        assert govs == [name]


@pytest.mark.parametrize("form, canonical, org_type, region", [
    ("PolyU", "The Hong Kong Polytechnic University", "university", "CN-HK"),
    ("Hong Kong Polytechnic University", "The Hong Kong Polytechnic University", "university", "CN-HK"),
    ("CityU", "City University of Hong Kong", "university", "CN-HK"),
    ("OUHK", "Hong Kong Metropolitan University", "university", "CN-HK"),
    ("Macao Polytechnic Institute", "Macao Polytechnic University", "university", "CN-MO"),
    ("MOST", "Ministry of Science and Technology", "government_department", ""),
    ("State Ministry of Science and Technology", "Ministry of Science and Technology", "government_department", ""),
    ("CAS", "Chinese Academy of Sciences", "research_institute", ""),
    ("Chinese Academy of Science", "Chinese Academy of Sciences", "research_institute", ""),
    ("NSFC", "National Natural Science Foundation of China", "government_department", ""),
    ("Huawei", "Huawei Technologies Co., Ltd.", "enterprise", "CN-GD"),
    ("China Agricultural University", "China Agricultural University", "university", "CN-BJ"),
    ("Zhejiang University", "Zhejiang University", "university", "CN-ZJ"),
    ("World Bank", "World Bank", "international_organization", ""),
    ("FAO", "Food and Agriculture Organization of the United Nations", "international_organization", ""),
    ("HKSAR Government", "Government of the Hong Kong Special Administrative Region", "government", "CN-HK"),
    ("ITB", "Innovation, Technology and Industry Bureau", "government_department", "CN-HK"),
    ("ITC", "Innovation and Technology Commission", "government_department", "CN-HK"),
    ("HKSTP", "Hong Kong Science and Technology Parks Corporation", "other", "CN-HK"),
    ("National Defence University", "PLA National Defense University", "military", "CN-BJ"),
])
def test_spot_checks(form, canonical, org_type, region):
    row = _by_form(form)
    assert (row["canonical_name"], row["org_type"], row["region_code"]) == (canonical, org_type, region)


def test_ministries_hang_under_the_state_council():
    state_council = _by_form("State Council")
    assert state_council["org_type"] == "government"
    for form in ("MOST", "MOE", "MIIT", "NDRC", "Hong Kong and Macao Affairs Office"):
        assert _by_form(form)["parent"] == state_council["canonical_name"], form


def test_hong_kong_departments_belong_to_the_hksar_government():
    hksar = "Government of the Hong Kong Special Administrative Region"
    for form in ("EMSD", "ITIB", "UGC"):
        assert _by_form(form)["parent"] == hksar, form


# ---------------------------------------------------------------------- titles
@pytest.fixture(scope="module")
def titles():
    return yaml.safe_load((REFERENCE_DIR / "titles.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("key", ["honorifics", "modifiers", "heads"])
def test_title_lists_are_non_empty_unique_strings(titles, key):
    values = titles[key]
    assert isinstance(values, list) and values
    assert all(isinstance(v, str) and v and v == v.strip() for v in values)
    assert len(values) == len(set(values))


def test_title_heads_cover_the_common_roles(titles):
    heads = set(titles["heads"])
    for head in ("Mayor", "Governor", "Vice Governor", "Party Secretary", "President", "Vice President",
                 "Council Chairman", "Director", "Dean", "Chief Executive", "Secretary", "Engineer-in-chief",
                 "General Manager", "Minister", "Vice Minister", "Director-General", "Ambassador"):
        assert head in heads, head


def test_title_heads_are_capitalised_as_in_news(titles):
    for head in titles["heads"]:
        assert head[0].isupper(), head


def test_honorifics_and_modifiers_include_the_usual_forms(titles):
    assert {"Dr", "Dr.", "Mr", "Ms", "Professor", "Prof.", "Ir", "Academician"} <= set(titles["honorifics"])
    assert {"Vice", "Deputy", "Executive", "Acting", "Former"} <= set(titles["modifiers"])


def test_secretary_for_pattern_flag(titles):
    assert titles.get("secretary_for_pattern") is True
