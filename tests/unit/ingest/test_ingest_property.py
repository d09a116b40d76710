"""Property tests: whatever bytes or text arrive, the stage answers with a document or a rejection."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.core.ingest import clean_text, parse_document
from pipeline.core.ingest.furniture import furniture_rules
from pipeline.core.records import IngestedDocument, Rejection
from tests.support.rules import default_rulebook
from tests.unit.ingest_helpers import SCRAPED_PAGE, make_pdf, source

RULES = default_rulebook()
FURNITURE = furniture_rules(RULES)

NAMES = st.sampled_from(["a.txt", "b.md", "c.html", "d.htm", "e.pdf", "f.docx", "noext"])
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(result: IngestedDocument | Rejection) -> None:
    if isinstance(result, Rejection):
        assert result.table_name == "documents" and result.errors
        # A reason from a reader, not the catch-all that hides a bug in the stage's own code.
        assert not result.errors.startswith("could not be parsed"), result.errors
        return
    text = result.clean_text
    assert text and "\n\n\n" not in text and not text.startswith("\n") and not text.endswith("\n")
    assert all(p == p.strip() and p and "  " not in p for p in text.split("\n\n"))
    assert result.title is None or text.startswith(result.title)
    assert result.published_on_precision in ("day", "month", "year", "unknown")


@SETTINGS
@given(name=NAMES, data=st.binary(max_size=3000))
def test_random_bytes_never_raise(name: str, data: bytes) -> None:
    _check(parse_document(source(name, data), RULES))


@SETTINGS
@given(name=NAMES, text=st.text(max_size=2000), encoding=st.sampled_from(["utf-8", "utf-16", "gb18030"]))
def test_random_text_never_raises(name: str, text: str, encoding: str) -> None:
    _check(parse_document(source(name, text.encode(encoding, errors="replace")), RULES))


@SETTINGS
@given(junk=st.text(max_size=300), at=st.integers(min_value=0, max_value=len(SCRAPED_PAGE)))
def test_real_looking_pages_with_random_insertions(junk: str, at: int) -> None:
    page = SCRAPED_PAGE[:at] + junk + SCRAPED_PAGE[at:]
    _check(parse_document(source("page.txt", page.encode()), RULES))
    _check(parse_document(source("page.html", f"<html><body><p>{page}</p></body></html>".encode()), RULES))
    assert isinstance(clean_text(page, FURNITURE), str)


@settings(max_examples=50, deadline=None)
@given(lines=st.lists(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=80),
                      max_size=6), cut=st.integers(min_value=0, max_value=600))
def test_random_and_truncated_pdfs_never_raise(lines: list[str], cut: int) -> None:
    data = make_pdf([lines])
    _check(parse_document(source("x.pdf", data), RULES))
    _check(parse_document(source("x.pdf", data[:cut]), RULES))
