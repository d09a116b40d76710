"""Agreements: memoranda, agreements, arrangements and partnerships, with parties, signatories, witnesses,
activities and fields; reports of one agreement in several documents grouped into one event."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from pipeline.core.facts.agreements import Agreement, extract_agreements
from pipeline.core.facts.context import DocContext
from pipeline.core.facts.domains import DomainHit, hits_between
from pipeline.core.ids import make_id
from pipeline.core.kinds.base import Evaluation, FactKind, Found, Rows, distinct, evidence
from pipeline.core.kinds.events import UnionFind, dates_compatible
from pipeline.core.metric import Scores, Tally, date_hit, list_slots, one_slot, org_hit, person_hit, score_records
from pipeline.core.phrases import gated_regex, kind_regexes

_FOLLOW_UP_PHRASES = ("agreement", "agreements", "agreed", "both parties", "both sides", "the two sides", "partnership",
                      "memorandum", "memoranda", "mou", "mous", "pact", "under the", "in accordance", "will", "aims to",
                      "aim to", "covers", "covered", "cover", "focus on", "focuses on", "include", "includes")
_FOLLOW_UP = gated_regex(re.compile(rf"\b({'|'.join(_FOLLOW_UP_PHRASES)})\b", re.I), _FOLLOW_UP_PHRASES)
_GENERIC_TYPES = {"cooperation_agreement", "partnership", "other"}
EXTRAS = ("activities", "signing_place")  # scored by `python -m pipeline evaluate` only, outside the headline


# ---------------------------------------------------------------- rows of one document

def _followers(ctx: DocContext, agreements: list[Agreement]) -> dict[int, list]:
    """Sentences after an agreement that say what it covers ("Under the agreement, both parties will ...")."""
    starts = sorted({a.sentence.start for a in agreements})
    out: dict[int, list] = {s: [] for s in starts}
    for sent in ctx.sentences:
        owner = max((s for s in starts if s <= sent.start), default=None)
        if owner is not None and (sent.start == owner or _FOLLOW_UP.search(sent.text)):
            out[owner].append(sent)
    return out


def _rows(found: Found) -> Rows:
    ctx, agreements = found.ctx, found.facts["agreements"]
    rows: Rows = {t: [] for t in AGREEMENTS.tables}
    followers = _followers(ctx, agreements)
    siblings: dict[int, int] = {}
    for a in agreements:
        n = siblings[a.sentence.start] = siblings.get(a.sentence.start, -1) + 1
        aid = make_id("agreement", ctx.document_id, a.sentence.start, a.sentence.end, n)
        rows["agreements"].append({
            "agreement_id": aid, "event_id": aid, "document_id": ctx.document_id,
            "agreement_type": a.agreement_type, "title": a.title,
            "signed_on": a.date.date if a.date else None,
            "signed_on_precision": a.date.precision if a.date else "unknown",
            "place_id": a.place, "status": a.status, **evidence(ctx, a.sentence), "confidence": a.confidence,
        })
        rows["agreement_parties"].extend({"agreement_id": aid, "organization_id": org} for org in a.parties)
        rows["agreement_signatories"].extend(_signers(aid, a, found.person_ids))
        # listed instruments own only their own clause; a headline agreement owns what follows it
        # (one per partner of a plural instrument: each owns what follows, as a headline agreement does)
        own = a.group is not None and not a.per_partner
        scope = [a.sentence] if own else (followers.get(a.sentence.start) or [a.sentence])
        _scope_rows(ctx, aid, scope, found.facts["domains"], rows)
    return rows


def _signers(aid: str, a: Agreement, person_ids: dict[str, str]) -> list[dict[str, Any]]:
    return [{"agreement_id": aid, "person_id": person_ids[key], "organization_id": org, "title": title, "role": role}
            for role, people in (("signatory", a.signatories), ("witness", a.witnesses))
            for key, org, title in people if key in person_ids]


def _scope_rows(ctx: DocContext, aid: str, scope: list, domains: list[DomainHit], rows: Rows) -> None:
    """The activities and fields the sentences an agreement owns name, each once."""
    any_activity, activity_rx = kind_regexes(ctx.rules, "activities")
    seen: set = set()
    for sent in scope:
        for activity, rx in (activity_rx.items() if any_activity.search(sent.text) else ()):
            m = rx.search(sent.text)
            if m and activity not in seen:
                seen.add(activity)
                rows["agreement_activities"].append({"agreement_id": aid, "activity": activity, "evidence": m.group(0)})
        for h in hits_between(domains, sent.start, sent.end):
            if (aid, h.domain_id) not in seen:
                seen.add((aid, h.domain_id))
                rows["agreement_domains"].append({"agreement_id": aid, "domain_id": h.domain_id,
                                                  "matched_text": h.matched_text})


# ---------------------------------------------------------------- across documents

def _merge(rows: Rows, rules) -> Rows:
    return {
        "agreements": _group_events(rows["agreements"], rows["agreement_parties"]),
        "agreement_parties": distinct(rows["agreement_parties"]),
        "agreement_signatories": distinct(rows["agreement_signatories"]),
        "agreement_activities": distinct(rows["agreement_activities"], ("agreement_id", "activity")),
        "agreement_domains": distinct(rows["agreement_domains"], ("agreement_id", "domain_id")),
    }


def _group_events(agreements: list[dict], parties: list[dict]) -> list[dict]:
    """Reports in different documents with the same two or more parties, a compatible type and a compatible
    date are one agreement: they share an event_id."""
    by_agreement: dict[str, frozenset] = defaultdict(frozenset)
    for p in parties:
        by_agreement[p["agreement_id"]] = by_agreement[p["agreement_id"]] | {p["organization_id"]}
    uf = UnionFind([a["agreement_id"] for a in agreements])
    by_parties: dict[frozenset, list[dict]] = defaultdict(list)
    for a in agreements:
        key = by_agreement.get(a["agreement_id"], frozenset())
        if len(key) >= 2:
            by_parties[key].append(a)
    for group in by_parties.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if _same_event(a, b):
                    uf.union(a["agreement_id"], b["agreement_id"])
    for a in agreements:
        a["event_id"] = make_id("agreement_event", uf.find(a["agreement_id"]))
    return agreements


def _same_event(a: dict, b: dict) -> bool:
    if a["document_id"] == b["document_id"]:
        return False
    same_type = a["agreement_type"] == b["agreement_type"] or {a["agreement_type"], b["agreement_type"]} & _GENERIC_TYPES
    return bool(same_type) and dates_compatible(a, b, "signed_on", "signed_on_precision")


# ---------------------------------------------------------------- against gold

def _predictor(warehouse):
    """The published agreements of a document, in the shape of gold agreements."""
    by_document = warehouse.grouped("select * from agreements", "document_id")
    parties = warehouse.grouped("select agreement_id, organization_id from agreement_parties", "agreement_id")
    signers = warehouse.grouped("select agreement_id, person_id, role from agreement_signatories", "agreement_id")
    activities = warehouse.grouped("select agreement_id, activity from agreement_activities", "agreement_id")

    def predict(document_id: str) -> list[dict]:
        out = []
        for a in by_document.get(document_id, []):
            people = signers.get(a["agreement_id"], [])
            out.append({
                "type": a.get("agreement_type"), "signed_on": a.get("signed_on"),
                "precision": a.get("signed_on_precision"), "status": a.get("status"),
                "parties": [warehouse.org_names.get(r["organization_id"], [])
                            for r in parties.get(a["agreement_id"], [])],
                "signatories": [warehouse.person_name.get(s["person_id"]) for s in people if s["role"] == "signatory"],
                "witnesses": [warehouse.person_name.get(s["person_id"]) for s in people if s["role"] == "witness"],
                "activities": {r["activity"] for r in activities.get(a["agreement_id"], [])},
                "place": warehouse.place_names.get(a.get("place_id"), []),
            })
        return out
    return predict


def party_sim(p: dict, g: dict) -> float:
    """Share of gold parties found, penalised by wrong (not acceptable) predicted parties."""
    gold_parties = g["parties"]
    extras = g.get("acceptable_extra_parties", [])
    matched = sum(1 for gp in gold_parties if any(org_hit(pp, gp) for pp in p["parties"]))
    wrong = sum(1 for pp in p["parties"]
                if not any(org_hit(pp, gp) for gp in gold_parties) and not any(org_hit(pp, e) for e in extras))
    denom = len(gold_parties) + wrong
    return matched / denom if denom else 0.0


def score_slots(t: Tally, p: dict | None, g: dict | None) -> None:
    """Parties, signatories and witnesses (each one a slot), the date and the type."""
    list_slots(t, p["parties"] if p else [], g["parties"] if g else [],
               org_hit, g.get("acceptable_extra_parties", []) if g else [])
    list_slots(t, [s for s in (p["signatories"] if p else []) if s], g.get("signatories", []) if g else [],
               person_hit)
    list_slots(t, [s for s in (p["witnesses"] if p else []) if s], g.get("witnesses", []) if g else [],
               person_hit)
    one_slot(t, p, g, "signed_on", date_hit, gold_counts=bool, predicted=lambda v: v is not None)
    one_slot(t, p, g, "type", lambda a, b: a in b, gold_counts=lambda v: True, predicted=lambda v: True)


def score_extras(extras: dict[str, Tally], p: dict | None, g: dict | None) -> None:
    """Activities and signing place of an agreement, counted only where the gold states them."""
    if g is not None and "activities" in g:
        gold, pred = set(g["activities"]), set(p["activities"]) if p else set()
        extras["activities"].add(tp_g=len(gold & pred), n_g=len(gold), tp_p=len(gold & pred),
                                 n_p=len(pred) if p else 0)
    if g is not None and "place" in g:
        predicted = bool(p and p["place"])
        ok = bool(g["place"]) and predicted and org_hit(p["place"], g["place"])
        extras["signing_place"].add(tp_g=int(ok), n_g=int(bool(g["place"])), tp_p=int(ok), n_p=int(predicted))


def _score(scores: Scores, predicted: list[dict], gold: dict) -> None:
    score_records("agreements", predicted, gold.get("agreements", []), party_sim, score_slots, scores, score_extras)


AGREEMENTS = FactKind(
    name="agreements",
    tables=("agreements", "agreement_parties", "agreement_signatories", "agreement_activities", "agreement_domains"),
    extract=lambda ctx, sdoc: extract_agreements(ctx),
    rows=_rows, merge=_merge, order=10, event_key="agreement_id",
    # the parties group the agreements into events, so they are merged with them
    merged_by=(("agreement_signatories", "agreement_id"), ("agreement_activities", "agreement_id"),
               ("agreement_domains", "agreement_id")),
    evaluation=Evaluation(load=_predictor, score=_score, empty=list, extras=EXTRAS),
)
