"""Progress of the per-document loops: documents done, rate and time left, every few seconds.

A large corpus takes minutes to parse and extract, and a silent terminal looks hung. The loops
report through the standard logger `pipeline.progress`, so the core knows nothing of terminals
or Dagster: `python -m pipeline run` sends that logger to stderr (`to_stream`), and elsewhere
(tests, runs started from the UI) the lines go wherever logging is configured to send them.
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


class Progress:
    """Counts documents through one stage and logs a line at most every `every` seconds, and at the end."""

    def __init__(self, stage: str, total: int, every: float = EVERY_SECONDS,
                 clock: Callable[[], float] = time.monotonic, emit: Callable[[str], None] | None = None):
        self.stage, self.total, self.every, self.clock = stage, total, every, clock
        self.emit = emit or LOGGER.info
        self.done = 0
        self.started = self.last = clock()

    def iterate(self, items: Iterable[T]) -> Iterator[T]:
        """The items, counting each one done when the loop body asks for the next (so `continue` counts)."""
        for item in items:
            yield item
            self.step()

    def step(self) -> None:
        """One more document done; log when `every` seconds have passed or this was the last one."""
        self.done += 1
        now = self.clock()
        if self.done >= self.total or now - self.last >= self.every:
            self.last = now
            self.emit(self.line(now))

    def line(self, now: float) -> str:
        elapsed = now - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        if self.done >= self.total:
            return f"{self.stage}: {self.done}/{self.total} documents in {elapsed:.1f} s ({rate:.1f}/s)"
        left = f"~{(self.total - self.done) / rate:.0f} s left" if rate else "time left unknown"
        return f"{self.stage}: {self.done}/{self.total} documents, {rate:.1f}/s, {left}"


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


__all__ = ["LOGGER", "Progress", "to_stream"]
