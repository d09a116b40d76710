"""The `documents` stage: find raw files, read and decode them, clean the text, find title, publisher, date,
source URL and language.

Pure Python (no Dagster): the orchestration layer calls `discover_sources`, `read_source` and
`parse_document` (or `ingest_corpus` for all three) and decides what to do with unchanged, changed
and deleted files from `content_sha256`.
"""
from pipeline.core.ingest.clean import clean_paragraphs, clean_text, normalise_text
from pipeline.core.ingest.dates import DateValue, date_in_path, parse_date_phrase
from pipeline.core.ingest.decode import decode_bytes
from pipeline.core.ingest.formats import FORMATS, Extracted, extract, format_of, markdown_to_text
from pipeline.core.ingest.furniture import FurnitureRules, furniture_rule, furniture_rules
from pipeline.core.ingest.language import detect_language
from pipeline.core.ingest.metadata import DocumentMetadata, extract_metadata
from pipeline.core.ingest.sources import (
                                          DEFAULT_MAX_BYTES,
                                          SourceFile,
                                          Unreadable,
                                          discover_sources,
                                          path_problem,
                                          read_sidecar,
                                          read_source,
)
from pipeline.core.ingest.stage import ingest_corpus, parse_document
from pipeline.core.ingest.wrap import repair_wraps

__all__ = [
    "DEFAULT_MAX_BYTES", "FORMATS", "DateValue", "DocumentMetadata", "Extracted", "FurnitureRules", "SourceFile",
    "Unreadable", "clean_paragraphs", "clean_text", "date_in_path", "decode_bytes", "detect_language",
    "discover_sources", "extract", "extract_metadata", "format_of", "furniture_rule", "furniture_rules",
    "ingest_corpus", "markdown_to_text", "normalise_text", "parse_date_phrase",
    "parse_document", "path_problem", "read_sidecar", "read_source", "repair_wraps",
]
