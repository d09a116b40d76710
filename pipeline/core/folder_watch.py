"""When the raw folder has changed and settled: what the sensor (pipeline/defs/automation.py) decides on.

A signature of every file's path, size and modification time notices new, changed and deleted
files without reading them; the settle rule asks for one run per batch of changes, not one per file.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path


def folder_signature(root: Path) -> str:
    """A cheap digest of (path, size, mtime) of every visible file under `root`: changes when any file does.

    Used by the sensor to notice new, changed and deleted files without reading them.
    """
    h = hashlib.sha256()
    root = Path(root)
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(n for n in filenames if not n.startswith(".")):
            path = Path(dirpath) / name
            try:
                info = path.stat()
            except OSError:
                continue  # vanished or unreadable: the run itself will report it
            rel = path.relative_to(root).as_posix()
            h.update(f"{rel}\0{info.st_size}\0{info.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def settle_step(cursor: str | None, signature: str) -> tuple[str, str | None]:
    """One look at the raw folder by the sensor: (new cursor, why not to run) or (cursor, None) to run.

    The cursor remembers the signature last seen and the one last built. A new signature is only
    noted; a run is asked for once the same signature is seen twice in a row, so a batch of files
    being copied in gives one run, not one per file.
    """
    state = json.loads(cursor) if cursor else {}
    if signature == state.get("built"):
        return json.dumps(state), "raw folder unchanged since the last requested run"
    if signature != state.get("seen"):
        return json.dumps({**state, "seen": signature}), "raw folder changed; waiting one interval for it to settle"
    return json.dumps({"seen": signature, "built": signature}), None
