"""The per-document cache store: exact-key hits only, atomic entries, pruning, fingerprints that see changes."""
from __future__ import annotations

import ast
import shutil

from pipeline.core.document_cache import (
    PROJECT_ROOT,
    CacheEntry,
    DocumentCache,
    code_digest,
    import_statements,
    imported_files,
)
from pipeline.core.document_stage import STAGE_MODULES, pipeline_fingerprint
from pipeline.core.records import IngestedDocument, Rejection
from pipeline.core.reference import DEFAULT_REFERENCE_DIR, load_rulebook


def doc(path: str = "a.txt", sha: str = "s1") -> IngestedDocument:
    return IngestedDocument(document_id="d1", source_path=path, content_sha256=sha, clean_text="Some text.")


def test_an_entry_is_returned_only_for_the_same_content_and_fingerprint(tmp_path):
    cache = DocumentCache(tmp_path, "f1")
    entry = CacheEntry("a.txt", "s1", "f1", doc())
    cache.save(entry)
    assert cache.load("a.txt", "s1") == entry
    assert cache.load("a.txt", "s2") is None  # the file changed
    assert DocumentCache(tmp_path, "f2").load("a.txt", "s1") is None  # code or reference data changed
    assert cache.load("b.txt", "s1") is None
    assert not list(tmp_path.glob("*.tmp"))


def test_a_rejection_is_complete_a_bare_document_is_not():
    assert CacheEntry("a.txt", "s1", "f", Rejection("documents", {}, "empty")).complete
    assert not CacheEntry("a.txt", "s1", "f", doc()).complete


def test_a_damaged_entry_is_a_miss(tmp_path):
    cache = DocumentCache(tmp_path, "f1")
    cache.save(CacheEntry("a.txt", "s1", "f1", doc()))
    for path in tmp_path.glob("*.pkl"):
        path.write_bytes(b"not a pickle")
    assert cache.load("a.txt", "s1") is None


def test_prune_drops_entries_of_files_that_are_gone(tmp_path):
    cache = DocumentCache(tmp_path, "f1")
    for name in ("a.txt", "b.txt"):
        cache.save(CacheEntry(name, "s", "f1", doc(name, "s")))
    assert cache.prune(["a.txt"]) == 1
    assert cache.load("a.txt", "s") is not None and cache.load("b.txt", "s") is None
    assert DocumentCache(tmp_path / "missing", "f1").prune([]) == 0


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
            "pipeline/core/document_cache.py"} <= files
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


def test_prune_removes_only_entries_this_cache_wrote(tmp_path):
    """A cache pointed at a folder that holds other files (say ~/.cache) never deletes them, nor tags it."""
    cache = DocumentCache(tmp_path, "f1")
    cache.save(CacheEntry("gone.txt", "s", "f1", doc("gone.txt", "s")))
    others = {"other-app-state.pkl": b"\x80\x04other", "0123456789abcdef.pkl": b"\x80\x04not ours", "notes.txt": b"x"}
    for name, data in others.items():
        (tmp_path / name).write_bytes(data)
    assert cache.prune([]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(others)  # a folder it did not make is not tagged


def test_a_cache_folder_the_cache_makes_is_tagged_for_backup_tools(tmp_path):
    DocumentCache(tmp_path / "w.cache", "f1").save(CacheEntry("a.txt", "s", "f1", doc()))
    assert (tmp_path / "w.cache" / "CACHEDIR.TAG").read_bytes().startswith(
        b"Signature: 8a477f597d28d172789f06886806bc55")
