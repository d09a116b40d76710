"""Plain records passed between the core stages (no DataFrames, no Dagster)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class IngestedDocument:
    """One source file after reading, decoding and cleaning; every offset points into clean_text."""

    document_id: str
    source_path: str  # relative to the raw folder, POSIX separators
    content_sha256: str
    clean_text: str
    title: str | None = None
    publisher: str | None = None
    published_on: dt.date | None = None
    published_on_precision: str = "unknown"  # day | month | year | unknown
    source_url: str | None = None  # the URL the page states for itself (a sidecar's URL is applied later)
    language: str = "und"  # ISO 639-1 code of the clean text, `und` when it cannot be told
    # The URL the raw folder's sidecar gave the parse (SourceFile.url): it dates a page that states no date, and
    # the extraction reads relative dates against that date, so the store re-parses a file whose URL's date changed.
    sidecar_url: str | None = None


@dataclass(frozen=True)
class Rejection:
    """Something that could not be used, with the reason: lands in `rejected_records`."""

    table_name: str
    record: dict[str, Any]
    errors: str
    document_id: str | None = None


@dataclass
class IngestResult:
    documents: list[IngestedDocument] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    source_urls: dict[str, str] = field(default_factory=dict)  # source_path -> URL from the raw folder's sidecar
