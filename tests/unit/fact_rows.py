"""Helpers for the fact tests: extract one invented text and read its rows back by name."""
from __future__ import annotations

import datetime as dt

from pipeline.core.extract import extract_document
from pipeline.core.ids import make_id
from pipeline.core.records import IngestedDocument
from tests.support.rules import default_rulebook


def extract_rows(text: str, published: dt.date | None = dt.date(2021, 3, 5)) -> dict[str, list[dict]]:
    """The per-document rows of `text`, published on `published` (the anchor of relative dates)."""
    doc = IngestedDocument(make_id("document", "t.txt"), "t.txt", "x", text, published_on=published,
                           published_on_precision="day" if published else "unknown")
    return extract_document(doc, default_rulebook()).rows


def party_names(rows, agreement) -> set[str]:
    names = {o["organization_id"]: o["canonical_name"] for o in rows["organizations"]}
    return {names[p["organization_id"]] for p in rows["agreement_parties"]
            if p["agreement_id"] == agreement["agreement_id"]}


def signer_names(rows, role: str, agreement=None) -> set[str]:
    """Signatories or witnesses (`role`), of one agreement or of all."""
    names = {p["person_id"]: p["full_name"] for p in rows["people"]}
    return {names[s["person_id"]] for s in rows["agreement_signatories"]
            if s["role"] == role and (agreement is None or s["agreement_id"] == agreement["agreement_id"])}


def place_name(rows, agreement) -> str | None:
    names = {p["place_id"]: p["name"] for p in rows["places"]}
    return names.get(agreement["place_id"])


def visits(rows) -> list[tuple[str | None, str | None, str | None]]:
    """(leader, origin, host) of each delegation, by name (an organisation before a place)."""
    orgs = {o["organization_id"]: o["canonical_name"] for o in rows["organizations"]}
    places = {p["place_id"]: p["name"] for p in rows["places"]}
    people = {p["person_id"]: p["full_name"] for p in rows["people"]}
    return [(people.get(d["leader_person_id"]),
             orgs.get(d["origin_organization_id"]) or places.get(d["origin_place_id"]),
             orgs.get(d["host_organization_id"]) or places.get(d["host_place_id"])) for d in rows["delegations"]]
