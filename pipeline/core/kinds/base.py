"""What a fact kind declares (`FactKind`) and what its steps receive."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandera.pandas as pa
from spacy.tokens import Doc

from pipeline.core.facts.context import DocContext
from pipeline.core.reference import Rulebook

Rows = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class Found:
    """What every kind found in one document, for the row builders: a kind's rows may link to another
    kind's facts (an agreement's fields are the domain phrases inside its sentences)."""

    ctx: DocContext
    facts: dict[str, list]  # kind name -> its facts in this document
    person_ids: dict[str, str]  # the document's person key -> the minted person_id


@dataclass(frozen=True)
class Evaluation:
    """How a kind is scored against gold; the gold documents hold its records under the kind's name.

    `load(warehouse)` reads the kind's published tables once (pipeline/core/evaluate.py's Warehouse) and
    returns the predictor of one document's records, in the shape of the gold records; `score(scores,
    predicted, gold_document)` counts them into the slots (and records, and `extras`) of `scores`.
    """

    load: Callable[[Any], Callable[[str], Any]]
    score: Callable[[Any, Any, dict], None]
    empty: Callable[[], Any] = list  # what a document missing from the warehouse predicts
    extras: tuple[str, ...] = ()  # what is scored beside the headline (pipeline/core/metric.py: Scores.extras)
    records: bool = True  # whether whole records are matched and counted, not only slots


@dataclass(frozen=True)
class FactKind:
    name: str
    tables: tuple[str, ...]  # the per-document tables its rows fill; the first is its main table
    extract: Callable[[DocContext, Doc], list]
    rows: Callable[[Found], Rows]
    merge: Callable[[Rows, Rulebook], Rows]  # corpus-wide: every table of `tables`, and any reference table
    # The id column of the main table minted from the evidence offsets: renumbered when a long document is
    # extracted in sections (two sections' first sentences have the same offsets), in every table holding it.
    event_key: str | None = None
    evaluation: Evaluation | None = None
    order: int = 100  # kinds extract in this order (then by name)
    models: Sequence[type[pa.DataFrameModel]] = field(default=())  # tables beyond schemas.models
    # (table, column) pairs: tables of `tables` whose merged rows for one value of the column are those `merge`
    # gives from the stored rows holding that value alone (the kind's other tables given no rows). A run keeps
    # them, ordered by that column, and merges again only the values its changed files reach (resolve.py); the
    # merge of the kind's other tables must not read them.
    merged_by: tuple[tuple[str, str], ...] = ()


def choose(values: Iterable[Any]) -> Any:
    """The most frequent non-null value; ties broken by sort order, so file order never matters."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    first = present[0]
    if all(v == first for v in present):  # the usual case: every document says the same
        return first
    return sorted(Counter(present).items(), key=lambda kv: (-kv[1], str(kv[0])))[0][0]


def distinct(items: list[dict[str, Any]], key: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
    """The first of each set of equal rows (equal in `key`, or in every column's text)."""
    if key:
        row_key = lambda r: tuple(r[c] for c in key)  # noqa: E731
    elif items and all(list(r) == list(items[0]) for r in items):
        row_key = lambda r: tuple(map(str, r.values()))  # noqa: E731 - columns in one order: no sorting needed
    else:
        row_key = lambda r: tuple(sorted((c, str(v)) for c, v in r.items()))  # noqa: E731
    seen, out = set(), []
    for r in items:
        k = row_key(r)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def evidence(ctx: DocContext, sent) -> dict[str, Any]:
    """The provenance columns of a fact stated by one sentence."""
    return {"evidence": ctx.text[sent.start:sent.end], "evidence_start": sent.start, "evidence_end": sent.end}


def kind_tables(kinds: Iterable[FactKind]) -> tuple[str, ...]:
    return tuple(t for kind in kinds for t in kind.tables)
