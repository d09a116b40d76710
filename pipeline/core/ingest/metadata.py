"""Title, publisher and publication date of a document.

The date is taken only from places where a page states its own date: the format's metadata, a
standalone date line above the article, a dateline opening the first paragraph ("(11 April 2019)",
"BEIJING, May 11, 2017 --"), a release stamp closing the page ("Ends/Tuesday, June 6, 2023"), or a
date written into the URL or file name. Dates inside sentences
report past events and are never used. The publisher is read before furniture removal, because it
usually sits in the footer ("Copyright held by ...", "The Official Website of ...").
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from pipeline.core.ingest.clean import clean_paragraphs, normalise_text
from pipeline.core.ingest.dates import DateValue, date_in_path, is_date_line, parse_date_phrase
from pipeline.core.ingest.furniture import cjk_ratio
from pipeline.core.ingest.wrap import RUN_ON_WORDS, ends_sentence, is_list_item

TITLE_MIN_WORDS, TITLE_MAX_WORDS = 4, 40
CJK_TITLE_CHARS = (6, 80)
TOP_LINES = 15  # the header above an article is never longer than this
TITLE_SEARCH_PARAGRAPHS = 6
BODY_MIN_WORDS = 12

# Fields of a byline: "Source: Xinhua | 2022-06-03", "March 8, 2022 · Zhuhai", "3 June 2022 — Kunming",
# "Posted on June 3, 2022 by Admin", and labelled fields run together once spaces are normalised
# ("Date: 2018/10/16 Source: Jiangsu ...").
_FIELD_LABELS = (r"source|news source|author|authors|reporter|writer|editor|photo|date|updated|posted|published|"
                 r"views|hits|clicks|来源|作者|编辑|记者|发布时间|浏览次数")
_FIELD_SPLIT = re.compile(rf"\s*[|｜]\s*|\s+[·•—–]\s+|\s+(?=by\s)|\s+(?=(?:{_FIELD_LABELS})\s*[:：])", re.IGNORECASE)
# "Ends/Tuesday, June 6, 2023": the release stamp closing a Hong Kong government press release.
_END_STAMP = re.compile(r"^ends?\s*/\s*(?P<date>.{6,60})$", re.IGNORECASE)
_HOSTNAME = re.compile(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+", re.IGNORECASE)
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


def find_title(paragraphs: list[str]) -> str | None:
    """The first headline-like paragraph above the first paragraph of running prose."""
    for paragraph in paragraphs[:TITLE_SEARCH_PARAGRAPHS]:
        if is_body_paragraph(paragraph):
            return None
        if is_title_like(paragraph):
            return paragraph
    return None


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


def _wraps_onto(previous: str, line: str) -> bool:
    if not previous or ends_sentence(previous):
        return False
    words = previous.split()
    return line.endswith(".") or words[-1].lower() in RUN_ON_WORDS


def find_date(lines: list[str], paragraphs: list[str], source_path: str) -> DateValue | None:
    """Publication date from the header, a dateline opening the first body paragraph, a release stamp
    ("Ends/Tuesday, June 6, 2023"), a URL in the header or the file path, in that order."""
    top = _top_lines(lines)
    for previous, line in zip(["", *top], top):
        if _wraps_onto(previous, line):
            continue  # "... signed on" / "11 April 2019." is the end of a sentence, not a date line
        for field in [line, *_FIELD_SPLIT.split(line)]:
            found = parse_date_phrase(field)
            if found:
                return found
    first_body = next((p for p in paragraphs if is_body_paragraph(p)), "")
    m = _DATELINE.match(first_body)
    if m:
        found = parse_date_phrase(m.group("paren") or m.group("dateline"))
        if found:
            return found
    for line in reversed(lines):
        m = _END_STAMP.match(line)
        found = parse_date_phrase(m.group("date")) if m else None
        if found:
            return found
    for url in (u for line in top for u in _URL.findall(line)):
        found = date_in_path(url)
        if found:
            return found
    return date_in_path(source_path)


def extract_metadata(text: str, source_path: str = "", *, paragraphs: list[str] | None = None,
                     hints: DocumentMetadata | None = None, page_text: str | None = None) -> DocumentMetadata:
    """Title, publisher and publication date of one document.

    `text` is the decoded document (or, for HTML, its main text); `paragraphs` its clean paragraphs when
    already computed; `hints` what the file format itself declares (HTML meta tags, Markdown front matter),
    which wins over anything read from the text; `page_text` the whole page including header and footer,
    searched for the publisher when `text` is only the article.
    """
    hints = hints or DocumentMetadata()
    lines = normalise_text(text).split("\n")
    paragraphs = clean_paragraphs(text) if paragraphs is None else paragraphs
    page_lines = normalise_text(page_text).split("\n") if page_text else lines
    title = hints.title or find_title(paragraphs)
    # A bare host name ("news.example.edu") is what trafilatura falls back to: a footer says it better.
    declared = hints.publisher if hints.publisher and not _HOSTNAME.fullmatch(hints.publisher) else None
    publisher = declared or find_publisher(page_lines) or hints.publisher
    date = hints.date_value() or find_date(lines, paragraphs, source_path)
    return dataclasses.replace(
        hints, title=title, publisher=publisher,
        published_on=date.date if date else None, published_on_precision=date.precision if date else "unknown",
    )
