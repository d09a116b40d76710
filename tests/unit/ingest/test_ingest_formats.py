"""Every supported format and encoding, and every kind of unreadable content, through parse_document."""
from __future__ import annotations

import codecs
import datetime as dt

import pytest

from pipeline.core.ids import make_id
from pipeline.core.ingest import decode_bytes, markdown_to_text, parse_document
from pipeline.core.records import IngestedDocument, Rejection
from tests.support.rules import default_rulebook
from tests.unit.ingest_helpers import (
    BODY,
    CHINESE_SIMPLIFIED,
    CHINESE_TRADITIONAL,
    HTML_PAGE,
    LATIN1_TEXT,
    MARKDOWN_PAGE,
    PDF_PAGES,
    PDF_TITLE,
    SCRAPED_PAGE,
    TITLE,
    make_pdf,
    source,
)

RULES = default_rulebook()


def _doc(name: str, data: bytes) -> IngestedDocument:
    result = parse_document(source(name, data), RULES)
    assert isinstance(result, IngestedDocument), result
    assert result.document_id == make_id("document", name)
    return result


def _rejected(name: str, data: bytes) -> Rejection:
    result = parse_document(source(name, data), RULES)
    assert isinstance(result, Rejection), result
    assert result.table_name == "documents"
    assert result.record["source_path"] == name
    assert result.record["size_bytes"] == len(data)
    assert result.record["content_sha256"] is not None
    return result


# --- encodings -------------------------------------------------------------------------------------------

ENGLISH = f"{TITLE}\n\n" + "\n\n".join(BODY)


@pytest.mark.parametrize("encoding, text, expected", [
    ("utf-8", ENGLISH + "\n\nThe partners call it a “win-win” deal.", "“win-win”"),
    ("utf-8-sig", ENGLISH, BODY[0]),
    ("utf-16", ENGLISH + " 合作协议", "合作协议"),  # Python's utf-16 writes a byte-order mark
    ("utf-16-le", ENGLISH, BODY[1]),  # no byte-order mark
    ("utf-16-be", ENGLISH, BODY[2]),
    ("gb18030", f"{CHINESE_SIMPLIFIED}\n\n{CHINESE_SIMPLIFIED}", "共建高原农业联合研究中心"),
    ("gbk", f"{CHINESE_SIMPLIFIED}\n\n{CHINESE_SIMPLIFIED}", "植物基因组学"),
    ("big5", f"{CHINESE_TRADITIONAL}\n\n{CHINESE_TRADITIONAL}", "共建高原農業聯合研究中心"),
    ("latin-1", LATIN1_TEXT, "Université de Genève"),
    ("cp1252", ENGLISH + "\n\nThe partners call it a \u201cwin-win\u201d deal.", "\u201cwin-win\u201d"),
])
def test_each_encoding_is_detected(encoding: str, text: str, expected: str) -> None:
    data = text.encode(encoding)
    decoded, _ = decode_bytes(data)
    assert decoded.lstrip("\ufeff") == text
    doc = _doc("article.txt", data)
    assert expected in doc.clean_text
    assert "\ufeff" not in doc.clean_text


def test_utf8_bom_is_not_part_of_the_title() -> None:
    doc = _doc("article.txt", codecs.BOM_UTF8 + ENGLISH.encode())
    assert doc.title == TITLE and doc.clean_text.startswith(TITLE)


@pytest.mark.parametrize("charset, codec, extra", [
    ("gb2312", "gb18030", "合作协议"),
    ("GBK", "gbk", "植物基因组学"),
    ("big5", "big5", "聯合研究中心"),
    ("iso-8859-1", "latin-1", "Université de Genève"),
])
def test_html_declared_charset_is_used(charset: str, codec: str, extra: str) -> None:
    html = (HTML_PAGE.replace('charset="utf-8"', f'charset="{charset}"').replace(BODY[2], BODY[2] + " " + extra)
            .replace("©", "&copy;"))  # as a page in a legacy charset writes it
    doc = _doc("page.html", html.encode(codec))
    assert extra in doc.clean_text


# --- formats ---------------------------------------------------------------------------------------------

def test_plain_text_scraped_page() -> None:
    doc = _doc("news/2021/article.txt", SCRAPED_PAGE.encode())
    assert doc.title == TITLE
    assert doc.published_on == dt.date(2021, 3, 3) and doc.published_on_precision == "day"
    assert doc.clean_text.split("\n\n")[0] == TITLE
    assert all(p in doc.clean_text for p in BODY)


def test_markdown_front_matter_heading_and_markup() -> None:
    doc = _doc("article.md", MARKDOWN_PAGE.encode())
    assert doc.title == TITLE
    assert doc.publisher == "Lakeside University Newsroom"
    assert doc.published_on == dt.date(2021, 3, 3)
    text = doc.clean_text
    assert text.startswith(TITLE + "\n\n")
    assert "signed by Vice-President Mary Okafor and Deputy Director Zhou Lin, according to a statement" in text
    assert "**" not in text and "](" not in text and "#" not in text and "title:" not in text
    assert "- plant genomics" in text
    assert "Officials at the signing ceremony in Kunming" in text  # image alt text is a caption


def test_markdown_setext_heading_and_code_fence() -> None:
    body, hints = markdown_to_text("Hebei and Lakeside agree on student exchange\n=====\n\n```\nraw *text*\n```\n")
    assert hints.title == "Hebei and Lakeside agree on student exchange"
    assert "raw *text*" in body and "=====" not in body


def test_html_main_text_and_metadata() -> None:
    doc = _doc("page.html", HTML_PAGE.encode())
    assert doc.title == TITLE
    assert doc.publisher == "Lakeside University Newsroom"
    assert doc.published_on == dt.date(2021, 3, 3) and doc.published_on_precision == "day"
    assert doc.clean_text.split("\n\n") == [TITLE, *BODY]


def test_htm_without_metadata_takes_publisher_from_footer_and_date_from_url() -> None:
    html = (HTML_PAGE.replace('<meta property="article:published_time" content="2021-03-03T09:30:00+08:00">',
                              '<link rel="canonical" href="https://news.example.edu/2020-11/05/c_1.htm">')
            .replace('<meta property="og:site_name" content="Lakeside University Newsroom">', ""))
    doc = _doc("page.htm", html.encode())
    assert doc.published_on == dt.date(2020, 11, 5)
    assert doc.publisher == "Lakeside University"


def test_html_press_release_dated_by_its_release_stamp() -> None:
    body = "".join(f"&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;{p}<br><br>" for p in BODY)
    html = (f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body>"
            "<div id='skip'><a href='#content'>Skip to main content</a></div>"
            "<div class='nav'>|Home|Press Releases|Speeches|Contact Us|</div>"
            f"<div id='content'><h1>{TITLE}</h1><div id='pressrelease'>{body}"
            "Ends/Wednesday, March 3, 2021<br>Issued at HKT 20:15<br><br>NNNN</div></div>"
            "<div class='footer'>2021 | Important notices | Privacy Policy</div></body></html>")
    doc = _doc("press.html", html.encode())
    assert (doc.title, doc.published_on, doc.published_on_precision) == (TITLE, dt.date(2021, 3, 3), "day")
    assert doc.clean_text.split("\n\n") == [TITLE, *BODY]


def test_pdf_with_text_layer_repairs_wraps_across_pages() -> None:
    doc = _doc("report.pdf", make_pdf(PDF_PAGES))
    assert doc.title == PDF_TITLE
    assert "soil science and water management, and the province will fund" in doc.clean_text
    assert "\n" not in doc.clean_text.split("\n\n")[1]


def test_pdf_press_release_loses_its_layout_furniture() -> None:
    pages = [["PRESS RELEASE", "For immediate release", PDF_TITLE, *PDF_PAGES[0][1:], "Page 1 of 2"],
             [*PDF_PAGES[1], "- End -", "Media enquiries: Office of Communications, Lakeside University",
              "Tel: +86 871 5550 1234"]]
    doc = _doc("release_2021-06-07.pdf", make_pdf(pages))
    assert (doc.title, doc.published_on) == (PDF_TITLE, dt.date(2021, 6, 7))
    paragraphs = doc.clean_text.split("\n\n")
    assert paragraphs[0] == PDF_TITLE
    assert paragraphs[-1] == "Both sides will also exchange visiting scholars from the autumn."
    assert "soil science and water management, and the province will fund" in paragraphs[1]
    for phrase in ("PRESS RELEASE", "immediate", "Page 1", "End", "Media enquiries", "Tel:"):
        assert phrase not in doc.clean_text


def test_unsupported_extension_is_rejected_with_reason() -> None:
    rejection = _rejected("slides.pptx", b"anything")
    assert "unsupported file type .pptx" in rejection.errors
    assert "unsupported file type (none)" in _rejected("README", b"hello world").errors


# --- bad content -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, data, reason", [
    ("junk.txt", bytes(range(256)) * 4, "binary content"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG image"),
    ("archive.md", b"PK\x03\x04" + b"\x14\x00" * 50, "ZIP archive"),
    ("controls.txt", b"\x01\x02\x03\x04\x05\x06\x07\x08abc" * 20, "control characters"),
    ("page.html", b"\x00\x01\x02\x03" * 50, "binary content"),
    ("fake.pdf", b"%PDF-1.4\n this is not really a pdf", "PDF could not be read"),
    ("text.pdf", SCRAPED_PAGE.encode(), "PDF could not be read"),
    ("scan.pdf", make_pdf([[], []]), "no text layer"),
    ("blank.txt", b"   \n\n\t  \r\n", "no readable text"),
    ("menu.txt", b"|Home|News|About Us|Contact Us|\nCopyright 2020 Example. All Rights Reserved.\n", "no readable text"),
    ("empty.html", b"<html><body></body></html>", "no readable text"),
])
def test_bad_content_is_rejected_with_a_clear_reason(name: str, data: bytes, reason: str) -> None:
    assert reason in _rejected(name, data).errors


@pytest.mark.parametrize("data", [
    bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xFE, 0xFF]) * 30,
    b"\xef\xbb\xbf" + b"valid start then \xff\xfe broken utf-8",
    b"\xff\xfe" + b"\x00\xd8" * 10,  # UTF-16 BOM followed by lone surrogates
])
def test_undecodable_bytes_are_rejected(data: bytes) -> None:
    rejection = _rejected("odd.txt", data)
    assert "undecodable" in rejection.errors or "binary" in rejection.errors
