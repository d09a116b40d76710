"""Grouping reports of one real-world event across documents (used by the kinds that have events)."""
from __future__ import annotations


class UnionFind:
    """Disjoint sets of ids; the representative of a set is its smallest id, so grouping is order-free."""

    def __init__(self, keys):
        self.parent = {k: k for k in keys}

    def find(self, k):
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def dates_compatible(a: dict, b: dict, date_col: str, prec_col: str) -> bool:
    """Two reports' dates can be one event's: both unknown, within three days when both give the day,
    else the same year."""
    da, db = a.get(date_col), b.get(date_col)
    if da is None or db is None:
        return da is None and db is None
    if a.get(prec_col) == b.get(prec_col) == "day":
        return abs((da - db).days) <= 3
    return da.year == db.year
