"""Domains: the fields of science each document names (OECD FOS, second level), and the taxonomy itself.

The other kinds link their facts to the fields named inside them (agreement_domains, lab_domains): rows
are built once every kind has extracted, so they read this kind's hits (`Found.facts["domains"]`).
"""
from __future__ import annotations

from pipeline.core.facts.domains import extract_domains
from pipeline.core.kinds.base import Evaluation, FactKind, Found, Rows, distinct
from pipeline.core.metric import Scores, Tally


def _rows(found: Found) -> Rows:
    return {"document_domains": [{"document_id": found.ctx.document_id, "domain_id": h.domain_id,
                                  "matched_text": h.matched_text, "evidence_start": h.start, "evidence_end": h.end}
                                 for h in found.facts["domains"]]}


def _merge(rows: Rows, rules) -> Rows:
    """The document rows, and the taxonomy from the rulebook (not per document: every field, named or not)."""
    return {"collaboration_domains": [vars(d) for d in rules.domains],
            "document_domains": distinct(rows["document_domains"])}


def _predictor(warehouse):
    by_document: dict[str, set[str]] = {}
    for r in warehouse.rows("select document_id, domain_id from document_domains"):
        by_document.setdefault(r["document_id"], set()).add(r["domain_id"])
    return lambda document_id: set(by_document.get(document_id, set()))


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


def _score(scores: Scores, predicted: set[str], gold: dict) -> None:
    score_domains(scores.slots["domains"], predicted, gold)


DOMAINS = FactKind(
    name="domains", tables=("document_domains",),
    extract=extract_domains,
    rows=_rows, merge=_merge, order=40, merged_by=(("document_domains", "document_id"),),
    evaluation=Evaluation(load=_predictor, score=_score, empty=set, records=False),
)
