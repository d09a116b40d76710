"""Delegations: visits by a group or an official, with leader, origin, host, size, date and purpose; reports
of one visit in several documents grouped into one event."""
from __future__ import annotations

from collections import defaultdict

from pipeline.core.facts.delegations import extract_delegations
from pipeline.core.ids import make_id
from pipeline.core.kinds.base import Evaluation, FactKind, Found, Rows, evidence
from pipeline.core.kinds.events import UnionFind, dates_compatible
from pipeline.core.metric import Scores, Tally, date_hit, one_slot, org_hit, person_hit, record_slot, score_records


def _rows(found: Found) -> Rows:
    ctx = found.ctx
    out = []
    for d in found.facts["delegations"]:
        did = make_id("delegation", ctx.document_id, d.sentence.start, d.sentence.end)
        out.append({
            "delegation_id": did, "event_id": did, "document_id": ctx.document_id,
            "leader_person_id": found.person_ids.get(d.leader) if d.leader else None, "leader_title": d.leader_title,
            "origin_organization_id": d.origin_org, "origin_place_id": d.origin_place,
            "host_organization_id": d.host_org, "host_place_id": d.host_place,
            "member_count": d.member_count, "member_count_max": d.member_count_max,
            "visited_on": d.date.date if d.date else None,
            "visited_on_precision": d.date.precision if d.date else "unknown",
            "purpose": d.purpose, "status": d.status, **evidence(ctx, d.sentence), "confidence": d.confidence,
        })
    return {"delegations": out}


def _merge(rows: Rows, rules) -> Rows:
    return {"delegations": _group_events(rows["delegations"])}


def _group_events(delegations: list[dict]) -> list[dict]:
    """Reports of one visit in different documents: the same leader, or the same origin and the same
    host, at compatible dates, are one event.

    Only reports that share a leader or an (origin, host) pair can be one visit, so reports are
    compared within those groups only: comparing every pair grew with the square of the corpus
    (12 million pairs at 10,000 documents). The events are those of the all-pairs comparison: the
    same pairs are joined, and an event's id comes from the smallest delegation id in it.
    """
    uf = UnionFind([d["delegation_id"] for d in delegations])
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for d in delegations:
        if d["leader_person_id"]:
            groups[("leader", d["leader_person_id"])].append(d)
        if d["origin_organization_id"] and (d["host_organization_id"] or d["host_place_id"]):
            groups[("route", d["origin_organization_id"], d["host_organization_id"], d["host_place_id"])].append(d)
    for group in groups.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a["document_id"] != b["document_id"] and dates_compatible(a, b, "visited_on", "visited_on_precision"):
                    uf.union(a["delegation_id"], b["delegation_id"])
    for d in delegations:
        d["event_id"] = make_id("delegation_event", uf.find(d["delegation_id"]))
    return delegations


def _predictor(warehouse):
    """The published delegations of a document, in the shape of gold delegations."""
    by_document = warehouse.grouped("select * from delegations", "document_id")

    def predict(document_id: str) -> list[dict]:
        return [{
            "leader": warehouse.person_name.get(d.get("leader_person_id")),
            "origin": warehouse.names(d.get("origin_organization_id"), d.get("origin_place_id")),
            "host": warehouse.names(d.get("host_organization_id"), d.get("host_place_id")),
            "member_count": d.get("member_count"), "member_count_max": d.get("member_count_max"),
            "visited_on": d.get("visited_on"), "precision": d.get("visited_on_precision"),
            "status": d.get("status"),
        } for d in by_document.get(document_id, [])]
    return predict


def delegation_sim(p: dict, g: dict) -> float:
    """Share of the gold keys (leader, origin, host, size) agreed; 0 unless who or whom agrees."""
    checks = []
    if g.get("leader"):
        checks.append(person_hit(p["leader"], g["leader"]))
    if g.get("origin"):
        checks.append(org_hit(p["origin"], g["origin"]))
    if g.get("host"):
        checks.append(org_hit(p["host"], g["host"]))
    if g.get("member_count") is not None:
        checks.append(p["member_count"] == g["member_count"])
    if not checks:
        return 0.0
    who_or_whom = ((g.get("leader") and person_hit(p["leader"], g["leader"]))
                   or (g.get("host") and org_hit(p["host"], g["host"]))
                   or (g.get("origin") and org_hit(p["origin"], g["origin"])))
    if not who_or_whom:
        return 0.0
    return sum(checks) / len(checks)


def score_slots(t: Tally, p: dict | None, g: dict | None) -> None:
    """Leader, origin, host, size and date, each a slot, and the record itself."""
    one_slot(t, p, g, "leader", person_hit)
    one_slot(t, p, g, "origin", org_hit)
    one_slot(t, p, g, "host", org_hit)
    one_slot(t, p, g, "member_count", lambda a, b: a == b)
    one_slot(t, p, g, "visited_on", date_hit)
    record_slot(t, p, g)


def _score(scores: Scores, predicted: list[dict], gold: dict) -> None:
    score_records("delegations", predicted, gold.get("delegations", []), delegation_sim, score_slots, scores)


DELEGATIONS = FactKind(
    name="delegations", tables=("delegations",),
    extract=lambda ctx, sdoc: extract_delegations(ctx),
    rows=_rows, merge=_merge, order=20, event_key="delegation_id",
    evaluation=Evaluation(load=_predictor, score=_score),
)
