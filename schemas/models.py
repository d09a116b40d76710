"""Pandera models of the warehouse tables of spec/DATA_CONTRACT.md, one per table.

Each model is the one declaration of its table (schemas/catalog.py reads it): `Config.description` is
the table's meaning and every field's `description` its column's meaning (quoted from the data
contract where it gives one); `Config.metadata` says the table's asset group, whether each document's
extraction yields its rows and where its evidence lies; a field's metadata says whether it is part of
the primary key, what it references, and its DuckDB type where the dtype does not settle it. The
column lists and types, keys, references, the data dictionary, the `COMMENT ON TABLE` of the
published file and the Dagster assets, their groups and column schemas are all read from here.

Conventions, so that every stage hands the publisher frames of one shape:

- VARCHAR -> pandas string (`str`); INTEGER -> nullable `Int64`; DOUBLE -> `float64`;
  JSON -> Python objects (a dict per row, serialised to JSON text when published). The DuckDB
  type follows from the annotation.
- DATE and TIMESTAMP columns are pandas `datetime64[ns]` (naive, UTC for timestamps). Python
  `datetime.date` values and ISO strings are accepted and coerced; a DATE column says so
  (`duckdb_type=DATE`) and the publisher casts it to DuckDB `DATE`, so a date column never comes
  out as TIMESTAMP.
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
from .catalog import DATE, EVIDENCE, Reference, column_metadata, table_metadata

Str = Series[str]
Int = Series[pd.Int64Dtype]
Float = Series[float]
Timestamp = Series[pa.DateTime]
Object = Series[object]

ISO_COUNTRY = r"^[A-Z]{2}$"
ISO_REGION = r"^[A-Z]{2}-[A-Z0-9]{1,3}$"
LANGUAGE_CODE = r"^(?:[a-z]{2}|und)$"  # ISO 639-1, or BCP 47's `und` (undetermined)


def _column(nullable: bool, *, primary_key: bool = False, references: Reference | tuple[Reference, ...] = (),
            duckdb_type: str | None = None, added: bool = False, **field) -> object:
    """A pandera field carrying the catalog's metadata (see schemas.catalog.column_metadata)."""
    metadata = column_metadata(primary_key=primary_key, references=references, duckdb_type=duckdb_type, added=added)
    return pa.Field(nullable=nullable, metadata=metadata, **field)


def _key(**kw) -> object:
    """A primary key column: present, not null, unique."""
    return _column(False, unique=True, primary_key=True, **kw)


def _required(**kw) -> object:
    return _column(False, **kw)


def _optional(**kw) -> object:
    return _column(True, **kw)


def _enum(values: tuple[str, ...], nullable: bool = True, *, description: str) -> object:
    return _column(nullable, isin=list(values), description=description)


def _corrected_by() -> object:
    """The lineage column of a table analysts' corrections can change (pipeline/core/corrections.py)."""
    return _column(True, added=True, description=(
        "the ids of the analysts' corrections that changed or added this row, sorted and comma-separated "
        "(→ `corrections_applied.correction_id`; the corrections file is `corrections/corrections.yaml` by "
        "default); null on a row as extraction made it"))


def _confidence(*, description: str) -> object:
    return _column(True, in_range={"min_value": 0.0, "max_value": 1.0}, description=description)


# What the reference columns point at.
_TO_DOCUMENT = Reference("documents.document_id")
_TO_ORGANIZATION = Reference("organizations.organization_id")
_TO_PERSON = Reference("people.person_id")
_TO_PLACE = Reference("places.place_id")
_TO_AGREEMENT = Reference("agreements.agreement_id")
_TO_LAB = Reference("labs.lab_id")
_TO_FIELD = Reference("collaboration_domains.domain_id")


# Meanings shared by several columns.
_ID = "the first 16 hex digits of a SHA-1 of {key}, so the same input always yields the same id"
_EVIDENCE = ("the sentence that states the {fact}, copied from `documents.clean_text` of the row's document "
             "(substr(clean_text, evidence_start + 1, evidence_end - evidence_start) = evidence)")
_EVIDENCE_START = "character offset in `documents.clean_text` where {text} starts (0-based)"
_EVIDENCE_END = "character offset in `documents.clean_text` just past the end of {text}"
_PRECISION = ("how much of {date} the text gives: `day`; `month` ({date} is the first day of the month); `year` "
              "({date} is 1 January); `unknown` when {date} is null")
_CONFIDENCE = ("how sure the extractor is of the row, in [0, 1]: the score of the rule that found it (the `confidence` "
               "table of `pipeline/reference/extraction.yaml`); {detail}. Filter with `confidence >= 0.8` for the "
               "surest rows")
_OTHER = "; `other` when none fits"
_FROM = "the document that reports it (→ `documents.document_id`)"


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
    document_id: Str = _key(description=(
        "stable id of the source document: " + _ID.format(key="its source_path")
        + "; it changes only when the file is renamed or moved"))
    source_path: Str = _required(unique=True, description=(
        "path of the source file relative to the raw folder, e.g. `003_63dc837bb871ef43.txt` (`/` separators)"))
    content_sha256: Str = _required(description=(
        "SHA-256 (hex) hash of the raw bytes; a changed file is re-processed, an unchanged one is taken from the "
        "cache"))
    title: Str = _optional(description=(
        "headline, when one can be found (the format's metadata, else a headline-like line above the article); "
        "clean_text opens with it"))
    publisher: Str = _optional(description=(
        "site or outlet, when one can be found (the format's metadata, a `Source:` or `By ... News` line, a wire "
        "dateline's agency, an \"Official website of ...\" or \"Copyright held by ...\" footer)"))
    published_on: Timestamp = _optional(duckdb_type=DATE, description=(
        "publication date, when stated or inferable: from the format's metadata, a date line or dateline above "
        "the article, a release stamp closing it (\"Ends/Tuesday, June 6, 2023\") or a date in the URL or file "
        "name, never from a date inside a sentence"))
    published_on_precision: Str = _enum(enums.PRECISION, description=_PRECISION.format(date="published_on"))
    clean_text: Str = _required(description=(
        "body text after removal of navigation, cookie/browser notices, footers and hard line-wraps; every "
        "offset in the warehouse points into this (paragraphs separated by a blank line; the title, when there is "
        "one, first)"))
    ingested_at: Timestamp = _required(description=(
        "when the run that published this row built the documents table (UTC, without time zone); every row of "
        "a run carries the same time, documents taken from the cache included"))
    # Added beyond the contract (which allows added columns).
    source_url: Str = _optional(added=True, str_matches=r"(?i)^https?://\S+$", description=(
        "where the document was published: the URL the raw folder's `sources.csv` gives, else the one the "
        "page states (`<link rel=\"canonical\">`, `og:url`, a front-matter `url`, a \"Source: https://...\" line)"))
    language: Str = _optional(added=True, str_matches=LANGUAGE_CODE, description=(
        "ISO 639-1 code of the language of clean_text (`en`, `zh`, ...), `und` when it cannot be told; the "
        "extractors read English only, so a document in another language yields no facts"))
    copy_of: Str = _optional(added=True, references=_TO_DOCUMENT, description=(
        "the canonical document this one is a syndicated copy of (→ `documents.document_id`): the same story "
        "reprinted by another site, whatever its headline, byline, dateline or length; two documents are copies "
        "when the openings of their bodies (the first 250 words after the headline, as 5-word shingles) have a "
        "Jaccard similarity of at least 0.8. "
        "The canonical document of a group of copies is the one published first (earliest published_on, then "
        "smallest document_id); null for it and for every document without copies. Count independent reports "
        "with `count(DISTINCT coalesce(copy_of, document_id))` (pipeline/core/syndication.py)"))

    class Config:
        name = "documents"
        description = ("One row per ingested source document: path, content hash, title, publisher, publication "
                       "date, source URL, language, the cleaned text every offset in the warehouse points into, "
                       "and the document it is a syndicated copy of.")
        metadata = table_metadata("ingest")


class Organizations(_Base):
    organization_id: Str = _key(description=(
        "stable id of the organisation: " + _ID.format(key="its canonical name, normalised (case, punctuation, a "
                                                           "leading `the`, company suffixes such as `Co., Ltd.`)")
        + "; every document gives one organisation the same id"))
    canonical_name: Str = _required(str_length={"min_value": 1}, description=(
        "full official English name, e.g. `The Hong Kong Polytechnic University` (the reference list's name, else "
        "the name as the text writes it, department names in one standard order)"))
    acronym: Str = _optional(description=(
        "short form, from the reference list or defined in the text (\"... University (PolyU)\"), e.g. `PolyU`"))
    org_type: Str = _enum(enums.ORG_TYPE, description=(
        "kind of organisation, from the reference list or the head word of its name (`University`, `Bureau`, "
        "`Co., Ltd.`, ...): `university_unit` a school, faculty or department of a university, "
        "`government_department` a department, bureau or commission of a government, `laboratory` a lab acting "
        "as an organisation, a jurisdiction acting as a party is its `government`" + _OTHER))
    region_code: Str = _optional(str_matches=ISO_REGION, description=(
        "ISO 3166-2 code of the province or region the organisation is in (`CN-HK`, `CN-HE`), when known"))
    country_code: Str = _optional(str_matches=ISO_COUNTRY, description=(
        "ISO 3166-1 alpha-2 code of its country (`CN`, also for Hong Kong and Macao), when known"))
    parent_organization_id: Str = _optional(references=_TO_ORGANIZATION, description=(
        "the organisation this one is part of (→ `organizations.organization_id`), from the reference list or the "
        "text (\"School of X of Y University\"), e.g. a provincial department's government, a university's faculty "
        "(whose parent is the university)"))
    ror_id: Str = _optional(description=(
        "external identifiers, where the reference data knows them: the organisation's ROR id "
        "(`https://ror.org/...`); null while the reference list (`pipeline/reference/organizations.csv`) records none"))
    wikidata_id: Str = _optional(description=(
        "external identifiers, where the reference data knows them: the organisation's Wikidata item (`Q...`); "
        "null while the reference list (`pipeline/reference/organizations.csv`) records none"))
    corrected_by: Str = _corrected_by()

    class Config:
        name = "organizations"
        description = ("One row per real-world organisation after normalisation: canonical English name, acronym, "
                       "type, ISO region and country, parent organisation.")
        metadata = table_metadata("entities", per_document=True)


class OrganizationAliases(_Base):
    organization_id: Str = _required(references=_TO_ORGANIZATION, description=(
        "the organisation the alias names (→ `organizations.organization_id`)"))
    alias: Str = _required(str_length={"min_value": 1}, description=(
        "every surface form seen in the corpus or known to the reference data: one row per form (name, acronym, "
        "other spelling)"))
    source: Str = _enum(enums.ALIAS_SOURCE, description=(
        "where the alias came from: `reference` the reference lists (the curated organisations, the world list of "
        "universities), `acronym_definition` an acronym the text defines (\"Hong Kong Polytechnic University "
        "(PolyU)\"), `corpus` a form a document writes; a form with several sources keeps the first in that order"))

    class Config:
        name = "organization_aliases"
        description = ("Every surface form of each organisation seen in the corpus or known to the reference data, "
                       "with where it came from.")
        metadata = table_metadata("entities", per_document=True)


class People(_Base):
    person_id: Str = _key(description=(
        "stable id of the person: " + _ID.format(key="the name's lower-case words, sorted, and the organisation "
                                                     "the person is affiliated with in the document")
        + "; mentions in two documents are one person when name and affiliation agree"))
    full_name: Str = _required(str_length={"min_value": 1}, description=(
        "display form without honorifics, given name(s) then family name for Western order as written, e.g. "
        "`Philip C. H. Chan`, `Xu Qin`, `Kwok-fai Chung`"))
    family_name: Str = _optional(description=(
        "the family name as full_name shows it (`Chan`, `Xu`, `Chung`): the word written in capitals when there "
        "is one (`XU Qin`), the first word of a name in Chinese order, else the last word; a one-word name is a "
        "family name"))
    given_name: Str = _optional(description=(
        "the words of full_name other than the family name (`Philip C. H.`, `Qin`, `Kwok-fai`); null for a "
        "one-word name"))
    corrected_by: Str = _corrected_by()

    class Config:
        name = "people"
        description = ("One row per real person after normalisation: display name without honorifics, family and "
                       "given name.")
        metadata = table_metadata("entities", per_document=True)


class PersonAffiliations(_Base):
    person_id: Str = _required(references=_TO_PERSON, description=(
        "the person who holds the post (→ `people.person_id`)"))
    organization_id: Str = _optional(references=_TO_ORGANIZATION, description=(
        "the organisation the post is held at (→ `organizations.organization_id`), when the text names it"))
    title: Str = _optional(description="the title or post as written, e.g. `Interim President`, `Director`, `Mayor`")
    document_id: Str = _required(references=_TO_DOCUMENT, description=(
        "the document that reports the post (→ `documents.document_id`)"))

    class Config:
        name = "person_affiliations"
        description = "Titles and posts of people as each document reports them, with the organisation."
        metadata = table_metadata("entities", per_document=True)


class Mentions(_Base):
    document_id: Str = _required(references=_TO_DOCUMENT, description=(
        "the document the mention is in (→ `documents.document_id`)"))
    entity_type: Str = _enum(enums.ENTITY_TYPE, description=(
        "the kind of entity, which says the table entity_id points into: `organization` organizations, `person` "
        "people, `place` places, `lab` labs"))
    entity_id: Str = _required(references=(
        _TO_ORGANIZATION.where("entity_type", "organization"), _TO_PERSON.where("entity_type", "person"),
        _TO_PLACE.where("entity_type", "place"), _TO_LAB.where("entity_type", "lab"),
    ), description="the id in the matching table (the one entity_type names)")
    surface: Str = _required(str_length={"min_value": 1}, description=(
        "the text as written, e.g. `Mayor Xu`, `PolyU`"))
    start: Int = _required(description=(
        "offsets into `documents.clean_text` of `surface`: where it starts (0-based), so "
        "substr(clean_text, start + 1, end - start) = surface"))
    end: Int = _required(description="offsets into `documents.clean_text` of `surface`: just past its last character")

    @pa.dataframe_check(name="offsets_ordered")
    def _offsets(cls, df: pd.DataFrame) -> pd.Series:
        return ordered_offsets(df, "start", "end")

    class Config:
        name = "mentions"
        description = ("Every recognised mention of an organisation, person, place or lab, with its character offsets "
                       "into documents.clean_text.")
        metadata = table_metadata("entities", per_document=True, surface=("surface", "start", "end"))


class Places(_Base):
    place_id: Str = _key(description=(
        "stable id of the place: " + _ID.format(key="its name and its region code (else its country code)")))
    name: Str = _required(str_length={"min_value": 1}, description=(
        "e.g. `Hebei`, `Langfang`, `Xiong'an New District`, `Hungary` (the reference list's name)"))
    place_type: Str = _enum(enums.PLACE_TYPE, description=(
        "kind of place: `municipality` a province-level city (Beijing, Tianjin, Shanghai, Chongqing), "
        "`special_administrative_region` Hong Kong and Macao, `province` also an autonomous region" + _OTHER))
    region_code: Str = _optional(str_matches=ISO_REGION, description=(
        "ISO 3166-2 code of the province or region the place is or lies in (`CN-HE` for Hebei and for Langfang); "
        "null when there is none (a country, most places abroad)"))
    country_code: Str = _optional(str_matches=ISO_COUNTRY, description=(
        "ISO 3166-1 alpha-2 code of the country the place is or lies in (`CN` for every place in China, Hong Kong "
        "and Macao included)"))
    parent_place_id: Str = _optional(references=_TO_PLACE, description=(
        "the place it lies in (→ `places.place_id`): a city's province, a province's country; null for a country"))

    class Config:
        name = "places"
        description = ("Countries, provinces, cities and districts named in the corpus, with ISO codes and parent "
                       "place.")
        metadata = table_metadata("entities", per_document=True)


class Agreements(_Base):
    agreement_id: Str = _key(description=(
        "one report of an agreement in one document: " + _ID.format(key="the document id, the offsets of the "
                                                                        "sentence and the agreement's rank in it")))
    event_id: Str = _required(description=(
        "shared by every report, in any document, of the same real-world agreement (same parties, compatible "
        "dates and type); analysts count events with `count(distinct event_id)`, not reports"))
    document_id: Str = _required(references=_TO_DOCUMENT, description=_FROM)
    agreement_type: Str = _enum(enums.AGREEMENT_TYPE, description=(
        "kind of instrument, from the agreement noun and the agreement's name (`memorandum of understanding`, "
        "`strategic cooperation agreement`, `letter of intent`, ...)" + _OTHER))
    title: Str = _optional(description=(
        "the agreement's own name when the text gives one (\"an agreement on the Joint Training of Doctoral "
        "Students\")"))
    signed_on: Timestamp = _optional(duckdb_type=DATE, description=(
        "the day it was signed as the text gives it, in its sentence or the one about the signing ceremony (an "
        "undated signing takes the day of a dated one reported beside it, or the day the news happened); a month "
        "or year is stored as its first day (see signed_on_precision); null when no date is given"))
    signed_on_precision: Str = _enum(enums.PRECISION, description=_PRECISION.format(date="signed_on"))
    place_id: Str = _optional(references=_TO_PLACE, description=(
        "where it was signed, when stated (→ `places.place_id`): a place after `in`/`at` in a clause about the "
        "signing, else the dateline's city"))
    status: Str = _enum(enums.AGREEMENT_STATUS, description=(
        "`signed`: the document reports the signing; `planned`: announced or intended; `reported`: an earlier "
        "agreement mentioned in passing"))
    evidence: Str = _required(str_length={"min_value": 1}, description=_EVIDENCE.format(fact="agreement"))
    evidence_start: Int = _required(description=_EVIDENCE_START.format(text="evidence"))
    evidence_end: Int = _required(description=_EVIDENCE_END.format(text="evidence"))
    confidence: Float = _confidence(description=_CONFIDENCE.format(detail=(
        "highest for an agreement noun with a signing verb and two or more parties, lower with one party found, "
        "for an announced or intended signing, or for a partnership verb (\"teamed up with\") without an "
        "agreement noun")))
    corrected_by: Str = _corrected_by()

    @pa.dataframe_check(name="evidence_offsets_ordered")
    def _offsets(cls, df: pd.DataFrame) -> pd.Series:
        return ordered_offsets(df, "evidence_start", "evidence_end")

    class Config:
        name = "agreements"
        description = ("One row per report of an agreement, memorandum, arrangement or partnership in one document: "
                       "type, date, place, status, evidence. event_id groups reports of the same real-world "
                       "agreement; count agreements with count(distinct event_id).")
        metadata = table_metadata("facts", per_document=True, evidence=EVIDENCE)


class AgreementParties(_Base):
    agreement_id: Str = _required(references=_TO_AGREEMENT, description=(
        "the agreement report (→ `agreements.agreement_id`)"))
    organization_id: Str = _required(references=_TO_ORGANIZATION, description=(
        "an organisation that is a party to it (→ `organizations.organization_id`): named as a party in the text "
        "(before the signing verb, after `with`), or the organisation a signatory signed for; one row per party"))
    corrected_by: Str = _corrected_by()

    class Config:
        name = "agreement_parties"
        description = "The organisations that are parties to each agreement report."
        metadata = table_metadata("facts", per_document=True)


class AgreementSignatories(_Base):
    agreement_id: Str = _required(references=_TO_AGREEMENT, description=(
        "the agreement report (→ `agreements.agreement_id`)"))
    person_id: Str = _required(references=_TO_PERSON, description=(
        "the person who signed or witnessed it (→ `people.person_id`)"))
    organization_id: Str = _optional(references=_TO_ORGANIZATION, description=(
        "the organisation the person signed for (→ `organizations.organization_id`), when known"))
    title: Str = _optional(description="the person's title as stated")
    role: Str = _enum(enums.SIGNATORY_ROLE, description=(
        "`signatory`: the person signed it; `witness`: the person witnessed the signing"))
    corrected_by: Str = _corrected_by()

    class Config:
        name = "agreement_signatories"
        description = "Who signed each agreement, and who witnessed it, with title and organisation."
        metadata = table_metadata("facts", per_document=True)


class AgreementActivities(_Base):
    agreement_id: Str = _required(references=_TO_AGREEMENT, description=(
        "the agreement report (→ `agreements.agreement_id`)"))
    activity: Str = _enum(enums.ACTIVITY, description=(
        "a kind of thing the parties undertake, found in the agreement's sentence or the sentences after it that "
        "say what it covers (\"Under the agreement, both parties will ...\"); one row per kind"))
    evidence: Str = _optional(description=(
        "the phrase that states it, as written (a phrase, not a sentence; no offsets)"))

    class Config:
        name = "agreement_activities"
        description = ("What the parties to an agreement undertake (joint research, student exchange, ...), with the "
                       "phrase that says so.")
        metadata = table_metadata("facts", per_document=True)


class Delegations(_Base):
    delegation_id: Str = _key(description=(
        "one report of a visit in one document: " + _ID.format(key="the document id and the offsets of the "
                                                                  "sentence")))
    event_id: Str = _required(description=(
        "shared by every report of the same real-world visit: reports in different documents with the same "
        "leader, or the same origin organisation and host, at compatible dates; count visits with "
        "`count(distinct event_id)`"))
    document_id: Str = _required(references=_TO_DOCUMENT, description=_FROM)
    leader_person_id: Str = _optional(references=_TO_PERSON, description=(
        "the person who led the delegation (\"led by ...\"), or the official who made the visit "
        "(→ `people.person_id`)"))
    leader_title: Str = _optional(description="the leader's title as stated, e.g. `Vice Mayor`")
    origin_organization_id: Str = _optional(references=_TO_ORGANIZATION, description=(
        "who or where the visitors come from: their organisation (`of/from X`, the leader's organisation) "
        "(→ `organizations.organization_id`)"))
    origin_place_id: Str = _optional(references=_TO_PLACE, description=(
        "who or where the visitors come from: their place (`a delegation from Hebei`) (→ `places.place_id`)"))
    host_organization_id: Str = _optional(references=_TO_ORGANIZATION, description=(
        "who or where they visit: the organisation visited (→ `organizations.organization_id`)"))
    host_place_id: Str = _optional(references=_TO_PLACE, description=(
        "who or where they visit: the place visited (→ `places.place_id`)"))
    member_count: Int = _optional(ge=0, description="stated size (`15-member delegation` gives 15)")
    member_count_max: Int = _optional(ge=0, description=(
        "upper bound when a range is stated (`30-40 experts`: member_count 30, member_count_max 40)"))
    visited_on: Timestamp = _optional(duckdb_type=DATE, description=(
        "the day of the visit as the text gives it; a month or year is stored as its first day (see "
        "visited_on_precision); null when no date is given"))
    visited_on_precision: Str = _enum(enums.PRECISION, description=_PRECISION.format(date="visited_on"))
    purpose: Str = _optional(description=(
        "why the visit is made, as the text states it; the extractors do not fill it yet, so it is null"))
    status: Str = _enum(enums.DELEGATION_STATUS, description=(
        "`completed`: the document reports the visit as made; `planned`: announced or intended (a future cue such "
        "as `will` or `is to`, or a date after publication); `recurring`: a visit made regularly (`every year`, "
        "`annually`)"))
    evidence: Str = _required(str_length={"min_value": 1}, description=_EVIDENCE.format(fact="visit"))
    evidence_start: Int = _required(description=_EVIDENCE_START.format(text="evidence"))
    evidence_end: Int = _required(description=_EVIDENCE_END.format(text="evidence"))
    confidence: Float = _confidence(description=_CONFIDENCE.format(detail=(
        "highest when the leader and the destination are known, lower with the origin or size and a destination, "
        "lowest for a delegation noun with one side known")))
    corrected_by: Str = _corrected_by()

    @pa.dataframe_check(name="evidence_offsets_ordered")
    def _offsets(cls, df: pd.DataFrame) -> pd.Series:
        return ordered_offsets(df, "evidence_start", "evidence_end")

    @pa.dataframe_check(name="member_count_range_ordered")
    def _member_range(cls, df: pd.DataFrame) -> pd.Series:
        """`member_count_max` is an upper bound, so never below `member_count`."""
        return ordered_offsets(df, "member_count", "member_count_max")

    class Config:
        name = "delegations"
        description = ("One row per report of a visit by a group or an official in one document: leader, origin, "
                       "host, size, date, purpose, status, evidence. event_id groups reports of the same visit; count "
                       "visits with count(distinct event_id).")
        metadata = table_metadata("facts", per_document=True, evidence=EVIDENCE)


class Labs(_Base):
    lab_id: Str = _key(description=(
        "stable id of the lab: " + _ID.format(key="its type and the topic words of its name")
        + ", so one lab named two ways (`CNERC for X (Hong Kong Branch)`, `Hong Kong Branch of National "
          "Engineering Research Centre for X`) is one lab"))
    name: Str = _required(str_length={"min_value": 1}, description=(
        "full name, e.g. `Partner State Key Laboratory of Chirosciences`"))
    lab_type: Str = _enum(enums.LAB_TYPE, description=(
        "kind of lab, from the shape of its name (`Partner State Key Laboratory of ...`, `... Joint Laboratory`, "
        "`Hong Kong Branch of ...`)" + _OTHER))
    host_organization_id: Str = _optional(references=_TO_ORGANIZATION, description=(
        "the organisation that hosts it (→ `organizations.organization_id`): named after `of`/`at`/`under` its "
        "name, else the organisation of its sentence, else the nearest university"))
    director_person_id: Str = _optional(references=_TO_PERSON, description=(
        "the person the text names as its director (→ `people.person_id`)"))
    established_year: Int = _optional(in_range={"min_value": 1000, "max_value": 2100}, description=(
        "the year it was founded, when a document reports its founding (status `established`) with `in YYYY` or "
        "`since YYYY`"))
    status: Str = _enum(enums.LAB_STATUS, description=(
        "`established`: the document reports its founding; `planned`: to be set up; `existing`: mentioned as "
        "running. Across documents `established` wins over `existing`, and `existing` over `planned`"))
    corrected_by: Str = _corrected_by()

    class Config:
        name = "labs"
        description = ("Laboratories, research centres and platforms after normalisation: type, host, director, "
                       "status.")
        metadata = table_metadata("facts", per_document=True)


class LabMentions(_Base):
    lab_id: Str = _required(references=_TO_LAB, description="the lab (→ `labs.lab_id`)")
    document_id: Str = _required(references=_TO_DOCUMENT, description=(
        "a document that names the lab (→ `documents.document_id`)"))
    evidence: Str = _required(str_length={"min_value": 1}, description=(
        _EVIDENCE.format(fact="lab").replace("states the lab", "names the lab") + "; one row per such sentence"))
    evidence_start: Int = _required(description=_EVIDENCE_START.format(text="evidence"))
    evidence_end: Int = _required(description=_EVIDENCE_END.format(text="evidence"))
    corrected_by: Str = _corrected_by()

    @pa.dataframe_check(name="evidence_offsets_ordered")
    def _offsets(cls, df: pd.DataFrame) -> pd.Series:
        return ordered_offsets(df, "evidence_start", "evidence_end")

    class Config:
        name = "lab_mentions"
        description = "Each sentence of a document that names a lab, with its offsets."
        metadata = table_metadata("facts", per_document=True, evidence=EVIDENCE)


class CollaborationDomains(_Base):
    domain_id: Str = _key(str_matches=r"^\d+(\.\d+)?$", description="the FOS code, e.g. `2.5`")
    label: Str = _required(description="e.g. `Materials engineering`: the field's name")
    major_id: Str = _required(description="e.g. `2`: the FOS code of the field's major field")
    major_label: Str = _required(description="e.g. `Engineering and technology`: the major field's name")

    class Config:
        name = "collaboration_domains"
        description = "The field taxonomy: OECD Fields of Research and Development (FOS 2007), second level."
        metadata = table_metadata("facts")


_DOMAIN = ("a field (→ `collaboration_domains.domain_id`) whose phrase in the domain lexicon "
           "(`pipeline/reference/domain_lexicon.csv`) {where}")


class DocumentDomains(_Base):
    document_id: Str = _required(references=_TO_DOCUMENT, description="the document (→ `documents.document_id`)")
    domain_id: Str = _required(references=_TO_FIELD, description=_DOMAIN.format(where="the document writes"))
    matched_text: Str = _required(str_length={"min_value": 1}, description=(
        "the phrase in the text, e.g. `food safety`"))
    evidence_start: Int = _required(description=(
        "offsets of matched_text: " + _EVIDENCE_START.format(text="matched_text")))
    evidence_end: Int = _required(description=(
        "offsets of matched_text: " + _EVIDENCE_END.format(text="matched_text")))

    @pa.dataframe_check(name="evidence_offsets_ordered")
    def _offsets(cls, df: pd.DataFrame) -> pd.Series:
        return ordered_offsets(df, "evidence_start", "evidence_end")

    class Config:
        name = "document_domains"
        description = "Fields of science each document names, with the matched phrase and its offsets."
        metadata = table_metadata("facts", per_document=True, evidence=("matched_text", "evidence_start",
                                                                        "evidence_end"))


class AgreementDomains(_Base):
    agreement_id: Str = _required(references=_TO_AGREEMENT, description=(
        "the agreement report (→ `agreements.agreement_id`)"))
    domain_id: Str = _required(references=_TO_FIELD, description=_DOMAIN.format(
        where="stands in the agreement's sentence or in a sentence after it that says what it covers"))
    matched_text: Str = _required(description="the phrase in the text, e.g. `food safety` (the first one per field)")

    class Config:
        name = "agreement_domains"
        description = "Fields of science each agreement covers, with the matched phrase."
        metadata = table_metadata("facts", per_document=True)


class LabDomains(_Base):
    lab_id: Str = _required(references=_TO_LAB, description="the lab (→ `labs.lab_id`)")
    domain_id: Str = _required(references=_TO_FIELD, description=_DOMAIN.format(where="stands in the lab's name"))
    matched_text: Str = _required(description=(
        "the phrase in the text, e.g. `food safety` (in `Key Laboratory of Food Safety`; the first one per field)"))

    class Config:
        name = "lab_domains"
        description = "Fields of science each lab works in, with the matched phrase."
        metadata = table_metadata("facts", per_document=True)


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
    table_name: Str = _required(description=(
        "the table the record was meant for; `documents` for a file that could not be read or parsed and for an "
        "unusable row of the raw folder's `sources.csv`"))
    record: Object = _required(description=(
        "the record as it was: a JSON object of the row's columns, or of what is known of an unusable file (its "
        "path, size, hash)"))
    errors: Str = _required(description="why it was rejected (the failed checks, or the reason a file was unusable)")
    document_id: Str = _optional(description=(
        "the document the record comes from, when there is one; a file rejected on reading has no row in "
        "documents, so this is not a reference"))
    run_id: Str = _optional(description="the Dagster run that rejected it")
    rejected_at: Timestamp = _required(description="when it was rejected (UTC, without time zone)")

    @pa.check("record", name="record_is_json_object", element_wise=True)
    def _record_json(cls, value: object) -> bool:
        return _is_json_record(value)

    class Config:
        name = "rejected_records"
        description = ("Quarantine: files, documents and rows that could not be used, with the reason. The "
                       "published table also holds the rows that validation rejected.")
        metadata = table_metadata("warehouse")


class CorrectionsApplied(_Base):
    correction_id: Str = _required(str_length={"min_value": 1}, description=(
        "the correction's `id` in the corrections file (`corrections/corrections.yaml` by default); the "
        "rows it changed carry it in their `corrected_by` column"))
    action: Str = _enum(enums.CORRECTION_ACTION, nullable=False, description=(
        "`merge` two organisations or two people into one, `rename` an organisation, `set` fields of an "
        "organisation or a fact, `reject` a fact as not real, `add` a fact extraction missed"))
    target_table: Str = _required(description=(
        "the table of the record it changed: the record kept by a merge, the fact of a rejected or added party or "
        "signatory (`agreement_parties`, `agreement_signatories`), the table an added fact went to"))
    target_id: Str = _required(description=(
        "the id of that record in this run (for a party or signatory, its agreement's id); it differs from the id "
        "written in the file when the correction was re-attached by its anchor"))
    matched_by: Str = _enum(enums.CORRECTION_MATCH, nullable=False, description=(
        "how the correction found its record: `id` by the stable id written in the file; `anchor` by its content "
        "anchor (an alias, or a document and evidence text) where the file gives no id; `reattached` by its anchor "
        "because the id written in the file no longer exists (the record was re-extracted with a new id); `added` "
        "a record the correction itself adds"))
    changes: Object = _required(description=(
        "what changed, as a JSON object: `{column: {\"from\": old, \"to\": new}}` for each field set, the whole row "
        "under `row` for a rejected or added record, and the number of references rewritten per `table.column` "
        "under `references` for a merge; `{}` when the data already said so"))
    note: Str = _optional(description=(
        "why the correction applied as it did, when that is worth saying: re-attached from which id, evidence "
        "found at other offsets, a merge that extraction has since made itself, a record added by an earlier run"))
    author: Str = _required(str_length={"min_value": 1}, description="who wrote the correction, as the file says")
    reason: Str = _required(str_length={"min_value": 1}, description="why, as the file says")
    applied_at: Timestamp = _required(description=(
        "when the run that published this row applied the correction (UTC, without time zone); every row of a run "
        "carries the same time"))
    run_id: Str = _optional(description="the Dagster run that applied it")

    @pa.check("changes", name="changes_is_json_object", element_wise=True)
    def _changes_json(cls, value: object) -> bool:
        return _is_json_record(value)

    class Config:
        name = "corrections_applied"
        description = ("One row per analyst's correction applied in this run, with what it changed; corrections "
                       "whose record no longer exists are in rejected_records (table_name `corrections`).")
        metadata = table_metadata("warehouse", added=True)


class BuildInfo(_Base):
    table_name: Str = _key(description="a table of this warehouse (every one but build_info)")
    row_count: Int = _required(ge=0, description="how many rows it has, as published (after quarantine)")
    run_id: Str = _optional(description="the Dagster run that built the warehouse (the same on every row)")
    built_at: Timestamp = _required(description="when that run built it (UTC, without time zone)")
    code_version: Str = _required(description=(
        "`PIPELINE_VERSION` of `pipeline/core/version.py`, the version of the code that built it"))
    code_digest: Str = _required(str_matches=r"^[0-9a-f]{16}$", description=(
        "the first 16 hex digits of a SHA-256 over the source of every project module the Dagster code location "
        "imports: two warehouses with the same digest were built by the same code, edits without a version bump "
        "included"))
    rulebook_digest: Str = _required(description=(
        "digest of the reference folder the run read (the `reference_dir` setting): the same rules give the same "
        "digest"))
    corrections_digest: Str = _required(str_matches=r"^[0-9a-f]{64}$", description=(
        "SHA-256 of the analysts' corrections the run applied (their content as read, comments and layout aside); "
        "the digest of no corrections when there were none"))

    class Config:
        name = "build_info"
        description = ("Which run, code, rules and corrections built this warehouse, and how many rows each table "
                       "has: one row per table. Kept warehouses (`<name>.history/`) carry theirs, so `python -m "
                       "pipeline rollback` says what it restores.")
        metadata = table_metadata("warehouse", added=True)
