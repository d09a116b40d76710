"""Fact extraction adds entities (a jurisdiction's government as a party, a lab's mention) to a copy of what
recognition returned, kind after kind, and never to recognition's own result."""
from __future__ import annotations

import dataclasses

import pytest

import pipeline.core.extract as extract
from pipeline.core.entities.model import Org
from pipeline.core.records import IngestedDocument
from tests.support.rules import default_rulebook
from tests.unit.entity_rows import recognised


def _snapshot(ents) -> tuple:
    return ({oid: (dataclasses.astuple(o), o.parent and o.parent.organization_id) for oid, o in ents.orgs.items()},
            dict(ents.places), list(ents.mentions), dict(ents.place_refs), dict(ents.people))


def _document(text: str) -> IngestedDocument:
    return IngestedDocument(document_id="doc1", source_path="doc1.txt", content_sha256="0" * 64, clean_text=text)


def test_fork_adds_to_the_copy_only():
    ents = recognised("Tsinghua University and the University of Oxford signed an agreement.")
    before = _snapshot(ents)
    twin = ents.fork()
    some_id = next(iter(twin.orgs))
    twin.add_org(Org(some_id, twin.orgs[some_id].canonical_name, twin.orgs[some_id].org_type), 0, 13)
    twin.add_org(Org("org_new", "Hubei Provincial Government", "government"), 10, 20)
    assert _snapshot(ents) == before
    assert twin.orgs[some_id].aliases["Tsinghua Univ"] == "corpus" and "Tsinghua Univ" not in ents.orgs[some_id].aliases
    assert "org_new" in twin.orgs and "org_new" not in ents.orgs
    assert len(twin.mentions) == len(ents.mentions) + 2


def test_fork_copies_every_organisation_field_by_field():
    ents = recognised("The School of Medicine of Fudan University signed an agreement with Kyoto University (KU).")
    twin = ents.fork()
    for oid, org in ents.orgs.items():
        copied = twin.orgs[oid]
        assert copied is not org and copied.aliases is not org.aliases
        assert copied == org and vars(copied).keys() == vars(org).keys()


def test_fork_points_parents_into_the_copy():
    ents = recognised("The School of Medicine of Fudan University signed an agreement with Kyoto University.")
    children = [o for o in ents.orgs.values() if o.parent is not None and o.parent is ents.orgs.get(o.parent.organization_id)]
    assert children, "the text names a unit and its university"
    twin = ents.fork()
    for child in children:
        copied = twin.orgs[child.organization_id]
        assert copied.parent is twin.orgs[child.parent.organization_id]
        assert copied.parent is not ents.orgs[child.parent.organization_id]


@pytest.mark.parametrize("text, added_type, added_name", [
    ("Representatives of Yunnan signed an agreement with the University of Oxford.",
     "organization", "Yunnan Provincial Government"),
    ("The university opened the Joint Laboratory of Marine Robotics with Ocean University of China in 2020.",
     "lab", None),
])
def test_extraction_leaves_recognition_as_it_was(monkeypatch, text, added_type, added_name):
    seen = []

    def recognise_and_keep(*args):
        ents = recognise(*args)
        seen.append((ents, _snapshot(ents)))
        return ents

    recognise = extract.recognise
    monkeypatch.setattr(extract, "recognise", recognise_and_keep)
    out = extract.extract_document(_document(text), default_rulebook())
    (ents, before), = seen
    assert _snapshot(ents) == before
    recognised_ids = {m.entity_id for m in ents.mentions}
    added = [m for m in out.rows["mentions"] if m["entity_type"] == added_type and m["entity_id"] not in recognised_ids]
    assert added, f"a kind added a {added_type} mention"
    if added_name:
        names = {r["organization_id"]: r["canonical_name"] for r in out.rows["organizations"]}
        assert {names[m["entity_id"]] for m in added} == {added_name}
