"""The review queue: the facts of a published warehouse most worth an analyst's look, each with a correction stub.

Why: corrections (pipeline/core/corrections.py) are only as good as the review that finds what to correct,
and a reviewer's time is best spent where the machine is least sure. A fact is worth a look when its
extraction rule scored it low (`confidence`), when one document alone reports its event (no second source
corroborates it), and when it is new since the last run (nobody has looked at it yet). Facts a correction
already changed (`corrected_by` set) have been reviewed and are left out.

- `review_queue(con, limit, previous)`: those facts, most worth a look first, each with its evidence, its
  document's source_path and a ready-to-edit correction stub;
- `review_fact(con, fact_id)`: the same for one chosen agreement or delegation;
- `correction_stub(fact)`: the YAML entry to paste under `corrections:` and edit; `append_stub(path, fact)`
  appends it to a corrections file commented out, so it changes nothing until an analyst edits it (its
  placeholder reason and author are refused on load: corrections.STUB_PLACEHOLDERS);
- `previous_fact_ids(warehouse)`: the facts of the warehouse published before it, to tell what is new;
  `format_fact` a fact as `python -m pipeline review` prints it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import duckdb
import yaml

from pipeline.core.corrections import LINEAGE_COLUMN, STUB_PLACEHOLDERS
from pipeline.core.history import previous
from pipeline.core.validate import jsonable

#: How much each sign of doubt weighs in a fact's score: one point per unit of doubt (1 - confidence), so
#: confidence ranks first; a single source or novelty lifts a fact by as much as 0.15 or 0.25 of confidence
#: (a new fact at 0.9 ranks beside an old one at 0.65). A fact without a confidence counts as wholly doubtful.
WEIGHTS = {"doubt": 1.0, "single_source": 0.15, "new": 0.25}

# One row per agreement or delegation, with what a reviewer needs to judge it: {lineage} is the fact
# table's corrected_by column, or null where the warehouse predates lineage; {report} names the independent
# report a document belongs to (a syndicated copy counts as the document it copies, so a wire story reprinted
# on ten sites is still a single source); {where} filters.
_FACTS = """
with facts as (
    select 'agreement' as fact, a.agreement_id as fact_id, a.event_id, a.document_id, a.evidence,
           a.evidence_start, a.evidence_end, a.confidence, a.agreement_type as fact_type, a.status,
           a.signed_on as fact_date, a.signed_on_precision as date_precision, {agreements_lineage} as corrected_by,
           (select string_agg(o.canonical_name, '; ' order by o.canonical_name)
              from agreement_parties p join organizations o using (organization_id)
             where p.agreement_id = a.agreement_id) as who
    from agreements a
    union all
    select 'delegation', d.delegation_id, d.event_id, d.document_id, d.evidence, d.evidence_start,
           d.evidence_end, d.confidence, null, d.status, d.visited_on, d.visited_on_precision,
           {delegations_lineage},
           coalesce(oo.canonical_name, op.name, '?') || ' -> ' || coalesce(ho.canonical_name, hp.name, '?')
    from delegations d
    left join organizations oo on oo.organization_id = d.origin_organization_id
    left join places op on op.place_id = d.origin_place_id
    left join organizations ho on ho.organization_id = d.host_organization_id
    left join places hp on hp.place_id = d.host_place_id
), sources as (
    select f.fact, f.event_id, count(distinct {report}) as sources
    from facts f left join documents doc using (document_id)
    group by f.fact, f.event_id
)
select f.fact, f.fact_id, f.event_id, f.document_id, doc.source_path, f.evidence, f.evidence_start,
       f.evidence_end, f.confidence, f.fact_type, f.status, f.fact_date, f.date_precision, f.who, s.sources
from facts f
join sources s using (fact, event_id)
join documents doc using (document_id)
where {where}
order by f.fact, f.fact_id
"""


def _has_column(con: duckdb.DuckDBPyConnection, table: str, column: str) -> bool:
    return con.execute("select count(*) from information_schema.columns where table_name = ? and column_name = ?",
                       [table, column]).fetchone()[0] > 0


def _lineage(con: duckdb.DuckDBPyConnection, table: str, alias: str) -> str:
    """The table's lineage column when the warehouse has one, else null (a warehouse built before corrections)."""
    return f"{alias}.{LINEAGE_COLUMN}" if _has_column(con, table, LINEAGE_COLUMN) else "null"


def _report(con: duckdb.DuckDBPyConnection) -> str:
    """A fact's independent report: its document's canonical document when it is a syndicated copy, else the
    document (also in a warehouse built before copies were linked)."""
    return "coalesce(doc.copy_of, f.document_id)" if _has_column(con, "documents", "copy_of") else "f.document_id"


def _facts(con: duckdb.DuckDBPyConnection, where: str, params: list[Any]) -> list[dict[str, Any]]:
    sql = _FACTS.format(agreements_lineage=_lineage(con, "agreements", "a"),
                        delegations_lineage=_lineage(con, "delegations", "d"), report=_report(con), where=where)
    cursor = con.execute(sql, params)
    columns = [d[0] for d in cursor.description]
    return [{c: jsonable(v) for c, v in zip(columns, row)} for row in cursor.fetchall()]


def _scored(fact: dict[str, Any], previous: set[str] | None) -> dict[str, Any]:
    """The fact with why it is worth a look (`reasons`), its `score`, and its correction stub."""
    confidence = fact["confidence"]
    single, new = fact["sources"] == 1, None if previous is None else fact["fact_id"] not in previous
    reasons = [f"confidence {confidence:.2f}" if confidence is not None else "no confidence"]
    reasons += ["single source"] if single else []
    reasons += ["new since the last run"] if new else []
    score = (WEIGHTS["doubt"] * (1.0 - (confidence if confidence is not None else 0.0))
             + WEIGHTS["single_source"] * single + WEIGHTS["new"] * bool(new))
    fact = fact | {"single_source": single, "new": new, "score": round(score, 6), "reasons": reasons}
    return fact | {"stub": correction_stub(fact)}


def review_queue(con: duckdb.DuckDBPyConnection, limit: int = 20,
                 previous: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """The `limit` facts (agreements and delegations) of the warehouse on `con` most worth a look, highest
    `score` first (ties: lowest confidence, then fact and id, so the list is the same on every call).

    `previous` is the set of fact ids a reviewer has already seen (say those of the previously published
    warehouse): a fact not in it is new and counts as such; None when unknown, and then nothing counts as new.
    Each item holds the fact's id, kind (`fact`), event, document (id and source_path), evidence with its
    offsets, confidence, type, status, date, who (parties, or origin -> host), number of documents reporting
    its event (`sources`: independent reports, a syndicated copy counting as the document it copies),
    `single_source`, `new`, `score`, `reasons` and `stub` (correction_stub).
    """
    seen = None if previous is None else set(previous)
    scored = [_scored(fact, seen) for fact in _facts(con, "f.corrected_by is null", [])]
    scored.sort(key=lambda f: (-f["score"], f["confidence"] if f["confidence"] is not None else -1.0,
                               f["fact"], f["fact_id"]))
    return scored[:max(limit, 0)]


def review_fact(con: duckdb.DuckDBPyConnection, fact_id: str,
                previous: Iterable[str] | None = None) -> dict[str, Any] | None:
    """One agreement or delegation by id, as review_queue gives it (corrected or not); None when there is none."""
    found = _facts(con, "f.fact_id = ?", [fact_id])
    return _scored(found[0], None if previous is None else set(previous)) if found else None


def previous_fact_ids(warehouse: Path) -> set[str] | None:
    """The agreement and delegation ids of the warehouse published before `warehouse` (the newest kept one built
    before it: pipeline/core/history.py), so review_queue can tell what is new; None when none is kept."""
    earlier = previous(warehouse)
    if earlier is None:
        return None
    with duckdb.connect(str(earlier), read_only=True) as con:
        rows = con.execute("select agreement_id from agreements union all select delegation_id from delegations")
        return {row[0] for row in rows.fetchall()}


def format_fact(rank: int, fact: Mapping[str, Any]) -> str:
    """One fact of the queue as a few lines of text: why it is worth a look, what it says, and its evidence."""
    what = " ".join(str(v) for v in (fact["fact_type"], fact["status"], fact["fact_date"]) if v is not None)
    return (f"{rank}. {fact['fact']} {fact['fact_id']} (score {fact['score']:.2f}: {', '.join(fact['reasons'])})\n"
            f"   {what}: {fact['who'] or '?'}\n"
            f"   {fact['source_path']} [{fact['evidence_start']}:{fact['evidence_end']}] \"{fact['evidence']}\"")


def _date_text(value: str | None, precision: str | None) -> str | None:
    """A date as a correction writes it: as precisely as the warehouse has it (2019-11-07, 2019-11, 2019)."""
    if value is None:
        return None
    return {"year": value[:4], "month": value[:7]}.get(precision or "", value[:10])


def stub_id(fact: Mapping[str, Any]) -> str:
    """The id of a fact's correction stub."""
    return f"review-{fact['fact_id']}"


def correction_stub(fact: Mapping[str, Any]) -> str:
    """A `reject` entry naming the fact by id and by anchor (document and evidence), ready to paste under
    `corrections:` and edit, with the fields to `set` instead in a comment, filled with the values the
    warehouse has, so correcting a field is changing one word and one value.

    `fact` needs `fact` (agreement or delegation), `fact_id`, `source_path` and `evidence`, as review_queue
    gives them; `fact_type`, `status`, `fact_date` and `date_precision` fill the commented fields.
    """
    entry = {"id": stub_id(fact), "action": "reject", "kind": fact["fact"],
             "target": {"id": fact["fact_id"], "document": fact["source_path"], "evidence": fact["evidence"]},
             **STUB_PLACEHOLDERS}
    body = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, width=100_000)
    date_field = "signed_on" if fact["fact"] == "agreement" else "visited_on"
    fields = {"agreement_type": fact.get("fact_type") if fact["fact"] == "agreement" else None,
              "status": fact.get("status"), date_field: _date_text(fact.get("fact_date"), fact.get("date_precision"))}
    shown = yaml.safe_dump({k: v for k, v in fields.items() if v is not None}, default_flow_style=True,
                           sort_keys=False, width=100_000).strip()
    hint = ("    # not wrong but inexact? replace `action: reject` by `action: set` and add, edited:\n"
            f"    # fields: {shown}\n")
    return "".join("  " + line + "\n" for line in body.splitlines()) + hint


class StubNotWritten(ValueError):
    """A stub cannot be appended to the corrections file as it is; the message says why."""


def _last_entry_id(text: str) -> Any:
    """The id of the last entry of `corrections:` in the YAML `text`, or None."""
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    entries = document.get("corrections") if isinstance(document, dict) else None
    return entries[-1].get("id") if isinstance(entries, list) and entries and isinstance(entries[-1], dict) else None


def append_stub(path: Path, fact: Mapping[str, Any]) -> int:
    """Append the correction stub of `fact` (as review_fact gives it) to the corrections file at `path`, created
    when missing, commented out: inert until an analyst removes the leading `#` of its lines, and refused on load
    until they fill in its reason and author. The file's text, comments included, is only added to, and the
    corrections it holds (and their digest) stay the same, so a run gives the same warehouse. Returns the line of
    the stub's `- id:`.

    Raises StubNotWritten when the file is not YAML, already has an entry or stub of that id, or would not end
    in its `corrections:` list with the stub once uncommented (a list written in flow style, `[...]`).
    """
    path, name = Path(path), stub_id(fact)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise StubNotWritten(f"{path} is not readable as YAML; fix it first:\n{exc}") from None
    if re.search(rf"^[#\s]*-\s+id:\s+['\"]?{re.escape(name)}['\"]?\s*$", text, re.MULTILINE):
        raise StubNotWritten(f"{path} already has an entry or stub {name}: edit that one")
    head = ("" if not text or text.endswith("\n") else "\n") + ("corrections:\n" if document is None else "")
    # indented under `corrections:` as the shipped file writes it, or not, as a file written `- id:` at the margin
    stub = next((s for s in (fact["stub"], re.sub(r"(?m)^  ", "", fact["stub"]))
                 if _last_entry_id(text + head + s) == name), None)
    if stub is None:
        raise StubNotWritten(f"{path}: the stub, once uncommented, would not be the last entry of its `corrections:` "
                             "list (written in flow style, `[...]`?); paste it by hand")
    note = (f"  # review stub of {fact['fact']} {fact['fact_id']}: remove the leading # of its lines, fill in "
            "reason and author")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as out:
        out.write(head + "\n" + "".join(f"#{line}\n" for line in [note, *stub.splitlines()]))
    return (text + head).count("\n") + 3  # after the blank line and the note


__all__ = ["WEIGHTS", "StubNotWritten", "append_stub", "correction_stub", "format_fact", "previous_fact_ids",
           "review_fact", "review_queue", "stub_id"]
