"""The evaluation metric's parts: name comparison, slot counting and record matching.

The same matching and numbers as ../shared/gold/score.py (see ../shared/gold/FORMAT.md). Each fact kind
scores its own records with these (pipeline/core/kinds/); pipeline/core/evaluate.py reads the warehouse
and adds the organisations and people.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

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



def record_slot(t: Tally, p: dict | None, g: dict | None) -> None:
    """The record itself is one slot: right when a gold record and a prediction are paired."""
    both = int(bool(g and p))
    t.add(n_g=1 if g else 0, tp_g=both, n_p=1 if p else 0, tp_p=both)



def one_slot(t: Tally, p: dict | None, g: dict | None, key: str, ok_fn: Callable[[Any, Any], bool],
             gold_counts: Callable[[Any], bool] = lambda v: v is not None,
             predicted: Callable[[Any], bool] = lambda v: v not in (None, [], "")) -> None:
    """One field of a record pair as a slot: a gold value counts when `gold_counts`, a predicted one when
    `predicted`; a prediction without a gold record is a wrong slot."""
    pred_val = p[key] if p else None
    gold_val = g.get(key) if g else None
    said = p is not None and predicted(pred_val)
    if g is not None and gold_counts(gold_val):
        ok = said and ok_fn(pred_val, gold_val)
        t.add(n_g=1, tp_g=int(ok))
        if said:
            t.add(n_p=1, tp_p=int(ok))
    elif g is None and said:
        t.add(n_p=1)


class Scores:
    """Everything counted over a set of documents; one per document, merged into the total."""

    def __init__(self, kinds: Sequence[str], extras: Sequence[str]) -> None:
        self.kinds, self.extra_names = tuple(kinds), tuple(extras)
        self.slots = {k: Tally() for k in kinds}
        self.records = {k: Tally() for k in kinds}
        self.entity: dict[str, defaultdict[str, int]] = {"organizations": defaultdict(int),
                                                         "people": defaultdict(int)}
        self.dates = {"gold": 0, "ok": 0}
        self.extras = {k: Tally() for k in extras}
        self.details: list[str] = []

    def merge(self, other: Scores) -> None:
        for k in self.kinds:
            self.slots[k].merge(other.slots[k])
            self.records[k].merge(other.records[k])
        for kind, counts in other.entity.items():
            for key, n in counts.items():
                self.entity[kind][key] += n
        for key, n in other.dates.items():
            self.dates[key] += n
        for k in self.extra_names:
            self.extras[k].merge(other.extras[k])
        self.details.extend(other.details)

    def overall(self) -> Tally:
        total = Tally()
        for k in self.kinds:
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


