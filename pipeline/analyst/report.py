"""The analyst's report: one self-contained HTML file with charts and the newest facts, from a warehouse.

Self-contained means it opens anywhere, offline, forever: the charts are inline SVG drawn in
Python (pipeline/analyst/charts.py), the style is inline, and there is no script, font or image to
fetch. Each fact shows its evidence sentence and links to its document, whose cleaned text is
included below with the evidence marked, so a reader can check every claim without the
warehouse. The report reads the analysts' views, so it shows what they see in SQL; the review queue and the
corrections' summary read the tables (pipeline/core/review.py), as `python -m pipeline review` does.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from html import escape
from pathlib import Path

import duckdb
import pycountry

from pipeline.analyst import charts
from pipeline.analyst.export import open_read_only
from pipeline.core.corrections import LINEAGE_TABLES
from pipeline.core.language_table import is_unread, language_table
from pipeline.core.reference import DEFAULT_REFERENCE_DIR, load_rulebook
from pipeline.core.review import previous_fact_ids, review_queue

NEWEST_FACTS = 15
REVIEW_FACTS = 10  # facts of the review queue the report lists
MATRIX_REGIONS = 20  # rows and columns of the region-by-region matrix; the rest are "other regions"
PAIRS_ON_HOVER = 6  # organisation pairs a matrix cell lists
TOP_REGIONS = 15
OTHER, UNKNOWN = "other", "unknown"

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1000px; color: #222; padding: 0 1rem; }
h1 { margin-bottom: 0.2rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
.meta { color: #666; } .counts { display: flex; gap: 1rem; flex-wrap: wrap; padding: 0; }
.counts li { list-style: none; background: #f3f5f8; border-radius: 6px; padding: 0.5rem 0.9rem; }
.counts b { display: block; font-size: 1.4rem; } svg.chart { max-width: 100%; height: auto; }
table.facts { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
table.facts td, table.facts th { border-top: 1px solid #e5e5e5; padding: 0.4rem; vertical-align: top; text-align: left; }
blockquote { margin: 0.3rem 0; padding-left: 0.6rem; border-left: 3px solid #4e79a7; color: #333; }
pre.text { white-space: pre-wrap; background: #fafafa; padding: 0.8rem; font-size: 0.85rem; }
mark { background: #ffe58a; } .document { margin-bottom: 1.2rem; }
"""


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[tuple]:
    return con.execute(sql, params or []).fetchall()


def agreements_per_year_chart(con: duckdb.DuckDBPyConnection) -> str:
    rows = _rows(con, "SELECT coalesce(CAST(year(signed_on) AS VARCHAR), 'undated'), coalesce(agreement_type, 'other'), "
                      "count(*) FROM agreement_events GROUP BY ALL")
    years = sorted({r[0] for r in rows}, key=lambda y: (y == "undated", y))
    types = sorted({r[1] for r in rows})
    counts = {(y, t): n for y, t, n in rows}
    series = {t: [counts.get((y, t), 0) for y in years] for t in types}
    return charts.stacked_bars("agreements-per-year", "Agreement events per year of signing, by type", years, series)


@functools.lru_cache(maxsize=1)
def _place_names() -> dict[str, str]:
    """Country and Chinese provincial-level region codes -> the names the project's reference data gives them
    (a report names regions the same way whichever rules built the warehouse)."""
    reference = load_rulebook(DEFAULT_REFERENCE_DIR)
    names = {p.country_code: p.name for p in reference.places if p.place_type == "country" and p.country_code}
    return {**names, **{code: name for code, name in reference.region_names.items() if code.startswith("CN-")}}


def _languages():
    """The languages the project's extractors read (the report names them as its own reference does)."""
    return language_table(load_rulebook(DEFAULT_REFERENCE_DIR))


def region_name(code: str) -> str:
    """A readable name for a party's region: an ISO 3166-2 region (CN-HK "Hong Kong", DE-BY "Bayern,
    Germany"), an ISO 3166-1 country ("Singapore"), or the report's own OTHER and UNKNOWN buckets.

    Chinese provinces and countries take the reference data's English names; other subdivisions
    pycountry's, with their country, so a region abroad is placed at a glance.
    """
    if code in (OTHER, UNKNOWN):
        return {OTHER: "other regions", UNKNOWN: "region unknown"}[code]
    names = _place_names()
    if code in names:
        return names[code]
    subdivision = pycountry.subdivisions.get(code=code)
    if subdivision is None:
        return code
    local = re.sub(r"\s*\[.*?\]$", "", subdivision.name)  # "Stockholms län [SE-01]"
    return f"{local}, {names.get(subdivision.country_code, subdivision.country_code)}"


def region_label(code: str) -> str:
    """The region's name with its code, "Hong Kong (CN-HK)", so the two can be matched to the views."""
    return region_name(code) if code in (OTHER, UNKNOWN) else f"{region_name(code)} ({code})"


def regions_chart(con: duckdb.DuckDBPyConnection) -> str:
    # each event has one signing year, so summing over years counts each event once per region
    rows = _rows(con, f"SELECT coalesce(region_code, country_code, '{UNKNOWN}') AS region, "
                      "sum(event_count)::INTEGER AS events FROM agreements_by_region_year "
                      "GROUP BY 1 ORDER BY events DESC, region LIMIT ?", [TOP_REGIONS])
    items = [(region_label(code), events, "") for code, events in rows]
    return charts.ranked_bars("regions", "Agreement events by region of a party", items)


def collaboration_matrix(con: duckdb.DuckDBPyConnection) -> str:
    """Agreement events per pair of regions of their parties, the organisation pairs behind each on hover.

    The MATRIX_REGIONS regions with most such events get a row and a column each, the rest share
    "other regions"; an event counts once per pair of regions, however many organisation pairs it links.
    """
    rows = _rows(con, f"""
        WITH org AS (SELECT organization_id, coalesce(canonical_name, organization_id) AS name,
                            coalesce(region_code, country_code, '{UNKNOWN}') AS region
                     FROM organization_connections)
        SELECT a.region, b.region, a.name, b.name, n.event_count, n.event_ids
        FROM collaboration_network n
        JOIN org a ON a.organization_id = n.organization_a_id
        JOIN org b ON b.organization_id = n.organization_b_id
        ORDER BY n.event_count DESC, a.name, b.name""")
    events_of_region: dict[str, set[str]] = defaultdict(set)
    for region_a, region_b, *_, event_ids in rows:
        events_of_region[region_a].update(event_ids)
        events_of_region[region_b].update(event_ids)
    ranked = sorted(events_of_region, key=lambda r: (-len(events_of_region[r]), region_name(r)))
    shown = ranked[:MATRIX_REGIONS] + ([OTHER] if len(ranked) > MATRIX_REGIONS else [])
    position = {region: i for i, region in enumerate(shown)}
    index = {region: position.get(region, position.get(OTHER)) for region in ranked}
    events: dict[tuple[int, int], set[str]] = defaultdict(set)
    pairs: dict[tuple[int, int], list[str]] = defaultdict(list)
    for region_a, region_b, name_a, name_b, count, event_ids in rows:
        if index[region_a] > index[region_b]:  # name each pair in the order of its cell's row and column
            region_a, region_b, name_a, name_b = region_b, region_a, name_b, name_a
        key = (index[region_a], index[region_b])
        events[key].update(event_ids)
        pairs[key].append(f"{name_a} — {name_b}: {count}")
    cells = {key: (len(ids), _first_pairs(pairs[key])) for key, ids in events.items()}
    return charts.matrix("region-collaboration", "Agreement events between the regions of their parties",
                         [region_label(r) for r in shown], cells)


def _first_pairs(pairs: list[str]) -> str:
    """The first PAIRS_ON_HOVER organisation pairs, one a line, and how many more there are."""
    more = [f"… and {len(pairs) - PAIRS_ON_HOVER} more pairs"] if len(pairs) > PAIRS_ON_HOVER else []
    return "\n".join(pairs[:PAIRS_ON_HOVER] + more)


def fields_chart(con: duckdb.DuckDBPyConnection) -> str:
    rows = _rows(con, "SELECT major_id, major_label, document_count, agreement_event_count, lab_count "
                      "FROM fields_by_major_area ORDER BY document_count DESC, major_id")
    items = [(f"{major} {label}", docs, f"{agreements} agreements, {labs} labs")
             for major, label, docs, agreements, labs in rows]
    return charts.ranked_bars("fields", "Documents naming a field, by FOS 2007 major area", items)


def mark_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """The text, escaped, with every (start, end) span inside a <mark>; overlapping spans share one."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, pos = [], 0
    for start, end in merged:
        out += [escape(text[pos:start]), "<mark>", escape(text[start:end]), "</mark>"]
        pos = end
    return "".join(out) + escape(text[pos:])


def original_link(url: str | None) -> str:
    """A link to where the document was published, when known (a link fetches nothing until followed)."""
    if not url or not url.lower().startswith(("http://", "https://")):
        return ""
    return f' · <a class="original" href="{escape(url)}" rel="noreferrer">original</a>'


def newest_facts_section(con: duckdb.DuckDBPyConnection) -> str:
    facts = _rows(con, "SELECT coalesce(fact_date_text, reported_on_text), fact_type, fact_kind, summary, evidence, "
                       "evidence_start, evidence_end, document_id, coalesce(document_title, source_path), "
                       "source_url "
                       "FROM fact_evidence ORDER BY coalesce(fact_date, reported_on) DESC NULLS LAST, "
                       "fact_type, fact_id, evidence_start LIMIT ?", [NEWEST_FACTS])
    if not facts:
        return '<p class="no-data">No facts yet.</p>'
    rows, spans = [], {}
    for day, fact_type, kind, summary, evidence, start, end, doc_id, doc_title, url in facts:
        spans.setdefault(doc_id, []).append((start, end))
        rows.append(f'<tr class="fact"><td>{day or "undated"}</td><td>{escape(fact_type)}<br>'
                    f'<small>{escape(kind or "")}</small></td><td>{escape(summary or "")}'
                    f"<blockquote>{escape(evidence)}</blockquote>"
                    f'<a class="source" href="#doc-{escape(doc_id)}">{escape(doc_title)}</a>{original_link(url)}'
                    "</td></tr>")
    docs = _rows(con, "SELECT document_id, title, source_path, publisher, "
                      "date_text(published_on, published_on_precision), clean_text, source_url "
                      "FROM documents "
                      "WHERE document_id IN (SELECT unnest(?)) ORDER BY published_on DESC NULLS LAST, source_path",
                 [list(spans)])
    sections = [f'<section class="document" id="doc-{escape(d)}"><h3>{escape(title or path)}</h3>'
                f'<p class="meta">{escape(path)}{original_link(url)} · {escape(publisher or "publisher unknown")} · '
                f'{published or "date unknown"}</p><details><summary>Cleaned text, evidence marked</summary>'
                f'<pre class="text">{mark_spans(text, spans[d])}</pre></details></section>'
                for d, title, path, publisher, published, text, url in docs]
    return ('<table class="facts"><thead><tr><th>date</th><th>fact</th><th>what and evidence</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table><h2>Documents cited above</h2>{''.join(sections)}")


def review_section(con: duckdb.DuckDBPyConnection, previous: set[str] | None) -> str:
    """The review queue (pipeline/core/review.py), as `python -m pipeline review` lists it: the facts most worth
    a look, with why, their evidence and the command that appends a correction stub for each to the corrections
    file (commented out, so inert until an analyst fills it in)."""
    queue = review_queue(con, REVIEW_FACTS, previous)
    if not queue:
        return '<p class="no-data">Nothing to review.</p>'
    rows = [f'<tr class="review"><td>{escape(f["fact"])}<br><small>{escape(f["fact_id"])}</small></td>'
            f'<td>{escape(", ".join(f["reasons"]))}</td><td>{escape(f["who"] or "?")}'
            f'<blockquote>{escape(f["evidence"])}</blockquote><small>{escape(f["source_path"])} · '
            f'<code>python -m pipeline review --stub {escape(f["fact_id"])} --write</code></small></td></tr>'
            for f in queue]
    return ('<table class="facts"><thead><tr><th>fact</th><th>why</th><th>what and evidence</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def corrections_section(con: duckdb.DuckDBPyConnection) -> str:
    """What the analysts' corrections changed in this warehouse, and those that no longer apply."""
    applied = _rows(con, "SELECT action, count(*) FROM corrections_applied GROUP BY 1 ORDER BY 1")
    (corrected,), = _rows(con, "SELECT " + " + ".join(f"(SELECT count(*) FROM {table} WHERE corrected_by IS NOT NULL)"
                                          for table in LINEAGE_TABLES))
    stale = _rows(con, "SELECT record->>'id', errors FROM rejected_records WHERE table_name = 'corrections' "
                       "ORDER BY 1")
    done = ", ".join(f"{n} {action}" for action, n in applied) or "none"
    items = "".join(f"<li><code>{escape(cid or '?')}</code>: {escape(errors)}</li>" for cid, errors in stale)
    return (f'<p class="corrections">Corrections applied: {escape(done)}; rows they changed or added: {corrected}.'
            f" Stale corrections (their record is gone; fix or remove them): {len(stale)}.</p>"
            + (f'<ul class="stale">{items}</ul>' if items else ""))


def _counts(con: duckdb.DuckDBPyConnection) -> str:
    (docs, agreements, delegations, labs, orgs), = _rows(
        con, "SELECT (SELECT count(*) FROM documents), (SELECT count(DISTINCT event_id) FROM agreements), "
             "(SELECT count(DISTINCT event_id) FROM delegations), (SELECT count(*) FROM labs), "
             "(SELECT count(*) FROM organizations)")
    items = [(docs, "documents"), (agreements, "agreements"), (delegations, "delegations"), (labs, "labs"),
             (orgs, "organisations")]
    return '<ul class="counts">' + "".join(f"<li><b>{n}</b>{label}</li>" for n, label in items) + "</ul>"


def unread_language_note(con: duckdb.DuckDBPyConnection) -> str:
    """How many documents are in a language the extractors do not read, by language: they yield no facts."""
    rows = [(language, n) for language, n in _rows(con, "SELECT language, count(*) FROM documents GROUP BY 1 "
                                                        "ORDER BY 2 DESC, 1") if is_unread(language, _languages())]
    detail = f" ({', '.join(f'{language}: {n}' for language, n in rows)})" if rows else ""
    return (f'<p class="meta unread-language">Documents in a language the extractors do not read, so no facts '
            f"come from them: {sum(n for _, n in rows)}{escape(detail)}.</p>")


def render_report(warehouse: Path, generated_at: dt.datetime | None = None) -> str:
    """The report of `warehouse` as one HTML document (raises WarehouseMissing when it is absent)."""
    generated_at = generated_at or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    con = open_read_only(warehouse)
    try:
        parts = [
            ("Agreements per year, by type", agreements_per_year_chart(con),
             "Agreement events (one per real-world agreement), by the year of their earliest signing date."),
            ("Regions", regions_chart(con),
             f"The {TOP_REGIONS} regions (ISO 3166-2, else the country) whose organisations are parties to the "
             "most agreement events; an event with parties in two regions counts in both."),
            ("Who works with whom, by region", collaboration_matrix(con),
             f"Agreement events with parties in both regions (the {MATRIX_REGIONS} regions with most, the rest as "
             "\"other regions\"); the diagonal counts events between organisations of one region. Hover over a "
             "cell for the organisations."),
            ("Fields of science, by FOS 2007 major area", fields_chart(con),
             "Documents that name a field of the area, a syndicated copy counting as the document it copies; the "
             "note counts agreement events and labs in it."),
            ("Newest facts, with their evidence", newest_facts_section(con),
             "Agreements, delegations and labs by date (signing or visit date, else the document's date)."),
            ("Worth a look: the review queue", review_section(con, previous_fact_ids(warehouse)),
             "The agreements and delegations an analyst should check first: lowest confidence, a single source, new "
             "since the previous warehouse; facts a correction already changed are left out."),
            ("Analysts' corrections", corrections_section(con),
             "Corrections (corrections/corrections.yaml) are applied on every run before validation; each row they "
             "changed or added names them in its corrected_by column, and corrections_applied says what changed."),
        ]
        counts = _counts(con) + unread_language_note(con)
    finally:
        con.close()
    body = "".join(f"<section><h2>{escape(h)}</h2><p class=\"meta\">{escape(note)}</p>{content}</section>"
                   for h, content, note in parts)
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>Cooperation warehouse report</title><style>{STYLE}</style></head><body>"
            f"<h1>Science and technology cooperation</h1><p class=\"meta\">Report of {escape(str(warehouse))}, "
            f"generated {generated_at.isoformat()}.</p>{counts}{body}</body></html>\n")


def write_report(warehouse: Path, out: Path) -> Path:
    """Render the report of `warehouse` into `out` (its folder is created); returns `out`."""
    html = render_report(warehouse)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    return out


__all__ = ["corrections_section", "mark_spans", "original_link", "render_report", "review_section",
           "unread_language_note", "write_report"]
