"""docs/data-dictionary.md is what the generator writes, and describes the relations of a built warehouse."""
from __future__ import annotations

import re

from pipeline.analyst.data_dictionary import render_dictionary
from schemas import TABLE_COLUMNS
from tests.pipeline_run import PROJECT_ROOT, query

DICTIONARY = PROJECT_ROOT / "docs" / "data-dictionary.md"


def documented(markdown: str) -> dict[str, dict[str, str]]:
    """relation -> {column: DuckDB type}, read from the `### \\`name\\`` sections' column tables."""
    out: dict[str, dict[str, str]] = {}
    relation = None
    for line in markdown.splitlines():
        if m := re.match(r"^### `(\w+)`$", line):
            relation = out.setdefault(m.group(1), {})
        elif relation is not None and (m := re.match(r"^\| `(\w+)` \| ([^|]+?) \|", line)):
            relation[m.group(1)] = m.group(2)
    return out


def test_committed_dictionary_is_the_generators_output():
    assert DICTIONARY.read_text(encoding="utf-8") == render_dictionary(), \
        "docs/data-dictionary.md is stale: run `uv run python -m pipeline dictionary`"


def test_dictionary_lists_exactly_the_tables_views_and_columns_of_a_built_warehouse(sample):
    rows = query(sample.warehouse, "SELECT table_name, column_name, data_type FROM information_schema.columns "
                                   "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position")
    built: dict[str, dict[str, str]] = {}
    for relation, column, data_type in rows:
        built.setdefault(relation, {})[column] = data_type
    docs = documented(DICTIONARY.read_text(encoding="utf-8"))
    assert sorted(docs) == sorted(built)
    for relation, columns in built.items():
        assert list(docs[relation].items()) == list(columns.items()), relation


def test_view_descriptions_are_the_comments_duckdb_shows(sample):
    text = DICTIONARY.read_text(encoding="utf-8")
    comments = query(sample.warehouse, "SELECT view_name, comment FROM duckdb_views() WHERE NOT internal")
    assert len(comments) >= 10
    for view, comment in comments:
        assert comment and f"### `{view}`\n\n{comment}\n" in text, view


def test_every_table_column_has_a_meaning_in_the_dictionary():
    text = render_dictionary()  # from the models: ../shared/spec/DATA_CONTRACT.md is not read
    rows = [[cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
            for line in text.splitlines() if re.match(r"^\| `\w+` \| [A-Z]+ \| (?:yes|no) \|", line)]
    assert len(rows) == sum(len(columns) for columns in TABLE_COLUMNS.values())
    assert all(len(row) == 5 for row in rows)
    assert not [column for column, *_, meaning in rows if not meaning]
    assert "see General rules" not in text
