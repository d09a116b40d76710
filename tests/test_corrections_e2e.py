"""Analysts' corrections through real runs (issue 17): the Dagster job over a folder of invented articles
(tests/unit/correction_samples.py) with a corrections file, run after run as an analyst would live with it.

One module-scoped sequence of runs, each on the cache of the one before: corrections of every kind applied;
the same input and corrections again (the same warehouse); a document re-cleaned so its offsets shift (the
corrections re-attach by their anchors); a document removed (its corrections reported, never dropped). Then
the command line: a malformed file stops the run and keeps the warehouse; review lists what is left to look at;
review writes a correction stub into the file, inert until edited; rollback puts the previous warehouse back, and
can be undone.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import lxml.html
import pandas as pd
import pytest
import yaml

from pipeline.cli import main
from pipeline.core.corrections import LINEAGE_COLUMN, LINEAGE_TABLES
from pipeline.core.history import kept
from pipeline.core.table_digest import VOLATILE
from schemas import TABLE_COLUMNS
from tests.pipeline_run import query, run_job
from tests.unit.correction_samples import BODY_MOU, BODY_MOU_START, SHIFTED, TEXTS, fact, sample_tables

# Columns that say when or in which run a row was made: the only ones two runs over the same input may differ in.
RUN_COLUMNS = {table: [c for c in columns if c in VOLATILE] for table, columns in TABLE_COLUMNS.items()}


def entry(cid: str, action: str, kind: str, **keys) -> dict:
    return {"id": cid, "action": action, "kind": kind, **keys, "reason": f"because of {cid}", "author": "tester"}


def corrections() -> list[dict]:
    """One correction of each kind, named as an analyst names them: facts by id and anchor (document and
    evidence), organisations and people by a name they go by."""
    tables = sample_tables()
    headline = fact(tables, "agreements", "Zhejiang University and HKU sign")
    pku_thu = fact(tables, "agreements", "Peking University and Tsinghua University signed a cooperation agreement on")
    visit = fact(tables, "delegations", "A 12-member delegation")

    def named(row: pd.Series, key: str) -> dict:
        path = tables["documents"].set_index("document_id").loc[row["document_id"], "source_path"]
        return {"id": row[key], "document": path, "evidence": row["evidence"]}

    return [
        entry("m-thu", "merge", "organization", **{"from": "Tsinghua University", "into": "Peking University"}),
        entry("r-hku", "rename", "organization", target="HKU", to="The University of Hong Kong (Pokfulam)"),
        entry("s-hku", "set", "organization", target="HKU", fields={"wikidata_id": "Q15568"}),
        entry("s-headline", "set", "agreement", target=named(headline, "agreement_id"),
              fields={"agreement_type": "memorandum_of_understanding"}),
        entry("s-visit", "set", "delegation", target=named(visit, "delegation_id"), fields={"member_count": 15}),
        entry("x-chan", "reject", "signatory", target={"agreement": named(headline, "agreement_id"),
                                                       "person": "Chan Wai-keung"}),
        entry("x-lab", "reject", "lab", target="Joint Laboratory for Quantum Materials"),
        entry("a-body", "add", "agreement", document="zju_hku.txt", evidence_start=BODY_MOU_START,
              evidence_end=BODY_MOU_START + len(BODY_MOU), evidence=BODY_MOU,
              fields={"agreement_type": "memorandum_of_understanding", "status": "signed",
                      "signed_on": dt.date(2023, 4, 11)}, parties=["Zhejiang University", "HKU"]),
        entry("a-party", "add", "agreement_party", target={"agreement": named(pku_thu, "agreement_id"),
                                                           "organization": "HKU"}),
    ]


def write_raw(raw: Path, texts: dict[str, str]) -> None:
    raw.mkdir(parents=True, exist_ok=True)
    for old in raw.iterdir():
        if old.name not in texts:
            old.unlink()
    for name, text in texts.items():
        (raw / name).write_text(text, encoding="utf-8")


def snapshot(warehouse: Path) -> dict[str, pd.DataFrame]:
    """Every table of the published file, rows in a stable order, without the columns that name the run."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        names = [r[0] for r in con.execute("select table_name from information_schema.tables "
                                           "where table_type = 'BASE TABLE' order by 1").fetchall()]
        frames = {name: con.execute(f'select * from "{name}"').df() for name in names}
    return {name: frame.drop(columns=RUN_COLUMNS.get(name, [])).astype(str).sort_values(
        list(frame.drop(columns=RUN_COLUMNS.get(name, [])).columns)).reset_index(drop=True)
        for name, frame in frames.items()}


def applied(warehouse: Path) -> dict[str, dict]:
    rows = query(warehouse, "select correction_id, matched_by, target_id, note from corrections_applied")
    return {cid: {"matched_by": how, "target_id": target, "note": note} for cid, how, target, note in rows}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("corrections")
    raw, warehouse, cache, path = base / "raw", base / "out" / "cooperation.duckdb", base / "cache", base / "c.yaml"
    path.write_text(yaml.safe_dump({"corrections": corrections()}, sort_keys=False, allow_unicode=True))
    settings = {"corrections_file": str(path), "cache_dir": str(cache)}
    out = {"raw": raw, "warehouse": warehouse, "path": path, "base": base}
    with dg.DagsterInstance.ephemeral() as instance:
        for step, texts in (("first", TEXTS), ("again", TEXTS), ("shifted", SHIFTED),
                            ("removed", {k: v for k, v in SHIFTED.items() if k != "lab.txt"})):
            write_raw(raw, texts)
            run = run_job(instance, raw, warehouse, **settings)
            assert run.success, step
            copy = shutil.copy2(warehouse, base / f"{step}.duckdb")  # this step's warehouse, for the tests to query
            out[step] = {"run": run, "tables": snapshot(warehouse), "applied": applied(warehouse), "file": Path(copy),
                         "build": query(warehouse, "select distinct run_id from build_info")[0][0]}
    return out


def test_every_kind_of_correction_changes_the_published_warehouse(runs):
    first = runs["first"]
    warehouse = first["file"]
    assert sorted(first["applied"]) == sorted(c["id"] for c in corrections())
    assert {cid: row["matched_by"] for cid, row in first["applied"].items()} == {
        "m-thu": "anchor", "r-hku": "anchor", "s-hku": "anchor", "s-headline": "id", "s-visit": "id",
        "x-chan": "anchor", "x-lab": "anchor", "a-body": "added", "a-party": "added"}  # x-chan: its person by name
    tables = first["tables"]
    organizations = tables["organizations"].set_index("canonical_name")
    assert "Tsinghua University" not in organizations.index  # merged into Peking University
    hku = organizations.loc["The University of Hong Kong (Pokfulam)"]
    assert (hku["wikidata_id"], hku[LINEAGE_COLUMN]) == ("Q15568", "r-hku,s-hku")
    assert tables["delegations"][["member_count", LINEAGE_COLUMN]].values.tolist() == [["15", "s-visit"]]
    assert tables["labs"].empty and tables["lab_mentions"].empty
    assert tables["agreement_signatories"]["person_id"].tolist() != [] and "Chan Wai-keung" not in set(
        tables["people"].set_index("person_id").loc[tables["agreement_signatories"]["person_id"], "full_name"])
    headline = tables["agreements"][tables["agreements"]["evidence"].str.startswith("Zhejiang University and HKU")]
    assert headline[["agreement_type", LINEAGE_COLUMN]].values.tolist() == [["memorandum_of_understanding",
                                                                            "s-headline"]]
    added = query(warehouse, "select a.evidence_start, a.confidence, a.corrected_by, string_agg(o.canonical_name, "
                             "'; ' order by o.canonical_name) from agreements a join agreement_parties p using "
                             "(agreement_id) join organizations o using (organization_id) where a.evidence = ? "
                             "group by all", [BODY_MOU])
    assert added == [(BODY_MOU_START, 1.0, "a-body", "The University of Hong Kong (Pokfulam); Zhejiang University")]
    pku_parties = query(warehouse, "select o.canonical_name, p.corrected_by from agreement_parties p join "
                                   "organizations o using (organization_id) where p.agreement_id = ? order by 1",
                        [first["applied"]["a-party"]["target_id"]])
    assert pku_parties == [("Peking University", "m-thu"), ("The University of Hong Kong (Pokfulam)", "a-party")]
    assert first["run"].checks[("corrections_applied", "corrections_still_apply")].passed
    assert first["run"].counts["corrections_applied"] == 9


def test_every_corrected_row_says_so_and_no_other(runs):
    corrected = {table: query(runs["first"]["file"], f"select corrected_by, count(*) from {table} "
                                                     "where corrected_by is not null group by 1 order by 1")
                 for table in LINEAGE_TABLES}
    assert corrected == {
        "organizations": [("m-thu", 1), ("r-hku,s-hku", 1)],  # Peking University took Tsinghua's place
        "people": [], "agreement_signatories": [], "labs": [], "lab_mentions": [],
        "agreements": [("a-body", 1), ("s-headline", 1)],
        # the added agreement's two parties, the party added to pku_thu, and the parties the merge rewrote from
        # Tsinghua to Peking University (pku_thu and its second report)
        "agreement_parties": [("a-body", 2), ("a-party", 1), ("m-thu", 2)],
        "delegations": [("s-visit", 1)]}


def test_the_same_corrections_on_the_same_input_give_the_same_warehouse(runs):
    first, again = runs["first"], runs["again"]
    assert again["run"].extracted == 0 and again["build"] != first["build"]
    assert list(first["tables"]) == list(again["tables"])
    for table, frame in first["tables"].items():
        pd.testing.assert_frame_equal(frame, again["tables"][table], obj=table)


def test_a_correction_survives_a_re_extraction_that_shifts_its_offsets(runs):
    """A line added under the headline moves every sentence of the body (the cleaner keeps the headline first):
    the visit gets a new id, and the added agreement's evidence is found further on."""
    first, shifted = runs["first"], runs["shifted"]
    moved = len("News release from the universities.\n\n")
    row = shifted["applied"]["s-visit"]  # named by an id that is gone, found again by document and evidence
    assert row["matched_by"] == "reattached" and row["target_id"] != first["applied"]["s-visit"]["target_id"]
    assert row["note"] == (f"delegation {first['applied']['s-visit']['target_id']} is gone: re-attached by its "
                           f"anchor to {row['target_id']}")
    assert query(shifted["file"], "select delegation_id, member_count, corrected_by from delegations") == [
        (row["target_id"], 15, "s-visit")]
    added = shifted["applied"]["a-body"]
    assert added["matched_by"] == "added" and added["target_id"] == first["applied"]["a-body"]["target_id"]
    start = BODY_MOU_START + moved
    assert added["note"] == (f"evidence found at {start}:{start + len(BODY_MOU)}, not at "
                             f"{BODY_MOU_START}:{BODY_MOU_START + len(BODY_MOU)}")
    assert query(shifted["file"], "select evidence_start from agreements where corrected_by = 'a-body'") == [
        (start,)]
    # the headline stays first, at the same offsets: its agreement keeps its id
    assert shifted["applied"]["s-headline"] == first["applied"]["s-headline"]
    assert shifted["run"].checks[("corrections_applied", "corrections_still_apply")].passed


def test_a_correction_whose_document_is_removed_is_reported_not_dropped(runs):
    """lab.txt goes: the lab rejected by name, and the pku_thu agreement the party was added to, with it."""
    removed = runs["removed"]
    assert sorted(removed["applied"]) == sorted(
        c["id"] for c in corrections() if c["id"] not in ("x-lab", "a-party"))
    stale = query(removed["file"], "select record->>'id', errors, document_id from rejected_records "
                                   "where table_name = 'corrections' order by 1")
    lines = {cid: next(n for n, text in enumerate(runs["path"].read_text().splitlines(), 1) if text == f"- id: {cid}")
             for cid in ("a-party", "x-lab")}
    pku_thu = runs["first"]["applied"]["a-party"]["target_id"]
    lab_document = query(runs["first"]["file"], "select document_id from documents where source_path = 'lab.txt'")
    assert stale == [
        ("a-party", f"c.yaml:{lines['a-party']}: correction a-party no longer applies: no agreement has id {pku_thu}; "
                    "document lab.txt is not in the warehouse", lab_document[0][0]),
        ("x-lab", f"c.yaml:{lines['x-lab']}: correction x-lab no longer applies: no lab matches name "
                  "'Joint Laboratory for Quantum Materials'", None)]
    check = removed["run"].checks[("corrections_applied", "corrections_still_apply")]
    assert (check.passed, check.severity) == (False, dg.AssetCheckSeverity.WARN)
    assert check.metadata["stale"].value == 2
    assert all(cid in check.metadata["stale_corrections"].value for cid in ("x-lab", "a-party"))
    assert removed["run"].counts["rejected_records"] == 2  # published all the same: the check does not block


def test_the_build_record_counts_what_was_published(runs):
    rows = dict(query(runs["warehouse"], "select table_name, row_count from build_info"))
    assert rows == {table: count for table, count in runs["removed"]["run"].counts.items() if table != "build_info"}
    digests = query(runs["warehouse"], "select distinct code_version, corrections_digest from build_info")
    assert len(digests) == 1 and digests[0][0] == "0.1.0"


def test_a_malformed_file_stops_the_run_with_its_lines_and_keeps_the_warehouse(runs, capsys):
    bad = runs["base"] / "bad.yaml"
    bad.write_text("corrections:\n"
                   "  - {id: r1, action: rename, kind: organization, target: HKU, to: HKU Pokfulam, reason: r, "
                   "author: a}\n"
                   "  - {id: r1, action: reject, kind: lab, target: X, reason: r, author: a}\n"
                   "  - id: s1\n    action: set\n    kind: agreement\n    target: {id: abc}\n"
                   "    fields: {status: maybe}\n    reason: r\n    author: a\n")
    before = query(runs["warehouse"], "select distinct run_id from build_info")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DAGSTER_HOME", str(runs["base"] / "home"))
        code = main(["run", "--raw-dir", str(runs["raw"]), "--warehouse", str(runs["warehouse"]),
                     "--corrections", str(bad), "--json"])
    err = capsys.readouterr().err
    assert code == 1 and "the previous warehouse stays" in err
    assert f"{bad}:2,3: correction id 'r1' is used 2 times: ids are unique" in err
    assert f"{bad}:8: `status` is one of signed, planned, reported, not 'maybe'" in err
    assert query(runs["warehouse"], "select distinct run_id from build_info") == before


def test_review_lists_what_no_correction_has_touched_and_prints_a_stub(runs, capsys):
    warehouse = str(runs["warehouse"])
    assert main(["review", "--warehouse", warehouse, "--json"]) == 0
    queue = json.loads(capsys.readouterr().out)
    unreviewed = query(runs["warehouse"], "select agreement_id from agreements where corrected_by is null")
    assert [f["fact_id"] for f in queue] == [r[0] for r in unreviewed] and len(queue) == 1  # the second report
    assert queue[0]["new"] is False  # it was in the warehouse kept from the run before
    assert main(["review", "--warehouse", warehouse, "--stub", queue[0]["fact_id"]]) == 0
    stub = capsys.readouterr().out
    assert f"  - id: review-{queue[0]['fact_id']}\n    action: reject\n    kind: agreement\n" in stub
    assert main(["review", "--warehouse", warehouse, "--stub", "0" * 16]) == 1
    assert f"no agreement or delegation has id {'0' * 16}" in capsys.readouterr().err


def test_a_stub_written_into_the_corrections_file_changes_nothing_until_edited(runs, capsys):
    """The stub goes into a copy of the run's file (same name, so rejected_records names it alike); a run with it
    on the same input gives the warehouse of the run without it."""
    corrections = runs["base"] / "with-stub" / runs["path"].name
    corrections.parent.mkdir()
    shutil.copy2(runs["path"], corrections)
    (fact_id,) = query(runs["warehouse"], "select agreement_id from agreements where corrected_by is null")[0]
    assert main(["review", "--warehouse", str(runs["warehouse"]), "--stub", fact_id, "--write",
                 "--corrections", str(corrections)]) == 0
    assert f"appended a stub for agreement {fact_id} to {corrections}" in capsys.readouterr().out
    text = corrections.read_text()
    # yaml.safe_dump wrote the file's entries at the margin: the stub follows suit
    assert text.startswith(runs["path"].read_text()) and f"\n#- id: review-{fact_id}\n" in text
    warehouse = runs["base"] / "with-stub" / "cooperation.duckdb"
    with dg.DagsterInstance.ephemeral() as instance:
        assert run_job(instance, runs["raw"], warehouse, corrections_file=str(corrections),
                       cache_dir=str(runs["base"] / "cache")).success
    with_stub = snapshot(warehouse)
    assert list(with_stub) == list(runs["removed"]["tables"])
    for table, frame in runs["removed"]["tables"].items():  # build_info's corrections_digest too
        pd.testing.assert_frame_equal(with_stub[table], frame, obj=table)


def test_rollback_puts_the_previous_warehouse_back_and_can_be_undone(runs, capsys):
    """Last: it changes the published file. The removed document comes back with the warehouse before it, and
    goes again when the rollback is undone."""
    warehouse = runs["warehouse"]
    assert len(kept(warehouse)) == 3  # first, again, shifted: the keep_warehouses default
    assert main(["rollback", "--warehouse", str(warehouse)]) == 0
    out = capsys.readouterr().out
    assert f"by run {runs['shifted']['build']}" in out and "the warehouse rolled back from is kept as" in out
    assert query(warehouse, "select distinct run_id from build_info") == [(runs["shifted"]["build"],)]
    assert query(warehouse, "select count(*) from documents where source_path = 'lab.txt'") == [(1,)]
    for table, frame in runs["shifted"]["tables"].items():
        pd.testing.assert_frame_equal(snapshot(warehouse)[table], frame, obj=table)
    assert len(kept(warehouse)) == 3
    assert main(["rollback", "--warehouse", str(warehouse), "--list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert f"by run {runs['removed']['build']}" in listed[1] and listed[1].startswith("      1: ")
    assert "(rolled back from)" in listed[1]
    assert main(["rollback", "--warehouse", str(warehouse), "--to", "1"]) == 0
    assert query(warehouse, "select distinct run_id from build_info") == [(runs["removed"]["build"],)]
    for table, frame in runs["removed"]["tables"].items():
        pd.testing.assert_frame_equal(snapshot(warehouse)[table], frame, obj=table)


def test_the_report_says_what_the_corrections_changed_and_which_no_longer_apply(runs, tmp_path):
    out = tmp_path / "report.html"
    assert main(["report", "--out", str(out), "--warehouse", str(runs["removed"]["file"])]) == 0
    page = lxml.html.fromstring(out.read_text(encoding="utf-8"))
    corrected = sum(query(runs["removed"]["file"], f"select count(*) from {t} where corrected_by is not null")[0][0]
                    for t in LINEAGE_TABLES)
    assert page.xpath("string(//p[@class='corrections'])") == (
        f"Corrections applied: 1 add, 1 merge, 1 reject, 1 rename, 3 set; rows they changed or added: {corrected}. "
        "Stale corrections (their record is gone; fix or remove them): 2.")
    assert [li.xpath("string(code)") for li in page.xpath("//ul[@class='stale']/li")] == ["a-party", "x-lab"]
