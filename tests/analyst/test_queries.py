"""Every worked question in docs/queries.sql runs on a built warehouse and returns the columns it promises."""
from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb
import pytest

from tests.pipeline_run import PROJECT_ROOT

QUERIES = PROJECT_ROOT / "docs" / "queries.sql"


@dataclass(frozen=True)
class Question:
    number: int
    question: str
    columns: list[str]
    sql: str


def questions() -> list[Question]:
    """The `-- Qn.` blocks: header comments (question, `-- columns:`), then the SQL."""
    out = []
    for block in re.split(r"(?m)^(?=-- Q\d+\. )", QUERIES.read_text(encoding="utf-8"))[1:]:
        head = re.match(r"-- Q(\d+)\. (.+)", block)
        columns = re.search(r"(?m)^-- columns: (.+)$", block)
        assert columns, f"Q{head.group(1)} has no `-- columns:` line"
        sql = "\n".join(line for line in block.splitlines() if not line.startswith("--")).strip()
        out.append(Question(int(head.group(1)), head.group(2), columns.group(1).split(", "), sql))
    return out


@pytest.fixture(scope="module")
def con(sample):
    connection = duckdb.connect(str(sample.warehouse), read_only=True)
    yield connection
    connection.close()


def test_there_are_a_dozen_numbered_questions_each_one_statement():
    qs = questions()
    assert len(qs) >= 12
    assert [q.number for q in qs] == list(range(1, len(qs) + 1))
    assert all(q.question.endswith("?") and q.sql.endswith(";") and q.sql.count(";") == 1 for q in qs)


@pytest.mark.parametrize("q", questions(), ids=lambda q: f"Q{q.number}")
def test_query_runs_and_returns_its_columns(con, q):
    result = con.execute(q.sql)
    assert [d[0] for d in result.description] == q.columns
    result.fetchall()


def test_hong_kong_question_finds_the_sample_memorandum(con):
    """The sample corpus has Zhejiang University signing with The University of Hong Kong in 2023."""
    q1 = next(q for q in questions() if q.number == 1)
    rows = con.execute(q1.sql).fetchall()
    assert ("Zhejiang University", ["The University of Hong Kong"]) in [(r[0], r[3]) for r in rows]
    assert all(r[4] >= 1 for r in rows)
