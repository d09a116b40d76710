"""Contract tables built from documents and extractions in hand, through an in-memory per-document store.

The run keeps the documents' text in its store (build_tables leaves it out of the documents frame); the store
here closes with the call, so the frame gets its text back, as a table that holds every column."""
from __future__ import annotations

import pandas as pd

from pipeline.core.document_store import TEXT_COLUMN, DocumentStore
from pipeline.core.extract import DocumentExtraction, stored_tables
from pipeline.core.kinds.base import FactKind
from pipeline.core.kinds.registry import FACT_KINDS
from pipeline.core.records import IngestedDocument
from pipeline.core.reference import Rulebook
from pipeline.core.resolve import build_tables
from schemas import TABLE_COLUMNS


def tables_of(documents: list[IngestedDocument], extractions: list[DocumentExtraction], rules: Rulebook,
              kinds: tuple[FactKind, ...] = FACT_KINDS, **options) -> dict[str, pd.DataFrame]:
    """build_tables over a store holding `documents` and `extractions` (with `options`: run_id, now, source_urls)."""
    paths = {d.document_id: d.source_path for d in documents}
    with DocumentStore(None, "test", stored_tables(kinds)) as store:
        store.write_parsed([(d.source_path, d.content_sha256, d) for d in documents])
        store.write_extracted([(paths[e.document_id], e.rows, e.rejections, True) for e in extractions])
        tables = build_tables(store, [], rules, kinds=kinds, **options)
        documents = tables["documents"]
        documents.insert(list(TABLE_COLUMNS["documents"]).index(TEXT_COLUMN), TEXT_COLUMN,
                         documents["document_id"].map(dict(store.texts())).astype(object))
        return tables
