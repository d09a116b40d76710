"""Score a warehouse against gold annotations: the project's own copy of the evaluation metric.

Same matching and the same numbers as ../shared/gold/score.py (see ../shared/gold/FORMAT.md):
records are matched greedily per document (agreements by parties, delegations by leader,
origin, host and size, labs by name), then every slot counts (parties, signatories, witnesses,
date and type of an agreement; leader, origin, host, size, date and the record of a
delegation; record, type, host, director and status of a lab; each domain). The headline is
micro-averaged slot F1. Organisations and people are scored for normalisation (one id per
real entity; spurious people).

`score_warehouse(db_path, gold_dir)` returns the same result dict as score.py, plus
`details` (the misses that score.py prints with --verbose), `per_document` (the same
figures for each gold document) and `extras`: what score.py does not score, the activities and
the signing place of matched agreements, where the gold states them (the optional `activities`
and `place` keys). `format_report(result)` renders score.py's printed lines, `format_extras` and
`format_per_document` the rest.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import duckdb

from pipeline.core.kinds.base import FactKind
from pipeline.core.kinds.registry import FACT_KINDS
from pipeline.core.metric import Scores, date_hit, org_hit, person_hit

KINDS = tuple(kind.name for kind in FACT_KINDS if kind.evaluation)
EXTRAS = tuple(extra for kind in FACT_KINDS if kind.evaluation for extra in kind.evaluation.extras)
_RECORD_KINDS = tuple(kind.name for kind in FACT_KINDS if kind.evaluation and kind.evaluation.records)


# ---------------------------------------------------------------- reading the warehouse

class Warehouse:
    """Read access to the scored tables, each read once and grouped by document.

    A query per document and table scanned every table once per gold file: scoring grew with the
    square of the corpus (hours at 50,000 documents). Rows keep the tables' order within a document.
    Each fact kind reads its own tables through `rows` and `grouped` (its Evaluation.load).
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, kinds: tuple[FactKind, ...] = FACT_KINDS) -> None:
        self.con = con
        orgs = self.rows("select * from organizations")
        self.orgs = {r["organization_id"]: r for r in orgs}
        self.org_names = {r["organization_id"]: [r["canonical_name"], r["acronym"]] for r in orgs}
        self.place_names = {r["place_id"]: [r["name"]] for r in self.rows("select place_id, name from places")}
        self.person_name = {r["person_id"]: r["full_name"]
                            for r in self.rows("select person_id, full_name from people")}
        self.mentioned: dict[tuple[str, str], set[str]] = defaultdict(set)
        for r in self.rows("select document_id, entity_type, entity_id from mentions"):
            self.mentioned[(r["document_id"], r["entity_type"])].add(r["entity_id"])
        self.predictors = {kind.name: kind.evaluation.load(self) for kind in kinds if kind.evaluation}

    def rows(self, sql: str, *params: Any) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def grouped(self, sql: str, key: str) -> dict[Any, list[dict[str, Any]]]:
        out: dict[Any, list[dict[str, Any]]] = defaultdict(list)
        for r in self.rows(sql):
            out[r[key]].append(r)
        return out

    def documents(self) -> dict[str, dict[str, Any]]:
        """Documents by the basename of source_path (what gold files name)."""
        rows = self.rows("select document_id, source_path, published_on, published_on_precision from documents")
        return {Path(r["source_path"]).name: r for r in rows}

    def names(self, org_id: str | None, place_id: str | None = None) -> list[str | None]:
        return self.org_names.get(org_id, []) + self.place_names.get(place_id, [])

    def load_doc(self, doc_id: str) -> dict[str, Any]:
        """The predictions of one document, in the shape the scorers compare with gold."""
        people = self.mentioned.get((doc_id, "person"), set())
        orgs = self.mentioned.get((doc_id, "organization"), set())
        return {**{name: predict(doc_id) for name, predict in self.predictors.items()},
                "people": {pid: self.person_name.get(pid) for pid in people},
                "orgs": {oid: self.orgs[oid] for oid in orgs if oid in self.orgs}}


def empty_prediction(kinds: tuple[FactKind, ...] = FACT_KINDS) -> dict[str, Any]:
    """What a document missing from the warehouse predicts: nothing."""
    return {**{kind.name: kind.evaluation.empty() for kind in kinds if kind.evaluation}, "people": {}, "orgs": {}}


def score_organizations(pred: dict, gold: dict, scores: Scores) -> None:
    """Each gold organisation should be exactly one predicted id among the document's mentions."""
    counts = scores.entity["organizations"]
    for go in gold.get("organizations", []):
        ids = [oid for oid, o in pred["orgs"].items()
               if org_hit([o.get("canonical_name"), o.get("acronym")], go["names"])]
        counts["gold"] += 1
        if len(ids) == 1:
            counts["resolved"] += 1
            o = pred["orgs"][ids[0]]
            if go.get("org_type"):
                counts["type_gold"] += 1
                counts["type_ok"] += int(o.get("org_type") in go["org_type"])
            if go.get("region_code"):
                counts["region_gold"] += 1
                counts["region_ok"] += int(o.get("region_code") == go["region_code"])
        elif len(ids) > 1:
            counts["split"] += 1
        else:
            scores.details.append(f"{gold['document']}: organisation not found: {go['names'][0]}")


def score_people(pred: dict, gold: dict, scores: Scores) -> None:
    """Each gold person should be exactly one predicted id; predicted people who are nobody in
    the gold list are spurious (the gold lists every named person)."""
    counts = scores.entity["people"]
    used: set[str] = set()
    for gp in gold.get("people", []):
        ids = [pid for pid, name in pred["people"].items() if person_hit(name, gp["names"])]
        counts["gold"] += 1
        used.update(ids)
        if len(ids) == 1:
            counts["resolved"] += 1
        elif len(ids) > 1:
            counts["split"] += 1
        else:
            scores.details.append(f"{gold['document']}: person not found: {gp['names'][0]}")
    # by id, so the listing is the same in every process (the ids come from a set)
    spurious = [name for pid, name in sorted(pred["people"].items()) if pid not in used]
    counts["spurious"] += len(spurious)
    scores.details.extend(f"{gold['document']}: spurious person: {name}" for name in spurious)


def score_doc(pred: dict, gold: dict, scores: Scores, kinds: tuple[FactKind, ...] = FACT_KINDS) -> None:
    for kind in kinds:
        if kind.evaluation:
            kind.evaluation.score(scores, pred[kind.name], gold)
    score_organizations(pred, gold, scores)
    score_people(pred, gold, scores)


# ---------------------------------------------------------------- the whole warehouse

def _summary(scores: Scores) -> dict[str, Any]:
    return {
        "slots": {k: scores.slots[k].prf() for k in KINDS},
        "records": {k: scores.records[k].prf() for k in _RECORD_KINDS},
        "overall_slot": scores.overall().prf(),
        "organizations": dict(scores.entity["organizations"]),
        "people": dict(scores.entity["people"]),
        "published_on": dict(scores.dates),
        "extras": {k: scores.extras[k].prf() for k in EXTRAS},
    }


def score_warehouse(db_path: str | Path, gold_dir: str | Path) -> dict[str, Any]:
    """Score the warehouse at `db_path` against every `*.json` in `gold_dir`.

    The keys of score.py's result (documents, documents_missing, slots, records, overall_slot,
    organizations, people, published_on), plus `details` (every miss, as --verbose prints them)
    and `per_document` (for each gold file: document, found, and the same summary figures).
    """
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        warehouse = Warehouse(con)
        docs = warehouse.documents()
        total, missing, per_document = Scores(KINDS, EXTRAS), [], []
        gold_files = sorted(Path(gold_dir).glob("*.json"))
        for gf in gold_files:
            gold = json.loads(gf.read_text(encoding="utf-8"))
            doc = docs.get(Path(gold["document"]).name)
            scores = Scores(KINDS, EXTRAS)
            if doc is None:
                missing.append(gold["document"])
                score_doc(empty_prediction(), gold, scores)
            else:
                score_doc(warehouse.load_doc(doc["document_id"]), gold, scores)
                if gold.get("published_on"):
                    scores.dates["gold"] += 1
                    scores.dates["ok"] += int(date_hit(doc["published_on"], gold["published_on"]))
            per_document.append({"document": gold["document"], "found": doc is not None,
                                 **_summary(scores), "details": list(scores.details)})
            total.merge(scores)
    finally:
        con.close()
    return {"documents": len(gold_files), "documents_missing": missing, **_summary(total),
            "details": total.details, "per_document": per_document}


def format_report(result: dict[str, Any], verbose: bool = False) -> str:
    """The lines score.py prints for `result` (with --verbose: every miss too)."""
    lines = [f"documents scored: {result['documents']} (missing from warehouse: {len(result['documents_missing'])})"]
    for k in KINDS:
        s = result["slots"][k]
        r = result["records"].get(k)
        rtxt = f"  records P {r['precision']:.2f} R {r['recall']:.2f}" if r else ""
        lines.append(f"{k:12s} slots P {s['precision']:.2f} R {s['recall']:.2f} F1 {s['f1']:.2f}"
                     f"  (gold {s['gold']}, predicted {s['predicted']}){rtxt}")
    o, p, dates = result["organizations"], result["people"], result["published_on"]
    lines.append(f"organizations resolved {o.get('resolved', 0)}/{o.get('gold', 0)} split {o.get('split', 0)}"
                 f"  type {o.get('type_ok', 0)}/{o.get('type_gold', 0)}"
                 f" region {o.get('region_ok', 0)}/{o.get('region_gold', 0)}")
    lines.append(f"people resolved {p.get('resolved', 0)}/{p.get('gold', 0)} split {p.get('split', 0)}"
                 f" spurious {p.get('spurious', 0)}")
    lines.append(f"published_on correct {dates['ok']}/{dates['gold']}")
    if verbose:
        lines.extend("  " + line for line in result.get("details", []))
    ov = result["overall_slot"]
    lines.append(f"overall slot F1 {ov['f1']:.3f} (P {ov['precision']:.3f} R {ov['recall']:.3f})")
    return "\n".join(lines)


def format_extras(result: dict[str, Any]) -> str:
    """What score.py does not score: activities and signing place of the matched agreements."""
    lines = ["not scored by score.py (agreements whose gold states them):"]
    for k in EXTRAS:
        s = result["extras"][k]
        lines.append(f"  {k:14s} P {s['precision']:.2f} R {s['recall']:.2f} F1 {s['f1']:.2f}"
                     f"  (gold {s['gold']}, predicted {s['predicted']})")
    return "\n".join(lines)


def format_per_document(result: dict[str, Any]) -> str:
    """One line per gold document: slot F1 overall and per kind, sorted worst first."""
    header = f"{'document':48s} {'F1':>5s} " + " ".join(f"{k[:5]:>5s}" for k in KINDS)
    lines = [header]
    for d in sorted(result["per_document"], key=lambda d: (d["overall_slot"]["f1"], d["document"])):
        cells = " ".join(f"{d['slots'][k]['f1']:5.2f}" if d["slots"][k]["gold"] or d["slots"][k]["predicted"]
                         else f"{'-':>5s}" for k in KINDS)
        missing = "" if d["found"] else "  (not in the warehouse)"
        lines.append(f"{d['document'][:48]:48s} {d['overall_slot']['f1']:5.2f} {cells}{missing}")
    return "\n".join(lines)


__all__ = ["EXTRAS", "KINDS", "Scores", "format_extras", "format_per_document", "format_report",
           "score_doc", "score_warehouse"]
