"""The review queue (pipeline/core/review.py) over a sample warehouse (tests/unit/correction_samples.py): the
facts most worth a look first, each with its evidence, and a stub that is a valid correction of that fact once
filled in, appended to a corrections file commented out so it changes nothing until then."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from pipeline.core.corrections import STUB_PLACEHOLDERS, CorrectionsError, apply_corrections, load_corrections
from pipeline.core.review import WEIGHTS, StubNotWritten, append_stub, correction_stub, review_fact, review_queue
from tests.unit.correction_samples import fact, sample_tables, warehouse

NOW = dt.datetime(2024, 2, 1)


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return sample_tables()


@pytest.fixture(scope="module")
def con(tables):
    connection = warehouse(tables)
    yield connection
    connection.close()


def ids(tables) -> dict[str, str]:
    """The sample's four facts by a short name."""
    return {
        "headline": fact(tables, "agreements", "Zhejiang University and HKU sign")["agreement_id"],
        "visit": fact(tables, "delegations", "A 12-member delegation")["delegation_id"],
        "pku_thu": fact(tables, "agreements", "Peking University and Tsinghua University signed a cooperation "
                                              "agreement on")["agreement_id"],
        "second_report": fact(tables, "agreements", "Peking University and Tsinghua University signed a "
                                                    "cooperation agreement in")["agreement_id"],
    }


def stub_file(tmp_path, *stubs: str):
    path = tmp_path / "corrections.yaml"
    path.write_text("corrections:\n" + "".join(stubs))
    return path


def filled(stub: str) -> str:
    """The stub with its reason and author filled in, as an analyst leaves it."""
    return stub.replace(STUB_PLACEHOLDERS["reason"], "a background sentence").replace(
        STUB_PLACEHOLDERS["author"], "A. Analyst")


def test_the_queue_ranks_doubt_then_single_source_then_novelty(con, tables):
    facts = ids(tables)
    seen = {facts["visit"], facts["pku_thu"], facts["second_report"]}  # the headline agreement is new
    queue = review_queue(con, previous=seen)
    two_sources = sorted([facts["pku_thu"], facts["second_report"]])
    assert [f["fact_id"] for f in queue] == [facts["headline"], facts["visit"], *two_sources]
    assert [f["score"] for f in queue] == pytest.approx([
        (1 - 0.9) + WEIGHTS["single_source"] + WEIGHTS["new"], (1 - 0.75) + WEIGHTS["single_source"], 0.1, 0.1])
    assert queue[0]["reasons"] == ["confidence 0.90", "single source", "new since the last run"]
    assert queue[1]["reasons"] == ["confidence 0.75", "single source"] and queue[1]["new"] is False
    assert [f["sources"] for f in queue] == [1, 1, 2, 2] and queue[2]["reasons"] == ["confidence 0.90"]


def test_without_a_previous_run_nothing_counts_as_new(con, tables):
    queue = review_queue(con, limit=2)
    assert [f["fact_id"] for f in queue] == [ids(tables)["visit"], ids(tables)["headline"]]
    assert {f["new"] for f in queue} == {None}
    assert review_queue(con, limit=0) == [] and len(review_queue(con)) == 4


def test_each_fact_comes_with_its_evidence_document_and_who(con, tables):
    by_id = {f["fact_id"]: f for f in review_queue(con)}
    headline, visit = by_id[ids(tables)["headline"]], by_id[ids(tables)["visit"]]
    text = tables["documents"].query("source_path == 'zju_hku.txt'")["clean_text"].iloc[0]
    assert (headline["fact"], headline["source_path"], headline["fact_type"], headline["fact_date"]) == (
        "agreement", "zju_hku.txt", "memorandum", "2023-04-11")
    assert text[headline["evidence_start"]:headline["evidence_end"]] == headline["evidence"]
    assert headline["who"] == "The University of Hong Kong; Zhejiang University"
    assert visit["who"] == ("Sichuan Provincial Department of Science and Technology -> "
                            "The Hong Kong Polytechnic University")
    assert visit["evidence"].startswith("A 12-member delegation") and visit["status"] == "completed"


def test_corrected_facts_leave_the_queue_but_can_still_be_looked_up(tmp_path, tables):
    visit = ids(tables)["visit"]
    path = stub_file(tmp_path, "  - {id: c1, action: set, kind: delegation, target: {id: " + visit + "},"
                               " fields: {member_count: 13}, reason: r, author: a}\n")
    corrected = apply_corrections(tables, load_corrections(path), now=NOW)
    con = warehouse(corrected.tables)
    assert visit not in {f["fact_id"] for f in review_queue(con)}
    assert review_fact(con, visit)["fact_id"] == visit
    assert review_fact(con, "no-such-fact") is None


def test_every_stub_is_a_correction_that_rejects_its_fact(tmp_path, con, tables):
    queue = review_queue(con)
    corrections = load_corrections(stub_file(tmp_path, *(filled(f["stub"]) for f in queue)))
    assert [(c.action, c.kind, c.refs["target"].id) for c in corrections] == [
        ("reject", f["fact"], f["fact_id"]) for f in queue]
    result = apply_corrections(tables, corrections, now=NOW)
    assert result.rejections == [] and set(result.applied["matched_by"]) == {"id"}
    assert result.tables["agreements"].empty and result.tables["delegations"].empty


def test_a_stub_turned_into_a_set_is_a_valid_correction(tmp_path, con, tables):
    """The commented fields hold the warehouse's values: uncommented as they are, they change nothing."""
    for item in review_queue(con):
        stub = filled(item["stub"]).replace("action: reject", "action: set").replace("    # fields:", "    fields:")
        result = apply_corrections(tables, load_corrections(stub_file(tmp_path, stub)), now=NOW)
        change = result.applied.iloc[0]
        assert (change["action"], change["target_id"], change["changes"]) == ("set", item["fact_id"], {})


def test_a_stub_quotes_an_id_yaml_would_read_as_a_number(tmp_path):
    stub = correction_stub({"fact": "delegation", "fact_id": "1234567890123456", "source_path": "a.txt",
                            "evidence": "Mr Li: visited #3, 'quoted'.", "status": "completed",
                            "fact_date": "2022-06-01", "date_precision": "month"})
    (correction,) = load_corrections(stub_file(tmp_path, filled(stub)))
    assert correction.refs["target"].id == "1234567890123456"
    assert correction.refs["target"].evidence == "Mr Li: visited #3, 'quoted'."
    assert "visited_on: 2022-06}" in stub, "a month is written as a month"


def test_a_stub_not_filled_in_stops_the_run_instead_of_rejecting(tmp_path, con):
    stub = review_queue(con, limit=1)[0]["stub"]
    with pytest.raises(CorrectionsError) as error:
        load_corrections(stub_file(tmp_path, stub))
    assert [reason for _, reason in error.value.problems] == [
        "`reason` is still the review stub's 'TODO: why': fill it in"]
    with pytest.raises(CorrectionsError) as error:
        load_corrections(stub_file(tmp_path, stub.replace(STUB_PLACEHOLDERS["reason"], "a background sentence")))
    assert [reason for _, reason in error.value.problems] == [
        "`author` is still the review stub's 'TODO: who': fill it in"]


KEPT = """# the team's corrections; keep this comment
corrections:
  - id: keep-visit   # a real correction
    action: set
    kind: delegation
    target: {id: VISIT}
    fields: {member_count: 13}
    reason: the release says 13
    author: B. Analyst
#  - id: draft        # an entry someone is still writing
"""


def uncommented(path, line: int):
    """A copy of the corrections file at `path` as an analyst leaves it after removing the leading `#` of the
    stub that starts on `line` (the stub runs to the end of the file), but filling in nothing."""
    lines = path.read_text().splitlines(keepends=True)
    copy = path.with_name(f"uncommented-{path.name}")
    copy.write_text("".join(lines[:line - 1]) + "".join(x[1:] for x in lines[line - 1:]))
    return copy


def test_an_appended_stub_keeps_the_file_and_changes_nothing_until_edited(tmp_path, con, tables):
    facts = ids(tables)
    path = tmp_path / "corrections.yaml"
    path.write_text(KEPT.replace("VISIT", facts["visit"]))
    before, loaded = path.read_text(), load_corrections(path)
    headline = review_fact(con, facts["headline"])
    line = append_stub(path, headline)
    text = path.read_text()
    assert text.startswith(before)  # every byte kept, comments included
    assert text.splitlines()[line - 1] == f"#  - id: review-{facts['headline']}"
    assert text.splitlines()[line - 2].startswith(f"#  # review stub of agreement {facts['headline']}:")
    assert load_corrections(path) == loaded  # the same corrections, the same digest: the same warehouse
    draft = uncommented(path, line)
    with pytest.raises(CorrectionsError, match="still the review stub's"):
        load_corrections(draft)  # uncommented but not filled in: refused, not applied
    draft.write_text(filled(draft.read_text()))
    result = apply_corrections(tables, load_corrections(draft), now=NOW)
    assert sorted(result.applied["correction_id"]) == ["keep-visit", f"review-{facts['headline']}"]
    assert facts["headline"] not in set(result.tables["agreements"]["agreement_id"])
    with pytest.raises(StubNotWritten, match=f"already has an entry or stub review-{facts['headline']}"):
        append_stub(path, headline)
    assert path.read_text() == text


@pytest.mark.parametrize("before", [
    None,  # no file yet
    "",
    "# only a comment, no newline at the end",
    "corrections:\n- id: margin\n  action: reject\n  kind: lab\n  target: X\n  reason: r\n  author: a\n",
])
def test_a_stub_is_appended_to_a_file_of_any_shape_it_can_join(tmp_path, con, before):
    path = tmp_path / "c.yaml"
    if before is not None:
        path.write_text(before)
    visit = review_queue(con, limit=1)[0]
    line = append_stub(path, visit)
    assert path.read_text().startswith(before or "")
    assert len(load_corrections(path)) == (1 if before and "margin" in before else 0)
    draft = uncommented(path, line)
    draft.write_text(filled(draft.read_text()))
    assert [c.id for c in load_corrections(draft)][-1] == f"review-{visit['fact_id']}"


def test_a_stub_that_could_not_join_the_list_is_not_written(tmp_path, con):
    path = tmp_path / "c.yaml"
    path.write_text("corrections: []\n")
    with pytest.raises(StubNotWritten, match="would not be the last entry of its `corrections:` list"):
        append_stub(path, review_queue(con, limit=1)[0])
    assert path.read_text() == "corrections: []\n"


@pytest.mark.parametrize("copy, sources", [
    (True, [1, 1]),  # the second report is a syndicated copy of the first's document: one source
    (False, [2, 2]),
])
def test_a_syndicated_copy_is_no_second_source(tables, copy, sources):
    facts = ids(tables)
    document_of = dict(zip(tables["agreements"]["agreement_id"], tables["agreements"]["document_id"]))
    links = {document_of[facts["second_report"]]: document_of[facts["pku_thu"]]} if copy else {}
    documents = tables["documents"].assign(copy_of=tables["documents"]["document_id"].map(links).astype(object))
    connection = warehouse({**tables, "documents": documents})
    by_id = {f["fact_id"]: f for f in review_queue(connection)}
    connection.close()
    assert [by_id[facts[k]]["sources"] for k in ("pku_thu", "second_report")] == sources
    assert by_id[facts["pku_thu"]]["single_source"] is copy


def test_a_warehouse_built_before_copies_were_linked_counts_every_document(tables):
    connection = warehouse({**tables, "documents": tables["documents"].drop(columns=["copy_of"])})
    assert sorted(f["sources"] for f in review_queue(connection)) == [1, 1, 2, 2]
    connection.close()
