"""Title, publisher and publication date: where they may come from, and where they must not."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.core.ingest import DocumentMetadata, date_in_path, extract_metadata, parse_date_phrase, parse_document
from tests.support.rules import default_rulebook
from tests.unit.ingest_helpers import BODY, INVENTED_PAGES, PAGE_IDS, TITLE, InventedPage, source

RULES = default_rulebook()

D = dt.date


@pytest.mark.parametrize("text, date, precision", [
    ("11 Apr 2019", D(2019, 4, 11), "day"),
    ("11 April 2019", D(2019, 4, 11), "day"),
    ("(11 April 2019)", D(2019, 4, 11), "day"),
    ("May 11, 2017", D(2017, 5, 11), "day"),
    ("Sept. 3, 2020", D(2020, 9, 3), "day"),
    ("Thursday, 3rd of September 2020", D(2020, 9, 3), "day"),
    ("Updated:2018-12-04 14:23:33", D(2018, 12, 4), "day"),
    ("Updated: 2018-12-04 14:23 (Beijing Time)", D(2018, 12, 4), "day"),
    ("Date: 2019/06/11", D(2019, 6, 11), "day"),
    ("Published on 2019.06.11", D(2019, 6, 11), "day"),
    ("2019-06-11", D(2019, 6, 11), "day"),
    ("2019-06-11T08:00:00+08:00", D(2019, 6, 11), "day"),
    ("发布时间：2019年6月11日", D(2019, 6, 11), "day"),
    ("25/12/2019", D(2019, 12, 25), "day"),
    ("April 2019", D(2019, 4, 1), "month"),
    ("2019年6月", D(2019, 6, 1), "month"),
    ("2019年6月11日 星期二", D(2019, 6, 11), "day"),
    ("Publish Date: 2019-06-11", D(2019, 6, 11), "day"),
    ("Release time: 2019-06-11 10:05", D(2019, 6, 11), "day"),
    ("Date of publication: 11 June 2019", D(2019, 6, 11), "day"),
    ("Last updated on 11 June 2019", D(2019, 6, 11), "day"),
    ("June 11, 2019 at 10:05", D(2019, 6, 11), "day"),
    ("Tuesday, June 11, 2019, 10:05 a.m. HKT", D(2019, 6, 11), "day"),
])
def test_date_phrases(text: str, date: dt.date, precision: str) -> None:
    found = parse_date_phrase(text)
    assert found is not None and (found.date, found.precision) == (date, precision)


@pytest.mark.parametrize("text", [
    "Copyright 2009", "2009", "May", "04/05/2019", "2019-02-30", "31 June 2019", "In June 2017, officials met",
    "1850-01-01", "Tel: 86-28-86190174", "", "Published by Lakeside University", "Updated 3 times",
    "Release 2.1", "Posted at 10:05",
])
def test_not_date_phrases(text: str) -> None:
    assert parse_date_phrase(text) is None


@pytest.mark.parametrize("path, date, precision", [
    ("news/2019-06-11-lakeside.txt", D(2019, 6, 11), "day"),
    ("20190611_yunnan.html", D(2019, 6, 11), "day"),
    ("archive/2019/06/11/item.md", D(2019, 6, 11), "day"),
    ("https://www.example.cn/2019-06/11/c_1124.htm", D(2019, 6, 11), "day"),
    ("releases/2020-11/yunnan.txt", D(2020, 11, 1), "month"),
])
def test_dates_in_paths(path: str, date: dt.date, precision: str) -> None:
    found = date_in_path(path)
    assert found is not None and (found.date, found.precision) == (date, precision)


@pytest.mark.parametrize("path", ["000_18db4336dbdb83f4.txt", "a3f20190611bc.txt", "report-1999.pdf", "x20191399.txt"])
def test_no_date_in_paths(path: str) -> None:
    assert date_in_path(path) is None


def _meta(text: str, path: str = "article.txt", **kwargs) -> DocumentMetadata:
    return extract_metadata(text, path, **kwargs, rules=RULES)


def _page(*header: str, footer: tuple[str, ...] = ()) -> str:
    return "\n\n".join([*header, *BODY, *footer])


@pytest.mark.parametrize("header", [
    ("Skip to main content", TITLE, "11 Apr 2019"),
    (TITLE, "Source: Lakeside News | Updated:2019-04-11 09:12:45"),
    ("Home > News", TITLE, "Date: 2019-04-11", "Photo caption with Professor Mary Okafor and guests at the signing"),
    ("11 April 2019", TITLE),
    (TITLE, "Date: 2019/04/11   Source: Lakeside Provincial Department of Commerce"),  # spaces run together
    (TITLE, "2019-04-11 09:30   Source: Lakeside Daily   Author: Li Ming"),
    (TITLE, "April 11, 2019 · Kunming · Lakeside University News"),
    (TITLE, "Posted on April 11, 2019 by Web Admin"),
    (TITLE, "11 April 2019 — Kunming"),
    (TITLE, "11 Apr 2019 | 10:21 AM"),
])
def test_standalone_date_line_in_header(header: tuple[str, ...]) -> None:
    meta = _meta(_page(*header))
    assert (meta.published_on, meta.published_on_precision) == (D(2019, 4, 11), "day")
    assert meta.title == TITLE


@pytest.mark.parametrize("stamp, date", [
    ("Ends/Thursday, April 11, 2019", D(2019, 4, 11)),
    ("Ends/11 April 2019", D(2019, 4, 11)),
])
def test_release_stamp_closing_the_page(stamp: str, date: dt.date) -> None:
    text = "\n".join([TITLE, "", *BODY, "", stamp, "Issued at HKT 18:30", "", "NNNN"])
    assert _meta(text).published_on == date


def test_release_stamp_must_hold_a_whole_date() -> None:
    text = "\n".join([TITLE, "", *BODY, "", "Ends/Thursday", "NNNN"])
    assert _meta(text, "release_20190412.txt").published_on == D(2019, 4, 12)  # the file name, not the stamp


@pytest.mark.parametrize("page", INVENTED_PAGES, ids=PAGE_IDS)
def test_invented_pages_of_other_outlets(page: InventedPage) -> None:
    doc = parse_document(source("article.txt", page.text.encode()), RULES)
    assert (doc.title, doc.published_on, doc.published_on_precision) == (page.title, page.published_on, "day")
    assert doc.publisher == page.publisher
    assert doc.clean_text.startswith(page.title + "\n\n")  # the headline leads even below a date line


def test_dateline_opening_first_paragraph() -> None:
    meta = _meta("\n\n".join([TITLE, "(11 April 2019) " + BODY[0], BODY[1]]))
    assert meta.published_on == D(2019, 4, 11)
    meta = _meta("\n\n".join([TITLE, "KUNMING, March 3, 2021 /Lakeside Wire/ -- " + BODY[0]]))
    assert meta.published_on == D(2021, 3, 3)


def test_dates_in_the_body_and_footer_are_never_publication_dates() -> None:
    text = _page(TITLE, footer=("The two sides first met on 5 May 2015.", "June 2016",
                                "Copyright 2009 Lakeside University All Rights Reserved"))
    meta = _meta(text.replace(BODY[1], "On 12 March 2018 the first agreement was signed. " + BODY[1]))
    assert meta.published_on is None and meta.published_on_precision == "unknown"


def test_date_ending_a_wrapped_sentence_is_not_a_date_line() -> None:
    text = "\n".join([TITLE, "Lakeside University and the provincial department signed the agreement on",
                      "11 April 2019.", "The two sides will meet again in the autumn to review progress on the"])
    assert _meta(text).published_on is None


def test_date_from_file_name_when_text_has_none() -> None:
    meta = _meta(_page(TITLE), "2021/lakeside_20210303.txt")
    assert (meta.published_on, meta.published_on_precision) == (D(2021, 3, 3), "day")


def test_date_line_wins_over_file_name() -> None:
    meta = _meta(_page(TITLE, "11 Apr 2019"), "lakeside_20210303.txt")
    assert meta.published_on == D(2019, 4, 11)


def test_format_hints_win() -> None:
    hints = DocumentMetadata(title="Declared title of the article", publisher="Declared Outlet",
                             published_on=D(2020, 1, 2), published_on_precision="day")
    meta = _meta(_page(TITLE, "11 Apr 2019"), hints=hints)
    assert meta == DocumentMetadata(**{**vars(hints), "language": "en"})  # the language is read from the text


@pytest.mark.parametrize("paragraphs, title", [
    ([TITLE, *BODY], TITLE),
    (["Open Governance", TITLE, *BODY], TITLE),
    (["11 Apr 2019", TITLE, *BODY], TITLE),
    (["Hebei signs deal", *BODY], None),  # too short for a headline
    (BODY, None),  # starts with running prose: no headline
    (["In June 2017, 24 academicians from the Academy of Sciences and the Academy of Engineering wrote to the "
      "leadership, expressing their wish to contribute.", *BODY], None),
    (["湖滨大学与云南省签署高原农业合作协议", "湖滨大学与云南省科学技术厅签署合作协议，双方将共建高原农业联合研究中心，开展合作。"],
     "湖滨大学与云南省签署高原农业合作协议"),
])
def test_titles(paragraphs: list[str], title: str | None) -> None:
    assert _meta("\n\n".join(paragraphs)).title == title


@pytest.mark.parametrize("footer, publisher", [
    (("Source: Lakeside Daily",), "Lakeside Daily"),
    (("By Zhang Wei, Lakeside Daily",), "Lakeside Daily"),
    (("The Official Website of the Example Provincial Government",), "Example Provincial Government"),
    (("Copyright held by the General Office of Example Provincial Government. All Rights Reserved.",),
     "General Office of Example Provincial Government"),
    (("Copyright © 2021 The Lakeside University. All Rights Reserved.",), "The Lakeside University"),
    (("© Lakeside University 2021",), "Lakeside University"),
    (("Date: 2021-03-03   Source: Lakeside Daily   Author: Li Ming",), "Lakeside Daily"),
    (("Copyright 2009 Lakeside Region All Rights Reserved", "Sponsored by Lakeside Regional Government"),
     "Lakeside Region"),
    (("By Zhang Wei",), None),  # an author, not an outlet
    (("Copyright 2021. All Rights Reserved.",), None),
])
def test_publishers(footer: tuple[str, ...], publisher: str | None) -> None:
    assert _meta(_page(TITLE, footer=footer)).publisher == publisher


def test_publisher_from_wire_dateline() -> None:
    meta = _meta("\n\n".join([TITLE, "KUNMING, March 3 (Lakeside Wire) -- " + BODY[0]]))
    assert meta.publisher == "Lakeside Wire"
    assert meta.published_on is None  # no year: not a date
