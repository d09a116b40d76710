"""Dates stated in a sentence, resolved against the publication date.

"today", "yesterday", "on the morning of May 10", "On July 9" (year from the publication date, or
from a year named nearby when the page gives none), "15 May 2018", "In 2017", "In October 2015",
"the 13th of April", day ranges ("12-14 May 2019", "13th to 17th of April", "From October 16th to 24th": the first day), a month alone ("in April",
"last June": the latest such month on or before the publication date unless the sentence looks ahead),
"today (20th)" (that day of the publication month, or of the month of a dateline before it), "that year" /
"the same year" (the last year named before it).
A date that labels the page ("date 2019-01-27", "Published on 3 May 2020") or stands in a dateline
("MACAU, October 21 -") dates the page: it is kept but marked, so a fact can prefer a date of its own.
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

_ORD = r"(?:st|nd|rd|th)?"
_TO = r"\s*(?:-|–|—|to|and|until|till)\s*"
_PATTERNS = [
    ("range_dmy", re.compile(rf"\b(\d{{1,2}}){_ORD}{_TO}\d{{1,2}}{_ORD} (?:of )?{_MON},? (\d{{4}})\b")),
    ("range_mdy", re.compile(rf"\b{_MON} (\d{{1,2}}){_ORD}{_TO}(?:{_MON} )?\d{{1,2}}{_ORD},? (\d{{4}})\b")),
    ("range_dm", re.compile(rf"\b(\d{{1,2}}){_ORD}{_TO}\d{{1,2}}{_ORD} (?:of )?{_MON}\b(?!,? \d{{4}})")),
    ("dmy", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{_MON},? (\d{{4}})\b")),
    ("mdy", re.compile(rf"\b{_MON} (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b")),
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("my", re.compile(rf"\b{_MON},? (\d{{4}})\b")),
    ("dm", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{_MON}\b")),
    ("md", re.compile(rf"\b{_MON} (\d{{1,2}})(?:st|nd|rd|th)?\b(?!,? \d{{4}})")),
    ("day_paren", re.compile(r"\b(?:today|yesterday|tonight|this morning|this afternoon)\s*\((\d{1,2})(?:st|nd|rd|th)?\)",
                             re.I)),
    ("rel", re.compile(r"\b(today|yesterday|this morning|this afternoon|tonight|last (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b", re.I)),
    ("rel_period", re.compile(r"\b(next|last|this) (month|year)\b", re.I)),
    ("mon", re.compile(rf"\b(in|In|during|During|last|Last|this|This|early|Early|late|Late|mid-|Mid-|since|Since)"
                       rf"\s?{_MON}(?![\w-])(?!,?\s*\d)")),
    ("y", re.compile(r"\b(?:in|In|since|Since|early|late|mid-)\s?((?:19|20)\d{2})\b")),
    ("that_year", re.compile(r"\b(?:that|the same) year\b", re.I)),
]

# Every pattern but these needs a digit: a sentence without one (most) is searched for these only.
_WORD_KINDS = ("rel", "rel_period", "mon", "that_year")
_DIGIT = re.compile(r"\d")
# Many patterns need a month's name (`_MON`, written with its capital): a sentence that names no month skips them.
_A_MONTH = re.compile(_MON)
# The patterns to search, by whether the sentence has a digit and whether it names a month.
_PATTERNS_FOR = {(digit, month): [(kind, rx) for kind, rx in _PATTERNS
                                  if (digit or kind in _WORD_KINDS) and (month or _MON not in rx.pattern)]
                 for digit in (False, True) for month in (False, True)}
# Strings, lower case, one of which every match of these patterns holds: an ASCII sentence without any (most) is not
# searched for them. They ignore case and open with a word bound, so the engine tries them at every character; every
# day of the week ends in "day". (Only on ASCII text: ignoring case, "ſ" matches "s" and the Kelvin sign "k".)
_NEEDS = {"rel": ("day", "this morning", "this afternoon", "tonight"), "rel_period": ("month", "year"), "that_year": ("year",)}


@dataclass(frozen=True)
class FoundDate:
    date: dt.date
    precision: str  # day | month | year
    start: int
    end: int
    dateline: bool = False  # a page label or dateline ("date 2019-01-27", "MACAU, October 21 -")


# A page label before a date: the page's date, not the news's ("date 2019-01-27", "Published on 3 May").
_LABEL_BEFORE = re.compile(r"(?:^|\n|\s)(?:date|published(?: on)?|posted(?: on)?|updated(?: on)?|release date|"
                           r"publication date|time)\s*:?\s*$", re.I)
# "BEIJING, June 3 (Xinhua) --", "MACAU, October 21 -": a capitalised place, a comma, the date, a dash.
_DATELINE_BEFORE = re.compile(r"\b[A-Z][A-Z .'’-]{2,40},\s*$")
_DATELINE_AFTER = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?(?:--|—|–|-)\s")
# A sentence that looks ahead: "in September" then is the coming September.
_AHEAD = re.compile(r"\b(?:will|shall|plans?|planned|to be|next|upcoming|scheduled|expected|due to)\b", re.I)
# Years that date a relationship or a target, not an event: no year hint for a day and month.
_NOT_EVENT_YEAR = re.compile(r"\b(?:since|until|till|by|before|founded in|established in|set up in|from)\s+$", re.I)


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str, offset: int, published: dt.date | None, fallback_year: int | None = None,
               prior_year: int | None = None, precision: str = "day") -> list[FoundDate]:
    """Every date in `text` (absolute offsets = offset + local), earliest position first.

    `prior_year`: the last year the document names before `text`, for "that year" / "the same year".
    `precision`: how far `published` is known (of a page dated to the month or year, it is the last day it may
    be: extract.latest_day); a date counted from it ("yesterday", "last Tuesday", "last month") is known no
    better."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    year_hint = published.year if published else fallback_year
    low = text.lower() if text.isascii() else None
    for kind, rx in _PATTERNS_FOR[_DIGIT.search(text) is not None, _A_MONTH.search(text) is not None]:
        if low is not None and kind in _NEEDS and not any(need in low for need in _NEEDS[kind]):
            continue
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if kind in ("y", "mon") and m.group(0).lower().startswith("since"):
                continue  # "since 2012" dates a relationship, not an event
            if kind == "day_paren":
                before = [f for f in found if f.start < offset + m.start()]
                anchor = published or (max(before, key=lambda f: f.start).date if before else None)
                d, prec = _day_of_month(anchor, int(m.group(1))), "day"
            elif kind == "that_year":  # the last year named before it, in the sentence or the document
                years = _YEAR.findall(text, 0, m.start())
                year = int(years[-1]) if years else prior_year
                d, prec = (_safe(year, 1, 1), "year") if year else (None, None)
            elif kind == "mon":
                d, prec = _month_alone(m, published, year_hint, bool(_AHEAD.search(text)))
            else:
                d, prec = _resolve(kind, m, published, year_hint, precision)
            if d is None:
                continue
            taken.append((m.start(), m.end()))
            dateline = bool(_LABEL_BEFORE.search(text[max(0, m.start() - 30):m.start()])  # "date 2019-01-27"
                            or _DATELINE_BEFORE.search(text[max(0, m.start() - 45):m.start()])
                            and _DATELINE_AFTER.match(text, m.end()))
            found.append(FoundDate(d, prec, offset + m.start(), offset + m.end(), dateline))
    return sorted(found, key=lambda f: f.start)


# The patterns whose dates are counted from the publication day, and the precisions from finest to coarsest
_COUNTED_FROM_PUBLICATION = ("rel", "rel_period")
_PRECISIONS = ("day", "month", "year")


def _coarsened(d: dt.date, prec: str, precision: str) -> tuple[dt.date, str]:
    """`d` known to `prec`, or to `precision` when that is coarser: the first day of its month or year."""
    if precision not in _PRECISIONS or _PRECISIONS.index(prec) >= _PRECISIONS.index(precision):
        return d, prec
    return (d.replace(day=1), "month") if precision == "month" else (dt.date(d.year, 1, 1), "year")


def _day_of_month(anchor: dt.date | None, day: int) -> dt.date | None:
    """'today (20th)': that day of the anchor's month, or of the month before when it lies ahead of the anchor."""
    if anchor is None:
        return None
    d = _safe(anchor.year, anchor.month, day)
    if d is not None and d > anchor:
        prev = anchor.replace(day=1) - dt.timedelta(days=1)
        d = _safe(prev.year, prev.month, day)
    return d


def _month_alone(m, published, year_hint, ahead: bool):
    """'in April', 'last June', 'this March': the month, in the publication year or the one before."""
    cue, month = m.group(1).lower().rstrip("-"), _MONTHS[m.group(2).lower()]
    if published is None:
        return (_safe(year_hint, month, 1), "month") if year_hint else (None, None)
    year = published.year
    if cue == "last":
        year -= 1 if month >= published.month else 0
    elif cue != "this" and month > published.month and not ahead:
        year -= 1  # "in November" in a March report of what happened
    return _safe(year, month, 1), "month"


def _resolve(kind, m, published, year_hint, precision):
    """The date a match of the pattern `kind` names, and its precision ((None, None) when it names none); one
    counted from the publication day is known no better than that day (`precision`)."""
    d, prec = _RESOLVERS[kind](m.groups(), published, year_hint)
    if kind in _COUNTED_FROM_PUBLICATION and d is not None:
        return _coarsened(d, prec, precision)
    return d, prec


def _day_month_year(g, published, year_hint):
    """'15 May 2018', '12-14 May 2019' (the first day)."""
    return _safe(int(g[2]), _MONTHS[g[1].lower()], int(g[0])), "day"


def _month_day_year(g, published, year_hint):
    """'May 15, 2018', 'October 16th to 24th, 2019' (the first day)."""
    return _safe(int(g[-1]), _MONTHS[g[0].lower()], int(g[1])), "day"


def _iso(g, published, year_hint):
    """'2019-01-27'."""
    return _safe(int(g[0]), int(g[1]), int(g[2])), "day"


def _month_year(g, published, year_hint):
    """'October 2015'."""
    return _safe(int(g[1]), _MONTHS[g[0].lower()], 1), "month"


def _day_month(g, published, year_hint):
    """'15 May', '12-14 May' (the first day)."""
    return _day_without_year(int(g[0]), g[1], published, year_hint)


def _month_day(g, published, year_hint):
    """'On July 9'."""
    return _day_without_year(int(g[1]), g[0], published, year_hint)


def _day_without_year(day: int, mon: str, published, year_hint):
    """A day and month in the hinted year, or in the year before when that puts it more than a month after the
    publication day ("on December 28" in a January article)."""
    if year_hint is None:
        return None, None
    d = _safe(year_hint, _MONTHS[mon.lower()], day)
    if d and published and d > published + dt.timedelta(days=31):
        d = _safe(year_hint - 1, _MONTHS[mon.lower()], day)
    return d, "day"


def _relative_day(g, published, year_hint):
    """'today', 'yesterday', 'last Monday', 'on Friday': counted back from the publication day."""
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


def _relative_period(g, published, year_hint):
    """'next month', 'last year': relative to the publication day."""
    if published is None:
        return None, None
    step = {"next": 1, "last": -1, "this": 0}[g[0].lower()]
    if g[1].lower() == "year":
        return _safe(published.year + step, 1, 1), "year"
    month = published.month - 1 + step
    return _safe(published.year + month // 12, month % 12 + 1, 1), "month"


def _year(g, published, year_hint):
    """'In 2017'."""
    return _safe(int(g[0]), 1, 1), "year"


# How each pattern's match becomes a date: every pattern but those `find_dates` resolves itself (`day_paren`,
# `that_year` and `mon` need more than the match and the publication day).
_RESOLVERS = {"range_dmy": _day_month_year, "dmy": _day_month_year, "range_mdy": _month_day_year,
              "mdy": _month_day_year, "iso": _iso, "my": _month_year, "range_dm": _day_month, "dm": _day_month,
              "md": _month_day, "rel": _relative_day, "rel_period": _relative_period, "y": _year}


_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")


def year_hint(text: str) -> int | None:
    """A year named in a text, for day-month dates on pages that state no publication date.

    Not a year that dates a relationship or a target ("since 2015", "by 2030", "founded in 1998"),
    nor one in a range of years or a name ("2019-2023", "the 2020 Expo" still counts)."""
    years = [int(m.group(1)) for m in _YEAR.finditer(text)
             if not _NOT_EVENT_YEAR.search(text[max(0, m.start() - 16):m.start()])
             and not re.match(r"\s*(?:-|–|to)\s*(?:19|20)\d{2}", text[m.end():m.end() + 8])
             and not re.search(r"(?:19|20)\d{2}\s*(?:-|–)\s*$", text[max(0, m.start() - 8):m.start()])]
    return max(years) if years else None
