"""In-document entity records. Ids are final: minted from canonical content keys."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Org:
    organization_id: str
    canonical_name: str
    org_type: str
    acronym: str | None = None
    region_code: str | None = None
    country_code: str | None = None
    parent_organization_id: str | None = None
    aliases: dict[str, str] = field(default_factory=dict)  # alias -> source (reference | acronym_definition | corpus)
    parent: Org | None = field(default=None, repr=False, compare=False)  # so the parent's row can be written too


@dataclass
class Place:
    place_id: str
    name: str
    place_type: str
    region_code: str | None
    country_code: str | None
    parent_place_id: str | None = None


@dataclass
class Person:
    key: str  # sorted lower-case name tokens: one person per key within a document
    full_name: str
    family_name: str | None
    given_name: str | None
    affiliations: list[tuple[str | None, str | None]] = field(default_factory=list)  # (organization_id, title)


@dataclass(frozen=True)
class Mention:
    entity_type: str  # organization | person | place | lab
    entity_id: str  # for people: the person's key until ids are minted
    surface: str
    start: int
    end: int
