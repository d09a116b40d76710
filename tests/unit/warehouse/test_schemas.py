"""The schemas package mirrors spec/DATA_CONTRACT.md, its models give every column a meaning (the
contract's, where it has one), they catch bad rows, and the catalog derives the rest from them."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pytest
from pandera.typing import Series

from schemas import (
    ADDED_COLUMNS,
    ADDED_TABLES,
    CATALOG,
    DATE,
    ENUM_COLUMNS,
    EVIDENCE,
    EVIDENCE_TABLES,
    FOREIGN_KEYS,
    PER_DOCUMENT_TABLES,
    PRIMARY_KEYS,
    SURFACE_OFFSETS,
    TABLE_COLUMNS,
    TABLE_DESCRIPTIONS,
    TABLE_GROUPS,
    TABLE_MODELS,
    Catalog,
    ForeignKey,
    Reference,
    column_descriptions,
    column_metadata,
    empty_frame,
    enums,
    not_null_columns,
    table_metadata,
    table_schema,
)

CONTRACT = Path(__file__).resolve().parents[4] / "shared" / "spec" / "DATA_CONTRACT.md"
BASE_TYPES = ("VARCHAR", "INTEGER", "DOUBLE", "DATE", "TIMESTAMP", "JSON")


def parse_contract(text: str) -> dict[str, dict[str, dict]]:
    """table -> column -> {"type", "enum", "primary_key", "not_null", "meaning"} from the contract's tables.

    Handles the contract's shorthand: several columns in one row (`start, end`), one type per
    column (`VARCHAR, INTEGER, INTEGER`), per-table alternatives (`document_id / agreement_id /
    lab_id`), `(x only)` restrictions, and an empty type meaning "as defined earlier".
    """
    tables: dict[str, dict[str, dict]] = {}
    known: dict[str, str] = {}
    current: list[str] = []
    for line in text.splitlines():
        if line.startswith("## ") and not line.startswith("### "):
            current = []
        if line.startswith("### "):
            current = [t.strip() for t in line[4:].split(" — ")[0].split(",")]
            for t in current:
                tables[t] = {}
            continue
        if not current or not line.startswith("|") or line.startswith("|---") or line.startswith("| column"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        names_cell, type_cell = cells[0], cells[1]
        meaning = cells[2] if len(cells) > 2 else ""
        only = re.search(r"\((\w+) only\)", names_cell)
        names_cell = re.sub(r"\(.*?\)", "", names_cell)
        targets = [only.group(1)] if only else current
        type_words = [w.strip().split(" ")[0] for w in type_cell.split(",")]
        if "/" in names_cell:
            per_table = [n.strip() for n in names_cell.split("/")]
            assignments = [(t, [n]) for t, n in zip(current, per_table)]
        else:
            names = [n.strip() for n in names_cell.split(",") if n.strip()]
            assignments = [(t, names) for t in targets]
        for table, names in assignments:
            multi = len(type_words) == len(names) > 1 and all(w in BASE_TYPES for w in type_words)
            for i, name in enumerate(names):
                base = type_words[i] if multi else type_words[0]
                if base not in BASE_TYPES:
                    base = known[name]
                known.setdefault(name, base)
                enum = re.search(r"enum: (.*)$", type_cell)
                tables[table][name] = {
                    "type": base,
                    "enum": tuple(v.strip() for v in enum.group(1).split(",")) if enum else None,
                    "primary_key": "primary key" in type_cell,
                    "not_null": "not null" in type_cell or "primary key" in type_cell,
                    "meaning": meaning,
                }
    return tables


@pytest.fixture(scope="module")
def contract() -> dict[str, dict[str, dict]]:
    if not CONTRACT.exists():
        pytest.skip(f"the data contract {CONTRACT} is not beside the project (../shared is absent)")
    return parse_contract(CONTRACT.read_text(encoding="utf-8"))


def test_every_contract_table_has_model_and_columns(contract):
    # the contract's tables in its order, then the tables this warehouse adds (the contract allows added tables)
    assert [*contract, *ADDED_TABLES] == list(TABLE_MODELS) == list(TABLE_COLUMNS)
    assert ADDED_TABLES == ("corrections_applied", "build_info")
    for table, columns in contract.items():
        declared = {c: spec["type"] for c, spec in columns.items()}
        assert {c: TABLE_COLUMNS[table][c] for c in declared} == declared, table
        added = set(ADDED_COLUMNS.get(table, ()))  # the contract allows added columns, never renamed ones
        assert not added & set(declared), table
        assert set(TABLE_COLUMNS[table]) == set(declared) | added, table
        assert set(table_schema(table).columns) == set(declared) | added, table


def test_keys_nullability_and_enums_match_contract(contract):
    for table, columns in contract.items():
        keys = tuple(c for c, spec in columns.items() if spec["primary_key"])
        assert PRIMARY_KEYS.get(table, ()) == keys, table
        required = set(not_null_columns(table))
        for column, spec in columns.items():
            if spec["not_null"]:
                assert column in required, f"{table}.{column} must be not null"
            if spec["enum"]:
                assert ENUM_COLUMNS[(table, column)] == spec["enum"], f"{table}.{column}"
    contract_enums = {(t, c) for t, cols in contract.items() for c, s in cols.items() if s["enum"]}
    added_enums = {("corrections_applied", "action"), ("corrections_applied", "matched_by")}
    assert set(ENUM_COLUMNS) == contract_enums | added_enums
    assert ENUM_COLUMNS[("corrections_applied", "action")] == enums.CORRECTION_ACTION


def test_parse_contract_splits_shared_sections_and_rows():
    text = ("### a_domains, b_domains\n| column | type | meaning |\n|---|---|---|\n"
            "| a_id / b_id | VARCHAR, not null | the owner |\n"
            "| start, end (a_domains only) | INTEGER | offsets of `x` |\n"
            "### other — note\n| column | type | meaning |\n| k | VARCHAR | |\n")
    parsed = parse_contract(text)
    assert parsed["a_domains"]["a_id"]["meaning"] == parsed["b_domains"]["b_id"]["meaning"] == "the owner"
    assert "b_id" not in parsed["a_domains"] and "end" not in parsed["b_domains"]
    assert parsed["a_domains"]["end"]["meaning"] == "offsets of `x`"
    assert parsed["other"]["k"]["meaning"] == ""


@pytest.mark.parametrize("table", list(TABLE_MODELS))
def test_every_table_and_column_has_a_meaning(table):
    assert TABLE_DESCRIPTIONS[table].strip(), table
    meanings = column_descriptions(table)
    assert list(meanings) == list(TABLE_COLUMNS[table])
    empty = [column for column, meaning in meanings.items() if len(meaning.strip()) < 10]
    assert not empty, f"{table}: columns without a meaning in schemas/models.py: {empty}"


def _plain(text: str) -> str:
    return " ".join(text.replace("`", "").lower().split()).rstrip(".")


# The contract gives its provenance columns' meaning in its general rules ("see General rules"): what the
# general rules say of each of them, which the model's meaning must say too.
GENERAL_RULES = {"evidence": "copied from documents.clean_text", "evidence_start": "offset in documents.clean_text",
                 "evidence_end": "offset in documents.clean_text"}


def test_model_meanings_agree_with_the_contracts(contract):
    """Where the contract gives a column a meaning, the model's says it (verbatim, maybe with more after or before)."""
    checked = 0
    for table, columns in contract.items():
        meanings = column_descriptions(table)
        for column, spec in columns.items():
            stated = spec["meaning"]
            if not stated:
                continue
            if stated == "see General rules":
                stated = GENERAL_RULES.get(column, "")  # confidence: the general rules say nothing of it
                if not stated:
                    continue
            assert _plain(stated) in _plain(meanings[column]), (
                f"{table}.{column}: the contract says {stated!r}; schemas/models.py says {meanings[column]!r}")
            checked += 1
    assert checked >= 50


def test_named_enums():
    assert enums.PRECISION == ("day", "month", "year", "unknown")
    assert enums.ENTITY_TYPE == ("organization", "person", "place", "lab")
    for values in ENUM_COLUMNS.values():
        assert len(set(values)) == len(values)


def test_relations_name_real_columns():
    for fk in FOREIGN_KEYS:
        assert fk.column in TABLE_COLUMNS[fk.table], str(fk)
        assert fk.parent_column in TABLE_COLUMNS[fk.parent_table], str(fk)
    for table, cols in EVIDENCE_TABLES.items():
        assert set(cols) <= set(TABLE_COLUMNS[table])


def valid_row(table: str) -> dict:
    """One row of `table` that satisfies its model."""
    special = {"country_code": "CN", "region_code": "CN-HK", "domain_id": "2.5", "established_year": 2010,
               "evidence_start": 0, "start": 0, "source_url": "https://example.org/news/1", "language": "en",
               "code_digest": "0123456789abcdef", "corrections_digest": "0" * 64}
    values = {"VARCHAR": "x", "INTEGER": 3, "DOUBLE": 0.5, "DATE": dt.date(2023, 5, 1),
              "TIMESTAMP": dt.datetime(2024, 1, 2, 3, 4), "JSON": {"a": 1}}
    row = {}
    for column, duck_type in TABLE_COLUMNS[table].items():
        enum = ENUM_COLUMNS.get((table, column))
        row[column] = enum[0] if enum else special.get(column, values[duck_type])
    return row


@pytest.mark.parametrize("table", list(TABLE_MODELS))
def test_valid_row_passes_and_empty_frame_has_contract_shape(table):
    out = TABLE_MODELS[table].validate(pd.DataFrame([valid_row(table)]))
    assert len(out) == 1
    empty = empty_frame(table)
    assert list(empty.columns) == list(TABLE_COLUMNS[table]) and empty.empty
    for column, duck_type in TABLE_COLUMNS[table].items():
        if duck_type in ("DATE", "TIMESTAMP"):
            assert pd.api.types.is_datetime64_any_dtype(out[column]), column


BAD = [
    ("agreements", {"agreement_type": "treaty"}),
    ("agreements", {"confidence": 1.5}),
    ("delegations", {"confidence": -0.1}),
    ("agreements", {"evidence_start": 5, "evidence_end": 2}),
    ("lab_mentions", {"evidence_start": -1}),
    ("mentions", {"entity_type": "thing"}),
    ("mentions", {"surface": None}),
    ("labs", {"status": "closed"}),
    ("organizations", {"country_code": "China"}),
    ("delegations", {"member_count": 40, "member_count_max": 30}),
    ("rejected_records", {"record": "not json"}),
    ("documents", {"clean_text": None}),
    ("corrections_applied", {"changes": "not json"}),
    ("corrections_applied", {"matched_by": "guess"}),
    ("build_info", {"row_count": -1}),
    ("build_info", {"code_digest": "v1"}),
]


@pytest.mark.parametrize(("table", "change"), BAD, ids=[f"{t}-{'-'.join(c)}" for t, c in BAD])
def test_bad_value_is_caught(table, change):
    with pytest.raises(pa.errors.SchemaErrors):
        TABLE_MODELS[table].validate(pd.DataFrame([{**valid_row(table), **change}]), lazy=True)


@pytest.mark.parametrize("table", list(PRIMARY_KEYS))
def test_duplicate_primary_key_is_caught(table):
    frame = pd.DataFrame([valid_row(table), valid_row(table)])
    if table == "documents":
        frame["source_path"] = ["a.txt", "b.txt"]
    with pytest.raises(pa.errors.SchemaErrors, match="uniqueness|unique"):
        TABLE_MODELS[table].validate(frame, lazy=True)


# ---------------------------------------------------------------- the catalog: everything derived from the models

class FundingCalls(pa.DataFrameModel):
    """A table the warehouse does not have (a joint funding call, with its evidence), declared as a test would."""

    call_id: Series[str] = pa.Field(unique=True, description="the call", metadata=column_metadata(primary_key=True))
    document_id: Series[str] = pa.Field(description="the document that reports it", metadata=column_metadata(
        references=Reference("documents.document_id")))
    funder_id: Series[str] = pa.Field(nullable=True, description="who pays", metadata=column_metadata(
        references=Reference("organizations.organization_id")))
    deadline: Series[pa.DateTime] = pa.Field(nullable=True, description="last day to apply",
                                             metadata=column_metadata(duckdb_type=DATE))
    status: Series[str] = pa.Field(isin=["open", "closed"], description="whether one can still apply")
    amount: Series[float] = pa.Field(nullable=True, ge=0, description="money on offer")
    evidence: Series[str] = pa.Field(description="the sentence")
    evidence_start: Series[pd.Int64Dtype] = pa.Field(description="where it starts")
    evidence_end: Series[pd.Int64Dtype] = pa.Field(description="where it ends")

    class Config:
        name = "funding_calls"
        description = "Joint funding calls, one row per report."
        coerce = True
        metadata = table_metadata("facts", per_document=True, evidence=EVIDENCE)


EXTENDED = CATALOG.with_models(FundingCalls)


def test_groups_and_per_document_tables_come_from_the_models():
    assert set(TABLE_GROUPS) == set(TABLE_COLUMNS)
    assert {t for t, g in TABLE_GROUPS.items() if g in ("ingest", "warehouse")} == {
        "documents", "rejected_records", "corrections_applied", "build_info"}
    assert TABLE_GROUPS["mentions"] == "entities" and TABLE_GROUPS["collaboration_domains"] == "facts"
    # every table an extraction yields rows of, and only those: not the documents, the taxonomy or the quarantine
    assert set(PER_DOCUMENT_TABLES) == set(TABLE_COLUMNS) - {
        "documents", "collaboration_domains", "rejected_records", "corrections_applied", "build_info"}
    assert TABLE_DESCRIPTIONS == {t: m.Config.description for t, m in TABLE_MODELS.items()}


def test_declared_references_become_foreign_keys_with_their_conditions():
    assert ForeignKey("agreements", "place_id", "places", "place_id") in FOREIGN_KEYS
    entity = [fk for fk in FOREIGN_KEYS if (fk.table, fk.column) == ("mentions", "entity_id")]
    assert [(fk.parent_table, fk.when) for fk in entity] == [
        ("organizations", ("entity_type", "organization")), ("people", ("entity_type", "person")),
        ("places", ("entity_type", "place")), ("labs", ("entity_type", "lab"))]
    assert set(enums.ENTITY_TYPE) == {fk.when[1] for fk in entity}
    assert not [fk for fk in FOREIGN_KEYS if fk.table == "rejected_records"]  # a rejected file has no document row
    assert str(entity[1]) == "mentions.entity_id -> people.person_id when entity_type = 'person'"


def test_declared_offsets_dates_and_added_columns():
    assert EVIDENCE_TABLES["document_domains"] == ("matched_text", "evidence_start", "evidence_end")
    assert set(EVIDENCE_TABLES) == {"agreements", "delegations", "lab_mentions", "document_domains"}
    assert SURFACE_OFFSETS == {"mentions": ("surface", "start", "end")}
    dates = {(t, c) for t, cols in TABLE_COLUMNS.items() for c, sql in cols.items() if sql == "DATE"}
    assert dates == {("documents", "published_on"), ("agreements", "signed_on"), ("delegations", "visited_on")}
    assert TABLE_COLUMNS["documents"]["ingested_at"] == "TIMESTAMP"
    assert TABLE_COLUMNS["rejected_records"]["record"] == "JSON"
    lineage = ("organizations", "people", "agreements", "agreement_parties", "agreement_signatories",
               "delegations", "labs", "lab_mentions")  # the tables analysts' corrections change
    assert ADDED_COLUMNS == {"documents": ("source_url", "language", "copy_of"), **{t: ("corrected_by",) for t in lineage}}
    assert all(table_schema(t).columns["corrected_by"].nullable for t in lineage)
    assert TABLE_COLUMNS["corrections_applied"]["changes"] == "JSON"


def test_an_extended_catalog_has_the_extra_table_and_leaves_the_default_alone():
    assert list(EXTENDED.columns) == [*TABLE_COLUMNS, "funding_calls"]
    assert dict(EXTENDED.columns["funding_calls"]) == {
        "call_id": "VARCHAR", "document_id": "VARCHAR", "funder_id": "VARCHAR", "deadline": "DATE",
        "status": "VARCHAR", "amount": "DOUBLE", "evidence": "VARCHAR", "evidence_start": "INTEGER",
        "evidence_end": "INTEGER"}
    assert EXTENDED.primary_keys["funding_calls"] == ("call_id",)
    assert EXTENDED.foreign_keys[-2:] == (ForeignKey("funding_calls", "document_id", "documents", "document_id"),
                                          ForeignKey("funding_calls", "funder_id", "organizations", "organization_id"))
    assert EXTENDED.evidence_tables["funding_calls"] == EVIDENCE
    assert (EXTENDED.groups["funding_calls"], EXTENDED.per_document_tables[-1]) == ("facts", "funding_calls")
    assert EXTENDED.enum_columns[("funding_calls", "status")] == ("open", "closed")
    assert EXTENDED.not_null_columns("funding_calls") == (
        "call_id", "document_id", "status", "evidence", "evidence_start", "evidence_end")
    assert EXTENDED.column_descriptions("funding_calls")["deadline"] == "last day to apply"
    empty = EXTENDED.empty_frame("funding_calls")
    assert empty.empty and list(empty.columns) == list(EXTENDED.columns["funding_calls"])
    assert str(empty["evidence_start"].dtype) == "Int64" and pd.api.types.is_datetime64_any_dtype(empty["deadline"])
    assert "funding_calls" not in TABLE_COLUMNS and "funding_calls" not in CATALOG.models


def test_a_catalog_cannot_be_changed_in_place():
    with pytest.raises(AttributeError, match="immutable"):
        CATALOG.models = {}
    with pytest.raises(TypeError):
        TABLE_COLUMNS["funding_calls"] = {}
    with pytest.raises(TypeError):
        TABLE_COLUMNS["documents"]["title"] = "INTEGER"


def _variant(**config) -> type[pa.DataFrameModel]:
    """FundingCalls with some of its Config replaced."""
    return type("Variant", (FundingCalls,), {"Config": type("Config", (), config)})


@pytest.mark.parametrize(("model", "message"), [
    (_variant(metadata=table_metadata("grants")), "group 'grants' is not one of"),
    (_variant(metadata=table_metadata("facts", evidence=("evidence", "start", "end"))), "evidence"),
    (_variant(description=""), "Config.description"),
    (_variant(name="documents"), "two models declare table 'documents'"),
], ids=["unknown group", "evidence columns it lacks", "no description", "a table twice"])
def test_a_model_that_does_not_hang_together_is_refused(model, message):
    with pytest.raises(ValueError, match=message):
        CATALOG.with_models(model)


def test_a_reference_to_a_table_or_column_the_catalog_lacks_is_refused():
    class Orphans(FundingCalls):
        grant_id: Series[str] = pa.Field(metadata=column_metadata(references=Reference("grants.grant_id")))

        class Config:
            name = "orphans"

    with pytest.raises(ValueError, match="grants.grant_id is not in the catalog"):
        CATALOG.with_models(Orphans)
    with pytest.raises(ValueError, match="organizations.organization_id is not in the catalog"):
        Catalog([FundingCalls, TABLE_MODELS["documents"]])  # documents is there, organizations is not
    with pytest.raises(ValueError, match="table.column"):
        Reference("grants")


def test_a_column_whose_duckdb_type_cannot_be_told_must_declare_it():
    class Flags(FundingCalls):
        urgent: Series[bool] = pa.Field(description="urgent")

        class Config:
            name = "flags"

    with pytest.raises(ValueError, match="flags.urgent: no DuckDB type"):
        CATALOG.with_models(Flags)
