"""Long documents are extracted in sections: offsets still point into the whole text, every fact of
every section is kept once, and a section's extraction equals the extraction of that text alone."""
from __future__ import annotations

import datetime as dt

import pytest

import pipeline.core.extract as extract
from pipeline.core.records import IngestedDocument
from tests.support.rules import default_rulebook

SIGNING = ("Zhejiang University and The University of Hong Kong signed a memorandum of understanding "
           "in Hangzhou on 11 April 2023 to carry out joint research in marine biology.")
VISIT = ("A 12-member delegation from the Sichuan Provincial Department of Science and Technology visited "
         "The Hong Kong Polytechnic University on 3 June 2022.")
SECOND = ("Fudan University and The Chinese University of Hong Kong signed a cooperation agreement in Shanghai "
          "on 2 May 2023 on artificial intelligence.")
FILLER = "The weather in the city was mild and the streets were quiet during the holiday week."


def _doc(text: str) -> IngestedDocument:
    return IngestedDocument(document_id="d1", source_path="long.txt", content_sha256="s", clean_text=text,
                            published_on=dt.date(2023, 4, 12), published_on_precision="day")


@pytest.mark.parametrize("text, limit, expected", [
    ("aaaa\n\nbbbb\n\ncccc", 8, [(0, 6), (6, 12), (12, 16)]),  # cut after paragraph breaks
    ("aaaa bbbb cccc", 6, [(0, 5), (5, 10), (10, 14)]),  # else after spaces
    ("abcdefghij", 4, [(0, 4), (4, 8), (8, 10)]),  # else anywhere
    ("short", 10, [(0, 5)]),
])
def test_sections_cover_the_text_within_the_limit(text, limit, expected):
    spans = extract.sections(text, limit)
    assert spans == expected
    assert "".join(text[a:b] for a, b in spans) == text


def test_a_long_document_keeps_every_fact_with_offsets_into_the_whole_text(monkeypatch):
    filler = "\n\n".join([FILLER] * 30)
    text = "\n\n".join([SIGNING, filler, VISIT, filler, SECOND])
    whole = extract.extract_document(_doc(text), default_rulebook())
    monkeypatch.setattr(extract, "SECTION_CHARS", 2_000)
    assert len(extract.sections(text, 2_000)) == 3
    split = extract.extract_document(_doc(text), default_rulebook()).rows

    assert len(split["agreements"]) == len(whole.rows["agreements"]) == 2
    assert [a["evidence"] for a in split["agreements"]] == [a["evidence"] for a in whole.rows["agreements"]]
    assert len(split["delegations"]) == 1
    assert split["document_domains"] and all(
        text[d["evidence_start"]:d["evidence_end"]] == d["matched_text"] for d in split["document_domains"])
    for row in split["agreements"] + split["delegations"]:
        assert text[row["evidence_start"]:row["evidence_end"]] == row["evidence"]
    for m in split["mentions"]:
        assert text[m["start"]:m["end"]] == m["surface"]
    ids = [a["agreement_id"] for a in split["agreements"]]
    assert len(set(ids)) == 2
    assert {p["agreement_id"] for p in split["agreement_parties"]} == set(ids)
    for table, key in (("organizations", "organization_id"), ("people", "person_id"), ("places", "place_id")):
        keys = [row[key] for row in split[table]]
        assert len(keys) == len(set(keys)), table


def test_a_document_over_spacys_limit_is_extracted(monkeypatch):
    monkeypatch.setattr(extract, "SECTION_CHARS", 5_000)
    text = "\n\n".join([SIGNING] + [FILLER] * 800)  # about 68,000 characters in 14 sections
    rows = extract.extract_document(_doc(text), default_rulebook()).rows
    assert len(rows["agreements"]) == 1
