"""Helpers for the entity tests: recognise one invented text and read its entities back by name."""
from __future__ import annotations

from pipeline.core.entities.recognise import recognise
from pipeline.core.text import blank_pipeline, sentences
from tests.support.rules import default_rulebook


def recognised(text: str):
    doc = blank_pipeline()(text)
    return recognise(text, doc, sentences(text, doc), default_rulebook())


def org_mentions(ents) -> list[tuple[str, int, int, str]]:
    """(surface, start, end, canonical name) of each organisation mention."""
    return [(m.surface, m.start, m.end, ents.orgs[m.entity_id].canonical_name)
            for m in ents.mentions if m.entity_type == "organization"]


def names_by_surface(text: str) -> dict[str, set[str]]:
    """Each organisation mention's words in an invented text -> the canonical names they are read as."""
    out: dict[str, set[str]] = {}
    for surface, _, _, name in org_mentions(recognised(text)):
        out.setdefault(surface, set()).add(name)
    return out


def org_names(ents) -> set[str]:
    return {name for *_, name in org_mentions(ents)}


def people_names(ents) -> set[str]:
    return {ents.people[m.entity_id].full_name for m in ents.mentions if m.entity_type == "person"}
