"""The warehouse's table contract (spec/DATA_CONTRACT.md) as code.

- `TABLE_MODELS`: table -> pandera model (schemas/models.py), in contract order.
- `TABLE_COLUMNS`: table -> {column: DuckDB type}, exactly the contract's types, in order, then the
  `ADDED_COLUMNS` this warehouse publishes beyond the contract.
- `PRIMARY_KEYS`, `FOREIGN_KEYS`, `EVIDENCE_TABLES`, `SURFACE_OFFSETS`: the relations and
  provenance offsets the contract checks verify.
- `TABLE_DESCRIPTIONS`: the short meaning of each table (its model's `Config.description`), published as
  `COMMENT ON TABLE`; `column_descriptions(table)`: each column's meaning (its model field's description).
- `empty_frame(table)`: a zero-row frame with the columns and dtypes the models produce.

Dates: DATE and TIMESTAMP columns are pandas datetime64[ns] in frames (see models.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pandas as pd
import pandera.pandas as pa

from . import enums, models
from .enums import ENUM_COLUMNS

TABLE_MODELS: dict[str, type[pa.DataFrameModel]] = {
    "documents": models.Documents,
    "organizations": models.Organizations,
    "organization_aliases": models.OrganizationAliases,
    "people": models.People,
    "person_affiliations": models.PersonAffiliations,
    "mentions": models.Mentions,
    "places": models.Places,
    "agreements": models.Agreements,
    "agreement_parties": models.AgreementParties,
    "agreement_signatories": models.AgreementSignatories,
    "agreement_activities": models.AgreementActivities,
    "delegations": models.Delegations,
    "labs": models.Labs,
    "lab_mentions": models.LabMentions,
    "collaboration_domains": models.CollaborationDomains,
    "document_domains": models.DocumentDomains,
    "agreement_domains": models.AgreementDomains,
    "lab_domains": models.LabDomains,
    "rejected_records": models.RejectedRecords,
}

_V, _I, _F, _D, _T = "VARCHAR", "INTEGER", "DOUBLE", "DATE", "TIMESTAMP"
_EVIDENCE = {"evidence": _V, "evidence_start": _I, "evidence_end": _I}

TABLE_COLUMNS: dict[str, dict[str, str]] = {
    "documents": {
        "document_id": _V, "source_path": _V, "content_sha256": _V, "title": _V, "publisher": _V,
        "published_on": _D, "published_on_precision": _V, "clean_text": _V, "ingested_at": _T,
        "source_url": _V, "language": _V,
    },
    "organizations": {
        "organization_id": _V, "canonical_name": _V, "acronym": _V, "org_type": _V, "region_code": _V,
        "country_code": _V, "parent_organization_id": _V, "ror_id": _V, "wikidata_id": _V,
    },
    "organization_aliases": {"organization_id": _V, "alias": _V, "source": _V},
    "people": {"person_id": _V, "full_name": _V, "family_name": _V, "given_name": _V},
    "person_affiliations": {"person_id": _V, "organization_id": _V, "title": _V, "document_id": _V},
    "mentions": {
        "document_id": _V, "entity_type": _V, "entity_id": _V, "surface": _V, "start": _I, "end": _I,
    },
    "places": {
        "place_id": _V, "name": _V, "place_type": _V, "region_code": _V, "country_code": _V,
        "parent_place_id": _V,
    },
    "agreements": {
        "agreement_id": _V, "event_id": _V, "document_id": _V, "agreement_type": _V, "title": _V,
        "signed_on": _D, "signed_on_precision": _V, "place_id": _V, "status": _V, **_EVIDENCE,
        "confidence": _F,
    },
    "agreement_parties": {"agreement_id": _V, "organization_id": _V},
    "agreement_signatories": {
        "agreement_id": _V, "person_id": _V, "organization_id": _V, "title": _V, "role": _V,
    },
    "agreement_activities": {"agreement_id": _V, "activity": _V, "evidence": _V},
    "delegations": {
        "delegation_id": _V, "event_id": _V, "document_id": _V, "leader_person_id": _V,
        "leader_title": _V, "origin_organization_id": _V, "origin_place_id": _V,
        "host_organization_id": _V, "host_place_id": _V, "member_count": _I, "member_count_max": _I,
        "visited_on": _D, "visited_on_precision": _V, "purpose": _V, "status": _V, **_EVIDENCE,
        "confidence": _F,
    },
    "labs": {
        "lab_id": _V, "name": _V, "lab_type": _V, "host_organization_id": _V, "director_person_id": _V,
        "established_year": _I, "status": _V,
    },
    "lab_mentions": {"lab_id": _V, "document_id": _V, **_EVIDENCE},
    "collaboration_domains": {"domain_id": _V, "label": _V, "major_id": _V, "major_label": _V},
    "document_domains": {
        "document_id": _V, "domain_id": _V, "matched_text": _V, "evidence_start": _I, "evidence_end": _I,
    },
    "agreement_domains": {"agreement_id": _V, "domain_id": _V, "matched_text": _V},
    "lab_domains": {"lab_id": _V, "domain_id": _V, "matched_text": _V},
    "rejected_records": {
        "table_name": _V, "record": "JSON", "errors": _V, "document_id": _V, "run_id": _V,
        "rejected_at": _T,
    },
}

#: Columns this warehouse adds to the contract's (it allows added columns, never renamed ones).
ADDED_COLUMNS: dict[str, tuple[str, ...]] = {"documents": ("source_url", "language")}

PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("document_id",),
    "organizations": ("organization_id",),
    "people": ("person_id",),
    "places": ("place_id",),
    "agreements": ("agreement_id",),
    "delegations": ("delegation_id",),
    "labs": ("lab_id",),
    "collaboration_domains": ("domain_id",),
}


@dataclass(frozen=True)
class ForeignKey:
    """`table.column` must name an existing `parent_table.parent_column` when not null.

    `when` restricts the rule to rows where another column has a value: mentions.entity_id
    points into a different table for each entity_type.
    """

    table: str
    column: str
    parent_table: str
    parent_column: str
    when: tuple[str, str] | None = None

    def __str__(self) -> str:
        cond = f" when {self.when[0]} = '{self.when[1]}'" if self.when else ""
        return f"{self.table}.{self.column} -> {self.parent_table}.{self.parent_column}{cond}"


def _fk(child: str, parent: str, when: tuple[str, str] | None = None) -> ForeignKey:
    table, column = child.split(".")
    parent_table, parent_column = parent.split(".")
    return ForeignKey(table, column, parent_table, parent_column, when)


_DOC, _ORG, _PERSON = "documents.document_id", "organizations.organization_id", "people.person_id"
_PLACE, _AGR, _LAB = "places.place_id", "agreements.agreement_id", "labs.lab_id"
_DOMAIN = "collaboration_domains.domain_id"

#: Every reference between contract tables (rejected_records.document_id is deliberately not
#: one: a document rejected at ingestion has no row in documents).
FOREIGN_KEYS: tuple[ForeignKey, ...] = (
    _fk("organizations.parent_organization_id", _ORG),
    _fk("organization_aliases.organization_id", _ORG),
    _fk("person_affiliations.person_id", _PERSON),
    _fk("person_affiliations.organization_id", _ORG),
    _fk("person_affiliations.document_id", _DOC),
    _fk("mentions.document_id", _DOC),
    _fk("mentions.entity_id", _ORG, ("entity_type", "organization")),
    _fk("mentions.entity_id", _PERSON, ("entity_type", "person")),
    _fk("mentions.entity_id", _PLACE, ("entity_type", "place")),
    _fk("mentions.entity_id", _LAB, ("entity_type", "lab")),
    _fk("places.parent_place_id", _PLACE),
    _fk("agreements.document_id", _DOC),
    _fk("agreements.place_id", _PLACE),
    _fk("agreement_parties.agreement_id", _AGR),
    _fk("agreement_parties.organization_id", _ORG),
    _fk("agreement_signatories.agreement_id", _AGR),
    _fk("agreement_signatories.person_id", _PERSON),
    _fk("agreement_signatories.organization_id", _ORG),
    _fk("agreement_activities.agreement_id", _AGR),
    _fk("delegations.document_id", _DOC),
    _fk("delegations.leader_person_id", _PERSON),
    _fk("delegations.origin_organization_id", _ORG),
    _fk("delegations.origin_place_id", _PLACE),
    _fk("delegations.host_organization_id", _ORG),
    _fk("delegations.host_place_id", _PLACE),
    _fk("labs.host_organization_id", _ORG),
    _fk("labs.director_person_id", _PERSON),
    _fk("lab_mentions.lab_id", _LAB),
    _fk("lab_mentions.document_id", _DOC),
    _fk("document_domains.document_id", _DOC),
    _fk("document_domains.domain_id", _DOMAIN),
    _fk("agreement_domains.agreement_id", _AGR),
    _fk("agreement_domains.domain_id", _DOMAIN),
    _fk("lab_domains.lab_id", _LAB),
    _fk("lab_domains.domain_id", _DOMAIN),
)

#: Fact tables with provenance: table -> (text column, start column, end column), where
#: documents.clean_text[start:end] must equal the text column of the same row's document.
EVIDENCE_TABLES: dict[str, tuple[str, str, str]] = {
    "agreements": ("evidence", "evidence_start", "evidence_end"),
    "delegations": ("evidence", "evidence_start", "evidence_end"),
    "lab_mentions": ("evidence", "evidence_start", "evidence_end"),
    "document_domains": ("matched_text", "evidence_start", "evidence_end"),
}

#: Other offsets into clean_text that the contract defines (mentions.start/end of surface).
SURFACE_OFFSETS: dict[str, tuple[str, str, str]] = {"mentions": ("surface", "start", "end")}

#: The meaning of each table: its model's `Config.description`.
TABLE_DESCRIPTIONS: dict[str, str] = {table: model.Config.description for table, model in TABLE_MODELS.items()}


@cache
def table_schema(table: str) -> pa.DataFrameSchema:
    """The pandera schema of a table (built once: model-to-schema conversion is not free)."""
    return TABLE_MODELS[table].to_schema()


def column_descriptions(table: str) -> dict[str, str]:
    """column -> meaning (its model field's description), in contract order."""
    cols = table_schema(table).columns
    return {c: cols[c].description or "" for c in TABLE_COLUMNS[table]}


def not_null_columns(table: str) -> tuple[str, ...]:
    """Columns the model forbids to be null, in contract order (used for NOT NULL in DDL)."""
    cols = table_schema(table).columns
    return tuple(c for c in TABLE_COLUMNS[table] if not cols[c].nullable)


def empty_frame(table: str) -> pd.DataFrame:
    """A zero-row frame of `table` with the contract's columns (in order) and the models' dtypes."""
    raw = pd.DataFrame({c: pd.Series([], dtype=object) for c in TABLE_COLUMNS[table]})
    return table_schema(table).validate(raw)


__all__ = [
    "ADDED_COLUMNS", "EVIDENCE_TABLES", "ENUM_COLUMNS", "FOREIGN_KEYS", "ForeignKey", "PRIMARY_KEYS",
    "SURFACE_OFFSETS", "TABLE_COLUMNS", "TABLE_DESCRIPTIONS", "TABLE_MODELS", "column_descriptions", "empty_frame",
    "enums", "models", "not_null_columns", "table_schema",
]
