"""The analyst's tools: export, the HTML report and its charts, the data dictionary.

They read a published warehouse (or the table declarations) and never run while a document is
extracted, so they live outside `pipeline.core`: editing them does not change what the per-document
stage imports, and so cannot invalidate the extraction cache. Like the core, they never import Dagster.
"""
