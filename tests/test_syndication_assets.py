"""Syndicated copies through the assets: a wire story and its reprints in a temporary warehouse.

The story is reprinted twice (another headline and a byline; a scrape cut short) and reported once more
independently. The copies are linked to the story in `documents.copy_of`, keep their facts, and count once
in the views' document counts. A run that adds a reprint to an existing warehouse links as a full run does.
The texts are written for this test; none of their sentences comes from a real article.
"""
from __future__ import annotations

from pathlib import Path

import dagster as dg
import pytest

from pipeline.core.ids import make_id
from tests.pipeline_run import query, run_job

STORY = """Zhejiang University and The University of Hong Kong signed a memorandum of understanding in Hangzhou on 11 April 2023 to carry out joint research in marine biology and ocean engineering, the first agreement between the two universities on the study of the sea.

Under the memorandum, the two universities will establish the Joint Laboratory for Coastal Ecology in Zhoushan, where researchers from both sides will share survey vessels, sensors and a new seawater tank that can reproduce the tides of the East China Sea.

The laboratory will start with three projects: a survey of the seagrass meadows that shelter young fish along the Zhejiang coast, a study of how heat waves in the ocean affect oyster farms, and a model of how sediment moves around the islands of the Zhoushan archipelago.

Each university will fund its own researchers, and a joint committee will decide each year which new projects to support. The agreement also provides for a summer school for graduate students and for up to ten joint doctoral students, who will spend at least a year at each university.

Officials from both universities said the laboratory would give students the chance to work at sea as well as in the lab. The first group of students is expected to arrive in Zhoushan in September, when the research vessel returns from its spring survey.

The two universities have exchanged students since 2015, and more than two hundred students have taken part in short visits. The new agreement builds on that programme and extends it to research staff, who will be able to spend up to six months at the partner university.
"""
HEADLINE = "Zhejiang University and HKU to study the sea together"


def article(headline: str, date: str, body: str, byline: str = "") -> str:
    return "\n\n".join(part for part in (headline, date, byline, body) if part)


FILES = {
    "original.txt": article(HEADLINE, "12 April 2023", STORY),
    "reprint_byline.txt": article("Hangzhou and Hong Kong universities look to the sea", "13 April 2023", STORY,
                                  byline="By Chen Li in Hangzhou | Coastal Daily | Updated 13 April 2023"),
    "reprint_cut.txt": article(HEADLINE, "14 April 2023", STORY[:1900]),
    "independent.txt": article(
        "HKU and Zhejiang University to work on marine biology", "15 April 2023",
        "The University of Hong Kong and Zhejiang University signed a memorandum of understanding in Hangzhou on "
        "11 April 2023, agreeing to work together on marine biology.\n\nHKU's vice-president said the partnership "
        "would bring together two of the strongest groups in ocean science in the region, and that the first "
        "researchers would travel to Zhejiang in the summer."),
}
COPIES = {"reprint_byline.txt": "original.txt", "reprint_cut.txt": "original.txt"}


def write(raw: Path, names) -> Path:
    raw.mkdir(parents=True, exist_ok=True)
    for name in names:
        (raw / name).write_text(FILES[name], encoding="utf-8")
    return raw


@pytest.fixture(scope="module")
def warehouses(tmp_path_factory):
    """The full run (every file at once) and an incremental one (the cut reprint added by a second run)."""
    base = tmp_path_factory.mktemp("syndication")
    full, incremental = base / "full" / "cooperation.duckdb", base / "incremental" / "cooperation.duckdb"
    with dg.DagsterInstance.ephemeral() as instance:
        first = run_job(instance, write(base / "raw_full", FILES), full)
        later = write(base / "raw_incremental", [name for name in FILES if name != "reprint_cut.txt"])
        before = run_job(instance, later, incremental)
        after = run_job(instance, write(later, ["reprint_cut.txt"]), incremental)
    assert first.success and before.success and after.success
    copies = [run.metadata["documents"]["syndicated_copies"].value for run in (first, before, after)]
    return {"full": full, "incremental": incremental, "copies": copies}


def test_the_documents_asset_says_how_many_copies_it_linked(warehouses):
    assert warehouses["copies"] == [2, 1, 2]


def links(warehouse: Path) -> dict[str, str | None]:
    return dict(query(warehouse, "SELECT d.source_path, c.source_path FROM documents d "
                                 "LEFT JOIN documents c ON c.document_id = d.copy_of"))


@pytest.mark.parametrize("build", ["full", "incremental"])
def test_the_reprints_are_linked_to_the_story_published_first(warehouses, build):
    assert links(warehouses[build]) == {name: COPIES.get(name) for name in FILES}


@pytest.mark.parametrize("build", ["full", "incremental"])
def test_the_agreement_counts_two_independent_reports_among_four_documents(warehouses, build):
    rows = query(warehouses[build], "SELECT document_count, document_count_with_copies, report_count "
                                    "FROM agreement_events")
    assert rows == [(2, 4, 4)]  # every copy keeps its report of the agreement


def test_copies_keep_their_facts_and_say_so_in_the_evidence_view(warehouses):
    rows = query(warehouses["full"], "SELECT source_path, document_copy_of FROM fact_evidence "
                                     "WHERE fact_type = 'agreement' ORDER BY source_path")
    original = make_id("document", "original.txt")
    assert rows == [("independent.txt", None), ("original.txt", None), ("reprint_byline.txt", original),
                    ("reprint_cut.txt", original)]


def test_labs_and_fields_count_independent_reports(warehouses):
    labs = query(warehouses["full"], "SELECT name, document_count, document_count_with_copies FROM lab_overview")
    assert labs == [("Joint Laboratory for Coastal Ecology", 1, 3)]
    fields = query(warehouses["full"], "SELECT major_label, document_count, document_count_with_copies "
                                       "FROM fields_by_major_area WHERE document_count_with_copies > 0 ORDER BY 1")
    assert fields == [("Engineering and technology", 1, 3), ("Natural sciences", 2, 4)]
