"""Charts as inline SVG text, drawn in Python so the HTML report needs no script and no network.

Three shapes cover the report: stacked vertical bars (a count per category split by a series),
ranked horizontal bars, and a symmetric heat map (a count per pair of categories). Every chart is
an `<svg>` with a `data-chart` name, a `<title>` for screen readers, and a "no data" note instead
of an empty box. Layouts are deterministic (no randomness, inputs sorted by the caller), so the
same warehouse gives the same bytes.
"""
from __future__ import annotations

import math
from html import escape

PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#bab0ac")
FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def colour(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


def _svg(name: str, title: str, width: int, height: int, body: list[str]) -> str:
    return (f'<svg class="chart" data-chart="{escape(name)}" role="img" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg" {FONT}>'
            f"<title>{escape(title)}</title>{''.join(body)}</svg>")


def _no_data(width: int, height: int) -> list[str]:
    return [f'<text class="no-data" x="{width / 2}" y="{height / 2}" text-anchor="middle" fill="#666">no data</text>']


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def stacked_bars(name: str, title: str, categories: list[str], series: dict[str, list[int]]) -> str:
    """One vertical bar per category, split into one coloured segment per series, with a legend."""
    width, height, left, bottom, top = 820, 340, 44, 36, 16
    legend_width = 250
    plot_w, plot_h = width - left - legend_width, height - top - bottom
    totals = [sum(values[i] for values in series.values()) for i in range(len(categories))]
    if not categories or not any(totals):
        return _svg(name, title, width, height, _no_data(width, height))
    peak = max(totals)
    band = plot_w / len(categories)
    bar = min(band * 0.7, 60)
    body = [f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#999"/>']
    for tick in sorted({0, math.ceil(peak / 2), peak}):
        y = top + plot_h - plot_h * tick / peak
        body.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555">{tick}</text>'
                    f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#eee"/>')
    for i, category in enumerate(categories):
        x, base = left + band * i + (band - bar) / 2, top + plot_h
        for s, (label, values) in enumerate(series.items()):
            if not values[i]:
                continue
            h = plot_h * values[i] / peak
            base -= h
            body.append(f'<rect class="bar" x="{x:.1f}" y="{base:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                        f'fill="{colour(s)}"><title>{escape(category)}, {escape(label)}: {values[i]}</title></rect>')
        body.append(f'<text x="{x + bar / 2:.1f}" y="{top + plot_h + 16}" text-anchor="middle">{escape(category)}</text>'
                    f'<text x="{x + bar / 2:.1f}" y="{base - 4:.1f}" text-anchor="middle" fill="#333">{totals[i]}</text>')
    for s, label in enumerate(series):
        y = top + 8 + s * 18
        body.append(f'<rect x="{width - legend_width + 12}" y="{y - 9}" width="12" height="12" fill="{colour(s)}"/>'
                    f'<text class="legend" x="{width - legend_width + 30}" y="{y + 1}">{escape(label)}</text>')
    return _svg(name, title, width, height, body)


def ranked_bars(name: str, title: str, items: list[tuple[str, int, str]]) -> str:
    """Horizontal bars, one per (label, value, note), in the given order (the caller ranks them)."""
    label_w, bar_w, note_w, row = 260, 380, 180, 22
    width, height = label_w + bar_w + note_w, max(row * len(items) + 12, 60)
    if not items or not any(v for _, v, _ in items):
        return _svg(name, title, width, height, _no_data(width, height))
    peak = max(v for _, v, _ in items)
    body = []
    for i, (label, value, note) in enumerate(items):
        y, w = 6 + i * row, bar_w * value / peak
        body.append(f'<text x="{label_w - 8}" y="{y + 14}" text-anchor="end">{escape(_short(label, 40))}</text>'
                    f'<rect class="bar" x="{label_w}" y="{y + 2}" width="{w:.1f}" height="{row - 6}" fill="{colour(0)}">'
                    f"<title>{escape(label)}: {value}</title></rect>"
                    f'<text x="{label_w + w + 6:.1f}" y="{y + 14}" fill="#333">{value}'
                    f'{(" · " + escape(note)) if note else ""}</text>')
    return _svg(name, title, width, height, body)


def matrix(name: str, title: str, labels: list[str], cells: dict[tuple[int, int], tuple[int, str]]) -> str:
    """A symmetric heat map: one row and one column per label, in the given order; `cells` maps
    (i, j), i <= j, to (count, note) and is drawn in both triangles, darker for a larger count.

    A grid of named rows and columns shows who works with whom at a glance, where a node-link
    drawing of many nodes turns into a hairball or a list; the count is written in each cell, and
    the cell's <title> (shown on hover) names both labels in full and adds the note.
    """
    cell, label_w, head_h = 24, 230, 130
    n = len(labels)
    width, height = label_w + cell * n + head_h, head_h + cell * n + 8  # the slanted heads reach right
    if not cells or not any(count for count, _ in cells.values()):
        width, height = max(width, 400), max(height, 120)
        return _svg(name, title, width, height, _no_data(width, height))
    peak = max(count for count, _ in cells.values())
    body = []
    for i, label in enumerate(labels):
        y, x = head_h + cell * i, label_w + cell * i
        body.append(f'<text class="row-label" x="{label_w - 6}" y="{y + cell / 2 + 4:.1f}" text-anchor="end">'
                    f"<title>{escape(label)}</title>{escape(_short(label, 34))}</text>"
                    f'<text class="column-label" transform="translate({x + cell / 2 + 4:.1f},{head_h - 6}) rotate(-50)">'
                    f"<title>{escape(label)}</title>{escape(_short(label, 24))}</text>")
    for i in range(n):
        for j in range(n):
            count, note = cells.get((min(i, j), max(i, j)), (0, ""))
            x, y = label_w + cell * j, head_h + cell * i
            if not count:
                body.append(f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" fill="#f5f6f8" stroke="#fff"/>')
                continue
            share = math.sqrt(count / peak)  # a single event stays visible beside a busy pair
            hover = f"{labels[i]} — {labels[j]}: {count}" + (f"\n{note}" if note else "")
            body.append(f'<rect class="cell" x="{x}" y="{y}" width="{cell}" height="{cell}" fill="{colour(0)}" '
                        f'fill-opacity="{0.1 + 0.9 * share:.2f}" stroke="#fff"><title>{escape(hover)}</title></rect>'
                        f'<text x="{x + cell / 2}" y="{y + cell / 2 + 4}" text-anchor="middle" font-size="10" '
                        f'fill="{"#fff" if share > 0.5 else "#222"}" pointer-events="none">{count}</text>')
    return _svg(name, title, width, height, body)


__all__ = ["matrix", "ranked_bars", "stacked_bars"]
