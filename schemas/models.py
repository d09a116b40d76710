"""Pandera models of the warehouse tables of spec/DATA_CONTRACT.md, one per table.

Conventions, so that every stage hands the publisher frames of one shape:

- VARCHAR -> pandas string (`str`); INTEGER -> nullable `Int64`; DOUBLE -> `float64`;
  JSON -> Python objects (a dict per row, serialised to JSON text when published).
- DATE and TIMESTAMP columns are pandas `datetime64[ns]` (naive, UTC for timestamps). Python
  `datetime.date` values and ISO strings are accepted and coerced; the publisher casts the
  DATE columns to DuckDB `DATE`, so a date column never comes out as TIMESTAMP.
- `nullable=False` where the contract says *not null* or *primary key*, and for the
  provenance columns (`evidence`, `evidence_start`, `evidence_end`) because the contract's
  general rules say every fact row carries them.
- Primary keys are `unique=True`; enum columns are closed with `isin`.

All models coerce (`Config.coerce = True`) and are not strict: extra columns are allowed
(the contract permits added columns), missing ones fail as table-level errors.
"""
from __future__ import annotations

import json

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from . import enums

Str = Series[str]
Int = Series[pd.Int64Dtype]
Float = Series[float]
Timestamp = Series[pa.DateTime]
Object = Series[object]

ISO_COUNTRY = r"^[A-Z]{2}$"
ISO_REGION = r"^[A-Z]{2}-[A-Z0-9]{1,3}$"


def _key(**kw) -> object:
    """A primary key column: present, not null, unique."""
    return pa.Field(nullable=False, unique=True, **kw)


def _required(**kw) -> object:
    return pa.Field(nullable=False, **kw)


def _optional(**kw) -> object:
    return pa.Field(nullable=True, **kw)


def _enum(values: tuple[str, ...], nullable: bool = True) -> object:
    return pa.Field(nullable=nullable, isin=list(values))


def _confidence() -> object:
    return pa.Field(nullable=True, in_range={"min_value": 0.0, "max_value": 1.0})


def ordered_offsets(df: pd.DataFrame, start: str, end: str) -> pd.Series:
    """Row-wise: 0 <= start <= end, true where either offset is null (nullability is checked apart)."""
    s, e = df[start], df[end]
    ok = (s >= 0) & (s <= e)
    return (s.isna() | e.isna() | ok.fillna(False)).astype(bool)


class _Base(pa.DataFrameModel):
    class Config:
        coerce = True
        strict = False
        ordered = False


class Documents(_Base):
    document_id: Str = _key()
    source_path: Str = _required(unique=True)
    content_sha256: Str = _required()
    title: Str = _optional()
    publisher: Str = _optional()
    published_on: Timestamp = _optional()
    published_on_precision: Str = _enum(enums.PRECISION)
    clean_text: Str = _required()
    ingested_at: Timestamp = _required()

    class Config:
        name = "documents"


class Organizations(_Base):
    organization_id: Str = _key()
    canonical_name: Str = _required(str_length={"min_value": 1})
    acronym: Str = _optional()
    org_type: Str = _enum(enums.ORG_TYPE)
    region_code: Str = _optional(str_matches=ISO_REGION)
    country_code: Str = _optional(str_matches=ISO_COUNTRY)
    parent_organization_id: Str = _optional()
    ror_id: Str = _optional()
    wikidata_id: Str = _optional()

    class Config:
        name = "organizations"


class OrganizationAliases(_Base):
    organization_id: Str = _required()
    alias: Str = _required(str_length={"min_value": 1})
    source: Str = _enum(enums.ALIAS_SOURCE)

    class Config:
        name = "organization_aliases"


class People(_Base):
    person_id: Str = _key()
    full_name: Str = _required(str_length={"min_value": 1})
    family_name: Str = _optional()
    given_name: Str = _optional()

    class Config:
        name = "people"


class PersonAffiliations(_Base):
    person_id: Str = _required()
    organization_id: Str = _optional()
    title: Str = _optional()
    document_id: Str = _required()

    class Config:
        name = "person_affiliations"


class Mentions(_Base):
    document_id: Str = _required()
    entity_type: Str = _enum(enums.ENTITY_TYPE)
    entity_id: Str = _required()
    surface: Str = _required(str_length={"min_value": 1})
    start: Int = _required()
    end: Int = _required()

    @pa.dataframe_check(name="offsets_ordered")
    def _offsets(cls, df: pd.DataFrame) -> pd.Series:
        return ordered_offsets(df, "start", "end")

    class Config:
        name = "mentions"


class Places(_Base):
    place_id: Str = _key()
    name: Str = _required(str_length={"min_value": 1})
    place_type: Str = _enum(enums.PLACE_TYPE)
    region_code: Str = _optional(str_matches=ISO_REGION)
    country_code: Str = _optional(str_matches=ISO_COUNTRY)
    parent_place_id: Str = _optional()

    class Config:
        name = "places"


class Agreements(_Base):
    agreement_id: Str = _key()
    event_id: Str = _required()
    document_id: Str = _required()
    agreement_type: Str = _enum(enums.AGREEMENT_TYPE)
    title: Str = _optional()
    signed_on: Timestamp = _optional()
    signed_on_precision: Str = _enum(enums.PRECISION)
    place_id: Str = _optional()
    status: Str = _enum(enums.AGREEMENT_STATUS)
    evidence: Str = _required(str_length={"min_value": 1})
    evidence_start: Int = _required()
    evidence_end: Int = _required()
    confidence: Float = _confidence()

    @pa.dataframe_check(name="evidence_offsets_ordered")
    def _offsets(cls, df: pd.DataFrame) -> pd.Series:
        return ordered_offsets(df, "evidence_start", "evidence_end")

    class Config:
        name = "agreements"


class AgreementParties(_Base):
    agreement_id: Str = _required()
    organization_id: Str = _required()

    class Config:
        name = "agreement_parties"


class AgreementSignatories(_Base):
    agreement_id: Str = _required()
    person_id: Str = _required()
    organization_id: Str = _optional()
    title: Str = _optional()
    role: Str = _enum(enums.SIGNATORY_ROLE)

    class Config:
        name = "agreement_signatories"


class AgreementActivities(_Base):
    agreement_id: Str = _required()
    activity: Str = _enum(enums.ACTIVITY)
    evidence: Str = _optional()

    class Config:
        name = "agreement_activities"


class Delegations(_Base):
    delegation_id: Str = _key()
    event_id: Str = _required()
    document_id: Str = _required()
    leader_person_id: Str = _optional()
    leader_title: Str = _optional()
    origin_organization_id: Str = _optional()
    origin_place_id: Str = _optional()
    host_organization_id: Str = _optional()
    host_place_id: Str = _optional()
    member_count: Int = _optional(ge=0)
    member_count_max: Int = _optional(ge=0)
    visited_on: Timestamp = _optional()
    visited_on_precision: Str = _enum(enums.PRECISION)
    purpose: Str = _optional()
    status: Str = _enum(enums.DELEGATION_STATUS)
    evidence: Str = _required(str_length={"min_value": 1})
    evidence_start: Int = _required()
    evidence_end: Int = _required()
    confidence: Float = _confidence()

    @pa.dataframe_check(name="evidence_offsets_ordered")
    def _offsets(cls, df: pd.DataFrame) -> pd.Series:
        return ordered_offsets(df, "evidence_start", "evidence_end")

    @pa.dataframe_check(name="member_count_range_ordered")
    def _member_range(cls, df: pd.DataFrame) -> pd.Series:
        """`member_count_max` is an upper bound, so never below `member_count`."""
        return ordered_offsets(df, "member_count", "member_count_max")

    class Config:
        name = "delegations"


class Labs(_Base):
    lab_id: Str = _key()
    name: Str = _required(str_length={"min_value": 1})
    lab_type: Str = _enum(enums.LAB_TYPE)
    host_organization_id: Str = _optional()
    director_person_id: Str = _optional()
    established_year: Int = _optional(in_range={"min_value": 1000, "max_value": 2100})
    status: Str = _enum(enums.LAB_STATUS)

    class Config:
        name = "labs"


class LabMentions(_Base):
    lab_id: Str = _required()
    document_id: Str = _required()
    evidence: Str = _required(str_length={"min_value": 1})
    evidence_start: Int = _required()
    evidence_end: Int = _required()

    @pa.dataframe_check(name="evidence_offsets_ordered")
    def _offsets(cls, df: pd.DataFrame) -> pd.Series:
        return ordered_offsets(df, "evidence_start", "evidence_end")

    class Config:
        name = "lab_mentions"


class CollaborationDomains(_Base):
    domain_id: Str = _key(str_matches=r"^\d+(\.\d+)?$")
    label: Str = _required()
    major_id: Str = _required()
    major_label: Str = _required()

    class Config:
        name = "collaboration_domains"


class DocumentDomains(_Base):
    document_id: Str = _required()
    domain_id: Str = _required()
    matched_text: Str = _required(str_length={"min_value": 1})
    evidence_start: Int = _required()
    evidence_end: Int = _required()

    @pa.dataframe_check(name="evidence_offsets_ordered")
    def _offsets(cls, df: pd.DataFrame) -> pd.Series:
        return ordered_offsets(df, "evidence_start", "evidence_end")

    class Config:
        name = "document_domains"


class AgreementDomains(_Base):
    agreement_id: Str = _required()
    domain_id: Str = _required()
    matched_text: Str = _required()

    class Config:
        name = "agreement_domains"


class LabDomains(_Base):
    lab_id: Str = _required()
    domain_id: Str = _required()
    matched_text: Str = _required()

    class Config:
        name = "lab_domains"


def _is_json_record(value: object) -> bool:
    """A quarantined record is a mapping (or JSON text of one) that survives JSON serialisation."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return False
    if not isinstance(value, dict):
        return False
    try:
        json.dumps(value, default=str)
    except (TypeError, ValueError):
        return False
    return True


class RejectedRecords(_Base):
    table_name: Str = _required()
    record: Object = _required()
    errors: Str = _required()
    document_id: Str = _optional()
    run_id: Str = _optional()
    rejected_at: Timestamp = _required()

    @pa.check("record", name="record_is_json_object", element_wise=True)
    def _record_json(cls, value: object) -> bool:
        return _is_json_record(value)

    class Config:
        name = "rejected_records"
