"""The per-document stage: unchanged files are recognised and not read again, stored documents are neither parsed
nor extracted again, and what a run stores is what the next one finds."""
from __future__ import annotations

import datetime as dt
import os
import shutil

import pytest

from pipeline.core.document_stage import extract_with_cache, ingest_with_cache
from pipeline.core.document_store import DocumentStore
from pipeline.core.extract import stored_tables
from pipeline.core.ids import make_id
from tests.support.rules import default_rulebook

ARTICLE = ("Lakeside University and Harbour Institute sign agreement\n\n"
           "Lakeside University and Harbour Institute signed a cooperation agreement on 3 May 2024.\n")


def _age(path, seconds: float = 60) -> None:
    """Set the file's modification time in the past, as for a file that has been lying in the folder."""
    past = os.stat(path).st_mtime - seconds
    os.utime(path, (past, past))


def _raw(tmp_path, names=("a.txt",), age: bool = True):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in names:
        (raw / name).write_text(ARTICLE.replace("3 May", f"{len(name)} May"), encoding="utf-8")
        if age:
            _age(raw / name)
    return raw


def _store(cache_dir, fingerprint: str = "fp") -> DocumentStore:
    return DocumentStore(cache_dir, fingerprint, stored_tables())


def _ingest(raw, cache_dir, monkeypatch):
    """ingest_with_cache, the files whose bytes it read, and the documents it stored."""
    import pipeline.core.ingest as ingest

    read, real = [], ingest.read_source

    def spy(*args, **kwargs):
        source = real(*args, **kwargs)
        if getattr(source, "data", None) is not None:
            read.append(source.source_path)
        return source

    monkeypatch.setattr(ingest, "read_source", spy)
    with _store(cache_dir) as store:
        stage = ingest_with_cache(raw, 10**6, store, default_rulebook())
        documents = store.documents()
    monkeypatch.setattr(ingest, "read_source", real)
    return stage, sorted(read), documents


def _extract(cache_dir):
    """extract_with_cache, and the agreements the store then holds."""
    with _store(cache_dir) as store:
        return extract_with_cache(store, default_rulebook()), store.rows("agreements")


def test_unchanged_files_are_recognised_by_their_status_and_not_read_again(tmp_path, monkeypatch):
    raw = _raw(tmp_path, ("a.txt", "b.txt"))
    first, read, documents = _ingest(raw, tmp_path / "cache", monkeypatch)
    assert read == ["a.txt", "b.txt"] and first.documents == 2
    _extract(tmp_path / "cache")

    again, read, stored = _ingest(raw, tmp_path / "cache", monkeypatch)
    assert read == [] and again.skipped == 2 and again.documents == 2 and stored == documents


def test_an_unchanged_rerun_processes_nothing(tmp_path, monkeypatch):
    import pipeline.core.ingest as ingest

    raw = _raw(tmp_path, ("a.txt", "b.txt", "c.txt"))
    _ingest(raw, tmp_path / "cache", monkeypatch)
    extracted, agreements = _extract(tmp_path / "cache")
    assert extracted.extracted == 3 and len(agreements) == 3

    monkeypatch.setattr(ingest, "parse_document", lambda *args: (_ for _ in ()).throw(AssertionError("parsed")))
    again = _ingest(raw, tmp_path / "cache", monkeypatch)[0]
    reused, stored = _extract(tmp_path / "cache")
    assert (again.processed, again.skipped, reused.extracted, reused.documents) == (0, 3, 0, 3)
    assert stored == agreements and reused.rows == extracted.rows


def test_a_changed_file_is_read_again_even_with_the_same_size_and_replaces_its_rows(tmp_path, monkeypatch):
    raw = _raw(tmp_path)
    _ingest(raw, tmp_path / "cache", monkeypatch)
    _, before = _extract(tmp_path / "cache")
    (raw / "a.txt").write_text(ARTICLE.replace("3 May", "4 May"), encoding="utf-8")  # same size, new time
    again, read, documents = _ingest(raw, tmp_path / "cache", monkeypatch)
    assert read == ["a.txt"] and again.processed == 1 and "4 May" in documents[0].clean_text
    extracted, after = _extract(tmp_path / "cache")
    assert extracted.extracted == 1 and len(after) == 1
    assert [a["signed_on"].day for a in before + after] == [5, 4]  # "5 May" as _raw wrote it, then "4 May"


@pytest.mark.parametrize("first, then, years", [
    ("https://news.example.edu/2023/05/08/signing/", "https://news.example.edu/2024/05/08/signing/", [2023, 2024]),
    ("https://news.example.edu/2023/05/08/signing/", None, [2023, None]),  # the sidecar dropped the file's line
    (None, "https://www.example.org/news/20220509/signing.html", [None, 2022]),
])
def test_a_new_sidecar_url_dates_the_document_again_and_only_it(tmp_path, monkeypatch, first, then, years):
    """A page that states no date is dated by its sidecar URL, against which "on 3 May" is read: when the URL
    changes, the document is parsed and extracted again (and its rows replaced), the others are not."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("a.txt", "b.txt"):
        (raw / name).write_text(ARTICLE.replace(" 2024", ""), encoding="utf-8")  # "on 3 May": no year
        _age(raw / name)

    def sidecar(url_of_a):
        lines = ["file,url", "b.txt,https://news.example.edu/2021/05/04/b/"] + ([f"a.txt,{url_of_a}"] if url_of_a else [])
        (raw / "sources.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    sidecar(first)
    _ingest(raw, tmp_path / "cache", monkeypatch)
    _, before = _extract(tmp_path / "cache")
    sidecar(then)
    again, read, _ = _ingest(raw, tmp_path / "cache", monkeypatch)
    extracted, after = _extract(tmp_path / "cache")
    assert read == ["a.txt"] and (again.processed, again.skipped, extracted.extracted) == (1, 1, 1)
    a_id, b_id = make_id("document", "a.txt"), make_id("document", "b.txt")
    for rows, year in zip((before, after), years):
        signed = {row["document_id"]: row["signed_on"] for row in rows}
        assert signed == {a_id: dt.date(year, 5, 3) if year else None, b_id: dt.date(2021, 5, 3)}


@pytest.mark.parametrize("first, then", [
    ("https://news.example.edu/2023/05/08/signing/", "https://archive.example.org/2023/05/08/signing-v2/"),
    ("https://news.example.edu/mou", "https://news.example.edu/mou-v2"),
    (None, "https://news.example.edu/mou"),
])
def test_a_sidecar_url_edited_with_the_same_date_reprocesses_nothing(tmp_path, monkeypatch, first, then):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(ARTICLE.replace(" 2024", ""), encoding="utf-8")
    _age(raw / "a.txt")
    for url in (first, then):
        (raw / "sources.csv").write_text("file,url\n" + (f"a.txt,{url}\n" if url else ""), encoding="utf-8")
        stage, read, _ = _ingest(raw, tmp_path / "cache", monkeypatch)
        extracted, _ = _extract(tmp_path / "cache")
    assert read == [] and (stage.processed, stage.skipped, extracted.extracted) == (0, 1, 0)


def test_a_deleted_file_takes_its_rows_with_it(tmp_path, monkeypatch):
    raw = _raw(tmp_path, ("a.txt", "bb.txt"))
    _ingest(raw, tmp_path / "cache", monkeypatch)
    _extract(tmp_path / "cache")
    (raw / "bb.txt").unlink()
    again = _ingest(raw, tmp_path / "cache", monkeypatch)[0]
    extracted, agreements = _extract(tmp_path / "cache")
    assert (again.pruned, again.documents, extracted.documents) == (1, 1, 1)
    assert [a["signed_on"].day for a in agreements] == [5]  # a.txt's "5 May"; bb.txt's "6 May" is gone


def test_a_file_written_just_before_its_reading_is_read_again_next_time(tmp_path, monkeypatch):
    """Within the clock's resolution a second write may keep the time of the first: such a file is not trusted."""
    raw = _raw(tmp_path, age=False)  # modified now, read now
    _ingest(raw, tmp_path / "cache", monkeypatch)
    _extract(tmp_path / "cache")
    again, read, _ = _ingest(raw, tmp_path / "cache", monkeypatch)
    assert read == ["a.txt"] and again.skipped == 1  # read and hashed again, then found in the store


def test_a_stored_document_not_yet_extracted_is_extracted_without_parsing_it_again(tmp_path, monkeypatch):
    raw = _raw(tmp_path)
    _ingest(raw, tmp_path / "cache", monkeypatch)  # parsed, never extracted (say, the run was stopped)
    again, read, _ = _ingest(raw, tmp_path / "cache", monkeypatch)
    assert read == [] and (again.processed, again.skipped) == (0, 1)
    extracted, agreements = _extract(tmp_path / "cache")
    assert extracted.extracted == 1 and len(agreements) == 1


def test_a_failed_extraction_is_stored_so_an_unchanged_rerun_does_no_work(tmp_path, monkeypatch):
    import pipeline.core.extract as extract

    calls = []

    def broken(document, rules):
        calls.append(document.source_path)
        raise ValueError("an odd article")

    monkeypatch.setattr(extract, "extract_document", broken)
    raw = _raw(tmp_path)
    for computed_before in (1, 0):
        _ingest(raw, tmp_path / "cache", monkeypatch)
        extracted, _ = _extract(tmp_path / "cache")
        assert "extraction failed: ValueError: an odd article" in extracted.rejections[0].errors
        assert extracted.extracted == computed_before
    assert calls == ["a.txt"]


def test_a_failure_that_depends_on_the_machine_is_tried_again_next_run(tmp_path, monkeypatch):
    import pipeline.core.extract as extract

    real, calls = extract.extract_document, []

    def short_of_memory(document, rules):
        calls.append(document.source_path)
        raise MemoryError("no memory")

    raw = _raw(tmp_path)
    _ingest(raw, tmp_path / "cache", monkeypatch)
    monkeypatch.setattr(extract, "extract_document", short_of_memory)
    failed, _ = _extract(tmp_path / "cache")
    assert "MemoryError" in failed.rejections[0].errors
    monkeypatch.setattr(extract, "extract_document", real)
    _ingest(raw, tmp_path / "cache", monkeypatch)
    extracted, agreements = _extract(tmp_path / "cache")
    assert calls == ["a.txt"] and extracted.extracted == 1 and not extracted.rejections and len(agreements) == 1


def test_the_stage_parses_with_the_rulebook_it_is_given(tmp_path, monkeypatch):
    """A reference folder is a setting: another folder's rules change what a file becomes, and its fingerprint."""
    from pipeline.core.document_stage import pipeline_fingerprint
    from pipeline.core.reference import DEFAULT_REFERENCE_DIR, load_rulebook

    folder = tmp_path / "reference"
    shutil.copytree(DEFAULT_REFERENCE_DIR, folder)
    furniture = folder / "furniture.yaml"
    furniture.write_text(furniture.read_text(encoding="utf-8").replace(
        "\nline_rules:\n", "\nline_rules:\n  - name: headline\n    pattern: 'sign agreement$'\n", 1), encoding="utf-8")
    other = load_rulebook(folder)
    raw = _raw(tmp_path)
    texts = []
    for name, rules in (("a", default_rulebook()), ("b", other)):
        with _store(tmp_path / name) as store:
            ingest_with_cache(raw, 10**6, store, rules)
            texts.append(store.documents()[0].clean_text)
    assert texts[0].startswith("Lakeside University and Harbour Institute sign agreement\n")
    assert "sign agreement\n" not in texts[1]
    assert pipeline_fingerprint(other) != pipeline_fingerprint(default_rulebook())


def test_tables_built_from_a_store_kept_across_changes_are_those_of_a_fresh_store(tmp_path, monkeypatch):
    """A changed, a deleted and an added file: the kept store gives the same tables as one built from scratch."""
    import datetime as dt

    from pipeline.core.resolve import build_tables

    def tables(cache_dir):
        rules = default_rulebook()
        with _store(cache_dir) as store:
            stage = ingest_with_cache(raw, 10**6, store, rules)
            extract_with_cache(store, rules)
            return build_tables(store, stage.rejections, rules, run_id="r", now=dt.datetime(2024, 1, 1))

    raw = _raw(tmp_path, ("a.txt", "bb.txt", "ccc.txt"))
    tables(tmp_path / "kept")
    (raw / "a.txt").write_text(ARTICLE.replace("Harbour Institute", "Riverside College"), encoding="utf-8")
    (raw / "bb.txt").unlink()
    (raw / "dddd.txt").write_text(ARTICLE.replace("Lakeside", "Hillcrest"), encoding="utf-8")
    kept, fresh = tables(tmp_path / "kept"), tables(tmp_path / "fresh")
    assert set(kept["documents"]["source_path"]) == {"a.txt", "ccc.txt", "dddd.txt"}
    assert "Riverside College" in set(kept["organizations"]["canonical_name"])
    assert "Harbour Institute" in set(kept["organizations"]["canonical_name"])  # ccc.txt still names it
    for name, frame in fresh.items():
        assert kept[name].equals(frame), name


def test_tables_built_from_the_store_hold_each_distinct_text_once(tmp_path):
    """Rows read from the store bring strings of their own; the built tables share one string per distinct text,
    within a table and across tables (the frames live until the publish: their size grows with the corpus)."""
    import datetime as dt

    from pipeline.core.resolve import build_tables

    rules = default_rulebook()
    raw = _raw(tmp_path, ("a.txt", "bb.txt", "ccc.txt"))
    with _store(tmp_path / "cache") as store:
        stage = ingest_with_cache(raw, 10**6, store, rules)
        extract_with_cache(store, rules)
        tables = build_tables(store, stage.rejections, rules, run_id="r", now=dt.datetime(2024, 1, 1))
    texts = [v for frame in tables.values() for column in frame.columns if frame[column].dtype == "str"
             for v in frame[column].tolist() if isinstance(v, str)]
    assert len(texts) > len(set(texts))  # ids and names repeat across rows and tables
    assert len({id(v) for v in texts}) == len(set(texts))


def test_openings_kept_in_a_session_of_their_own_link_the_copies_the_build_would_link(tmp_path, monkeypatch):
    """The run computes the documents' openings in a store session of its own (`keep_openings`), closed before
    the tables are built, so that DuckDB releases the texts it read: the build then computes no opening, and its
    tables (a copy linked to its story) are those of a build that computes them itself."""
    import datetime as dt

    import pipeline.core.resolve as resolve

    story = " ".join(f"Lakeside University and Harbour Institute agreed on step {i} of their exchange." for i in range(12))
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, line in (("a.txt", "By our reporter"), ("b.txt", "From the wire"), ("c.txt", None)):
        body = story if line else ARTICLE
        (raw / name).write_text(f"Exchange agreed\n\n{line or ''}\n\n{body}\n", encoding="utf-8")
        _age(raw / name)
    rules = default_rulebook()

    def tables(cache_dir, first=None):
        with _store(cache_dir) as store:
            stage = ingest_with_cache(raw, 10**6, store, rules)
            extract_with_cache(store, rules)
            if first:
                first(store)
                monkeypatch.setattr(resolve, "fingerprints", None)  # the build must compute no opening
        with _store(cache_dir) as store:
            return build_tables(store, stage.rejections, rules, run_id="r", now=dt.datetime(2024, 1, 1))

    from pipeline.core.resolve import build_tables

    computed = tables(tmp_path / "computed")
    with _store(tmp_path / "computed") as store:
        assert store.document_count() == 3 and store.unopened() == []  # the build kept their openings
    kept = tables(tmp_path / "kept", resolve.keep_openings)
    assert computed["documents"]["copy_of"].notna().sum() == 1
    for name, frame in computed.items():
        assert kept[name].equals(frame), name
