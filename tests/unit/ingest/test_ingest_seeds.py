"""The real seed documents (read from the shared folder, never copied into the project)."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from pipeline.core.ingest import ingest_corpus
from pipeline.core.records import IngestedDocument
from tests.support.rules import default_rulebook

RULES = default_rulebook()

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seed folder not available")

FURNITURE = ["Skip to main content", "Start main content", "|Home|", "Your browser is not the latest version",
             "recommended to upgrade", "Copyright", "All Rights Reserved", "ICP", "Technical Support",
             "Website Maintenance", "Sponsored by", "Constructed by", "Tel:", "Home > News", "Open Governance",
             "Video of", "http", "中文", "Site Search", "Hot Topics", "Info Special", "Official Website"]

EXPECTED = {  # prefix of the file name: (title, published_on)
    "000_": ("PolyU and Hebei Province sign agreement to advance exchanges, talent nurturing and technology "
             "development", dt.date(2019, 4, 11)),
    "001_": ("Hebei celebrates success of global partnerships", None),
    "002_": (None, None),
    "003_": ("Polytechnic Institute of Zhejiang University Signs Cooperative Agreement with Zhejiang Economy and "
             "Information Technology Commission and Huawei Technologies", dt.date(2017, 5, 11)),
    "004_": ("A Batch of Sci-tech Innovation Platforms from Hong Kong to Settle in Sichuan", None),
}


@pytest.fixture(scope="module")
def documents() -> dict[str, IngestedDocument]:
    result = ingest_corpus(SEEDS, RULES)
    assert result.rejections == []
    return {d.source_path[:4]: d for d in result.documents}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_title_and_date(documents: dict[str, IngestedDocument], prefix: str) -> None:
    doc = documents[prefix]
    title, date = EXPECTED[prefix]
    assert doc.title == title
    assert doc.published_on == date
    assert doc.published_on_precision == ("day" if date else "unknown")
    if title:
        assert doc.clean_text.startswith(title + "\n\n")


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_no_furniture_and_clean_layout(documents: dict[str, IngestedDocument], prefix: str) -> None:
    text = documents[prefix].clean_text
    for phrase in FURNITURE:
        assert phrase not in text, phrase
    assert "\n\n\n" not in text and "  " not in text and "\u00a0" not in text
    assert all(line == line.strip() and line for line in text.split("\n\n"))
    assert "。" not in text


def test_pdf_style_seed_has_no_sentence_broken_by_a_line_break(documents: dict[str, IngestedDocument]) -> None:
    paragraphs = documents["002_"].clean_text.split("\n\n")
    for paragraph in paragraphs:
        assert "\n" not in paragraph
        assert not paragraph[0].islower(), paragraph
        is_item = paragraph.startswith("•")
        assert is_item or re.search(r"[.!?:”\"]$", paragraph), paragraph
    assert any("Mrs. Carrie Lam, highlighted" in p for p in paragraphs)


def test_captions_are_kept(documents: dict[str, IngestedDocument]) -> None:
    assert "witness the signing of the collaboration agreement" in documents["000_"].clean_text
