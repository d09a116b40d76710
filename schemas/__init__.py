"""The warehouse's table contract (spec/DATA_CONTRACT.md) as code.

Each table is declared once, by its pandera model in schemas/models.py; `CATALOG` (a
`schemas.catalog.Catalog`) reads the models, in contract order, and derives the rest. The names
below are views of it, for the code that reads one of them:

- `TABLE_MODELS`: table -> pandera model; `TABLE_COLUMNS`: table -> {column: DuckDB type}, the
  contract's types in its order, then the `ADDED_COLUMNS` this warehouse publishes beyond it;
  `ADDED_TABLES`: the tables it publishes beyond the contract's (corrections_applied, build_info).
- `PRIMARY_KEYS`, `FOREIGN_KEYS`, `EVIDENCE_TABLES`, `SURFACE_OFFSETS`, `ENUM_COLUMNS`: the keys,
  relations, provenance offsets and closed enumerations the contract checks verify.
- `TABLE_DESCRIPTIONS`: the meaning of each table (its model's `Config.description`), published as
  `COMMENT ON TABLE` and shown on its asset; `column_descriptions(table)`: each column's meaning.
- `TABLE_GROUPS`: the Dagster asset group of each table; `PER_DOCUMENT_TABLES`: the tables each
  document's extraction yields rows of.
- `table_schema(table)`, `not_null_columns(table)`, `empty_frame(table)`: its pandera schema, its
  NOT NULL columns, a zero-row frame with the models' dtypes.

Code that must work on a warehouse with one more table (a new fact kind, in a test) takes a
`catalog` argument and is given `CATALOG.with_models(Extra)`.

Dates: DATE and TIMESTAMP columns are pandas datetime64[ns] in frames (see models.py).
"""
from __future__ import annotations

from . import enums, models
from .catalog import DATE, EVIDENCE, GROUPS, Catalog, ForeignKey, Reference, column_metadata, table_metadata

CATALOG = Catalog((
    models.Documents,
    models.Organizations,
    models.OrganizationAliases,
    models.People,
    models.PersonAffiliations,
    models.Mentions,
    models.Places,
    models.Agreements,
    models.AgreementParties,
    models.AgreementSignatories,
    models.AgreementActivities,
    models.Delegations,
    models.Labs,
    models.LabMentions,
    models.CollaborationDomains,
    models.DocumentDomains,
    models.AgreementDomains,
    models.LabDomains,
    models.RejectedRecords,
    models.CorrectionsApplied,
    models.BuildInfo,
))

TABLE_MODELS = CATALOG.models
TABLE_COLUMNS = CATALOG.columns
ADDED_COLUMNS = CATALOG.added_columns
ADDED_TABLES = CATALOG.added_tables
PRIMARY_KEYS = CATALOG.primary_keys
#: rejected_records.document_id is deliberately not a reference: a document rejected at ingestion has no row.
FOREIGN_KEYS = CATALOG.foreign_keys
EVIDENCE_TABLES = CATALOG.evidence_tables
SURFACE_OFFSETS = CATALOG.surface_offsets
ENUM_COLUMNS = CATALOG.enum_columns
TABLE_DESCRIPTIONS = CATALOG.descriptions
TABLE_GROUPS = CATALOG.groups
PER_DOCUMENT_TABLES = CATALOG.per_document_tables

table_schema = CATALOG.schema
column_descriptions = CATALOG.column_descriptions
not_null_columns = CATALOG.not_null_columns
empty_frame = CATALOG.empty_frame

__all__ = [
    "ADDED_COLUMNS", "ADDED_TABLES", "CATALOG", "DATE", "ENUM_COLUMNS", "EVIDENCE", "EVIDENCE_TABLES", "FOREIGN_KEYS", "GROUPS",
    "PER_DOCUMENT_TABLES", "PRIMARY_KEYS", "SURFACE_OFFSETS", "TABLE_COLUMNS", "TABLE_DESCRIPTIONS", "TABLE_GROUPS",
    "TABLE_MODELS", "Catalog", "ForeignKey", "Reference", "column_descriptions", "column_metadata", "empty_frame",
    "enums", "models", "not_null_columns", "table_metadata", "table_schema",
]
