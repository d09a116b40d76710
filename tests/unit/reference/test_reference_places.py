"""Integrity checks for the place gazetteer and the country alias table.

These files are hand-curated reference data; the checks catch the mistakes a
hand edit makes (a typo in a region code, a parent that names no row, a city
entered twice) before they turn into wrong region codes in the warehouse.
"""

import csv
from collections import Counter
from pathlib import Path

import pycountry
import pytest

REFERENCE = Path(__file__).resolve().parents[3] / "pipeline" / "reference"
PLACES_HEADER = ["name", "place_type", "region_code", "country_code", "parent", "aliases"]
ALIASES_HEADER = ["alpha_2", "alias", "kind"]
PLACE_TYPES = {
    "country",
    "province",
    "municipality",
    "special_administrative_region",
    "city",
    "district",
    "other",
}
CN_SUBDIVISIONS = {s.code for s in pycountry.subdivisions.get(country_code="CN")}
PROVINCIAL_TYPES = {"province", "municipality", "special_administrative_region"}


def _read(name: str) -> tuple[list[str], list[dict[str, str]]]:
    with open(REFERENCE / name, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def places() -> list[dict[str, str]]:
    header, rows = _read("places.csv")
    assert header == PLACES_HEADER
    return rows


@pytest.fixture(scope="module")
def country_aliases() -> list[dict[str, str]]:
    header, rows = _read("country_aliases.csv")
    assert header == ALIASES_HEADER
    return rows


def _one(places, name, region_code=None):
    found = [
        r for r in places if r["name"] == name and region_code in (None, r["region_code"])
    ]
    assert len(found) == 1, (name, region_code, found)
    return found[0]


def test_place_types_are_in_enum(places):
    assert {r["place_type"] for r in places} <= PLACE_TYPES


def test_region_codes_are_cn_subdivisions(places):
    bad = [r["name"] for r in places if r["region_code"] and r["region_code"] not in CN_SUBDIVISIONS]
    assert not bad


def test_only_multi_province_regions_lack_region_code(places):
    assert all(r["region_code"] or r["place_type"] == "other" for r in places)
    assert all(not r["region_code"] for r in places if r["place_type"] == "other")


def test_chinese_places_carry_country_cn(places):
    assert {r["country_code"] for r in places} == {"CN"}


def test_parents_resolve(places):
    names = {r["name"] for r in places} | {"China"}
    assert [r["name"] for r in places if r["parent"] not in names] == []


def test_parents_resolve_within_the_same_division(places):
    """A parent shared by two divisions (Taizhou, Suzhou) must be found in the child's own."""
    keys = {(r["name"], r["region_code"]) for r in places}
    provincial = {r["name"] for r in places if r["place_type"] in PROVINCIAL_TYPES}
    orphans = [
        r["name"]
        for r in places
        if r["parent"] not in provincial | {"China"} and (r["parent"], r["region_code"]) not in keys
    ]
    assert orphans == []


def test_no_duplicate_name_and_region(places):
    counts = Counter((r["name"], r["region_code"]) for r in places)
    assert [k for k, n in counts.items() if n > 1] == []


def test_all_provincial_level_divisions_present(places):
    provincial = {r["region_code"] for r in places if r["place_type"] in PROVINCIAL_TYPES}
    assert provincial == CN_SUBDIVISIONS
    assert len([r for r in places if r["place_type"] in PROVINCIAL_TYPES]) == 34
    assert all(r["parent"] == "China" for r in places if r["place_type"] in PROVINCIAL_TYPES)


def test_city_coverage(places):
    assert sum(r["place_type"] == "city" for r in places) >= 290


def test_aliases_are_clean(places):
    for r in places:
        aliases = r["aliases"].split("|") if r["aliases"] else []
        assert all(a and a == a.strip() for a in aliases), r["name"]
        assert r["name"] not in aliases, r["name"]


@pytest.mark.parametrize(
    ("name", "region_code", "place_type", "parent"),
    [
        ("Hebei", "CN-HE", "province", "China"),
        ("Langfang", "CN-HE", "city", "Hebei"),
        ("Xiong'an New District", "CN-HE", "district", "Hebei"),
        ("Hong Kong", "CN-HK", "special_administrative_region", "China"),
        ("Macao", "CN-MO", "special_administrative_region", "China"),
        ("Beijing", "CN-BJ", "municipality", "China"),
        ("Guangxi", "CN-GX", "province", "China"),
        ("Shuangliu", "CN-SC", "district", "Chengdu"),
        ("Nansha", "CN-GD", "district", "Guangzhou"),
        ("Kunshan", "CN-JS", "city", "Suzhou"),
        ("Sha Tin", "CN-HK", "district", "Hong Kong"),
        ("Greater Bay Area", "", "other", "China"),
    ],
)
def test_spot_checks(places, name, region_code, place_type, parent):
    row = _one(places, name, region_code)
    assert (row["place_type"], row["parent"]) == (place_type, parent)


def test_alias_spot_checks(places):
    assert "Hebei Province" in _one(places, "Hebei")["aliases"].split("|")
    assert "Guangxi Zhuang Autonomous Region" in _one(places, "Guangxi")["aliases"].split("|")
    assert "HKSAR" in _one(places, "Hong Kong")["aliases"].split("|")
    assert "Xiongan" in _one(places, "Xiong'an New District")["aliases"].split("|")


def test_shared_names_are_disambiguated(places):
    """Two rows may share a name only across divisions, and then no alias of one is an alias of the other."""
    by_name: dict[str, list[dict[str, str]]] = {}
    for r in places:
        by_name.setdefault(r["name"], []).append(r)
    for name, rows in by_name.items():
        if len(rows) < 2:
            continue
        alias_sets = [set(r["aliases"].split("|")) - {""} for r in rows]
        assert all(alias_sets), name
        assert not set.intersection(*alias_sets), name


def test_country_aliases_reference_real_countries(country_aliases):
    assert country_aliases
    assert all(pycountry.countries.get(alpha_2=r["alpha_2"]) for r in country_aliases)
    assert {r["kind"] for r in country_aliases} <= {"name", "demonym"}


def test_country_aliases_are_unique_and_new(country_aliases):
    aliases = [r["alias"].lower() for r in country_aliases]
    assert len(aliases) == len(set(aliases))
    for r in country_aliases:
        if r["kind"] != "name":
            continue
        c = pycountry.countries.get(alpha_2=r["alpha_2"])
        known = {getattr(c, k, None) for k in ("name", "common_name", "official_name")}
        assert r["alias"] not in known, r


def test_country_alias_spot_checks(country_aliases):
    pairs = {(r["alias"], r["alpha_2"]) for r in country_aliases}
    for pair in [("Hungarian", "HU"), ("USA", "US"), ("UK", "GB"), ("Russia", "RU"), ("Dutch", "NL")]:
        assert pair in pairs
    assert len({r["alpha_2"] for r in country_aliases if r["kind"] == "demonym"}) >= 120
    # Taiwan is a province row in places.csv, not a country alias.
    assert not any(r["alpha_2"] == "TW" for r in country_aliases)


def test_world_cities_are_under_a_known_foreign_country_and_not_in_places_csv(tmp_path):
    import shutil

    from pipeline.core.reference import ReferenceDataError, load_rulebook

    with (REFERENCE / "world_cities.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    codes = [r["country_code"] for r in rows]
    assert all(pycountry.countries.get(alpha_2=c) is not None and c != "CN" for c in codes)
    with (REFERENCE / "places.csv").open(encoding="utf-8", newline="") as handle:
        chinese = {r["name"] for r in csv.DictReader(handle)}
    names = [r["name"] for r in rows]
    assert not set(names) & chinese and len(names) == len(set(names))

    broken = tmp_path / "reference"
    shutil.copytree(REFERENCE, broken)
    with (broken / "world_cities.csv").open("a", encoding="utf-8") as handle:
        handle.write("Atlantis,XX,\n")
    with pytest.raises(ReferenceDataError, match="world_cities.csv line"):
        load_rulebook(broken)
