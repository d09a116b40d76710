"""Progress of the per-document loops: documents done, how many came from the cache, rate and time left.

A large corpus takes minutes to parse and extract, and a silent terminal looks hung. The loops
report through the standard logger `pipeline.progress`, so the core knows nothing of terminals
or Dagster: `python -m pipeline run` sends that logger to stderr (`to_stream`), and elsewhere
(tests, runs started from the UI) the lines go wherever logging is configured to send them.

Documents the cache already has cost nothing, so they are counted apart and left out of the rate
and the time left: a re-run on unchanged input says "20 from the cache, 0 processed" instead of an
absurd rate, and a half-cached run estimates the time left from the documents still to process.
"""
from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

LOGGER = logging.getLogger("pipeline.progress")
EVERY_SECONDS = 2.0
T = TypeVar("T")

# what became of one document in the stage; UNREAD: rejected when read (empty, vanished, too large), never parsed
PROCESSED, CACHED, UNREAD = "processed", "from the cache", "rejected on reading"


class Progress:
    """Counts documents through one stage and logs a line at most every `every` seconds, and at the end."""

    def __init__(self, stage: str, total: int, every: float = EVERY_SECONDS,
                 clock: Callable[[], float] = time.monotonic, emit: Callable[[str], None] | None = None):
        self.stage, self.total, self.every, self.clock = stage, total, every, clock
        self.emit = emit or LOGGER.info
        self.counts = {PROCESSED: 0, CACHED: 0, UNREAD: 0}
        self.to_process: int | None = None  # documents the stage will process, when known in advance
        self.started = self.last = clock()

    @property
    def done(self) -> int:
        return sum(self.counts.values())

    def iterate(self, items: Iterable[T], outcome: Callable[[T], str] = lambda item: PROCESSED) -> Iterator[T]:
        """The items, counting each one done (as `outcome(item)` says) when the loop body asks for the
        next, so `continue` counts. The outcomes are read up front, to know how many are left to process."""
        items = list(items)
        outcomes = [outcome(item) for item in items]
        self.to_process = outcomes.count(PROCESSED)
        for item, kind in zip(items, outcomes):
            yield item
            self.step(kind)

    def step(self, outcome: str = PROCESSED, count: int = 1) -> None:
        """`count` more documents done; log when `every` seconds have passed or this was the last one."""
        if not count:
            return
        self.counts[outcome] += count
        now = self.clock()
        if self.done >= self.total or now - self.last >= self.every:
            self.last = now
            self.emit(self.line(now))

    def line(self, now: float) -> str:
        elapsed, processed = now - self.started, self.counts[PROCESSED]
        rate = processed / elapsed if elapsed > 0 else 0.0
        unread = f", {self.counts[UNREAD]} {UNREAD}" if self.counts[UNREAD] else ""
        head = (f"{self.stage}: {self.done}/{self.total} documents "
                f"({self.counts[CACHED]} {CACHED}, {processed} {PROCESSED}{unread})")
        if self.done >= self.total:
            return f"{head} in {elapsed:.1f} s" + (f" ({rate:.1f}/s)" if processed else "")
        remaining = self.to_process - processed if self.to_process is not None else self.total - self.done
        left = f"~{remaining / rate:.0f} s left" if rate else "time left unknown"
        return f"{head}, {rate:.1f}/s, {left}"


@contextlib.contextmanager
def to_stream(stream: TextIO) -> Iterator[None]:
    """Send progress lines to `stream` (one line each, no decoration) while the block runs."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(message)s"))
    level, propagate = LOGGER.level, LOGGER.propagate
    LOGGER.addHandler(handler)
    LOGGER.setLevel(logging.INFO)
    LOGGER.propagate = False
    try:
        yield
    finally:
        LOGGER.removeHandler(handler)
        LOGGER.setLevel(level)
        LOGGER.propagate = propagate


__all__ = ["CACHED", "LOGGER", "PROCESSED", "Progress", "UNREAD", "to_stream"]
