"""Where the pipeline reads and writes: one resource, so a run, a test or the CLI can point it elsewhere.

Relative paths are resolved against the project root (not the working directory), so the UI, the
CLI and the daemon agree on the same folders whatever directory they were started from.
"""

import os
from pathlib import Path

import dagster as dg
from pydantic import Field

from pipeline.core.cluster import SCHEDULER_ENV, executor_for, scheduler_address
from pipeline.core.corrections import DEFAULT_CORRECTIONS_FILE, CorrectionSet, corrections_for_run
from pipeline.core.document_stage import pipeline_fingerprint
from pipeline.core.document_store import DocumentStore
from pipeline.core.extract import stored_tables
from pipeline.core.history import DEFAULT_KEEP
from pipeline.core.ingest import DEFAULT_MAX_BYTES
from pipeline.core.parallel import Executor
from pipeline.core.reference import Rulebook, load_rulebook

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PROJECT_RAW, PROJECT_GOLD = PROJECT_ROOT / "raw", PROJECT_ROOT / "tests" / "gold" / "raw"
OWNERS = ["team:cooperation-warehouse"]


def project_path(value: str | Path) -> Path:
    """An absolute path: relative values are taken from the project root."""
    path = Path(value).expanduser()
    return path if path.is_absolute() else PROJECT_ROOT / path


class PipelineSettings(dg.ConfigurableResource):
    """Input folder, reference folder, corrections file, published DuckDB file, per-document cache and size limit
    of one run."""

    raw_dir: str = Field(default="raw", description="Folder of source articles (relative to the project root).")
    reference_dir: str = Field(default="pipeline/reference",
                               description="The rulebook's folder: gazetteers, organisations, lexicons and rules "
                                           "files read by parsing and extraction (relative to the project root).")
    warehouse_path: str = Field(default="warehouse/cooperation.duckdb",
                                   description="The published DuckDB file, replaced atomically by each run.")
    keep_warehouses: int = Field(default=DEFAULT_KEEP, ge=0, description=(
        "How many previously published warehouses are kept in `<warehouse name>.history/` beside it, for "
        "`python -m pipeline rollback` (0 keeps none); a rollback keeps the one it rolled back from among them."))
    cache_dir: str | None = Field(default=None, description="Per-document store (each file's parse and rows); "
                                                          "default `<warehouse name>.cache/` beside the warehouse.")
    gold_dir: str | None = Field(default=None, description="Gold JSON files to score the warehouse against (the "
                                                         "gold_slot_f1 check); default tests/gold/raw when "
                                                         "raw_dir is the project's raw/, else none.")
    max_bytes: int = Field(default=DEFAULT_MAX_BYTES, description="Files larger than this are rejected unread.")
    allow_shrink: bool = Field(default=False, description="Publish even when the raw folder holds no usable "
                                                          "document, or fewer than half the documents of the "
                                                          "published warehouse (otherwise the run stops first).")
    dask_scheduler: str | None = Field(default=None, description="Address of a Dask scheduler (tcp://HOST:PORT) "
                                       "whose workers parse and extract the documents; default the "
                                       f"{SCHEDULER_ENV} environment variable, else this machine's processes.")

    corrections_file: str = Field(default=DEFAULT_CORRECTIONS_FILE.relative_to(PROJECT_ROOT).as_posix(), description=(
        "The analysts' corrections (YAML, corrections/README.md), applied to every run's tables before validation; "
        "relative to the project root. The default file may be absent (no corrections); another must exist."))

    @property
    def raw_path(self) -> Path:
        return project_path(self.raw_dir)

    @property
    def reference_path(self) -> Path:
        """Resolved, so every step and worker names the folder alike and load_rulebook reads it once."""
        return project_path(self.reference_dir).resolve()

    @property
    def warehouse_file(self) -> Path:
        return project_path(self.warehouse_path)

    @property
    def cache_path(self) -> Path:
        if self.cache_dir:
            return project_path(self.cache_dir)
        return self.warehouse_file.with_name(f"{self.warehouse_file.stem}.cache")

    @property
    def gold_path(self) -> Path | None:
        """The gold folder of this run's input: the project's own gold files only fit the project's raw/."""
        if self.gold_dir:
            return project_path(self.gold_dir)
        return PROJECT_GOLD if self.raw_path.resolve() == PROJECT_RAW.resolve() else None

    @property
    def corrections_path(self) -> Path:
        return project_path(self.corrections_file)

    def corrections(self) -> CorrectionSet:
        """The corrections this run applies; RunRefused when the file is malformed, or named but missing."""
        required = self.corrections_path.resolve() != DEFAULT_CORRECTIONS_FILE.resolve()
        return corrections_for_run(self.corrections_path, required)

    def rulebook(self) -> Rulebook:
        """The rules of the reference folder, read once per process."""
        return load_rulebook(self.reference_path)

    def cache(self, rules: Rulebook) -> DocumentStore:
        """The per-document store keyed by the stage's code and `rules`; open it with `with`. The fingerprint is
        computed once per rulebook (`Rulebook.derive`), that is once per process, as a Dask worker computes it
        (pipeline/core/cluster.py): a process runs the code it imported, whatever is edited on disk after, and
        reading and hashing every stage module for each step was about 3 % of a one-document run (issue 16)."""
        return DocumentStore(self.cache_path, rules.derive(pipeline_fingerprint), stored_tables())

    def executor(self) -> Executor:
        """Where per-document work runs: the Dask cluster of `dask_scheduler` or of the environment variable,
        else this machine's processes."""
        return executor_for(scheduler_address(self.dask_scheduler, os.environ))
