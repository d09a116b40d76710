"""`python -m pipeline run --json`: progress lines on stderr, still one JSON line on stdout."""
from __future__ import annotations

import json
import re


def test_run_reports_parse_and_extract_progress_on_stderr(sample):
    assert re.search(r"^parse: (\d+)/\1 documents in [\d.]+ s \([\d.]+/s\)$", sample.stderr, re.M), sample.stderr
    assert re.search(r"^extract: 3/3 documents in [\d.]+ s \([\d.]+/s\)$", sample.stderr, re.M), sample.stderr


def test_json_stdout_stays_a_single_line(sample):
    lines = sample.stdout.strip().splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0])["documents_processed"] == 3
