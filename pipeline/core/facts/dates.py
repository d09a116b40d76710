"""Dates stated in a sentence, resolved against the publication date.

"today", "yesterday", "on the morning of May 10", "On July 9" (year from the publication date, or
from a year named nearby when the page gives none), "15 May 2018", "In 2017", "In October 2015".
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {m.lower(): n for n, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"], start=1)}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MON = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_PATTERNS = [
    ("dmy", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? {_MON},? (\d{{4}})\b")),
    ("mdy", re.compile(rf"\b{_MON} (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b")),
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("my", re.compile(rf"\b{_MON},? (\d{{4}})\b")),
    ("dm", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? {_MON}\b")),
    ("md", re.compile(rf"\b{_MON} (\d{{1,2}})(?:st|nd|rd|th)?\b(?!,? \d{{4}})")),
    ("rel", re.compile(r"\b(today|yesterday|this morning|this afternoon|tonight|last (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b", re.I)),
    ("rel_period", re.compile(r"\b(next|last|this) (month|year)\b", re.I)),
    ("y", re.compile(r"\b(?:in|In|since|Since|early|late|mid-)\s?((?:19|20)\d{2})\b")),
]


@dataclass(frozen=True)
class FoundDate:
    date: dt.date
    precision: str  # day | month | year
    start: int
    end: int


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str, offset: int, published: dt.date | None, fallback_year: int | None = None) -> list[FoundDate]:
    """Every date in `text` (absolute offsets = offset + local), earliest position first."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    year_hint = published.year if published else fallback_year
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            d, prec = _resolve(kind, m, published, year_hint)
            if d is None:
                continue
            if kind == "y" and m.group(0).lower().startswith("since"):
                continue  # "since 2012" dates a relationship, not an event
            taken.append((m.start(), m.end()))
            found.append(FoundDate(d, prec, offset + m.start(), offset + m.end()))
    return sorted(found, key=lambda f: f.start)


def _resolve(kind, m, published, year_hint):
    g = m.groups()
    if kind == "dmy":
        return _safe(int(g[2]), _MONTHS[g[1].lower()], int(g[0])), "day"
    if kind == "mdy":
        return _safe(int(g[2]), _MONTHS[g[0].lower()], int(g[1])), "day"
    if kind == "iso":
        return _safe(int(g[0]), int(g[1]), int(g[2])), "day"
    if kind == "my":
        return _safe(int(g[1]), _MONTHS[g[0].lower()], 1), "month"
    if kind in ("dm", "md"):
        if year_hint is None:
            return None, None
        day, mon = (int(g[0]), g[1]) if kind == "dm" else (int(g[1]), g[0])
        d = _safe(year_hint, _MONTHS[mon.lower()], day)
        if d and published and d > published + dt.timedelta(days=31):
            d = _safe(year_hint - 1, _MONTHS[mon.lower()], day)  # "on December 28" in a January article
        return d, "day"
    if kind == "rel":
        if published is None:
            return None, None
        w = g[0].lower()
        if w == "yesterday":
            return published - dt.timedelta(days=1), "day"
        if w.startswith("last ") or w.startswith("on "):
            target = _WEEKDAYS.index(w.split()[1])
            delta = (published.weekday() - target) % 7 or (7 if w.startswith("last ") else 0)
            return published - dt.timedelta(days=delta), "day"
        return published, "day"
    if kind == "rel_period":  # "next month", "last year": relative to the publication day
        if published is None:
            return None, None
        step = {"next": 1, "last": -1, "this": 0}[g[0].lower()]
        if g[1].lower() == "year":
            return _safe(published.year + step, 1, 1), "year"
        month = published.month - 1 + step
        return _safe(published.year + month // 12, month % 12 + 1, 1), "month"
    if kind == "y":
        return _safe(int(g[0]), 1, 1), "year"
    return None, None


def year_hint(text: str) -> int | None:
    """A year named in a text, for day-month dates on pages that state no publication date."""
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", text)]
    return max(years) if years else None
