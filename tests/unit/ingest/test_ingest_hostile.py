"""Hostile input at ingest: invisible characters, HTML nested past the parser's depth, long lines and
pages with many end-of-article markers (issue 13). Speed and memory figures are in the benchmark
(`python -m pipeline bench --adversarial`); these tests check behaviour and structure."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from pipeline.core.extract import extract_document
from pipeline.core.ingest import (
    clean_paragraphs,
    formats,
    furniture,
    ingest_corpus,
    metadata,
    normalise_text,
    parse_document,
    wrap,
)
from pipeline.core.ingest.clean import cut_site_footer
from pipeline.core.ingest.formats import strip_emphasis
from pipeline.core.ingest.furniture import FURNITURE_FILE, furniture_rules, repeat_problem
from pipeline.core.records import IngestedDocument
from pipeline.core.reference import DEFAULT_REFERENCE_DIR, ReferenceDataError
from tests.support.rules import default_rulebook
from tests.unit.ingest_helpers import edited_rules, source

RULES = default_rulebook()
FURNITURE = furniture_rules(RULES)

# --- invisible (format) characters ------------------------------------------------------------------------

ARTICLE = ("Tsinghua University and the University of Edinburgh signed a cooperation agreement in Beijing on "
           "Monday to set up a joint laboratory for quantum materials.\n\n"
           "Professor Li Ming of Tsinghua University said the laboratory would open in the autumn.")


@pytest.mark.parametrize("raw, clean", [
    ("Tsing\u2066hua\u2069 University", "Tsinghua University"),  # a bidi isolate splits a name
    ("\u202eEdinburgh\u202c", "Edinburgh"),  # a right-to-left override reverses a name on screen
    ("\u202aTsinghua\u202c \u202bUniversity\u202c", "Tsinghua University"),  # embeddings
    ("Edin\u200eburgh\u200f", "Edinburgh"),  # direction marks
    ("\u061cTsinghua", "Tsinghua"),  # Arabic letter mark
    ("Tsing\u200dhua \u200cUniversity", "Tsinghua University"),  # joiners are no use in Latin text
    ("Tsing\u200bhua\u2060 Uni\u00adversity\ufeff", "Tsinghua University"),  # the ones cleaning always removed
    ("\U000e0067Tsinghua", "Tsinghua"),  # a tag character outside an emoji flag
])
def test_format_characters_are_removed(raw: str, clean: str) -> None:
    assert normalise_text(raw) == clean


@pytest.mark.parametrize("text", [
    "\u0915\u094d\u200d\u0937",  # Devanagari half form: virama + ZWJ
    "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian: ZWNJ inside a word
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",  # an emoji family
    "\u2764\ufe0f\u200d\U0001f525",  # heart on fire: ZWJ after a variation selector
    "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",  # the flag of Scotland
])
def test_format_characters_a_script_needs_are_kept(text: str) -> None:
    assert normalise_text(f"Name {text} here") == f"Name {text} here"


@pytest.mark.parametrize("noise", ["\u2066", "\u2069", "\u202e", "\u200f", "\u200d", "\u00ad", "\U000e0041"])
@pytest.mark.parametrize("name", ["page.txt", "page.md"])
def test_offsets_point_into_clean_text_without_format_characters(noise: str, name: str) -> None:
    """Cleaning drops the characters before any offset is taken: the same clean text, and every offset of the
    extraction the same as for the page without them, each pointing at its own text."""
    noisy = re.sub(r"(?<=\w)(?=\w)", lambda m: noise if m.start() % 7 == 0 else "", ARTICLE)
    assert noise in noisy
    plain_doc, noisy_doc = parse_document(source(name, ARTICLE.encode()), RULES), parse_document(source(name, noisy.encode()), RULES)
    assert isinstance(noisy_doc, IngestedDocument)
    assert noisy_doc.clean_text == plain_doc.clean_text
    assert not [c for c in noisy_doc.clean_text if unicodedata.category(c) == "Cf"]
    rules = default_rulebook()
    plain, rows = extract_document(plain_doc, rules).rows, extract_document(noisy_doc, rules).rows
    assert rows == plain
    mentions = rows["mentions"]
    assert any(m["start"] == noisy_doc.clean_text.index("Tsinghua University") for m in mentions)
    for mention in mentions:
        assert noisy_doc.clean_text[mention["start"]:mention["end"]] == mention["surface"]


# --- HTML nested deeper than the parser reads ----------------------------------------------------------------

def _nested_page(depth: int) -> bytes:
    body = "<p>Lakeside University and Yunnan Province signed a cooperation agreement on research today.</p>"
    return (f"<html><head><title>Deep page</title></head><body>{'<div>' * depth}{body}{'</div>' * depth}"
            "</body></html>").encode()


@pytest.mark.parametrize("depth", [10, 200])
def test_nested_html_within_the_parser_depth_keeps_its_text(depth: int) -> None:
    doc = parse_document(source("deep.html", _nested_page(depth)), RULES)
    assert isinstance(doc, IngestedDocument)
    assert "signed a cooperation agreement on research today." in doc.clean_text


@pytest.mark.parametrize("depth", [300, 5000])
def test_html_nested_past_the_parser_depth_is_rejected_with_the_reason(depth: int, tmp_path: Path) -> None:
    """libxml2 stops reading at depth 256 and says so only in its error log: the page used to be published
    with its title alone."""
    (tmp_path / "deep.html").write_bytes(_nested_page(depth))
    result = ingest_corpus(tmp_path, RULES)
    assert not result.documents
    [rejection] = result.rejections
    assert rejection.table_name == "documents" and rejection.record["source_path"] == "deep.html"
    assert "parser's limits" in rejection.errors and "depth" in rejection.errors


# --- patterns that run over whole lines --------------------------------------------------------------------

def _whole_line_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every regex that is matched against a whole line or paragraph of any length."""
    rules = FURNITURE
    found = [(rule.name, rule.pattern) for rule in rules.line_rules]
    found += [(rule.name, rule.item_pattern) for rule in rules.separator_rules]
    found += [("menu_labels", rules.menu_labels), ("strip_prefixes", rules.strip_prefixes)]
    for module in (formats, metadata, wrap, furniture):
        found += [(f"{module.__name__}.{name}", value) for name, value in vars(module).items()
                  if isinstance(value, re.Pattern) and isinstance(value.pattern, str)]
    return found


@pytest.mark.parametrize("name, pattern", _whole_line_patterns(), ids=lambda x: x if isinstance(x, str) else "")
def test_no_pattern_keeps_state_per_repetition(name: str, pattern: re.Pattern[str]) -> None:
    """A backtracking repeat of a group keeps a frame per repetition: `page_controls` took a kilobyte per
    character of a one-word line (2 GB for 2 MB)."""
    assert repeat_problem(pattern.pattern) is None


@pytest.mark.parametrize("pattern, problem", [
    (r"^(\[?(large|medium|small|big|[aA]\+?-?)\]? ?){2,}$", "without bound"),  # page_controls as it was
    (r"^((facebook|twitter)\b[\s|/,·]*)*$", "without bound"),  # social_network_row as it was
    (r"^(?:a\s?b)+?$", "without bound"),
    (r"^(?:(?:a|bc)\s*)*+$", None),
    (r"^(?:(a|bc)\s*)*+$", "capturing group"),
    (r"^[\w .-]{1,30}\s*(?:ab){0,6}.*$", None),
])
def test_repeat_problem(pattern: str, problem: str | None) -> None:
    found = repeat_problem(pattern)
    assert (found is None) if problem is None else (problem in found)


def test_loader_refuses_a_rule_that_repeats_a_group(tmp_path: Path) -> None:
    old = r"(?:\[?(?:large|medium|small|big|[aA]\+?-?)\]? ?){2,}+"
    assert old in (DEFAULT_REFERENCE_DIR / FURNITURE_FILE).read_text(encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="page_controls.*repeats a group without bound"):
        edited_rules(tmp_path, lambda text: text.replace(old, r"(\[?(large|medium|small|big|[aA]\+?-?)\]? ?){2,}"))


@pytest.mark.parametrize("line, rule", [
    ("[Large] [Medium] [Small]", "page_controls"),
    ("A+ A A-", "page_controls"),
    ("Facebook | Twitter | WeChat", "social_network_row"),
    ("Share on: Facebook, Twitter", "share_buttons"),
    ("English | 中文 | Français", "language_switch"),
    ("Print this page, Email this page Back to top:", "menu_label"),
])
def test_possessive_rules_still_match(line: str, rule: str) -> None:
    assert furniture.furniture_rule(line, FURNITURE, scope="both") == rule


def test_prefixes_glued_many_times_are_all_removed() -> None:
    assert furniture.strip_affixes("Skip to content " * 50 + "PolyU signs an agreement", FURNITURE) == (
        "PolyU signs an agreement")


# The regex strip_emphasis replaces; it scans to the end of the line from every opening mark left open.
_EMPHASIS = re.compile(r"(?<![\w*_])(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1(?![\w*_])")


@pytest.mark.parametrize("line", [
    "The agreement was signed by **Vice-President Mary Okafor** and *Deputy Director Zhou Lin*.",
    "**bold *italic* bold**", "***", "****", "_a_b_", "snake_case_name and __init__", "*a *a *a b*",
    "2 * 3 * 4", "***both*** and **two** and *one*", "a*b*c", "*x**", "* list item", "__ __", "_é_ *1*",
    "*a " * 50,
])
def test_strip_emphasis_is_the_regex(line: str) -> None:
    assert strip_emphasis(line) == _EMPHASIS.sub(r"\2", line)


# --- many end-of-article markers, long paragraphs -----------------------------------------------------------

SENTENCE = "Lakeside University and Yunnan Province signed a cooperation agreement on research today."


def test_site_footer_is_cut_at_the_first_marker_after_the_last_prose() -> None:
    lines = [SENTENCE, "", "Sidebar", "", SENTENCE, "", "", "Contact: Jane Doe", "", "Privacy", ""]
    # markers (blanked furniture lines) at 1, 5, 6 and 9: prose runs until line 4
    assert cut_site_footer(lines, [1, 5, 6, 9]) == lines[:5]
    assert cut_site_footer(lines, [9]) == lines[:9]
    assert cut_site_footer(lines, [1]) == lines  # prose follows the only marker: nothing is cut
    assert cut_site_footer(lines, []) == lines


def test_many_end_markers_repair_the_text_a_bounded_number_of_times(monkeypatch: pytest.MonkeyPatch) -> None:
    """The footer cut used to repair the wraps of the rest of the page once per marker: quadratic."""
    calls = []
    join_run = wrap._join_run
    monkeypatch.setattr(wrap, "_join_run", lambda lines, *a: calls.append(len(lines)) or join_run(lines, *a))
    paragraphs = clean_paragraphs(f"{SENTENCE}\nNNNN\n" * 200 + "Ends/Tuesday, March 12, 2024\nPrivacy Policy", FURNITURE)
    assert paragraphs == [SENTENCE] * 200
    assert sum(calls) <= 3 * 200 * 2  # each line is joined a few times at most, not once per marker


def test_joining_rules_read_only_the_end_of_a_long_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    """Joining a line looked at the whole paragraph so far (and copied it): quadratic in a long paragraph."""
    lengths = []
    ends_sentence = wrap.ends_sentence
    monkeypatch.setattr(wrap, "ends_sentence", lambda text: lengths.append(len(text)) or ends_sentence(text))
    line = "and the two universities will exchange visiting scholars in plant genomics and soil"
    paragraphs = wrap.repair_wraps([SENTENCE[:-1], *[line] * 300, "science."])
    assert paragraphs == [" ".join([SENTENCE[:-1], *[line] * 300, "science."])]
    assert max(lengths) <= wrap.TAIL_CHARS


@pytest.mark.parametrize("lines, paragraphs", [
    (["Joint centre opens", "", "the university said", "", "on Monday that it would.", "NNNN"],
     ["Joint centre opens the university said on Monday that it would.", "NNNN"]),
    (["inter-", "national co-", "operation", "", "第一行中文", "第二行中文。"],
     ["inter-national co-operation", "第一行中文", "第二行中文。"]),
    (["•", "Laboratory of Crop Genomics (Director:", "Professor Li)", "Mrs.", "Berg said so."],
     ["• Laboratory of Crop Genomics (Director: Professor Li)", "Mrs. Berg said so."]),
])
def test_repair_wraps_joins_as_before(lines: list[str], paragraphs: list[str]) -> None:
    """The paragraph builder joins what joining whole strings joined (the paragraphs of the code before it)."""
    assert wrap.repair_wraps(lines) == paragraphs


def test_declared_title_and_publisher_lose_format_characters() -> None:
    page = ("---\ntitle: \"Tsing\u2066hua\u2069 and \u202eEdinburgh\u202c sign a research agreement\"\n"
            "publisher: \"Tsing\u200bhua\u00a0University\u200f News\"\n---\n\n" + ARTICLE)
    doc = parse_document(source("page.md", page.encode()), RULES)
    assert doc.title == "Tsinghua and Edinburgh sign a research agreement"
    assert doc.clean_text.startswith(doc.title + "\n\n")
    assert doc.publisher == "Tsinghua University News"
