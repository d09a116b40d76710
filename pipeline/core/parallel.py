"""Per-document work spread over the machine's cores.

Parsing and extraction are pure functions of one document, so a large batch can be split across
processes without changing any result: `map_documents` yields exactly `fn(x, rules)` for each item,
in order. Workers are forked, so they start with the parent's loaded modules, rulebook and spaCy
pipeline instead of loading them again. What a worker is sent names the rulebook by its folder only
(`_WithRules`): the worker takes the rulebook `load_rulebook` already holds for that folder, the one
it inherited from the parent, or reads it once. Small batches (an incremental run, a test) stay
in-process, where starting workers would cost more than it saves. An exception in a worker is raised
here, as it would be in the loop.

`LocalProcesses` is this module as an `Executor`, the interface the per-document stage is given:
pipeline/core/cluster.py's `DaskCluster` is the other one, for a Dask `distributed` cluster.

Garbage collection is tuned for this shape of work, where each item allocates many short-lived
objects and the process already holds large, long-lived ones (reference data, loaded documents):
the parent's objects are frozen before the fork (so collections in a worker never walk them, and
their pages stay shared), and workers collect the youngest generation less often.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from pipeline.core.reference import Rulebook, load_rulebook

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS_PER_WORKER = 50  # below this a worker's start-up and the pickling outweigh the gain
CHUNK = 16  # items handed to a worker at a time: few round trips, still an even split at the end
WORKER_GC_THRESHOLDS = (50_000, 50, 100)  # generation-0 allocations between collections, and the older ratios


def workers() -> int:
    """Cores this process may use (PIPELINE_WORKERS overrides; 1 disables the pool)."""
    configured = os.environ.get("PIPELINE_WORKERS", "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


@dataclass(frozen=True)
class _WithRules(Generic[T, R]):
    """`fn(item, rules)` as a task of one argument, pickled with the rulebook's folder instead of the rulebook.

    A pool sends the task with every chunk of items; the rulebook is hundreds of kilobytes of
    gazetteers and rules, its folder a path.
    """

    fn: Callable[[T, Rulebook], R]
    rules: Rulebook

    def __call__(self, item: T) -> R:
        return self.fn(item, self.rules)

    def __reduce__(self):
        return _in_worker, (self.fn, self.rules.directory)


def _in_worker(fn: Callable[[T, Rulebook], R], directory: Path) -> _WithRules[T, R]:
    """The task in a worker: the rulebook of `directory`, read at most once per process (load_rulebook)."""
    return _WithRules(fn, load_rulebook(directory))


def map_documents(fn: Callable[[T, Rulebook], R], items: Sequence[T], rules: Rulebook) -> Iterator[R]:
    """`fn(x, rules)` for each of `items`, in order, lazily: by forked worker processes when the batch is large.

    Lazy, so the caller's loop (and its progress lines) runs as results arrive; the pool closes
    when the results are exhausted or the iterator is discarded.
    """
    task = _WithRules(fn, rules)
    n = min(workers(), len(items) // MIN_ITEMS_PER_WORKER)
    if n < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(task, items)
        return
    yield task(items[0])  # in this process first, so the workers inherit whatever it loads and caches
    gc.freeze()
    pool = multiprocessing.get_context("fork").Pool(n, initializer=_start_worker)
    try:
        yield from pool.imap(task, items[1:], chunksize=CHUNK)
        pool.close()  # all done: let the workers exit on their own
    finally:
        pool.terminate()  # no-op after close(); stops the workers when the caller gave up early
        pool.join()
        gc.unfreeze()


def _start_worker() -> None:
    """Default signal handling (the parent's handlers, e.g. Dagster's, would turn the pool's SIGTERM into
    a traceback) and fewer young-generation collections."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    gc.set_threshold(*WORKER_GC_THRESHOLDS)


class Executor(Protocol):
    """Where per-document work runs: `map(fn, items, rules)` yields `fn(x, rules)` for each item, in order.

    The results come back to this process, which alone writes the per-document store
    (pipeline/core/document_stage.py); `description` names the engine for the run's metadata.
    """

    @property
    def description(self) -> str: ...

    def map(self, fn: Callable[[T, Rulebook], R], items: Sequence[T], rules: Rulebook) -> Iterator[R]: ...


@dataclass(frozen=True)
class LocalProcesses:
    """This machine's cores (`map_documents`): forked workers."""

    @property
    def description(self) -> str:
        return f"local processes ({workers()} cores)"

    def map(self, fn: Callable[[T, Rulebook], R], items: Sequence[T], rules: Rulebook) -> Iterator[R]:
        return map_documents(fn, items, rules)


LOCAL = LocalProcesses()
