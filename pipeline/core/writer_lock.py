"""One writer of a published warehouse at a time, across processes: an OS lock on `<warehouse>.lock` beside it.

Why: Dagster's `duckdb_writer` pool keeps two runs of one Dagster instance from publishing at once, but
`python -m pipeline rollback`, or a run of another instance, is not one of its runs. A rollback between a
publish's filing of the current warehouse (pipeline/core/history.py) and its swap would be undone by the swap
and leave the history wrong. So a publish and a rollback each hold this lock while they write: a publish that
finds it held waits (it has done all its work and must not be lost to a rollback of a few milliseconds), a
rollback that finds it held fails at once with who holds it (it would otherwise wait for a whole build, and then
roll back a warehouse its user has not seen). Readers never take it: the atomic swap is what keeps them safe.

The lock is `flock` on a small file, so the kernel releases it when its holder exits, even when killed; the
file stays (removing a lock file races with the next locker) and holds the current holder, for the message.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Callable, Iterator
from pathlib import Path


class WarehouseBusy(RuntimeError):
    """Another process is publishing or rolling back the warehouse."""


def lock_path(target: Path) -> Path:
    """The lock file of the warehouse at `target` (`cooperation.duckdb.lock` beside `cooperation.duckdb`)."""
    target = Path(target)
    return target.with_name(f"{target.name}.lock")


def _holder(fd: int) -> str:
    text = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
    return text or "publish or rollback by another process"


@contextlib.contextmanager
def writer_lock(target: Path, action: str, wait: bool = True,
                on_wait: Callable[[str], object] | None = None) -> Iterator[None]:
    """Hold the warehouse's writer lock for `action` (publish, rollback) while the block runs.

    When another process holds it: with `wait`, call `on_wait` with who holds it, then wait for it; without,
    raise WarehouseBusy saying who holds it.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path(target), os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            if not wait:
                raise WarehouseBusy(f"the {action} did not start: a {holder} is writing {target}; try again when "
                                    "it is done") from None
            if on_wait is not None:
                on_wait(f"the {action} waits: a {holder} is writing {target}")
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{action} by process {os.getpid()}\n".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)  # a process that finds the lock free between here and the close reads no stale holder
    finally:
        os.close(fd)  # releases the lock


__all__ = ["WarehouseBusy", "lock_path", "writer_lock"]
