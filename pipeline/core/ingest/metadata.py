"""Title, publisher, publication date, source URL and language of a document.

The date is taken only from places where a page states its own date: the format's metadata, a
standalone date line above the article, a dateline opening the first paragraph ("(11 April 2019)",
"BEIJING, May 11, 2017 --"), a release stamp closing the page ("Ends/Tuesday, June 6, 2023"), or a
date written into the URL or file name. Dates inside sentences
report past events and are never used. The publisher is read before furniture removal, because it
usually sits in the footer ("Copyright held by ...", "The Official Website of ...").

The source URL is the one the page states for itself: what its format declares (an HTML page's
`<link rel="canonical">`, else its `og:url`; a `url` in Markdown front matter) wins over a labelled
line of the page ("Source: https://...", "Original article: https://..."). A URL the raw folder's
sidecar gives wins over both, and is applied when the documents table is built (see sources.py); a
date in it dates a page that states no date of its own, so that the extraction reads "on July 11" or
"last Tuesday" against the day the article appeared.
The language is that of the clean paragraphs (language.py).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.core.ingest.clean import clean_paragraphs, normalise_text
from pipeline.core.ingest.dates import DateValue, date_in_path, date_in_url, is_date_line, parse_date_phrase
from pipeline.core.ingest.furniture import cjk_ratio, furniture_rules
from pipeline.core.ingest.language import detect_language
from pipeline.core.ingest.sources import http_url
from pipeline.core.ingest.wrap import RUN_ON_WORDS, ends_sentence, is_list_item
from pipeline.core.language_table import UNDETERMINED, language_table
from pipeline.core.reference import Rulebook

TITLE_MIN_WORDS, TITLE_MAX_WORDS = 4, 40
CJK_TITLE_CHARS = (6, 80)
TOP_LINES = 15  # the header above an article is never longer than this
TITLE_SEARCH_PARAGRAPHS = 6
BODY_MIN_WORDS = 12

# Fields of a byline: "Source: Xinhua | 2022-06-03", "March 8, 2022 · Zhuhai", "3 June 2022 — Kunming",
# "Posted on June 3, 2022 by Admin", and labelled fields run together once spaces are normalised
# ("Date: 2018/10/16 Source: Jiangsu ...").
_FIELD_LABELS = (r"source|news source|author|authors|reporter|writer|editor|photo|date|updated|posted|published|"
                 r"views|hits|clicks|来源|作者|编辑|记者|发布时间|浏览次数|点击|点击数|点击量|阅读|阅读量|浏览|访问量")
_FIELD_SPLIT = re.compile(rf"\s*[|｜]\s*|\s+[·•—–]\s+|\s+(?=by\s)|\s+(?=(?:{_FIELD_LABELS})\s*[:：])", re.IGNORECASE)
# "Ends/Tuesday, June 6, 2023": the release stamp closing a Hong Kong government press release.
_END_STAMP = re.compile(r"^ends?\s*/\s*(?P<date>.{6,60})$", re.IGNORECASE)
# Possessive, like every unbounded repeat of a group (furniture.repeat_problem).
_HOSTNAME = re.compile(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)++", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_OUTLET_WORDS = (r"News|Daily|Times|Post|Agency|Network|Press|Radio|Television|TV|Online|Net|Media|Journal|"
                 r"Herald|Gazette|Weekly|Xinhua|Service|Broadcasting|Tribune|Review|Observer|Bulletin")
# "KUNMING, March 3 (Xinhua) --": the agency in a wire dateline.
_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'-]{1,40},\s+[^()]{3,30}?\s*\((?P<name>[A-Z][A-Za-z .&]{1,40})\)\s*(?:--|—|–|-)")
# Publisher cues, strongest first; each captures the publisher's name.
_PUBLISHER_PATTERNS = (
    re.compile(r"^(?:source|news source|来源|稿源)\s*[:：]\s*(?P<name>[^|｜]+?)\s*$", re.IGNORECASE),
    re.compile(rf"^[Bb]y\s+(?:[^,]{{1,40}},\s*)?(?P<name>(?:[A-Z][\w.&'-]*\s+){{0,6}}(?:{_OUTLET_WORDS}))\.?$"),
    _WIRE_DATELINE,
    re.compile(r"^(?:the\s+)?official\s+(?:web\s?site|portal)\s+of\s+(?P<name>.+?)\.?$", re.IGNORECASE),
    re.compile(r"copyright\s+(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?held\s+by\s+(?P<name>.+?)"
               r"(?:\.|\s+all rights reserved|$)", re.IGNORECASE),
    re.compile(r"^(?:copyright|©|\(c\))\s*(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?:by\s+)?"
               r"(?P<name>[^.]+?)\.?\s*(?:all rights reserved\.?)?$", re.IGNORECASE),
    re.compile(r"^(?:sponsored|hosted)\s+by\s+(?P<name>.+?)\.?$", re.IGNORECASE),
)
# "Source: https://...", "Original article: https://...", "原文链接：https://...": a line giving the page's URL
# (after at most eight other words: "Source: Xinhua | https://...").
_SOURCE_URL_LINE = re.compile(
    r"^(?:source|news source|original(?: article| story| link| url)?|read the original(?: article)?|url|link|"
    r"permalink|来源|原文|原文链接|原文地址|本文链接)\s*[:：]\s*"
    r"(?:[^<>\s]*\s+){0,8}?<?(?P<url>https?://[^\s<>]+)", re.IGNORECASE)
_URL_TRAILING = ".,;:!?)]}>'\"”’。，；）"
# Front-matter keys that give a Markdown file's own URL, strongest first.
FRONT_MATTER_URL_KEYS = ("canonical_url", "canonical", "url", "source_url", "permalink", "link", "source")
# A date opening a line, with or without a label, before the rest of the line: "Jan 29, 2021 Volume 176",
# "2022-06-21 14:34:12 admin", "date 2019-06-11 Secretary for ..." (a scraped page's date field glued to the
# first paragraph). Bounded shapes only; the captured date is then read by parse_date_phrase.
_DATE_LABEL = (r"(?:date|dated|published(?:\s+on)?|posted(?:\s+on)?|release\s+date|publish(?:ed)?\s+date|"
               r"publication\s+date|发布时间|发布日期|日期)\s*[:：]?\s*")
_LEADING_DATE_SHAPE = (
    r"(?P<date>(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}[日号]?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+(?:19|20)\d{2}"
    r"|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2})"
    r"(?:[\sT]+\d{1,2}:\d{2}(?::\d{2})?)?(?![0-9])")
_LEADING_DATE = re.compile(rf"^(?:{_DATE_LABEL})?{_LEADING_DATE_SHAPE}", re.IGNORECASE)
_LABELLED_LEADING_DATE = re.compile(rf"^{_DATE_LABEL}{_LEADING_DATE_SHAPE}", re.IGNORECASE)
LEADING_DATE_MAX_WORDS = 12  # a header line that opens with a date and goes on: a byline, not a sentence
# A labelled publication field anywhere in a short line, header or footer: "Editor: X  UpdateTime: June 13th,
# 2012", "Posted on: ...". Publication labels only: a bare "Date:" below the headline may be an event's.
_PUBLICATION_FIELD = re.compile(
    r"(?:^|\s|[|｜])(?:update\s?time|updated(?:\s+on)?|release\s?time|publish(?:ed)?\s?(?:time|date|on)|"
    r"posted\s+on|post\s?time|发布时间|发布日期|更新时间)\s*[:：]\s*(?P<date>[^|｜]{6,40}?)\s*(?:$|[|｜])",
    re.IGNORECASE)
PUBLICATION_FIELD_MAX_WORDS = 25
_PUBLICATION_WORD = re.compile(r"\b(?:posted|published|updated)\b", re.IGNORECASE)
# "this week (19 June 2018)", "today (11 April 2019)": the opening paragraph dates itself.
_DEICTIC_DATE = re.compile(
    r"\b(?P<when>today|this\s+(?:morning|afternoon|evening|week))\s*\((?P<date>[^()]{6,30})\)", re.IGNORECASE)
DEICTIC_PARAGRAPHS = 2
# Marks of a photo caption: a position in the picture, or a credit in brackets at its end.
_CAPTION_MARK = re.compile(
    r"\((?:(?:front|back|middle|top|bottom)\s+row,?\s+)?(?:from\s+)?(?:(?:first|second|third|fourth|fifth|sixth|"
    r"\d(?:st|nd|rd|th))\s+)?(?:left|right|centre|center|middle|l|r|c)\)"
    r"|[\[(](?:photo|image|picture|file photo)s?\s*(?:[:：/]|by\b|credit\b|courtesy\b)[^\])]{0,60}[\])]\s*$",
    re.IGNORECASE)
_DATELINE = re.compile(
    r"^(?:\((?P<paren>[^()]{4,40})\)"
    r"|[A-Z][A-Za-z .'-]{1,40},\s+(?P<dateline>[^()]{4,30}?)\s*(?:\([^()]{1,40}\)\s*)?(?:--|—|–|/))"
)


@dataclass(frozen=True)
class DocumentMetadata:
    """What is known about a document besides its text; also used for what a file format declares."""

    title: str | None = None
    publisher: str | None = None
    published_on: dt.date | None = None
    published_on_precision: str = "unknown"
    source_url: str | None = None
    language: str = UNDETERMINED

    def date_value(self) -> DateValue | None:
        if self.published_on is None:
            return None
        return DateValue(self.published_on, self.published_on_precision)


def _words(text: str) -> int:
    return len(text.split())


def is_body_paragraph(text: str) -> bool:
    """Running prose: a long line that ends a sentence, or anything very long."""
    words = _words(text) if cjk_ratio(text) < 0.5 else len(text) // 2
    return (words >= BODY_MIN_WORDS and ends_sentence(text)) or words > TITLE_MAX_WORDS


def is_title_like(text: str) -> bool:
    """A headline: a few words, no final period or colon, not a date, list item or lower-case start."""
    if not text or is_date_line(text) or is_list_item(text) or text[0].islower() or _URL.search(text):
        return False
    if text.rstrip("\"'”’").endswith((".", ":", "：", ",", ";", "。")):
        return False
    if cjk_ratio(text) >= 0.5:
        return CJK_TITLE_CHARS[0] <= len(text) <= CJK_TITLE_CHARS[1]
    return TITLE_MIN_WORDS <= _words(text) <= TITLE_MAX_WORDS and sum(c.isalpha() for c in text) > len(text) / 2


def is_caption(text: str) -> bool:
    """A photo caption: it places people in the picture ("(R)", "(back row, second left)") or credits it
    ("[Image: CAS]", "(Photo by ...)")."""
    return bool(_CAPTION_MARK.search(text))


def _doubled(text: str) -> bool:
    """The same words twice in a row: a link's text and its title attribute run together."""
    words = text.split()
    half = len(words) // 2
    return len(words) % 2 == 0 and half >= TITLE_MIN_WORDS and words[:half] == words[half:]


def find_title(paragraphs: list[str]) -> str | None:
    """The first headline-like paragraph above the first paragraph of running prose.

    A line the header repeats (a site name written by the logo and again beside it), a link's text doubled, and
    a photo caption are not the headline."""
    header = []
    for paragraph in paragraphs[:TITLE_SEARCH_PARAGRAPHS]:
        if is_body_paragraph(paragraph):
            break
        header.append(paragraph)
    repeated = {p for p in header if header.count(p) > 1}
    return next((p for p in header if p not in repeated and is_title_like(p) and not _doubled(p)
                 and not is_caption(p)), None)


def _top_lines(lines: list[str]) -> list[str]:
    """The page header: non-empty lines before the first line of running prose."""
    top = []
    for line in (x for x in lines if x):
        if is_body_paragraph(line) or len(top) >= TOP_LINES:
            break
        top.append(line)
    return top


def _clean_name(name: str) -> str | None:
    name = re.sub(r"^the\s+", "", name.strip())  # "of the Hebei Government"; "The ... University" keeps its "The"
    name = re.sub(r"\s+\d{4}(?:\s*[-–]\s*\d{4})?$", "", name.strip(" .,;:-–—|"))  # "© Lakeside University 2022"
    name = name.strip(" .,;:-–—|")
    if not name or _URL.search(name) or parse_date_phrase(name) or not any(c.isalpha() for c in name):
        return None
    if name[0].islower():
        return None  # "source: share:" runs into a page control; an outlet's name is capitalised
    if _words(name) > 12 or re.fullmatch(r"all rights reserved", name, re.IGNORECASE):
        return None
    return name


def find_publisher(lines: list[str]) -> str | None:
    """Publisher from a "Source:" field, an outlet byline or dateline, or a site footer, strongest first."""
    fields = [f for line in lines if line and _words(line) <= 25 for f in [line, *_FIELD_SPLIT.split(line)] if f]
    openings = [line[:120] for line in lines if line]  # a wire dateline opens a long paragraph
    for pattern in _PUBLISHER_PATTERNS:
        for field in openings if pattern is _WIRE_DATELINE else fields:
            m = pattern.search(field)
            name = _clean_name(m.group("name")) if m else None
            if name:
                return name
    return None


def first_url(values: Iterable[object]) -> str | None:
    """The first value that is an absolute http(s) URL (declared metadata may hold anything)."""
    return next((url for url in map(http_url, values) if url), None)


def find_source_url(lines: list[str]) -> str | None:
    """The URL of a labelled line of the page ("Source: https://..."), first such line first."""
    for line in (x for x in lines if "://" in x):
        m = _SOURCE_URL_LINE.match(line.strip())
        url = http_url(m.group("url").rstrip(_URL_TRAILING)) if m else None
        if url:
            return url
    return None


def _wraps_onto(previous: str, line: str) -> bool:
    if not previous or ends_sentence(previous):
        return False
    words = previous.split()
    return line.endswith(".") or words[-1].lower() in RUN_ON_WORDS


def find_date(lines: list[str], paragraphs: list[str], source_path: str,
              source_url: str | None = None, sidecar_url: str | None = None) -> DateValue | None:
    """Publication date from the header (a date line, or a date opening a header line or glued to the first
    line behind its label), a dateline opening the first body paragraph, a release stamp ("Ends/Tuesday, June 6,
    2023"), a labelled publication field anywhere ("UpdateTime: ..."), "today (11 April 2019)" in the opening
    paragraphs, a URL in the header, the URL the page states for itself, the file path, or the URL the raw
    folder's sidecar gives, in that order."""
    top = _top_lines(lines)
    found = _header_date_line(top) or _leading_date(top, lines)
    if found:
        return found
    body = [p for p in paragraphs[:TITLE_SEARCH_PARAGRAPHS + DEICTIC_PARAGRAPHS] if is_body_paragraph(p)]
    return (_dateline(body[0] if body else "") or _release_stamp(lines) or _publication_field(lines)
            or _deictic_date(body[:DEICTIC_PARAGRAPHS]) or _date_in_header_urls(top)
            or date_in_url(source_url) or date_in_path(source_path) or date_in_url(sidecar_url))


def _header_date_line(top: list[str]) -> DateValue | None:
    """A header line that is a date, or one of its fields is ("Source: Xinhua | 2019-06-11")."""
    for previous, line in zip(["", *top], top):
        if _wraps_onto(previous, line):
            continue  # "... signed on" / "11 April 2019." is the end of a sentence, not a date line
        for field in [line, *_FIELD_SPLIT.split(line)]:
            found = parse_date_phrase(field)
            if found:
                return found
    return None


def _dateline(first_body: str) -> DateValue | None:
    """The date of a dateline opening the first body paragraph ("BEIJING, June 6 (Xinhua) -- ...")."""
    m = _DATELINE.match(first_body)
    return parse_date_phrase(m.group("paren") or m.group("dateline")) if m else None


def _release_stamp(lines: list[str]) -> DateValue | None:
    """The date of the last release stamp on the page ("Ends/Tuesday, June 6, 2023")."""
    for line in reversed(lines):
        m = _END_STAMP.match(line)
        found = parse_date_phrase(m.group("date")) if m else None
        if found:
            return found
    return None


def _date_in_header_urls(top: list[str]) -> DateValue | None:
    """A date in the path of a URL written in the header, in the order they appear."""
    for url in (u for line in top for u in _URL.findall(line)):
        found = date_in_path(url)
        if found:
            return found
    return None


def _leading_date(top: list[str], lines: list[str]) -> DateValue | None:
    """A date opening a short header line ("Jan 29, 2021 Volume 176"), or a labelled one glued to the start of
    the page's first line ("date 2019-06-11 Secretary for ...")."""
    for previous, line in zip(["", *top], top):
        if _wraps_onto(previous, line):
            continue
        m = _LEADING_DATE.match(line) if line[:1].isalnum() else None
        if m and _words(line) <= LEADING_DATE_MAX_WORDS:
            found = parse_date_phrase(m.group("date"))
            if found:
                return found
    first = next((x for x in lines if x), "")
    m = _LABELLED_LEADING_DATE.match(first)
    return parse_date_phrase(m.group("date")) if m else None


def _publication_field(lines: list[str]) -> DateValue | None:
    """A labelled publication date in a short line anywhere on the page ("UpdateTime: June 13th, 2012"), or a date
    opening a short line that says it is the posting ("Dec 10 2014 Posted: 10:22 GMT")."""
    for line in lines:
        if _words(line) <= LEADING_DATE_MAX_WORDS and _PUBLICATION_WORD.search(line):
            m = _LEADING_DATE.match(line)  # "Dec 10 2014 Posted: 10:22 GMT" below a caption
            found = parse_date_phrase(m.group("date")) if m else None
            if found:
                return found
        if ":" not in line and "：" not in line or _words(line) > PUBLICATION_FIELD_MAX_WORDS:
            continue
        for m in _PUBLICATION_FIELD.finditer(line):
            found = parse_date_phrase(m.group("date"))
            if found:
                return found
    return None


def _deictic_date(paragraphs: list[str]) -> DateValue | None:
    """"today (11 April 2019)" in the opening paragraphs: that day; "this week (19 June 2018)": that month."""
    for paragraph in paragraphs:
        for m in _DEICTIC_DATE.finditer(paragraph):
            found = parse_date_phrase(m.group("date"))
            if found and found.precision == "day":
                week = m.group("when").lower().endswith("week")
                return DateValue(found.date.replace(day=1), "month") if week else found
    return None


def extract_metadata(text: str, source_path: str = "", *, rules: Rulebook, paragraphs: list[str] | None = None,
                     hints: DocumentMetadata | None = None, page_text: str | None = None,
                     sidecar_url: str | None = None) -> DocumentMetadata:
    """Title, publisher and publication date of one document.

    `text` is the decoded document (or, for HTML, its main text); `paragraphs` its clean paragraphs when
    already computed; `hints` what the file format itself declares (HTML meta tags, Markdown front matter),
    which wins over anything read from the text; `page_text` the whole page including header and footer,
    searched for the publisher when `text` is only the article; `sidecar_url` the URL the raw folder's sidecar
    gives for the file, whose date is the last resort.
    """
    hints = hints or DocumentMetadata()
    lines = normalise_text(text).split("\n")
    paragraphs = clean_paragraphs(text, furniture_rules(rules)) if paragraphs is None else paragraphs
    page_lines = normalise_text(page_text).split("\n") if page_text else lines
    title = hints.title or find_title(paragraphs)
    # A bare host name ("news.example.edu") is what trafilatura falls back to: a footer says it better.
    declared = hints.publisher if hints.publisher and not _HOSTNAME.fullmatch(hints.publisher) else None
    publisher = declared or find_publisher(page_lines) or hints.publisher
    source_url = hints.source_url or find_source_url(page_lines)
    date = hints.date_value() or find_date(lines, paragraphs, source_path, source_url, sidecar_url)
    return dataclasses.replace(
        hints, title=title, publisher=publisher,
        published_on=date.date if date else None, published_on_precision=date.precision if date else "unknown",
        source_url=source_url,
        language=detect_language("\n".join(paragraphs), language_table(rules)),
    )
