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
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb

KINDS = ("agreements", "delegations", "labs", "domains")
EXTRAS = ("activities", "signing_place")  # scored here only, outside the headline

# ---------------------------------------------------------------- name normalisation

_ORG_SWAPS = (("&", " and "), ("centre", "center"), ("defence", "defense"), ("programme", "program"))


def norm_org(name: str | None) -> str:
    """Organisation or lab name for comparison: case, punctuation, spelling variants, 'the'."""
    if not name:
        return ""
    s = name.lower()
    for a, b in _ORG_SWAPS:
        s = s.replace(a, b)
    s = s.replace("\u2019", "'")
    s = re.sub(r"[^a-z0-9' ]+", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def norm_person(name: str | None) -> frozenset[str]:
    """A person's name as a set of lower-case tokens, so name order and hyphens do not matter."""
    if not name:
        return frozenset()
    s = name.lower().replace(".", " ").replace("-", " ").replace(",", " ")
    return frozenset(t for t in s.split() if t)


def org_hit(pred_names: Iterable[str | None], gold_names: Sequence[str]) -> bool:
    """Any predicted name (canonical name, acronym, place name) equals an acceptable gold name."""
    if not gold_names:
        return False
    gold = {norm_org(n) for n in gold_names}
    return any(norm_org(p) in gold for p in pred_names if p)


def person_hit(pred_name: str | None, gold_names: Sequence[str]) -> bool:
    if not pred_name or not gold_names:
        return False
    p = norm_person(pred_name)
    return any(p == norm_person(g) for g in gold_names)


def name_hit(pred_name: str | None, gold_names: Sequence[str]) -> bool:
    """Lab names: equal after normalisation, or token sets with Jaccard >= 0.8."""
    if not pred_name or not gold_names:
        return False
    p = norm_org(pred_name)
    pt = set(p.split())
    for g in gold_names:
        gn = norm_org(g)
        if p == gn:
            return True
        gt = set(gn.split())
        if pt and gt and len(pt & gt) / len(pt | gt) >= 0.8:
            return True
    return False


def date_hit(pred_date: Any, gold: dict | None) -> bool:
    """The predicted date agrees with the gold date to the gold's precision."""
    if gold is None or pred_date is None:
        return False
    g, p = gold["date"], str(pred_date)[:10]
    precision = gold.get("precision", "day")
    if precision == "year":
        return p[:4] == g[:4]
    if precision == "month":
        return p[:7] == g[:7]
    return p == g


# ---------------------------------------------------------------- counting

class Tally:
    """Slot counts: gold slots recalled / gold slots, predicted slots right / predicted slots."""

    def __init__(self) -> None:
        self.tp_g = self.n_g = self.tp_p = self.n_p = 0

    def add(self, tp_g: int = 0, n_g: int = 0, tp_p: int = 0, n_p: int = 0) -> None:
        self.tp_g += tp_g
        self.n_g += n_g
        self.tp_p += tp_p
        self.n_p += n_p

    def merge(self, other: Tally) -> None:
        self.add(other.tp_g, other.n_g, other.tp_p, other.n_p)

    def prf(self) -> dict[str, float | int]:
        p = self.tp_p / self.n_p if self.n_p else 0.0
        r = self.tp_g / self.n_g if self.n_g else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "gold": self.n_g, "predicted": self.n_p}


def list_slots(tally: Tally, pred_items: list, gold_items: list, hit: Callable[[Any, Any], bool],
               extras: Sequence = ()) -> None:
    """Each gold and each predicted item is one slot; a prediction matching only an acceptable
    extra is not counted."""
    used: set[int] = set()
    for g in gold_items:
        for i, p in enumerate(pred_items):
            if i not in used and hit(p, g):
                used.add(i)
                tally.add(tp_g=1)
                break
    tally.add(n_g=len(gold_items))
    for i, p in enumerate(pred_items):
        if i in used:
            tally.add(tp_p=1, n_p=1)
        elif not any(hit(p, e) for e in extras):
            tally.add(n_p=1)


def greedy_match(preds: list, golds: list, sim: Callable[[Any, Any], float],
                 threshold: float = 0.5) -> list[tuple[int, int]]:
    """(pred index, gold index) pairs, best similarity first, each side used once."""
    pairs = [(s, i, j) for i, p in enumerate(preds) for j, g in enumerate(golds)
             if (s := sim(p, g)) >= threshold]
    pairs.sort(key=lambda t: -t[0])
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


# ---------------------------------------------------------------- reading the warehouse

def _rows(con: duckdb.DuckDBPyConnection, sql: str, *params: Any) -> list[dict[str, Any]]:
    cur = con.execute(sql, list(params))
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row)) for row in cur.fetchall()]


class Warehouse:
    """Read access to the scored tables, each read once and grouped by document.

    A query per document and table scanned every table once per gold file: scoring grew with the
    square of the corpus (hours at 50,000 documents). Rows keep the tables' order within a document.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        orgs = _rows(con, "select * from organizations")
        self.orgs = {r["organization_id"]: r for r in orgs}
        self.org_names = {r["organization_id"]: [r["canonical_name"], r["acronym"]] for r in orgs}
        self.place_names = {r["place_id"]: [r["name"]] for r in _rows(con, "select place_id, name from places")}
        self.person_name = {r["person_id"]: r["full_name"]
                            for r in _rows(con, "select person_id, full_name from people")}
        self.agreements = _grouped(_rows(con, "select * from agreements"), "document_id")
        self.parties = _grouped(_rows(con, "select agreement_id, organization_id from agreement_parties"),
                                "agreement_id")
        self.signers = _grouped(_rows(con, "select agreement_id, person_id, role from agreement_signatories"),
                                "agreement_id")
        self.activities = _grouped(_rows(con, "select agreement_id, activity from agreement_activities"),
                                   "agreement_id")
        self.delegations = _grouped(_rows(con, "select * from delegations"), "document_id")
        self.labs = _rows(con, "select * from labs")
        lab_position = {lab["lab_id"]: n for n, lab in enumerate(self.labs)}
        self.lab_positions: dict[str, set[int]] = defaultdict(set)
        for r in _rows(con, "select document_id, lab_id from lab_mentions"):
            if r["lab_id"] in lab_position:
                self.lab_positions[r["document_id"]].add(lab_position[r["lab_id"]])
        self.domains: dict[str, set[str]] = defaultdict(set)
        for r in _rows(con, "select document_id, domain_id from document_domains"):
            self.domains[r["document_id"]].add(r["domain_id"])
        self.mentioned: dict[tuple[str, str], set[str]] = defaultdict(set)
        for r in _rows(con, "select document_id, entity_type, entity_id from mentions"):
            self.mentioned[(r["document_id"], r["entity_type"])].add(r["entity_id"])

    def documents(self) -> dict[str, dict[str, Any]]:
        """Documents by the basename of source_path (what gold files name)."""
        rows = _rows(self.con, "select document_id, source_path, published_on, published_on_precision "
                               "from documents")
        return {Path(r["source_path"]).name: r for r in rows}

    def _names(self, org_id: str | None, place_id: str | None = None) -> list[str | None]:
        return self.org_names.get(org_id, []) + self.place_names.get(place_id, [])

    def load_doc(self, doc_id: str) -> dict[str, Any]:
        """The predictions of one document, in the shape the scorers compare with gold."""
        agreements = []
        for a in self.agreements.get(doc_id, []):
            signers = self.signers.get(a["agreement_id"], [])
            agreements.append({
                "type": a.get("agreement_type"), "signed_on": a.get("signed_on"),
                "precision": a.get("signed_on_precision"), "status": a.get("status"),
                "parties": [self.org_names.get(r["organization_id"], []) for r in self.parties.get(a["agreement_id"], [])],
                "signatories": [self.person_name.get(s["person_id"]) for s in signers if s["role"] == "signatory"],
                "witnesses": [self.person_name.get(s["person_id"]) for s in signers if s["role"] == "witness"],
                "activities": {r["activity"] for r in self.activities.get(a["agreement_id"], [])},
                "place": self.place_names.get(a.get("place_id"), []),
            })

        delegations = [{
            "leader": self.person_name.get(d.get("leader_person_id")),
            "origin": self._names(d.get("origin_organization_id"), d.get("origin_place_id")),
            "host": self._names(d.get("host_organization_id"), d.get("host_place_id")),
            "member_count": d.get("member_count"), "member_count_max": d.get("member_count_max"),
            "visited_on": d.get("visited_on"), "precision": d.get("visited_on_precision"),
            "status": d.get("status"),
        } for d in self.delegations.get(doc_id, [])]

        labs = [{
            "name": lab.get("name"), "type": lab.get("lab_type"), "status": lab.get("status"),
            "host": self.org_names.get(lab.get("host_organization_id"), []),
            "director": self.person_name.get(lab.get("director_person_id")),
        } for lab in (self.labs[n] for n in sorted(self.lab_positions.get(doc_id, ())))]

        people = self.mentioned.get((doc_id, "person"), set())
        orgs = self.mentioned.get((doc_id, "organization"), set())
        return {
            "agreements": agreements, "delegations": delegations, "labs": labs,
            "domains": set(self.domains.get(doc_id, set())),
            "people": {pid: self.person_name.get(pid) for pid in people},
            "orgs": {oid: self.orgs[oid] for oid in orgs if oid in self.orgs},
        }


def _grouped(rows: list[dict[str, Any]], key: str) -> dict[Any, list[dict[str, Any]]]:
    out: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        out[r[key]].append(r)
    return out


def empty_prediction() -> dict[str, Any]:
    """What a document missing from the warehouse predicts: nothing."""
    return {"agreements": [], "delegations": [], "labs": [], "domains": set(), "people": {}, "orgs": {}}


# ---------------------------------------------------------------- record similarity

def party_sim(p: dict, g: dict) -> float:
    """Share of gold parties found, penalised by wrong (not acceptable) predicted parties."""
    gold_parties = g["parties"]
    extras = g.get("acceptable_extra_parties", [])
    matched = sum(1 for gp in gold_parties if any(org_hit(pp, gp) for pp in p["parties"]))
    wrong = sum(1 for pp in p["parties"]
                if not any(org_hit(pp, gp) for gp in gold_parties) and not any(org_hit(pp, e) for e in extras))
    denom = len(gold_parties) + wrong
    return matched / denom if denom else 0.0


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


def lab_sim(p: dict, g: dict) -> float:
    return 1.0 if name_hit(p["name"], g["name"]) else 0.0


# ---------------------------------------------------------------- slots of one record pair

def _record_slot(t: Tally, p: dict | None, g: dict | None) -> None:
    """The record itself is one slot: right when a gold record and a prediction are paired."""
    both = int(bool(g and p))
    t.add(n_g=1 if g else 0, tp_g=both, n_p=1 if p else 0, tp_p=both)


def score_agreement_slots(t: Tally, p: dict | None, g: dict | None) -> None:
    list_slots(t, p["parties"] if p else [], g["parties"] if g else [],
               org_hit, g.get("acceptable_extra_parties", []) if g else [])
    list_slots(t, [s for s in (p["signatories"] if p else []) if s], g.get("signatories", []) if g else [],
               person_hit)
    list_slots(t, [s for s in (p["witnesses"] if p else []) if s], g.get("witnesses", []) if g else [],
               person_hit)
    # date
    if g and g.get("signed_on"):
        ok = p is not None and date_hit(p["signed_on"], g["signed_on"])
        t.add(n_g=1, tp_g=int(ok))
        if p is not None and p["signed_on"] is not None:
            t.add(n_p=1, tp_p=int(ok))
    elif p is not None and p["signed_on"] is not None and g is None:
        t.add(n_p=1)
    # type
    if g:
        ok = p is not None and p["type"] in g["type"]
        t.add(n_g=1, tp_g=int(ok))
        if p is not None:
            t.add(n_p=1, tp_p=int(ok))
    elif p is not None:
        t.add(n_p=1)


def score_agreement_extras(extras: dict[str, Tally], p: dict | None, g: dict | None) -> None:
    """Activities and signing place of an agreement, counted only where the gold states them."""
    if g is not None and "activities" in g:
        gold, pred = set(g["activities"]), set(p["activities"]) if p else set()
        extras["activities"].add(tp_g=len(gold & pred), n_g=len(gold), tp_p=len(gold & pred),
                                 n_p=len(pred) if p else 0)
    if g is not None and "place" in g:
        predicted = bool(p and p["place"])
        ok = bool(g["place"]) and predicted and org_hit(p["place"], g["place"])
        extras["signing_place"].add(tp_g=int(ok), n_g=int(bool(g["place"])), tp_p=int(ok), n_p=int(predicted))


def score_delegation_slots(t: Tally, p: dict | None, g: dict | None) -> None:
    def one(key: str, ok_fn: Callable[[Any, Any], bool]) -> None:
        pred_val = p[key] if p else None
        gold_val = g.get(key) if g else None
        predicted = p is not None and pred_val not in (None, [], "")
        if g is not None and gold_val is not None:
            ok = p is not None and pred_val is not None and ok_fn(pred_val, gold_val)
            t.add(n_g=1, tp_g=int(ok))
            if predicted:
                t.add(n_p=1, tp_p=int(ok))
        elif g is None and predicted:
            t.add(n_p=1)

    one("leader", person_hit)
    one("origin", org_hit)
    one("host", org_hit)
    one("member_count", lambda a, b: a == b)
    one("visited_on", date_hit)
    _record_slot(t, p, g)


def score_lab_slots(t: Tally, p: dict | None, g: dict | None) -> None:
    _record_slot(t, p, g)

    def one(key: str, ok_fn: Callable[[Any, Any], bool]) -> None:
        pred_val = p[key] if p else None
        gold_val = g.get(key) if g else None
        if g is not None and gold_val:
            ok = p is not None and bool(pred_val) and ok_fn(pred_val, gold_val)
            t.add(n_g=1, tp_g=int(ok))
            if p is not None and pred_val:
                t.add(n_p=1, tp_p=int(ok))
        elif g is None and p is not None and pred_val:
            t.add(n_p=1)

    one("type", lambda a, b: a in b)
    one("host", org_hit)
    one("director", person_hit)
    one("status", lambda a, b: a in b)


# ---------------------------------------------------------------- scoring one document

class Scores:
    """Everything counted over a set of documents; one per document, merged into the total."""

    def __init__(self) -> None:
        self.slots = {k: Tally() for k in KINDS}
        self.records = {k: Tally() for k in KINDS}
        self.entity: dict[str, defaultdict[str, int]] = {"organizations": defaultdict(int),
                                                         "people": defaultdict(int)}
        self.dates = {"gold": 0, "ok": 0}
        self.extras = {k: Tally() for k in EXTRAS}
        self.details: list[str] = []

    def merge(self, other: Scores) -> None:
        for k in KINDS:
            self.slots[k].merge(other.slots[k])
            self.records[k].merge(other.records[k])
        for kind, counts in other.entity.items():
            for key, n in counts.items():
                self.entity[kind][key] += n
        for key, n in other.dates.items():
            self.dates[key] += n
        for k in EXTRAS:
            self.extras[k].merge(other.extras[k])
        self.details.extend(other.details)

    def overall(self) -> Tally:
        total = Tally()
        for k in KINDS:
            total.merge(self.slots[k])
        return total


def score_records(kind: str, preds: list, golds: list, sim: Callable[[dict, dict], float],
                  slot_fn: Callable[[Tally, dict | None, dict | None], None], scores: Scores,
                  extra_fn: Callable[[dict[str, Tally], dict | None, dict | None], None] | None = None) -> None:
    """Pair records, score the slots of pairs, of unmatched gold (missed) and of unmatched
    predictions (wrong). A pair with an optional gold record counts for nothing. `extra_fn`
    scores what the headline leaves out, on pairs and missed gold records."""
    matches = greedy_match(preds, golds, sim)
    matched_p = {i for i, _ in matches}
    matched_g = {j for _, j in matches}
    slots, records = scores.slots[kind], scores.records[kind]
    for i, j in matches:
        if golds[j].get("optional"):
            continue
        slot_fn(slots, preds[i], golds[j])
        records.add(tp_g=1, n_g=1, tp_p=1, n_p=1)
        if extra_fn:
            extra_fn(scores.extras, preds[i], golds[j])
    for j, g in enumerate(golds):
        if j not in matched_g and not g.get("optional"):
            slot_fn(slots, None, g)
            records.add(n_g=1)
            if extra_fn:
                extra_fn(scores.extras, None, g)
    for i, p in enumerate(preds):
        if i not in matched_p:
            slot_fn(slots, p, None)
            records.add(n_p=1)


def score_domains(t: Tally, predicted: set[str], gold: dict) -> None:
    """Each gold domain mention is a gold slot; each predicted code is a predicted slot unless
    it is only an acceptable extra."""
    gold_domains = gold.get("domains", [])
    gold_codes = {c for d in gold_domains for c in d["codes"]}
    extras = set(gold.get("acceptable_extra_domains", [])) - gold_codes
    for d in gold_domains:
        t.add(n_g=1, tp_g=int(bool(predicted & set(d["codes"]))))
    for c in predicted:
        if c in gold_codes:
            t.add(n_p=1, tp_p=1)
        elif c not in extras:
            t.add(n_p=1)


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
    spurious = [name for pid, name in pred["people"].items() if pid not in used]
    counts["spurious"] += len(spurious)
    scores.details.extend(f"{gold['document']}: spurious person: {name}" for name in spurious)


def score_doc(pred: dict, gold: dict, scores: Scores) -> None:
    score_records("agreements", pred["agreements"], gold.get("agreements", []), party_sim,
                  score_agreement_slots, scores, score_agreement_extras)
    score_records("delegations", pred["delegations"], gold.get("delegations", []), delegation_sim,
                  score_delegation_slots, scores)
    score_records("labs", pred["labs"], gold.get("labs", []), lab_sim, score_lab_slots, scores)
    score_domains(scores.slots["domains"], pred["domains"], gold)
    score_organizations(pred, gold, scores)
    score_people(pred, gold, scores)


# ---------------------------------------------------------------- the whole warehouse

def _summary(scores: Scores) -> dict[str, Any]:
    return {
        "slots": {k: scores.slots[k].prf() for k in KINDS},
        "records": {k: scores.records[k].prf() for k in KINDS if k != "domains"},
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
        total, missing, per_document = Scores(), [], []
        gold_files = sorted(Path(gold_dir).glob("*.json"))
        for gf in gold_files:
            gold = json.loads(gf.read_text(encoding="utf-8"))
            doc = docs.get(Path(gold["document"]).name)
            scores = Scores()
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


__all__ = ["EXTRAS", "KINDS", "Scores", "Tally", "format_extras", "format_per_document", "format_report",
           "score_doc", "score_warehouse"]
