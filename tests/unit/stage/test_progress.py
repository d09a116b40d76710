"""Progress lines of the per-document loops: when they are logged and what they say."""
from __future__ import annotations

import io
import logging

from pipeline.core.progress import CACHED, LOGGER, PROCESSED, UNREAD, Progress, to_stream


def clock(*times: float):
    """A clock that returns the given times in turn (the first is the start)."""
    it = iter(times)
    return lambda: next(it)


def test_logs_every_interval_and_at_the_end_with_rate_and_time_left():
    lines: list[str] = []
    progress = Progress("extract", 5, every=2.0, clock=clock(0.0, 0.5, 1.0, 2.5, 3.0, 4.0), emit=lines.append)
    for _ in range(5):
        progress.step()
    assert lines == ["extract: 3/5 documents (0 from the cache, 3 processed), 1.2/s, ~2 s left",
                     "extract: 5/5 documents (0 from the cache, 5 processed) in 4.0 s (1.2/s)"]


def test_iterate_counts_items_the_loop_body_skips():
    lines: list[str] = []
    progress = Progress("parse", 3, every=60.0, clock=clock(0.0, 1.0, 2.0, 3.0), emit=lines.append)
    kept = []
    for item in progress.iterate(["a", "", "b"]):
        if not item:
            continue
        kept.append(item)
    assert (kept, progress.done) == (["a", "b"], 3)
    assert lines == ["parse: 3/3 documents (0 from the cache, 3 processed) in 3.0 s (1.0/s)"]


def test_a_cached_run_reports_the_cache_and_no_rate():
    lines: list[str] = []
    progress = Progress("parse", 20, clock=clock(0.0, *[0.004 * i for i in range(1, 21)]), emit=lines.append)
    list(progress.iterate(range(20), lambda item: CACHED))
    assert lines == ["parse: 20/20 documents (20 from the cache, 0 processed) in 0.1 s"]


def test_rate_and_time_left_count_only_the_documents_to_process():
    """Half the documents come from the cache at once; the rest take 1 s each: the rate is 1/s, not
    inflated by the cached half, and the time left counts only the documents still to process."""
    lines: list[str] = []
    outcomes = [CACHED] * 5 + [PROCESSED] * 4 + [UNREAD]
    times = [0.0] * 6 + [1.0, 2.0, 3.0, 4.0, 4.0]
    progress = Progress("parse", 10, every=2.0, clock=clock(*times), emit=lines.append)
    list(progress.iterate(outcomes, lambda outcome: outcome))
    assert lines == ["parse: 7/10 documents (5 from the cache, 2 processed), 1.0/s, ~2 s left",
                     "parse: 9/10 documents (5 from the cache, 4 processed), 1.0/s, ~0 s left",
                     "parse: 10/10 documents (5 from the cache, 4 processed, 1 rejected on reading) in 4.0 s (1.0/s)"]


def test_to_stream_sends_lines_to_the_stream_and_restores_the_logger():
    before = (LOGGER.level, LOGGER.propagate, list(LOGGER.handlers))
    stream = io.StringIO()
    with to_stream(stream):
        Progress("parse", 1).step()
    LOGGER.info("not shown")
    assert stream.getvalue().startswith("parse: 1/1 documents (0 from the cache, 1 processed) in ")
    assert stream.getvalue().count("\n") == 1
    assert (LOGGER.level, LOGGER.propagate, list(LOGGER.handlers)) == before
    assert logging.getLogger("pipeline.progress") is LOGGER
