"""The benchmark corpus generator and the bench command: deterministic corpora, valid gold, the report's keys.

No timing is asserted: the figures depend on the machine and its load (BENCHMARKS.md has them).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.bench import run_bench, run_dask_comparison
from pipeline.synth.corpus import FORMATS, WORDS, generate, write_corpus
from schemas import TABLE_COLUMNS
from tests.unit import test_gold_files


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_synth_is_deterministic_per_seed(tmp_path):
    write_corpus(tmp_path / "a", 5, seed=3)
    write_corpus(tmp_path / "b", 5, seed=3)
    write_corpus(tmp_path / "c", 5, seed=4)
    a, b, c = _tree(tmp_path / "a"), _tree(tmp_path / "b"), _tree(tmp_path / "c")
    assert a == b
    assert len(a) == 10 and a != c


def test_document_depends_only_on_seed_and_index():
    """The incremental benchmark adds document N to the corpus of N: it must not change the others."""
    assert generate(7, seed=1) == generate(7, seed=1)
    assert generate(7, seed=1) != generate(8, seed=1)


def test_corpus_varies_format_length_and_phrasing(tmp_path):
    write_corpus(tmp_path, 60, seed=0)
    files = sorted((tmp_path / "raw").iterdir())
    assert {p.suffix[1:] for p in files} == set(FORMATS)
    words = [len(p.read_text(encoding="utf-8").split()) for p in files]
    assert min(words) >= WORDS[0] and max(words) > 1000
    text = " ".join(p.read_text(encoding="utf-8") for p in files)
    for phrase in ("signed", "inked", "entered into", "teamed up with", "was signed by"):
        assert phrase in text


def test_synth_gold_is_valid(tmp_path, monkeypatch):
    """Every generated gold file passes the same checks as the project's hand-made gold."""
    write_corpus(tmp_path, 25, seed=2)
    monkeypatch.setitem(test_gold_files.GOLD_SETS, "synth", (tmp_path / "gold", tmp_path / "raw"))
    codes = test_gold_files._domain_codes()
    for path in sorted((tmp_path / "gold").glob("*.json")):
        test_gold_files.test_gold_file_is_valid("synth", path, codes)
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert gold["agreements"] and gold["domains"]


def test_synth_text_is_not_copied_from_the_seeds(tmp_path):
    seeds = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared seeds not available")
    write_corpus(tmp_path, 30, seed=0)
    ours = {s.strip() for p in (tmp_path / "raw").iterdir() for s in p.read_text(encoding="utf-8").split(". ")
            if len(s.split()) >= 8}
    theirs = " ".join(p.read_text(encoding="utf-8", errors="replace") for p in seeds.iterdir() if p.is_file())
    assert not [s for s in ours if s in theirs]


def test_bench_without_baseline_reports_every_figure(tmp_path):
    result = run_bench(20, seed=0, baseline=False, workdir=tmp_path)
    assert {"documents", "words", "pipeline", "incremental", "quality", "targets_met"} <= set(result)
    assert {"seconds", "documents_per_second", "words_per_second", "peak_rss_mb", "cpu_seconds"} <= set(
        result["pipeline"])
    assert result["pipeline"]["documents_processed"] == 20 and result["pipeline"]["rejected"] == 0
    assert "document_extractions" in result["pipeline"]["step_seconds"]
    assert result["incremental"] == {**result["incremental"], "documents_processed": 1, "documents_seen": 21}
    assert 0.5 < result["quality"]["slot_f1"] <= 1.0
    assert "baseline" not in result and "ratio_words_per_second" not in result
    json.dumps(result)


def test_the_dask_comparison_runs_both_ways_and_compares_every_table(tmp_path):
    result = run_dask_comparison(12, ["--dask-local", "2"], seed=0, workdir=tmp_path)
    assert (result["local"]["flags"], result["dask"]["flags"]) == ([], ["--dask-local", "2"])
    assert (result["local"]["documents_processed"], result["dask"]["documents_processed"]) == (12, 12)
    assert (result["table_digests_equal"], result["tables_differing"]) == (True, [])
    assert set(result["table_digests"]) == set(TABLE_COLUMNS)
    json.dumps(result)


def test_bench_says_how_to_get_the_missing_baseline(tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.bench.BASELINE_MODULE", "no_such_spacy_model_installed")
    with pytest.raises(RuntimeError, match="--group bench"):
        run_bench(5, baseline=True, workdir=tmp_path)
    assert not (tmp_path / "corpus").exists(), "it stops before generating or running anything"
