"""The code digest the store's fingerprint includes: it follows what the per-document stage imports."""
from __future__ import annotations

import ast
import shutil

from pipeline.core.code_digest import PROJECT_ROOT, code_digest, import_statements, imported_files
from pipeline.core.document_stage import STAGE_MODULES, pipeline_fingerprint
from pipeline.core.reference import DEFAULT_REFERENCE_DIR, load_rulebook


def _edit(path, line: str = "# edited") -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def test_the_code_digest_follows_what_the_stage_imports_and_nothing_else(tmp_path):
    """Editing the Dagster layer, the command line or an analyst tool re-extracts nothing; editing an
    extraction module does, and so does a new module as soon as the stage imports it."""
    shutil.copytree(PROJECT_ROOT / "pipeline", tmp_path / "pipeline",
                    ignore=shutil.ignore_patterns("__pycache__", "reference", "synth"))
    shutil.copytree(PROJECT_ROOT / "schemas", tmp_path / "schemas", ignore=shutil.ignore_patterns("__pycache__"))
    first = code_digest(STAGE_MODULES, tmp_path)
    assert first == code_digest(STAGE_MODULES)  # the copy holds the project's own stage code
    package = tmp_path / "pipeline"
    outside = [*package.glob("defs/*.py"), package / "definitions.py", package / "cli.py", package / "bench.py",
               *(p for name in ("report", "export", "charts", "dictionary", "evaluate", "publish", "validate")
                 for p in package.rglob(f"{name}.py"))]
    assert len(outside) >= 16
    for path in outside:
        _edit(path)
    assert code_digest(STAGE_MODULES, tmp_path) == first
    _edit(package / "core" / "kinds" / "delegations.py")  # a fact kind: found by the registry, not imported by name
    by_kind = code_digest(STAGE_MODULES, tmp_path)
    assert by_kind != first
    _edit(package / "core" / "facts" / "labs.py")  # imported by extract.py through the fact kinds
    edited = code_digest(STAGE_MODULES, tmp_path)
    assert edited != by_kind
    (package / "core" / "facts" / "funding.py").write_text("CALLS = ()\n", encoding="utf-8")
    assert code_digest(STAGE_MODULES, tmp_path) == edited  # not imported yet: nothing runs it
    _edit(package / "core" / "extract.py", "from pipeline.core.facts import funding  # noqa: F401")
    imported = code_digest(STAGE_MODULES, tmp_path)
    _edit(package / "core" / "facts" / "funding.py")
    assert len({first, edited, imported, code_digest(STAGE_MODULES, tmp_path)}) == 4


def test_the_stage_code_is_parsing_extraction_and_what_they_import():
    files = {p.relative_to(PROJECT_ROOT).as_posix() for p in imported_files(STAGE_MODULES)}
    assert {"pipeline/__init__.py", "pipeline/core/ingest/stage.py", "pipeline/core/ingest/furniture.py",
            "pipeline/core/extract.py", "pipeline/core/entities/recognise.py", "pipeline/core/reference.py",
            "pipeline/core/document_store.py"} <= files
    assert not [f for f in files if f.startswith(("pipeline/defs/", "pipeline/analyst/"))]
    # the table models decide which per-document tables and offset columns an extraction has
    assert "schemas/models.py" in files and "pipeline/core/kinds/agreements.py" in files


def test_import_statements_are_found_as_a_parse_of_the_whole_module_finds_them():
    """The fast reader (one regex match per statement) must miss no import of any module of the project."""
    for path in (PROJECT_ROOT / "pipeline").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        whole = [node for node in ast.walk(ast.parse(source)) if isinstance(node, (ast.Import, ast.ImportFrom))]
        assert sorted(map(ast.dump, import_statements(source))) == sorted(map(ast.dump, whole)), path
    tricky = 'x = 1\n"""\nimport the raw folder\n"""\ndef f():\n    from a.b import (c,\n        d)\n'
    assert [ast.dump(n) for n in import_statements(tricky)] == [
        ast.dump(ast.parse("from a.b import (c,\n d)").body[0])]


def test_the_fingerprint_follows_the_rulebooks_contents_not_its_place(tmp_path):
    moved, edited = tmp_path / "moved", tmp_path / "edited"
    for copy in (moved, edited):
        shutil.copytree(DEFAULT_REFERENCE_DIR, copy)
    _edit(edited / "extraction.yaml")
    ours, theirs, changed = (pipeline_fingerprint(load_rulebook(p)) for p in (DEFAULT_REFERENCE_DIR, moved, edited))
    assert ours == theirs != changed
