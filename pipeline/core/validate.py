"""Row-level validation against the table contract: bad rows become rejections, never vanish.

Two layers, both pure functions over pandas frames:

- `validate_rows(table, df)`: the pandera model of one table (types, nulls, enums, ranges,
  offsets ordered, unique keys). Rows that fail are cut out and returned as `Rejection`s; a
  table that cannot be validated at all (a missing column) raises `TableSchemaError`, since that
  is a bug in the stage that built it, not bad data.
- `contract_problems(tables)` / `quarantine_contract_violations(tables)`: the rules that need
  several tables: unique primary keys, references that resolve, evidence that is really the
  text at its offsets in `documents.clean_text`, closed enums. Quarantine removes offending
  rows (and, transitively, the rows that pointed at them) so that what is published
  satisfies the contract; a dangling *optional* reference is cleared instead, and logged.
- `validate_tables(tables)`: both layers over every contract table, as the publish step runs them;
  `table_reports(tables)`: what both layers find in each table, as the asset checks report it.

Which tables there are, and their columns, keys, references and offsets, come from a
`schemas.Catalog`: `schemas.CATALOG` unless the caller passes another (the warehouse with an extra
table, say); "contract table" below means a table of that catalog.

Values are converted to the model's dtypes element by element before pandera runs, so one bad
value (say `"n/a"` in an INTEGER column) rejects its row instead of failing the whole column.

The run keeps the documents' text out of its frames (issue 16): its documents frame lacks `clean_text`, and
`texts` (the per-document store's `StoredTexts`) stands in for it: the offsets are checked in SQL against the
store, and a rejected document's record gets its text from there. Frames that hold the text are checked in
Python, the same check.
"""
from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa

from pipeline.core.document_store import TEXT_COLUMN, TEXT_TABLE, StoredTexts
from pipeline.core.records import Rejection
from schemas import CATALOG, Catalog

# Spans whose offsets one comparison with the stored texts checks (`_stored_offset_violations`): at 10,000 documents
# `mentions` has about 213,000.
SPAN_ROWS = 50_000


class TableSchemaError(ValueError):
    """A whole frame does not fit its table (missing column, unknown table): a bug, not bad data."""


def _held_columns(table: str, df: pd.DataFrame, catalog: Catalog, texts: StoredTexts | None) -> dict[str, str]:
    """The contract columns the frame must hold: all of them, but the documents' text when `texts` has it."""
    cols = catalog.columns[table]
    if texts is not None and table == TEXT_TABLE and TEXT_COLUMN not in df.columns:
        return {c: t for c, t in cols.items() if c != TEXT_COLUMN}
    return dict(cols)


def _record(table: str, row: pd.Series, texts: StoredTexts | None) -> dict[str, Any]:
    """`row_record`, with the document's text from `texts` when the documents frame does not hold it."""
    record = row_record(row)
    if texts is not None and table == TEXT_TABLE and TEXT_COLUMN not in record:
        record[TEXT_COLUMN] = texts.get(record.get("document_id"))
    return record


# ---------------------------------------------------------------- JSON-able records

def jsonable(value: Any) -> Any:
    """A value as plain JSON data: nulls -> None, timestamps -> ISO text, numpy -> Python."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, np.ndarray)):
        return [jsonable(v) for v in value]
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, np.generic):
        return jsonable(value.item())
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def row_record(row: pd.Series | dict) -> dict[str, Any]:
    """A frame row as the JSON-able dict stored in `rejected_records.record`."""
    return {str(k): jsonable(v) for k, v in dict(row).items()}


def _rejection(table: str, record: dict[str, Any], errors: Iterable[str]) -> Rejection:
    doc = record.get("document_id")
    return Rejection(table_name=table, record=record, errors="; ".join(errors),
                     document_id=str(doc) if doc is not None else None)


def rejections_frame(rejections: Iterable[Rejection], run_id: str | None = None,
                     rejected_at: dt.datetime | None = None, catalog: Catalog = CATALOG) -> pd.DataFrame:
    """Rejections as `rejected_records` rows (the record stays a dict; publishing writes JSON)."""
    when = pd.Timestamp(rejected_at or dt.datetime.now(dt.timezone.utc))
    if when.tzinfo is not None:
        when = when.tz_convert("UTC").tz_localize(None)
    rows = [{"table_name": r.table_name, "record": r.record, "errors": r.errors,
             "document_id": r.document_id, "run_id": run_id, "rejected_at": when} for r in rejections]
    frame = pd.DataFrame(rows, columns=list(catalog.columns["rejected_records"]))
    return catalog.schema("rejected_records").validate(frame)


# ---------------------------------------------------------------- element-wise conversion

class _Bad(Exception):
    """A value that cannot be converted to its column's type."""


def _to_str(v: Any) -> Any:
    if isinstance(v, str):
        return v
    if isinstance(v, (bool, np.bool_, dict, list, tuple, set)):
        raise _Bad(f"expected text, got {type(v).__name__}")
    if isinstance(v, (int, float, np.integer, np.floating)):
        return str(v)
    raise _Bad(f"expected text, got {type(v).__name__}")


def _to_int(v: Any) -> int:
    if isinstance(v, (bool, np.bool_)):
        raise _Bad("expected an integer, got a boolean")
    if isinstance(v, (int, np.integer)):
        return int(v)
    if isinstance(v, (float, np.floating)) and float(v).is_integer():
        return int(v)
    if isinstance(v, str) and v.strip().lstrip("+-").isdigit():
        return int(v.strip())
    raise _Bad(f"expected an integer, got {v!r}")


def _to_float(v: Any) -> float:
    if isinstance(v, (bool, np.bool_)):
        raise _Bad("expected a number, got a boolean")
    try:
        return float(v)
    except (TypeError, ValueError):
        raise _Bad(f"expected a number, got {v!r}") from None


def _to_timestamp(v: Any) -> pd.Timestamp:
    if isinstance(v, (bool, np.bool_, int, float, np.integer, np.floating)):
        raise _Bad(f"expected a date, got {v!r}")
    try:
        ts = pd.Timestamp(v)
    except (TypeError, ValueError, OverflowError) as exc:
        raise _Bad(f"expected a date, got {v!r} ({exc})") from None
    if ts is pd.NaT:
        raise _Bad(f"expected a date, got {v!r}")
    if ts.tzinfo is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    return ts


_CONVERTERS: dict[str, tuple[Callable[[Any], Any], str | None]] = {
    "VARCHAR": (_to_str, "str"),
    "INTEGER": (_to_int, "Int64"),
    "DOUBLE": (_to_float, "float64"),
    "DATE": (_to_timestamp, "datetime64[ns]"),
    "TIMESTAMP": (_to_timestamp, "datetime64[ns]"),
    "JSON": (lambda v: v, None),
}


def _is_null(v: Any) -> bool:
    if isinstance(v, (dict, list, tuple, set, np.ndarray)):
        return False
    return bool(pd.isna(v))


def _already_typed(series: pd.Series, duck_type: str) -> bool:
    """Columns whose dtype already guarantees valid values skip the per-element conversion; so does a column of
    Python objects that are all text (or all dates, for a date column) or nulls: the merged tables' text and date
    columns are such objects, and one C pass over them is what the Python call per value gives (a fifth of
    validating a corpus was those calls)."""
    kind = series.dtype
    if duck_type == "VARCHAR":
        return isinstance(kind, pd.StringDtype) or _only(series, "string")
    if duck_type == "INTEGER":
        return pd.api.types.is_integer_dtype(kind)
    if duck_type == "DOUBLE":
        return pd.api.types.is_float_dtype(kind) or pd.api.types.is_integer_dtype(kind)
    return (isinstance(kind, np.dtype) and kind.kind == "M") or _only(series, "date")  # naive datetime64, any unit


def _only(series: pd.Series, kind: str) -> bool:
    """Whether every value of an object column is of pandas' inferred `kind` ("string", "date": `datetime.date`,
    not a datetime, which may carry a time zone) or null."""
    return series.dtype == object and pd.api.types.infer_dtype(series, skipna=True) in (kind, "empty")


def _convert(series: pd.Series, duck_type: str) -> tuple[pd.Series, dict[Any, str]]:
    """The column in its model dtype, and {index: reason} for values that do not convert."""
    convert, dtype = _CONVERTERS[duck_type]
    if dtype is None:
        return series.astype(object), {}
    if _already_typed(series, duck_type):
        return series.astype(dtype), {}
    values, bad = [], {}
    for idx, v in series.items():
        if _is_null(v):
            values.append(None)
            continue
        try:
            values.append(convert(v))
        except _Bad as exc:
            bad[idx] = str(exc)
            values.append(None)
    return pd.Series(values, index=series.index, dtype=dtype, name=series.name), bad


# ---------------------------------------------------------------- validate_rows

def _duplicates(df: pd.DataFrame, schema: pa.DataFrameSchema) -> dict[Any, list[str]]:
    """Later rows repeating a unique key: the first occurrence is kept, the rest rejected."""
    out: dict[Any, list[str]] = defaultdict(list)
    for name, col in schema.columns.items():
        if not col.unique:
            continue
        values = df[name]
        dup = values.notna() & values.duplicated(keep="first")
        for idx in values.index[dup]:
            out[idx].append(f"{name}: duplicate value {values[idx]!r} (first occurrence kept)")
    return out


def _check_columns(table: str, df: pd.DataFrame, catalog: Catalog, texts: StoredTexts | None) -> None:
    if table not in catalog.columns:
        raise TableSchemaError(f"unknown table {table!r}; contract tables: {', '.join(catalog.columns)}")
    missing = [c for c in _held_columns(table, df, catalog, texts) if c not in df.columns]
    if missing:
        raise TableSchemaError(f"{table}: missing column(s) {', '.join(missing)}")
    if df.columns.duplicated().any():
        dupes = sorted(set(df.columns[df.columns.duplicated()]))
        raise TableSchemaError(f"{table}: duplicated column(s) {', '.join(map(str, dupes))}")


def validate_rows(table: str, df: pd.DataFrame, catalog: Catalog = CATALOG,
                  texts: StoredTexts | None = None) -> tuple[pd.DataFrame, list[Rejection]]:
    """Validate `df` as `table`: (valid rows in model dtypes, one Rejection per invalid row).

    The returned frame has a fresh RangeIndex and the contract's columns first, in contract
    order, followed by any extra columns the caller carried. A documents frame without its text is
    validated without it when `texts` has it (the store's text is never null).
    """
    _check_columns(table, df, catalog, texts)
    original = df.reset_index(drop=True)
    cols = _held_columns(table, df, catalog, texts)
    schema = catalog.schema(table)
    if len(cols) < len(catalog.columns[table]):
        schema = schema.remove_columns([c for c in catalog.columns[table] if c not in cols])
    ordered = list(cols) + [c for c in original.columns if c not in cols]
    work = original[ordered].copy()

    errors: dict[Any, list[str]] = defaultdict(list)
    for name, duck_type in cols.items():
        work[name], bad = _convert(work[name], duck_type)
        for idx, reason in bad.items():
            errors[idx].append(f"{name}: {reason}")
    for idx, reasons in _duplicates(work, schema).items():
        errors[idx].extend(reasons)

    candidates = work.drop(index=list(errors))
    try:
        checked = schema.validate(candidates, lazy=True)
    except pa.errors.SchemaErrors as exc:
        checked = None
        for idx, reasons in _row_failures(table, exc.failure_cases).items():
            errors[idx].extend(reasons)

    rejections = [_rejection(table, _record(table, original.loc[idx], texts), reasons)
                  for idx, reasons in sorted(errors.items())]
    if checked is not None:  # the model passed every candidate: they are the valid rows, validated once
        return checked.reset_index(drop=True), rejections
    valid = work.drop(index=list(errors)).reset_index(drop=True)
    try:
        valid = schema.validate(valid, lazy=True)
    except pa.errors.SchemaErrors as exc:  # only if a check is not row-wise: a bug in the model
        raise TableSchemaError(f"{table}: rows still invalid after removing failures:\n{exc}") from exc
    return valid, rejections


def _row_failures(table: str, failure_cases: pd.DataFrame) -> dict[Any, list[str]]:
    """Pandera failure cases by row; failures without a row are table-level and raise."""
    table_level = failure_cases[failure_cases["index"].isna()]
    if len(table_level):
        lines = [f"  {r.column}: {r.check} ({r.failure_case})" for r in table_level.itertuples()]
        raise TableSchemaError(f"{table}: table-level schema failure(s):\n" + "\n".join(lines))
    out: dict[Any, list[str]] = defaultdict(list)
    for r in failure_cases.itertuples():
        if r.schema_context == "Column":
            reason = f"{r.column}: failed {r.check} (value {jsonable(r.failure_case)!r})"
        else:  # a row-wise check over several columns: pandera lists every cell, say it once
            reason = f"row: failed {r.check}"
        if reason not in out[r.index]:
            out[r.index].append(reason)
    return out


# ---------------------------------------------------------------- cross-table contract rules

def _key_values(tables: dict[str, pd.DataFrame], table: str, column: str) -> np.ndarray:
    """The column's distinct values, nulls left out (an array, not a Python set: `isin` hashes them itself)."""
    df = tables.get(table)
    return df[column].dropna().unique() if df is not None and column in df.columns else np.array([], dtype=object)


def _row_label(df: pd.DataFrame, keys: tuple[str, ...] | None, idx: Any) -> str:
    if keys and all(k in df.columns for k in keys):
        return ", ".join(f"{k}={jsonable(df.at[idx, k])!r}" for k in keys)
    return f"row {idx}"


def _offset_text(text: str, start: Any, end: Any) -> str | None:
    if _is_null(start) or _is_null(end):
        return None
    s, e = int(start), int(end)
    if not 0 <= s <= e <= len(text):
        return None
    return text[s:e]


class _Violations:
    """Row violations of one pass: table -> row index -> reasons; optional references to clear."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[Any, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.clear: dict[str, dict[Any, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
        self.table: dict[str, list[str]] = defaultdict(list)

    def __bool__(self) -> bool:
        return bool(self.rows or self.clear or self.table)


def _checkable(tables: dict[str, pd.DataFrame], v: _Violations, catalog: Catalog,
               texts: StoredTexts | None) -> dict[str, pd.DataFrame]:
    """The contract tables that have every contract column (the documents' text aside when `texts` has it); the
    others are table-level violations."""
    for table, df in tables.items():
        if table not in catalog.columns:
            v.table[table].append("not a contract table")
            continue
        missing = [c for c in _held_columns(table, df, catalog, texts) if c not in df.columns]
        if missing:
            v.table[table].append(f"missing column(s) {', '.join(missing)}")
    return {t: df for t, df in tables.items() if t in catalog.columns and t not in v.table}


def _find_violations(tables: dict[str, pd.DataFrame], catalog: Catalog, texts: StoredTexts | None) -> _Violations:
    """Every rule's violations of one pass, together."""
    return _merged(*_violations_by_rule(tables, catalog, texts))


def _primary_key_violations(tables: dict[str, pd.DataFrame], v: _Violations, catalog: Catalog,
                            _texts: StoredTexts | None) -> None:
    for table, keys in catalog.primary_keys.items():
        df = tables.get(table)
        if df is None or df.empty:
            continue
        key = df[list(keys)]
        for idx in df.index[key.isna().any(axis=1)]:
            v.rows[table][idx].append(f"primary key {', '.join(keys)} is null")
        dup = key.notna().all(axis=1) & key.duplicated(keep="first")
        for idx in df.index[dup]:
            v.rows[table][idx].append(f"duplicate primary key ({_row_label(df, keys, idx)}; first kept)")


def _enum_violations(tables: dict[str, pd.DataFrame], v: _Violations, catalog: Catalog,
                     _texts: StoredTexts | None) -> None:
    for (table, column), values in catalog.enum_columns.items():
        df = tables.get(table)
        if df is None or df.empty:
            continue
        bad = df[column].notna() & ~df[column].isin(values)
        for idx in df.index[bad]:
            v.rows[table][idx].append(f"{column}: {df.at[idx, column]!r} is not one of {', '.join(values)}")


def _foreign_key_violations(tables: dict[str, pd.DataFrame], v: _Violations, catalog: Catalog,
                            _texts: StoredTexts | None) -> None:
    found: dict[tuple[str, str], np.ndarray] = {}  # many references name the same parent column
    for fk in catalog.foreign_keys:
        df = tables.get(fk.table)
        if df is None or df.empty:
            continue
        parent = (fk.parent_table, fk.parent_column)
        parents = found[parent] if parent in found else found.setdefault(parent, _key_values(tables, *parent))
        applies = df[fk.column].notna()
        if fk.when:
            applies &= df[fk.when[0]] == fk.when[1]
        dangling = applies & ~df[fk.column].isin(parents)
        required = not catalog.schema(fk.table).columns[fk.column].nullable
        for idx in df.index[dangling]:
            reason = f"{fk.column}: {df.at[idx, fk.column]!r} not found in {fk.parent_table}.{fk.parent_column}"
            if required:
                v.rows[fk.table][idx].append(reason)
            else:
                v.clear[fk.table][idx].append((fk.column, reason))


def _offset_violations(tables: dict[str, pd.DataFrame], v: _Violations, catalog: Catalog,
                       texts: StoredTexts | None) -> None:
    """Evidence and surfaces that are not the document's text at their offsets.

    Hundreds of thousands of rows at corpus scale: the columns are read as lists and a row whose
    offsets are plain integers that hold its text is settled by one slice and one comparison; when the
    documents frame does not hold the text, `texts` compares them in SQL (`StoredTexts.differing`).
    """
    docs = tables.get("documents")
    if docs is not None and TEXT_COLUMN not in docs.columns and texts is not None:
        _stored_offset_violations(docs, tables, v, catalog, texts)
        return
    held = {d: t for d, t in zip(docs["document_id"], docs["clean_text"]) if not _is_null(t)} \
        if docs is not None and "clean_text" in docs.columns else {}
    for table, (text_col, start_col, end_col) in {**catalog.evidence_tables, **catalog.surface_offsets}.items():
        df = tables.get(table)
        if df is None or df.empty:
            continue
        rows = zip(df.index, df["document_id"].tolist(), df[text_col].tolist(), df[text_col].isna().tolist(),
                   df[start_col].tolist(), df[end_col].tolist())
        for idx, doc_id, expected, missing, start, end in rows:
            text = held.get(doc_id)
            if text is None:
                continue  # a dangling document_id is reported by the foreign-key rule
            if type(start) is int and type(end) is int and 0 <= start <= end <= len(text) \
                    and text[start:end] == expected:
                continue
            if missing:
                v.rows[table][idx].append(f"{text_col} is null")
                continue
            found = _offset_text(text, start, end)
            if found != expected:
                v.rows[table][idx].append(_offset_reason(text_col, start, end, found))


def _offset_reason(text_col: str, start: Any, end: Any, found: str | None) -> str:
    return (f"{text_col} does not match documents.clean_text[{jsonable(start)}:{jsonable(end)}]"
            f" (found {found!r})")


def _whole(value: Any) -> int | None:
    return None if _is_null(value) else int(value)


def _whole_numbers(column: pd.Series) -> pd.api.extensions.ExtensionArray | list[int | None]:
    """The column's offsets as whole numbers or nulls: as they are when its dtype is whole numbers already (as the
    model leaves it: one array, not a Python int per row), else value by value."""
    if pd.api.types.is_integer_dtype(column.dtype):
        return pd.array(column, dtype="Int64")
    return [_whole(x) for x in column.tolist()]


def _stored_offset_violations(docs: pd.DataFrame, tables: dict[str, pd.DataFrame], v: _Violations, catalog: Catalog,
                              texts: StoredTexts) -> None:
    """`_offset_violations` with the documents' text in the store: the same rows, the same reasons.

    A table's spans are compared SPAN_ROWS rows at a time, in order: what one comparison makes (the spans' frame,
    their hashes, the rows left to check) is then bounded, where for the whole of `mentions` it grew with the
    corpus (issue 16, eleventh session)."""
    known = docs["document_id"].unique()
    for table, (text_col, start_col, end_col) in {**catalog.evidence_tables, **catalog.surface_offsets}.items():
        whole = tables.get(table)
        if whole is None or whole.empty:
            continue
        for start in range(0, len(whole), SPAN_ROWS):
            df = whole.iloc[start:start + SPAN_ROWS]
            df = df[df["document_id"].isin(known)]  # a dangling document_id is reported by the foreign-key rule
            spans = pd.DataFrame({"row": df.index, "document_id": df["document_id"].tolist(),
                                  "text": df[text_col].astype(object).where(df[text_col].notna(), None).tolist(),
                                  "start": _whole_numbers(df[start_col]), "end": _whole_numbers(df[end_col])})
            for idx, found in texts.differing(spans):
                if _is_null(df.at[idx, text_col]):
                    v.rows[table][idx].append(f"{text_col} is null")
                else:
                    v.rows[table][idx].append(_offset_reason(text_col, df.at[idx, start_col], df.at[idx, end_col],
                                                             found))


#: Each rule: (tables, the pass's violations, catalog, where the documents' text is when their frame lacks it).
CONTRACT_RULES: dict[str, Callable[[dict[str, pd.DataFrame], _Violations, Catalog, StoredTexts | None], None]] = {
    "primary_key": _primary_key_violations,
    "enum": _enum_violations,
    "foreign_key": _foreign_key_violations,
    "offsets": _offset_violations,
}


def _violations_by_rule(tables: dict[str, pd.DataFrame], catalog: Catalog,
                        texts: StoredTexts | None = None) -> tuple[_Violations, dict[str, _Violations]]:
    """Table-level problems (missing columns), and each contract rule's row violations."""
    table_level = _Violations()
    checked = _checkable(tables, table_level, catalog, texts)
    by_rule = {}
    for rule, find in CONTRACT_RULES.items():
        by_rule[rule] = _Violations()
        find(checked, by_rule[rule], catalog, texts)
    return table_level, by_rule


def _merged(table_level: _Violations, by_rule: dict[str, _Violations]) -> _Violations:
    """The violations of every rule in one (the table-level ones included)."""
    v = _Violations()
    v.table.update(table_level.table)
    for found in by_rule.values():
        for table, rows in found.rows.items():
            for idx, reasons in rows.items():
                v.rows[table][idx].extend(reasons)
        for table, rows in found.clear.items():
            for idx, refs in rows.items():
                v.clear[table][idx].extend(refs)
    return v


def _problems(tables: dict[str, pd.DataFrame], table_level: _Violations, by_rule: dict[str, _Violations],
              keys: Mapping[str, tuple[str, ...]]) -> dict[str, dict[str, list[str]]]:
    problems: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for table, reasons in table_level.table.items():
        problems[table]["columns"].extend(reasons)
    for rule, v in by_rule.items():
        for table, rows in v.rows.items():
            df = tables[table]
            for idx, reasons in sorted(rows.items()):
                problems[table][rule].extend(f"{_row_label(df, keys.get(table), idx)}: {r}" for r in reasons)
        for table, rows in v.clear.items():
            df = tables[table]
            for idx, refs in sorted(rows.items()):
                problems[table][rule].extend(f"{_row_label(df, keys.get(table), idx)}: {reason}"
                                             for _, reason in refs)
    return {table: dict(rules) for table, rules in problems.items()}


def contract_problems(tables: dict[str, pd.DataFrame],
                      catalog: Catalog = CATALOG) -> dict[str, dict[str, list[str]]]:
    """Per table and rule, the problems its rows have; an empty dict means the tables conform.

    Rules: `columns` (a missing column: the table cannot be checked), `primary_key` (unique,
    not null), `enum` (closed value sets), `foreign_key` (references resolve, the catalog's foreign keys) and
    `offsets` (evidence and mention text is documents.clean_text at its offsets). Keyed by rule
    so a check can report each rule's count. Tables absent from `tables` count as empty.
    """
    return _problems(tables, *_violations_by_rule(tables, catalog), catalog.primary_keys)


def quarantine_contract_violations(
    tables: dict[str, pd.DataFrame], catalog: Catalog = CATALOG,
) -> tuple[dict[str, pd.DataFrame], list[Rejection]]:
    """Tables that satisfy the cross-table contract, and a Rejection for every change made.

    A row that breaks a rule (duplicate or null key, unknown enum value, evidence not at its
    offsets, a required reference that does not resolve) is removed and rejected; rows that
    referenced a removed row are removed in the next pass, until nothing changes. A dangling
    optional reference (say an agreement's place_id) is set to null and the original row is
    logged as a rejection whose reason starts with "kept without". The input is not modified.
    Raises TableSchemaError for frames lacking contract columns (validate_rows first).
    """
    return _quarantine({t: df.reset_index(drop=True) for t, df in tables.items()}, None, catalog, None)


def _quarantine(current: dict[str, pd.DataFrame], first: _Violations | None, catalog: Catalog,
                texts: StoredTexts | None) -> tuple[dict[str, pd.DataFrame], list[Rejection]]:
    """quarantine_contract_violations over tables with a RangeIndex; `first` is the first pass's
    violations when the caller has found them already (on these very frames)."""
    rejections: list[Rejection] = []
    while True:
        v, first = (first if first is not None else _find_violations(current, catalog, texts)), None
        if v.table:
            detail = "; ".join(f"{t}: {', '.join(r)}" for t, r in v.table.items())
            raise TableSchemaError(f"cannot check the contract: {detail}")
        if not v:
            return current, rejections
        for table, rows in v.clear.items():
            df = current[table].copy()
            for idx, refs in sorted(rows.items()):
                if idx in v.rows.get(table, {}):
                    continue  # the whole row goes anyway
                reasons = [reason for _, reason in refs]
                rejections.append(_rejection(table, _record(table, df.loc[idx], texts),
                                             [f"kept without {', '.join(c for c, _ in refs)}", *reasons]))
                for column, _ in refs:
                    df.at[idx, column] = None
            current[table] = df
        for table, rows in v.rows.items():
            df = current[table]
            for idx, reasons in sorted(rows.items()):
                rejections.append(_rejection(table, _record(table, df.loc[idx], texts), reasons))
            current[table] = df.drop(index=list(rows)).reset_index(drop=True)


@dataclass
class TableReport:
    """What validating one table found, before anything is cut out: for the asset checks.

    `schema_error` is set when the table cannot be validated at all (the publish must stop);
    `rejections` are the rows its model rejects; `contract` lists, per rule of
    contract_problems, the problems of the rows that pass the model.
    """

    rows: int
    schema_error: str | None = None
    rejections: list[Rejection] = field(default_factory=list)
    contract: dict[str, list[str]] = field(default_factory=dict)
    contract_error: str | None = None  # the contract could not be checked (another table is unusable)


@dataclass
class Validation:
    """Both layers over every contract table, run once: what the asset checks report (`reports`) and
    what the publishing step writes (`valid`, with every rejected row in rejected_records).

    `valid` is None, and `error` says why, when some table cannot be validated at all: publishing
    must then stop, not drop the table.
    """

    reports: dict[str, TableReport]
    valid: dict[str, pd.DataFrame] | None
    quarantined: int = 0
    error: str | None = None


def validate_all(tables: dict[str, pd.DataFrame], run_id: str | None = None,
                 catalog: Catalog = CATALOG, texts: StoredTexts | None = None) -> Validation:
    """Each table's model (validate_rows), then the cross-table contract on what is left.

    The contract's first pass serves both the reports (problems per rule, as contract_problems
    gives them) and the quarantine (quarantine_contract_violations), so nothing is checked twice.
    `texts`: the documents' text, when the documents frame does not hold it (the run's store).
    """
    reports, valid, rejections = {}, {}, []
    missing = [t for t in catalog.columns if t not in tables]
    error = f"table(s) missing: {', '.join(missing)}" if missing else None
    for table in catalog.columns:
        df = tables.get(table)
        if df is None:
            reports[table] = TableReport(0, schema_error=f"{table}: table missing")
            continue
        report = reports[table] = TableReport(len(df))
        try:
            valid[table], report.rejections = validate_rows(table, df, catalog, texts)
        except TableSchemaError as exc:
            report.schema_error = str(exc)
            error = error or str(exc)
        rejections.extend(report.rejections)
    unusable = sorted(t for t, r in reports.items() if r.schema_error)
    if unusable:
        reason = f"not checked: {', '.join(unusable)} cannot be validated"
        for report in reports.values():
            report.contract_error = reason
        return Validation(reports, None, error=error)
    table_level, by_rule = _violations_by_rule(valid, catalog, texts)
    for table, rules in _problems(valid, table_level, by_rule, catalog.primary_keys).items():
        reports[table].contract = rules
    if table_level.table:
        detail = "; ".join(f"{t}: {', '.join(r)}" for t, r in table_level.table.items())
        return Validation(reports, None, error=f"cannot check the contract: {detail}")
    valid, rejected = _quarantine(valid, _merged(table_level, by_rule), catalog, texts)
    rejections.extend(rejected)
    if rejections:
        new, old = rejections_frame(rejections, run_id=run_id, catalog=catalog), valid["rejected_records"]
        valid["rejected_records"] = pd.concat([old, new], ignore_index=True) if len(old) else new
    return Validation(reports, valid, len(rejections))


def validate_tables(tables: dict[str, pd.DataFrame], run_id: str | None = None,
                    catalog: Catalog = CATALOG) -> tuple[dict[str, pd.DataFrame], int]:
    """Every contract table fit to publish, with each rejected row appended to rejected_records.

    First each table's model (validate_rows), then the cross-table contract on what is left
    (quarantine_contract_violations); returns the tables and how many rejections they added.
    Raises TableSchemaError when a table is missing or cannot be validated at all: publishing
    must then stop, not drop the table.
    """
    return published_tables(validate_all(tables, run_id, catalog))


def published_tables(validation: Validation) -> tuple[dict[str, pd.DataFrame], int]:
    """The tables to publish and how many rejections validation added; TableSchemaError when there are none."""
    if validation.valid is None:
        raise TableSchemaError(validation.error)
    return validation.valid, validation.quarantined


def table_reports(tables: dict[str, pd.DataFrame], catalog: Catalog = CATALOG) -> dict[str, TableReport]:
    """A TableReport for every contract table (a table absent from `tables` is a schema error).

    The cross-table rules need every table, so when any table cannot be validated no table's
    contract is checked, and each report says which table prevented it.
    """
    return validate_all(tables, catalog=catalog).reports


__all__ = [
    "CONTRACT_RULES", "TableSchemaError", "contract_problems", "jsonable", "published_tables",
    "quarantine_contract_violations", "TableReport", "Validation", "rejections_frame", "row_record", "table_reports",
    "validate_all", "validate_rows", "validate_tables",
]
