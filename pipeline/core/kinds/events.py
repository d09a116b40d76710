"""Grouping reports of one real-world event across documents (used by the kinds that have events)."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

from pipeline.core.ids import make_id


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


def group_events(items: list[dict], key: str, groups: Mapping[str, Iterable[str]],
                 same_event: Callable[[dict, dict], bool], prefix: str) -> list[dict]:
    """Set each item's `event_id`: the items (rows with the id column `key`) are compared pairwise within each
    group (`groups`: an id -> the labels of the groups it belongs to, as the kind's `FactKind.event_groups` gives
    them), the pairs `same_event` accepts are joined, and an event's id comes from the smallest id in it.

    Only items that share a group can be one event, so items are compared within their groups only: comparing
    every pair grew with the square of the corpus. For the same reason a run may group again only the items
    linked, through shared groups, to what its changed files touch (pipeline/core/resolve.py)."""
    uf = UnionFind([r[key] for r in items])
    members: dict[str, list[dict]] = defaultdict(list)
    for r in items:
        for label in groups.get(r[key], ()):
            members[label].append(r)
    for group in members.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if same_event(a, b):
                    uf.union(a[key], b[key])
    for r in items:
        r["event_id"] = make_id(prefix, uf.find(r[key]))
    return items
