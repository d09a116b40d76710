"""`python -m pipeline run --json`: progress lines on stderr, still one JSON line on stdout."""
from __future__ import annotations

import json
import re

from tests.analyst.conftest import run_pipeline


def test_run_reports_parse_and_extract_progress_on_stderr(sample):
    # the corpus has three articles and an empty file, rejected when read
    assert re.search(r"^parse: 4/4 documents \(0 from the cache, 3 processed, 1 rejected on reading\) in [\d.]+ s "
                     r"\([\d.]+/s\)$", sample.stderr, re.M), sample.stderr
    assert re.search(r"^extract: 3/3 documents \(0 from the cache, 3 processed\) in [\d.]+ s \([\d.]+/s\)$",
                     sample.stderr, re.M), sample.stderr


def test_a_rerun_on_the_cache_says_so_instead_of_giving_a_rate(sample, tmp_path):
    code, out, err = run_pipeline(sample.raw, tmp_path / "again.duckdb", sample.cache, sample.home)
    assert code == 0 and json.loads(out)["documents_processed"] == 0, err
    assert re.search(r"^parse: 4/4 documents \(3 from the cache, 0 processed, 1 rejected on reading\) in [\d.]+ s$",
                     err, re.M), err
    assert re.search(r"^extract: 3/3 documents \(3 from the cache, 0 processed\) in [\d.]+ s$", err, re.M), err
    assert "/s" not in "".join(line for line in err.splitlines() if line.startswith(("parse:", "extract:")))


def test_json_stdout_stays_a_single_line(sample):
    lines = sample.stdout.strip().splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0])["documents_processed"] == 3
