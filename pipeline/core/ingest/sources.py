"""Finding and reading the raw files: discovery, hashing, size, symlink and path checks.

Every file that cannot be used becomes a `Rejection` with a reason a person can act on; nothing is
skipped silently except hidden files and folders (names starting with '.'), which are editor and
version-control litter rather than inputs.
"""
from __future__ import annotations

import hashlib
import os
import stat
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.core.ids import make_id
from pipeline.core.records import Rejection

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TABLE = "documents"

# Bidirectional overrides can make a file name display as something else: refuse them.
_BIDI_CONTROLS = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F)}


class Unreadable(Exception):
    """A file that cannot become a document; the message is the reason stored in `rejected_records`."""


@dataclass(frozen=True)
class SourceFile:
    """The raw bytes of one file and its identity; everything after this is a pure function of it."""

    source_path: str  # relative to the raw folder, POSIX separators
    data: bytes | None  # None when the caller recognised the content by its file status (see read_source)
    content_sha256: str
    status: FileStatus | None = None


@dataclass(frozen=True)
class FileStatus:
    """What `stat` says of a file when it was read: the same size, modification time and inode later
    mean the same bytes, unless the file was written again within the clock's resolution of that time."""

    size: int
    mtime_ns: int
    inode: int

    @classmethod
    def of(cls, info: os.stat_result) -> FileStatus:
        return cls(info.st_size, info.st_mtime_ns, info.st_ino)


def printable_path(source_path: str) -> str:
    """The path as it can be stored and shown: undecodable bytes and control characters escaped."""
    if any(0xDC80 <= ord(c) <= 0xDCFF for c in source_path):
        source_path = os.fsencode(source_path).decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in source_path)


def reject(source_path: str, reason: str, *, size_bytes: int | None = None,
           content_sha256: str | None = None) -> Rejection:
    """One `rejected_records` row for the documents stage."""
    shown = printable_path(source_path)
    record = {"source_path": shown, "size_bytes": size_bytes, "content_sha256": content_sha256}
    return Rejection(TABLE, record, reason, document_id=make_id("document", shown))


def path_problem(source_path: str) -> str | None:
    """Why a relative path cannot be used as a stable identifier, or None when it is fine.

    Spaces, quotes and non-Latin letters are ordinary in file names and are accepted. Names that are not
    valid UTF-8, hold control or direction-override characters, or contain a backslash (read as a folder
    separator on Windows) would give ids and paths that differ between machines.
    """
    if any(0xDC80 <= ord(c) <= 0xDCFF for c in source_path):
        return "file name is not valid UTF-8"
    if any(unicodedata.category(c) == "Cc" or c in _BIDI_CONTROLS for c in source_path):
        return "file name contains control or text-direction characters"
    if "\\" in source_path:
        return "file name contains a backslash, which is a folder separator on some systems"
    return None


def _inside(root: Path, target: str) -> bool:
    return Path(target) == root or root in Path(target).parents


def _relative(raw_dir: Path, path: Path) -> tuple[Path, str]:
    """The file's absolute path and its POSIX path relative to the raw folder (ValueError if outside)."""
    if not path.is_absolute() and path.parts[: len(raw_dir.parts)] != raw_dir.parts:
        path = raw_dir / path
    full = Path(os.path.abspath(path))
    return full, full.relative_to(os.path.abspath(raw_dir)).as_posix()


def discover_sources(raw_dir: Path) -> tuple[list[Path], list[Rejection]]:
    """All candidate files under `raw_dir`, sorted by relative path, and the entries refused outright.

    Symbolic links are followed only when they stay inside the raw folder; a linked folder inside it is
    not walked twice (its files are found at their real place).
    """
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        raise NotADirectoryError(f"raw folder {raw_dir} does not exist or is not a folder")
    root = Path(os.path.realpath(raw_dir))
    found: list[tuple[str, Path]] = []
    rejections: list[Rejection] = []

    def walk_error(exc: OSError) -> None:
        rel = Path(os.path.relpath(exc.filename, raw_dir)).as_posix() if exc.filename else "."
        rejections.append(reject(rel, f"folder could not be listed: {exc.strerror or exc}"))

    for dirpath, dirnames, filenames in os.walk(raw_dir, onerror=walk_error):
        here = Path(dirpath)
        for name in sorted(dirnames):
            full = here / name
            if name.startswith("."):
                dirnames.remove(name)
            elif full.is_symlink():
                dirnames.remove(name)
                if not _inside(root, os.path.realpath(full)):
                    rejections.append(reject(full.relative_to(raw_dir).as_posix(),
                                             "symlinked folder points outside the raw folder"))
        for name in filenames:
            if name.startswith("."):
                continue
            full = here / name
            rel = full.relative_to(raw_dir).as_posix()
            problem = _entry_problem(root, full, rel)
            if problem:
                rejections.append(reject(rel, problem))
            else:
                found.append((rel, full))
    found.sort(key=lambda item: item[0])
    rejections.sort(key=lambda r: r.record["source_path"])
    return [full for _, full in found], rejections


def _entry_problem(root: Path, full: Path, rel: str) -> str | None:
    """Why a directory entry is not a usable file: odd name, escaping or broken link, special file."""
    problem = path_problem(rel)
    if problem:
        return problem
    if full.is_symlink():
        if not _inside(root, os.path.realpath(full)):
            return "symlink points outside the raw folder"
        if not full.exists():
            return "broken symlink: its target does not exist"
    try:
        mode = full.stat().st_mode
    except FileNotFoundError:
        return "file vanished before it could be read"
    except OSError as exc:
        return f"file could not be inspected: {exc.strerror or exc}"
    return None if stat.S_ISREG(mode) else "not a regular file (device, socket or pipe)"


def read_source(raw_dir: Path, path: Path, max_bytes: int = DEFAULT_MAX_BYTES,
                known: Callable[[str, FileStatus], str | None] | None = None) -> SourceFile | Rejection:
    """Read one file's bytes and hash them; a vanished, oversized, empty or escaping file is a Rejection.

    `known(source_path, status)` may return the content hash of a file it recognises by its status
    (the cache's record of an earlier read): the file then passes every check but is not read, and
    the SourceFile has no data.
    """
    raw_dir = Path(raw_dir)
    try:
        full, rel = _relative(raw_dir, Path(path))
    except ValueError:
        return reject(str(path), "path is outside the raw folder")
    problem = path_problem(rel)
    if problem:
        return reject(rel, problem)
    root = Path(os.path.realpath(raw_dir))
    if full.is_symlink() and not _inside(root, os.path.realpath(full)):
        return reject(rel, "symlink points outside the raw folder")
    try:
        # O_NONBLOCK: a pipe swapped in after discovery must not hang the run.
        fd = os.open(full, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return reject(rel, "file vanished before it could be read")
    except OSError as exc:
        return reject(rel, f"file could not be opened: {exc.strerror or exc}")
    with os.fdopen(fd, "rb") as handle:
        try:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                return reject(rel, "not a regular file (device, socket or pipe)")
            if info.st_size > max_bytes:
                return reject(rel, f"file is {info.st_size} bytes, over the limit of {max_bytes} bytes",
                              size_bytes=info.st_size)
            status = FileStatus.of(info)
            sha = known(rel, status) if known is not None and info.st_size else None
            if sha is not None:
                return SourceFile(rel, None, sha, status)
            data = handle.read(max_bytes + 1)
        except OSError as exc:
            return reject(rel, f"file could not be read: {exc.strerror or exc}")
    sha = hashlib.sha256(data).hexdigest()
    if len(data) > max_bytes:
        return reject(rel, f"file grew past the limit of {max_bytes} bytes while being read", size_bytes=len(data))
    if not data:
        return reject(rel, "empty file", size_bytes=0, content_sha256=sha)
    return SourceFile(rel, data, sha, status)
