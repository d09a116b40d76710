"""The analyst's report: one self-contained HTML file with charts and the newest facts, from a warehouse.

Self-contained means it opens anywhere, offline, forever: the charts are inline SVG drawn in
Python (pipeline/core/charts.py), the style is inline, and there is no script, font or image to
fetch. Each fact shows its evidence sentence and links to its document, whose cleaned text is
included below with the evidence marked, so a reader can check every claim without the
warehouse. The report reads the analysts' views only, so it shows what they see in SQL.
"""
from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

import duckdb

from pipeline.core import charts
from pipeline.core.export import open_read_only

NEWEST_FACTS = 15
NETWORK_NODES = 40  # more labels than this around one circle cannot be read
TOP_REGIONS = 15

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


def regions_chart(con: duckdb.DuckDBPyConnection) -> str:
    # each event has one signing year, so summing over years counts each event once per region
    rows = _rows(con, "SELECT coalesce(region_code, country_code, 'unknown') AS region, min(region_name), "
                      "sum(event_count)::INTEGER AS events FROM agreements_by_region_year "
                      "GROUP BY 1 ORDER BY events DESC, region LIMIT ?", [TOP_REGIONS])
    items = [(f"{code} {name}" if name else code, events, "") for code, name, events in rows]
    return charts.ranked_bars("regions", "Agreement events by region of a party", items)


def network_chart(con: duckdb.DuckDBPyConnection) -> str:
    # full names (cut short when drawn): the acronyms of governments are often too generic, like "SAR"
    top = _rows(con, "SELECT organization_id, coalesce(c.canonical_name, organization_id), "
                     "agreement_event_count FROM organization_connections c WHERE partner_count > 0 "
                     "ORDER BY partner_count DESC, agreement_event_count DESC, organization_id LIMIT ?",
                [NETWORK_NODES])
    nodes = {oid: (label, events) for oid, label, events in top}
    edges = [(a, b, n) for a, b, n in _rows(
        con, "SELECT organization_a_id, organization_b_id, event_count FROM collaboration_network ORDER BY 1, 2")
        if a in nodes and b in nodes]
    return charts.network("collaboration-network", "Organisations that are parties to a common agreement", nodes, edges)


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


def newest_facts_section(con: duckdb.DuckDBPyConnection) -> str:
    facts = _rows(con, "SELECT coalesce(fact_date, reported_on), fact_type, fact_kind, summary, evidence, "
                       "evidence_start, evidence_end, document_id, coalesce(document_title, source_path) "
                       "FROM fact_evidence ORDER BY coalesce(fact_date, reported_on) DESC NULLS LAST, "
                       "fact_type, fact_id, evidence_start LIMIT ?", [NEWEST_FACTS])
    if not facts:
        return '<p class="no-data">No facts yet.</p>'
    rows, spans = [], {}
    for day, fact_type, kind, summary, evidence, start, end, doc_id, doc_title in facts:
        spans.setdefault(doc_id, []).append((start, end))
        rows.append(f'<tr class="fact"><td>{day or "undated"}</td><td>{escape(fact_type)}<br>'
                    f'<small>{escape(kind or "")}</small></td><td>{escape(summary or "")}'
                    f"<blockquote>{escape(evidence)}</blockquote>"
                    f'<a class="source" href="#doc-{escape(doc_id)}">{escape(doc_title)}</a></td></tr>')
    docs = _rows(con, "SELECT document_id, title, source_path, publisher, published_on, clean_text FROM documents "
                      "WHERE document_id IN (SELECT unnest(?)) ORDER BY published_on DESC NULLS LAST, source_path",
                 [list(spans)])
    sections = [f'<section class="document" id="doc-{escape(d)}"><h3>{escape(title or path)}</h3>'
                f'<p class="meta">{escape(path)} · {escape(publisher or "publisher unknown")} · '
                f'{published or "date unknown"}</p><details><summary>Cleaned text, evidence marked</summary>'
                f'<pre class="text">{mark_spans(text, spans[d])}</pre></details></section>'
                for d, title, path, publisher, published, text in docs]
    return ('<table class="facts"><thead><tr><th>date</th><th>fact</th><th>what and evidence</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table><h2>Documents cited above</h2>{''.join(sections)}")


def _counts(con: duckdb.DuckDBPyConnection) -> str:
    (docs, agreements, delegations, labs, orgs), = _rows(
        con, "SELECT (SELECT count(*) FROM documents), (SELECT count(DISTINCT event_id) FROM agreements), "
             "(SELECT count(DISTINCT event_id) FROM delegations), (SELECT count(*) FROM labs), "
             "(SELECT count(*) FROM organizations)")
    items = [(docs, "documents"), (agreements, "agreements"), (delegations, "delegations"), (labs, "labs"),
             (orgs, "organisations")]
    return '<ul class="counts">' + "".join(f"<li><b>{n}</b>{label}</li>" for n, label in items) + "</ul>"


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
            ("Collaboration network", network_chart(con),
             f"Organisations linked when they are parties to a common agreement event (at most {NETWORK_NODES}, "
             "the most connected); a thicker link is more events, a bigger node more agreements."),
            ("Fields of science, by FOS 2007 major area", fields_chart(con),
             "Documents that name a field of the area; the note counts agreement events and labs in it."),
            ("Newest facts, with their evidence", newest_facts_section(con),
             "Agreements, delegations and labs by date (signing or visit date, else the document's date)."),
        ]
        counts = _counts(con)
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


__all__ = ["mark_spans", "render_report", "write_report"]
