"""Fact kinds: each kind of fact the warehouse holds, declared once.

A fact kind is one module of this package that says, in one `FactKind`:
- which per-document tables its rows fill (their pandera models, in schemas/models.py or, for a kind
  that brings its own tables, in `models`);
- how its facts are found in one document (`extract`) and turned into rows (`rows`);
- how those rows are merged across documents (`merge`: events grouped, duplicates dropped);
- how it is scored against gold (`evaluation`), if it is.

`registry.FACT_KINDS` lists the kinds; extraction, the corpus-wide merge and evaluation loop over the
tuple they are given (that list by default), so a kind is added in one module, its rules, its table
models and its views (README: "How to add a fact kind").
"""
