"""Analysts' corrections: written once in a YAML file, checked on load, re-applied to every run's tables.

Why: extraction is automatic and imperfect, and a fix made in the published DuckDB file is overwritten by
the next run. A correction is written instead in a versioned file (`corrections/corrections.yaml` by
default; corrections/README.md describes the format) and applied to the tables of every run, after
extraction and before validation, so the contract checks validate the corrected tables.

- `load_corrections(path)`: the file as a `CorrectionSet`. Each entry is checked against the keys its action
  and kind allow (`ACTIONS`, `entry_keys`, `FIELDS`), like a rule class; a malformed entry, or two entries
  that contradict each other, raise `CorrectionsError` with the file's lines and the reason, so the run stops
  and the previous warehouse stays published.
- `apply_corrections(tables, corrections)`: the corrected tables (with a `corrected_by` lineage column), the
  `corrections_applied` rows, and a `rejected_records` row for every correction whose record is gone: such a
  correction is reported, never silently dropped.
- `correct_tables(tables, corrections)`: the run's step (pipeline/defs/tables.py), between build_tables and
  validation: the corrected tables with `corrections_applied` filled and the stale corrections appended to
  `rejected_records`; `corrections_for_run(path, required)` loads the file for a run. Both raise RunRefused
  (pipeline/core/guards.py) on a malformed or contradictory file.

Ids change when a document is re-extracted (an agreement's id hashes its sentence's offsets), so an entry
names a record by its id and/or a content anchor that survives: an organisation, person or place by a name or
alias the warehouse knows; an agreement or delegation by its document's source_path and evidence text; a lab
by its name, or by a document and evidence that mention it. Every reference is resolved against the tables
as extracted, before any correction changes them, so the order of the entries does not matter; a correction
whose id is gone but whose anchor still matches is re-attached, and `corrections_applied` says so.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from pipeline.core.guards import RunRefused
from pipeline.core.ids import canonical_key, make_id
from pipeline.core.validate import jsonable, row_record
from schemas import (
    ENUM_COLUMNS,
    FOREIGN_KEYS,
    PRIMARY_KEYS,
    TABLE_COLUMNS,
    empty_frame,
    not_null_columns,
    table_schema,
)
from schemas.models import ISO_COUNTRY, ISO_REGION, CorrectionsApplied

DEFAULT_CORRECTIONS_FILE = Path(__file__).resolve().parents[2] / "corrections" / "corrections.yaml"

#: The lineage column: the ids of the corrections that changed or added a row, sorted and comma-separated;
#: null on a row as extracted. `LINEAGE_TABLES` are the tables whose model declares it (schemas/models.py).
LINEAGE_COLUMN = "corrected_by"
LINEAGE_TABLES = tuple(table for table, columns in TABLE_COLUMNS.items() if LINEAGE_COLUMN in columns)


# ---------------------------------------------------------------- what an entry can name and set

@dataclass(frozen=True)
class Kind:
    """A kind of record an entry can name: its table and key, and the anchors (reference keys beside `id`)
    that find it again when re-extraction gives it a new id."""

    table: str
    key: str
    anchors: tuple[str, ...]


KINDS: dict[str, Kind] = {
    "organization": Kind("organizations", "organization_id", ("name",)),
    "person": Kind("people", "person_id", ("name",)),
    "place": Kind("places", "place_id", ("name",)),
    "agreement": Kind("agreements", "agreement_id", ("document", "evidence")),
    "delegation": Kind("delegations", "delegation_id", ("document", "evidence")),
    "lab": Kind("labs", "lab_id", ("name", "document", "evidence")),
}
#: A party or a signatory: a row linking an agreement to an organisation or a person, named by both ends.
LINKS: dict[str, tuple[str, str]] = {
    "agreement_party": ("agreement_parties", "organization"),
    "signatory": ("agreement_signatories", "person"),
}
_ENTITY_KINDS = ("organization", "person", "place")
_NAME_COLUMNS = {"organization": "canonical_name", "person": "full_name", "place": "name", "lab": "name"}
_EVIDENCE_TABLES = {"agreement": "agreements", "delegation": "delegations", "lab": "lab_mentions"}
_ALIAS_RANK = {"reference": 0, "acronym_definition": 1, "corpus": 2}  # as resolve.py ranks an alias's sources


@dataclass(frozen=True)
class FieldSpec:
    """A field an entry may set: the column it writes and the shape of its value.

    `shape` is `text`, `enum` (the column's closed set, schemas/enums.py), `code` (a text matching `pattern`),
    `count` (an integer >= 0), `year`, `date` (written as precisely as the text gives it, which also sets the
    column's `_precision`), or the kind of entity the value names (`organization`, `person`, `place`: the
    column then holds that entity's id).
    """

    column: str
    shape: str
    pattern: str | None = None


def _specs(**shapes: str | tuple[str, str]) -> dict[str, FieldSpec]:
    """Field specs by name: an entity-valued field writes `<name>_id`, any other the column of its name."""
    specs = {}
    for name, shape in shapes.items():
        shape, pattern = shape if isinstance(shape, tuple) else (shape, None)
        specs[name] = FieldSpec(f"{name}_id" if shape in _ENTITY_KINDS else name, shape, pattern)
    return specs


FIELDS: dict[str, dict[str, FieldSpec]] = {
    "organization": _specs(
        canonical_name="text", acronym="text", org_type="enum", region_code=("code", ISO_REGION),
        country_code=("code", ISO_COUNTRY), ror_id=("code", r"^https://ror\.org/0[a-z0-9]{6}[0-9]{2}$"),
        wikidata_id=("code", r"^Q[1-9][0-9]*$"), parent_organization="organization"),
    "agreement": _specs(agreement_type="enum", title="text", signed_on="date", status="enum", place="place"),
    "delegation": _specs(
        leader_person="person", leader_title="text", origin_organization="organization", origin_place="place",
        host_organization="organization", host_place="place", member_count="count", member_count_max="count",
        visited_on="date", purpose="text", status="enum"),
    "lab": _specs(name="text", lab_type="enum", host_organization="organization", director_person="person",
                  established_year="year", status="enum"),
    "signatory": _specs(role="enum", title="text", organization="organization"),
    "agreement_party": {},
}
#: Fields an added record must give (the rest may be absent: null, or `unknown` for a date's precision).
REQUIRED_TO_ADD = {"agreement": ("agreement_type", "status"), "delegation": ("status",),
                   "lab": ("name", "lab_type", "status"), "signatory": ("role",), "agreement_party": ()}

#: action -> the kinds it applies to (schemas.enums.CORRECTION_ACTION lists the same actions).
ACTIONS: dict[str, tuple[str, ...]] = {
    "merge": ("organization", "person"),
    "rename": ("organization",),
    "set": ("organization", "agreement", "delegation", "lab"),
    "reject": ("agreement", "delegation", "lab", "agreement_party", "signatory"),
    "add": ("agreement", "delegation", "lab", "agreement_party", "signatory"),
}
COMMON_KEYS = ("id", "action", "kind", "reason", "author")
#: The `reason` and `author` of a review stub (pipeline/core/review.py), refused on load: a stub pasted or
#: uncommented but not filled in stops the run instead of rejecting a fact nobody has judged.
STUB_PLACEHOLDERS = {"reason": "TODO: why", "author": "TODO: who"}


def entry_keys(action: str, kind: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The keys an entry of `action` on `kind` must hold and may hold, beyond COMMON_KEYS. Any other key is
    refused on load: it is a typo or something nothing reads, and must not silently weaken a correction."""
    if action == "merge":
        return ("from", "into"), ()
    if action == "rename":
        return ("target", "to"), ()
    if action == "set":
        return ("target", "fields"), ()
    if action == "reject" or kind == "agreement_party":
        return ("target",), ()
    if kind in LINKS:
        return ("target", "fields"), ()
    return ("document", "evidence_start", "evidence_end", "evidence", "fields"), (
        ("parties",) if kind == "agreement" else ())


def _table(kind: str) -> str:
    return KINDS[kind].table if kind in KINDS else LINKS[kind][0]


# ---------------------------------------------------------------- the checked entries

@dataclass(frozen=True)
class Ref:
    """How an entry names a record: its stable id and/or a content anchor (a name or alias; a document's
    source_path with an evidence text)."""

    id: str | None = None
    name: str | None = None
    document: str | None = None
    evidence: str | None = None

    def written_key(self) -> tuple:
        """The record as the file names it: how two entries about one record are found before any table is read."""
        if self.id is not None:
            return ("id", self.id)
        return ("anchor", canonical_key(self.name) if self.name else None, self.document, _squash(self.evidence))

    def describe(self) -> str:
        parts = [f"id {self.id}"] if self.id else []
        if self.name:
            parts.append(f"name {self.name!r}")
        if self.document:
            parts.append(f"evidence {_short(self.evidence)!r} in {self.document}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Evidence:
    """Where an added fact is stated: a document (its source_path), offsets into its clean_text, the text there."""

    document: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Correction:
    """One checked entry of the corrections file.

    `refs` maps a role to the record it names: `target`; `from` and `into` for a merge; `agreement` and
    `organization` or `person` for a party or a signatory. `values` maps a field to its value (a Ref for an
    entity-valued field, a (timestamp, precision) pair for a date; `parties` of an added agreement is a tuple
    of Refs). `entry` is the entry as written, as JSON-able data: the record of its rejection.
    """

    id: str
    action: str
    kind: str
    reason: str
    author: str
    line: int
    refs: Mapping[str, Ref] = field(default_factory=dict)
    values: Mapping[str, Any] = field(default_factory=dict)
    evidence: Evidence | None = None
    entry: Mapping[str, Any] = field(default_factory=dict)

    def kind_of(self, role: str) -> str:
        return self.kind if role in ("target", "from", "into") else role

    def all_refs(self) -> Iterator[tuple[str, Ref]]:
        """(kind, ref) of every record the entry names: its targets, and the entities its fields name."""
        for role, ref in self.refs.items():
            yield self.kind_of(role), ref
        for name, value in self.values.items():
            if name == "parties":
                yield from (("organization", party) for party in value)
            elif isinstance(value, Ref):
                yield FIELDS[self.kind][name].shape, value


@dataclass(frozen=True)
class CorrectionSet:
    """The checked corrections of one file, in file order. `digest` identifies their content (comments and
    layout aside), for the build record: two warehouses built with the same digest had the same corrections."""

    path: Path
    corrections: tuple[Correction, ...] = ()
    digest: str = hashlib.sha256(b"[]").hexdigest()

    def __iter__(self) -> Iterator[Correction]:
        return iter(self.corrections)

    def __len__(self) -> int:
        return len(self.corrections)


Problem = tuple[tuple[int, ...], str]  # (lines of the file, reason)


class CorrectionsError(ValueError):
    """The corrections file is malformed or contradicts itself: the run must stop, naming the lines and why."""

    def __init__(self, path: str | Path, problems: Iterable[Problem]):
        self.path = Path(path)
        self.problems = sorted((tuple(sorted(set(lines))), reason) for lines, reason in problems)
        self.lines = sorted({line for lines, _ in self.problems for line in lines})
        super().__init__("\n".join(f"{self.path}:{','.join(map(str, lines)) or '?'}: {reason}"
                                   for lines, reason in self.problems))


class _Invalid(Exception):
    """One entry is malformed: the line and the reason (collected into a CorrectionsError)."""

    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line, self.reason = line, reason


# ---------------------------------------------------------------- reading the file

class _Located(dict):
    """A YAML mapping that remembers its line and each key's line, so a problem can be pointed at."""

    line = 0
    key_lines: dict[str, int]


class _LineLoader(yaml.SafeLoader):
    """SafeLoader whose mappings are `_Located`, refusing a key given twice (YAML would silently keep the last)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _Located:
    loader.flatten_mapping(node)
    mapping = _Located()
    mapping.line, mapping.key_lines = node.start_mark.line + 1, {}
    for key_node, value_node in node.value:
        key, line = loader.construct_object(key_node, deep=True), key_node.start_mark.line + 1
        if not isinstance(key, str):
            raise _Invalid(line, f"key {key!r} is not a name")
        if key in mapping:
            raise _Invalid(line, f"key {key!r} is given twice (first on line {mapping.key_lines[key]})")
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = line
    return mapping


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def load_corrections(path: str | Path = DEFAULT_CORRECTIONS_FILE) -> CorrectionSet:
    """The corrections of the YAML file at `path`, checked; a missing file holds none.

    Raises CorrectionsError naming every malformed entry (an unknown or missing key, a value of the wrong
    shape, an id given twice) and every pair of entries that contradict each other as written (one field of
    one record set to two values, a fact both rejected and corrected, a merge in a circle or of one record
    into two). Contradictions that show only once references are resolved are raised by apply_corrections.
    """
    path = Path(path)
    if not path.exists():
        return CorrectionSet(path)
    corrections, problems = [], []
    for entry in _entries(path):
        try:
            corrections.append(_parse_entry(entry))
        except _Invalid as exc:
            problems.append(((exc.line,), exc.reason))
    problems += (_duplicate_ids(corrections) + _merge_graph(corrections, _written).problems
                 + _contradictions(corrections, _written))
    if problems:
        raise CorrectionsError(path, problems)
    content = json.dumps([c.entry for c in corrections], sort_keys=True, ensure_ascii=False)
    return CorrectionSet(path, tuple(corrections), hashlib.sha256(content.encode("utf-8")).hexdigest())


def _entries(path: Path) -> list[_Located]:
    """The entries of the file: a mapping whose one key, `corrections`, holds a list (or nothing)."""
    try:
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # a SafeLoader
    except _Invalid as exc:
        raise CorrectionsError(path, [((exc.line,), exc.reason)]) from None
    except (yaml.YAMLError, ValueError) as exc:  # ValueError: an impossible date such as 2023-02-30, bad UTF-8
        mark = getattr(exc, "problem_mark", None)
        raise CorrectionsError(path, [((mark.line + 1,) if mark else (), f"not readable as YAML: {exc}")]) from None
    if document is None:
        return []
    if not isinstance(document, _Located) or set(document) != {"corrections"}:
        raise CorrectionsError(path, [((getattr(document, "line", 1),),
                                       "the file is a mapping with one key, `corrections`, holding a list")])
    entries, line = document["corrections"] or [], document.key_lines["corrections"]
    if not isinstance(entries, list):
        raise CorrectionsError(path, [((line,), "`corrections` is a list of entries")])
    bad = [((line,), f"entry {n} of `corrections` is not a mapping")
           for n, entry in enumerate(entries, 1) if not isinstance(entry, _Located)]
    if bad:
        raise CorrectionsError(path, bad)
    return entries


def _line(mapping: _Located, key: str) -> int:
    return mapping.key_lines.get(key, mapping.line)


def _check_keys(mapping: _Located, required: tuple[str, ...], optional: tuple[str, ...], what: str) -> None:
    unknown = sorted(set(mapping) - set(required) - set(optional))
    if unknown:
        allowed = ", ".join(required + optional)
        raise _Invalid(_line(mapping, unknown[0]), f"{what} does not read {', '.join(unknown)} (it reads {allowed})")
    missing = [key for key in required if key not in mapping]
    if missing:
        raise _Invalid(mapping.line, f"{what} needs {', '.join(missing)}")


def _text(mapping: _Located, key: str) -> str:
    value = mapping[key]
    if not isinstance(value, str) or not value.strip():
        hint = " (quote it: YAML reads an unquoted number as a number)" if isinstance(value, (int, float)) else ""
        raise _Invalid(_line(mapping, key), f"`{key}` is a non-empty text{hint}")
    return value.strip()


def _choice(mapping: _Located, key: str, options: Iterable[str]) -> str:
    value, options = mapping.get(key), tuple(options)
    if value not in options:
        raise _Invalid(_line(mapping, key), f"`{key}` is one of {', '.join(options)}, not {value!r}")
    return value


def _parse_entry(entry: _Located) -> Correction:
    action = _choice(entry, "action", ACTIONS)
    kind = _choice(entry, "kind", ACTIONS[action])
    required, optional = entry_keys(action, kind)
    _check_keys(entry, COMMON_KEYS + required, optional, f"a `{action}` of a {kind}")
    refs, values, evidence = _PARSERS[action](entry, kind)
    return Correction(_text(entry, "id"), action, kind, _filled(entry, "reason"), _filled(entry, "author"),
                      entry.line, refs, values, evidence, jsonable(entry))


def _filled(entry: _Located, key: str) -> str:
    """The entry's `reason` or `author`, which a review stub leaves to fill in."""
    value = _text(entry, key)
    if value == STUB_PLACEHOLDERS[key]:
        raise _Invalid(_line(entry, key), f"`{key}` is still the review stub's {value!r}: fill it in")
    return value


def _parse_merge(entry: _Located, kind: str) -> tuple[dict, dict, None]:
    refs = {role: _ref(entry, role, kind) for role in ("from", "into")}
    if refs["from"].written_key() == refs["into"].written_key():
        raise _Invalid(entry.line, f"merges one {kind} into itself")
    return refs, {}, None


def _parse_rename(entry: _Located, kind: str) -> tuple[dict, dict, None]:
    name = _value(entry, "to", kind, "canonical_name")
    return {"target": _ref(entry, "target", kind)}, {"canonical_name": name}, None


def _parse_set(entry: _Located, kind: str) -> tuple[dict, dict, None]:
    return {"target": _ref(entry, "target", kind)}, _field_values(entry, kind, ()), None


def _parse_reject(entry: _Located, kind: str) -> tuple[dict, dict, None]:
    return _target(entry, kind), {}, None


def _parse_add(entry: _Located, kind: str) -> tuple[dict, dict, Evidence | None]:
    if kind == "agreement_party":
        return _target(entry, kind), {}, None
    values = _field_values(entry, kind, REQUIRED_TO_ADD[kind])
    if kind in LINKS:
        return _target(entry, kind), values, None
    if "parties" in entry:
        values["parties"] = _parties(entry)
    return {}, values, _evidence(entry)


_PARSERS: dict[str, Callable[[_Located, str], tuple[dict, dict, Evidence | None]]] = {
    "merge": _parse_merge, "rename": _parse_rename, "set": _parse_set, "reject": _parse_reject, "add": _parse_add,
}


def _target(entry: _Located, kind: str) -> dict[str, Ref]:
    """The record an entry is about; a party or signatory is named by its agreement and its organisation or person."""
    if kind not in LINKS:
        return {"target": _ref(entry, "target", kind)}
    other, target = LINKS[kind][1], entry["target"]
    if not isinstance(target, _Located):
        raise _Invalid(_line(entry, "target"), f"the target of a {kind} is a mapping of `agreement` and `{other}`")
    _check_keys(target, ("agreement", other), (), f"the target of a {kind}")
    return {"agreement": _ref(target, "agreement", "agreement"), other: _ref(target, other, other)}


def _ref(mapping: _Located, key: str, kind: str) -> Ref:
    return _as_ref(mapping[key], kind, _line(mapping, key))


def _as_ref(value: Any, kind: str, line: int) -> Ref:
    """A reference as written: a mapping of `id` and/or the kind's anchors (a bare text is a name)."""
    anchors = KINDS[kind].anchors
    if isinstance(value, str) and value.strip() and "name" in anchors:
        return Ref(name=value.strip())
    if not isinstance(value, _Located):
        raise _Invalid(line, f"a {kind} is named by a mapping of `id` and/or {', '.join(anchors)}")
    _check_keys(value, (), ("id", *anchors), f"a reference to a {kind}")
    ref = Ref(**{key: _text(value, key) for key in value})
    if (ref.document is None) != (ref.evidence is None):
        raise _Invalid(value.line, "`document` and `evidence` name a fact together: give both")
    if ref.id is None and ref.name is None and ref.document is None:
        raise _Invalid(value.line, f"a reference to a {kind} needs `id` or {', '.join(anchors)}")
    return ref


def _field_values(entry: _Located, kind: str, required: tuple[str, ...]) -> dict[str, Any]:
    fields = entry["fields"]
    if not isinstance(fields, _Located) or not fields:
        raise _Invalid(_line(entry, "fields"), "`fields` is a mapping of field: value")
    _check_keys(fields, required, tuple(FIELDS[kind]), f"the fields of a {kind}")
    return {name: _value(fields, name, kind, name) for name in fields}


def _value(mapping: _Located, key: str, kind: str, name: str) -> Any:
    spec, value, line = FIELDS[kind][name], mapping[key], _line(mapping, key)
    if value is None:
        if spec.column in not_null_columns(_table(kind)):
            raise _Invalid(line, f"`{name}` cannot be emptied: {_table(kind)}.{spec.column} is never null")
        return None
    if spec.shape in _ENTITY_KINDS:
        return _as_ref(value, spec.shape, line)
    return _SHAPES[spec.shape](value, spec, kind, line)


def _shape_text(value: Any, spec: FieldSpec, kind: str, line: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Invalid(line, f"`{spec.column}` is a non-empty text")
    return value.strip()


def _shape_enum(value: Any, spec: FieldSpec, kind: str, line: int) -> str:
    allowed = ENUM_COLUMNS[(_table(kind), spec.column)]
    if value not in allowed:
        raise _Invalid(line, f"`{spec.column}` is one of {', '.join(allowed)}, not {value!r}")
    return value


def _shape_code(value: Any, spec: FieldSpec, kind: str, line: int) -> str:
    if not isinstance(value, str) or not re.match(spec.pattern, value):
        raise _Invalid(line, f"`{spec.column}` must match {spec.pattern}, not {value!r}")
    return value


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _shape_count(value: Any, spec: FieldSpec, kind: str, line: int) -> int:
    if not _whole(value) or value < 0:
        raise _Invalid(line, f"`{spec.column}` is a whole number >= 0, not {value!r}")
    return value


def _shape_year(value: Any, spec: FieldSpec, kind: str, line: int) -> int:
    if not _whole(value) or not 1000 <= value <= 2100:
        raise _Invalid(line, f"`{spec.column}` is a year (1000-2100), not {value!r}")
    return value


_DATE_FORMS = ((re.compile(r"\d{4}-\d{2}-\d{2}"), "%Y-%m-%d", "day"), (re.compile(r"\d{4}-\d{2}"), "%Y-%m", "month"),
               (re.compile(r"\d{4}"), "%Y", "year"))


def _shape_date(value: Any, spec: FieldSpec, kind: str, line: int) -> tuple[pd.Timestamp, str]:
    """A date written as precisely as the text gives it: `2023-04-11` a day, `2023-04` a month, `2023` a year;
    stored as the warehouse stores dates, the first day of the month or year with its precision."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return pd.Timestamp(value), "day"
    text = str(value) if isinstance(value, str) or _whole(value) else ""
    for pattern, form, precision in _DATE_FORMS:
        if pattern.fullmatch(text):
            try:
                return pd.Timestamp(dt.datetime.strptime(text, form)), precision
            except ValueError:
                break
    raise _Invalid(line, f"`{spec.column}` is a date written YYYY-MM-DD, YYYY-MM or YYYY, not {value!r}")


_SHAPES: dict[str, Callable[[Any, FieldSpec, str, int], Any]] = {
    "text": _shape_text, "enum": _shape_enum, "code": _shape_code, "count": _shape_count, "year": _shape_year,
    "date": _shape_date,
}


def _parties(entry: _Located) -> tuple[Ref, ...]:
    parties, line = entry["parties"], _line(entry, "parties")
    if not isinstance(parties, list) or not parties:
        raise _Invalid(line, "`parties` is a list of organisations")
    return tuple(_as_ref(party, "organization", getattr(party, "line", line)) for party in parties)


def _evidence(entry: _Located) -> Evidence:
    start, end = entry["evidence_start"], entry["evidence_end"]
    if not (_whole(start) and _whole(end) and 0 <= start < end):
        raise _Invalid(_line(entry, "evidence_start"),
                       "`evidence_start` and `evidence_end` are offsets into clean_text, 0 <= start < end")
    return Evidence(_text(entry, "document"), start, end, _text(entry, "evidence"))


# ---------------------------------------------------------------- contradictions

Key = Callable[[str, Ref], Any]


@dataclass
class _MergeGraph:
    """Who is merged into whom: (kind, record) -> (record, correction), with the problems found building it.
    Built from the references as written on load, and from the resolved ids when applying."""

    edges: dict[tuple[str, Any], tuple[Any, Correction]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def add(self, correction: Correction, source: Any, target: Any) -> None:
        node = (correction.kind, source)
        if source == target:
            return  # one record already: nothing to merge
        if node in self.edges and self.edges[node][0] != target:
            first = self.edges[node][1]
            self.problems.append(((first.line, correction.line),
                                  f"corrections {first.id} and {correction.id} merge one {correction.kind} "
                                  "into two different records"))
        self.edges.setdefault(node, (target, correction))

    def final(self, kind: str, record: Any) -> Any:
        """The record `record` ends up in, following chains of merges (A into B, B into C: A ends up in C)."""
        while (kind, record) in self.edges:
            record = self.edges[(kind, record)][0]
        return record

    def check_cycles(self) -> None:
        done: set = set()
        for start in sorted(self.edges, key=str):
            path, node = [], start
            while node in self.edges and node not in done and node not in path:
                path.append(node)
                node = (node[0], self.edges[node][0])
            if node in path:
                cycle = [self.edges[n][1] for n in path[path.index(node):]]
                self.problems.append((tuple(c.line for c in cycle),
                                      f"corrections {', '.join(c.id for c in cycle)} merge in a circle"))
            done.update(path)


def _merge_graph(corrections: Iterable[Correction], key: Key) -> _MergeGraph:
    """The merges of `corrections`, each record keyed by `key`: as written on load, by resolved id when applying."""
    graph = _MergeGraph()
    for c in corrections:
        if c.action == "merge":
            graph.add(c, key(c.kind, c.refs["from"]), key(c.kind, c.refs["into"]))
    graph.check_cycles()
    return graph


def _written(kind: str, ref: Ref) -> tuple:
    return ref.written_key()


def _duplicate_ids(corrections: Iterable[Correction]) -> list[Problem]:
    lines: dict[str, list[int]] = defaultdict(list)
    for c in corrections:
        lines[c.id].append(c.line)
    return [(tuple(at), f"correction id {cid!r} is used {len(at)} times: ids are unique")
            for cid, at in lines.items() if len(at) > 1]


def _claims(c: Correction, key: Key) -> Iterator[tuple[tuple, Any]]:
    """What an entry asserts, keyed so that two entries asserting different values of one thing contradict
    each other: the value of a field of a record, or whether a record stays (a reject says no; a set, or a
    party added to an agreement, says yes). Merges are checked apart (_MergeGraph); an added fact is new."""
    if c.action == "merge" or (c.action == "add" and c.kind not in LINKS):
        return
    record = (c.kind, *(key(c.kind_of(role), ref) for role, ref in sorted(c.refs.items())))
    yield ("exists", record), c.action != "reject"
    if c.action == "add":
        yield ("exists", ("agreement", key("agreement", c.refs["agreement"]))), True
        return
    for name, value in c.values.items():
        spec = FIELDS[c.kind][name]
        yield ("field", record, name), key(spec.shape, value) if isinstance(value, Ref) else value


def _contradictions(corrections: Iterable[Correction], key: Key) -> list[Problem]:
    seen: dict[tuple, dict[Any, list[Correction]]] = defaultdict(dict)
    for c in corrections:
        for claim, value in _claims(c, key):
            seen[claim].setdefault(value, []).append(c)
    problems = []
    for claim, by_value in seen.items():
        if len(by_value) > 1:
            involved = [c for group in by_value.values() for c in group]
            ids, kind = ", ".join(c.id for c in involved), claim[1][0]
            if claim[0] == "exists":
                reason = f"corrections {ids} both reject one {kind} and correct or keep it"
            else:
                values = ", ".join(json.dumps(jsonable(v), default=str) for v in by_value)
                reason = f"corrections {ids} set {claim[2]} of one {kind} to different values ({values})"
            problems.append((tuple(c.line for c in involved), reason))
    return problems


# ---------------------------------------------------------------- resolving references

class _Vanished(Exception):
    """The record a correction names is not in this run's tables: the correction goes to rejected_records."""

    def __init__(self, reason: str, document_id: str | None = None):
        super().__init__(reason)
        self.reason, self.document_id = reason, document_id


@dataclass(frozen=True)
class _Found:
    id: str
    how: str  # id | anchor | reattached


def _frame(tables: Mapping[str, pd.DataFrame], name: str) -> pd.DataFrame:
    frame = tables.get(name)
    return empty_frame(name) if frame is None else frame


def _squash(text: str | None) -> str | None:
    return " ".join(text.split()) if text is not None else None


def _short(text: str | None, size: int = 60) -> str:
    text = text or ""
    return text if len(text) <= size else text[:size - 3] + "..."


class _Index:
    """The records of the tables as extracted, by id, by name and by document and evidence."""

    def __init__(self, tables: Mapping[str, pd.DataFrame], texts: Mapping[str, str] | None):
        documents = _frame(tables, "documents")
        self.documents = dict(zip(documents["source_path"], documents["document_id"]))
        self.texts = texts if texts is not None else dict(zip(documents["document_id"], documents["clean_text"]))
        self.ids = {kind: set(_frame(tables, spec.table)[spec.key]) for kind, spec in KINDS.items()}
        self.names = {kind: self._by_name(tables, kind) for kind in _NAME_COLUMNS}
        self.evidence = {kind: self._by_evidence(tables, kind) for kind in _EVIDENCE_TABLES}

    @staticmethod
    def _by_name(tables: Mapping[str, pd.DataFrame], kind: str) -> dict[str, set[str]]:
        spec = KINDS[kind]
        frame = _frame(tables, spec.table)
        pairs = list(zip(frame[_NAME_COLUMNS[kind]], frame[spec.key]))
        if kind == "organization":
            aliases = _frame(tables, "organization_aliases")
            pairs += zip(aliases["alias"], aliases["organization_id"])
        index: dict[str, set[str]] = defaultdict(set)
        for name, record in pairs:
            if isinstance(name, str):
                index[canonical_key(name)].add(record)
        return dict(index)

    @staticmethod
    def _by_evidence(tables: Mapping[str, pd.DataFrame], kind: str) -> dict[tuple[str, str], set[str]]:
        frame = _frame(tables, _EVIDENCE_TABLES[kind])
        index: dict[tuple[str, str], set[str]] = defaultdict(set)
        for document, text, record in zip(frame["document_id"], frame["evidence"], frame[KINDS[kind].key]):
            index[(document, _squash(text))].add(record)
        return dict(index)

    def find(self, kind: str, ref: Ref) -> _Found:
        """The record `ref` names: by its id while that exists, else by its anchor when exactly one record matches."""
        if ref.id is not None and ref.id in self.ids[kind]:
            return _Found(ref.id, "id")
        matches = self._anchored(kind, ref)
        if len(matches) == 1:
            return _Found(next(iter(matches)), "reattached" if ref.id else "anchor")
        reasons = [f"no {kind} has id {ref.id}"] if ref.id else []
        if len(matches) > 1:
            reasons.append(f"its anchor matches {len(matches)} {kind}s ({', '.join(sorted(matches))}): name one by id")
        elif ref.document is not None and ref.document not in self.documents:
            reasons.append(f"document {ref.document} is not in the warehouse")
        elif ref.name is not None or ref.document is not None:
            reasons.append(f"no {kind} matches {ref.describe()}")
        raise _Vanished("; ".join(reasons))

    def _anchored(self, kind: str, ref: Ref) -> set[str]:
        found = []
        if ref.name is not None:
            found.append(self.names[kind].get(canonical_key(ref.name), set()))
        if ref.document is not None:
            document = self.documents.get(ref.document)
            found.append(self.evidence[kind].get((document, _squash(ref.evidence)), set()))
        return set.intersection(*found) if found else set()

    def locate(self, evidence: Evidence) -> tuple[str, int, int, str | None]:
        """An added fact's evidence in this run's text: (document id, start, end, note). At its written offsets,
        else where the same text now stands (the document was re-cleaned and its offsets shifted), the
        occurrence nearest the written offsets."""
        document = self.documents.get(evidence.document)
        if document is None:
            raise _Vanished(f"document {evidence.document} is not in the warehouse",
                            make_id("document", evidence.document))
        text = self.texts[document]
        if text[evidence.start:evidence.end] == evidence.text:
            return document, evidence.start, evidence.end, None
        starts = [m.start() for m in re.finditer(re.escape(evidence.text), text)]
        if not starts:
            written = _short(text[evidence.start:evidence.end])
            raise _Vanished(f"the evidence is not in document {evidence.document} (its text at "
                            f"{evidence.start}:{evidence.end} is {written!r})", document)
        start = min(starts, key=lambda s: (abs(s - evidence.start), s))
        end = start + len(evidence.text)
        return document, start, end, f"evidence found at {start}:{end}, not at {evidence.start}:{evidence.end}"


# ---------------------------------------------------------------- applying

@dataclass
class AppliedCorrections:
    """What applying a CorrectionSet to one run's tables gave.

    `tables`: the corrected tables, every input table with the same columns, plus `corrected_by` in each of
    LINEAGE_TABLES. `applied`: the `corrections_applied` rows (schemas.models.CorrectionsApplied). `rejections`:
    a row shaped like `rejected_records` (table_name `corrections`) for each correction whose record is gone.
    """

    tables: dict[str, pd.DataFrame]
    applied: pd.DataFrame
    rejections: list[dict[str, Any]]


@dataclass
class _Change:
    table: str
    id: str
    changes: dict[str, Any]
    note: str | None = None


def apply_corrections(tables: Mapping[str, pd.DataFrame], corrections: CorrectionSet, *, run_id: str | None = None,
                      now: dt.datetime | None = None, texts: Mapping[str, str] | None = None) -> AppliedCorrections:
    """`tables` (every contract table, as build_tables gives them) with `corrections` applied; the input is not
    modified. `texts` (document_id -> clean_text, the store's) when the documents frame does not hold the text.

    Every reference is resolved first, against the tables as given; a correction whose record cannot be found
    becomes a rejection. Then merges (chains resolved transitively), an organisation's fields, a fact's parties
    and signatories, facts rejected and set, and additions last, each group in the order of the correction
    ids: the same corrections on the same tables always give the same result, whatever the order of the
    file, and applying them to their own result again changes nothing. Raises CorrectionsError when two
    corrections turn out to contradict each other once their references are resolved (say one names a record
    by id and the other by an alias of it).
    """
    when = pd.Timestamp(now or dt.datetime.now(dt.timezone.utc))
    when = when.tz_convert("UTC").tz_localize(None) if when.tzinfo is not None else when
    work = _Work(tables, texts)
    vanished = work.resolve(corrections)
    live = [c for c in corrections if c.id not in vanished]
    work.merges = _merge_graph(live, lambda kind, ref: work.found[(kind, ref)].id)
    problems = work.merges.problems + _contradictions(live, work.id)
    if problems:
        raise CorrectionsError(corrections.path, problems)
    rows = []
    for c in sorted(live, key=lambda c: (_phase(c), c.id)):
        try:
            rows.append(_applied_row(c, work, _HANDLERS[c.action](work, c), run_id, when))
        except _Vanished as exc:
            vanished[c.id] = exc
    rejections = [_rejection_row(corrections.path, c, vanished[c.id], run_id, when)
                  for c in corrections if c.id in vanished]
    applied = pd.DataFrame(rows, columns=list(TABLE_COLUMNS["corrections_applied"]))
    return AppliedCorrections({name: _with_lineage(name, df.reset_index(drop=True)) for name, df in work.tables.items()},
                              CorrectionsApplied.validate(applied), rejections)


def correct_tables(tables: Mapping[str, pd.DataFrame], corrections: CorrectionSet, *, run_id: str | None = None,
                   now: dt.datetime | None = None, texts: Mapping[str, str] | None = None) -> AppliedCorrections:
    """The run's step: every table of a run (as build_tables gives them) with `corrections` applied, its
    `corrections_applied` table filled, and a `rejected_records` row added for each correction that no longer
    applies (also in `rejections`, for the check that reports them). Called with no corrections too, so the
    lineage column always has one dtype.

    Corrections that contradict each other once resolved stop the run (RunRefused), before anything is published.
    """
    try:
        result = apply_corrections(tables, corrections, run_id=run_id, now=now, texts=texts)
    except CorrectionsError as exc:
        raise RunRefused(refusal(exc)) from None
    out = dict(result.tables) | {"corrections_applied": result.applied}
    if result.rejections:
        columns = list(TABLE_COLUMNS["rejected_records"])
        stale = table_schema("rejected_records").validate(pd.DataFrame(result.rejections, columns=columns))
        before = out.get("rejected_records")
        out["rejected_records"] = stale if before is None or before.empty else pd.concat(
            [before, stale], ignore_index=True)
    return AppliedCorrections(out, result.applied, result.rejections)


def refusal(exc: CorrectionsError) -> str:
    """Why a run stops on its corrections file, with every line at fault, and what stays."""
    return (f"the corrections file {exc.path} cannot be applied; fix these lines (nothing was published, the "
            f"previous warehouse stays):\n{exc}")


def corrections_for_run(path: str | Path, required: bool) -> CorrectionSet:
    """The corrections a run applies: those of the file at `path`. A missing file holds none unless `required`
    (a file named on purpose, whose absence is a typo); a malformed file stops the run (RunRefused)."""
    path = Path(path)
    if required and not path.is_file():
        raise RunRefused(f"the corrections file {path} does not exist (nothing was published, the previous "
                         "warehouse stays)")
    try:
        return load_corrections(path)
    except CorrectionsError as exc:
        raise RunRefused(refusal(exc)) from None


def _phase(c: Correction) -> int:
    """Merges first, so every later correction sees merged entities; an organisation's fields next; a fact's
    parties and signatories before the fact itself (rejecting an agreement removes its parties); additions last."""
    if c.action == "merge":
        return 0
    if c.kind == "organization":
        return 1
    if c.action == "reject":
        return 2 if c.kind in LINKS else 3
    return 4 if c.action == "set" else 5


class _Work:
    """The tables being corrected, the references resolved against them as given, and the merges."""

    def __init__(self, tables: Mapping[str, pd.DataFrame], texts: Mapping[str, str] | None):
        self._given = tables, texts
        self.tables = {name: _with_lineage(name, df) for name, df in tables.items()}
        self.found: dict[tuple[str, Ref], _Found] = {}
        self.merges = _MergeGraph()

    @functools.cached_property
    def index(self) -> _Index:
        """The records of the tables as given, indexed when a correction first names one: a run without
        corrections (most runs) does not index every record of the corpus."""
        return _Index(*self._given)

    def resolve(self, corrections: CorrectionSet) -> dict[str, _Vanished]:
        """Find every record the corrections name; returns correction id -> why one of its records is missing."""
        vanished: dict[str, _Vanished] = {}
        for c in corrections:
            for kind, ref in c.all_refs():
                try:
                    if (kind, ref) not in self.found:
                        self.found[(kind, ref)] = self.index.find(kind, ref)
                except _Vanished as exc:
                    vanished.setdefault(c.id, _Vanished(exc.reason, _document_id(c)))
        return vanished

    def id(self, kind: str, ref: Ref) -> str:
        """The id of the record `ref` names, after every merge."""
        return self.merges.final(kind, self.found[(kind, ref)].id)

    def mark(self, table: str, mask: pd.Series, correction: Correction) -> None:
        """Say on the rows of `mask` that `correction` changed them (lineage)."""
        if table not in LINEAGE_TABLES or not mask.any():
            return
        frame = self.tables[table]
        frame.loc[mask, LINEAGE_COLUMN] = [_with_id(v, correction.id) for v in frame.loc[mask, LINEAGE_COLUMN]]

    def append(self, table: str, rows: list[dict[str, Any]], correction: Correction) -> None:
        """Add rows to a table, typed as its columns are, marked as added by `correction`."""
        if not rows:
            return
        frame = self.tables[table]
        new = pd.DataFrame(rows, columns=frame.columns)
        if table in LINEAGE_TABLES:
            new[LINEAGE_COLUMN] = correction.id
        new = new.astype({c: t for c, t in frame.dtypes.items() if c != LINEAGE_COLUMN})
        self.tables[table] = pd.concat([frame, new], ignore_index=True) if len(frame) else new


def _with_lineage(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """A copy of a table with its lineage column as objects (ids or None): build_tables leaves it all null,
    which pandas holds as floats, and a float column cannot take a correction's id; rows added by a correction
    would make it pandas strings. One dtype, so the same corrections always give equal frames."""
    df = df.copy()
    if name in LINEAGE_TABLES:
        lineage = df[LINEAGE_COLUMN] if LINEAGE_COLUMN in df.columns else pd.Series(index=df.index, dtype=object)
        df[LINEAGE_COLUMN] = lineage.astype(object).where(lineage.notna(), None)
    return df


def _with_id(current: Any, correction_id: str) -> str:
    ids = set() if _missing(current) else set(str(current).split(","))
    return ",".join(sorted(ids | {correction_id}))


def _missing(value: Any) -> bool:
    return value is None or (not isinstance(value, (str, list, dict)) and bool(pd.isna(value)))


def _document_id(c: Correction) -> str | None:
    """The document a correction is about, when it names one (for its rejected_records row)."""
    documents = [ref.document for ref in c.refs.values() if ref.document]
    documents += [c.evidence.document] if c.evidence else []
    return make_id("document", documents[0]) if documents else None


def _matched(c: Correction, work: _Work) -> tuple[str, list[str]]:
    """How the correction found the records it is about (`corrections_applied.matched_by`: its targets, not the
    entities its fields name), and a note for every record it re-attached."""
    notes = []
    for kind, ref in c.all_refs():
        found = work.found[(kind, ref)]
        if found.how == "reattached":
            notes.append(f"{kind} {ref.id} is gone: re-attached by its anchor to {found.id}")
    if c.action == "add":
        return "added", notes
    hows = {work.found[(c.kind_of(role), ref)].how for role, ref in c.refs.items()}
    return ("reattached" if "reattached" in hows else "anchor" if "anchor" in hows else "id"), notes


def _applied_row(c: Correction, work: _Work, change: _Change, run_id: str | None,
                 when: pd.Timestamp) -> dict[str, Any]:
    matched_by, notes = _matched(c, work)
    notes += [change.note] if change.note else []
    return {"correction_id": c.id, "action": c.action, "target_table": change.table, "target_id": change.id,
            "matched_by": matched_by, "changes": change.changes, "note": "; ".join(notes) or None,
            "author": c.author, "reason": c.reason, "applied_at": when, "run_id": run_id}


def _rejection_row(path: Path, c: Correction, exc: _Vanished, run_id: str | None,
                   when: pd.Timestamp) -> dict[str, Any]:
    return {"table_name": "corrections", "record": dict(c.entry),
            "errors": f"{path.name}:{c.line}: correction {c.id} no longer applies: {exc.reason}",
            "document_id": exc.document_id or _document_id(c), "run_id": run_id, "rejected_at": when}


def _referring(df: pd.DataFrame, fk: Any, value: str) -> pd.Series:
    """Rows of `df` whose reference `fk` (a schemas.ForeignKey) points at `value`."""
    mask = df[fk.column] == value
    if fk.when:
        mask &= df[fk.when[0]] == fk.when[1]
    return mask.fillna(False).astype(bool)


# ---------------------------------------------------------------- merge

def _apply_merge(work: _Work, c: Correction) -> _Change:
    """Merge one organisation or person into another: every reference to it, in every table, now names the
    one kept, which takes the values it lacked. An organisation keeps every alias of both (the merged one's
    name among them: extraction lists each canonical name as an alias); a person's names stay in the mentions."""
    kind = KINDS[c.kind]
    source, into = work.found[(c.kind, c.refs["from"])].id, work.found[(c.kind, c.refs["into"])].id
    target = work.merges.final(c.kind, into)
    entities = work.tables[kind.table]
    if source == target or not (entities[kind.key] == source).any():
        return _Change(kind.table, target, {}, f"already one {c.kind}")
    name_column = _NAME_COLUMNS[c.kind]
    names = {"from": _value_of(entities, kind, source, name_column),
             "to": _value_of(entities, kind, target, name_column)}
    filled = _absorb(work, c, kind, source, target)
    references = _rewrite_references(work, c, kind, source, target)
    if c.kind == "organization":
        _clear_self_parents(work)
        _one_source_per_alias(work)
    changes = {kind.key: {"from": source, "to": target}, name_column: names, "references": references}
    note = f"{into} is itself merged into {target}" if into != target else None
    return _Change(kind.table, target, changes | ({"filled": filled} if filled else {}), note)


def _value_of(frame: pd.DataFrame, kind: Kind, record: str, column: str) -> Any:
    return jsonable(frame.loc[frame[kind.key] == record, column].iloc[0])


def _absorb(work: _Work, c: Correction, kind: Kind, source: str, target: str) -> dict[str, Any]:
    """Remove the merged row; the kept row takes each value it lacks from it (an acronym, a ROR id), but not a
    reference to itself (a department merged into the government it belongs to)."""
    frame = work.tables[kind.table]
    merged, kept = frame[frame[kind.key] == source].iloc[0], frame[kind.key] == target
    filled = {}
    for column in frame.columns.drop([kind.key, LINEAGE_COLUMN], errors="ignore"):
        value = merged[column]
        if _missing(frame.loc[kept, column].iloc[0]) and not _missing(value) and value != target:
            frame.loc[kept, column] = value
            filled[column] = jsonable(value)
    work.mark(kind.table, kept, c)
    work.tables[kind.table] = frame[frame[kind.key] != source]
    return filled


def _rewrite_references(work: _Work, c: Correction, kind: Kind, source: str, target: str) -> dict[str, int]:
    """Point every reference to `source` at `target` (schemas.FOREIGN_KEYS); a row that becomes a copy of
    another (a party named twice) is kept once. Returns how many rows each `table.column` had."""
    counts = {}
    for fk in FOREIGN_KEYS:
        if (fk.parent_table, fk.parent_column) != (kind.table, kind.key) or fk.table not in work.tables:
            continue
        frame = work.tables[fk.table]
        mask = _referring(frame, fk, source)
        if mask.any():
            frame.loc[mask, fk.column] = target
            work.mark(fk.table, mask, c)
            counts[f"{fk.table}.{fk.column}"] = int(mask.sum())
            if fk.table not in PRIMARY_KEYS:
                _drop_copies(work, fk.table, c)
    return counts


def _drop_copies(work: _Work, table: str, c: Correction) -> None:
    """Keep once a row the merge made a copy of another (both parties of an agreement named one organisation);
    the row kept carries the lineage of every copy, and says the merge changed it."""
    frame = work.tables[table]
    data = [column for column in frame.columns if column != LINEAGE_COLUMN]
    copies = frame.duplicated(subset=data, keep=False)
    if LINEAGE_COLUMN in frame.columns and copies.any():
        lineage = frame[copies].groupby(data, sort=False, dropna=False)[LINEAGE_COLUMN]
        frame.loc[copies, LINEAGE_COLUMN] = lineage.transform(_lineage_union)
    work.mark(table, copies, c)
    work.tables[table] = frame[~frame.duplicated(subset=data, keep="first")]


def _lineage_union(values: pd.Series) -> str | None:
    return ",".join(sorted({i for v in values if not _missing(v) for i in str(v).split(",")})) or None


def _clear_self_parents(work: _Work) -> None:
    """An organisation merged into its own parent (a faculty into its university) must not become its own parent."""
    frame = work.tables["organizations"]
    frame.loc[frame["parent_organization_id"] == frame["organization_id"], "parent_organization_id"] = None


def _one_source_per_alias(work: _Work) -> None:
    """Both organisations of a merge may have had one alias from two sources: keep the first source in the order
    extraction keeps it (resolve.py: reference, acronym_definition, corpus), one row per organisation and alias."""
    aliases = work.tables.get("organization_aliases")
    if aliases is None:
        return
    ranked = aliases.assign(_rank=aliases["source"].map(_ALIAS_RANK)).sort_values(
        ["organization_id", "alias", "_rank"], kind="stable")
    work.tables["organization_aliases"] = ranked.drop_duplicates(["organization_id", "alias"]).drop(columns="_rank")


# ---------------------------------------------------------------- rename, set

def _columns(work: _Work, c: Correction) -> dict[str, Any]:
    """The column values of an entry's fields: a date also sets its precision, an entity-valued field writes
    the id of the entity it names."""
    columns = {}
    for name, value in c.values.items():
        if name == "parties":
            continue
        spec = FIELDS[c.kind][name]
        if spec.shape == "date":
            columns[spec.column], columns[f"{spec.column}_precision"] = value or (None, "unknown")
        elif isinstance(value, Ref):
            columns[spec.column] = work.id(spec.shape, value)
        else:
            columns[spec.column] = value
    return columns


def _apply_set(work: _Work, c: Correction) -> _Change:
    """Set fields of an organisation or a fact (a rename sets canonical_name). A renamed organisation keeps its
    old name among its aliases (extraction lists each canonical name as one), so anchors that name it still
    find it."""
    kind = KINDS[c.kind]
    record = work.id(c.kind, c.refs["target"])
    frame = work.tables[kind.table]
    mask = frame[kind.key] == record
    at = frame.index[mask][0]
    changes = {}
    for column, new in _columns(work, c).items():
        old = jsonable(frame.at[at, column])
        if old != jsonable(new):
            changes[column] = {"from": old, "to": jsonable(new)}
            frame.at[at, column] = new
    work.mark(kind.table, mask, c)
    return _Change(kind.table, record, changes, None if changes else "the data already said so")


# ---------------------------------------------------------------- reject

def _link_rows(work: _Work, c: Correction) -> tuple[str, str, str, str, pd.Series]:
    """(table, agreement id, entity column, entity id, rows) of the party or signatory an entry names."""
    table, other = LINKS[c.kind]
    agreement, entity = work.id("agreement", c.refs["agreement"]), work.id(other, c.refs[other])
    column = KINDS[other].key
    frame = work.tables[table]
    return table, agreement, column, entity, (frame["agreement_id"] == agreement) & (frame[column] == entity)


def _apply_reject(work: _Work, c: Correction) -> _Change:
    """Remove a fact named as not real, with every row that belongs to it (an agreement's parties,
    signatories, activities and fields; a lab's mentions and fields); or remove one party or signatory."""
    if c.kind in LINKS:
        table, agreement, column, entity, rows = _link_rows(work, c)
        if not rows.any():
            raise _Vanished(f"{column} {entity} is no longer on agreement {agreement}", _document_id(c))
        work.tables[table] = work.tables[table][~rows]
        return _Change(table, agreement, {column: {"from": entity, "to": None}})
    kind = KINDS[c.kind]
    record = work.id(c.kind, c.refs["target"])
    frame = work.tables[kind.table]
    rows = frame[kind.key] == record
    if not rows.any():
        return _Change(kind.table, record, {}, f"{c.kind} already rejected")
    gone = row_record(frame[rows].iloc[0])
    work.tables[kind.table] = frame[~rows]
    removed = _remove_dependents(work, kind, record)
    return _Change(kind.table, record, {"row": {"from": gone, "to": None}} | ({"removed": removed} if removed else {}))


def _remove_dependents(work: _Work, kind: Kind, record: str) -> dict[str, int]:
    """Remove the rows that refer to a rejected fact (schemas.FOREIGN_KEYS): every such reference is required
    (a party without its agreement means nothing), and none of those rows is referred to in turn."""
    removed = {}
    for fk in FOREIGN_KEYS:
        if (fk.parent_table, fk.parent_column) == (kind.table, kind.key) and fk.table in work.tables:
            frame = work.tables[fk.table]
            rows = _referring(frame, fk, record)
            if rows.any():
                work.tables[fk.table] = frame[~rows]
                removed[fk.table] = removed.get(fk.table, 0) + int(rows.sum())
    return removed


# ---------------------------------------------------------------- add

def _apply_add(work: _Work, c: Correction) -> _Change:
    """Add what extraction missed: a fact at its evidence (its id derived from the correction's id, so it is
    stable across runs and other tools can cite it), or a party or signatory of an existing agreement."""
    if c.kind in LINKS:
        return _add_link(work, c)
    kind = KINDS[c.kind]
    document, start, end, note = work.index.locate(c.evidence)
    record = make_id(c.kind, "correction", c.id)
    if (work.tables[kind.table][kind.key] == record).any():
        return _Change(kind.table, record, {}, f"{c.kind} already added")
    evidence = {"document_id": document, "evidence": c.evidence.text, "evidence_start": start, "evidence_end": end}
    if c.kind == "lab":
        row = {kind.key: record, **_columns(work, c)}
        work.append("lab_mentions", [{kind.key: record, **evidence}], c)
    else:
        unknown_dates = {f"{s.column}_precision": "unknown" for s in FIELDS[c.kind].values() if s.shape == "date"}
        row = {kind.key: record, "event_id": make_id(f"{c.kind}_event", record), **evidence, **unknown_dates,
               **_columns(work, c), "confidence": 1.0}
        parties = sorted({work.id("organization", party) for party in c.values.get("parties", ())})
        work.append("agreement_parties", [{"agreement_id": record, "organization_id": p} for p in parties], c)
    work.append(kind.table, [row], c)
    return _Change(kind.table, record, {"row": {"from": None, "to": jsonable(row)}}, note)


def _add_link(work: _Work, c: Correction) -> _Change:
    table, agreement, column, entity, rows = _link_rows(work, c)
    if rows.any():
        return _Change(table, agreement, {}, f"{column} {entity} already on agreement {agreement}")
    row = {"agreement_id": agreement, column: entity, **_columns(work, c)}
    work.append(table, [row], c)
    return _Change(table, agreement, {"row": {"from": None, "to": jsonable(row)}})


_HANDLERS: dict[str, Callable[[_Work, Correction], _Change]] = {
    "merge": _apply_merge, "rename": _apply_set, "set": _apply_set, "reject": _apply_reject, "add": _apply_add,
}


__all__ = [
    "ACTIONS", "COMMON_KEYS", "DEFAULT_CORRECTIONS_FILE", "FIELDS", "KINDS", "LINEAGE_COLUMN", "LINEAGE_TABLES",
    "LINKS", "REQUIRED_TO_ADD", "STUB_PLACEHOLDERS", "AppliedCorrections", "Correction", "CorrectionSet",
    "CorrectionsError", "Evidence", "FieldSpec", "Kind", "Ref", "apply_corrections", "correct_tables",
    "corrections_for_run", "entry_keys", "load_corrections", "refusal",
]
