"""Syndicated copies (pipeline/core/syndication.py): which documents are linked as copies of one story.

The story and its variations are written for these tests: a wire story as sites reprint it (another
headline, a byline, a dateline, the scrape cut at another length), a commentary quoting its lead paragraph,
and stories of the same template with other facts.
"""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import numpy as np
import pytest

from pipeline.core.syndication import (
    BANDS,
    MIN_SHINGLES,
    PERMUTATIONS,
    ROWS,
    SHINGLE_TOKENS,
    THRESHOLD,
    WINDOW_TOKENS,
    band_keys,
    candidate_pairs,
    copy_groups,
    copy_links,
    digests,
    estimated_jaccard,
    jaccard,
    opening,
    shingle_sets,
    signatures,
)
from schemas import column_descriptions

README = Path(__file__).resolve().parents[3] / "README.md"

STORY = [
    "Tianjin University and the University of Porto on Monday signed an agreement to build a joint laboratory "
    "for coastal engineering, the first such facility the two institutions have set up together since they "
    "began exchanging doctoral students nine years ago.",
    "Under the five-year agreement, signed in Porto by Tianjin University vice-president Zhao Mingde and the "
    "Portuguese university's rector Ana Lourenço, the laboratory will study how sea walls, breakwaters and "
    "tidal barriers age in salt water, and how sensors buried in concrete can warn engineers before a "
    "structure fails.",
    "Each side will contribute equipment and staff. Tianjin will send a wave flume and a team of eight "
    "researchers in the first year, while Porto will provide test sites along the Douro estuary and open its "
    "materials testing hall to visiting students from China.",
    "The partners expect the first joint projects to start in the autumn. Two of them are already funded: a "
    "study of corrosion in harbour piles, backed by a port operator in northern Portugal, and a model of storm "
    "surges in the Bohai Sea that will be calibrated with measurements taken on both coasts.",
    "Officials from both universities said the laboratory would also train engineers. A summer school for "
    "graduate students is planned for July, and the agreement provides for joint supervision of up to twelve "
    "doctoral theses, with candidates spending at least one year at the partner university.",
    "Portugal and China signed an intergovernmental agreement on science and technology cooperation in 2019, "
    "and the number of joint research projects between the two countries has grown every year since, "
    "according to figures published by the Portuguese Foundation for Science and Technology.",
    "Engineers in both countries face the same problem. Much of the coastal infrastructure built in the second "
    "half of the last century is reaching the end of its design life just as storms grow stronger and sea "
    "levels rise, and replacing it all would cost far more than any government is willing to spend.",
    "The laboratory's first director will be Professor Chen Haiyan, a specialist in concrete durability who "
    "spent two years in Porto as a visiting researcher. She said the aim was to give port authorities tools "
    "to decide which structures to repair, which to reinforce and which can safely wait another decade.",
    "The University of Porto already runs a hydraulics laboratory that has tested breakwater designs for "
    "harbours in Portugal, Spain and Morocco. Its director said the partnership would let both teams compare "
    "results from very different seas, from the Atlantic swell to the shallow, muddy waters of the Bohai.",
    "A steering committee with four members from each university will meet twice a year, alternating between "
    "Tianjin and Porto, to approve projects and review spending. The agreement can be renewed for a further "
    "five years if both sides agree, and either party may withdraw with twelve months' notice in writing.",
]
HEADLINE = "Tianjin, Porto universities to build joint coastal engineering lab"


def text(headline: str | None, body: list[str], *, before: str = "", after: str = "") -> tuple[str, str | None]:
    """A document's clean_text and title as ingest stores them: the headline first, paragraphs apart."""
    paragraphs = ([headline] if headline else []) + ([before] if before else []) + body + ([after] if after else [])
    return "\n\n".join(paragraphs), headline


def doc(document_id: str, clean_text_and_title: tuple[str, str | None], published_on=None) -> dict:
    clean_text, title = clean_text_and_title
    return {"document_id": document_id, "clean_text": clean_text, "title": title, "published_on": published_on}


def cut(clean_text_and_title: tuple[str, str | None], chars: int) -> tuple[str, str | None]:
    """The scrape cut at `chars` characters, mid-word."""
    clean_text, title = clean_text_and_title
    return clean_text[:chars], title


ORIGINAL = text(HEADLINE, STORY)
REPRINTS = {
    "another headline and a byline": text(
        "China, Portugal team up on sea wall research", STORY,
        before="By Li Wen in Porto | China Daily | Updated: 2024-03-05 10:21"),
    "a wire dateline in the lead": text(
        "Chinese, Portuguese universities sign lab deal",
        ["PORTO, Portugal, March 4 (Xinhua) -- " + STORY[0], *STORY[1:]]),
    "no headline found, a source line at the end": text(
        None, STORY, after="Source: Xinhua | Editor: Wang Fei | Share this article"),
    "cut at 2,000 characters": cut(ORIGINAL, 2000),
    "cut at 2,600 characters, with a byline": cut(text(HEADLINE, STORY, before="By Li Wen, Xinhua"), 2600),
    "the last paragraph dropped, a photo caption added": text(
        HEADLINE, STORY[:-1], before="Photo: Researchers at a wave flume in Tianjin. (Xinhua/Zhang Chao)"),
}

QUOTING = text("Why coastal engineering needs more partners", [
    "Announcing their new laboratory this week, the two universities said: \"" + STORY[0] + "\"",
    "That is welcome news, but a single laboratory will not close the gap between what we know about "
    "ageing coastal structures and what we need to know. Most sea walls in southern Europe were built before "
    "anyone measured how fast chloride moves through concrete, and few owners keep records of repairs.",
    "What the field needs is shared data. If every port authority published its inspection reports in a common "
    "format, researchers in Tianjin, Porto or anywhere else could test their models against decades of "
    "observations rather than a handful of test sites, and engineers could compare designs across coasts.",
    "Funding agencies can help by making data sharing a condition of their grants, as some already do for "
    "genome sequences and climate records. Until then, partnerships like this one will keep rediscovering "
    "what others have already learnt, one harbour at a time, at considerable cost to the public purse.",
    "Universities should also reward the unglamorous work of maintaining long records. A thirty-year series "
    "of measurements from one breakwater is worth more than a dozen short campaigns, yet it rarely leads to a "
    "paper in a prestigious journal or to a promotion for the engineers who kept it going.",
])

TEMPLATE = [
    "{a} and {b} on {day} signed a memorandum of understanding to establish a joint research centre for {field}, "
    "the first such centre the two institutions have set up together since they began working together in {year}.",
    "Under the {n}-year agreement, signed in {city} by {a} president {p1} and {b} president {p2}, the centre will "
    "carry out joint research in {field} and related areas, and will organise exchanges of staff and students.",
    "Each side will contribute equipment and staff. {a} will send a team of {k} researchers in the first year, "
    "while {b} will provide laboratory space in {city} and open its facilities to visiting students.",
    "The partners expect the first joint projects to start in {month}. The centre will be funded by both "
    "institutions and by {funder}, which has supported research in {field} since {year}.",
    "Officials from both institutions said the centre would also train young researchers. A summer school for "
    "graduate students is planned for {month}, and the agreement provides for joint supervision of up to {k} "
    "doctoral theses, with candidates spending at least one year at the partner institution.",
]
FILLS = [
    dict(a="Zhejiang University", b="the University of Auckland", day="Tuesday", field="marine biology", year="2012",
         n="three", city="Hangzhou", p1="Wu Zhaohui", p2="Dawn Freshwater", k="six", month="September",
         funder="the Zhejiang Provincial Department of Science and Technology"),
    dict(a="Sichuan University", b="Monash University", day="Friday", field="biomedical engineering", year="2016",
         n="five", city="Chengdu", p1="Li Yanrong", p2="Sharon Pickering", k="ten", month="March",
         funder="the Sichuan Science and Technology Program"),
    dict(a="Xiamen University", b="the University of Malaya", day="Wednesday", field="tropical agriculture",
         year="2009", n="four", city="Kuala Lumpur", p1="Zhang Rong", p2="Noor Azuan", k="fifteen", month="June",
         funder="the Malaysian Ministry of Higher Education"),
]


def templated(fill: dict) -> tuple[str, str]:
    return text(f"{fill['a']} and {fill['b']} to set up joint research centre",
                [sentence.format(**fill) for sentence in TEMPLATE])


def sets_of(*texts: tuple[str, str | None]) -> list[np.ndarray]:
    return shingle_sets([opening(clean_text, title) for clean_text, title in texts])


@pytest.mark.parametrize("variation", sorted(REPRINTS))
def test_a_reprint_of_the_story_is_a_copy_of_it(variation):
    assert len(ORIGINAL[0]) > 3000  # the whole story; scrapes are cut at 2-3k characters
    original, reprint = sets_of(ORIGINAL, REPRINTS[variation])
    assert jaccard(original, reprint) >= THRESHOLD
    assert copy_links([doc("a", ORIGINAL, dt.date(2024, 3, 4)), doc("b", REPRINTS[variation], dt.date(2024, 3, 5))]) \
        == {"b": "a"}


FURNITURE = ("By Li Wen and Zhang Wei in Porto for the Coastal Daily news service, updated on March five at ten "
             "twenty one. Share this story on social media, print or email it").split()


@pytest.mark.parametrize("words, linked", [(10, True), (25, True), (30, False)])
def test_up_to_about_25_words_of_furniture_only_one_copy_has_are_tolerated(words, linked):
    reprint = text("Other headline", STORY, before=" ".join(FURNITURE[:words]))
    assert copy_links([doc("a", ORIGINAL), doc("b", reprint)]) == ({"b": "a"} if linked else {})


CHINESE = [
    "天津大学与葡萄牙波尔图大学3月4日在波尔图签署合作协议，双方将共建海岸工程联合实验室。这是两校自九年前开始交换博士生以来共同建立的第一个研究机构。",
    "根据为期五年的协议，实验室将研究海堤、防波堤和挡潮闸在海水中的老化规律，并开发埋设在混凝土中的传感器，在结构失效之前向工程师发出预警。",
    "双方将各自投入设备和人员。天津大学第一年将派出八名研究人员并提供一座波浪水槽，波尔图大学将提供杜罗河口的试验场地，并向来自中国的访问学生开放其材料试验大厅。",
    "两校官员表示，实验室还将培养工程人才。研究生暑期学校计划于七月举办，协议还规定双方最多联合指导十二篇博士论文，博士生须在合作大学学习至少一年。",
]


@pytest.mark.parametrize("reprint, linked", [
    (text("中葡高校共建海岸工程实验室", ["新华社波尔图3月4日电（记者王菲）" + CHINESE[0], *CHINESE[1:]]), True),
    (text("天津大学与波尔图大学签署协议", CHINESE[:1] + ["评论：海岸工程需要更多的合作伙伴，单靠一个实验室无法解决所有问题。" * 4]), False),
])
def test_a_chinese_story_is_compared_character_by_character(reprint, linked):
    original = text("天津大学与波尔图大学签署协议", CHINESE)
    assert copy_links([doc("a", original), doc("b", reprint)]) == ({"b": "a"} if linked else {})


def test_two_reprints_cut_at_different_lengths_are_copies_of_each_other():
    assert copy_links([doc("b", REPRINTS["cut at 2,000 characters"]),
                       doc("a", REPRINTS["cut at 2,600 characters, with a byline"])]) == {"b": "a"}


@pytest.mark.parametrize("other", [
    pytest.param(QUOTING, id="a commentary quoting the lead paragraph"),
    pytest.param(text(HEADLINE, STORY[:1]), id="the lead paragraph alone"),
    pytest.param(cut(ORIGINAL, 700), id="a teaser cut at 700 characters"),
    pytest.param(text(HEADLINE, STORY[4:]), id="the second half of the story"),
    pytest.param(templated(FILLS[0]), id="another story"),
])
def test_a_text_sharing_only_part_of_the_story_is_not_a_copy(other):
    assert copy_links([doc("a", ORIGINAL), doc("b", other)]) == {}


@pytest.mark.parametrize("first, second", [(0, 1), (0, 2), (1, 2)])
def test_stories_from_one_template_with_other_facts_are_not_copies(first, second):
    one, two = sets_of(templated(FILLS[first]), templated(FILLS[second]))
    assert jaccard(one, two) < 0.5
    assert copy_links([doc("a", templated(FILLS[first])), doc("b", templated(FILLS[second]))]) == {}


@pytest.mark.parametrize("dates, canonical", [
    ({"a": dt.date(2024, 3, 5), "b": dt.date(2024, 3, 4), "c": dt.date(2024, 3, 6)}, "b"),  # published first
    ({"a": None, "b": None, "c": dt.date(2024, 3, 6)}, "c"),  # a dated document before undated ones
    ({"a": dt.date(2024, 3, 4), "b": dt.date(2024, 3, 4), "c": dt.date(2024, 3, 4)}, "a"),  # then the smallest id
    ({"a": None, "b": None, "c": None}, "a"),
])
def test_three_copies_make_one_group_under_the_document_published_first(dates, canonical):
    texts = {"a": ORIGINAL, "b": REPRINTS["a wire dateline in the lead"], "c": REPRINTS["cut at 2,000 characters"]}
    docs = [doc(i, texts[i], dates[i]) for i in texts]
    expected = {i: canonical for i in texts if i != canonical}
    assert copy_links(docs) == expected
    assert copy_links(list(reversed(docs))) == expected  # the order of the documents does not matter


def test_copies_among_other_stories_are_found_as_separate_groups():
    rng = random.Random(7)
    vocabulary = sorted({w for paragraph in STORY + TEMPLATE for w in paragraph.split()})
    stories = [text(f"Story {i}", [" ".join(rng.choices(vocabulary, k=80)) for _ in range(3)]) for i in range(40)]
    docs = [doc(f"s{i:02d}", t) for i, t in enumerate(stories)]
    docs += [doc("x1", ORIGINAL, dt.date(2024, 3, 4)), doc("x2", REPRINTS["cut at 2,000 characters"]),
             doc("y1", templated(FILLS[1]), dt.date(2023, 1, 2)), doc("y2", cut(templated(FILLS[1]), 1500)),
             doc("y3", text("Sichuan University, Monash sign pact", templated(FILLS[1])[0].split("\n\n")[1:]))]
    assert copy_links(docs) == {"x2": "x1", "y2": "y1", "y3": "y1"}


@pytest.mark.parametrize("words, linked", [
    (MIN_SHINGLES + 4, True),  # MIN_SHINGLES shingles: long enough to tell
    (MIN_SHINGLES + 3, False),  # a caption or a one-line brief shares its words with too many texts
])
def test_identical_texts_too_short_to_tell_are_not_linked(words, linked):
    short = " ".join(" ".join(STORY).split()[:words])
    assert copy_links([doc("a", (short, None)), doc("b", (short, None))]) == ({"b": "a"} if linked else {})


@pytest.mark.parametrize("clean_text, title, expected", [
    ("Headline here\n\nThe Body, of the text.", "Headline here", ["the", "body", "of", "the", "text"]),
    ("No headline: Body text", None, ["no", "headline", "body", "text"]),
    ("天津大学与波尔图大学签署协议", None, list("天津大学与波尔图大学签署协议")),  # CJK: one word per character
    ("Année 2024 – ÉCOLE_normale", None, ["année", "2024", "école", "normale"]),
])
def test_the_opening_is_the_body_s_words_case_folded(clean_text, title, expected):
    assert opening(clean_text, title) == expected


def test_the_opening_stops_at_the_window_even_in_a_text_of_long_words():
    words = [f"{'w' * 30}{i}" for i in range(WINDOW_TOKENS + 50)]
    assert opening(" ".join(words)) == words[:WINDOW_TOKENS]


@pytest.mark.parametrize("openings, sizes", [
    ([], []),
    ([[]], [0]),
    ([["a", "b", "c", "d"], ["a", "b", "c", "d", "e"]], [0, 1]),  # four words make no shingle
    ([["a", "b", "c"], ["d", "e", "f"]], [0, 0]),  # no shingle runs from one opening into the next
    ([["a", "b", "c", "d", "e"] * 3], [5]),  # repeated shingles count once
])
def test_shingle_sets_stay_within_each_opening(openings, sizes):
    assert [len(s) for s in shingle_sets(openings)] == sizes
    assert copy_links([]) == {}


def test_shingle_hashes_are_the_same_in_every_process():
    """Pinned values: the hashes use no per-process salt, so an incremental run links as a full run does."""
    assert shingle_sets([["a", "b", "c", "d", "e", "f"]])[0].tolist() == [6124365734633397328, 10847795698023647540]


def test_a_bucket_of_n_copies_gives_fewer_than_2n_candidate_pairs():
    sets = [np.arange(100, dtype=np.uint64)] * 50 + [np.arange(1000, 1100, dtype=np.uint64)]
    pairs = candidate_pairs(band_keys(signatures(sets)))
    assert len(pairs) == 49 + 48  # each with the first, each with the one before (the pair (0, 1) is both)
    assert copy_groups(sets) == [list(range(50))]


def shingles(first: int, count: int) -> np.ndarray:
    return np.arange(first, first + count, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)


BASE = np.sort(shingles(0, 200))


@pytest.mark.parametrize("other, linked", [
    pytest.param(BASE, True, id="a copy"),
    pytest.param(np.sort(np.concatenate([BASE[:184], shingles(10_000, 16)])), True, id="a near-copy at 0.85"),
    pytest.param(np.sort(np.concatenate([BASE[:190], shingles(10_000, 30)])), True, id="a longer one at 0.86"),
    pytest.param(np.sort(np.concatenate([BASE[:172], shingles(10_000, 28)])), False, id="one at 0.75"),
    pytest.param(np.sort(np.concatenate([BASE[:100], shingles(10_000, 100)])), False, id="one at 0.33"),
    pytest.param(np.sort(shingles(10_000, 200)), False, id="another text"),
])
def test_banding_links_copies_and_near_copies_over_the_threshold_and_nothing_else(other, linked):
    """The banded pipeline (band keys, candidate pairs, the estimate bounded by the low bytes, then the whole
    signatures, then the exact Jaccard), among unrelated texts that must stay apart."""
    unrelated = [np.sort(shingles(100_000 * (k + 1), 200)) for k in range(20)]
    groups = copy_groups([*unrelated[:10], BASE, *unrelated[10:], other])
    assert (jaccard(BASE, other) >= THRESHOLD) is linked
    assert groups == ([[10, 21]] if linked else [])


@pytest.mark.parametrize("changed", [0, ROWS - 1, ROWS, PERMUTATIONS - 1])
def test_a_band_key_changes_with_any_value_of_its_band_and_no_other(changed):
    sigs = np.random.default_rng(3).integers(0, 2**63, size=(2, PERMUTATIONS), dtype=np.uint64)
    sigs[1] = sigs[0]
    sigs[1, changed] += np.uint64(1)
    keys = band_keys(sigs)
    assert keys.shape == (2, BANDS)
    assert np.flatnonzero(keys[0] != keys[1]).tolist() == [changed // ROWS]


@pytest.mark.parametrize("shared_bands, paired", [(0, False), (1, True), (BANDS, True)])
def test_rows_are_candidates_when_they_agree_on_a_whole_band(shared_bands, paired):
    rng = np.random.default_rng(5)
    sigs = rng.integers(0, 2**63, size=(3, PERMUTATIONS), dtype=np.uint64)
    sigs[2, :shared_bands * ROWS] = sigs[0, :shared_bands * ROWS]
    sigs[2, shared_bands * ROWS:shared_bands * ROWS + 1] = sigs[0, 0] + np.uint64(1)  # the next band differs
    assert candidate_pairs(band_keys(sigs)).tolist() == ([[0, 2]] if paired else [])


@pytest.mark.parametrize("share_changed", [0.0, 0.1, 0.3, 1.0])
@pytest.mark.parametrize("step, low_bytes_differ", [(1, True), (255, True), (256, False), (2**40, False)])
def test_the_low_bytes_bound_the_estimate_from_above(share_changed, step, low_bytes_differ):
    """Values that differ in their low byte differ, so the low bytes' estimate is never below the whole
    signatures' (and equal when every changed value changed its low byte)."""
    rng = np.random.default_rng(11)
    sigs = np.tile(rng.integers(0, 2**63, size=(100, PERMUTATIONS), dtype=np.uint64), (2, 1))
    changed = rng.random((100, PERMUTATIONS)) < share_changed
    sigs[100:][changed] += np.uint64(step)
    pairs = np.column_stack([np.arange(100), np.arange(100, 200)])
    whole, low = estimated_jaccard(sigs, pairs), estimated_jaccard(digests(sigs)["low_bytes"], pairs)
    assert np.allclose(whole, 1 - changed.mean(axis=1))
    assert np.all(low >= whole)
    assert np.array_equal(low, whole if low_bytes_differ else np.ones(100))


@pytest.mark.parametrize("where, text_of", [
    ("the documents model", lambda: column_descriptions("documents")["copy_of"]),
    ("the README", lambda: README.read_text(encoding="utf-8")),
])
def test_the_descriptions_state_the_window_and_the_threshold_in_force(where, text_of):
    described = " ".join(text_of().split())
    assert f"first {WINDOW_TOKENS} words after the headline" in described
    assert f"{SHINGLE_TOKENS}-word shingles" in described and f"Jaccard similarity of at least {THRESHOLD}" in described
