"""The SVG charts: marks in proportion to the data, a note instead of an empty box, the same bytes each time."""
from __future__ import annotations

import re

from pipeline.analyst import charts
from pipeline.analyst.report import mark_spans


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
    for svg in (charts.stacked_bars("a", "t", [], {}), charts.ranked_bars("b", "t", []),
                charts.matrix("c", "t", ["x"], {})):
        assert 'class="no-data"' in svg and "<rect class=\"bar\"" not in svg and 'class="cell"' not in svg


def test_matrix_draws_each_pair_in_both_triangles_darker_for_more():
    labels = ["Hong Kong & Macao region, a name too long for one row label", "Guangdong", "Bayern, Germany"]
    svg = charts.matrix("m", "t", labels, {(0, 1): (4, "HKU — SYSU: 4"), (0, 0): (1, ""), (1, 2): (1, "")})
    cells = re.findall(r'<rect class="cell" x="([\d.]+)" y="([\d.]+)"[^>]* fill-opacity="([\d.]+)"[^>]*>'
                       r"<title>([^<]*)</title>", svg)
    xs, ys = sorted({float(x) for x, *_ in cells}), sorted({float(y) for _, y, *_ in cells})
    grid = {(ys.index(float(y)), xs.index(float(x))): (float(opacity), title) for x, y, opacity, title in cells}
    assert sorted(grid) == [(0, 0), (0, 1), (1, 0), (1, 2), (2, 1)]  # (row, column): both triangles
    hk = labels[0].replace("&", "&amp;")
    assert grid[(0, 1)] == (1.0, f"{hk} — Guangdong: 4\nHKU — SYSU: 4")
    assert grid[(1, 0)] == (1.0, f"Guangdong — {hk}: 4\nHKU — SYSU: 4")
    assert grid[(1, 2)][0] == grid[(2, 1)][0] < 1.0
    # every label in full on hover, cut short (with an ellipsis) only where it is drawn
    assert svg.count(f"<title>{hk}</title>") == 2 and f"</title>{hk}<" not in svg and "…" in svg
    assert svg == charts.matrix("m", "t", labels, {(1, 2): (1, ""), (0, 0): (1, ""), (0, 1): (4, "HKU — SYSU: 4")})


def test_marked_wraps_spans_and_merges_overlaps():
    assert mark_spans("a <b> c d", [(2, 5), (4, 7), (8, 9)]) == "a <mark>&lt;b&gt; c</mark> <mark>d</mark>"
