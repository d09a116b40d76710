"""Finding and reading the raw files: discovery, hashing, size, symlink and path checks.

Every file that cannot be used becomes a `Rejection` with a reason a person can act on; nothing is
skipped silently except hidden files and folders (names starting with '.'), which are editor and
version-control litter rather than inputs.

The raw folder may hold a sidecar, `sources.csv` at its top, with the columns `file` (a path relative
to the raw folder) and `url` (where that file was downloaded from). It is not a document, so discovery
leaves it out; `read_sidecar` reads it on every run (it is small, and reading it apart from the
per-document cache means editing it needs no re-extraction), and every row it cannot use becomes a
`Rejection` saying which line and why. A URL the sidecar gives wins over one the page states: the
person who made the folder said it explicitly.
"""
from __future__ import annotations

import csv
import hashlib
import io
import os
import posixpath
import stat
import unicodedata
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from pipeline.core.ids import make_id
from pipeline.core.records import Rejection

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TABLE = "documents"
SIDECAR = "sources.csv"  # at the top of the raw folder: file -> URL it was downloaded from
SIDECAR_COLUMNS = ("file", "url")

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
    url: str | None = None  # the URL the raw folder's sidecar gives for the file (read_sidecar), when it gives one


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
    if source_path.isascii() and source_path.isprintable() and "\\" not in source_path:
        return None  # the common case, decided without looking at each character
    if any(0xDC80 <= ord(c) <= 0xDCFF for c in source_path):
        return "file name is not valid UTF-8"
    if any(unicodedata.category(c) == "Cc" or c in _BIDI_CONTROLS for c in source_path):
        return "file name contains control or text-direction characters"
    if "\\" in source_path:
        return "file name contains a backslash, which is a folder separator on some systems"
    return None


def _inside(root: Path, target: str) -> bool:
    return Path(target) == root or root in Path(target).parents


def _relative(raw_dir: Path, path: str | Path) -> tuple[str, str]:
    """The file's absolute path and its POSIX path relative to the raw folder (ValueError if outside).

    Compared as strings: this runs once per file on every run, where pathlib's parsing cost more than the
    file system's answers (issue 16); only a relative path is parsed, to tell whether it names the raw folder."""
    path = os.fspath(path)
    if not os.path.isabs(path) and Path(path).parts[: len(raw_dir.parts)] != raw_dir.parts:
        path = os.path.join(raw_dir, path)
    full, base = os.path.abspath(path), os.path.abspath(raw_dir)
    if full == base:
        return full, "."
    prefix = os.path.join(base, "")
    if not full.startswith(prefix):
        raise ValueError(f"{full} is not inside {base}")
    return full, full[len(prefix):].replace(os.sep, "/")


def discover_sources(raw_dir: Path) -> tuple[list[str], list[Rejection]]:
    """All candidate files under `raw_dir` (each the folder's path joined with the file's, as text: a `Path` for
    each of 10,000 files cost more than listing them, issue 16), sorted by relative path, and the entries
    refused outright.

    Symbolic links are followed only when they stay inside the raw folder; a linked folder inside it is
    not walked twice (its files are found at their real place). The folders are listed with os.scandir,
    whose entries say (from the listing itself, on most file systems) whether they are plain files,
    folders or links: a plain file costs no system call of its own, the others get every check.
    """
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        raise NotADirectoryError(f"raw folder {raw_dir} does not exist or is not a folder")
    root = Path(os.path.realpath(raw_dir))
    found: list[tuple[str, str]] = []
    rejections: list[Rejection] = []
    pending = [(os.fspath(raw_dir), "")]  # (folder, its path relative to the raw folder with a trailing '/')
    while pending:
        folder, prefix = pending.pop()
        entries = _listing(raw_dir, folder)
        if isinstance(entries, Rejection):
            rejections.append(entries)
            continue
        for entry in entries:
            is_folder = _is_folder(entry)
            if entry.name.startswith(".") or (entry.name == SIDECAR and not prefix and not is_folder):
                continue  # hidden, or the sidecar at the top
            rel = prefix + entry.name
            problem = _folder_problem(root, entry) if is_folder else _file_problem(root, entry, rel)
            if problem:
                rejections.append(reject(rel, problem))
            elif not is_folder:
                found.append((rel, entry.path))
            elif not entry.is_symlink():
                pending.append((entry.path, rel + "/"))
    found.sort(key=lambda item: item[0])
    rejections.sort(key=lambda r: r.record["source_path"])
    return [full for _, full in found], rejections


def _listing(raw_dir: Path, folder: str) -> list[os.DirEntry] | Rejection:
    """The entries of one folder, or why it could not be listed (its files are then not found)."""
    try:
        with os.scandir(folder) as listing:
            return list(listing)
    except OSError as exc:
        rel = Path(os.path.relpath(exc.filename, raw_dir)).as_posix() if exc.filename else "."
        return reject(rel, f"folder could not be listed: {exc.strerror or exc}")


def _is_folder(entry: os.DirEntry) -> bool:
    """Whether the entry is a folder or a link to one (an entry that cannot be inspected is taken as a file,
    whose checks then say why it cannot be used)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _folder_problem(root: Path, entry: os.DirEntry) -> str | None:
    """Why a symlinked folder is refused (it points outside the raw folder), or None. A symlinked folder
    inside is not walked: its files are found at their real place."""
    if entry.is_symlink() and not _inside(root, os.path.realpath(entry.path)):
        return "symlinked folder points outside the raw folder"
    return None


def _file_problem(root: Path, entry: os.DirEntry, rel: str) -> str | None:
    """Why a listed file is not usable; a plain regular file (as the listing says) needs only its name checked."""
    if entry.is_file(follow_symlinks=False):  # (a symlink is no file here: it takes the checks below)
        return path_problem(rel)
    return _entry_problem(root, Path(entry.path), rel)


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


def read_source(raw_dir: Path, path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES,
                known: Callable[[str, FileStatus], str | None] | None = None) -> SourceFile | Rejection:
    """Read one file's bytes and hash them; a vanished, oversized, empty or escaping file is a Rejection.

    `known(source_path, status)` may return the content hash of a file it recognises by its status
    (the cache's record of an earlier read): the file then passes every check but is not opened, and
    the SourceFile has no data.
    """
    located = _located(raw_dir if isinstance(raw_dir, Path) else Path(raw_dir), path)
    if isinstance(located, Rejection):
        return located
    full, rel, info = located
    sha = _recognised(info, max_bytes, rel, known)
    if sha is not None:
        return SourceFile(rel, None, sha, FileStatus.of(info))
    try:
        # O_NONBLOCK: a pipe swapped in after discovery must not hang the run.
        fd = os.open(full, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return reject(rel, "file vanished before it could be read")
    except OSError as exc:
        return reject(rel, f"file could not be opened: {exc.strerror or exc}")
    with os.fdopen(fd, "rb") as handle:
        try:
            return _read_open_file(handle, rel, max_bytes)
        except OSError as exc:
            return reject(rel, f"file could not be read: {exc.strerror or exc}")


def _located(raw_dir: Path, path: Path | str) -> tuple[str, str, os.stat_result | None] | Rejection:
    """The file's absolute path, its path relative to the raw folder and its status (None when it cannot be
    had), or why it may not be read there."""
    try:
        full, rel = _relative(raw_dir, path)
    except ValueError:
        return reject(str(path), "path is outside the raw folder")
    problem = path_problem(rel)
    if problem:
        return reject(rel, problem)
    try:
        info = os.lstat(full)  # of a file that is not a link, this is its status: one system call for both
        if stat.S_ISLNK(info.st_mode):
            if not _inside(Path(os.path.realpath(raw_dir)), os.path.realpath(full)):
                return reject(rel, "symlink points outside the raw folder")
            info = os.stat(full)
    except OSError:
        info = None  # opening it says why
    return full, rel, info


def _recognised(info: os.stat_result | None, max_bytes: int, rel: str,
                known: Callable[[str, FileStatus], str | None] | None) -> str | None:
    """The content hash `known` gives for a regular, non-empty file within the size limit, by its status alone:
    such a file is not opened (on an unchanged folder, most files)."""
    if known is None or info is None or not stat.S_ISREG(info.st_mode) or not 0 < info.st_size <= max_bytes:
        return None
    return known(rel, FileStatus.of(info))


def _read_open_file(handle: BinaryIO, rel: str, max_bytes: int) -> SourceFile | Rejection:
    """The SourceFile of an opened file, or why it is not one: not a regular file, oversized, grown past the
    limit while read, or empty."""
    info = os.fstat(handle.fileno())
    if not stat.S_ISREG(info.st_mode):
        return reject(rel, "not a regular file (device, socket or pipe)")
    if info.st_size > max_bytes:
        return reject(rel, f"file is {info.st_size} bytes, over the limit of {max_bytes} bytes",
                      size_bytes=info.st_size)
    data = handle.read(max_bytes + 1)
    sha = hashlib.sha256(data).hexdigest()
    if len(data) > max_bytes:
        return reject(rel, f"file grew past the limit of {max_bytes} bytes while being read", size_bytes=len(data))
    if not data:
        return reject(rel, "empty file", size_bytes=0, content_sha256=sha)
    return SourceFile(rel, data, sha, FileStatus.of(info))


def http_url(value: object) -> str | None:
    """`value` without surrounding space when it is an absolute http(s) URL with a host, else None."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        parts = urllib.parse.urlsplit(value)
        host = parts.hostname
    except ValueError:  # a malformed port or IPv6 address
        return None
    if parts.scheme.lower() not in ("http", "https") or not host or any(c.isspace() for c in value):
        return None
    return value


def _sidecar_rejection(reason: str, line: int | None = None, file: str | None = None, url: str | None = None,
                       *, document: bool = False) -> Rejection:
    record = {"source_path": SIDECAR, "line": line, "file": file, "url": url}
    where = f"{SIDECAR} line {line}" if line else SIDECAR
    return Rejection(TABLE, record, f"{where}: {reason}", document_id=make_id("document", file) if document else None)


def _sidecar_file_problem(raw_dir: Path, root: Path, file: str) -> str | None:
    """Why a `file` cell does not name a document in the raw folder, or None when it does."""
    if not file:
        return "the file column is empty"
    if file.startswith("/") or any(p == ".." or p.startswith(".") for p in file.split("/")):
        return f"file {file!r} is not a path relative to the raw folder (no '..', no hidden parts)"
    if file == SIDECAR:
        return f"file {file!r} is the sidecar itself"
    full = raw_dir / file
    if not full.is_file() or not _inside(root, os.path.realpath(full)):
        return f"file {file!r} does not exist in the raw folder"
    return None


def read_sidecar(raw_dir: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[dict[str, str], list[Rejection]]:
    """The URLs `sources.csv` gives (source_path -> URL) and a Rejection for each row it cannot use.

    No sidecar is no URLs and no rejections. A sidecar that cannot be read or lacks a column is one
    rejection and no URLs; otherwise each bad row (unknown file, a URL that is not http(s), a file
    listed twice with different URLs) is rejected alone and the other rows are used.
    """
    raw_dir = Path(raw_dir)
    path = raw_dir / SIDECAR
    if not path.exists() and not path.is_symlink():
        return {}, []
    root = Path(os.path.realpath(raw_dir))
    text = _sidecar_text(path, root, max_bytes)
    if isinstance(text, Rejection):
        return {}, [text]
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in reader.fieldnames or []]  # `File,URL` names the same columns
    if not set(SIDECAR_COLUMNS) <= set(header):
        return {}, [_sidecar_rejection(f"the header must name the columns {', '.join(SIDECAR_COLUMNS)}; "
                                       f"found {', '.join(header) or 'nothing'}")]
    reader.fieldnames = header
    return _sidecar_urls(reader, raw_dir, root)


def _sidecar_text(path: Path, root: Path, max_bytes: int) -> str | Rejection:
    """The sidecar's text, or the one rejection that makes none of it usable."""
    problem = _entry_problem(root, path, SIDECAR)
    if problem:
        return _sidecar_rejection(problem)
    try:
        size = path.stat().st_size
        if size > max_bytes:  # checked before reading: a huge sidecar is not loaded at all
            return _sidecar_rejection(f"is {size} bytes, over the limit of {max_bytes} bytes")
        return path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        return _sidecar_rejection(f"could not be read: {exc.strerror or exc}")
    except UnicodeDecodeError:
        return _sidecar_rejection("is not UTF-8 text")


def _sidecar_urls(reader: csv.DictReader, raw_dir: Path, root: Path) -> tuple[dict[str, str], list[Rejection]]:
    """The URL of each usable row, and a rejection for each other row (or for the rest of the file from a line
    that is not valid CSV on)."""
    urls: dict[str, str] = {}
    rejections: list[Rejection] = []
    try:
        for row in reader:
            line = reader.line_num
            file, given = (row.get("file") or "").strip(), (row.get("url") or "").strip()
            if not file and not given:
                continue  # a blank line
            file = posixpath.normpath(file) if file else file  # "./a.txt", "sub//a.txt": as discovery names them
            file_problem = _sidecar_file_problem(raw_dir, root, file)
            url = http_url(given)
            problem = file_problem or _sidecar_url_problem(file, given, url, urls)
            if problem:
                rejections.append(_sidecar_rejection(problem, line, file, given, document=file_problem is None))
            else:
                urls[file] = url
    except csv.Error as exc:
        rejections.append(_sidecar_rejection(f"is not valid CSV from line {reader.line_num} on: {exc}"))
    return urls, rejections


def _sidecar_url_problem(file: str, given: str, url: str | None, urls: dict[str, str]) -> str | None:
    """Why a row naming a usable file cannot give it `url`: not http(s), or the file has another URL already."""
    if url is None:
        return f"url {given!r} is not an absolute http(s) URL"
    if urls.get(file, url) != url:
        return f"file {file!r} is listed again with another URL; the first one, {urls[file]!r}, is kept"
    return None
