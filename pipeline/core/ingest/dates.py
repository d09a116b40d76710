"""Strict date recognition for publication dates.

A publication date is only taken from text whose whole content is a date ("11 Apr 2019",
"Updated:2018-12-04 14:23:33", "(11 April 2019)"), never from a date inside a sentence: the body
of an article is full of past events, and "Copyright 2009" is not a publication date. Parsing is
done here with explicit patterns and `datetime.date` validation rather than a fuzzy parser, which
would happily read "May" or "2009" as a date.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MIN_YEAR, MAX_YEAR = 1970, 2100

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

# Whole-string date shapes, tried in order; each names the precision it yields.
_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), precision) for p, precision in (
        (rf"{_YEAR}\s*[-/.]\s*(?P<num_month>\d{{1,2}})\s*[-/.]\s*{_DAY}", "day"),
        (rf"{_YEAR}\s*年\s*(?P<num_month>\d{{1,2}})\s*月\s*(?P<day>\d{{1,2}})\s*[日号]?", "day"),
        (rf"{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}", "day"),
        (rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}", "day"),
        (r"(?P<first>\d{1,2})\s*[-/.]\s*(?P<second>\d{1,2})\s*[-/.]\s*(?P<year>\d{4})", "day"),
        (rf"{_YEAR}\s*年\s*(?P<num_month>\d{{1,2}})\s*月", "month"),
        (rf"{_MONTH},?\s+{_YEAR}", "month"),
        (rf"{_YEAR}\s*[-/.]\s*(?P<num_month>\d{{1,2}})", "month"),
    )
)

# "Date:", "Published on", "Publish date:", "Last updated:", "Release time:", "发布时间：" ...
_LABEL = re.compile(
    r"^(?:(?:date|time)(?:\s+of\s+(?:publication|release|issue))?|dated|"
    r"(?:last\s+)?(?:publish(?:ed)?|publication|publishing|release[sd]?|post(?:ed)?|issue[sd]?|update[sd]?|created)"
    r"(?:\s+(?:date|time))?|"
    r"发布时间|发布日期|日期|时间|更新时间|发表时间)\s*(?:on|at)?\s*[:：]?\s*",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"^(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+", re.IGNORECASE)
_CJK_WEEKDAY = re.compile(r"\s*[（(]?(?:星期|周|礼拜)[一二三四五六日天][）)]?$")
_TIME = re.compile(
    r"(?:[\sT,]+|\s+at\s+)\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:am|pm|a\.m\.|p\.m\.)?"
    r"\s*(?:\(?(?:hkt|gmt|utc|bjt|cst|beijing time|hong kong time)\)?|[+-]\d{2}:?\d{2}|z)?"
    r"(?:\s*(?:gmt|utc)\s*[+-]\s*\d{1,2})?\s*$",
    re.IGNORECASE,
)
# A date in a path or URL starts a path segment, or follows the one-letter prefix some content systems put
# before it ("/201904/t20190428_4547959.html", "c_20190611"): never inside a longer run of letters or digits.
_PATH_START = r"(?:(?<![0-9A-Za-z])|(?<=[/_=-][A-Za-z])|(?<=^[A-Za-z]))"
_PATH_DAY = re.compile(
    _PATH_START + r"(?P<year>(?:19|20)\d{2})[-_./]?(?P<month>0[1-9]|1[0-2])[-_./]?"
    r"(?P<day>0[1-9]|[12]\d|3[01])(?![0-9])"
)
# "/2018/Nov/09/": a month written as a word between path separators.
_PATH_WORD_MONTH = re.compile(
    r"(?<![0-9A-Za-z])(?P<year>(?:19|20)\d{2})[-_/](?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")[-_/](?P<day>0?[1-9]|[12]\d|3[01])(?![0-9A-Za-z])", re.IGNORECASE)
_PATH_MONTH = re.compile(r"(?<![0-9A-Za-z])(?P<year>(?:19|20)\d{2})[-_/](?P<month>0[1-9]|1[0-2])(?![0-9])")


@dataclass(frozen=True)
class DateValue:
    """A date and how much of it is known; month/year precision store the first day of the period."""

    date: dt.date
    precision: str  # day | month | year


def _make(year: int, month: int, day: int, precision: str) -> DateValue | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return DateValue(dt.date(year, month, day), precision)
    except ValueError:
        return None


def parse_date_phrase(text: str) -> DateValue | None:
    """Read `text` as a date only if the whole string is one date (labels, weekday and time allowed)."""
    if len(text) > 80:
        return None  # a date line is short; this also keeps the regexes cheap on long paragraphs
    s = text.strip().strip("()[]").strip()
    s = _LABEL.sub("", s, count=1)
    s = _WEEKDAY.sub("", s, count=1)
    s = _CJK_WEEKDAY.sub("", s, count=1)
    s = _TIME.sub("", s, count=1).strip().rstrip(".,;").strip()
    if not s or len(s) > 40:
        return None
    for pattern, precision in _SHAPES:
        m = pattern.fullmatch(s)
        if not m:
            continue
        groups = m.groupdict()
        year = int(groups["year"])
        if groups.get("first"):
            first, second = int(groups["first"]), int(groups["second"])
            if (first > 12) == (second > 12):
                return None  # 04/05/2019: day-first or month-first cannot be told apart
            day, month = (first, second) if first > 12 else (second, first)
            return _make(year, month, day, precision)
        month = int(groups["num_month"]) if groups.get("num_month") else _MONTHS[groups["month"].lower()]
        day = int(groups["day"]) if groups.get("day") else 1
        return _make(year, month, day, precision)
    return None


def date_in_path(path: str) -> DateValue | None:
    """A date written into a file name or URL: 2019-06-11, 20190611, 2019/06/11, t20190611, 2019/Jun/11,
    2019-06 (month)."""
    for m in _PATH_DAY.finditer(path):
        found = _make(int(m["year"]), int(m["month"]), int(m["day"]), "day")
        if found:
            return found
    for m in _PATH_WORD_MONTH.finditer(path):
        found = _make(int(m["year"]), _MONTHS[m["month"].lower()], int(m["day"]), "day")
        if found:
            return found
    m = _PATH_MONTH.search(path)
    return _make(int(m["year"]), int(m["month"]), 1, "month") if m else None


def is_date_line(line: str) -> bool:
    return parse_date_phrase(line) is not None


def date_in_url(url: str | None) -> DateValue | None:
    """A date written into a URL's path or query ("/2019-06/11/", "/201904/t20190428_1.html"), not its host."""
    if not url:
        return None
    rest = url.split("://", 1)[-1]
    return date_in_path(rest[rest.find("/"):]) if "/" in rest else None
