"""The checks a run makes before it does anything irreversible (pipeline/core/guards.py)."""
from __future__ import annotations

import duckdb
import pytest

from pipeline.core.guards import published_document_count, shrink_problem, writable_problem


@pytest.mark.parametrize("found, published, refused", [
    (0, None, True),  # an empty (or unmounted) raw folder and no warehouse yet: nothing to publish
    (0, 20, True),
    (9, 20, True),  # fewer than half
    (10, 20, False),  # exactly half is a deliberate clean-up, not an accident
    (20, 20, False),
    (3, None, False),  # a first run
    (3, 0, False),
])
def test_a_run_that_would_publish_nothing_or_under_half_is_refused(found, published, refused):
    problem = shrink_problem(found, published)
    assert (problem is not None) == refused
    if refused:
        assert "--allow-shrink" in problem and (str(found) in problem or "no usable document" in problem)


def test_published_document_count_reads_the_warehouse_and_tolerates_its_absence(tmp_path):
    path = tmp_path / "w.duckdb"
    assert published_document_count(path) is None
    with duckdb.connect(str(path)) as con:
        con.sql("CREATE TABLE documents (document_id VARCHAR)")
        con.sql("INSERT INTO documents VALUES ('a'), ('b')")
    assert published_document_count(path) == 2
    (tmp_path / "junk.duckdb").write_bytes(b"not a database")
    assert published_document_count(tmp_path / "junk.duckdb") is None


def test_a_warehouse_folder_under_a_file_is_not_writable(tmp_path):
    (tmp_path / "a-file").write_text("x")
    problem = writable_problem(tmp_path / "a-file" / "warehouse")
    assert problem and "a-file" in problem and "NotADirectoryError" in problem
    assert "is a file, not a folder" in writable_problem(tmp_path / "a-file")
    assert writable_problem(tmp_path / "new" / "folder") is None
    assert (tmp_path / "new" / "folder").is_dir() and not list((tmp_path / "new" / "folder").iterdir())


def test_a_refusal_quotes_why_files_were_rejected():
    problem = shrink_problem(0, 5, ["a.pdf: not a PDF", "b.txt: empty file", "c.txt: empty file", "d.txt: binary"])
    assert "4 files were rejected" in problem and "a.pdf: not a PDF; b.txt: empty file; c.txt" in problem
    assert "d.txt" not in problem
