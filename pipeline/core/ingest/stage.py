"""The documents stage: raw bytes in, clean documents or rejections out, never an exception.

`parse_document` is a pure function of a file's bytes, its path, the URL the raw folder's sidecar gives
it (which dates a page that states no date) and the rulebook (the furniture rules and the language data
of its reference folder), so the orchestration layer can skip unchanged files (same `content_sha256` and
sidecar URL) and re-run only what changed.
"""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from pipeline.core.ids import make_id
from pipeline.core.ingest.clean import clean_paragraphs, normalise_text
from pipeline.core.ingest.formats import extract
from pipeline.core.ingest.furniture import furniture_rules
from pipeline.core.ingest.metadata import extract_metadata
from pipeline.core.ingest.sources import (
    DEFAULT_MAX_BYTES,
    SourceFile,
    Unreadable,
    discover_sources,
    read_sidecar,
    read_source,
    reject,
)
from pipeline.core.records import IngestedDocument, IngestResult, Rejection
from pipeline.core.reference import Rulebook


def one_line(text: str | None) -> str | None:
    """A title or publisher as stored: cleaned like the text (no format characters, one kind of space), one line."""
    return (" ".join(normalise_text(text).split()) or None) if text else None


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def title_first(paragraphs: list[str], title: str | None) -> tuple[list[str], str | None]:
    """Make the headline the first paragraph: move it up from the page header, or add the declared one.

    Returns the paragraphs and the title exactly as it now reads in the text.
    """
    title = one_line(title)
    key = _key(title) if title else ""
    if not key:
        return paragraphs, None
    for i, paragraph in enumerate(paragraphs[:6]):
        if _key(paragraph) == key:
            return [paragraph, *paragraphs[:i], *paragraphs[i + 1:]], paragraph
    return [title, *paragraphs], title


def _parse(source: SourceFile, rules: Rulebook) -> IngestedDocument:
    extracted = extract(source.source_path, source.data)
    paragraphs = clean_paragraphs(extracted.text, furniture_rules(rules))
    if not paragraphs:
        raise Unreadable("no readable text left after removing page furniture")
    meta = extract_metadata(extracted.text, source.source_path, rules=rules, paragraphs=paragraphs,
                            hints=extracted.hints, page_text=extracted.page_text, sidecar_url=source.url)
    paragraphs, title = title_first(paragraphs, meta.title)
    return IngestedDocument(
        document_id=make_id("document", source.source_path),
        source_path=source.source_path,
        content_sha256=source.content_sha256,
        clean_text="\n\n".join(paragraphs),
        title=title,
        publisher=one_line(meta.publisher),
        published_on=meta.published_on,
        published_on_precision=meta.published_on_precision,
        source_url=meta.source_url,
        language=meta.language,
        sidecar_url=source.url,
    )


def parse_document(source: SourceFile, rules: Rulebook) -> IngestedDocument | Rejection:
    """Decode, read the format, clean and find metadata; any failure becomes a Rejection with its reason."""
    try:
        return _parse(source, rules)
    except Unreadable as exc:
        reason = str(exc)
    except Exception as exc:  # the stage must survive any content: record it and go on
        reason = f"could not be parsed: {type(exc).__name__}: {exc}"
    return reject(source.source_path, reason, size_bytes=len(source.data), content_sha256=source.content_sha256)


def ingest_corpus(raw_dir: Path, rules: Rulebook, max_bytes: int = DEFAULT_MAX_BYTES) -> IngestResult:
    """Discover, read and parse every file under `raw_dir`, and read its sidecar of source URLs; one bad file
    never stops the others."""
    paths, rejections = discover_sources(raw_dir)
    source_urls, sidecar_rejections = read_sidecar(raw_dir, max_bytes)
    result = IngestResult(rejections=[*rejections, *sidecar_rejections], source_urls=source_urls)
    for path in paths:
        source = read_source(raw_dir, path, max_bytes)
        if isinstance(source, SourceFile):
            source = dataclasses.replace(source, url=source_urls.get(source.source_path))
        outcome = parse_document(source, rules) if isinstance(source, SourceFile) else source
        if isinstance(outcome, IngestedDocument):
            result.documents.append(outcome)
        else:
            result.rejections.append(outcome)
    return result
