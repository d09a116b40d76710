"""The catalog: the warehouse's tables as their pandera models declare them, and all that follows.

A table is declared once, by its model (schemas/models.py). Besides its columns' dtypes, checks and
meanings, the model carries in pandera's metadata what the rest of the pipeline needs to know:

- on the table, `Config.metadata = table_metadata(...)`: its asset group, whether it is built from
  each document's extraction (per-document), and its evidence or surface offsets into
  `documents.clean_text`;
- on a column, `Field(metadata=column_metadata(...))`: part of the primary key, the references it
  holds into other tables, a DuckDB type where the dtype does not settle it (a DATE is a datetime64
  in frames, like a TIMESTAMP), and whether it is one this warehouse adds to the data contract.

`Catalog(models)` reads those, checks that they hang together (a reference to an unknown column fails
when the catalog is built, not in a run), and gives the column lists, keys, references, groups and
frames that validation, publishing, the Dagster assets and the data dictionary use.
`catalog.with_models(Extra)` is the same warehouse with one more table, so that a new table can be
validated and published before anything else knows of it.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from types import MappingProxyType

import pandas as pd
import pandera.pandas as pa

VARCHAR, INTEGER, DOUBLE, DATE, TIMESTAMP, JSON = "VARCHAR", "INTEGER", "DOUBLE", "DATE", "TIMESTAMP", "JSON"

#: The Dagster asset groups a table can belong to.
GROUPS = ("ingest", "entities", "facts", "warehouse")

#: The provenance columns of a fact table: the sentence and its offsets into documents.clean_text.
EVIDENCE = ("evidence", "evidence_start", "evidence_end")

# A column's DuckDB type from its dtype, unless its metadata names one: the first test that holds.
# Object columns hold JSON-able records (rejected_records.record).
_DUCKDB_TYPES = (
    (pd.api.types.is_object_dtype, JSON),
    (pd.api.types.is_string_dtype, VARCHAR),
    (pd.api.types.is_integer_dtype, INTEGER),
    (pd.api.types.is_float_dtype, DOUBLE),
    (pd.api.types.is_datetime64_dtype, TIMESTAMP),
)


@dataclass(frozen=True)
class Reference:
    """What a column's values name: a row of `target` ("table.column") when not null.

    `when` (column, value) restricts it to the rows where another column holds that value:
    mentions.entity_id points into a different table for each entity_type.
    """

    target: str
    when: tuple[str, str] | None = None

    def __post_init__(self) -> None:
        if self.target.count(".") != 1:
            raise ValueError(f"a reference names its target as table.column, not {self.target!r}")

    def where(self, column: str, value: str) -> Reference:
        """This reference, only in the rows where `column` is `value`."""
        return replace(self, when=(column, value))


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


def table_metadata(group: str, *, per_document: bool = False, evidence: tuple[str, str, str] | None = None,
                   surface: tuple[str, str, str] | None = None, added: bool = False) -> dict[str, object]:
    """A model's `Config.metadata`.

    `group`: one of GROUPS. `per_document`: the extraction of each document yields rows of it.
    `evidence` / `surface`: (text column, start column, end column) such that
    `documents.clean_text[start:end]` is the text column of the row's document; `evidence` for a
    fact's provenance, `surface` for any other text the contract locates (mentions). `added`: a table
    this warehouse publishes beyond the data contract's (which allows added tables).
    """
    return {"group": group, "per_document": per_document, "evidence": evidence, "surface": surface, "added": added}


def column_metadata(*, primary_key: bool = False, references: Reference | Iterable[Reference] = (),
                    duckdb_type: str | None = None, added: bool = False) -> dict[str, object]:
    """A model field's `metadata`.

    `primary_key`: part of the table's primary key. `references`: where its values point.
    `duckdb_type`: only where the dtype does not settle it (DATE). `added`: a column this warehouse
    publishes beyond the data contract's (which allows added columns, never renamed ones).
    """
    refs = (references,) if isinstance(references, Reference) else tuple(references)
    return {"primary_key": primary_key, "references": refs, "duckdb_type": duckdb_type, "added": added}


def _duckdb_type(table: str, name: str, column: pa.Column) -> str:
    """The column's declared DuckDB type, else the one its dtype implies; a dtype without one must declare it."""
    declared = (column.metadata or {}).get("duckdb_type")
    if declared:
        return declared
    found = next((sql for holds, sql in _DUCKDB_TYPES if holds(column.dtype.type)), None)
    if found is None:
        raise ValueError(f"{table}.{name}: no DuckDB type for dtype {column.dtype}; declare one in its metadata")
    return found


@dataclass(frozen=True)
class _Table:
    """One model, read: what the catalog needs of it, checked on its own."""

    name: str
    model: type[pa.DataFrameModel]
    schema: pa.DataFrameSchema
    columns: Mapping[str, str]
    meta: Mapping[str, object]
    column_meta: Mapping[str, Mapping[str, object]]

    @classmethod
    def read(cls, model: type[pa.DataFrameModel]) -> _Table:
        schema = model.to_schema()
        if not schema.name or not schema.description:
            raise ValueError(f"{model.__name__}: a table model needs Config.name and Config.description")
        columns = {name: _duckdb_type(schema.name, name, col) for name, col in schema.columns.items()}
        column_meta = {name: MappingProxyType(column_metadata() | (col.metadata or {}))
                       for name, col in schema.columns.items()}
        meta = MappingProxyType(table_metadata("") | (model.__config__.metadata or {}))
        table = cls(schema.name, model, schema, MappingProxyType(columns), meta, MappingProxyType(column_meta))
        table.check()
        return table

    def check(self) -> None:
        """The table's own declarations name its own columns and a known group."""
        if self.meta["group"] not in GROUPS:
            raise ValueError(f"{self.name}: group {self.meta['group']!r} is not one of {', '.join(GROUPS)}")
        for kind in ("evidence", "surface"):
            declared = self.meta[kind]
            if declared and not {*declared, "document_id"} <= set(self.columns):
                raise ValueError(f"{self.name}: {kind} {declared} needs those columns and document_id")

    @property
    def foreign_keys(self) -> tuple[ForeignKey, ...]:
        return tuple(ForeignKey(self.name, column, *ref.target.split("."), ref.when)
                     for column, meta in self.column_meta.items() for ref in meta["references"])

    def flagged(self, flag: str) -> tuple[str, ...]:
        """The columns whose metadata sets `flag` (primary_key, added), in column order."""
        return tuple(column for column, meta in self.column_meta.items() if meta[flag])


class Catalog:
    """The tables of a warehouse, in order, as their models declare them. Immutable.

    Built from an ordered sequence of pandera models; every mapping it gives is read-only and in
    the models' order (tables) and the fields' order (columns).
    """

    def __init__(self, models: Iterable[type[pa.DataFrameModel]]) -> None:
        tables: dict[str, _Table] = {}
        for model in models:
            table = _Table.read(model)
            if table.name in tables:
                raise ValueError(f"two models declare table {table.name!r}")
            tables[table.name] = table
        object.__setattr__(self, "_tables", MappingProxyType(tables))
        self._check_references()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a Catalog is immutable: with_models() makes a new one")

    def __repr__(self) -> str:
        return f"Catalog({', '.join(self._tables)})"

    def _check_references(self) -> None:
        """Every reference names a column of a table of this catalog, and its condition a column of its own."""
        for fk in self.foreign_keys:
            parent = self._tables.get(fk.parent_table)
            if parent is None or fk.parent_column not in parent.columns:
                raise ValueError(f"{fk}: {fk.parent_table}.{fk.parent_column} is not in the catalog")
            if fk.when and fk.when[0] not in self._tables[fk.table].columns:
                raise ValueError(f"{fk}: {fk.table} has no column {fk.when[0]}")

    def with_models(self, *models: type[pa.DataFrameModel]) -> Catalog:
        """A new catalog: these tables, then `models`' (which may reference these)."""
        return Catalog([*self.models.values(), *models])

    @cached_property
    def models(self) -> Mapping[str, type[pa.DataFrameModel]]:
        """table -> its pandera model."""
        return MappingProxyType({name: t.model for name, t in self._tables.items()})

    @cached_property
    def columns(self) -> Mapping[str, Mapping[str, str]]:
        """table -> {column: DuckDB type}."""
        return MappingProxyType({name: t.columns for name, t in self._tables.items()})

    @cached_property
    def primary_keys(self) -> Mapping[str, tuple[str, ...]]:
        """table -> its primary key columns, for the tables that have one."""
        keys = {name: t.flagged("primary_key") for name, t in self._tables.items()}
        return MappingProxyType({name: key for name, key in keys.items() if key})

    @cached_property
    def added_columns(self) -> Mapping[str, tuple[str, ...]]:
        """table -> the columns it has beyond the data contract's, for the tables that have some."""
        added = {name: t.flagged("added") for name, t in self._tables.items()}
        return MappingProxyType({name: columns for name, columns in added.items() if columns})

    @cached_property
    def added_tables(self) -> tuple[str, ...]:
        """The tables beyond the data contract's, in table order."""
        return tuple(name for name, t in self._tables.items() if t.meta["added"])

    @cached_property
    def foreign_keys(self) -> tuple[ForeignKey, ...]:
        """Every reference between tables, in table then column order."""
        return tuple(fk for t in self._tables.values() for fk in t.foreign_keys)

    def _declared(self, kind: str) -> Mapping[str, object]:
        """table -> what its table_metadata says of `kind`, for the tables that say something."""
        return MappingProxyType({name: t.meta[kind] for name, t in self._tables.items() if t.meta[kind]})

    @cached_property
    def evidence_tables(self) -> Mapping[str, tuple[str, str, str]]:
        """table -> (text, start, end) columns of its evidence (see table_metadata)."""
        return self._declared("evidence")

    @cached_property
    def surface_offsets(self) -> Mapping[str, tuple[str, str, str]]:
        """table -> (text, start, end) columns of other text located in documents.clean_text."""
        return self._declared("surface")

    @cached_property
    def descriptions(self) -> Mapping[str, str]:
        """table -> its meaning (the model's Config.description)."""
        return MappingProxyType({name: t.schema.description for name, t in self._tables.items()})

    @cached_property
    def groups(self) -> Mapping[str, str]:
        """table -> its Dagster asset group."""
        return self._declared("group")

    @cached_property
    def per_document_tables(self) -> tuple[str, ...]:
        """The tables each document's extraction yields rows of."""
        return tuple(name for name, t in self._tables.items() if t.meta["per_document"])

    @cached_property
    def enum_columns(self) -> Mapping[tuple[str, str], tuple[str, ...]]:
        """(table, column) -> the values its `isin` check allows: the closed enumerations."""
        return MappingProxyType({
            (name, column): tuple(check.statistics["allowed_values"])
            for name, t in self._tables.items() for column, spec in t.schema.columns.items()
            for check in spec.checks if check.name == "isin"})

    def schema(self, table: str) -> pa.DataFrameSchema:
        """The pandera schema of `table` (built once, with the catalog)."""
        return self._tables[table].schema

    def column_descriptions(self, table: str) -> dict[str, str]:
        """column -> meaning (its model field's description), in column order."""
        return {c: spec.description or "" for c, spec in self.schema(table).columns.items()}

    def not_null_columns(self, table: str) -> tuple[str, ...]:
        """Columns the model forbids to be null, in column order (NOT NULL in the DDL)."""
        return tuple(c for c, spec in self.schema(table).columns.items() if not spec.nullable)

    def empty_frame(self, table: str) -> pd.DataFrame:
        """A zero-row frame of `table` with its columns (in order) and the model's dtypes."""
        raw = pd.DataFrame({c: pd.Series([], dtype=object) for c in self.columns[table]})
        return self.schema(table).validate(raw)
