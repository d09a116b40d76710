"""The last few published warehouses, kept beside the file, and putting the previous one back.

Why: a run can publish a worse warehouse than the last (a rule change, a bad correction, a truncated raw
folder with --allow-shrink). Rebuilding the old one needs the old inputs and code; keeping the file does not.

Each publish (pipeline/core/publish.py) first files the warehouse it replaces in `<name>.history/` beside
it (`cooperation.history/` for `cooperation.duckdb`), named by the time it was replaced, and keeps the
newest `keep`. Filing is a hard link (no copy, and the replaced file's inode stays what readers of it
read), a copy where the file system has no hard links. `rollback(target)` puts the newest filed warehouse
back, with the same atomic `os.replace` a publish uses: a reader holding the current file open keeps reading
it, a reader opening the path afterwards reads the restored one, and nobody ever sees a half-written file.
The warehouse rolled back from is discarded (a run rebuilds it); a second rollback goes one further back.
Each filed warehouse says in its `build_info` table which code, rules and corrections built it.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import uuid
from pathlib import Path

DEFAULT_KEEP = 3
SUFFIX = ".duckdb"


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


def file_current(target: Path, keep: int, now: dt.datetime | None = None) -> Path | None:
    """File the warehouse at `target` (about to be replaced) in its history and keep only the newest `keep`;
    returns where it was filed, or None when there is nothing to file or nothing is kept (`keep` 0)."""
    target = Path(target)
    if keep <= 0 or not target.is_file():
        prune(target, keep)
        return None
    folder = history_folder(target)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or dt.datetime.now(dt.timezone.utc)).strftime("%Y%m%dT%H%M%S%fZ")
    filed = folder / f"{stamp}{SUFFIX}"
    while filed.exists():  # two publishes within one microsecond
        filed = folder / f"{stamp}-{uuid.uuid4().hex[:6]}{SUFFIX}"
    _link_or_copy(target, filed)
    prune(target, keep)
    return filed


def prune(target: Path, keep: int) -> list[Path]:
    """Remove all but the newest `keep` filed warehouses of `target`; returns what was removed."""
    removed = kept(target)[max(keep, 0):]
    for path in removed:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    return removed


def rollback(target: Path) -> Path:
    """Put the newest filed warehouse of `target` back in its place, atomically; returns the file it came from
    (now gone from the history). Raises NothingToRollBack when none is kept."""
    target = Path(target)
    history = kept(target)
    if not history:
        raise NothingToRollBack(f"no earlier warehouse of {target} is kept in {history_folder(target)}")
    previous = history[0]
    # named like a build, so that publish's remove_abandoned_builds removes it if this process is killed
    staged = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex}.building-rollback")
    try:
        _link_or_copy(previous, staged)
        with contextlib.suppress(FileNotFoundError):
            target.with_name(target.name + ".wal").unlink()  # a WAL of the current file must not replay onto it
        os.replace(staged, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            staged.unlink()
    previous.unlink()
    return previous


__all__ = ["DEFAULT_KEEP", "NothingToRollBack", "file_current", "history_folder", "kept", "prune", "rollback"]
