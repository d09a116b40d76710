"""One lab named two ways in a document is one record: a partner written as its country or as its people
("Sino-Kenya", "Sino-Kenyan"), a name cut off mid-word in a title beside the name in full. Two labs whose topics differ
stay two, and a body named after a country alone is not the lab of that country's partnership."""
from __future__ import annotations

import pytest

from tests.unit.fact_rows import extract_rows


def _labs(text: str) -> list[tuple[str, str]]:
    return sorted((lab["name"], lab["lab_type"]) for lab in extract_rows(text)["labs"])


@pytest.mark.parametrize("text, name, lab_type", [
    ("The Sino-Kenyan Joint Laboratory of Soil Health was opened at Egerton University on Monday. Researchers at the "
     "Sino-Kenya Joint Laboratory of Soil Health will study maize yields.",
     "Sino-Kenyan Joint Laboratory of Soil Health", "joint_laboratory"),
    ("The Brazil-China Joint Centre for Space Weather was inaugurated in Natal last week. The Brazilian-Chinese Joint "
     "Centre for Space Weather will train twenty students a year.",
     "Brazil-China Joint Centre for Space Weather", "joint_research_centre"),
    ("Students of the Thai-Chinese Joint Laboratory of Rice Genomics visited Wuhan. The Thailand-China Joint Laboratory "
     "of Rice Genomics was founded by two universities.",
     "Thailand-China Joint Laboratory of Rice Genomics", "joint_laboratory"),
])
def test_a_partner_written_as_its_country_or_its_people_is_one_lab(text, name, lab_type):
    assert _labs(text) == [(name, lab_type)]


@pytest.mark.parametrize("text, name", [
    ("Field Season Opens at the Norway – China Joint Laboratory on Arctic Glaciolo\n"
     "Oslo, 4 May -- The Norway – China Joint Laboratory on Arctic Glaciology sent its first team to Svalbard.",
     "China Joint Laboratory on Arctic Glaciology"),
    ("Spectrometers arrive at the Ghent-Wuhan Joint Laboratory of Photonic Sensin\n"
     "The Ghent-Wuhan Joint Laboratory of Photonic Sensing received two spectrometers this week.",
     "Ghent-Wuhan Joint Laboratory of Photonic Sensing"),
])
def test_a_title_cut_off_mid_word_names_the_lab_the_text_names_in_full(text, name):
    assert _labs(text) == [(name, "joint_laboratory")]


@pytest.mark.parametrize("text", [
    "The Sino-French Joint Laboratory of Ocean Acoustics was opened in Brest. The Sino-French Joint Laboratory of "
    "Ocean Acoustic Imaging opened in Toulon.",
    "The China-Chile Joint Laboratory of Materials Physics was opened in Santiago. The China-Chile Joint Laboratory of "
    "Material Chemistry opened in Valparaiso.",
    # a whole word is cut short only where a name ends ("... Chemical Engineering" does not end on it)
    "Fudan University opened the Joint Research Centre for Chemical Engineering. Nanjing University opened the Joint "
    "Research Centre for Chemicals.",
])
def test_labs_whose_topics_differ_stay_two(text):
    assert len(_labs(text)) == 2


def test_a_body_named_after_a_country_alone_is_not_merged_into_the_partnership_lab():
    text = ("China-Norway Arctic Observatory formally opened\n"
            "The China-Norway Arctic Science Observatory (CNASO) was formally opened today at Ny-Alesund. The "
            "observatory was built by the Norwegian Centre for Research (NCR) and the Polar Research Institute of China.")
    rows = extract_rows(text)
    assert [lab["name"] for lab in rows["labs"]] == ["China-Norway Arctic Science Observatory"]
    assert [m["evidence_start"] for m in rows["lab_mentions"]] == [0, text.index("The China-Norway")]
