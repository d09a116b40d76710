"""Checks that the gold annotations are well-formed, so that a bad gold file fails here and not
silently inside the scorer (shared/gold/score.py), which skips or miscounts what it cannot read.

Covers the project's own gold (tests/gold/raw, for the corpus in raw/), the real development set's
(tests/realset: its texts are fetched, not committed, so that a text is present is checked only when
the folder holds texts) and, when present, the shared seed gold. The enumerations are those of the data
contract (shared/spec/DATA_CONTRACT.md).
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"

# gold folder -> folder holding the documents it annotates
REALSET = ROOT / "tests" / "realset"
GOLD_SETS = {
    "project": (ROOT / "tests" / "gold" / "raw", ROOT / "raw"),
    "realset": (REALSET / "gold", REALSET / "raw"),
    "realset-second-read": (REALSET / "gold_second", REALSET / "raw"),
    "seeds": (SHARED / "gold" / "seeds", SHARED / "seeds"),
}

TOP_KEYS = {"document", "title", "published_on", "organizations", "people", "agreements",
            "delegations", "labs", "domains", "acceptable_extra_domains"}
ORG_KEYS = {"names", "org_type", "region_code"}
PERSON_KEYS = {"names", "mentions"}
AGREEMENT_KEYS = {"type", "parties", "signed_on", "status", "signatories", "witnesses", "optional"}
AGREEMENT_OPTIONAL_KEYS = {"title", "acceptable_extra_parties", "activities", "place"}
DELEGATION_KEYS = {"leader", "origin", "host", "member_count", "visited_on", "status", "optional"}
DELEGATION_OPTIONAL_KEYS = {"member_count_max"}
LAB_KEYS = {"name", "type", "host", "director", "status", "optional"}
DOMAIN_KEYS = {"mention", "codes"}

ORG_TYPES = {"university", "university_unit", "government", "government_department", "enterprise",
             "research_institute", "laboratory", "international_organization", "military", "other"}
AGREEMENT_TYPES = {"cooperation_agreement", "framework_agreement", "strategic_cooperation_agreement",
                   "memorandum_of_understanding", "memorandum", "letter_of_intent", "arrangement",
                   "cooperation_scheme", "partnership", "other"}
AGREEMENT_STATUS = {"signed", "planned", "reported"}
ACTIVITIES = {"talent_development", "student_exchange", "academic_exchange", "joint_research",
              "technology_transfer", "joint_platform", "funding_support", "equipment_sharing",
              "consulting_and_training", "entrepreneurship_and_investment", "other"}
DELEGATION_STATUS = {"completed", "planned", "recurring"}
LAB_TYPES = {"partner_state_key_laboratory", "state_key_laboratory", "cnerc_hong_kong_branch",
             "national_engineering_research_centre", "key_laboratory", "engineering_research_centre",
             "joint_laboratory", "joint_research_centre", "innovation_centre", "technology_transfer_centre",
             "research_institute", "other"}
LAB_STATUS = {"existing", "established", "planned"}
PRECISIONS = {"day", "month", "year"}


def _domain_codes() -> set[str] | None:
    for path in (ROOT / "pipeline" / "reference" / "domains.csv", SHARED / "spec" / "domains.csv"):
        if path.exists():
            with path.open(newline="", encoding="utf-8") as fh:
                return {row["domain_id"] for row in csv.DictReader(fh)}
    return None


def _gold_files() -> list[tuple[str, Path]]:
    out = []
    for name, (folder, _) in GOLD_SETS.items():
        if folder.is_dir():
            out.extend((name, p) for p in sorted(folder.glob("*.json")))
    return out


GOLD_FILES = _gold_files()
IDS = [f"{name}/{p.name}" for name, p in GOLD_FILES]


def _tokens(name: str) -> frozenset:
    """Same person-name comparison as the scorer: lower-cased token sets."""
    s = name.lower().replace(".", " ").replace("-", " ").replace(",", " ")
    return frozenset(s.split())


def _check_date(value, where: str) -> None:
    if value is None:
        return
    assert set(value) == {"date", "precision"}, f"{where}: date keys {sorted(value)}"
    assert value["precision"] in PRECISIONS, f"{where}: precision {value['precision']!r}"
    day = dt.date.fromisoformat(value["date"])
    if value["precision"] in ("month", "year"):
        assert day.day == 1, f"{where}: a {value['precision']} date is stored as the first day"
    if value["precision"] == "year":
        assert day.month == 1, f"{where}: a year date is stored as 1 January"


def _check_names(value, where: str, nullable: bool = True) -> None:
    if value is None:
        assert nullable, f"{where}: must not be null"
        return
    assert isinstance(value, list) and value, f"{where}: expected a non-empty list of names"
    assert all(isinstance(v, str) and v.strip() for v in value), f"{where}: empty name"


def _check_enum(values, allowed: set[str], where: str) -> None:
    assert isinstance(values, list) and values, f"{where}: expected a non-empty list"
    bad = set(values) - allowed
    assert not bad, f"{where}: not in the contract enum: {sorted(bad)}"


def _check_keys(record: dict, required: set[str], optional: set[str], where: str) -> None:
    keys = set(record)
    assert required <= keys, f"{where}: missing keys {sorted(required - keys)}"
    assert keys <= required | optional, f"{where}: unknown keys {sorted(keys - required - optional)}"


@pytest.fixture(scope="module")
def fos_codes():
    codes = _domain_codes()
    if codes is None:
        pytest.skip("domains.csv not available")
    return codes


def test_gold_sets_exist():
    assert any(name == "project" for name, _ in GOLD_FILES), "tests/gold/raw holds no gold files"


def _check_document(gold: dict, gold_set: str, path: Path) -> None:
    """The gold file is named after its document, which is present wherever the set's texts are."""
    document = gold["document"]
    docs_dir = GOLD_SETS[gold_set][1]
    assert Path(document).stem + ".json" == path.name, "gold file must be named after its document"
    if gold_set == "project" or gold_set == "seeds" or any(docs_dir.glob("*.txt")):
        assert (docs_dir / document).is_file(), f"document {document} not found in {docs_dir}"
    assert gold["title"] is None or (isinstance(gold["title"], str) and gold["title"].strip())
    _check_date(gold["published_on"], "published_on")


def _check_organizations(organizations: list[dict]) -> None:
    for i, org in enumerate(organizations):
        where = f"organizations[{i}]"
        _check_keys(org, ORG_KEYS, set(), where)
        _check_names(org["names"], where, nullable=False)
        _check_enum(org["org_type"], ORG_TYPES, where + ".org_type")
        code = org["region_code"]
        assert code is None or (isinstance(code, str) and len(code.split("-")) == 2), f"{where}: region {code!r}"


def _checked_people(people: list[dict]) -> list[set[frozenset]]:
    """Each listed person's names as token sets, after checking the person's record."""
    names = []
    for i, person in enumerate(people):
        where = f"people[{i}]"
        _check_keys(person, PERSON_KEYS, set(), where)
        _check_names(person["names"], where, nullable=False)
        assert isinstance(person["mentions"], list)
        names.append({_tokens(n) for n in person["names"]})
    return names


def _check_known_person(names, people: list[set[frozenset]], where: str) -> None:
    """Every signatory, witness, leader and director is one of the listed people."""
    if names is None:
        return
    _check_names(names, where)
    assert any(_tokens(n) in p for n in names for p in people), f"{where}: {names[0]} is not in people"


def _check_agreements(agreements: list[dict], people: list[set[frozenset]]) -> None:
    for i, a in enumerate(agreements):
        where = f"agreements[{i}]"
        _check_keys(a, AGREEMENT_KEYS, AGREEMENT_OPTIONAL_KEYS, where)
        _check_enum(a["type"], AGREEMENT_TYPES, where + ".type")
        _check_enum(a["status"], AGREEMENT_STATUS, where + ".status")
        if "activities" in a:
            _check_enum(a["activities"], ACTIVITIES, where + ".activities")
        if "place" in a:
            _check_names(a["place"], where + ".place")
        assert a["parties"], f"{where}: no parties"
        for j, party in enumerate(a["parties"] + a.get("acceptable_extra_parties", [])):
            _check_names(party, f"{where}.parties[{j}]", nullable=False)
        _check_date(a["signed_on"], where + ".signed_on")
        for role in ("signatories", "witnesses"):
            for j, names in enumerate(a[role]):
                _check_known_person(names, people, f"{where}.{role}[{j}]")
        assert isinstance(a["optional"], bool)


def _check_member_count(d: dict, where: str) -> None:
    """A positive member count, and a maximum above it when the text gives a range."""
    count, count_max = d["member_count"], d.get("member_count_max")
    assert count is None or (isinstance(count, int) and count > 0), f"{where}: member_count {count!r}"
    if count_max is not None:
        assert isinstance(count, int) and count_max > count, f"{where}: member_count_max {count_max!r}"


def _check_delegations(delegations: list[dict], people: list[set[frozenset]]) -> None:
    for i, d in enumerate(delegations):
        where = f"delegations[{i}]"
        _check_keys(d, DELEGATION_KEYS, DELEGATION_OPTIONAL_KEYS, where)
        _check_known_person(d["leader"], people, where + ".leader")
        _check_names(d["origin"], where + ".origin")
        _check_names(d["host"], where + ".host")
        assert d["leader"] or d["origin"] or d["host"], f"{where}: nobody visits anybody"
        _check_member_count(d, where)
        _check_date(d["visited_on"], where + ".visited_on")
        _check_enum(d["status"], DELEGATION_STATUS, where + ".status")
        assert isinstance(d["optional"], bool)


def _check_labs(labs: list[dict], people: list[set[frozenset]]) -> None:
    for i, lab in enumerate(labs):
        where = f"labs[{i}]"
        _check_keys(lab, LAB_KEYS, set(), where)
        _check_names(lab["name"], where + ".name", nullable=False)
        _check_enum(lab["type"], LAB_TYPES, where + ".type")
        _check_names(lab["host"], where + ".host")
        _check_known_person(lab["director"], people, where + ".director")
        _check_enum(lab["status"], LAB_STATUS, where + ".status")
        assert isinstance(lab["optional"], bool)


def _check_domains(gold: dict, fos_codes: set[str]) -> None:
    for i, dom in enumerate(gold["domains"]):
        where = f"domains[{i}]"
        _check_keys(dom, DOMAIN_KEYS, set(), where)
        assert dom["mention"].strip(), f"{where}: empty mention"
        assert dom["codes"] and set(dom["codes"]) <= fos_codes, f"{where}: unknown FOS code in {dom['codes']}"
    assert set(gold["acceptable_extra_domains"]) <= fos_codes, "unknown FOS code in acceptable_extra_domains"


@pytest.mark.parametrize(("gold_set", "path"), GOLD_FILES, ids=IDS)
def test_gold_file_is_valid(gold_set, path, fos_codes):
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert set(gold) == TOP_KEYS, f"top-level keys differ: {sorted(set(gold) ^ TOP_KEYS)}"
    _check_document(gold, gold_set, path)
    _check_organizations(gold["organizations"])
    people = _checked_people(gold["people"])
    _check_agreements(gold["agreements"], people)
    _check_delegations(gold["delegations"], people)
    _check_labs(gold["labs"], people)
    _check_domains(gold, fos_codes)


OWN_GOLD = ("project", "realset", "realset-second-read")


@pytest.mark.parametrize(("gold_set", "path"), [g for g in GOLD_FILES if g[0] in OWN_GOLD],
                         ids=[i for i, g in zip(IDS, GOLD_FILES) if g[0] in OWN_GOLD])
def test_project_gold_names_known_organisations(gold_set, path):
    """The project's own gold is held to a stricter rule than the seeds: every party and lab host
    is one of the document's listed organisations, so that organisation recall and record
    scoring agree on names."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    known = {n.lower() for org in gold["organizations"] for n in org["names"]}
    lists = [p for a in gold["agreements"] for p in a["parties"] + a.get("acceptable_extra_parties", [])]
    lists += [lab["host"] for lab in gold["labs"] if lab["host"]]
    for names in lists:
        assert any(n.lower() in known for n in names), f"{names[0]} is not among the organizations"



def test_the_real_set_manifest_lists_every_gold_file_once_with_a_fixed_split():
    manifest = json.loads((REALSET / "manifest.json").read_text(encoding="utf-8"))["documents"]
    files = [d["file"] for d in manifest]
    assert len(files) == len(set(files)) >= 40
    assert sorted(Path(f).stem for f in files) == sorted(p.stem for p in (REALSET / "gold").glob("*.json"))
    assert {p.stem for p in (REALSET / "gold_second").glob("*.json")} <= {Path(f).stem for f in files}
    for d in manifest:
        assert d["split"] in ("tune", "holdout", "fresh", "fresh2", "fresh3", "fresh4") and d["url"].startswith("http") \
            and len(d["sha256"]) == 64, d["file"]
    first = [d for d in manifest if d["split"] in ("tune", "holdout")]  # the first 48, split before any tuning
    holdout = sum(d["split"] == "holdout" for d in first)
    assert len(first) // 5 <= holdout <= len(first) // 3
