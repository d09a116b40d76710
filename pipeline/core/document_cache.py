"""The per-document cache store: what each source file became, kept between runs.

Parsing and extraction are pure functions of a file's bytes, its path, the rulebook and the code of
the per-document stage, so their result can be reused whenever all of those are unchanged. One
pickle per source file (named after its path) holds the parsed document (or the reason it was
rejected) and its extraction. An entry is used only when its content hash and its fingerprint (what
besides the bytes decides the result: pipeline/core/document_stage.py's `pipeline_fingerprint`)
match the current ones; a changed file overwrites its entry and a deleted file's entry is pruned.
Anything unreadable in the cache is a miss, never an error: the cache can always be deleted.

The folder is the cache's own (by default `<warehouse name>.cache/` beside the warehouse), marked
with a `CACHEDIR.TAG` so backup tools skip it. Pruning removes only files this cache writes (entry
names are 16 hex digits), so a cache pointed at a folder that holds other files never deletes them.
Beside the entries, `file-status.json` records each file's status when it was last read, so that the
stage can recognise an unchanged file without reading it (see document_stage.py).
"""
from __future__ import annotations

import ast
import hashlib
import json
import os
import pickle
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.core.ids import make_id
from pipeline.core.records import IngestedDocument, Rejection

if TYPE_CHECKING:
    from pipeline.core.extract import DocumentExtraction

PROJECT_ROOT = Path(__file__).resolve().parents[2]  # the folder holding the `pipeline` package
_SUFFIX = ".pkl"
_STATUS_INDEX = "file-status.json"
_ENTRY_NAME = re.compile(r"[0-9a-f]{16}\.pkl")  # make_id('cache', path) + _SUFFIX: the only files prune removes
_TAG_NAME = "CACHEDIR.TAG"  # https://bford.info/cachedir/: backup tools skip a folder holding it
_TAG = (b"Signature: 8a477f597d28d172789f06886806bc55\n"
        b"# This folder is the per-document cache of the cooperation warehouse; it can be deleted.\n")
# An import statement at the start of a line, continued in brackets or after backslashes: found by a
# regex and parsed alone, which is a tenth of the cost of parsing every module whole.
_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+\.*[\w.]*[ \t]+import[ \t]*(?:\([^)]*\)|(?:\\\n|[^\n#])*)"
                     r"|import[ \t]+(?:\\\n|[^\n#])*)", re.MULTILINE)


def code_digest(entry_modules: Iterable[str], root: Path = PROJECT_ROOT) -> str:
    """sha256 over the source of `entry_modules` and of every module of the project they import, at any depth.

    The modules are found by following the import statements (those inside functions too), so a
    module the stage starts to import is covered without being listed, and a module it never
    imports (the analyst tools, the Dagster layer) does not change the digest. Modules outside
    `root` (the standard library, third-party packages) are not followed.
    """
    h = hashlib.sha256()
    for path in sorted(imported_files(entry_modules, root)):
        h.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def imported_files(entry_modules: Iterable[str], root: Path = PROJECT_ROOT) -> set[Path]:
    """The source files of `entry_modules`, of the packages holding them and of everything they import under `root`."""
    files: set[Path] = set()
    seen: set[str] = set()
    todo = list(entry_modules)
    while todo:
        parts = todo.pop().split(".")
        for depth in range(1, len(parts) + 1):  # importing a.b.c runs a/__init__.py and a/b/__init__.py first
            module = ".".join(parts[:depth])
            if module in seen:
                continue
            seen.add(module)
            path = module_file(module, root)
            if path is not None:
                files.add(path)
                todo.extend(imported_names(path, module))
    return files


def module_file(module: str, root: Path) -> Path | None:
    """The file under `root` that `import module` would run, or None for a module from elsewhere."""
    base = root.joinpath(*module.split("."))
    for path in (base / "__init__.py", base.with_name(base.name + ".py")):
        if path.is_file():
            return path
    return None


def imported_names(path: Path, module: str) -> Iterator[str]:
    """Every module name an import statement of `path` may load: `from a import b` names `a` and `a.b`."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in import_statements(path.read_text(encoding="utf-8")):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
            continue
        base = node.module or ""
        if node.level:  # relative: from this package, or `level - 1` packages up
            anchor = package.split(".")[: package.count(".") + 2 - node.level]
            base = ".".join([*anchor, *([base] if base else [])])
        yield base
        yield from (f"{base}.{alias.name}" for alias in node.names)


def import_statements(source: str) -> list[ast.Import | ast.ImportFrom]:
    """The import statements of a module's source, wherever they are (in functions too).

    Each is found by a regex and parsed alone, a tenth of the cost of parsing the module whole; when a
    match is not a statement (import-like text in a docstring), the module is parsed whole instead.
    """
    try:
        return [ast.parse(m.group(0).strip()).body[0] for m in _IMPORT.finditer(source)]
    except SyntaxError:
        return [node for node in ast.walk(ast.parse(source)) if isinstance(node, (ast.Import, ast.ImportFrom))]


@dataclass(frozen=True)
class CacheEntry:
    """What one source file became under one fingerprint."""

    source_path: str
    content_sha256: str
    fingerprint: str
    outcome: IngestedDocument | Rejection
    extraction: DocumentExtraction | None = None

    @property
    def complete(self) -> bool:
        """Nothing left to compute: extracted, or rejected while parsing."""
        return self.extraction is not None or isinstance(self.outcome, Rejection)


class DocumentCache:
    """A folder of CacheEntry pickles, one per source path, written atomically."""

    def __init__(self, directory: Path, fingerprint: str):
        self.directory = Path(directory)
        self.fingerprint = fingerprint

    def _path(self, source_path: str) -> Path:
        return self.directory / f"{make_id('cache', source_path)}{_SUFFIX}"

    def load(self, source_path: str, content_sha256: str) -> CacheEntry | None:
        """The entry for this exact content under the current fingerprint, or None."""
        try:
            with self._path(source_path).open("rb") as handle:
                entry = pickle.load(handle)
        except Exception:  # missing, truncated or written by incompatible code: recompute
            return None
        if (not isinstance(entry, CacheEntry) or entry.source_path != source_path
                or entry.content_sha256 != content_sha256 or entry.fingerprint != self.fingerprint):
            return None
        return entry

    def save(self, entry: CacheEntry) -> None:
        self._write(self._path(entry.source_path), pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))

    def file_statuses(self) -> dict[str, list]:
        """source_path -> [size, mtime_ns, inode, content_sha256, read_at_ns] of each file's last read."""
        try:
            data = json.loads((self.directory / _STATUS_INDEX).read_text(encoding="utf-8"))
        except Exception:  # missing or damaged: every file is read
            return {}
        return data if isinstance(data, dict) else {}

    def save_file_statuses(self, statuses: dict[str, list]) -> None:
        self._write(self.directory / _STATUS_INDEX, json.dumps(statuses, sort_keys=True).encode("utf-8"))

    def _write(self, target: Path, data: bytes) -> None:
        """Write beside the target and rename, so a reader never sees half a file."""
        if not self.directory.is_dir():  # a folder the cache makes is its own: tag it (not one the user named)
            try:
                self.directory.mkdir(parents=True)
            except FileExistsError:  # a worker process made it first
                pass
            else:
                (self.directory / _TAG_NAME).write_bytes(_TAG)
        fd, tmp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def prune(self, keep_source_paths: Iterable[str]) -> int:
        """Delete entries of files that are no longer in the raw folder; returns how many.

        Only files named like this cache's entries and holding a pickled CacheEntry are candidates:
        anything else in the folder was not written here and is left alone.
        """
        if not self.directory.is_dir():
            return 0
        keep = {self._path(p).name for p in keep_source_paths}
        removed = 0
        for path in self.directory.glob(f"*{_SUFFIX}"):
            if path.name not in keep and _written_here(path):
                path.unlink(missing_ok=True)
                removed += 1
        return removed


def _written_here(path: Path) -> bool:
    """An entry of this cache: its name is one this cache gives, and its pickle opens with CacheEntry's class."""
    if not _ENTRY_NAME.fullmatch(path.name):
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(256)
    except OSError:
        return False
    return head.startswith(b"\x80") and all(mark in head for mark in _CLASS_MARKS)


_CLASS_MARKS = (CacheEntry.__module__.encode(), CacheEntry.__qualname__.encode())  # a pickle names its class first
