"""The digest of the code a stage runs: the modules it names and every project module they import.

The per-document store (pipeline/core/document_store.py) keys its rows by a fingerprint that includes this
digest (pipeline/core/document_stage.py's `pipeline_fingerprint`), so an edit to parsing or extraction
code re-extracts everything even when PIPELINE_VERSION was not bumped, and an edit elsewhere (the analyst
tools, the Dagster layer, the command line) re-extracts nothing.
"""
from __future__ import annotations

import ast
import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]  # the folder holding the `pipeline` package
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
