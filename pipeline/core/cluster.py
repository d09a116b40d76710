"""Per-document work on a Dask `distributed` cluster: the rows of a local run, computed by workers anywhere.

Parsing and extraction are pure functions of one document and the rulebook, so where they run cannot
change a row, as long as every worker has the same rulebook and the same code. What this module does
to keep it so, and to keep a large run manageable:

- The rulebook travels as its folder's files (`RulesBundle`), broadcast once to every worker: a worker
  on another machine has no reference folder at this run's path. A worker writes the files into a
  folder named after their digest in its own scratch folder (removed when the worker stops) and reads
  them with `load_rulebook`, which checks them as it does here (once per worker process), and the
  digest is checked again.
- Every batch first compares the worker's pipeline fingerprint (PIPELINE_VERSION, the rulebook's
  digest and the stage's code: pipeline/core/document_stage.py) with this run's, and refuses to run
  (`WorkerMismatch`) when they differ: a worker with other code would publish rows this code would
  not, under this code's cache key.
- Documents go in batches (at most BATCH_MAX per task), with WINDOW_PER_THREAD batches per worker
  thread in flight: the scheduler handles tens of tasks rather than one per document, the documents
  on their way stay bounded, and the results are yielded in the documents' order.
- A document that raises on a worker is named (`DocumentFailed`, with the worker's host and process):
  a remote traceback alone does not say which of 100,000 documents it was.
- Workers do not write the per-document store: they may not see this machine's disk, and the caller
  writes what comes back, as it does for its local processes.

Nothing here is global: `DaskCluster` is the scheduler's address, and each `map` that has documents to
send opens its own `Client` (never set as Dask's default client) and closes it when its results are
in. A run whose documents all come from the cache does not connect at all, so it does not need the
cluster to be up.
"""
from __future__ import annotations

import contextlib
import itertools
import math
import os
import shutil
import socket
import tempfile
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pipeline.core.document_stage import pipeline_fingerprint
from pipeline.core.parallel import LOCAL, Executor
from pipeline.core.reference import ReferenceDataError, Rulebook, load_rulebook

if TYPE_CHECKING:
    from distributed import Client

T = TypeVar("T")
R = TypeVar("R")

SCHEDULER_ENV = "COOPERATION_DASK_SCHEDULER"  # the scheduler's address when neither flag nor setting names one
BATCH_MAX = 200  # documents per task: about 2 s of extraction, against the scheduler's few ms per task
BATCHES_PER_THREAD = 4  # smaller batches when there are few documents, so every worker gets some
WINDOW_PER_THREAD = 2  # batches in flight per worker thread: one running, one waiting to start
CONNECT_SECONDS = 30
WORKER_WAIT_SECONDS = 60  # a scheduler without any worker would hold the run for ever


class ClusterUnavailable(RuntimeError):
    """The configured scheduler cannot be reached, or no worker joins it."""


class WorkerMismatch(RuntimeError):
    """A worker runs other pipeline code (or another pipeline version) than this run."""


class DocumentFailed(RuntimeError):
    """Parsing or extracting one document raised on a worker."""


def scheduler_address(setting: str | None, environ: Mapping[str, str]) -> str | None:
    """The Dask scheduler to run on: the resource's setting, else SCHEDULER_ENV, else None (local processes).

    `python -m pipeline run --dask-scheduler` (or `--dask-local`) writes the setting into the run's
    configuration, which replaces what the Definitions give it: command line, then setting, then the
    environment.
    """
    for value in (setting, environ.get(SCHEDULER_ENV)):
        if value and value.strip():
            return value.strip()
    return None


def batch_size(items: int, threads: int) -> int:
    """Documents per task: BATCHES_PER_THREAD tasks per worker thread, at most BATCH_MAX documents each."""
    return max(1, min(BATCH_MAX, math.ceil(items / (BATCHES_PER_THREAD * max(threads, 1)))))


def _here() -> str:
    return f"worker on {socket.gethostname()} (pid {os.getpid()})"


@dataclass(frozen=True)
class RulesBundle:
    """A reference folder's files, by name: the rulebook as it travels to workers that may lack the folder."""

    digest: str
    files: tuple[tuple[str, bytes], ...]

    @classmethod
    def of(cls, rules: Rulebook) -> RulesBundle:
        """The files `rules` was read from (every file of its folder, as its digest covers)."""
        paths = sorted(p for p in rules.directory.iterdir() if p.is_file())
        return cls(rules.digest, tuple((p.name, p.read_bytes()) for p in paths))

    def rulebook(self, scratch: Path) -> Rulebook:
        """The rulebook of these files on this machine: written once into a folder of `scratch`, read and
        checked by `load_rulebook` (once per process), and refused if its digest is not the sender's."""
        folder = scratch / f"cooperation-rules-{self.digest}"
        if not folder.is_dir():
            self._write(folder)
        rules = load_rulebook(folder)
        if rules.digest != self.digest:
            raise ReferenceDataError(f"the reference files in {folder} have digest {rules.digest}, "
                                     f"not the {self.digest} that was sent: delete the folder")
        return rules

    def _write(self, folder: Path) -> None:
        """Write beside `folder` and rename, so no process reads a half-written folder."""
        staging = Path(tempfile.mkdtemp(prefix=f"{folder.name}.", dir=folder.parent))
        for name, data in self.files:
            (staging / name).write_bytes(data)
        try:
            staging.rename(folder)
        except OSError:  # another worker process of this machine wrote it first
            shutil.rmtree(staging, ignore_errors=True)


def run_batch(fn: Callable[[T, Rulebook], R], items: Sequence[T], bundle: RulesBundle, fingerprint: str) -> list[R]:
    """On a worker: `fn(x, rules)` for each item, after checking that this worker would key the results alike.

    The worker's fingerprint is computed once per rulebook (`Rulebook.derive`), that is once per
    worker process, since load_rulebook keeps the rulebook.
    """
    from distributed import get_worker

    rules = bundle.rulebook(Path(get_worker().local_directory))
    found = rules.derive(pipeline_fingerprint)
    if found != fingerprint:
        raise WorkerMismatch(f"{_here()} has pipeline fingerprint {found}, this run {fingerprint}: its pipeline "
                             "code or version differs; install this version on every worker and restart them")
    results = []
    for item in items:
        try:
            results.append(fn(item, rules))
        except Exception as exc:
            name = getattr(item, "source_path", None) or repr(item)[:200]
            raise DocumentFailed(f"{name} failed on the {_here()}: {type(exc).__name__}: {exc}") from exc
    return results


@dataclass(frozen=True)
class DaskCluster:
    """Per-document work on the workers of the Dask scheduler at `address` (see the module docstring)."""

    address: str

    @property
    def description(self) -> str:
        return f"Dask scheduler {self.address}"

    def map(self, fn: Callable[[T, Rulebook], R], items: Sequence[T], rules: Rulebook) -> Iterator[R]:
        """`fn(x, rules)` for each item, in order, lazily, through a client connected while results are due."""
        if not items:
            return
        with connect(self.address) as client:
            yield from _map_on(client, fn, items, rules)


def _map_on(client: Client, fn: Callable[[T, Rulebook], R], items: Sequence[T], rules: Rulebook) -> Iterator[R]:
    """The batches of `items` submitted a window at a time, their results yielded in order; the batches not
    yet done are cancelled if the caller stops early or a batch fails."""
    threads = max(1, sum(w["nthreads"] for w in client.scheduler_info(n_workers=-1)["workers"].values()))
    size = batch_size(len(items), threads)
    bundle = client.scatter(RulesBundle.of(rules), broadcast=True, hash=False)
    fingerprint = pipeline_fingerprint(rules)
    batches = (items[start:start + size] for start in range(0, len(items), size))

    def submit(batch: Sequence[T]):
        return client.submit(run_batch, fn, batch, bundle, fingerprint, pure=False)

    pending = deque(submit(batch) for batch in itertools.islice(batches, WINDOW_PER_THREAD * threads))
    try:
        while pending:
            done = pending.popleft()
            pending.extend(submit(batch) for batch in itertools.islice(batches, 1))
            yield from done.result()
    finally:
        client.cancel([*pending, bundle])


@contextlib.contextmanager
def connect(address: str) -> Iterator[Client]:
    """A client of the scheduler at `address` that has at least one worker, while the block runs."""
    from distributed import Client

    try:
        client = Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except OSError as exc:
        raise ClusterUnavailable(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    with client:
        try:
            client.wait_for_workers(1, timeout=WORKER_WAIT_SECONDS)
        except TimeoutError as exc:
            raise ClusterUnavailable(f"no worker joined the Dask scheduler at {address} "
                                     f"within {WORKER_WAIT_SECONDS} s") from exc
        yield client


def executor_for(address: str | None) -> Executor:
    """Local processes when `address` is None, else the Dask cluster of the scheduler at `address`."""
    return LOCAL if address is None else DaskCluster(address)


@contextlib.contextmanager
def local_cluster(workers: int) -> Iterator[str]:
    """A `LocalCluster` of `workers` processes with one thread each, its scheduler's address while the block runs.

    Processes, not threads: parsing and extraction are pure Python, and threads would share one GIL.
    The worker processes are forked, as pipeline/core/parallel.py's are, instead of Dask's default
    spawn: a spawned worker imports distributed and then the pipeline (spaCy, trafilatura) anew, which
    took 15 to 50 s per worker on this 2-core machine, and its shutdown outlasted the nanny's 4 s
    grace; forked, the cluster was up in 3 s and closed in 0.1 s. The scheduler listens on 127.0.0.1
    only, and its HTTP endpoints on a free port (8787 may be another cluster's).
    """
    import dask
    from distributed import LocalCluster

    with (dask.config.set({"distributed.worker.multiprocessing-method": "fork"}),
          LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster):
        yield cluster.scheduler_address
