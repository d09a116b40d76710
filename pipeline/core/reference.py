"""Reference data: gazetteers, organisations, titles, lexicons and triggers, loaded and validated once.

Rules are data: everything the extractors know about the world lives in `pipeline/reference/`.
A malformed file fails loudly here (ReferenceDataError naming the file and row) instead of
silently weakening extraction.
"""
from __future__ import annotations

import csv
import functools
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
import yaml

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "reference"

ORG_TYPES = ("university", "university_unit", "government", "government_department", "enterprise",
             "research_institute", "laboratory", "international_organization", "military", "other")
PLACE_TYPES = ("country", "province", "municipality", "special_administrative_region", "city", "district", "other")
# The places a government acts for ("the Mayor of Zhuhai", "Hungary signed ..."): every type but "other".
JURISDICTION_TYPES = ("country", "province", "municipality", "special_administrative_region", "city", "district")


class ReferenceDataError(ValueError):
    """A reference file is missing, malformed or inconsistent."""


@dataclass(frozen=True)
class PlaceRef:
    name: str
    place_type: str
    region_code: str | None
    country_code: str | None
    parent: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class OrgRef:
    canonical_name: str
    acronym: str | None
    org_type: str
    region_code: str | None
    country_code: str | None
    parent: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Domain:
    domain_id: str
    label: str
    major_id: str
    major_label: str


@dataclass
class Reference:
    places: list[PlaceRef]
    organizations: list[OrgRef]
    honorifics: list[str]
    title_modifiers: list[str]
    title_heads: list[str]
    domains: list[Domain]
    domain_lexicon: dict[str, str]  # lower-case phrase -> domain_id
    names: dict
    rules: dict
    fingerprint: str
    demonyms: dict[str, str] = field(default_factory=dict)  # lower-case demonym -> alpha_2
    portfolio_words: list[str] = field(default_factory=list)  # remit words after a title ("for Transport and Works")

    @functools.cached_property
    def place_by_name(self) -> dict[str, PlaceRef]:
        return {p.name: p for p in self.places}

    @functools.cached_property
    def org_by_name(self) -> dict[str, OrgRef]:
        return {o.canonical_name: o for o in self.organizations}

    @functools.cached_property
    def region_names(self) -> dict[str, str]:
        """ISO 3166-2 code -> the display name of the provincial-level division."""
        return {p.region_code: p.name for p in self.places
                if p.region_code and p.place_type in ("province", "municipality", "special_administrative_region")}


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(a.strip() for a in (cell or "").split("|") if a.strip())


def _read_csv(path: Path, header: list[str]) -> list[dict[str, str]]:
    if not path.exists():
        raise ReferenceDataError(f"{path.name}: file missing")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames is None or list(reader.fieldnames)[: len(header)] != header:
            raise ReferenceDataError(f"{path.name}: header must start with {','.join(header)}, got {reader.fieldnames}")
        return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


def _read_yaml(path: Path) -> dict:
    if not path.exists():
        raise ReferenceDataError(f"{path.name}: file missing")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ReferenceDataError(f"{path.name}: expected a mapping at the top level")
    return data


def _valid_region(code: str) -> bool:
    return pycountry.subdivisions.get(code=code) is not None


def load_places(directory: Path) -> list[PlaceRef]:
    rows = _read_csv(directory / "places.csv", ["name", "place_type", "region_code", "country_code", "parent", "aliases"])
    out = []
    for n, r in enumerate(rows, start=2):
        if r["place_type"] not in PLACE_TYPES:
            raise ReferenceDataError(f"places.csv line {n}: place_type {r['place_type']!r} not in {PLACE_TYPES}")
        if r["region_code"] and not _valid_region(r["region_code"]):
            raise ReferenceDataError(f"places.csv line {n}: unknown region_code {r['region_code']!r}")
        out.append(PlaceRef(r["name"], r["place_type"], r["region_code"] or None, r["country_code"] or None,
                            r["parent"] or None, _split(r["aliases"])))
    return out


def load_world_cities(directory: Path, countries: list[PlaceRef], taken: set[str]) -> list[PlaceRef]:
    """Cities outside China (world_cities.csv), under their country: hosts and origins of visits abroad.

    Chinese places belong in places.csv, with their region codes; a city listed in both is an error.
    """
    rows = _read_csv(directory / "world_cities.csv", ["name", "country_code", "aliases"])
    country_name = {c.country_code: c.name for c in countries}
    out = []
    for n, r in enumerate(rows, start=2):
        code = r["country_code"]
        if code not in country_name or code == "CN":
            raise ReferenceDataError(f"world_cities.csv line {n}: unknown or Chinese country_code {code!r}")
        if not r["name"] or r["name"] in taken:
            raise ReferenceDataError(f"world_cities.csv line {n}: empty name or already a place: {r['name']!r}")
        taken.add(r["name"])
        out.append(PlaceRef(r["name"], "city", None, code, country_name[code], _split(r["aliases"])))
    return out


# pycountry subdivision types -> the English words news writes after (or before) a subdivision's name.
_SUBDIVISION_WORDS = {"Province": ("Province",), "Region": ("Region",), "Administrative region": ("Region",),
                      "Autonomous region": ("Region",), "Metropolitan region": ("Region",), "State": ("State",),
                      "Land": ("State",), "Prefecture": ("Prefecture",), "County": ("County",),
                      "Governorate": ("Governorate",), "Oblast": ("Oblast", "Region"), "Territory": ("Territory",),
                      "Union territory": ("Territory",)}
_NOT_SUBDIVIDED_HERE = ("CN", "HK", "MO", "TW")  # China's divisions are places.csv rows, with Chinese names


def top_region(code: str | None) -> str | None:
    """The first-level ISO 3166-2 division a code belongs to: 'ES-M' (Madrid province) -> 'ES-MD' (Comunidad de
    Madrid), 'FR-35' -> 'FR-BRE'. A region_code names the first-level division, as CN-xx does for China."""
    seen = 0
    while code and seen < 4:
        sub = pycountry.subdivisions.get(code=code)
        if sub is None or not sub.parent_code:
            return code
        parent = sub.parent_code if "-" in sub.parent_code else f"{sub.country_code}-{sub.parent_code}"
        code, seen = parent, seen + 1
    return code


def _subdivision_names(name: str) -> list[str]:
    """'Illes Balears [Islas Baleares]' -> both; 'Caraga (Region XIII)' -> 'Caraga'; 'Bình Định' -> also 'Binh Dinh'.
    Names written inverted with a comma ('Murcia, Región de') are left out."""
    import unicodedata
    out = []
    for part in re.split(r"\s*\[([^\]]*)\]", name):
        part = re.sub(r"\s*\([^)]*\)", "", part or "").strip()
        if part and "," not in part and part not in out:
            out.append(part)
            folded = unicodedata.normalize("NFKD", part).encode("ascii", "ignore").decode()
            if folded and folded != part and folded not in out:
                out.append(folded)
    return out


def load_subdivisions(countries: list[PlaceRef], taken: set[str]) -> list[PlaceRef]:
    """Every country's states, provinces, regions and prefectures from pycountry's ISO 3166-2 list, outside China.

    Only their qualified forms are names ("Isabel Province", "State of Michigan", "Gomel Region"): a bare
    subdivision name is too often a person, a city or an ordinary word. The region code is the first-level
    division's, the place type `province`."""
    country_name = {c.country_code: c.name for c in countries}
    taken_lower = {t.lower() for t in taken}
    out = []
    for sub in pycountry.subdivisions:
        words = _SUBDIVISION_WORDS.get(sub.type)
        if words is None or sub.country_code in _NOT_SUBDIVIDED_HERE or sub.country_code not in country_name:
            continue
        forms = []
        for base in _subdivision_names(sub.name):
            if base.lower().endswith(tuple(f" {w.lower()}" for w in words)):
                forms.append(base)  # "National Capital Region" already says what it is
                continue
            for w in words:
                forms.append(f"{base} {w}")
                if w == "State":
                    forms.append(f"State of {base}")  # "the State of Michigan"
        forms = [f for f in dict.fromkeys(forms) if f.lower() not in taken_lower]
        if not forms:
            continue
        taken_lower.update(f.lower() for f in forms)
        out.append(PlaceRef(forms[0], "province", top_region(sub.code), sub.country_code,
                            country_name[sub.country_code], tuple(forms[1:])))
    return out


def load_organizations(directory: Path) -> list[OrgRef]:
    header = ["canonical_name", "acronym", "org_type", "region_code", "country_code", "parent", "aliases"]
    rows = _read_csv(directory / "organizations.csv", header)
    out, seen = [], set()
    for n, r in enumerate(rows, start=2):
        if r["org_type"] not in ORG_TYPES:
            raise ReferenceDataError(f"organizations.csv line {n}: org_type {r['org_type']!r} not in {ORG_TYPES}")
        if r["region_code"] and not _valid_region(r["region_code"]):
            raise ReferenceDataError(f"organizations.csv line {n}: unknown region_code {r['region_code']!r}")
        if r["canonical_name"] in seen:
            raise ReferenceDataError(f"organizations.csv line {n}: duplicate {r['canonical_name']!r}")
        seen.add(r["canonical_name"])
        out.append(OrgRef(r["canonical_name"], r["acronym"] or None, r["org_type"], top_region(r["region_code"] or None),
                          r["country_code"] or None, r["parent"] or None, _split(r["aliases"])))
    return out


def load_domains(directory: Path) -> tuple[list[Domain], dict[str, str]]:
    domains = [Domain(r["domain_id"], r["label"], r["major_id"], r["major_label"]) for r in
               _read_csv(directory / "domains.csv", ["domain_id", "label", "major_id", "major_label"])]
    ids = {d.domain_id for d in domains}
    lexicon: dict[str, str] = {}
    for n, r in enumerate(_read_csv(directory / "domain_lexicon.csv", ["phrase", "domain_id"]), start=2):
        if r["domain_id"] not in ids:
            raise ReferenceDataError(f"domain_lexicon.csv line {n}: unknown domain_id {r['domain_id']!r}")
        lexicon[r["phrase"].lower()] = r["domain_id"]
    return domains, lexicon


def load_demonyms(directory: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Country aliases: (lower-case name form -> alpha_2, lower-case demonym -> alpha_2)."""
    names, demonyms = {}, {}
    for n, r in enumerate(_read_csv(directory / "country_aliases.csv", ["alpha_2", "alias", "kind"]), start=2):
        if pycountry.countries.get(alpha_2=r["alpha_2"]) is None:
            raise ReferenceDataError(f"country_aliases.csv line {n}: unknown alpha_2 {r['alpha_2']!r}")
        (demonyms if r["kind"] == "demonym" else names)[r["alias"]] = r["alpha_2"]
    return names, demonyms


def _fingerprint(directory: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(directory.iterdir()):
        if path.is_file():
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


@functools.lru_cache(maxsize=4)
def load_reference(directory: Path = REFERENCE_DIR) -> Reference:
    """Load every reference file once per process."""
    titles = _read_yaml(directory / "titles.yaml")
    for key in ("honorifics", "modifiers", "heads"):
        if not isinstance(titles.get(key), list) or not all(isinstance(x, str) for x in titles[key]):
            raise ReferenceDataError(f"titles.yaml: {key} must be a list of strings")
    portfolio = titles.get("portfolio_words", [])
    if not isinstance(portfolio, list) or not all(isinstance(x, str) for x in portfolio):
        raise ReferenceDataError("titles.yaml: portfolio_words must be a list of strings")
    names = _read_yaml(directory / "names.yaml")
    rules = _read_yaml(directory / "extraction.yaml")
    for key in ("org_heads", "agreement_nouns", "signing_verbs", "activities", "lab_kinds", "delegation_nouns",
                "confidence"):
        if key not in rules:
            raise ReferenceDataError(f"extraction.yaml: missing {key}")
    _all_strings(rules, "extraction.yaml")
    _all_strings(names, "names.yaml")
    domains, lexicon = load_domains(directory)
    places = load_places(directory)
    country_names, demonyms = load_demonyms(directory)
    countries = _countries(country_names)
    places.extend(load_world_cities(directory, countries, {p.name for p in places}))
    places.extend(countries)
    places.extend(load_subdivisions(countries, {n for p in places for n in (p.name, *p.aliases)}))
    return Reference(
        places=places, organizations=load_organizations(directory),
        honorifics=titles["honorifics"], title_modifiers=titles["modifiers"], title_heads=titles["heads"],
        domains=domains, domain_lexicon=lexicon, names=names, rules=rules,
        fingerprint=_fingerprint(directory), demonyms={k.lower(): v for k, v in demonyms.items()},
        portfolio_words=portfolio,
    )


def _all_strings(node, where: str) -> None:
    """Every leaf of a rules file is a phrase. YAML reads bare on/off/yes/no as booleans and 12 as a
    number, which would silently turn a trigger word into something that never matches."""
    if isinstance(node, dict):
        for k, v in node.items():
            _all_strings(v, f"{where}: {k}")
    elif isinstance(node, list):
        for n, v in enumerate(node):
            _all_strings(v, f"{where}[{n}]")
    elif not isinstance(node, str):
        raise ReferenceDataError(f"{where}: {node!r} is not a string (quote it in the YAML)")


def _countries(extra_names: dict[str, str]) -> list[PlaceRef]:
    """Countries from pycountry, with the English forms news uses ("the US", "South Korea")."""
    by_code: dict[str, set[str]] = {}
    for alias, code in extra_names.items():
        by_code.setdefault(code, set()).add(alias)
    out = []
    for c in pycountry.countries:
        if c.alpha_2 in ("CN", "TW", "HK", "MO"):
            if c.alpha_2 != "CN":
                continue
        name = getattr(c, "common_name", None) or c.name
        aliases = {c.name, getattr(c, "official_name", c.name), *by_code.get(c.alpha_2, ())} - {name}
        out.append(PlaceRef(name, "country", None, c.alpha_2, None, tuple(sorted(aliases))))
    return out
