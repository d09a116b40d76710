"""Labs: laboratories, research centres and platforms with type, host, director and status, one row per lab
across documents, and each passage that mentions one."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from pipeline.core.facts.domains import hits_between
from pipeline.core.facts.labs import extract_labs
from pipeline.core.kinds.base import Evaluation, FactKind, Found, Rows, choose, distinct, evidence
from pipeline.core.metric import Scores, Tally, name_hit, one_slot, org_hit, person_hit, record_slot, score_records

# Across documents, the report that says most wins: one that tells of the founding over one that only
# names the lab, and either over one that announces it.
_STATUS_ACROSS_DOCUMENTS = {"established": 0, "existing": 1, "planned": 2}


def _rows(found: Found) -> Rows:
    ctx = found.ctx
    rows: Rows = {t: [] for t in LABS.tables}
    for lab in found.facts["labs"]:
        rows["labs"].append({"lab_id": lab.lab_id, "name": lab.name, "lab_type": lab.lab_type,
                             "host_organization_id": lab.host,
                             "director_person_id": found.person_ids.get(lab.director) if lab.director else None,
                             "established_year": lab.established_year, "status": lab.status})
        seen_sent, seen_dom = set(), set()
        for sent, start, end in lab.mentions:
            if sent.start not in seen_sent:
                seen_sent.add(sent.start)
                rows["lab_mentions"].append({"lab_id": lab.lab_id, "document_id": ctx.document_id,
                                             **evidence(ctx, sent)})
            for h in hits_between(found.facts["domains"], start, end):
                if h.domain_id not in seen_dom:
                    seen_dom.add(h.domain_id)
                    rows["lab_domains"].append({"lab_id": lab.lab_id, "domain_id": h.domain_id,
                                                "matched_text": h.matched_text})
    return rows


def _merge(rows: Rows, rules) -> Rows:
    return {"labs": _merge_labs(rows["labs"]), "lab_mentions": distinct(rows["lab_mentions"]),
            "lab_domains": distinct(rows["lab_domains"], ("lab_id", "domain_id"))}


def _merge_labs(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in items:
        groups[r["lab_id"]].append(r)
    out = []
    for k in sorted(groups):
        rs = groups[k]
        row = {c: choose(r.get(c) for r in rs) for c in rs[0]}
        row["status"] = min((r["status"] for r in rs), key=lambda s: _STATUS_ACROSS_DOCUMENTS.get(s, 9))
        out.append(row)
    return out


def _predictor(warehouse):
    """The published labs a document mentions, in the order of the labs table, in the shape of gold labs."""
    labs = warehouse.rows("select * from labs")
    position = {lab["lab_id"]: n for n, lab in enumerate(labs)}
    positions: dict[str, set[int]] = defaultdict(set)
    for r in warehouse.rows("select document_id, lab_id from lab_mentions"):
        if r["lab_id"] in position:
            positions[r["document_id"]].add(position[r["lab_id"]])

    def predict(document_id: str) -> list[dict]:
        return [{
            "name": lab.get("name"), "type": lab.get("lab_type"), "status": lab.get("status"),
            "host": warehouse.org_names.get(lab.get("host_organization_id"), []),
            "director": warehouse.person_name.get(lab.get("director_person_id")),
        } for lab in (labs[n] for n in sorted(positions.get(document_id, ())))]
    return predict


def lab_sim(p: dict, g: dict) -> float:
    return 1.0 if name_hit(p["name"], g["name"]) else 0.0


def score_slots(t: Tally, p: dict | None, g: dict | None) -> None:
    """The record, then its type, host, director and status, each a slot where the gold states it."""
    record_slot(t, p, g)
    for key, ok in (("type", lambda a, b: a in b), ("host", org_hit), ("director", person_hit),
                    ("status", lambda a, b: a in b)):
        one_slot(t, p, g, key, ok, gold_counts=bool, predicted=bool)


def _score(scores: Scores, predicted: list[dict], gold: dict) -> None:
    score_records("labs", predicted, gold.get("labs", []), lab_sim, score_slots, scores)


LABS = FactKind(
    name="labs", tables=("labs", "lab_mentions", "lab_domains"),
    extract=lambda ctx, sdoc: extract_labs(ctx),
    rows=_rows, merge=_merge, order=30,
    merged_by=(("labs", "lab_id"), ("lab_mentions", "lab_id"), ("lab_domains", "lab_id")),
    evaluation=Evaluation(load=_predictor, score=_score),
)
