"""Publication dates, titles and furniture in the shapes real scraped pages take (issue 15, class 9 and the
date anchor of class 7). Every page here is invented; each test varies one construction."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from pipeline.core.ingest import clean_paragraphs, date_in_path, extract_metadata, parse_document
from pipeline.core.ingest.dates import date_in_url
from pipeline.core.ingest.furniture import furniture_rule, furniture_rules
from pipeline.core.ingest.metadata import find_title
from tests.support.rules import default_rulebook
from tests.unit.ingest_helpers import BODY, TITLE, source

RULES = default_rulebook()
FURNITURE = furniture_rules(RULES)

D = dt.date


# A labelled date field glued to the page's first line: the date is the publication date and leaves the text.
@pytest.mark.parametrize("prefix, date", [
    (" date 2021-09-14 ", D(2021, 9, 14)),
    ("Date: 2021/09/14 ", D(2021, 9, 14)),
    ("Published on 2021-09-14 10:31 ", D(2021, 9, 14)),
    ("Posted on 14 September 2021 ", D(2021, 9, 14)),
    ("date Sept. 14, 2021 ", D(2021, 9, 14)),
])
def test_labelled_date_glued_to_the_first_line(prefix: str, date: dt.date) -> None:
    text = prefix + BODY[0] + "\n\n" + BODY[1]
    meta = extract_metadata(text, "page.txt", rules=RULES)
    assert (meta.published_on, meta.published_on_precision) == (date, "day")
    assert clean_paragraphs(text, FURNITURE) == [BODY[0], BODY[1]]


@pytest.mark.parametrize("line", [
    "Published on 14 September 2021, the review found that the centre had doubled its output.",
    "Posted on 14 September 2021 by Web Admin",
    "Date: 2021-09-14 | Source: Lakeside Evening News",
])
def test_dated_lines_that_keep_their_date(line: str) -> None:
    """A date followed by a comma, or by more byline fields, is not a label glued to prose: nothing is cut."""
    assert clean_paragraphs(line, FURNITURE) == [line]


def test_labelled_date_inside_the_body_is_no_publication_date() -> None:
    text = "\n\n".join([TITLE, *BODY[:2], "Date: 2021-09-14 The next meeting will be held in Kunming."])
    assert extract_metadata(text, "page.txt", rules=RULES).published_on is None


# A header line that opens with a date (and time) and goes on with other fields.
@pytest.mark.parametrize("line, date", [
    ("2021-09-14 08:02:55Lakeside Wire Editor : Zhou Lin App Download", D(2021, 9, 14)),
    ("2021-09-14 08:02:55 webmaster source: print:", D(2021, 9, 14)),
    ("Sep 14, 2021 Issue 212", D(2021, 9, 14)),
    ("14 September 2021 Newsletter No. 8", D(2021, 9, 14)),
])
def test_date_opening_a_header_line(line: str, date: dt.date) -> None:
    meta = extract_metadata("\n\n".join([TITLE, line, *BODY]), "page.txt", rules=RULES)
    assert (meta.published_on, meta.published_on_precision) == (date, "day")
    assert meta.title == TITLE


def test_date_opening_a_long_header_line_is_not_taken() -> None:
    line = "14 September 2021 was the day the two teams first met in the old harbour laboratory building"
    assert extract_metadata("\n\n".join([TITLE, line, *BODY]), "page.txt", rules=RULES).published_on is None


# A labelled publication field anywhere in a short line, the footer included.
@pytest.mark.parametrize("footer, date", [
    ("Editor : Chen Hua    International Office       UpdateTime: October 2nd, 2016", D(2016, 10, 2)),
    ("Release time: 2016-10-02 | Views: 318", D(2016, 10, 2)),
    ("Posted on: 2 Oct 2016", D(2016, 10, 2)),
    ("Oct 2 2016 Posted: 10:22 GMT", D(2016, 10, 2)),
    ("2 October 2016 | Updated 14:05", D(2016, 10, 2)),
    ("发布时间：2016年10月2日 | 浏览次数：51", D(2016, 10, 2)),
])
def test_labelled_publication_field_in_the_footer(footer: str, date: dt.date) -> None:
    meta = extract_metadata("\n\n".join([TITLE, *BODY, footer]), "page.txt", rules=RULES)
    assert meta.published_on == date


@pytest.mark.parametrize("footer", ["Date: 3 May 2016  Venue: Lakeside Hall", "Event date: 3 May 2016"])
def test_event_date_fields_are_not_publication_dates(footer: str) -> None:
    assert extract_metadata("\n\n".join([TITLE, *BODY, footer]), "page.txt", rules=RULES).published_on is None


# "today (date)" / "this week (date)" in the opening paragraph.
@pytest.mark.parametrize("sentence, date, precision", [
    ("The two institutes signed a memorandum today (4 March 2020) in Lanzhou.", D(2020, 3, 4), "day"),
    ("Officials from both cities met this morning (March 4, 2020) to open the new park.", D(2020, 3, 4), "day"),
    ("An accord was signed by the two presidents this week (4 March 2020).", D(2020, 3, 1), "month"),
])
def test_opening_paragraph_dating_itself(sentence: str, date: dt.date, precision: str) -> None:
    body = sentence + " The agreement covers joint doctoral training and shared access to field stations."
    meta = extract_metadata("\n\n".join([TITLE, body, BODY[2]]), "page.txt", rules=RULES)
    assert (meta.published_on, meta.published_on_precision) == (date, precision)


def test_dated_event_further_down_is_not_the_publication_date() -> None:
    later = "A ceremony held today (4 March 2020) in the provincial capital marked the anniversary of the deal."
    text = "\n\n".join([TITLE, *BODY, "More words about the partnership follow here in this paragraph.", later])
    assert extract_metadata(text, "page.txt", rules=RULES).published_on is None


# Dates in URLs.
@pytest.mark.parametrize("url, date, precision", [
    ("http://news.example.cn/english/202106/t20210617_88213.html", D(2021, 6, 17), "day"),
    ("https://news.example.edu.my/news/2021/Jun/17/03/03.html", D(2021, 6, 17), "day"),
    ("https://www.example.edu.cn/en/2021/0617/c1234a56789/page.htm", D(2021, 6, 17), "day"),
    ("https://faculty.example.mo/2021/06/40411/", D(2021, 6, 1), "month"),
    ("https://www.example.com/web/English/2021-06/17/content_1.html", D(2021, 6, 17), "day"),
])
def test_dates_in_urls(url: str, date: dt.date, precision: str) -> None:
    found = date_in_url(url)
    assert found is not None and (found.date, found.precision) == (date, precision)


@pytest.mark.parametrize("url", [
    "https://www.example.cn/news/metro/2106177543/", "https://en.example.edu.cn/info/1013/1276.htm",
    "https://20210617.example.com/news/item.html", None, "",
])
def test_no_date_in_urls(url: str | None) -> None:
    assert date_in_url(url) is None


@pytest.mark.parametrize("path", ["abc20210617.txt", "t2021061799.txt", "2021/Jum/17/x.html"])
def test_no_date_in_paths_that_only_look_dated(path: str) -> None:
    assert date_in_path(path) is None


def test_date_in_the_url_the_page_declares() -> None:
    text = "\n\n".join([TITLE, *BODY, "Source: https://news.example.cn/english/202106/t20210617_88213.html"])
    meta = extract_metadata(text, "page.txt", rules=RULES)
    assert (meta.published_on, meta.published_on_precision) == (D(2021, 6, 17), "day")


@pytest.mark.parametrize("header, path, url, expected", [
    ([], "a.txt", "http://news.example.cn/english/202106/t20210617_88213.html", (D(2021, 6, 17), "day")),
    ([], "a.txt", "https://faculty.example.mo/2021/06/40411/", (D(2021, 6, 1), "month")),
    (["19 June 2021"], "a.txt", "http://news.example.cn/english/202106/t20210617_88213.html", (D(2021, 6, 19), "day")),
    ([], "news/2021-06-18-lakeside.txt", "https://www.example.org/2021/06/17/lakeside/", (D(2021, 6, 18), "day")),
    ([], "a.txt", "https://en.example.edu.cn/info/1013/1276.htm", (None, "unknown")),
    ([], "a.txt", None, (None, "unknown")),
])
def test_the_sidecar_url_dates_a_page_that_states_no_date(header, path, url, expected) -> None:
    """The URL the raw folder's sidecar gives dates the parse (so the extraction reads relative dates against it),
    after every date the page and its file name state."""
    text = "\n\n".join([TITLE, *header, *BODY])
    doc = parse_document(dataclasses.replace(source(path, text.encode()), url=url), RULES)
    assert (doc.published_on, doc.published_on_precision) == expected
    assert doc.sidecar_url == url


# Titles.
@pytest.mark.parametrize("header, title", [
    (["Lakeside Polytechnic University", "Lakeside Polytechnic University", TITLE], TITLE),  # logo + site name
    ([f"{TITLE} {TITLE}", "Riverside and Lakeside open a shared marine station", "3 May 2022"],
     "Riverside and Lakeside open a shared marine station"),  # a related headline's text doubled
    (["Minister Alan Reyes (R) and the rector at the signing of the accord between the two ministries [Image: MST]",
      *BODY], None),
    (["Rector Li Wen (second left) and guests visiting the new robotics laboratory at the north campus",
      TITLE], TITLE),
    ([TITLE], TITLE),
])
def test_titles_skip_site_names_doubled_links_and_captions(header: list[str], title: str | None) -> None:
    assert find_title([*header, *BODY]) == title


# Furniture.
@pytest.mark.parametrize("line, rule", [
    ("group", "image_alt_text"), ("banner image", "image_alt_text"), ("Logo", "image_alt_text"),
    ("Contact: Helen Marsh  E-mail: office@example.edu", "contact_line"),
    ("Editor : Chen Hua    International Office       UpdateTime: October 2nd, 2016", "editor_credit"),
])
def test_furniture_lines(line: str, rule: str) -> None:
    assert furniture_rule(line, FURNITURE, scope="line") == rule


@pytest.mark.parametrize("line", ["The group met again in May.", "Contact between the teams grew.", "groups"])
def test_content_that_looks_like_furniture(line: str) -> None:
    assert furniture_rule(line, FURNITURE, scope="line") is None


def test_alt_text_is_not_glued_to_the_headline() -> None:
    text = "\n".join(["Riverside delegation tours Lakeside labs", "", " ", "", "group", *BODY])
    doc = parse_document(source("page.txt", text.encode()), RULES)
    assert doc.title == "Riverside delegation tours Lakeside labs"
    assert doc.clean_text.split("\n\n")[:2] == ["Riverside delegation tours Lakeside labs", BODY[0]]


@pytest.mark.parametrize("byline, publisher", [
    ("2021-09-14 08:02:55 webmaster source: share:", None),
    ("Source: Lakeside Evening News", "Lakeside Evening News"),
    ("2018-10-08 11:26:41   来源:     点击:", None),  # an empty source field before the page's hit counter
    ("2018-10-08 11:26:41   来源: Lakeside Evening News   点击: 35", "Lakeside Evening News"),
])
def test_publisher_is_a_name_not_a_page_control(byline: str, publisher: str | None) -> None:
    assert extract_metadata("\n\n".join([TITLE, byline, *BODY]), "page.txt", rules=RULES).publisher == publisher
