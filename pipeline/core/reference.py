"""The rulebook: gazetteers, organisations, titles, lexicons and triggers, loaded and validated once.

Rules are data: everything the extractors know about the world lives in a reference folder
(`pipeline/reference/` unless the `reference_dir` setting names another). `load_rulebook(folder)`
reads it into one `Rulebook`, which is passed explicitly to every stage that needs it, so a test or a
worker can use another folder and nothing reads rules from a module-level default. A malformed file
fails loudly here (ReferenceDataError naming the file, key or row) instead of silently weakening
extraction: every rules file is checked against the keys it may hold (`RULE_FILES`).
"""
from __future__ import annotations

import csv
import functools
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, TypeVar

import pycountry
import yaml

DEFAULT_REFERENCE_DIR = Path(__file__).resolve().parent.parent / "reference"
T = TypeVar("T")

# The YAML rules files and the keys each may hold, with their shape: `phrases` is a list of strings,
# `phrases_by_kind` a mapping of names to such lists (`phrases_by_org_type`: of organisation types to such lists),
# `text_by_kind` a mapping of names to strings,
# `lab_kinds` a mapping of kinds to mappings of phrase lists, `number_by_name` a mapping of names to
# numbers, and `records` a list of mappings (their fields are checked by the loader that reads them:
# pipeline/core/ingest/furniture.py). An unknown key is refused: it is a typo or a rule nothing reads.
RULE_FILES: dict[str, dict[str, str]] = {
    "titles.yaml": {"honorifics": "phrases", "modifiers": "phrases", "heads": "phrases",
                    "portfolio_words": "phrases"},
    "names.yaml": {key: "phrases" for key in ("pinyin_surnames", "other_surnames", "korean_surnames",
                                              "vietnamese_surnames", "pinyin_initials",
                                              "pinyin_finals", "english_word_surnames", "name_particles",
                                              "headline_verbs",
                                              "byline_labels", "photo_labels", "byline_verbs", "given_names", "ambiguous_given_names",
                                              "name_joiners", "post_nominals", "firm_name_ends",
                                              "event_name_ends")},
    "extraction.yaml": {
        **{key: "phrases_by_kind" for key in (
            "org_heads", "agreement_nouns", "activities", "lab_lowercase_heads", "lab_quoted_heads", "lab_defined_heads",
            "lab_founded_heads", "lab_paired_lowercase_heads", "lab_joint_lowercase_heads", "coreference", "acronym_org_cues", "acronym_kind_cues",
            "relation_nouns")},
        "lab_kinds": "lab_kinds", "confidence": "text_by_kind", "title_offices": "text_by_kind",
        "own_references": "phrases_by_org_type",
        "lab_not_labs": "phrases",
        **{key: "phrases" for key in (
            "org_stopwords", "org_object_words", "named_offices", "leading_heads", "name_connectors", "generic_agreement_nouns",
            "signing_verbs", "tight_agreement_nouns", "tight_signing_verbs", "past_stay_cues", "non_signer_cues", "speaker_cues", "negation_cues",
            "subject_reset_cues", "fronted_adverbials", "background_cues", "reported_cues", "list_openers", "reference_cues",
            "ordinal_references", "partnership_verbs", "actor_verbs", "actor_verb_pasts", "non_actor_verbs", "modal_verbs", "subject_verb_adverbs", "planned_cues", "signed_by_cues", "signatory_list_cues",
            "subject_signing_verbs", "objectless_signing_verbs",
            "witness_sentence_cues", "witness_cues", "witness_verbs", "signing_place_cues", "signing_ceremony_cues",
            "witness_absolutes", "lab_lowercase_skip", "lab_name_process_nouns", "lab_event_words", "lab_ceremony_objects", "lab_planned_events", "lab_planned_states", "lab_schedule_words",
            "lab_naming_words", "lab_setup_verbs", "lab_future_markers", "lab_founding_verbs",
            "lab_founding_events", "lab_host_cues", "lab_director_cues", "lab_director_predicates", "lab_anaphora", "domain_broad_phrases",
            "domain_field_cues", "domain_field_heads", "domain_combining_forms", "delegation_nouns", "visit_event_nouns", "travel_verbs", "visit_verbs",
            "leader_cues", "lead_verbs", "delegation_planned_cues", "recurring_cues", "honorary_titles",
            "party_organs", "size_object_cues", "remote_meeting_cues", "host_trip_cues", "telling_verbs", "stay_purposes", "people_nouns", "not_org_acronyms",
            "joint_name_words", "remit_heads", "bare_subdivision_stopnames",
            "non_research_centre_words", "university_name_phrases", "lab_paired_heads", "hosted_unit_names",
            "bilateral_body_heads", "bilateral_body_words", "several_body_words", "site_remit_words", "campus_systems",
            "university_office_words", "university_office_remits",
            "lab_party_cues", "lab_designation_cues", "lab_signer_adverbs", "lab_workplace_cues", "lab_organiser_verbs", "lab_own_occasions",
            "lab_undertaking_verbs", "name_opening_prepositions", "dated_month_names", "company_nouns", "shouted_word_endings", "home_banner_openers",
            "history_cues")},
    },
    "languages.yaml": {"read": "phrases", "scripts": "text_by_kind", "function_words": "phrases_by_kind"},
    "furniture.yaml": {"line_rules": "records", "separator_rules": "records", "strip_prefixes": "phrases",
                       "strip_suffixes": "phrases", "menu_labels": "phrases", "edge_labels": "mapping",
                       "foreign_script": "number_by_name"},
}
# Keys a rules file must hold (the others may be absent: their rule is then off).
REQUIRED_RULES = {
    "titles.yaml": ("honorifics", "modifiers", "heads"),
    "extraction.yaml": ("org_heads", "agreement_nouns", "signing_verbs", "activities", "lab_kinds",
                        "delegation_nouns", "confidence"),
}

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
    # a subdivision abroad named without its type word ("Goiás", "New South Wales", "Bavaria"): a place only
    # where the document's countries or the name's shape settle it (entities/places.py)
    bare: tuple[str, ...] = ()


@dataclass(frozen=True)
class OrgRef:
    canonical_name: str
    acronym: str | None
    org_type: str
    region_code: str | None
    country_code: str | None
    parent: str | None
    aliases: tuple[str, ...] = ()
    # a row of the broad world list (world_universities.csv), not of the curated organizations.csv: its names count
    # in a text only written with their capitals (entities/organisations.py)
    listed: bool = False


@dataclass(frozen=True)
class Domain:
    domain_id: str
    label: str
    major_id: str
    major_label: str


@dataclass(eq=False)
class Rulebook:
    """Everything extraction knows, read from one reference folder; built by `load_rulebook`.

    What the stages compute from the rules (compiled phrase regexes, lookup tables, gazetteers) is
    kept on the rulebook itself (`derive`, `derived`), so it is built once per rulebook and a
    rulebook read from another folder never sees another's.
    """

    directory: Path
    places: list[PlaceRef]
    organizations: list[OrgRef]
    honorifics: list[str]
    title_modifiers: list[str]
    title_heads: list[str]
    domains: list[Domain]
    domain_lexicon: dict[str, str]  # lower-case phrase -> domain_id
    names: dict
    rules: dict
    digest: str  # of every file in the folder: part of the extraction cache's key
    demonyms: dict[str, str] = field(default_factory=dict)  # lower-case demonym -> alpha_2
    portfolio_words: list[str] = field(default_factory=list)  # remit words after a title ("for Transport and Works")
    capital_regions: dict[str, str] = field(default_factory=dict)  # alpha_2 -> region of the seat of government
    _derived: dict = field(default_factory=dict, repr=False)

    def derive(self, build: Callable[[Rulebook], T]) -> T:
        """`build(self)`, computed on first use and kept on this rulebook."""
        try:
            return self._derived[build]
        except KeyError:
            value = self._derived[build] = build(self)
            return value

    def rules_file(self, name: str, keys: dict[str, str] | None = None) -> dict:
        """Another YAML rules file of the folder, checked like the others: one of `RULE_FILES` (furniture.yaml,
        languages.yaml), or a file whose keys and shapes its reader declares (a fact kind's own rules)."""
        return self.derive(_RulesFile(name, tuple(sorted((keys or {}).items()))))

    @functools.cached_property
    def place_by_name(self) -> dict[str, PlaceRef]:
        return {p.name: p for p in self.places}

    @functools.cached_property
    def org_by_name(self) -> dict[str, OrgRef]:
        return {o.canonical_name: o for o in self.organizations}

    @functools.cached_property
    def bare_subdivisions(self) -> dict[str, list[PlaceRef]]:
        """Lower-case bare names of subdivisions abroad ("goiás", "new south wales") -> every subdivision of that
        name; generic words (`bare_subdivision_stopnames`: "Central", "Northern") and names of three letters or
        fewer left out."""
        stop = {w.lower() for w in self.rules.get("bare_subdivision_stopnames", [])}
        out: dict[str, list[PlaceRef]] = {}
        for p in self.places:
            for b in p.bare:
                if len(b) > 3 and b.lower() not in stop and p not in out.get(b.lower(), []):
                    out.setdefault(b.lower(), []).append(p)
        return out

    @functools.cached_property
    def region_names(self) -> dict[str, str]:
        """ISO 3166-2 code -> the display name of the provincial-level division."""
        return {p.region_code: p.name for p in self.places
                if p.region_code and p.place_type in ("province", "municipality", "special_administrative_region")}


def derived(build: Callable[[Rulebook], T]) -> Callable[[Rulebook], T]:
    """Decorate a function of the rulebook whose result depends on nothing else: it runs once per rulebook."""
    @functools.wraps(build)
    def get(rules: Rulebook) -> T:
        try:  # the kept value without the call to `derive`: some of these are asked for at every word
            return rules._derived[build]
        except KeyError:
            return rules.derive(build)
    return get


@dataclass(frozen=True)
class _RulesFile:
    name: str
    keys: tuple[tuple[str, str], ...]

    def __call__(self, rules: Rulebook) -> dict:
        return read_rules(rules.directory, self.name, dict(self.keys) or None)


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


def read_rules(directory: Path, name: str, keys: dict[str, str] | None = None) -> dict:
    """A YAML rules file, every key known (`RULE_FILES`, or the `keys` its reader declares) and of its declared
    shape, the required ones present."""
    path = directory / name
    if not path.exists():
        raise ReferenceDataError(f"{name}: file missing")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ReferenceDataError(f"{name}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ReferenceDataError(f"{name}: expected a mapping at the top level")
    allowed = keys or RULE_FILES[name]
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise ReferenceDataError(f"{name}: unknown key(s) {unknown}; allowed: {sorted(allowed)}")
    missing = [key for key in REQUIRED_RULES.get(name, ()) if key not in data]
    if missing:
        raise ReferenceDataError(f"{name}: missing {', '.join(missing)}")
    for key, value in data.items():
        _check_shape(value, allowed[key], f"{name}: {key}")
    return data


def _check_shape(value, shape: str, where: str) -> None:
    """Refuse a rules entry whose structure is not its declared shape, naming where."""
    if shape == "phrases":
        _all_strings(_expect(value, list, where, "a list of phrases"), where)
    elif shape in _KIND_SHAPES:
        _check_kinds(value, shape, where)
    elif shape == "text":
        _all_strings(value, where)
    elif shape == "number_by_name":
        for kind, item in _expect(value, dict, where, "a mapping of names to numbers").items():
            if isinstance(item, bool) or not isinstance(item, (int, float)):
                raise ReferenceDataError(f"{where}: {kind}: {item!r} is not a number")
    elif shape == "records":
        for n, item in enumerate(_expect(value, list, where, "a list of mappings")):
            _expect(item, dict, f"{where}[{n}]", "a mapping")
    else:  # "mapping": its fields are read and checked by the one loader that uses it
        _expect(value, dict, where, "a mapping")


# Mappings of kinds to rules: the shape of each kind's rules, and the kinds allowed (None: any name)
_KIND_SHAPES = {"phrases_by_kind": ("phrases", None), "text_by_kind": ("text", None),
                "lab_kinds": ("phrases_by_kind", None), "phrases_by_org_type": ("phrases", ORG_TYPES)}


def _check_kinds(value, shape: str, where: str) -> None:
    """Refuse a mapping of kinds to rules with a kind not allowed or rules not of the kinds' shape."""
    inner, kinds = _KIND_SHAPES[shape]
    for kind, item in _expect(value, dict, where, f"a mapping of names to {inner}").items():
        if kinds is not None and kind not in kinds:
            raise ReferenceDataError(f"{where}: {kind!r} is not one of {', '.join(kinds)}")
        _check_shape(item, inner, f"{where}: {kind}")


def _expect(value, kind: type, where: str, what: str):
    if not isinstance(value, kind):
        raise ReferenceDataError(f"{where}: expected {what}, got {type(value).__name__}")
    return value


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
    """Cities outside China (world_cities.csv), under their country: hosts and origins of visits abroad. An optional
    `region_code` column names the ISO 3166-2 subdivision a city lies in (kept at its first level, as elsewhere):
    the region of the organisations named after the city ("University of Sheffield" -> GB-ENG).

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
        region = r.get("region_code") or None
        if region and (not region.startswith(f"{code}-") or not _valid_region(region)):
            raise ReferenceDataError(f"world_cities.csv line {n}: region_code {region!r} is no subdivision of {code}")
        taken.add(r["name"])
        out.append(PlaceRef(r["name"], "city", top_region(region), code, country_name[code], _split(r["aliases"])))
    return out


# pycountry subdivision types -> the English words news writes after (or before) a subdivision's name.
_SUBDIVISION_WORDS = {"Province": ("Province",), "Region": ("Region",), "Administrative region": ("Region",),
                      "Autonomous region": ("Region",), "Metropolitan region": ("Region",), "State": ("State",),
                      "Land": ("State",), "Prefecture": ("Prefecture",), "County": ("County",),
                      "Governorate": ("Governorate",), "Oblast": ("Oblast", "Region"), "Territory": ("Territory",),
                      "Union territory": ("Territory",), "Republic": ("Republic",), "Autonomous community": ("Autonomous Community", "Region"),
                      "Canton": ("Canton",), "Voivodship": ("Voivodeship", "Province"), "Regional state": ("Region",),
                      "Emirate": ("Emirate",), "Metropolitan city": ("Metropolitan City",),
                      "Department": ("Department",), "Autonomous republic": ("Autonomous Republic",),
                      "Capital territory": ("Territory",), "Federal territory": ("Territory",),
                      "Special self-governing province": ("Province",), "Special self-governing city": ("City",),
                      "Special city": ("City",)}
# Local type suffixes that make a subdivision's name qualified by themselves ("Gyeonggi-do": Gyeonggi Province).
LOCAL_QUALIFIED = ("-do",)
# Type words some subdivision names carry in their own language ("Aqmola oblysy", "Brestskaja voblasć"): no part of the
# bare name.
_LOCAL_TYPE_WORDS = re.compile(r"\s+(?:oblysy|oblast['’]?|oblasti|voblasć|voblasts['’]?|kraj|krai|okrug|"
                               r"vilayeti|viloyati|welayaty|ili|województwo|megye|maakond|apskritis|novads)$", re.I)
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
        part = _LOCAL_TYPE_WORDS.sub("", re.sub(r"\s*\([^)]*\)", "", part or "").strip())
        if part and "," not in part and part not in out:
            out.append(part)
            folded = unicodedata.normalize("NFKD", part).encode("ascii", "ignore").decode()
            if folded and folded != part and folded not in out:
                out.append(folded)
    return out


def load_subdivision_names(directory: Path) -> dict[str, tuple[str, ...]]:
    """English names news writes for subdivisions whose ISO 3166-2 name is in another language
    (subdivision_names.csv: code, English names separated by |; "BY-HO" -> "Gomel"). An optional file."""
    if not (directory / "subdivision_names.csv").exists():
        return {}
    out = {}
    for n, r in enumerate(_read_csv(directory / "subdivision_names.csv", ["code", "english_names"]), start=2):
        if not _valid_region(r["code"]) or r["code"] in out:
            raise ReferenceDataError(f"subdivision_names.csv line {n}: unknown or repeated code {r['code']!r}")
        out[r["code"]] = _split(r["english_names"])
    return out


def load_subdivisions(countries: list[PlaceRef], taken: set[str],
                      english_names: dict[str, tuple[str, ...]] | None = None) -> list[PlaceRef]:
    """Every country's states, provinces, regions and prefectures from pycountry's ISO 3166-2 list, outside China.

    Only their qualified forms are names ("Isabel Province", "State of Michigan", "Gomel Region"): a bare
    subdivision name is too often a person, a city or an ordinary word. The region code is the first-level
    division's, the place type `province`."""
    country_name = {c.country_code: c.name for c in countries}
    taken_lower = {t.lower() for t in taken}
    out = []
    english_names = english_names or {}
    for sub in pycountry.subdivisions:
        own = english_names.get(sub.code, ())
        words = _SUBDIVISION_WORDS.get(sub.type) or (("Region",) if own else None)
        if words is None or sub.country_code in _NOT_SUBDIVIDED_HERE or sub.country_code not in country_name:
            continue
        forms = []
        names = (*own, *_subdivision_names(english(sub.name)), *_subdivision_names(sub.name))
        for base in dict.fromkeys(names):
            if base.lower().endswith(tuple(f" {w.lower()}" for w in words) + LOCAL_QUALIFIED):
                forms.append(base)  # "National Capital Region", "Gyeonggi-do" already say what they are
                continue
            for w in words:
                forms.append(f"{base} {w}")
                if w in ("State", "Republic"):
                    forms.append(f"{w} of {base}")  # "the State of Michigan", "the Republic of Tatarstan"
        bare = [b for b in dict.fromkeys(names)
                if b.lower() not in taken_lower and not b.lower().endswith(tuple(f" {w.lower()}" for w in words))]
        forms = [f for f in dict.fromkeys(forms) if f.lower() not in taken_lower]
        if not forms:
            continue
        taken_lower.update(f.lower() for f in forms)
        out.append(PlaceRef(forms[0], "province", top_region(sub.code), sub.country_code,
                            country_name[sub.country_code], tuple(forms[1:]), tuple(bare)))
    return out


@functools.lru_cache(maxsize=1)
def _english_subdivision_names() -> Callable[[str], str]:
    """pycountry's English names of subdivisions where English has its own ("Bayern" -> "Bavaria")."""
    import gettext
    try:
        return gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"]).gettext
    except OSError:
        return str


def english(name: str) -> str:
    return _english_subdivision_names()(name)


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


WORLD_UNIVERSITIES_HEADER = ["canonical_name", "org_type", "region_code", "country_code", "aliases", "domain"]


def load_world_universities(directory: Path, curated: list[OrgRef]) -> list[OrgRef]:
    """The broad world list of universities and research institutes (world_universities.csv, generated from a licensed
    list by pipeline/reference_build/world_universities.py; see world_universities.md): canonical names with their
    country, and the region the project's places give them. The curated organizations.csv wins: a listed name or
    alias that is a curated name, alias or acronym is not read (the curated row keeps its acronyms, aliases and region).
    A row with an unknown type, country or region, no name, or a name the file repeats stops the run."""
    rows = _read_csv(directory / "world_universities.csv", WORLD_UNIVERSITIES_HEADER)
    curated_names = {n.lower() for o in curated for n in (o.canonical_name, *o.aliases, *([o.acronym] if o.acronym else []))}
    out, seen = [], set()
    for n, r in enumerate(rows, start=2):
        where = f"world_universities.csv line {n}"
        code, region, name = r["country_code"], r["region_code"], r["canonical_name"]
        if not name or name.lower() in seen or "|" in name:
            raise ReferenceDataError(f"{where}: empty or repeated name, or a name with '|': {name!r}")
        aliases = _split(r["aliases"])
        if any(not _listable(a) for a in (name, *aliases)):
            raise ReferenceDataError(f"{where}: a name of one word with no capital inside: {(name, *aliases)}")
        if r["org_type"] not in ("university", "research_institute"):
            raise ReferenceDataError(f"{where}: org_type {r['org_type']!r} is not university or research_institute")
        if pycountry.countries.get(alpha_2=code) is None:
            raise ReferenceDataError(f"{where}: unknown country_code {code!r}")
        if region and (not region.startswith(f"{code}-") or not _valid_region(region)):
            raise ReferenceDataError(f"{where}: region_code {region!r} is no subdivision of {code}")
        seen.add(name.lower())
        if name.lower() in curated_names:
            continue
        aliases = tuple(a for a in aliases if a.lower() not in curated_names)
        out.append(OrgRef(name, None, r["org_type"], top_region(region or None), code, None, aliases, listed=True))
    return out


def _listable(name: str) -> bool:
    """A name of the broad list that can stand alone in a text: several words, or one word with a capital inside
    ("CentraleSupélec", "KAIST"); a word that is only capitalised ("Victoria") is a place or a person as often."""
    return " " in name or any(c.isupper() for c in name[1:])


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


def load_capitals(directory: Path) -> dict[str, str]:
    """The first-level region of each country's seat of government (capitals.csv: country_code, capital, region_code;
    the capital's name is there for the reader): where a body named for its whole country sits ("University of
    Zambia", "Bulgarian Academy of Sciences", "Lao Ministry of Science and Technology") when its name names no place
    of its own. China's regions are its places' (places.csv), so China has no row; nor have countries whose seat
    moved while their national bodies stayed in the old capital (Kazakhstan's "Kazakh National ... University" in
    Almaty, Nigeria's national institutes in Lagos and Ibadan, Myanmar's in Yangon): there the name tells no seat, and
    no region is better than a wrong one. An optional file; a row whose
    region is no subdivision of its country, or a repeated country, stops the run."""
    if not (directory / "capitals.csv").exists():
        return {}
    out = {}
    for n, r in enumerate(_read_csv(directory / "capitals.csv", ["country_code", "capital", "region_code"]), start=2):
        code, region = r["country_code"], r["region_code"]
        if code in out or code in _NOT_SUBDIVIDED_HERE or not region.startswith(f"{code}-") or not _valid_region(region):
            raise ReferenceDataError(f"capitals.csv line {n}: repeated or Chinese country, or region {region!r} "
                                     f"no subdivision of {code!r}")
        out[code] = top_region(region)
    return out


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
def load_rulebook(directory: Path) -> Rulebook:
    """Read and check every file of a reference folder (once per folder and process: the result is immutable
    rules, and workers that extract many documents must not re-read them for each)."""
    directory = Path(directory).resolve()
    titles = read_rules(directory, "titles.yaml")
    names = read_rules(directory, "names.yaml")
    rules = read_rules(directory, "extraction.yaml")
    domains, lexicon = load_domains(directory)
    places = load_places(directory)
    country_names, demonyms = load_demonyms(directory)
    countries = _countries(country_names)
    places.extend(load_world_cities(directory, countries, {p.name for p in places}))
    places.extend(countries)
    places.extend(load_subdivisions(countries, {n for p in places for n in (p.name, *p.aliases)},
                                    load_subdivision_names(directory)))
    organizations = load_organizations(directory)
    organizations.extend(load_world_universities(directory, organizations))
    return Rulebook(
        directory=directory, places=places, organizations=organizations,
        honorifics=titles["honorifics"], title_modifiers=titles["modifiers"], title_heads=titles["heads"],
        domains=domains, domain_lexicon=lexicon, names=names, rules=rules,
        digest=_fingerprint(directory), demonyms={k.lower(): v for k, v in demonyms.items()},
        portfolio_words=titles.get("portfolio_words", []), capital_regions=load_capitals(directory),
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
