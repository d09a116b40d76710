"""The SVG charts: marks in proportion to the data, a note instead of an empty box, the same bytes each time."""
from __future__ import annotations

import re

from pipeline.core import charts
from pipeline.core.report import mark_spans


def heights(svg: str) -> list[float]:
    return [float(h) for h in re.findall(r'<rect class="bar"[^>]* height="([\d.]+)"', svg)]


def test_stacked_bars_split_each_total_into_its_series():
    svg = charts.stacked_bars("c", "t", ["2020", "2021"], {"a": [2, 0], "b": [2, 1]})
    assert svg.startswith('<svg class="chart" data-chart="c"')
    h = heights(svg)
    assert len(h) == 3  # a zero value draws nothing
    assert abs(h[0] + h[1] - 4 * h[2]) < 0.5  # 2020 totals 4, 2021 totals 1


def test_ranked_bars_scale_to_the_largest_and_keep_the_order():
    svg = charts.ranked_bars("r", "t", [("big", 4, ""), ("small", 1, "note")])
    widths = [float(w) for w in re.findall(r'<rect class="bar"[^>]* width="([\d.]+)"', svg)]
    assert widths[0] == 4 * widths[1]
    assert svg.index(">big<") < svg.index(">small<") and "1 · note" in svg


def test_empty_charts_say_so():
    for svg in (charts.stacked_bars("a", "t", [], {}), charts.ranked_bars("b", "t", []), charts.network("c", "t", {}, [])):
        assert 'class="no-data"' in svg and "<rect class=\"bar\"" not in svg


def test_network_is_deterministic_and_draws_every_node_and_link():
    nodes = {"x": ("X & Co", 2), "y": ("Y", 1), "z": ("Z", 1)}
    edges = [("x", "y", 2), ("x", "z", 1)]
    svg = charts.network("n", "t", nodes, edges)
    assert svg == charts.network("n", "t", dict(reversed(list(nodes.items()))), edges)
    assert svg.count('class="node"') == 3 and svg.count('class="link"') == 2
    assert "X &amp; Co" in svg


def test_marked_wraps_spans_and_merges_overlaps():
    assert mark_spans("a <b> c d", [(2, 5), (4, 7), (8, 9)]) == "a <mark>&lt;b&gt; c</mark> <mark>d</mark>"
