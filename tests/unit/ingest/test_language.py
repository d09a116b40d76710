"""The language of a document (documents.language): script shares and function words, no model."""
from __future__ import annotations

import re

import pytest

from pipeline.core.ingest import parse_document
from pipeline.core.ingest.language import detect_language
from pipeline.core.language_table import LANGUAGES_FILE, compile_languages, is_unread, language_table
from pipeline.core.records import IngestedDocument
from pipeline.core.reference import DEFAULT_REFERENCE_DIR, ReferenceDataError, read_rules
from tests.support.rules import default_rulebook
from tests.unit.ingest_helpers import BODY, CHINESE_SIMPLIFIED, CHINESE_TRADITIONAL, TITLE, source

RULES = default_rulebook()
LANGUAGES = language_table(RULES)

ENGLISH = f"{TITLE}\n\n" + "\n\n".join(BODY)


@pytest.mark.parametrize("text, expected", [
    (ENGLISH, "en"),
    ("The university signed an agreement with the city.", "en"),
    (CHINESE_SIMPLIFIED, "zh"),
    (CHINESE_TRADITIONAL, "zh"),
    ("東京大学は香港大学と学術交流協定を締結しました。両大学は共同研究を進めます。", "ja"),
    ("서울대학교와 홍콩대학교가 공동 연구를 위한 협력 협정을 체결했다.", "ko"),
    ("Московский университет подписал соглашение о сотрудничестве с университетом Гонконга.", "ru"),
    ("La universidad firmó un acuerdo de cooperación con la ciudad para la investigación.", "es"),
    ("Die Universität hat mit der Stadt einen Vertrag über die Zusammenarbeit unterzeichnet.", "de"),
    ("L'université a signé un accord de coopération avec la ville pour la recherche sur les sols.", "fr"),
    ("Az egyetem és a város együttműködési megállapodást írt alá, hogy a kutatás fejlődjön.", "hu"),
])
def test_language_of_a_text(text, expected):
    assert detect_language(text, LANGUAGES) == expected


@pytest.mark.parametrize("text, expected", [
    # an English article that names its partners in Chinese as well
    (ENGLISH + "\n\n湖滨大学 (Lakeside University) 与云南省科学技术厅", "en"),
    # a Chinese article that names its partners in English: one Han character carries about three letters
    (CHINESE_SIMPLIFIED + " Lakeside University, Yunnan Provincial Department of Science and Technology", "zh"),
    # a bilingual release: the English half is longer
    (BODY[0] + "\n\n" + BODY[1] + "\n\n" + CHINESE_SIMPLIFIED[:30], "en"),
    # the same, with the Chinese half longer
    (BODY[0] + "\n\n" + CHINESE_SIMPLIFIED + CHINESE_TRADITIONAL, "zh"),
])
def test_mixed_texts_are_in_the_language_most_of_the_text_is_in(text, expected):
    assert detect_language(text, LANGUAGES) == expected


@pytest.mark.parametrize("text", [
    "", "OK", "2023-04-12", "合作协议", "Memorandum signed",
    "Zhejiang University; HKU; PolyU; CityU; Tsinghua University; Peking University",  # names, no function words
    "12 345 678 — 9 % — 2023/24",
])
def test_short_or_wordless_texts_are_undetermined(text):
    assert detect_language(text, LANGUAGES) == "und"


def test_the_language_is_read_from_the_clean_text_of_a_page():
    english = parse_document(source("en.txt", ENGLISH.encode("utf-8")), RULES)
    chinese_page = f"湖滨大学与云南省签署合作协议\n\n{CHINESE_SIMPLIFIED}"
    chinese = parse_document(source("zh.txt", chinese_page.encode("utf-8")), RULES)
    assert isinstance(english, IngestedDocument) and isinstance(chinese, IngestedDocument)
    assert (english.language, chinese.language) == ("en", "zh")


@pytest.mark.parametrize("language, unread", [("en", False), ("zh", True), ("ja", True), ("und", False),
                                              (None, False)])
def test_unread_means_known_and_not_read_by_the_extractors(language, unread):
    assert is_unread(language, LANGUAGES) is unread


def test_the_shipped_table_reads_english():
    assert LANGUAGES.read == frozenset({"en"})
    assert LANGUAGES.scripts["HAN"] == "zh" and "the" in LANGUAGES.function_words["en"]


@pytest.mark.parametrize("edit, message", [
    (lambda t: t.replace("read: [en]", "read: [english]"), "read: expected a two-letter"),
    (lambda t: t.replace('"on"', "on"), "function_words: en[10]: True is not a string"),
    (lambda t: t.replace("  HAN: zh", "  Han: zh"), "scripts: 'Han' is not an upper-case Unicode script name"),
    (lambda t: t.replace("scripts:", "script:"), "unknown key"),
    (lambda t: t.replace("read: [en]", ""), "top level: expected exactly the keys"),
    (lambda t: t + "\n  xx: [Foo]\n", "function_words.xx"),
])
def test_a_broken_language_file_fails_loudly(tmp_path, edit, message):
    """Its keys and shapes are checked as every rules file's are (pipeline/core/reference.py), the rest here."""
    shipped = (DEFAULT_REFERENCE_DIR / LANGUAGES_FILE).read_text(encoding="utf-8")
    (tmp_path / LANGUAGES_FILE).write_text(edit(shipped), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="languages.yaml: " + re.escape(message)):
        compile_languages(read_rules(tmp_path, LANGUAGES_FILE))
