"""The last few published warehouses, kept beside the file, and putting one of them back.

Why: a run can publish a worse warehouse than the last (a rule change, a bad correction, a truncated raw
folder with --allow-shrink). Rebuilding the old one needs the old inputs and code; keeping the file does not.

Each publish (pipeline/core/publish.py) first files the warehouse it replaces in `<name>.history/` beside
it (`cooperation.history/` for `cooperation.duckdb`), named by the time it was replaced, and keeps the
newest `keep`. Filing is a hard link (no copy, and the replaced file's inode stays what readers of it
read), a copy where the file system has no hard links. `rollback(target)` puts back the newest kept warehouse
built before the current one (`previous`), with the same atomic `os.replace` a publish uses: a reader holding
the current file open keeps reading it, a reader opening the path afterwards reads the restored one, and nobody
ever sees a half-written file. The warehouse rolled back from is kept in its place in the history, marked
(`<time>.rolled-back.duckdb`), so a rollback can be undone: `rollback(target, number)` puts back any kept
warehouse, numbered newest build first as `by_build` lists them. A rollback takes one warehouse out of the
history and puts one in, so the history never grows past what the last publish kept. A second plain rollback
goes one build further back, past the one rolled back from. Publish and rollback hold the warehouse's writer
lock (pipeline/core/writer_lock.py): a rollback during a publish fails at once, a publish during a rollback
waits. Each kept warehouse says in its `build_info` table which code, rules and corrections built it.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

from pipeline.core.build_record import built_at
from pipeline.core.writer_lock import writer_lock

DEFAULT_KEEP = 3
SUFFIX = ".duckdb"
ROLLED_BACK = ".rolled-back"  # the mark of a warehouse a rollback replaced: <time>.rolled-back.duckdb


class NothingToRollBack(RuntimeError):
    """There is no earlier warehouse to put back."""


def history_folder(target: Path) -> Path:
    """Where the warehouses published before `target`'s current one are kept."""
    target = Path(target)
    return target.with_name(f"{target.stem}.history")


def kept(target: Path) -> list[Path]:
    """The filed warehouses of `target`, newest first (their names sort by when they were replaced)."""
    folder = history_folder(target)
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if p.suffix == SUFFIX and not p.name.startswith(".")), reverse=True)


def _link_or_copy(source: Path, destination: Path) -> None:
    try:
        os.link(source, destination)
    except OSError:  # no hard links on this file system (or across devices): copy, then rename into place
        partial = destination.with_name(f".{destination.name}.{uuid.uuid4().hex}.partial")
        try:
            shutil.copy2(source, partial)
            os.replace(partial, destination)
        finally:
            with contextlib.suppress(FileNotFoundError):
                partial.unlink()


def rolled_back(path: Path) -> bool:
    """Whether a kept warehouse was filed by a rollback (the warehouse rolled back from), not by a publish."""
    return Path(path).name.endswith(ROLLED_BACK + SUFFIX)


def _file(target: Path, mark: str = "", now: dt.datetime | None = None) -> Path:
    """Put the warehouse at `target` in its history, named by `now` (and `mark`); returns where."""
    folder = history_folder(target)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or dt.datetime.now(dt.timezone.utc)).strftime("%Y%m%dT%H%M%S%fZ")
    filed = folder / f"{stamp}{mark}{SUFFIX}"
    while filed.exists():  # two publishes within one microsecond
        filed = folder / f"{stamp}-{uuid.uuid4().hex[:6]}{mark}{SUFFIX}"
    _link_or_copy(target, filed)
    return filed


def file_current(target: Path, keep: int, now: dt.datetime | None = None) -> Path | None:
    """File the warehouse at `target` (about to be replaced) in its history and keep only the newest `keep`;
    returns where it was filed, or None when there is nothing to file or nothing is kept (`keep` 0)."""
    target = Path(target)
    if keep <= 0 or not target.is_file():
        prune(target, keep)
        return None
    filed = _file(target, now=now)
    prune(target, keep)
    return filed


def prune(target: Path, keep: int) -> list[Path]:
    """Remove all but the newest `keep` filed warehouses of `target`; returns what was removed."""
    removed = kept(target)[max(keep, 0):]
    for path in removed:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    return removed


def by_build(target: Path) -> list[Path]:
    """The kept warehouses of `target`, newest build first (build_record.built_at): how `rollback --list`
    numbers them."""
    return sorted(kept(target), key=built_at, reverse=True)


def previous(target: Path) -> Path | None:
    """The newest kept warehouse built before the one at `target` (any kept one when there is none at `target`):
    what a plain rollback puts back, and what the current warehouse was published over. None when none is kept."""
    target = Path(target)
    current = built_at(target) if target.is_file() else None
    return next((p for p in by_build(target) if current is None or built_at(p) < current), None)


@dataclass(frozen=True)
class Rollback:
    """What a rollback did: the kept warehouse it put back (gone from the history), and where the warehouse it
    rolled back from is now kept (None when there was none)."""

    restored: Path
    kept_as: Path | None


def rollback(target: Path, number: int | None = None) -> Rollback:
    """Put a kept warehouse of `target` back in its place, atomically, and keep the one it replaces, marked as
    rolled back from. Without `number`, the newest one built before the current one (`previous`); with it, the
    `number`th of `by_build` (1 the newest build), which can be newer: that undoes a rollback.

    Raises NothingToRollBack when there is no such warehouse, and WarehouseBusy (at once) when a publish or
    another rollback is writing the warehouse.
    """
    target = Path(target)
    with writer_lock(target, "rollback", wait=False):
        history = by_build(target)
        if not history:
            raise NothingToRollBack(f"no earlier warehouse of {target} is kept in {history_folder(target)}")
        if number is not None and not 1 <= number <= len(history):
            raise NothingToRollBack(f"{len(history)} warehouse(s) of {target} are kept: number {number} is not "
                                    f"one of 1 to {len(history)}")
        source = history[number - 1] if number is not None else previous(target)
        if source is None:
            raise NothingToRollBack(f"no kept warehouse of {target} was built before the current one; "
                                    "`rollback --list` lists the kept ones, `rollback --to N` puts one back")
        # named like a build, so that publish's remove_abandoned_builds removes it if this process is killed
        staged = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex}.building-rollback")
        kept_as = None
        try:
            _link_or_copy(source, staged)
            kept_as = _file(target, ROLLED_BACK) if target.is_file() else None
            with contextlib.suppress(FileNotFoundError):
                target.with_name(target.name + ".wal").unlink()  # a WAL of the current file must not replay onto it
            os.replace(staged, target)
        except BaseException:
            if kept_as is not None:
                kept_as.unlink()  # the current warehouse stays in place, not also in the history
            raise
        finally:
            with contextlib.suppress(FileNotFoundError):
                staged.unlink()
        source.unlink()
    return Rollback(source, kept_as)


__all__ = ["DEFAULT_KEEP", "ROLLED_BACK", "NothingToRollBack", "Rollback", "by_build", "file_current", "history_folder",
           "kept", "previous", "prune", "rollback", "rolled_back"]
