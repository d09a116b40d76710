"""A new kind of fact is one module's worth of declarations: a test declares "joint funding calls" (its
table model, its rules file, its FactKind) and runs it end to end, from a document's text through
extraction, the corpus-wide merge, validation and an atomic publish, to a query of the published file.
Nothing else is registered or edited: the stages loop over the kinds and the catalog they are given."""
from __future__ import annotations

import datetime as dt
import shutil

import duckdb
import pandas as pd
import pandera.pandas as pa
import pytest
from pandera.typing import Series

from pipeline.core.extract import extract_document
from pipeline.core.ids import make_id
from pipeline.core.kinds.base import FactKind, Found, Rows, distinct, evidence
from pipeline.core.kinds.registry import FACT_KINDS, catalog_for
from pipeline.core.phrases import phrase_regex
from pipeline.core.publish import publish_atomically
from pipeline.core.records import IngestedDocument
from pipeline.core.reference import DEFAULT_REFERENCE_DIR, ReferenceDataError, load_rulebook
from pipeline.core.validate import published_tables, validate_all
from schemas.catalog import Reference, column_metadata, table_metadata
from tests.support.store import tables_of

RULES_FILE, RULE_KEYS = "funding_calls.yaml", {"call_phrases": "phrases"}


class FundingCalls(pa.DataFrameModel):
    call_id: Series[str] = pa.Field(unique=True, description="id of the report", metadata=column_metadata(
        primary_key=True))
    document_id: Series[str] = pa.Field(description="the document", metadata=column_metadata(
        references=Reference("documents.document_id")))
    evidence: Series[str] = pa.Field(description="the sentence announcing the call")
    evidence_start: Series[pd.Int64Dtype] = pa.Field(description="where it starts in clean_text")
    evidence_end: Series[pd.Int64Dtype] = pa.Field(description="where it ends")

    class Config:
        name = "funding_calls"
        description = "Joint funding calls announced in a document, one row per sentence."
        coerce = True
        metadata = table_metadata("facts", per_document=True, evidence=("evidence", "evidence_start", "evidence_end"))


def _extract(ctx, sdoc) -> list:
    phrases = ctx.rules.rules_file(RULES_FILE, RULE_KEYS)["call_phrases"]
    found = phrase_regex(tuple(phrases))
    return [sent for sent in ctx.sentences if found.search(sent.text)]


def _rows(found: Found) -> Rows:
    ctx = found.ctx
    return {"funding_calls": [{"call_id": make_id("call", ctx.document_id, s.start), "document_id": ctx.document_id,
                               **evidence(ctx, s)} for s in found.facts["funding_calls"]]}


FUNDING_CALLS = FactKind(name="funding_calls", tables=("funding_calls",), extract=_extract, rows=_rows,
                         merge=lambda rows, rules: {"funding_calls": distinct(rows["funding_calls"])},
                         models=(FundingCalls,), order=50)
KINDS = (*FACT_KINDS, FUNDING_CALLS)
TEXT = ("Sun Yat-sen University and the University of Melbourne signed a memorandum of understanding on "
        "12 May 2021.\n\nThe two universities will open a joint call for proposals in marine science next year.")


@pytest.fixture()
def rules(tmp_path):
    folder = tmp_path / "reference"
    shutil.copytree(DEFAULT_REFERENCE_DIR, folder)
    (folder / RULES_FILE).write_text("call_phrases: [joint call for proposals, joint funding call]\n", encoding="utf-8")
    return load_rulebook(folder)


def _document() -> IngestedDocument:
    return IngestedDocument(make_id("document", "calls.txt"), "calls.txt", "x", TEXT, published_on=dt.date(2021, 5, 13),
                            published_on_precision="day")


def test_an_extra_fact_kind_runs_from_text_to_the_published_warehouse(rules, tmp_path):
    doc = _document()
    extraction = extract_document(doc, rules, KINDS)
    assert len(extraction.rows["funding_calls"]) == 1 and extraction.rows["agreements"]  # beside the usual kinds
    tables = tables_of([doc], [extraction], rules, run_id="r1", kinds=KINDS)
    catalog = catalog_for(KINDS)
    validation = validate_all(tables, run_id="r1", catalog=catalog)
    valid, _ = published_tables(validation)
    target = tmp_path / "w.duckdb"
    publish_atomically(valid, target, catalog=catalog)
    with duckdb.connect(str(target), read_only=True) as con:
        (row,) = con.sql("select c.evidence, substr(d.clean_text, c.evidence_start + 1, c.evidence_end - "
                         "c.evidence_start) from funding_calls c join documents d using (document_id)").fetchall()
        assert row[0] == row[1] and row[0].startswith("The two universities will open a joint call")
        assert con.execute("select count(*) from agreements").fetchone()[0] == 1
        assert con.execute("select count(*) from rejected_records").fetchone()[0] == 0


def test_the_extra_kind_is_validated_like_the_others(rules):
    doc = _document()
    extraction = extract_document(doc, rules, KINDS)
    extraction.rows["funding_calls"][0]["evidence_start"] += 1  # evidence no longer at its offsets
    tables = tables_of([doc], [extraction], rules, run_id="r1", kinds=KINDS)
    validation = validate_all(tables, run_id="r1", catalog=catalog_for(KINDS))
    valid, _ = published_tables(validation)
    assert valid["funding_calls"].empty
    assert "funding_calls" in set(valid["rejected_records"]["table_name"])


def test_without_the_kind_nothing_changes(rules):
    doc = _document()
    with_kind, without = extract_document(doc, rules, KINDS), extract_document(doc, rules)
    assert "funding_calls" not in without.rows
    assert {t: rows for t, rows in with_kind.rows.items() if t != "funding_calls"} == without.rows


def test_a_kind_whose_rules_file_has_an_unknown_key_stops_with_the_key(rules):
    (rules.directory / RULES_FILE).write_text("call_phrase: [joint call]\n", encoding="utf-8")
    fresh = load_rulebook.__wrapped__(rules.directory)  # read the folder again, not the rulebook already loaded
    with pytest.raises(ReferenceDataError, match="funding_calls.yaml: unknown key"):
        extract_document(_document(), fresh, KINDS)
