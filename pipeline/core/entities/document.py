"""One document's entities as recognition builds them: organisations, places and people, and every mention.

The recognition passes (recognise.py) add to one `DocumentEntities`; `add_org` merges a second mention of an
organisation into the first (aliases accumulate) and `add_place` adds a place with the places it lies in.
"""
from __future__ import annotations

import functools
import operator
from dataclasses import dataclass, field
from typing import TypeVar

from pipeline.core.entities.lexicon import Lexicon, lexicon
from pipeline.core.entities.model import Mention, Org, Person, Place
from pipeline.core.entities.orgs import OrgNamer, org_namer
from pipeline.core.ids import make_id
from pipeline.core.reference import PlaceRef, Rulebook
from pipeline.core.text import Sentence

T = TypeVar("T")
_START = operator.attrgetter("start")


@dataclass
class DocumentEntities:
    """The entities of one document, and the rulebook they are recognised by (every pass reads it from here)."""

    text: str
    sentences: list[Sentence]
    rules: Rulebook
    orgs: dict[str, Org] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    place_refs: dict[str, PlaceRef] = field(default_factory=dict)  # place_id -> reference row
    person_titles: dict[str, str] = field(default_factory=dict)  # person key -> first title seen

    @functools.cached_property
    def namer(self) -> OrgNamer:
        return org_namer(self.rules)

    @functools.cached_property
    def lexicon(self) -> Lexicon:
        return lexicon(self.rules)

    @functools.cached_property
    def sentence_starts(self) -> list[int]:
        """Where each sentence begins, in order: the sentence a position is in, by bisection."""
        return [s.start for s in self.sentences]

    def fork(self) -> DocumentEntities:
        """A copy that can be added to without changing this one: fact extraction adds entities (a government
        named as a party, the place visitors came from, a lab's mention), and what recognition returned stays as
        it was. Organisations are copied with their aliases, which `add_org` extends, and a parent link to one of
        them points to its copy."""
        twin = shallow_copy(self)  # keeps the derived namer and lexicon
        twin.orgs = {oid: _copied_org(o) for oid, o in self.orgs.items()}
        for o in twin.orgs.values():
            if o.parent is not None and o.parent is self.orgs.get(o.parent.organization_id):
                o.parent = twin.orgs[o.parent.organization_id]
        twin.places, twin.people, twin.place_refs = dict(self.places), dict(self.people), dict(self.place_refs)
        twin.mentions, twin.person_titles = list(self.mentions), dict(self.person_titles)
        return twin

    def add_org(self, org: Org, start: int, end: int) -> Org:
        known = self.orgs.get(org.organization_id)
        if known is None:
            self.orgs[org.organization_id] = known = org
        else:
            for a, s in org.aliases.items():
                known.aliases.setdefault(a, s)
        surface = self.text[start:end]
        known.aliases.setdefault(surface, "corpus")
        self.mentions.append(Mention("organization", known.organization_id, surface, start, end))
        return known

    def forget(self, gone: list[Mention]) -> None:
        """Drop these mentions (a longer or truer reading took their words), and each organisation no mention names
        any more: the document does not name it."""
        for k in gone:
            self.mentions.remove(k)
        named = {m.entity_id for m in self.mentions}
        for k in gone:
            if k.entity_id not in named:
                self.orgs.pop(k.entity_id, None)

    def in_mentions(self, entity_type: str, start: int, end: int) -> list[Mention]:
        """The mentions of a type within [start, end), by start (asked for each sentence by each fact kind: a list, not
        a generator, and offsets tested first, as in `covered`)."""
        return sorted([m for m in self.mentions if m.start >= start and m.end <= end and m.entity_type == entity_type],
                      key=_START)

    def covered(self, start: int, end: int, types=("organization", "person", "place")) -> bool:
        """Whether a mention of one of these types overlaps [start, end). A plain loop, offsets first: it is asked
        at most words of a document, and a generator over every mention cost twice as much."""
        for m in self.mentions:
            if m.start < end and start < m.end and m.entity_type in types:
                return True
        return False


def shallow_copy(obj: T) -> T:
    """`copy.copy` of an instance whose state is its `__dict__` (a dataclass without slots), without `copy`'s
    generic path (`__reduce_ex__`, then rebuilding): every fact kind copies the document's context, its entities and
    every organisation (`fork`), and those copies were a per cent of the extraction."""
    twin = object.__new__(type(obj))
    twin.__dict__.update(obj.__dict__)
    return twin


def _copied_org(org: Org) -> Org:
    """`dataclasses.replace(org, aliases=dict(org.aliases))`: every field kept, the aliases in a dict of their own."""
    twin = shallow_copy(org)
    twin.aliases = dict(org.aliases)
    return twin


def place_id_for(p: PlaceRef) -> str:
    return _place_id(p.name, p.region_code or p.country_code or "")


@functools.lru_cache(maxsize=4096)
def _place_id(name: str, area: str) -> str:
    """Remembered: a document adds the same few places (and their parents) at each of their mentions."""
    return make_id("place", name, area)


def add_place(ents: DocumentEntities, p: PlaceRef) -> Place:
    """The document's record of a reference place, added with the places it lies in (its parent chain), so every
    place row can name its parent."""
    pid = place_id_for(p)
    if pid not in ents.places:
        parent = ents.rules.place_by_name.get(p.parent) if p.parent else None
        if parent is None and p.parent == "China":
            parent = ents.namer.place("China")
        ents.places[pid] = Place(pid, p.name, p.place_type, p.region_code, p.country_code or ("CN" if p.region_code else None),
                                 place_id_for(parent) if parent else None)
        ents.place_refs[pid] = p
        if parent is not None:
            add_place(ents, parent)
    return ents.places[pid]
