"""The keyed tables a run keeps in the store's folder (resolve.KEYED, KEPT_FILE): a run that merges again only the
keys its changed files touch builds the tables a merge of every stored row builds, and does merge only those."""
from __future__ import annotations

import datetime as dt
import os
import pickle

import pytest

import pipeline.core.resolve as resolve
from pipeline.core.document_stage import extract_with_cache, ingest_with_cache
from pipeline.core.document_store import DocumentStore
from pipeline.core.extract import stored_tables
from pipeline.core.resolve import KEPT_FILE, KEYED, build_tables
from tests.support.rules import default_rulebook

_ARTICLES = {
    "a.txt": "Lakeside University and Harbour Institute sign agreement\n\nProfessor Jane Smith, president of Lakeside "
             "University, and Harbour Institute signed a cooperation agreement in Beijing on 3 May 2024.\n",
    "bb.txt": "Harbour Institute delegation visits Shanghai\n\nA delegation of Harbour Institute led by Professor Wang Wei "
              "visited Fudan University in Shanghai on 10 June 2024.\n",
    "ccc.txt": "Fudan University and Lakeside University set up a joint lab\n\nFudan University and Lakeside University "
               "signed an agreement in Shanghai on 2 April 2024 to cooperate in artificial intelligence and marine "
               "biology and exchange students. Professor Jane Smith attended. The two universities established the "
               "Joint Laboratory of Artificial Intelligence, which will carry out research in artificial intelligence.\n",
}


def _write(raw, name: str, text: str) -> None:
    (raw / name).write_text(text, encoding="utf-8")
    past = os.stat(raw / name).st_mtime - 60  # lying in the folder: its status is trusted by the next run
    os.utime(raw / name, (past, past))


def _tables(raw, cache_dir, code: str | None):
    rules = default_rulebook()
    with DocumentStore(cache_dir, "fp", stored_tables()) as store:
        stage = ingest_with_cache(raw, 10**6, store, rules)
        extract_with_cache(store, rules)
        return build_tables(store, stage.rejections, rules, run_id="r", now=dt.datetime(2024, 1, 1), code=code)


def _assert_same(got: dict, expected: dict) -> None:
    assert set(got) == set(expected)
    for name, frame in expected.items():
        assert list(got[name].dtypes) == list(frame.dtypes), name
        assert got[name].equals(frame), name


@pytest.fixture
def raw(tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    for name, text in _ARTICLES.items():
        _write(folder, name, text)
    return folder


@pytest.mark.parametrize("share", [resolve.REKEEP_SHARE, 1])
def test_a_kept_store_changed_file_by_file_builds_the_tables_of_a_fresh_one(raw, tmp_path, monkeypatch, share):
    """Unchanged, then a file changed, one deleted and one added, then the deleted one back: after each, the run
    on the kept store and tables builds every table as a run from scratch does (values, dtypes and order), with the
    tables kept by the last run (written at this size, REKEEP_SHARE) or by the first alone (share 1)."""
    monkeypatch.setattr(resolve, "REKEEP_SHARE", share)
    kept = tmp_path / "kept"
    _tables(raw, kept, "code")
    assert (kept / KEPT_FILE).is_file()
    steps = [lambda: None,
             lambda: (_write(raw, "a.txt", _ARTICLES["a.txt"].replace("Harbour Institute", "Riverside College")),
                      (raw / "bb.txt").unlink(),
                      _write(raw, "dddd.txt", _ARTICLES["bb.txt"].replace("Wang Wei", "Li Na"))),
             lambda: _write(raw, "bb.txt", _ARTICLES["bb.txt"])]
    for n, step in enumerate(steps):
        step()
        got = _tables(raw, kept, "code")
        _assert_same(got, _tables(raw, tmp_path / f"fresh{n}", None))
        assert all(len(got[table]) for table in (*KEYED, "agreement_activities", "agreement_domains",
                                                 "agreement_signatories", "labs", "lab_mentions", "document_domains"))


def test_only_the_keys_the_changed_files_reach_are_merged_again(raw, tmp_path, monkeypatch):
    """After one file changed, each keyed table is built again for the keys that file's rows reach, before or after
    the change, not for every key."""
    kept = tmp_path / "kept"
    _tables(raw, kept, "code")
    _write(raw, "bb.txt", _ARTICLES["bb.txt"].replace("Wang Wei", "Li Na"))
    asked: dict[str, set] = {}
    for table, spec in KEYED.items():
        def spy(store, name, types, among=None, real=spec.build):
            asked[name] = set(among[1]) if among else None
            return real(store, name, types, among)
        monkeypatch.setitem(KEYED, table, resolve.Keyed(spec.key, spy))
    got = _tables(raw, kept, "code")
    assert asked["people"] and None not in asked.values()
    people = dict(zip(got["people"]["full_name"], got["people"]["person_id"]))
    assert people["Li Na"] in asked["people"] and people["Jane Smith"] not in asked["people"]  # in a.txt, ccc.txt
    assert len(asked["mentions"]) == 1  # bb.txt's document
    monkeypatch.undo()
    _assert_same(got, _tables(raw, tmp_path / "fresh", None))


@pytest.mark.parametrize("spoil", ["other code", "damaged"])
def test_kept_tables_of_other_code_or_damaged_are_not_used(raw, tmp_path, spoil):
    """Tables kept under another code digest, or a file that cannot be read, are merged again from every row."""
    kept = tmp_path / "kept"
    _tables(raw, kept, "code")
    path = kept / KEPT_FILE
    if spoil == "damaged":
        path.write_bytes(path.read_bytes()[:100])
        code = "code"
    else:
        stale = pickle.loads(path.read_bytes())
        stale.frames = {name: frame.iloc[:0] for name, frame in stale.frames.items()}  # wrong: must not be used
        path.write_bytes(pickle.dumps(stale))
        code = "other"
    _write(raw, "dddd.txt", _ARTICLES["bb.txt"].replace("Wang Wei", "Li Na"))
    _assert_same(_tables(raw, kept, code), _tables(raw, tmp_path / "fresh", None))


def test_a_text_column_patched_with_rows_of_nulls_is_typed_as_when_built_at_once():
    """A key's rows merged again may hold only nulls in a text column (an object column on their own): patched into
    the kept table, the column is text, as in the table built from every row (seen at 10,000 documents)."""
    import pandas as pd

    rows = [("a", "Lakeside University"), ("b", None), ("c", None)]
    at_once = pd.DataFrame(rows, columns=["key", "parent"])
    patched = resolve._concat([pd.DataFrame(rows[:2], columns=["key", "parent"]),
                               pd.DataFrame(rows[2:], columns=["key", "parent"])])
    assert list(patched.dtypes) == list(at_once.dtypes) and patched.equals(at_once)


def test_a_document_dated_again_by_its_sidecar_url_is_merged_again(raw, tmp_path):
    """A page that states no date is dated by its sidecar URL: a URL with another date parses and extracts it
    again with the same bytes and document id, and the kept tables take its new rows (here the lab founded "in
    2023" is news of its founding when told in 2023, its history when told in 2024), as a fresh build does."""
    _write(raw, "ccc.txt", "Fudan University opens lab\n\nFudan University established the Joint Laboratory of "
           "Artificial Intelligence in 2023, Professor Jane Smith said.\n")
    kept = tmp_path / "kept"
    statuses = []
    for n, year in enumerate((2023, 2024)):
        (raw / "sources.csv").write_text(f"file,url\nccc.txt,https://news.example.edu/{year}/05/08/lab/\n",
                                         encoding="utf-8")
        got = _tables(raw, kept, "code")
        _assert_same(got, _tables(raw, tmp_path / f"fresh{n}", None))
        statuses.append(list(got["labs"]["status"]))
    assert statuses[0] != statuses[1]


_STORY = ("Lakeside University and Harbour Institute open a marine research station\n\nLakeside University and Harbour "
          "Institute opened a joint marine research station on the northern coast on Monday, the two institutions "
          "said. The station will host twenty researchers from both sides, who will study coastal erosion, fish "
          "stocks and the warming of the shelf sea over the next five years. Professor Jane Smith, president of "
          "Lakeside University, said the station would train students from both countries and share its data with "
          "the public. Harbour Institute will provide two research vessels and a laboratory for sediment samples, "
          "and the university will fund the station's first three years of operation.\n")


def _copy(headline: str) -> str:
    return headline + "\n\n" + _STORY.split("\n\n", 1)[1]


def _links(tables) -> dict[str, str]:
    docs = tables["documents"]
    paths = dict(zip(docs["document_id"], docs["source_path"]))
    return {paths[d]: paths[c] for d, c in zip(docs["document_id"], docs["copy_of"]) if isinstance(c, str)}


@pytest.mark.parametrize("share", [resolve.REKEEP_SHARE, 1])
def test_syndicated_copies_added_changed_and_deleted_are_linked_as_in_a_fresh_run(raw, tmp_path, monkeypatch, share):
    """The syndication links of a run on the kept store (the kept digests of the unchanged files' openings, the
    store's of the changed ones) are a fresh run's after each step: a copy added, a second copy added, the first
    copy rewritten as a copy of another document, the story deleted, then added back; and the run reads the
    signatures of the files changed since the tables were kept only: the last run's at this size (REKEEP_SHARE), the
    first run's when they are never kept again (share 1)."""
    monkeypatch.setattr(resolve, "REKEEP_SHARE", share)
    kept = tmp_path / "kept"
    _write(raw, "story.txt", _STORY)
    _write(raw, "copy1.txt", _copy("Coastal station opens"))
    _tables(raw, kept, "code")
    asked: list[list[str]] = []
    real = DocumentStore.opening_signatures

    def spy(store, paths, width, digest=None):
        asked.append(list(paths))
        return real(store, paths, width, digest)
    # each step, the links after it, and whose signatures are read with the tables kept by the last run, or by the
    # first alone (the story added back as it was kept is not changed since)
    steps = [(lambda: _write(raw, "copy2.txt", _copy("A marine station for two institutions")),
              {"copy1.txt", "copy2.txt"}, {"copy2.txt"}, {"copy2.txt"}),
             (lambda: _write(raw, "copy1.txt", _ARTICLES["ccc.txt"]), {"copy2.txt", "ccc.txt"}, {"copy1.txt"},
              {"copy1.txt", "copy2.txt"}),
             (lambda: (raw / "story.txt").unlink(), {"ccc.txt"}, set(), {"copy1.txt", "copy2.txt"}),
             (lambda: _write(raw, "story.txt", _STORY), {"copy2.txt", "ccc.txt"}, {"story.txt"},
              {"copy1.txt", "copy2.txt"})]
    for n, (step, copies, read_each_run, read_since_first) in enumerate(steps):
        step()
        asked.clear()
        with monkeypatch.context() as patched:
            patched.setattr(DocumentStore, "opening_signatures", spy)
            got = _tables(raw, kept, "code")
        _assert_same(got, _tables(raw, tmp_path / f"fresh{n}", None))
        assert set(_links(got)) == copies
        assert set(asked[0]) == (read_since_first if share == 1 else read_each_run)  # not every document's opening


def test_the_kept_tables_are_written_again_once_a_hundredth_of_the_files_changed(raw, tmp_path, monkeypatch):
    """A run writes its tables for the next only when the files changed since they were kept are more than
    1/REKEEP_SHARE of the store's; until then each run merges again what every file changed since touches, and
    builds what a fresh run builds."""
    monkeypatch.setattr(resolve, "REKEEP_SHARE", 2)  # written again when more than half of the files changed
    for name in ("e.txt", "f.txt", "g.txt"):
        _write(raw, name, _ARTICLES["bb.txt"].replace("Wang Wei", name[0] + " Li"))
    kept = tmp_path / "kept"
    _tables(raw, kept, "code")
    written = []
    for n, name in enumerate(("a.txt", "bb.txt", "ccc.txt", "e.txt", "f.txt")):  # of six files
        _write(raw, name, _ARTICLES["ccc.txt"].replace("Jane Smith", f"Jane Smith{'e' * (n + 1)}"))
        before = (kept / KEPT_FILE).read_bytes()
        got = _tables(raw, kept, "code")
        written.append((kept / KEPT_FILE).read_bytes() != before)
        _assert_same(got, _tables(raw, tmp_path / f"fresh{n}", None))
    assert written == [False, False, False, True, False]  # 1, 2, 3 of 6 changed since; 4 of 6: written; then 1
