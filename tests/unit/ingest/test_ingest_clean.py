"""Clean text: Unicode normalisation, furniture rules (as data), hard-wrap repair."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from pipeline.core.ingest import clean_paragraphs, clean_text, furniture_rule, normalise_text
from pipeline.core.ingest.furniture import FURNITURE_FILE, compile_furniture_rules, furniture_rules
from pipeline.core.reference import ReferenceDataError, read_rules
from tests.support.rules import default_rulebook
from tests.unit.ingest_helpers import (
    BODY,
    DOUBLE_SPACED,
    FURNITURE_PHRASES,
    INVENTED_PAGES,
    PAGE_IDS,
    SCRAPED_PAGE,
    TITLE,
    InventedPage,
    edited_rules,
)

RULES = default_rulebook()
FURNITURE = furniture_rules(RULES)

# --- normalisation ---------------------------------------------------------------------------------------


def test_unicode_is_normalised_but_quotes_are_kept() -> None:
    raw = "Cafe\u0301\u00a0and\u200b tea\u2009\u2009\u201csaid\u201d \u2018it\u2019s\u2019\r\nnext\tline  \x07end\u00ad"
    assert normalise_text(raw) == "Caf\u00e9 and tea \u201csaid\u201d \u2018it\u2019s\u2019\nnext line end"


def test_clean_text_layout() -> None:
    text = clean_text("  First   paragraph is here.  \n\n\n\n  Second\t\tparagraph is here.  \n", FURNITURE)
    assert text == "First paragraph is here.\n\nSecond paragraph is here."


def test_pdf_bullet_and_doubled_full_stop() -> None:
    text = clean_text("Partners:\n\n\uf0b7 Laboratory of Crop Genomics\n\nThe platform was launched.\u3002\u3002", FURNITURE)
    assert text == "Partners:\n\n• Laboratory of Crop Genomics\n\nThe platform was launched."


# --- furniture -------------------------------------------------------------------------------------------

def test_scraped_page_loses_all_furniture_and_keeps_content() -> None:
    text = clean_text(SCRAPED_PAGE, FURNITURE)
    for phrase in FURNITURE_PHRASES:
        assert phrase not in text, phrase
    assert text.startswith(TITLE + "\n\n3 Mar 2021\n\n")
    assert "Vice-President Mary Okafor (left) and Deputy Director Zhou Lin exchange the signed agreement" in text
    for paragraph in BODY:
        assert paragraph in text


@pytest.mark.parametrize("line, rule", [
    ("Skip to main content Start main content", "skip_link"),
    ("|Home|About Yunnan|Government|Investment|Travel|Culture| Site Search", "nav_bar"),
    ("Home > News > Press Releases", "breadcrumb"),
    ("Home › Newsroom", "breadcrumb"),
    ("Your browser is not the latest version. If you continue, some pages may not work.", "browser_notice"),
    ("You are recommended to upgrade to a newer browser for the best experience.", "browser_notice"),
    ("We use cookies to give you the best experience. Accept cookies", "cookie_notice"),
    ("Copyright 2009 Example Province All Rights Reserved", "copyright"),
    ("© 2022 Lakeside University", "copyright"),
    ("Copyright held by the General Office of Example Provincial Government. All Rights Reserved.", "copyright"),
    ("滇ICP备12345678号", "icp_licence"),
    ("ICP No. 05030899", "icp_licence"),
    ("Technical Support: Example Telecom.", "site_credits"),
    ("Website Maintenance: Example Centre; Tel:86-28-5550100", "site_credits"),
    ("Sponsored by Example Provincial Government", "site_credits"),
    ("Constructed by example.com.cn", "site_credits"),
    ("The Official Website of the Example Government", "official_website_footer"),
    ("Tel: +852 5550 1234", "contact_line"),
    ("Share:", "share_buttons"),
    ("Share this article: Facebook | Twitter | Weibo", "share_buttons"),
    ("Facebook Twitter WeChat", "social_network_row"),
    ("Print", "menu_label"),
    ("Back to top", "menu_label"),
    ("Print this page | Email this page", "menu_label"),
    ("[Print] [Close]", "menu_label"),
    ("【打印本页】【关闭窗口】", "menu_label"),
    ("Today's Press Releases | Back to top", "menu_label"),
    ("[Large] [Medium] [Small]", "page_controls"),
    ("Font size: A+ A A-", "page_controls"),
    ("【字体：大 中 小】", "page_controls"),
    ("Video PlayerClose", "page_controls"),
    ("https://www.example.edu/news/2021/item.html", "lone_url"),
    ("Example Daily: http://v.example.com/video/123", "outlet_link"),
    ("Page 3 of 12", "page_number"),
    ("Related News", "related_links_heading"),
    ("Related:", "related_links_heading"),
    ("Editor: Wang Fang", "editor_credit"),
    ("[Editor: huaxia]", "editor_credit"),
    ("Open Governance", "menu_label"),
    ("Info Special", "menu_label"),
    ("2023 | Important notices | Privacy Policy", "nav_bar"),
    ("Home / News / 2022", "slash_breadcrumb"),
    ("Ends/Tuesday, March 12, 2024", "end_marker"),
    ("NNNN", "end_marker"),
    ("- Ends -", "end_marker"),
    ("###", "end_marker"),
    ("Issued at HKT 17:05", "issued_stamp"),
    ("For immediate release", "release_notice"),
    ("EMBARGOED UNTIL 10:00 HKT, 7 June 2021", "release_notice"),
    ("Media enquiries", "media_contact"),
    ("Media contact: Lakeside University Office of Communications", "media_contact"),
    ("For more information, please contact the Press Office.", "media_contact"),
    ("[Photo: Lakeside University]", "photo_credit"),
    ("Photo by Zhang Wei", "photo_credit"),
    ("(Xinhua/Li Ming)", "photo_credit"),
    ("Tags: Research, Partnerships, Yunnan", "tags_line"),
    ("Follow us on: Facebook Instagram", "follow_us"),
    ("Pre.:Lakeside University Starts a Survey of Mountain Rivers", "previous_next_link"),
    ("Next: Lakeside and Example Telecom Establish a Joint Platform", "previous_next_link"),
    ("Previous article: Delegation from Kunming visits the campus", "previous_next_link"),
    ("上一篇：湖滨大学召开科研工作会议", "previous_next_link"),
    ("Last updated: 19 August 2022", "page_updated"),
    ("Best viewed in IE 9.0 or above with a resolution of 1280*768", "browser_notice"),
    ("Website Identification Code: 5300000012", "icp_licence"),
    ("滇公网安备 53010202000123号", "icp_licence"),
    ("Address: 88 Lake Road, Kunming Postcode: 650000", "contact_line"),
    ("English | 中文", "language_switch"),
    ("河北省人民政府门户网站", "foreign_script"),
])
def test_furniture_rules(line: str, rule: str) -> None:
    assert furniture_rule(line, FURNITURE, scope="both") == rule


@pytest.mark.parametrize("line", [
    "The university's cookie-cutter approach to research funding was criticised by the panel members.",
    "The copyright of the jointly developed software will be held by both parties, the agreement says.",
    "Print media and broadcasters covered the signing ceremony, which was held in Kunming on Tuesday.",
    "Dr Zhou Lin (second left) and Professor Mary Okafor (third right) witness the signing of the agreement",
    "The agreement covers ICP-MS analysis of soil samples from 12 counties.",
    "News of the agreement was welcomed by industry.",
    "Home to 40 research institutes, the province is a hub for agricultural science.",
    "The ratio rose from 3 > 2 last year, officials said in a statement on Monday.",
    "The vehicles reach 350 km/h on the new line between Kunming and Dali, the operator said.",
    "12 | 3.4 | 5.6",
    "Photo sensors developed by the two teams will be tested in Kunming next year.",
    "Media coverage of the agreement was extensive in both provinces.",
    "Professor Li said the last update to the plan was made in 2019 after a review.",
    "Follow-up meetings will be held every six months in Kunming and Hong Kong.",
    "The Ends and Means of Joint Research",
    "Next year the two universities will open a joint laboratory in Kunming.",
    "Previously, the two sides had signed three agreements on soil science.",
])
def test_content_is_not_furniture(line: str) -> None:
    assert furniture_rule(line, FURNITURE, scope="both") is None
    assert clean_text(line, FURNITURE) == line


def test_cjk_lines_are_kept_in_a_chinese_document() -> None:
    text = "湖滨大学与云南省签署合作协议。\n\n双方将共建高原农业联合研究中心。\n\n合作领域包括植物基因组学。"
    assert clean_text(text, FURNITURE) == text


def test_chinese_page_furniture_is_removed() -> None:
    body = ["5月19日，湖滨大学与云南省科学技术厅在昆明签署科技合作协议，双方将共建高原农业联合研究中心。",
            "根据协议，双方将在植物基因组学、土壤科学和水资源管理等领域开展合作。"]
    page = "\n".join(["首页 > 新闻中心 > 科技动态", "湖滨大学与云南省签署科技合作协议", "【字体：大 中 小】", *body,
                      "责任编辑：王芳", "【打印本页】【关闭窗口】", "版权所有：云南省人民政府办公厅 滇ICP备05000001号"])
    assert clean_paragraphs(page, FURNITURE) == ["湖滨大学与云南省签署科技合作协议", *body]


def test_video_lines_are_dropped_even_when_wrapped() -> None:
    text = clean_text(DOUBLE_SPACED.replace(
        "Partner laboratories:", "Video of the launch ceremony (speech by Professor Anna \n\nBerg): \n\n"
        "http://video.example.org/vod/?id=1 \n\nPartner laboratories:"), FURNITURE)
    assert "Video" not in text and "http" not in text and "Berg):" not in text
    assert "Partner laboratories:" in text


@pytest.mark.parametrize("line, kept", [
    ("Skip to main content " + BODY[0], BODY[0]),
    ("Skip to main content Start main content " + TITLE, TITLE),
    (BODY[0] + " Enditem", BODY[0]),
    (BODY[0] + " (Enditem)", BODY[0] + " (Enditem)"),  # only a bare end mark at the very end is furniture
    (BODY[0] + " [Photo/Xinhua]", BODY[0]),
    (BODY[0] + " [Photo provided to the university]", BODY[0]),
    ("[Photo/Xinhua] " + BODY[0], "[Photo/Xinhua] " + BODY[0]),
])
def test_furniture_glued_to_content_is_stripped(line: str, kept: str) -> None:
    assert clean_text(line, FURNITURE) == kept


@pytest.mark.parametrize("page", INVENTED_PAGES, ids=PAGE_IDS)
def test_invented_pages_of_other_outlets_lose_their_furniture(page: InventedPage) -> None:
    paragraphs = clean_paragraphs(page.text, FURNITURE)
    assert paragraphs == page.paragraphs


def test_footer_after_end_marker_is_cut_but_article_after_a_marker_is_kept() -> None:
    footer = ["Media enquiries", "Jane Okoro, Senior Communications Officer", "Lakeside University Press Office"]
    assert clean_paragraphs("\n\n".join([TITLE, *BODY, *footer]), FURNITURE) == [TITLE, *BODY]
    sidebar = "\n\n".join([TITLE, "Media enquiries", BODY[0], BODY[1]])
    assert clean_paragraphs(sidebar, FURNITURE) == [TITLE, BODY[0], BODY[1]]


def test_edge_labels_above_title_and_below_last_paragraph() -> None:
    page = "\n".join(["Media Centre", TITLE, "", BODY[0], "", "Campus Life", "Research Highlights", "Alumni"])
    assert clean_paragraphs(page, FURNITURE) == [TITLE, BODY[0]]


def test_edge_label_rule_keeps_a_lone_short_line_in_the_middle() -> None:
    page = "\n\n".join([TITLE, BODY[0], "Background", BODY[1]])
    assert "Background" in clean_paragraphs(page, FURNITURE)


# --- hard-wrap repair ------------------------------------------------------------------------------------

def test_double_spaced_pdf_extraction_is_joined() -> None:
    paragraphs = clean_paragraphs(DOUBLE_SPACED, FURNITURE)
    assert paragraphs[0].startswith("In March 2021, the Yunnan Provincial Government and Lakeside University "
                                    "announced a plan to build a joint research centre")
    assert paragraphs[0].endswith("from both sides.")
    assert "(Director: Centre for Highland Crops, Lakeside University) and will host" in paragraphs[1]
    assert "Kunming Institute of Botany. Mrs. Berg added" in paragraphs[1]
    assert paragraphs[2:] == ["Partner laboratories:",
                              "• Laboratory of Highland Crop Genomics (Director: Professor Li Na)",
                              "• Laboratory of Mountain Water Resources (Director: Professor Tom Hale)"]


def test_single_newline_hard_wrap_is_joined_and_paragraphs_kept() -> None:
    wrapped = (
        "The memorandum was signed by Lakeside University and the Institute of Soil\n"
        "Science of the Chinese Academy of Sciences in Nanjing on Friday, covering joint\n"
        "doctoral training and a shared field station in Yunnan Province.\n"
        "\n"
        "Both sides also agreed to hold an annual workshop, starting next spring in\n"
        "Kunming, and to exchange data from their long-term soil monitoring networks.\n"
    )
    assert clean_paragraphs(wrapped, FURNITURE) == [
        "The memorandum was signed by Lakeside University and the Institute of Soil Science of the Chinese Academy "
        "of Sciences in Nanjing on Friday, covering joint doctoral training and a shared field station in Yunnan "
        "Province.",
        "Both sides also agreed to hold an annual workshop, starting next spring in Kunming, and to exchange data "
        "from their long-term soil monitoring networks.",
    ]


def test_title_is_not_merged_into_the_first_paragraph() -> None:
    title = "Highland agriculture centre opens in Kunming"
    text = f"{title}\n" + "\n".join([
        "Lakeside University and the Yunnan Provincial Department of Science and Technology",
        "signed a five-year cooperation agreement on Tuesday to set up a joint research",
        "centre for highland agriculture in Kunming.",
    ])
    paragraphs = clean_paragraphs(text, FURNITURE)
    assert paragraphs[0] == title
    assert paragraphs[1].endswith("highland agriculture in Kunming.")


def test_lines_ending_mid_sentence_join_only_on_lower_case_in_normal_text() -> None:
    text = "The delegation toured the laboratory\nand met students.\n\nCaption without a stop\n\nNew paragraph here."
    assert clean_paragraphs(text, FURNITURE) == ["The delegation toured the laboratory and met students.",
                                      "Caption without a stop", "New paragraph here."]


def test_page_break_inside_a_sentence_is_joined() -> None:
    text = "The centre will focus on plant genomics, soil science and water\n\n7\n\nmanagement in the region."
    assert clean_paragraphs(text, FURNITURE) == ["The centre will focus on plant genomics, soil science and water management "
                                      "in the region."]


def test_list_items_and_headings_stay_separate() -> None:
    text = "Fields of cooperation:\n1. plant genomics\n2. soil science\n- water management\n• remote sensing"
    assert clean_paragraphs(text, FURNITURE) == ["Fields of cooperation:", "1. plant genomics", "2. soil science",
                                      "- water management", "• remote sensing"]


def test_chinese_wrapped_lines_join_without_space() -> None:
    lines = ["湖滨大学与云南省科学技术厅签署合作协议，双方将共建高原农业联合研究",
             "中心，并在植物基因组学、土壤科学和水资源管理等领域开展深入的合作",
             "交流。"]
    assert clean_paragraphs("\n".join(lines), FURNITURE) == ["".join(lines)]
    assert clean_paragraphs("双方签署了合作协议，\n并将共建研究中心。", FURNITURE) == ["双方签署了合作协议，并将共建研究中心。"]


# --- rules as data ---------------------------------------------------------------------------------------

def test_project_rules_load() -> None:
    assert {r.name for r in FURNITURE.line_rules} >= {"skip_link", "copyright", "icp_licence", "lone_url"}


@pytest.mark.parametrize("mutation, message", [
    (lambda s: s.replace("\nline_rules:", "\nline_rulez:", 1), "unknown key"),
    (lambda s: s.replace("pattern: '^(skip|", "pattern: '^((skip|", 1), "bad regex"),
    (lambda s: s.replace("scope: paragraph", "scope: page", 1), "scope must be one of"),
    (lambda s: s.replace("max_words: 12", "max_words: -1", 1), "positive integer"),
    (lambda s: s.replace("line_min_cjk_ratio: 0.3", "line_min_cjk_ratio: 3", 1), "between 0 and 1"),
    (lambda s: s.replace("    ends_article: true", "    ends_article: maybe", 1), "ends_article must be true or false"),
    (lambda s: s.replace("    item_pattern: ", "    item_regex: ", 1), "unknown keys"),
    (lambda s: s.replace("strip_suffixes:\n  - '", "strip_suffixes:\n  - '(", 1), "bad regex"),
])
def test_bad_rules_file_fails_loudly(tmp_path: Path, mutation, message: str) -> None:
    with pytest.raises(ReferenceDataError, match=f"furniture.yaml: .*{message}"):
        edited_rules(tmp_path, mutation)


def test_a_rules_file_that_is_not_yaml_fails_loudly(tmp_path: Path) -> None:
    with pytest.raises(ReferenceDataError, match="furniture.yaml: not valid YAML"):
        edited_rules(tmp_path, lambda s: s + "\nextra: [")


def test_missing_rules_file_fails_loudly(tmp_path: Path) -> None:
    with pytest.raises(ReferenceDataError, match="furniture.yaml: file missing"):
        compile_furniture_rules(read_rules(tmp_path, FURNITURE_FILE))


@pytest.mark.parametrize("word", ["News", "large", "[Large]", "Facebook", "English |", "Home >", "Share", "Info ·",
                                  "[Print]", "Home /", "Press Release"])
def test_long_repetitive_lines_do_not_backtrack(word: str) -> None:
    line = " ".join([word] * 24) + " and then some closing words."
    start = time.perf_counter()
    clean_text("\n".join([line] * 5), FURNITURE)
    assert time.perf_counter() - start < 0.5
