"""Charts as inline SVG text, drawn in Python so the HTML report needs no script and no network.

Three shapes cover the report: stacked vertical bars (a count per category split by a series),
ranked horizontal bars, and a node-link drawing. Every chart is an `<svg>` with a `data-chart`
name, a `<title>` for screen readers, and a "no data" note instead of an empty box. Layouts are
deterministic (no randomness, inputs sorted by the caller), so the same warehouse gives the same
bytes.
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


def _circle_order(nodes: list[str], edges: list[tuple[str, str, int]]) -> list[str]:
    """Nodes in breadth-first order from the best-connected one, component by component, so partners
    sit next to each other on the circle and few links cross it."""
    neighbours: dict[str, list[str]] = {n: [] for n in nodes}
    for a, b, _ in edges:
        neighbours[a].append(b)
        neighbours[b].append(a)
    by_degree = sorted(nodes, key=lambda n: (-len(neighbours[n]), n))
    order, seen = [], set()
    for start in by_degree:
        if start in seen:
            continue
        queue = [start]
        seen.add(start)
        while queue:
            node = queue.pop(0)
            order.append(node)
            for nxt in sorted(neighbours[node], key=lambda n: (-len(neighbours[n]), n)):
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)
    return order


def _ellipse_positions(order: list[str], cx: float, cy: float, rx: float, ry: float) -> dict[str, tuple[float, float, int]]:
    """Clockwise around an ellipse, down the right half and up the left, nodes evenly spaced in
    height (not in angle), so no two labels on one side share a line. Returns x, y and the side (+1/-1)."""
    half = math.ceil(len(order) / 2)
    out = {}
    for i, node in enumerate(order):
        side, k, m = (1, i, half) if i < half else (-1, len(order) - 1 - i, len(order) - half)
        y = cy - ry + 2 * ry * (k + 0.5) / m
        out[node] = (cx + side * rx * math.sqrt(max(0.0, 1 - ((y - cy) / ry) ** 2)), y, side)
    return out


def network(name: str, title: str, nodes: dict[str, tuple[str, int]], edges: list[tuple[str, str, int]]) -> str:
    """Node-link drawing on an ellipse: nodes {id: (label, size)}, edges (a, b, weight).

    Node area grows with `size`, link width with `weight`; labels sit outside the ellipse, to the
    left or right of their node.
    """
    width, row = 960, 26
    height = max(320, row * math.ceil(len(nodes) / 2) + 40)
    if not nodes:
        return _svg(name, title, width, height, _no_data(width, height))
    pos = _ellipse_positions(_circle_order(sorted(nodes), edges), width / 2, height / 2, width / 2 - 240,
                             height / 2 - 20)
    peak = max(size for _, size in nodes.values()) or 1
    body = []
    for a, b, weight in edges:
        (x1, y1, _), (x2, y2, _) = pos[a], pos[b]
        body.append(f'<line class="link" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                    f'stroke="#888" stroke-opacity="0.6" stroke-width="{1 + 1.5 * (weight - 1):.1f}">'
                    f"<title>{escape(nodes[a][0])} — {escape(nodes[b][0])}: {weight}</title></line>")
    for n, (x, y, side) in pos.items():
        label, size = nodes[n]
        r = 4 + 8 * math.sqrt(size / peak)
        lx, anchor = (x + r + 5, "start") if side > 0 else (x - r - 5, "end")
        body.append(f'<circle class="node" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour(0)}" stroke="#fff">'
                    f"<title>{escape(label)}: {size}</title></circle>"
                    f'<text x="{lx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}">{escape(_short(label, 34))}</text>')
    return _svg(name, title, width, height, body)


__all__ = ["network", "ranked_bars", "stacked_bars"]
