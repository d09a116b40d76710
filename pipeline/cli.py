"""The command line: `python -m pipeline run | evaluate | ui | export | report | review | rollback | dictionary`.

`run` executes the Dagster job in-process against the project's Dagster instance (DAGSTER_HOME,
by default `.dagster_home/` in the project), so every run from the command line also appears in the
UI's run history with its logs, metadata and check results. Dagster is imported only by the
commands that need it, so `--help` stays fast.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import socket
import sys
import time
from pathlib import Path
from typing import NoReturn

PROJECT_ROOT = Path(__file__).resolve().parents[1]
JOB_NAME = "build_warehouse"
DEFAULT_WAREHOUSE = PROJECT_ROOT / "warehouse" / "cooperation.duckdb"
HOST_TAG, PID_TAG = "cooperation/host", "cooperation/pid"


def ensure_dagster_home() -> Path:
    """Use DAGSTER_HOME when set, else the project's `.dagster_home/`; make it absolute and create it."""
    home = Path(os.environ.get("DAGSTER_HOME") or PROJECT_ROOT / ".dagster_home").expanduser().resolve()
    home.mkdir(parents=True, exist_ok=True)
    os.environ["DAGSTER_HOME"] = str(home)
    return home


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1


def _settings_config(args: argparse.Namespace) -> dict[str, object]:
    """Resource overrides from the flags; paths typed on the command line are relative to the cwd."""
    config: dict[str, object] = {}
    if args.raw_dir:
        config["raw_dir"] = str(Path(args.raw_dir).resolve())
    if args.reference_dir:
        config["reference_dir"] = str(Path(args.reference_dir).resolve())
    if args.warehouse:
        config["warehouse_path"] = str(Path(args.warehouse).resolve())
    if args.cache_dir:
        config["cache_dir"] = str(Path(args.cache_dir).resolve())
    if args.allow_shrink:
        config["allow_shrink"] = True
    if args.corrections:
        config["corrections_file"] = str(Path(args.corrections).resolve())
    if args.dask_scheduler:
        config["dask_scheduler"] = args.dask_scheduler
    return config


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return int(value)


@contextlib.contextmanager
def _dask_local(workers: int | None):
    """With --dask-local N, a LocalCluster of N worker processes while the run executes, and the resource
    setting that names its scheduler; without it, no setting."""
    if workers is None:
        yield {}
        return
    from pipeline.core.cluster import local_cluster

    with local_cluster(workers) as address:
        yield {"dask_scheduler": address}


def root_cause(error) -> str:
    """What a step raised, as `Type: message`, without Dagster's wrappers around it.

    A step that raises is reported as DagsterExecutionStepExecutionError ("Error occurred while
    executing op ...") with the real exception as its cause. The first cause that is not Dagster's
    own is the one to show: its own causes (`raise ... from ...`) are usually less telling (a
    KeyError under a schema error that names the table).
    """
    while error.cause is not None and (error.cls_name or "").startswith("Dagster"):
        error = error.cause
    name = error.cls_name or "Error"
    message = re.sub(rf"^(?:[\w.]+\.)?{re.escape(name)}: ", "", error.message.strip())
    return f"{name}: {message}"


def _failures(result) -> list[str]:
    """Why a run did not publish: failed steps and failed blocking checks, one line each."""
    lines = [f"{e.step_key}: {root_cause(e.step_failure_data.error)}"
             for e in result.all_events if e.is_step_failure and e.step_failure_data.error]
    lines += [f"check {c.asset_key.to_user_string()}:{c.check_name} failed: {c.description or ''}".rstrip(": ")
              for c in result.get_asset_check_evaluations() if not c.passed and c.severity.value == "ERROR"]
    return lines or ["the run did not materialise cooperation_warehouse"]


def _process_gone(run) -> bool:
    """A run started by this CLI on this machine whose process no longer exists (killed, crashed)."""
    if run.tags.get(HOST_TAG) != socket.gethostname() or not run.tags.get(PID_TAG, "").isdigit():
        return False
    try:
        os.kill(int(run.tags[PID_TAG]), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def fail_dead_runs(instance) -> list[str]:
    """Mark as failed the unfinished command-line runs of this machine whose process is gone.

    A run killed with SIGKILL (or by the OOM killer) cannot report its own end, so it would stay
    STARTED for ever, and with `max_concurrent_runs: 1` every later UI, schedule or sensor run would
    wait behind it in the queue. Runs launched by the daemon are watched by Dagster's run
    monitoring (dagster.yaml) instead.
    """
    import dagster as dg

    unfinished = instance.get_runs(filters=dg.RunsFilter(
        statuses=[dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.CANCELING],
        tags={HOST_TAG: socket.gethostname()}))
    failed = []
    for run in unfinished:
        if _process_gone(run):
            instance.report_run_failed(run, "the process running it is gone (killed or crashed)")
            failed.append(run.run_id)
    return failed


def free_stale_pool_slots(instance) -> list[str]:
    """Release concurrency-pool slots held by runs that are over (fail_dead_runs ends the dead ones first).

    A run killed while it held the `duckdb_writer` slot would otherwise block every later run
    forever (there is no daemon watching in-process runs).
    """
    storage = instance.event_log_storage
    if not storage.supports_global_concurrency_limits:
        return []
    freed = []
    for run_id in sorted(storage.get_concurrency_run_ids()):
        run = instance.get_run_by_id(run_id)
        if run is not None and not run.is_finished:
            continue  # alive, or left to the daemon: fail_dead_runs has already failed this machine's dead runs
        storage.free_concurrency_slots_for_run(run_id)
        freed.append(run_id)
    return freed


def step_seconds(instance, run_id: str) -> dict[str, float]:
    """How long each step of the run took, from its start and success events in the instance's log."""
    import dagster as dg

    started, took = {}, {}
    for record in instance.get_records_for_run(
            run_id, of_type={dg.DagsterEventType.STEP_START, dg.DagsterEventType.STEP_SUCCESS}, limit=1000).records:
        entry = record.event_log_entry
        key = entry.step_key
        if entry.dagster_event.event_type == dg.DagsterEventType.STEP_START:
            started[key] = entry.timestamp
        elif key in started:
            took[key] = round(entry.timestamp - started[key], 2)
    return took


def run(args: argparse.Namespace) -> int:
    """Build the warehouse through Dagster; print a summary (one JSON line with --json)."""
    ensure_dagster_home()
    config = _settings_config(args)
    raw = Path(str(config.get("raw_dir", PROJECT_ROOT / "raw")))
    if not raw.is_dir():
        return _fail(f"raw folder {raw} does not exist or is not a folder")

    import dagster as dg

    from pipeline.core.guards import RunRefused
    from pipeline.core.language_table import is_unread, language_table
    from pipeline.core.progress import to_stream
    from pipeline.definitions import defs
    from pipeline.defs.resources import PipelineSettings

    try:  # a malformed corrections file is refused before any work (the run's step would refuse it too)
        PipelineSettings(**config).corrections()
    except RunRefused as exc:
        return _fail(str(exc))
    started = time.monotonic()
    tags = {"trigger": "cli", HOST_TAG: socket.gethostname(), PID_TAG: str(os.getpid())}
    with dg.DagsterInstance.get() as instance:
        for run_id in fail_dead_runs(instance):
            print(f"marked run {run_id} as failed: the process running it is gone", file=sys.stderr)
        for run_id in free_stale_pool_slots(instance):
            print(f"released the pool slots of stale run {run_id}", file=sys.stderr)
        # parse/extract progress lines go to stderr; stdout keeps only the summary
        with to_stream(sys.stderr), _dask_local(args.dask_local) as cluster:
            run_config = {"resources": {"settings": {"config": {**config, **cluster}}},
                          "loggers": {"console": {"config": {"log_level": args.log_level}}}}
            # Step values stay in this process's memory: a command-line run always runs every step, in
            # one process, so nothing needs them on disk, and two runs at once (or one beside the UI's)
            # never read each other's intermediate tables.
            result = defs.resolve_job_def(JOB_NAME).execute_in_process(
                run_config=run_config, instance=instance, raise_on_error=False, tags=tags,
                resources={"io_manager": dg.InMemoryIOManager()})
        seconds = round(time.monotonic() - started, 2)
        published = [m for m in result.get_asset_materialization_events()
                     if m.asset_key == dg.AssetKey("cooperation_warehouse")]
        if not result.success or not published:
            details = "\n  ".join(_failures(result))
            return _fail(f"run {result.run_id} failed; the previous warehouse (if any) is unchanged:\n  {details}")
        stage = result.output_for_node("ingested_documents")
        warehouse = result.output_for_node("cooperation_warehouse")
        steps = step_seconds(instance, result.run_id)
    languages = language_table(PipelineSettings(**config).rulebook())  # the run's, already read in this process
    summary = {
        "documents_seen": stage.seen,
        "documents_processed": stage.processed,
        "unread_language": sum(n for language, n in stage.languages.items() if is_unread(language, languages)),
        "rejected": warehouse["tables"]["rejected_records"],
        "tables": warehouse["tables"],
        "warehouse": warehouse["warehouse"],
        "seconds": seconds,
        "step_seconds": steps,
    }
    if args.json:
        print(json.dumps(summary))
    else:
        print(f"warehouse {summary['warehouse']} built in {seconds} s (run {result.run_id})")
        print(f"documents: {stage.seen} seen, {stage.processed} processed, {stage.skipped} from cache; "
              f"{summary['rejected']} rejected records")
        if summary["unread_language"]:
            print(f"{summary['unread_language']} documents are in a language the extractors do not read: "
                  "no facts come from them")
        for table, rows in summary["tables"].items():
            print(f"  {table:<24} {rows:>7}")
    return 0


def evaluate(args: argparse.Namespace) -> int:
    """Score a published warehouse against a folder of gold JSON files."""
    from pipeline.core.evaluate import format_extras, format_per_document, format_report, score_warehouse

    db = _warehouse(args)
    gold = Path(args.gold).resolve()
    if not db.is_file():
        return _fail(f"warehouse {db} does not exist; build it first with `python -m pipeline run`")
    if not gold.is_dir():
        return _fail(f"gold folder {gold} does not exist")
    result = score_warehouse(db, gold)
    if args.json:
        print(json.dumps(result, default=str))
        return 0
    if args.per_document:
        print(format_per_document(result) + "\n")
    print(format_report(result, args.verbose))
    print(format_extras(result))
    return 0


def _warehouse(args: argparse.Namespace) -> Path:
    return Path(args.warehouse).resolve() if args.warehouse else DEFAULT_WAREHOUSE


def export(args: argparse.Namespace) -> int:
    """Write every table (and with --views every view) of a warehouse as Parquet or CSV files."""
    from pipeline.analyst.export import WarehouseMissing, export_warehouse

    try:
        written = export_warehouse(_warehouse(args), Path(args.out), args.format, args.views, args.escape_formulas)
    except WarehouseMissing as exc:
        return _fail(str(exc))
    print(f"wrote {len(written)} {args.format} files to {Path(args.out).resolve()}")
    return 0


def report(args: argparse.Namespace) -> int:
    """Write the self-contained HTML report of a warehouse."""
    from pipeline.analyst.export import WarehouseMissing
    from pipeline.analyst.report import write_report

    try:
        out = write_report(_warehouse(args), Path(args.out))
    except WarehouseMissing as exc:
        return _fail(str(exc))
    print(f"wrote {out.resolve()}")
    return 0


def _stub(args: argparse.Namespace, fact: dict) -> int:
    """Print the correction stub of `fact`, or with --write append it, commented out, to the corrections file."""
    from pipeline.core.corrections import DEFAULT_CORRECTIONS_FILE
    from pipeline.core.review import StubNotWritten, append_stub

    corrections = Path(args.corrections).resolve() if args.corrections else DEFAULT_CORRECTIONS_FILE
    if not args.write:
        print(f"# paste under `corrections:` in {corrections}, then edit (or append it with --write)")
        print(fact["stub"], end="")
        return 0
    try:
        line = append_stub(corrections, fact)
    except StubNotWritten as exc:
        return _fail(str(exc))
    print(f"appended a stub for {fact['fact']} {fact['fact_id']} to {corrections}, line {line}, commented out: it "
          "changes nothing until you remove the leading # of its lines and fill in reason and author")
    return 0


def review(args: argparse.Namespace) -> int:
    """List the facts most worth an analyst's look (read-only), or print (or append) the correction stub of one."""
    from pipeline.analyst.export import WarehouseMissing, open_read_only
    from pipeline.core.review import format_fact, previous_fact_ids, review_fact, review_queue

    if args.write and not args.stub:
        return _fail("--write appends the stub of --stub ID: name the fact")
    db = _warehouse(args)
    try:
        con = open_read_only(db)
    except WarehouseMissing as exc:
        return _fail(str(exc))
    try:
        previous = previous_fact_ids(db)
        if args.stub:
            fact = review_fact(con, args.stub, previous)
            if fact is None:
                return _fail(f"no agreement or delegation has id {args.stub} in {db}")
            return _stub(args, fact)
        queue = review_queue(con, args.limit, previous)
    finally:
        con.close()
    if args.json:
        print(json.dumps(queue, default=str))
        return 0
    print("\n\n".join(format_fact(rank, fact) for rank, fact in enumerate(queue, 1)) or "nothing to review")
    return 0


def rollback(args: argparse.Namespace) -> int:
    """Put the previously published warehouse (or kept warehouse number N) back in place, atomically; or list the
    kept ones."""
    from pipeline.core.build_record import describe_build
    from pipeline.core.history import NothingToRollBack, by_build, rolled_back
    from pipeline.core.history import rollback as put_back
    from pipeline.core.writer_lock import WarehouseBusy

    db = _warehouse(args)
    if args.list:
        print(f"current: {describe_build(db) if db.is_file() else f'no warehouse at {db}'}")
        history = by_build(db)
        for number, path in enumerate(history, 1):
            mark = " (rolled back from)" if rolled_back(path) else ""
            print(f"{number:>7}: {describe_build(path)}{mark}; {path.name}")
        print("`rollback --to N` puts number N back" if history else f"no kept warehouse of {db}")
        return 0
    try:
        done = put_back(db, args.to)
    except (NothingToRollBack, WarehouseBusy) as exc:
        return _fail(str(exc))
    kept_as = f"; the warehouse rolled back from is kept as {done.kept_as.name}" if done.kept_as else ""
    print(f"restored {db} from {done.restored.name} ({describe_build(db)}){kept_as}; `rollback --list` lists the "
          "kept warehouses, `rollback --to N` puts one back")
    return 0


def dictionary(args: argparse.Namespace) -> int:
    """Regenerate the data dictionary from the pandera models and views.sql."""
    from pipeline.analyst.data_dictionary import render_dictionary

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_dictionary(), encoding="utf-8")
    print(f"wrote {out.resolve()}")
    return 0


def synth(args: argparse.Namespace) -> int:
    """Write a generated corpus and its gold (pipeline/synth/corpus.py)."""
    from pipeline.synth.corpus import write_corpus

    counts = write_corpus(Path(args.out), args.docs, args.seed)
    print(f"wrote {counts['documents']} documents ({counts['words']} words) to {Path(args.out).resolve() / 'raw'} "
          f"and their gold to {Path(args.out).resolve() / 'gold'}")
    return 0


def bench(args: argparse.Namespace) -> int:
    """Throughput, memory, incremental cost, quality and the spaCy baseline on one generated corpus."""
    from pipeline.bench import main as bench_main

    return bench_main(args)


def ui(args: argparse.Namespace) -> NoReturn:
    """Start the Dagster UI (webserver and daemon, so the schedule and sensor tick) on this machine only.

    The process becomes `dg dev` (exec), so Ctrl-C and signals reach it directly. `dg` reads the
    project from pyproject.toml's [tool.dg] section; VIRTUAL_ENV tells it that this interpreter's
    environment is the project's.
    """
    home = ensure_dagster_home()
    print(f"Dagster UI on http://{args.host}:{args.port} (DAGSTER_HOME={home}); Ctrl-C stops it.", file=sys.stderr)
    dg_cli = str(Path(sys.executable).with_name("dg"))
    if not Path(dg_cli).is_file():
        sys.exit(f"error: {dg_cli} not found: start the UI with the project's environment (`make ui`)")
    os.environ["VIRTUAL_ENV"] = sys.prefix
    os.chdir(PROJECT_ROOT)
    os.execv(dg_cli, [dg_cli, "dev", "--host", args.host, "--port", str(args.port)])


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m pipeline", description="The cooperation warehouse.")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("run", help="ingest raw/, extract, validate and publish the warehouse (through Dagster)")
    p.add_argument("--raw-dir", help="folder of source files (default: raw/ in the project)")
    p.add_argument("--reference-dir", help="folder of the reference data and rules that parsing and extraction "
                                           "read (default: pipeline/reference/ in the project)")
    p.add_argument("--warehouse", help="DuckDB file to publish (default: warehouse/cooperation.duckdb)")
    p.add_argument("--cache-dir", help="per-document cache (default: <warehouse name>.cache/ beside the warehouse)")
    p.add_argument("--corrections", help="the analysts' corrections file, applied before validation (default: "
                                         "corrections/corrections.yaml, which may be absent)")
    p.add_argument("--allow-shrink", action="store_true",
                   help="publish even if the raw folder has no usable document, or fewer than half the documents "
                        "of the published warehouse (by default such a run stops and publishes nothing)")
    dask = p.add_mutually_exclusive_group()
    dask.add_argument("--dask-scheduler", metavar="tcp://HOST:PORT",
                      help="parse and extract on the workers of this Dask scheduler (default: the "
                           "COOPERATION_DASK_SCHEDULER environment variable, else this machine's processes)")
    dask.add_argument("--dask-local", type=_positive, metavar="N",
                      help="start a Dask LocalCluster of N worker processes for this run and parse and extract on it")
    p.add_argument("--json", action="store_true", help="print only a one-line JSON summary on stdout")
    p.add_argument("--log-level", default="WARNING", choices=["DEBUG", "INFO", "WARNING", "ERROR"],
                   help="Dagster console log level on stderr (default WARNING)")
    p.set_defaults(func=run)

    p = sub.add_parser("evaluate", help="score a warehouse against a gold folder")
    p.add_argument("--gold", required=True, help="folder of gold JSON files")
    p.add_argument("--warehouse", help="DuckDB file to score (default: warehouse/cooperation.duckdb)")
    p.add_argument("--json", action="store_true", help="print the full result as JSON")
    p.add_argument("--verbose", action="store_true", help="list every miss")
    p.add_argument("--per-document", action="store_true", help="first, a line per gold document, worst first")
    p.set_defaults(func=evaluate)

    p = sub.add_parser("export", help="write every table (and optionally view) as Parquet or CSV files")
    p.add_argument("--format", required=True, choices=["parquet", "csv"])
    p.add_argument("--out", required=True, help="folder for the files (created; files of the same names are replaced)")
    p.add_argument("--warehouse", help="DuckDB file to read (default: warehouse/cooperation.duckdb)")
    p.add_argument("--views", action="store_true", help="export the analysts' views too")
    p.add_argument("--no-escape-formulas", dest="escape_formulas", action="store_false",
                   help="CSV: keep text starting with = + - @ tab or CR as it is (by default it gets a leading "
                        "apostrophe, so a spreadsheet shows it instead of running it as a formula)")
    p.set_defaults(func=export)

    p = sub.add_parser("report", help="write a self-contained HTML report with charts")
    p.add_argument("--out", required=True, help="HTML file to write, e.g. report.html")
    p.add_argument("--warehouse", help="DuckDB file to read (default: warehouse/cooperation.duckdb)")
    p.set_defaults(func=report)

    p = sub.add_parser("review", help="list the facts most worth a look (lowest confidence, single source, new "
                                      "since the previous warehouse), or print or append a correction stub for one")
    p.add_argument("--warehouse", help="DuckDB file to read (default: warehouse/cooperation.duckdb)")
    p.add_argument("--limit", type=int, default=20, help="how many facts to list (default 20)")
    p.add_argument("--stub", metavar="ID", help="print a correction stub for this agreement or delegation id instead")
    p.add_argument("--write", action="store_true",
                   help="with --stub: append the stub to the corrections file instead of printing it, commented "
                        "out, so it changes nothing until you uncomment it and fill in its reason and author")
    p.add_argument("--corrections", help="the corrections file --write appends to (default: "
                                         "corrections/corrections.yaml; created when missing)")
    p.add_argument("--json", action="store_true", help="print the list as JSON")
    p.set_defaults(func=review)

    p = sub.add_parser("rollback", help="put the previously published warehouse back (kept in <name>.history/), "
                                        "keeping the one rolled back from there; fails at once during a publish")
    p.add_argument("--warehouse", help="DuckDB file to roll back (default: warehouse/cooperation.duckdb)")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--list", action="store_true",
                       help="list the current and the kept warehouses, numbered newest build first, and change nothing")
    which.add_argument("--to", type=_positive, metavar="N",
                       help="put back kept warehouse number N of --list instead (a newer one undoes a rollback)")
    p.set_defaults(func=rollback)

    p = sub.add_parser("dictionary", help="regenerate the data dictionary (docs/data-dictionary.md)")
    p.add_argument("--out", default=str(PROJECT_ROOT / "docs" / "data-dictionary.md"), help="Markdown file to write")
    p.set_defaults(func=dictionary)

    p = sub.add_parser("synth", help="generate a synthetic corpus with gold (DIR/raw, DIR/gold) for benchmarks")
    p.add_argument("--docs", type=int, required=True, help="number of documents")
    p.add_argument("--out", required=True, help="folder to write raw/ and gold/ into")
    p.add_argument("--seed", type=int, default=0, help="corpus seed (default 0); same seed, same corpus")
    p.set_defaults(func=synth)

    p = sub.add_parser("bench", help="benchmark the pipeline on a synthetic corpus against a spaCy baseline")
    p.add_argument("--docs", type=int, default=1000, help="corpus size (default 1000)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--no-baseline", action="store_true", help="skip the spaCy baseline (no bench group needed)")
    p.add_argument("--baseline-docs", type=int, help="run the baseline on the first K documents only")
    p.add_argument("--keep", help="work in this folder and keep it (default: a temporary folder, removed)")
    p.add_argument("--adversarial", action="store_true",
                   help="instead, parse hostile files of 1, 2 and 5 MB: seconds and peak memory of each")
    dask = p.add_mutually_exclusive_group()
    dask.add_argument("--dask-local", type=_positive, metavar="N",
                      help="instead, run the pipeline locally and on a Dask LocalCluster of N workers: "
                           "documents/s of each and whether every table's digest is the same")
    dask.add_argument("--dask-scheduler", metavar="tcp://HOST:PORT",
                      help="the same comparison with the workers of this Dask scheduler")
    p.set_defaults(func=bench)

    p = sub.add_parser("ui", help="start the Dagster UI (dagster dev) on 127.0.0.1")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=3000)
    p.set_defaults(func=ui)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)
