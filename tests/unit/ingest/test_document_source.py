"""Where a document was published (documents.source_url): what the page states, and the raw folder's sidecar."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.core.ids import make_id
from pipeline.core.ingest import discover_sources, ingest_corpus, parse_document, read_sidecar
from pipeline.core.ingest.sources import SIDECAR, http_url
from pipeline.core.records import IngestedDocument
from tests.support.rules import default_rulebook
from tests.support.store import tables_of
from tests.unit.ingest_helpers import BODY, HTML_PAGE, MARKDOWN_PAGE, TITLE, source

RULES = default_rulebook()

PAGE_URL = "https://news.example.edu/2021/03/highland-centre.html"
SIDECAR_URL = "https://archive.example.org/lakeside/highland"
ARTICLE = f"{TITLE}\n\n3 March 2021\n\n" + "\n\n".join(BODY)


def _html(head: str) -> bytes:
    return HTML_PAGE.replace("</head>", f"{head}\n</head>").encode("utf-8")


@pytest.mark.parametrize("name, data, expected", [
    ("canonical.html", _html(f'<link rel="canonical" href="{PAGE_URL}">'), PAGE_URL),
    ("og_url.html", _html(f'<meta property="og:url" content="{PAGE_URL}">'), PAGE_URL),
    ("canonical_wins.html", _html(f'<meta property="og:url" content="https://m.example.edu/x">'
                                  f'<link rel="Canonical" href="{PAGE_URL}">'), PAGE_URL),
    ("relative_canonical.html", _html('<link rel="canonical" href="/news/1">'
                                      f'<meta property="og:url" content="{PAGE_URL}">'), PAGE_URL),
    ("no_url.html", HTML_PAGE.encode("utf-8"), None),
    ("front_matter.md", MARKDOWN_PAGE.replace("title:", f"url: {PAGE_URL}\ntitle:", 1).encode("utf-8"), PAGE_URL),
    ("front_matter_not_a_url.md", MARKDOWN_PAGE.replace("title:", "url: n/a\ntitle:", 1).encode("utf-8"), None),
    ("source_line.txt", f"{ARTICLE}\n\nSource: {PAGE_URL}\n".encode("utf-8"), PAGE_URL),
    ("source_line_after_outlet.txt", f"Source: Lakeside News | {PAGE_URL}.\n\n{ARTICLE}".encode("utf-8"), PAGE_URL),
    ("original_line.txt", f"{ARTICLE}\n\n原文链接：{PAGE_URL}\n".encode("utf-8"), PAGE_URL),
    ("source_without_url.txt", f"{ARTICLE}\n\nSource: Lakeside News\n".encode("utf-8"), None),
    ("url_in_prose.txt", f"{ARTICLE}\n\nMore at {PAGE_URL} on the website.\n".encode("utf-8"), None),
    ("ftp_source.txt", f"{ARTICLE}\n\nSource: ftp://files.example.edu/a.txt\n".encode("utf-8"), None),
])
def test_the_url_a_page_states_for_itself(name, data, expected):
    doc = parse_document(source(name, data), RULES)
    assert isinstance(doc, IngestedDocument), doc
    assert doc.source_url == expected
    assert doc.title == TITLE and BODY[0] in doc.clean_text  # reading the URL changes nothing else


@pytest.mark.parametrize("value, expected", [
    (PAGE_URL, PAGE_URL), (f"  {PAGE_URL} ", PAGE_URL), ("HTTP://EXAMPLE.ORG/A", "HTTP://EXAMPLE.ORG/A"),
    ("www.example.org/a", None), ("/news/1", None), ("mailto:a@example.org", None), ("https://", None),
    ("https://exa mple.org/", None), ("http://[::1", None), (None, None), (42, None),
])
def test_http_url(value, expected):
    assert http_url(value) == expected


def _folder(tmp_path: Path, sidecar: str | None, files: tuple[str, ...] = ("a.txt", "sub/b.txt")) -> Path:
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    if sidecar is not None:
        (tmp_path / SIDECAR).write_text(sidecar, encoding="utf-8")
    return tmp_path


def test_sidecar_is_read_and_is_not_a_document(tmp_path):
    raw = _folder(tmp_path, f"file,url\na.txt,{SIDECAR_URL}\n./sub/b.txt,{PAGE_URL}\n\n")
    (raw / "sub" / SIDECAR).write_text("file,url\n", encoding="utf-8")  # only the top-level one is the sidecar
    paths, rejections = discover_sources(raw)
    assert [Path(p).relative_to(raw).as_posix() for p in paths] == ["a.txt", "sub/b.txt", f"sub/{SIDECAR}"]
    assert rejections == []
    assert read_sidecar(raw) == ({"a.txt": SIDECAR_URL, "sub/b.txt": PAGE_URL}, [])
    result = ingest_corpus(raw, RULES)
    assert [d.source_path for d in result.documents] == ["a.txt", "sub/b.txt"]
    assert [r.record["source_path"] for r in result.rejections] == [f"sub/{SIDECAR}"]  # a .csv file, not a sidecar
    assert result.source_urls == {"a.txt": SIDECAR_URL, "sub/b.txt": PAGE_URL}


def test_no_sidecar_means_no_urls_and_no_rejections(tmp_path):
    assert read_sidecar(_folder(tmp_path, None)) == ({}, [])


@pytest.mark.parametrize("sidecar, reason", [
    ("path,link\na.txt,https://x.example.org/\n", "the header must name the columns file, url; found path, link"),
    ("", "the header must name the columns file, url; found nothing"),
])
def test_a_sidecar_without_its_columns_is_one_rejection_and_no_urls(tmp_path, sidecar, reason):
    urls, rejections = read_sidecar(_folder(tmp_path, sidecar))
    assert urls == {}
    (rejection,) = rejections
    assert rejection.errors == f"{SIDECAR}: {reason}"
    assert rejection.table_name == "documents" and rejection.record["source_path"] == SIDECAR


@pytest.mark.parametrize("row, reason, names_document", [
    ("gone.txt,https://x.example.org/", "file 'gone.txt' does not exist in the raw folder", False),
    ("../a.txt,https://x.example.org/", "file '../a.txt' is not a path relative to the raw folder", False),
    (f"{SIDECAR},https://x.example.org/", f"file '{SIDECAR}' is the sidecar itself", False),
    (",https://x.example.org/", "the file column is empty", False),
    ("sub/b.txt,www.example.org/b", "url 'www.example.org/b' is not an absolute http(s) URL", True),
    ("sub/b.txt,", "url '' is not an absolute http(s) URL", True),
    ("a.txt,https://other.example.org/", "file 'a.txt' is listed again with another URL; the first one, "
                                         f"'{SIDECAR_URL}', is kept", True),
])
def test_each_bad_sidecar_row_is_rejected_with_its_line_and_the_others_are_used(tmp_path, row, reason,
                                                                                names_document):
    urls, rejections = read_sidecar(_folder(tmp_path, f"file,url,note\na.txt,{SIDECAR_URL},first\n{row}\n"))
    assert urls == {"a.txt": SIDECAR_URL}
    (rejection,) = rejections
    assert rejection.errors.startswith(f"{SIDECAR} line 3: {reason}")
    assert rejection.record["line"] == 3 and rejection.record["source_path"] == SIDECAR
    file = rejection.record["file"]
    assert rejection.document_id == (make_id("document", file) if names_document else None)


def test_the_same_url_listed_twice_is_not_a_problem(tmp_path):
    raw = _folder(tmp_path, f"file,url\na.txt,{SIDECAR_URL}\na.txt,{SIDECAR_URL}\n")
    assert read_sidecar(raw) == ({"a.txt": SIDECAR_URL}, [])


def test_a_sidecar_that_is_not_utf8_is_rejected(tmp_path):
    raw = _folder(tmp_path, None)
    (raw / SIDECAR).write_bytes("file,url\nä.txt,https://x.example.org/\n".encode("latin-1"))
    urls, (rejection,) = read_sidecar(raw)
    assert urls == {} and rejection.errors == f"{SIDECAR}: is not UTF-8 text"


def _document(path: str, url: str | None) -> IngestedDocument:
    return IngestedDocument(make_id("document", path), path, "sha", ARTICLE, source_url=url, language="en")


@pytest.mark.parametrize("page_url, sidecar, expected", [
    (PAGE_URL, {"a.txt": SIDECAR_URL}, SIDECAR_URL),  # the sidecar wins: the user said so explicitly
    (PAGE_URL, {"other.txt": SIDECAR_URL}, PAGE_URL),
    (None, {"a.txt": SIDECAR_URL}, SIDECAR_URL),
    (None, {}, None),
])
def test_the_sidecar_wins_over_the_page_in_the_documents_table(page_url, sidecar, expected):
    tables = tables_of([_document("a.txt", page_url)], [], default_rulebook(), now=dt.datetime(2024, 1, 1), source_urls=sidecar)
    assert tables["documents"][["source_url", "language"]].values.tolist() == [[expected, "en"]]


def test_the_sidecar_header_is_read_in_any_case_and_a_huge_sidecar_is_not_loaded(tmp_path):
    raw = _folder(tmp_path, f"File,URL\na.txt,{SIDECAR_URL}\n")
    assert read_sidecar(raw) == ({"a.txt": SIDECAR_URL}, [])
    urls, (rejection,) = read_sidecar(raw, max_bytes=10)
    assert urls == {} and "over the limit of 10 bytes" in rejection.errors
