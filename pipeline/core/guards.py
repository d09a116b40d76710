"""What a run checks before it does work that could lose data or fail late.

A run replaces the whole warehouse with what it finds in the raw folder. An unmounted volume, a
typo in `--raw-dir` or an emptied folder would otherwise publish an empty (or much smaller)
warehouse over a good one, and prune the cache with it. So a run that finds no usable document,
or fewer than half the documents of the warehouse it would replace, stops before it prunes or
publishes anything, unless it is told that the shrink is intended (`allow_shrink`).

A warehouse folder that cannot be written is found before parsing and extracting, not after.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import duckdb

SHRINK_FLOOR = 0.5  # a run may publish at least this share of the published warehouse's documents


class RunRefused(RuntimeError):
    """The run stopped before doing anything irreversible; the message says why and what to do."""


def writable_problem(folder: Path) -> str | None:
    """Why files cannot be created in `folder` (created if missing), or None.

    A real file is created and removed: permission bits do not tell (root ignores them), a
    read-only mount or a full disk does.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        return f"the warehouse folder {folder} is a file, not a folder"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".write-probe-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        return f"the warehouse folder {folder} is not writable: {exc.strerror or exc} ({type(exc).__name__})"
    return None


def published_document_count(warehouse: Path) -> int | None:
    """Documents in the published warehouse, or None when there is none (or it cannot be read)."""
    warehouse = Path(warehouse)
    if not warehouse.is_file():
        return None
    try:
        with duckdb.connect(str(warehouse), read_only=True) as con:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    except duckdb.Error:
        return None


def shrink_problem(found: int, published: int | None, rejected: Sequence[str] = ()) -> str | None:
    """Why publishing `found` documents over a warehouse of `published` documents looks like a mistake.

    `rejected` are the reasons files of the raw folder were rejected: the first few are quoted,
    since they often say what went wrong (a folder of files that are all unreadable).
    """
    hint = ("Is the raw folder the right one, and mounted? To publish anyway, run with --allow-shrink "
            "(or set allow_shrink: true in the settings resource's run config).")
    why = f" {len(rejected)} files were rejected, among them: {'; '.join(rejected[:3])}." if rejected else ""
    if found == 0:
        return f"the raw folder holds no usable document, so nothing would be published.{why} {hint}"
    if published and found < published * SHRINK_FLOOR:
        return (f"this run found {found} usable documents, but the published warehouse has {published}: "
                f"publishing would drop more than half of them.{why} {hint}")
    return None
