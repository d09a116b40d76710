"""Readers for the supported formats: plain text, Markdown, HTML and PDF.

Each reader turns raw bytes into plain text plus whatever the format itself declares about the
document (HTML meta tags, Markdown front matter). HTML main text and metadata come from trafilatura;
PDF text from pypdf. Anything a reader cannot use raises `Unreadable` with the reason.
"""
from __future__ import annotations

import datetime as dt
import io
import logging
import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import lxml.etree
import lxml.html
import pypdf
import trafilatura
import yaml

from pipeline.core.ingest.dates import date_in_path, parse_date_phrase
from pipeline.core.ingest.decode import declared_charset, decode_bytes
from pipeline.core.ingest.metadata import FRONT_MATTER_URL_KEYS, DocumentMetadata, first_url
from pipeline.core.ingest.sources import Unreadable

FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
           ".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf"}

_BLOCK_TAGS = ("p", "div", "li", "br", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer",
               "section", "article", "aside", "nav", "ul", "ol", "table", "dd", "dt", "blockquote", "address")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_MD_SETEXT = re.compile(r"^(=+|-+)\s*$")
# Spans are bounded: a line of a megabyte full of "[" that never close would otherwise be scanned to its end
# from every one of them (quadratic time). No link text or URL is longer.
_MD_IMAGE = re.compile(r"!\[([^\]]{0,500})\]\([^)]{0,2000}\)")
_MD_LINK = re.compile(r"\[([^\]]{1,500})\]\([^)]{0,2000}\)")
_MD_REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$")
_MD_DELIMITER_RUN = re.compile(r"\*+|_+")
_MD_CODE = re.compile(r"`([^`]*)`")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_BULLET = re.compile(r"^(\s*)[*+]\s+")
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}+\s*$")  # possessive: see furniture.repeat_problem
_MD_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]{0,200}>")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")

logging.getLogger("pypdf").setLevel(logging.ERROR)
logging.getLogger("trafilatura").setLevel(logging.ERROR)


@dataclass(frozen=True)
class Extracted:
    """Plain text of a document and what its format declares about it."""

    text: str
    hints: DocumentMetadata = field(default_factory=DocumentMetadata)
    page_text: str | None = None  # the whole page, header and footer included (HTML)


def format_of(source_path: str) -> str | None:
    """The reader for a path, by extension (case-insensitive); None when the type is not supported."""
    return FORMATS.get(PurePosixPath(source_path).suffix.lower())


def _hint_date(value: object) -> tuple[dt.date | None, str]:
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    if isinstance(value, dt.date):
        return value, "day"
    found = parse_date_phrase(str(value)) if value else None
    return (found.date, found.precision) if found else (None, "unknown")


def read_text(data: bytes) -> Extracted:
    text, _ = decode_bytes(data)
    return Extracted(text)


def _front_matter(text: str) -> tuple[dict, str]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    try:
        meta = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return {}, text
    return (meta, text[m.end():]) if isinstance(meta, dict) else ({}, text)


def _word_or_delimiter(char: str) -> bool:
    return char.isalnum() or char in ("*", "_")  # the regex class [\w*_]; "" (the line's end) is neither


def strip_emphasis(line: str) -> str:
    r"""`*text*`, `**text**`, `***text***` (or with `_`) to `text`, in time linear in the line.

    The same result as `re.sub(r"(?<![\w*_])(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1(?![\w*_])", r"\2", line)`,
    which scans to the end of the line from every opening mark that never closes: quadratic on a line
    full of them. Here each run of marks is looked at once to list where it can close, and each opening
    mark finds its closing one by bisection.
    """
    if "*" not in line and "_" not in line:
        return line
    closers: dict[str, list[int]] = defaultdict(list)  # marks -> where they can close, ascending
    for start, end in (m.span() for m in _MD_DELIMITER_RUN.finditer(line)):
        for size in range(1, min(3, end - start) + 1):
            at = end - size  # inside a run only its last marks can close: after the others comes a mark
            if at > 0 and not line[at - 1].isspace() and not _word_or_delimiter(line[end:end + 1]):
                closers[line[at:end]].append(at)
    out, done = [], 0
    for start, end in (m.span() for m in _MD_DELIMITER_RUN.finditer(line)):
        if start < done or (start > 0 and _word_or_delimiter(line[start - 1])):
            continue
        for size in range(min(3, end - start), 0, -1):
            body = start + size
            if body == len(line) or line[body].isspace():
                continue
            candidates = closers.get(line[start:body], [])
            k = bisect_left(candidates, body + 1)
            if k < len(candidates):
                out += (line[done:start], line[body:candidates[k]])
                done = candidates[k] + size
                break
    out.append(line[done:])
    return "".join(out)


def markdown_to_text(markdown: str) -> tuple[str, DocumentMetadata]:
    """Markdown to plain text (markup dropped, text kept) and the title/date/publisher it declares."""
    meta, body = _front_matter(markdown.replace("\r\n", "\n"))
    body = _HTML_COMMENT.sub("", body)
    lines, heading, in_fence = [], None, False
    for line in body.split("\n"):
        if _MD_FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            lines.append(line)
            continue
        if _MD_REF_DEF.match(line) or _MD_RULE.match(line):
            lines.append("")
            continue
        if _MD_SETEXT.match(line) and lines and lines[-1].strip():
            heading = heading or (lines[-1].strip() if line.startswith("=") else None)
            lines.append("")
            continue
        m = _MD_HEADING.match(line)
        if m:
            heading = heading or (m.group(1) if line.startswith("# ") else None)
            lines.extend(["", m.group(1), ""])
            continue
        line = _MD_QUOTE.sub("", line)
        line = _MD_BULLET.sub(r"\1- ", line)
        line = _MD_IMAGE.sub(r"\1", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_CODE.sub(r"\1", line)
        line = strip_emphasis(line)
        lines.append(_HTML_TAG.sub("", line))
    date, precision = _hint_date(meta.get("date") or meta.get("published") or meta.get("published_on"))
    publisher = meta.get("publisher") or meta.get("source") or meta.get("site")
    title = meta.get("title") or heading
    hints = DocumentMetadata(title=str(title).strip() if title else None,
                             publisher=str(publisher).strip() if publisher else None,
                             published_on=date, published_on_precision=precision,
                             source_url=first_url(meta.get(key) for key in FRONT_MATTER_URL_KEYS))
    return "\n".join(lines), hints


def read_markdown(data: bytes) -> Extracted:
    text, _ = decode_bytes(data)
    body, hints = markdown_to_text(text)
    return Extracted(body, hints)


def _page_text(html: str) -> tuple[str, str | None]:
    """All visible text of the page, one block element per line (for footers trafilatura leaves out),
    and the URL the page declares for itself (read from the same parse).

    A page past libxml2's limits (elements nested deeper than 255, for one) is read only up
    to that point, by this parse and trafilatura's alike, and nothing says so: often only the title is
    left. Such a page is refused with the parser's reason instead of being published in part.
    """
    parser = lxml.html.HTMLParser()
    root = lxml.html.fromstring(_XML_DECLARATION.sub("", html), parser=parser)
    limit = next((e for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"), None)
    if limit is not None:
        raise Unreadable(f"HTML page cannot be read past the parser's limits ({limit.message.split(',')[0]} "
                         f"at line {limit.line}); its text after that point would be lost")
    url = _declared_url(root)
    for element in root.xpath("//script|//style|//noscript|//template"):
        element.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    return root.text_content(), url


def _declared_url(root) -> str | None:
    """The URL the page declares for itself: `<link rel="canonical">`, else `og:url` (absolute http(s) only)."""
    canonical = [link.get("href") for link in root.iter("link")
                 if "canonical" in (link.get("rel") or "").lower().split()]
    og = [meta.get("content") for meta in root.iter("meta") if (meta.get("property") or meta.get("name")) == "og:url"]
    return first_url([*canonical, *og])


def read_html(data: bytes) -> Extracted:
    html, _ = decode_bytes(data, declared=declared_charset(data))
    if not html.strip():
        raise Unreadable("HTML page is empty")
    try:
        page_text, url = _page_text(html)
    except (lxml.etree.ParserError, ValueError):
        page_text, url = None, None
    text = trafilatura.extract(html, include_comments=False, include_tables=True, deduplicate=False) or page_text
    if not text or not text.strip():
        raise Unreadable("HTML page has no readable text")
    meta = trafilatura.extract_metadata(html, extensive=False)
    date, precision = _hint_date(meta.date) if meta else (None, "unknown")
    if date is None and meta and meta.url:
        found = date_in_path(meta.url)
        date, precision = (found.date, found.precision) if found else (None, "unknown")
    hints = DocumentMetadata(title=(meta.title or None) if meta else None,
                             publisher=(meta.sitename or None) if meta else None,
                             published_on=date, published_on_precision=precision, source_url=url)
    return Extracted(text, hints, page_text)


def read_pdf(data: bytes) -> Extracted:
    """Text layer of every page; a PDF without one (a scan) cannot be read without OCR."""
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("PDF is encrypted with a password")
        pages = [page.extract_text() or "" for page in reader.pages]
    except Unreadable:
        raise
    except Exception as exc:  # pypdf raises many types on damaged files
        raise Unreadable(f"PDF could not be read: {type(exc).__name__}: {exc}") from exc
    text = "\n".join(pages)
    if not text.strip():
        raise Unreadable("PDF has no text layer (a scan or images only); OCR is not supported")
    return Extracted(text)


READERS = {"text": read_text, "markdown": read_markdown, "html": read_html, "pdf": read_pdf}


def extract(source_path: str, data: bytes) -> Extracted:
    """Dispatch on the file extension; an unsupported one is refused with the list of supported ones."""
    kind = format_of(source_path)
    if kind is None:
        suffix = PurePosixPath(source_path).suffix or "(none)"
        raise Unreadable(f"unsupported file type {suffix}: supported are {', '.join(sorted(FORMATS))}")
    return READERS[kind](data)
