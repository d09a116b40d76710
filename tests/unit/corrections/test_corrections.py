"""Analysts' corrections (pipeline/core/corrections.py): the file is checked on load and its problems point at
lines; each action is applied to the tables of a sample run (tests/unit/correction_samples.py), and the
corrected tables still meet the contract."""
from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path

import pandas as pd
import pytest
import yaml

from pipeline.core.corrections import (
    ACTIONS,
    DEFAULT_CORRECTIONS_FILE,
    LINEAGE_COLUMN,
    LINEAGE_TABLES,
    CorrectionsError,
    apply_corrections,
    correct_tables,
    corrections_for_run,
    load_corrections,
)
from pipeline.core.guards import RunRefused
from pipeline.core.ids import make_id
from pipeline.core.validate import contract_problems, validate_tables
from schemas import TABLE_COLUMNS, table_schema
from schemas.enums import CORRECTION_ACTION
from schemas.models import CorrectionsApplied
from tests.unit.correction_samples import (
    BODY_MOU,
    BODY_MOU_START,
    SHIFTED,
    fact,
    org_id,
    person_id,
    sample_tables,
    source_path,
)

NOW = dt.datetime(2024, 2, 1, 12, 0)
COLUMNS = TABLE_COLUMNS["corrections_applied"]


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return sample_tables()


def entry(cid: str, action: str, kind: str, **keys) -> dict:
    return {"id": cid, "action": action, "kind": kind, **keys, "reason": f"because of {cid}", "author": "tester"}


def write(tmp_path: Path, *entries: dict) -> Path:
    path = tmp_path / "corrections.yaml"
    path.write_text(yaml.safe_dump({"corrections": list(entries)}, sort_keys=False, allow_unicode=True))
    return path


def written(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "corrections.yaml"
    path.write_text(textwrap.dedent(text).lstrip("\n"))
    return path


def line_of(path: Path, cid: str) -> int:
    """The line where the entry `cid` starts."""
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if line.strip() == f"- id: {cid}")


def apply(tables: dict[str, pd.DataFrame], tmp_path: Path, *entries: dict):
    return apply_corrections(tables, load_corrections(write(tmp_path, *entries)), run_id="run-1", now=NOW)


def applied(result) -> dict[str, dict]:
    return {row["correction_id"]: row for row in result.applied.to_dict("records")}


def anchor(tables: dict[str, pd.DataFrame], row: pd.Series, with_id: bool = True) -> dict:
    """A fact named as a correction names it: id, document and evidence."""
    named = {"document": source_path(tables, row["document_id"]), "evidence": row["evidence"]}
    return ({"id": row.iloc[0]} if with_id else {}) | named


def headline(tables):
    return fact(tables, "agreements", "Zhejiang University and HKU sign")


def pku_thu(tables):
    return fact(tables, "agreements", "Peking University and Tsinghua University signed a cooperation agreement on")


def delegation(tables):
    return fact(tables, "delegations", "A 12-member delegation")


def without_lineage(frame: pd.DataFrame) -> pd.DataFrame:
    """A table without its lineage column: null as extracted (a float NaN column), ids or None once corrected."""
    return frame.drop(columns=LINEAGE_COLUMN, errors="ignore")


def rows_of(tables, table: str, column: str, value: str) -> pd.DataFrame:
    frame = tables[table]
    return frame[frame[column] == value]


# ---------------------------------------------------------------- the file

def test_a_missing_file_holds_no_corrections(tmp_path):
    corrections = load_corrections(tmp_path / "nowhere.yaml")
    assert len(corrections) == 0 and list(corrections) == []


def test_the_shipped_file_changes_nothing_and_its_examples_are_valid(tmp_path):
    assert len(load_corrections(DEFAULT_CORRECTIONS_FILE)) == 0
    uncommented = re.sub(r"^#(?=  )", "", DEFAULT_CORRECTIONS_FILE.read_text(encoding="utf-8"), flags=re.M)
    examples = load_corrections(written(tmp_path, uncommented))
    assert {c.action for c in examples} == set(ACTIONS)
    assert {c.kind for c in examples} >= {"organization", "person", "agreement", "delegation", "agreement_party",
                                          "signatory"}


def test_the_digest_follows_the_corrections_not_the_layout(tmp_path):
    one = entry("c1", "set", "organization", target="HKU", fields={"wikidata_id": "Q15568"})
    first = load_corrections(write(tmp_path, one)).digest
    (tmp_path / "corrections.yaml").write_text("# a comment\n" + (tmp_path / "corrections.yaml").read_text())
    assert load_corrections(tmp_path / "corrections.yaml").digest == first
    other = load_corrections(write(tmp_path, one | {"fields": {"wikidata_id": "Q1"}})).digest
    assert other != first


def _entry(lines: str) -> str:
    """A file with one entry `c1` whose keys after `id` are `lines` (entry on line 2, its keys from line 3)."""
    return "corrections:\n  - id: c1\n" + textwrap.indent(textwrap.dedent(lines).strip("\n"), "    ") + "\n"


_OK_TAIL = "reason: r\nauthor: a\n"
MALFORMED = [
    ("unknown key", _entry("action: set\nkind: agreement\ntarget: {id: abc}\nfileds: {status: signed}\n" + _OK_TAIL),
     6, "does not read fileds"),
    ("missing reason", _entry("action: reject\nkind: agreement\ntarget: {id: abc}\nauthor: a"), 2, "needs reason"),
    ("unknown action", _entry("action: delete\nkind: agreement\ntarget: {id: abc}\n" + _OK_TAIL), 3,
     "`action` is one of"),
    ("kind the action does not take", _entry("action: rename\nkind: agreement\ntarget: {id: abc}\nto: x\n" + _OK_TAIL),
     4, "`kind` is one of organization"),
    ("value outside the enum", _entry("action: set\nkind: agreement\ntarget: {id: abc}\nfields: {status: singed}\n"
                                      + _OK_TAIL), 6, "not 'singed'"),
    ("impossible date", _entry("action: set\nkind: agreement\ntarget: {id: abc}\nfields:\n  signed_on: 2023-13\n"
                               + _OK_TAIL), 7, "YYYY-MM-DD, YYYY-MM or YYYY"),
    ("code of the wrong shape", _entry("action: set\nkind: organization\ntarget: HKU\nfields: {region_code: HK}\n"
                                       + _OK_TAIL), 6, "must match"),
    ("a negative count", _entry("action: set\nkind: delegation\ntarget: {id: abc}\nfields: {member_count: -3}\n"
                                + _OK_TAIL), 6, "a whole number >= 0, not -3"),
    ("a never-null field emptied", _entry("action: set\nkind: lab\ntarget: {name: X Lab}\nfields:\n  name: null\n"
                                          + _OK_TAIL), 7, "cannot be emptied: labs.name is never null"),
    ("unquoted numeric id", "corrections:\n  - id: 1234\n" + textwrap.indent(
        "action: reject\nkind: agreement\ntarget: {id: abc}\n" + _OK_TAIL, "    "), 2, "quote it"),
    ("fields on a reject", _entry("action: reject\nkind: lab\ntarget: {name: X Lab}\nfields: {status: planned}\n"
                                  + _OK_TAIL), 6, "does not read fields"),
    ("half an anchor", _entry("action: reject\nkind: delegation\ntarget:\n  document: a.txt\n" + _OK_TAIL), 6,
     "give both"),
    ("key given twice", _entry("action: reject\nkind: agreement\ntarget: {id: abc}\nreason: r\nreason: s\nauthor: a"),
     7, "given twice (first on line 6)"),
    ("offsets reversed", _entry("action: add\nkind: delegation\ndocument: a.txt\nevidence_start: 9\n"
                                "evidence_end: 3\nevidence: x\nfields: {status: completed}\n" + _OK_TAIL), 6,
     "0 <= start < end"),
    ("not YAML", "corrections:\n  - id: c1\n    action: [set\n    kind: agreement\n", 4, "not readable as YAML"),
    ("a list, not the mapping", "- id: c1\n  action: set\n", 1, "one key, `corrections`"),
]


@pytest.mark.parametrize("text,line,reason", [case[1:] for case in MALFORMED], ids=[case[0] for case in MALFORMED])
def test_a_malformed_entry_stops_the_load_with_its_line(tmp_path, text, line, reason):
    with pytest.raises(CorrectionsError) as raised:
        load_corrections(written(tmp_path, text))
    assert raised.value.lines == [line]
    assert reason in str(raised.value) and f"corrections.yaml:{line}:" in str(raised.value)


def test_every_malformed_entry_is_reported_at_once(tmp_path):
    path = write(tmp_path, entry("c1", "set", "agreement", target={"id": "a"}, fields={"status": "x"}),
                 entry("c2", "reject", "agreement", target={"id": "b"}),
                 entry("c3", "merge", "person", **{"from": "A", "into": 7}))
    with pytest.raises(CorrectionsError) as raised:
        load_corrections(path)
    assert len(raised.value.problems) == 2 and raised.value.lines == [line_of(path, "c1") + 6, line_of(path, "c3") + 4]


CONTRADICTIONS = [
    ("one field set to two values",
     [entry("c1", "set", "agreement", target={"id": "abc"}, fields={"status": "signed"}),
      entry("c2", "set", "agreement", target={"id": "abc"}, fields={"status": "planned"})],
     "set status of one agreement to different values"),
    ("a rename against a set of the name",
     [entry("c1", "rename", "organization", target="HKU", to="X"),
      entry("c2", "set", "organization", target="hku", fields={"canonical_name": "Y"})],
     "set canonical_name"),
    ("a fact rejected and set",
     [entry("c1", "reject", "delegation", target={"id": "abc"}),
      entry("c2", "set", "delegation", target={"id": "abc"}, fields={"member_count": 3})],
     "both reject one delegation and correct or keep it"),
    ("a party rejected and added",
     [entry("c1", "reject", "agreement_party", target={"agreement": {"id": "a"}, "organization": "HKU"}),
      entry("c2", "add", "agreement_party", target={"agreement": {"id": "a"}, "organization": "HKU"})],
     "both reject"),
    ("a merge and its reverse",
     [entry("c1", "merge", "organization", **{"from": "A", "into": "B"}),
      entry("c2", "merge", "organization", **{"from": "B", "into": "A"})],
     "merge in a circle"),
    ("a longer circle",
     [entry("c1", "merge", "person", **{"from": "A", "into": "B"}),
      entry("c2", "merge", "person", **{"from": "B", "into": "C"}),
      entry("c3", "merge", "person", **{"from": "C", "into": "A"})],
     "merge in a circle"),
    ("one record merged into two",
     [entry("c1", "merge", "organization", **{"from": "A", "into": "B"}),
      entry("c2", "merge", "organization", **{"from": "A", "into": "C"})],
     "into two different records"),
    ("a merge into itself", [entry("c1", "merge", "organization", **{"from": "HKU", "into": {"name": "HKU"}})],
     "merges one organization into itself"),
    ("an id used twice",
     [entry("c1", "reject", "agreement", target={"id": "a"}), entry("c1", "reject", "agreement", target={"id": "b"})],
     "is used 2 times"),
]


@pytest.mark.parametrize("entries,reason", [case[1:] for case in CONTRADICTIONS],
                         ids=[case[0] for case in CONTRADICTIONS])
def test_contradicting_corrections_stop_the_load_with_their_lines(tmp_path, entries, reason):
    path = write(tmp_path, *entries)
    with pytest.raises(CorrectionsError) as raised:
        load_corrections(path)
    starts = [n for n, line in enumerate(path.read_text().splitlines(), 1) if line.startswith("- id: ")]
    assert raised.value.lines == starts, "every entry involved, and only those"
    assert reason in str(raised.value)


def test_agreeing_corrections_are_no_contradiction(tmp_path):
    same = {"target": {"id": "abc"}, "fields": {"status": "signed"}}
    assert len(load_corrections(write(tmp_path, entry("c1", "set", "agreement", **same),
                                      entry("c2", "set", "agreement", **same)))) == 2


def test_a_contradiction_seen_only_once_resolved_stops_the_run(tmp_path, tables):
    """One entry names the agreement by id, the other by its anchor: the file looks fine, the tables do not."""
    row = headline(tables)
    path = write(tmp_path,
                 entry("c1", "set", "agreement", target={"id": row["agreement_id"]}, fields={"status": "signed"}),
                 entry("c2", "set", "agreement", target=anchor(tables, row, with_id=False),
                       fields={"status": "planned"}))
    corrections = load_corrections(path)
    with pytest.raises(CorrectionsError) as raised:
        apply_corrections(tables, corrections)
    assert raised.value.lines == [line_of(path, "c1"), line_of(path, "c2")]


def test_a_merge_circle_seen_only_once_resolved_stops_the_run(tmp_path, tables):
    zju, hku = org_id(tables, "ZJU"), org_id(tables, "HKU")
    path = write(tmp_path, entry("c1", "merge", "organization", **{"from": {"id": zju}, "into": "HKU"}),
                 entry("c2", "merge", "organization", **{"from": {"id": hku}, "into": "Zhejiang University"}))
    with pytest.raises(CorrectionsError, match="merge in a circle"):
        apply_corrections(tables, load_corrections(path))


# ---------------------------------------------------------------- merge

def test_a_merge_rewrites_every_reference_and_keeps_every_alias(tmp_path, tables):
    department = org_id(tables, "Sichuan Provincial Department of Science and Technology")
    government = org_id(tables, "Sichuan Provincial Government")
    result = apply(tables, tmp_path, entry("m1", "merge", "organization", **{
        "from": {"name": "Sichuan Provincial Department of Science and Technology"}, "into": {"id": government}}))
    out = result.tables
    assert department not in set(out["organizations"]["organization_id"])
    assert (out["delegations"]["origin_organization_id"] == government).all()
    assert (out["delegations"][LINEAGE_COLUMN] == "m1").all()
    mentions_before = tables["mentions"]["entity_id"].isin([department, government]).sum()
    assert (out["mentions"]["entity_id"] == government).sum() == mentions_before
    aliases = tables["organization_aliases"]
    aliases_before = set(aliases[aliases["organization_id"].isin([department, government])]["alias"])
    assert set(rows_of(out, "organization_aliases", "organization_id", government)["alias"]) == aliases_before
    kept = rows_of(out, "organizations", "organization_id", government).iloc[0]
    assert pd.isna(kept["parent_organization_id"]), "the department's parent was the government itself"
    assert kept[LINEAGE_COLUMN] == "m1"
    row = applied(result)["m1"]
    assert row["matched_by"] == "anchor" and row["target_id"] == government
    assert row["changes"]["organization_id"] == {"from": department, "to": government}
    assert row["changes"]["references"] == {"organization_aliases.organization_id": 1, "mentions.entity_id": 1,
                                            "delegations.origin_organization_id": 1}
    assert "filled" not in row["changes"]


def test_a_chain_of_merges_resolves_transitively_whatever_the_order(tmp_path, tables):
    zju, pku, thu = org_id(tables, "ZJU"), org_id(tables, "PKU"), org_id(tables, "THU")
    chain = [entry("c2", "merge", "organization", **{"from": "Peking University", "into": "ZJU"}),
             entry("c1", "merge", "organization", **{"from": {"id": thu}, "into": "PKU"})]
    result = apply(tables, tmp_path, *chain)
    out = result.tables
    assert not out["organizations"]["organization_id"].isin([pku, thu]).any()
    for table, column in [("agreement_parties", "organization_id"), ("organization_aliases", "organization_id")]:
        assert not out[table][column].isin([pku, thu]).any()
    second_report = fact(tables, "agreements", "Peking University and Tsinghua University signed a cooperation "
                                               "agreement in")
    for agreement in (pku_thu(tables)["agreement_id"], second_report["agreement_id"]):
        parties = rows_of(out, "agreement_parties", "agreement_id", agreement)
        assert parties["organization_id"].tolist() == [zju], "the two parties are one organisation now, once"
        assert parties[LINEAGE_COLUMN].tolist() == ["c1,c2"]
    assert {"PKU", "THU", "Tsinghua University", "Peking University"} <= set(
        rows_of(out, "organization_aliases", "organization_id", zju)["alias"])
    assert applied(result)["c1"]["note"] == f"{pku} is itself merged into {zju}"
    reversed_result = apply(tables, tmp_path, *reversed(chain))
    for name in out:
        pd.testing.assert_frame_equal(out[name], reversed_result.tables[name])


def test_a_merge_keeps_one_row_per_alias_with_its_best_source(tmp_path, tables):
    pku, thu = org_id(tables, "PKU"), org_id(tables, "THU")
    misread = dict(tables)  # extraction had also read "Peking Univ." as a name of Tsinghua
    misread["organization_aliases"] = pd.concat([tables["organization_aliases"], pd.DataFrame(
        [{"organization_id": thu, "alias": "Peking Univ.", "source": "corpus"}])], ignore_index=True)
    result = apply(misread, tmp_path, entry("m1", "merge", "organization", **{"from": {"id": thu},
                                                                              "into": {"id": pku}}))
    aliases = rows_of(result.tables, "organization_aliases", "organization_id", pku)
    assert aliases.query("alias == 'Peking Univ.'")["source"].tolist() == ["reference"]
    assert not aliases.duplicated(["organization_id", "alias"]).any()
    assert len(aliases) == len(tables["organization_aliases"].query("organization_id in [@pku, @thu]"))


def test_a_merge_of_people_rewrites_signatories_affiliations_and_mentions(tmp_path, tables):
    chan, li = person_id(tables, "Chan Wai-keung"), person_id(tables, "Li Ming")
    result = apply(tables, tmp_path, entry("p1", "merge", "person", **{"from": "Chan Wai-keung",
                                                                      "into": {"id": li, "name": "Li Ming"}}))
    out = result.tables
    assert out["people"]["person_id"].tolist() == [li]
    for table, column in [("agreement_signatories", "person_id"), ("person_affiliations", "person_id"),
                          ("mentions", "entity_id")]:
        assert chan not in set(out[table][column]) and li in set(out[table][column])
    assert sorted(rows_of(out, "agreement_signatories", "person_id", li)["title"]) == ["Provost", "Vice President"]
    assert applied(result)["p1"]["changes"]["full_name"] == {"from": "Chan Wai-keung", "to": "Li Ming"}


def test_one_merge_written_twice_applies_once(tmp_path, tables):
    merge = {"from": "Tsinghua University", "into": {"id": org_id(tables, "PKU")}}
    result = apply(tables, tmp_path, entry("m1", "merge", "organization", **merge),
                   entry("m2", "merge", "organization", **merge))
    rows = applied(result)
    assert rows["m1"]["changes"]["references"] and (rows["m2"]["changes"], rows["m2"]["note"]) == (
        {}, "already one organization")
    assert org_id(tables, "THU") not in set(result.tables["organizations"]["organization_id"])


def test_a_merge_extraction_has_since_made_changes_nothing(tmp_path, tables):
    hku = org_id(tables, "HKU")
    result = apply(tables, tmp_path, entry("m1", "merge", "organization", **{
        "from": {"name": "Hong Kong University"}, "into": {"id": hku}}))
    row = applied(result)["m1"]
    assert row["changes"] == {} and row["note"] == "already one organization"
    for name, frame in tables.items():
        pd.testing.assert_frame_equal(without_lineage(result.tables[name]), without_lineage(frame))


# ---------------------------------------------------------------- rename, set

def test_rename_and_set_an_organisation_keep_its_old_name_as_an_alias(tmp_path, tables):
    hku, zju = org_id(tables, "HKU"), org_id(tables, "ZJU")
    result = apply(tables, tmp_path,
                   entry("r1", "rename", "organization", target={"name": "Hong Kong University"},
                         to="University of Hong Kong (Pokfulam)"),
                   entry("s1", "set", "organization", target={"id": hku, "name": "HKU"}, fields={
                       "wikidata_id": "Q15568", "ror_id": "https://ror.org/02zhqgq86", "org_type": "university",
                       "parent_organization": {"name": "ZJU"}, "acronym": None}))
    row = rows_of(result.tables, "organizations", "organization_id", hku).iloc[0]
    assert (row["canonical_name"], row["wikidata_id"], row["ror_id"], row["parent_organization_id"]) == (
        "University of Hong Kong (Pokfulam)", "Q15568", "https://ror.org/02zhqgq86", zju)
    assert pd.isna(row["acronym"]) and row[LINEAGE_COLUMN] == "r1,s1"
    assert "The University of Hong Kong" in set(rows_of(result.tables, "organization_aliases", "organization_id",
                                                        hku)["alias"])
    changes = applied(result)
    assert changes["r1"]["changes"] == {"canonical_name": {"from": "The University of Hong Kong",
                                                           "to": "University of Hong Kong (Pokfulam)"}}
    assert changes["s1"]["changes"]["acronym"] == {"from": "HKU", "to": None}
    assert "org_type" not in changes["s1"]["changes"], "it was a university already: nothing changed"


def test_set_fields_of_facts(tmp_path, tables):
    agreement, visit = pku_thu(tables), delegation(tables)
    hku = org_id(tables, "HKU")
    result = apply(tables, tmp_path,
                   entry("s1", "set", "agreement", target=anchor(tables, agreement, with_id=False),
                         fields={"title": None, "status": "signed", "signed_on": "2021-09"}),
                   entry("s2", "set", "delegation", target={"id": visit["delegation_id"]},
                         fields={"member_count": 12, "member_count_max": 15, "host_organization": "HKU",
                                 "visited_on": 2022}))
    got = rows_of(result.tables, "agreements", "agreement_id", agreement["agreement_id"]).iloc[0]
    assert pd.isna(got["title"]) and got["status"] == "signed"
    assert (pd.Timestamp(got["signed_on"]), got["signed_on_precision"]) == (pd.Timestamp(2021, 9, 1), "month")
    visit_now = rows_of(result.tables, "delegations", "delegation_id", visit["delegation_id"]).iloc[0]
    assert (visit_now["member_count"], visit_now["member_count_max"], visit_now["host_organization_id"]) == (
        12, 15, hku)
    assert (pd.Timestamp(visit_now["visited_on"]), visit_now["visited_on_precision"]) == (
        pd.Timestamp(2022, 1, 1), "year")
    changes = applied(result)
    assert changes["s1"]["matched_by"] == "anchor" and changes["s2"]["matched_by"] == "id"
    assert "member_count" not in changes["s2"]["changes"] and changes["s2"]["changes"]["member_count_max"] == {
        "from": None, "to": 15}
    untouched = result.tables["agreements"][result.tables["agreements"]["agreement_id"] != agreement["agreement_id"]]
    assert untouched[LINEAGE_COLUMN].isna().all()


# ---------------------------------------------------------------- reject

def test_rejecting_an_agreement_removes_its_parties_signatories_activities_and_fields(tmp_path, tables):
    agreement = headline(tables)["agreement_id"]
    dependents = ["agreement_parties", "agreement_signatories", "agreement_activities", "agreement_domains"]
    before = {t: len(rows_of(tables, t, "agreement_id", agreement)) for t in dependents}
    assert all(before.values()), "the sample's headline agreement has rows in every dependent table"
    result = apply(tables, tmp_path, entry("x1", "reject", "agreement", target=anchor(tables, headline(tables),
                                                                                      with_id=False)))
    for table in ["agreements", *dependents]:
        assert rows_of(result.tables, table, "agreement_id", agreement).empty
    assert len(result.tables["agreement_parties"]) == len(tables["agreement_parties"]) - before["agreement_parties"]
    change = applied(result)["x1"]
    assert change["changes"]["removed"] == before and change["changes"]["row"]["from"]["agreement_id"] == agreement
    assert change["matched_by"] == "anchor"


def test_rejecting_a_lab_or_a_delegation(tmp_path, tables):
    lab = tables["labs"]["lab_id"].iloc[0]
    result = apply(tables, tmp_path,
                   entry("x1", "reject", "lab", target={"name": "Joint Laboratory for Quantum Materials"}),
                   entry("x2", "reject", "delegation", target={"id": delegation(tables)["delegation_id"]}))
    assert result.tables["labs"].empty and result.tables["delegations"].empty
    assert lab not in set(result.tables["lab_mentions"]["lab_id"]) | set(result.tables["mentions"]["entity_id"])
    assert applied(result)["x1"]["changes"]["removed"] == {"mentions": 1, "lab_mentions": 1}


def test_rejecting_one_party_or_one_signatory(tmp_path, tables):
    agreement = headline(tables)["agreement_id"]
    result = apply(tables, tmp_path,
                   entry("x1", "reject", "agreement_party", target={"agreement": {"id": agreement},
                                                                    "organization": "HKU"}),
                   entry("x2", "reject", "signatory", target={"agreement": {"id": agreement},
                                                              "person": {"name": "Chan Wai-keung"}}))
    out = result.tables
    assert rows_of(out, "agreement_parties", "agreement_id", agreement)["organization_id"].tolist() == [
        org_id(tables, "ZJU")]
    assert rows_of(out, "agreement_signatories", "agreement_id", agreement)["person_id"].tolist() == [
        person_id(tables, "Li Ming")]
    assert len(rows_of(out, "agreements", "agreement_id", agreement)) == 1
    change = applied(result)
    assert (change["x1"]["target_table"], change["x1"]["target_id"]) == ("agreement_parties", agreement)
    assert change["x2"]["changes"] == {"person_id": {"from": person_id(tables, "Chan Wai-keung"), "to": None}}


# ---------------------------------------------------------------- add

def _add_body_mou(cid: str = "a1", start: int = BODY_MOU_START, **fields) -> dict:
    return entry(cid, "add", "agreement", document="zju_hku.txt", evidence_start=start,
                 evidence_end=start + len(BODY_MOU), evidence=BODY_MOU,
                 fields={"agreement_type": "memorandum_of_understanding", "status": "signed",
                         "signed_on": dt.date(2023, 4, 11), "place": "Hangzhou"} | fields,
                 parties=["ZJU", {"name": "The University of Hong Kong"}, "HKU"])


def test_adding_an_agreement_extraction_missed(tmp_path, tables):
    result = apply(tables, tmp_path, _add_body_mou())
    new_id = make_id("agreement", "correction", "a1")
    row = rows_of(result.tables, "agreements", "agreement_id", new_id).iloc[0]
    mou = tables["documents"].query("source_path == 'zju_hku.txt'").iloc[0]
    assert mou["clean_text"][row["evidence_start"]:row["evidence_end"]] == row["evidence"] == BODY_MOU
    assert (row["document_id"], row["agreement_type"], row["confidence"], row[LINEAGE_COLUMN]) == (
        mou["document_id"], "memorandum_of_understanding", 1.0, "a1")
    assert row["event_id"] == make_id("agreement_event", new_id) and row["signed_on_precision"] == "day"
    assert row["place_id"] == tables["places"].query("name == 'Hangzhou'")["place_id"].iloc[0]
    parties = rows_of(result.tables, "agreement_parties", "agreement_id", new_id)
    assert sorted(parties["organization_id"]) == sorted([org_id(tables, "ZJU"), org_id(tables, "HKU")])
    assert applied(result)["a1"]["matched_by"] == "added"
    assert contract_problems(result.tables) == {}


def test_adding_a_signatory_and_a_party_to_an_agreement(tmp_path, tables):
    agreement = pku_thu(tables)["agreement_id"]
    result = apply(tables, tmp_path,
                   entry("a1", "add", "signatory", target={"agreement": {"id": agreement}, "person": "Li Ming"},
                         fields={"role": "witness", "title": "Guest", "organization": "ZJU"}),
                   entry("a2", "add", "agreement_party",
                         target={"agreement": {"id": agreement}, "organization": "ZJU"}))
    signatory = rows_of(result.tables, "agreement_signatories", "agreement_id", agreement).iloc[0]
    assert (signatory["person_id"], signatory["role"], signatory["organization_id"], signatory[LINEAGE_COLUMN]) == (
        person_id(tables, "Li Ming"), "witness", org_id(tables, "ZJU"), "a1")
    assert org_id(tables, "ZJU") in set(rows_of(result.tables, "agreement_parties", "agreement_id", agreement)[
        "organization_id"])
    assert contract_problems(result.tables) == {}


def test_an_addition_whose_evidence_is_not_in_its_document_is_rejected(tmp_path, tables):
    wrong = _add_body_mou() | {"evidence": "Zhejiang University and HKU signed nothing at all."}
    result = apply(tables, tmp_path, wrong, _add_body_mou("a2") | {"document": "deleted.txt"})
    assert result.applied.empty
    reasons = {r["record"]["id"]: r for r in result.rejections}
    assert "the evidence is not in document zju_hku.txt" in reasons["a1"]["errors"]
    assert "document deleted.txt is not in the warehouse" in reasons["a2"]["errors"]
    assert reasons["a2"]["document_id"] == make_id("document", "deleted.txt")


# ---------------------------------------------------------------- re-extraction, vanished targets

def test_corrections_survive_a_re_extraction_with_shifted_offsets(tmp_path, tables):
    """The corrections are written against one run; the document is re-extracted with a line before its
    headline: same evidence, other offsets, new ids. The anchors re-attach them."""
    shifted = sample_tables(SHIFTED)
    old_agreement, old_visit = headline(tables), delegation(tables)
    new_agreement, new_visit = headline(shifted), delegation(shifted)
    assert old_agreement["agreement_id"] != new_agreement["agreement_id"]
    assert old_visit["delegation_id"] != new_visit["delegation_id"]
    result = apply(shifted, tmp_path,
                   entry("s1", "set", "agreement", target=anchor(tables, old_agreement),
                         fields={"agreement_type": "memorandum_of_understanding"}),
                   entry("x1", "reject", "delegation", target=anchor(tables, old_visit)),
                   entry("x2", "reject", "delegation", target={"id": old_visit["delegation_id"]}),
                   _add_body_mou())
    rows = applied(result)
    assert (rows["s1"]["matched_by"], rows["s1"]["target_id"]) == ("reattached", new_agreement["agreement_id"])
    assert f"agreement {old_agreement['agreement_id']} is gone" in rows["s1"]["note"]
    assert (rows["x1"]["matched_by"], rows["x1"]["target_id"]) == ("reattached", new_visit["delegation_id"])
    assert result.tables["delegations"].empty
    assert rows_of(result.tables, "agreements", "agreement_id", new_agreement["agreement_id"])[
        "agreement_type"].tolist() == ["memorandum_of_understanding"]
    added = rows_of(result.tables, "agreements", "agreement_id", make_id("agreement", "correction", "a1")).iloc[0]
    shift = len(SHIFTED["zju_hku.txt"]) - len(tables["documents"].query("source_path == 'zju_hku.txt'")[
        "clean_text"].iloc[0])
    assert added["evidence_start"] == BODY_MOU_START + shift and "not at" in rows["a1"]["note"]
    assert [r["record"]["id"] for r in result.rejections] == ["x2"], "an id alone cannot follow a re-extraction"
    assert contract_problems(result.tables) == {}


def test_a_correction_whose_target_vanished_is_rejected_never_dropped(tmp_path, tables):
    two_named_alike = dict(tables)
    two_named_alike["organization_aliases"] = pd.concat([tables["organization_aliases"], pd.DataFrame(
        [{"organization_id": org_id(tables, o), "alias": "Sea University", "source": "corpus"}
         for o in ("ZJU", "HKU")])],
        ignore_index=True)
    entries = [entry("v1", "reject", "agreement", target={"id": "0" * 16, "document": "gone.txt", "evidence": "x"}),
               entry("v2", "set", "organization", target="Nowhere University", fields={"org_type": "other"}),
               entry("v3", "reject", "agreement_party", target={"agreement": anchor(tables, pku_thu(tables)),
                                                                "organization": "HKU"}),
               entry("v4", "set", "organization", target="Sea University", fields={"org_type": "other"}),
               entry("ok", "set", "organization", target="HKU", fields={"wikidata_id": "Q15568"})]
    path = write(tmp_path, *entries)
    result = apply_corrections(two_named_alike, load_corrections(path), run_id="run-1", now=NOW)
    assert list(result.applied["correction_id"]) == ["ok"]
    assert [r["record"] for r in result.rejections] == entries[:4], "the record is the correction as written"
    errors = [r["errors"] for r in result.rejections]
    assert errors[0].startswith(f"corrections.yaml:{line_of(path, 'v1')}: correction v1 no longer applies: ")
    assert "no agreement has id 0000000000000000; document gone.txt is not in the warehouse" in errors[0]
    assert "no organization matches name 'Nowhere University'" in errors[1]
    assert f"organization_id {org_id(tables, 'HKU')} is no longer on agreement" in errors[2]
    assert "its anchor matches 2 organizations" in errors[3]
    frame = table_schema("rejected_records").validate(pd.DataFrame(result.rejections))
    assert set(frame["table_name"]) == {"corrections"} and set(frame["run_id"]) == {"run-1"}
    assert frame["rejected_at"].tolist() == [pd.Timestamp(NOW)] * 4
    assert [r["document_id"] for r in result.rejections][:3] == [make_id("document", "gone.txt"), None,
                                                                  make_id("document", "lab.txt")]


# ---------------------------------------------------------------- every action at once

LAB_HEADLINE = "New joint laboratory for quantum materials opens in Shenzhen"


def every_action(tables) -> list[dict]:
    return [
        entry("m-sichuan", "merge", "organization", **{
            "from": "Sichuan Provincial Department of Science and Technology",
            "into": "Sichuan Provincial Government"}),
        entry("m-thu", "merge", "organization", **{"from": "Tsinghua University", "into": "PKU"}),
        entry("r-hku", "rename", "organization", target="HKU", to="The University of Hong Kong (Pokfulam)"),
        entry("s-hku", "set", "organization", target={"id": org_id(tables, "HKU"), "name": "HKU"},
              fields={"wikidata_id": "Q15568"}),
        entry("x-lab", "reject", "lab", target="Joint Laboratory for Quantum Materials"),
        entry("x-chan", "reject", "signatory", target={"agreement": anchor(tables, headline(tables)),
                                                       "person": "Chan Wai-keung"}),
        entry("s-headline", "set", "agreement", target=anchor(tables, headline(tables)),
              fields={"agreement_type": "memorandum_of_understanding", "title": None}),
        entry("s-pku", "set", "agreement", target=anchor(tables, pku_thu(tables)),
              fields={"status": "signed", "signed_on": "2021-09"}),
        entry("s-visit", "set", "delegation", target=anchor(tables, delegation(tables)),
              fields={"member_count": 15, "host_organization": "HKU"}),
        _add_body_mou("a-body"),
        entry("a-lab", "add", "lab", document="lab.txt", evidence_start=0, evidence_end=len(LAB_HEADLINE),
              evidence=LAB_HEADLINE,
              fields={"name": "Shenzhen Quantum Materials Laboratory", "lab_type": "joint_laboratory",
                      "status": "established", "host_organization": "CUHK", "established_year": 2021}),
        entry("a-party", "add", "agreement_party", target={"agreement": anchor(tables, pku_thu(tables)),
                                                           "organization": "HKU"}),
        entry("a-witness", "add", "signatory",
              target={"agreement": anchor(tables, pku_thu(tables)), "person": "Li Ming"}, fields={"role": "witness"}),
        entry("x-gone", "reject", "delegation", target={"id": "f" * 16}),
    ]


def test_corrected_tables_still_meet_the_contract(tmp_path, tables):
    result = apply(tables, tmp_path, *every_action(tables))
    assert [r["record"]["id"] for r in result.rejections] == ["x-gone"]
    assert len(result.applied) == len(every_action(tables)) - 1
    assert contract_problems(result.tables) == {}
    published, rejected = validate_tables(result.tables)
    assert rejected == 0
    for table in LINEAGE_TABLES:
        assert LINEAGE_COLUMN in published[table].columns
    assert set(result.tables) == set(tables)
    for name, frame in tables.items():
        assert list(result.tables[name].columns) == list(frame.columns)


def test_the_same_corrections_on_the_same_input_give_the_same_tables(tmp_path, tables):
    corrections = load_corrections(write(tmp_path, *every_action(tables)))
    first = apply_corrections(sample_tables(), corrections, run_id="run-1", now=NOW)
    second = apply_corrections(sample_tables(), corrections, run_id="run-1", now=NOW)
    for name in first.tables:
        pd.testing.assert_frame_equal(first.tables[name], second.tables[name])
    pd.testing.assert_frame_equal(first.applied, second.applied)
    assert first.rejections == second.rejections
    shuffled = apply_corrections(tables, load_corrections(write(tmp_path, *every_action(tables)[::-1])), now=NOW)
    for name in first.tables:
        pd.testing.assert_frame_equal(first.tables[name], shuffled.tables[name])


def test_applying_corrections_to_their_own_result_changes_nothing(tmp_path, tables):
    corrections = load_corrections(write(tmp_path, *every_action(tables)))
    once = apply_corrections(tables, corrections, now=NOW)
    twice = apply_corrections(once.tables, corrections, now=NOW)
    for name in once.tables:
        pd.testing.assert_frame_equal(once.tables[name], twice.tables[name])


def test_no_corrections_add_only_an_empty_lineage(tmp_path, tables):
    result = apply_corrections(tables, load_corrections(tmp_path / "none.yaml"), now=NOW)
    assert result.applied.empty and list(result.applied.columns) == list(COLUMNS) and result.rejections == []
    for name, frame in tables.items():
        pd.testing.assert_frame_equal(without_lineage(result.tables[name]), without_lineage(frame))
        if name in LINEAGE_TABLES:  # build_tables gives an all-null float column; corrections make it objects
            assert (tables[name][LINEAGE_COLUMN].dtype, result.tables[name][LINEAGE_COLUMN].dtype) == ("float64", object)
            assert result.tables[name][LINEAGE_COLUMN].isna().all()


def test_corrections_applied_has_a_described_model(tmp_path, tables):
    result = apply(tables, tmp_path, *every_action(tables))
    assert list(result.applied.columns) == list(COLUMNS)
    CorrectionsApplied.validate(result.applied)
    assert set(result.applied["matched_by"]) == {"id", "anchor", "added"}
    assert CORRECTION_ACTION == tuple(ACTIONS)
    schema = CorrectionsApplied.to_schema()
    assert list(schema.columns) == list(COLUMNS)
    assert all(column.description for column in schema.columns.values()) and CorrectionsApplied.Config.description


# ---------------------------------------------------------------- the run's step (correct_tables, corrections_for_run)

def test_the_runs_step_fills_corrections_applied_and_quarantines_stale_corrections(tmp_path, tables):
    corrections = load_corrections(write(tmp_path, *every_action(tables)))
    result = correct_tables(tables, corrections, run_id="run-1", now=NOW)
    assert set(result.tables) == set(tables)
    pd.testing.assert_frame_equal(result.tables["corrections_applied"], result.applied)
    assert len(result.applied) == len(every_action(tables)) - 1
    before, after = tables["rejected_records"], result.tables["rejected_records"]
    stale = after.iloc[len(before):]
    assert stale["table_name"].tolist() == ["corrections"] and stale["record"].iloc[0]["id"] == "x-gone"
    assert stale["errors"].iloc[0] == (f"corrections.yaml:{line_of(corrections.path, 'x-gone')}: correction x-gone "
                                       f"no longer applies: no delegation has id {'f' * 16}")
    assert (stale["run_id"].iloc[0], stale["rejected_at"].iloc[0]) == ("run-1", pd.Timestamp(NOW))
    published, rejected = validate_tables(result.tables)
    assert rejected == 0 and len(published["corrections_applied"]) == len(result.applied)


def test_contradictions_found_only_once_resolved_stop_the_run(tmp_path, tables):
    hku = org_id(tables, "HKU")  # one organisation, named by alias in one entry and by id in the other
    path = write(tmp_path, entry("s1", "set", "organization", target="HKU", fields={"wikidata_id": "Q1"}),
                 entry("s2", "set", "organization", target={"id": hku}, fields={"wikidata_id": "Q2"}))
    lines = f"{line_of(path, 's1')},{line_of(path, 's2')}"
    assert lines == "2,10"
    with pytest.raises(RunRefused, match=rf"(?s)previous warehouse stays.*corrections\.yaml:{lines}: corrections s1, "
                                         r's2 set wikidata_id of one organization to different values \("Q1", "Q2"\)'):
        correct_tables(tables, load_corrections(path), now=NOW)


@pytest.mark.parametrize(("name", "text", "required", "message"), [
    ("absent.yaml", None, False, None),
    ("absent.yaml", None, True, r"the corrections file .*absent\.yaml does not exist"),
    ("bad.yaml", "corrections:\n  - id: x\n    action: delete\n", False,
     r"(?s)cannot be applied.*bad\.yaml:3: `action` is one of merge, rename, set, reject, add, not 'delete'"),
])
def test_a_run_applies_no_corrections_without_a_file_and_refuses_a_malformed_one(tmp_path, name, text, required,
                                                                                 message):
    path = tmp_path / name
    if text is not None:
        path.write_text(text)
    if message is None:
        assert len(corrections_for_run(path, required)) == 0
    else:
        with pytest.raises(RunRefused, match=message):
            corrections_for_run(path, required)
