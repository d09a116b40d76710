"""A university named both ways round, and acronyms read more ways (issue 15): "University of X" and "X University"
in one document are one university; "(ACR, name in its own language)" defines ACR; an acronym spells a body the
reference data lists under another acronym, by the first letters of its capitalised words ("UVic"), or in other
capitals.

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import org_mentions, recognised


def _owners(text):
    out = {}
    for surface, *_, name in org_mentions(recognised(text)):
        out.setdefault(surface, set()).add(name)
    return out


@pytest.mark.parametrize("text, first, second", [
    ("Delegates of the University of Mzuzu came. Mzuzu University will host students.",
     "University of Mzuzu", "Mzuzu University"),
    ("Kisii University signed an MoU with Tsinghua University. The University of Kisii will send staff.",
     "Kisii University", "University of Kisii"),
    ("Scholars from Tromsdal University and the University of Tromsdal are one team.",
     "Tromsdal University", "University of Tromsdal"),
])
def test_a_university_named_both_ways_round_is_one(text, first, second):
    owners = _owners(text)
    assert owners[first] == owners[second]
    assert len(owners[first]) == 1


def test_a_listed_university_keeps_its_name_when_written_round():
    owners = _owners("Qingdao University and the University of Qingdao are one.")
    assert owners["University of Qingdao"] == owners["Qingdao University"] == {"Qingdao University"}


@pytest.mark.parametrize("text, one, other", [
    ("Mzuzu University and the Mzuzu University of Science and Technology met.",
     "Mzuzu University", "Mzuzu University of Science and Technology"),
    ("The University of Tromsdal and Tromsdal Normal University signed.", "University of Tromsdal",
     "Tromsdal Normal University"),
])
def test_universities_of_other_words_stay_two(text, one, other):
    owners = _owners(text)
    assert owners[one] != owners[other]


@pytest.mark.parametrize("text, acronym, owner", [
    ("The National Agency for Marine Research (NAMARE, Agencia Nacional de Investigación Marina) signed. "
     "The head of NAMARE spoke.", "NAMARE", "National Agency for Marine Research"),
    ("The Andean Council for Soil Science (ACSS; founded in 1990) met us. ACSS will send two experts.",
     "ACSS", "Andean Council for Soil Science"),
])
def test_an_acronym_defined_before_a_comma_in_its_brackets_is_the_body(text, acronym, owner):
    assert _owners(text)[acronym] == {owner}


def test_a_place_and_year_in_brackets_define_no_acronym():
    owners = _owners("Tsinghua University (Beijing, 2019) hosted it.")
    assert set(owners) == {"Tsinghua University"}


@pytest.mark.parametrize("text, acronym, owner", [
    ("Students of Henan Agricultural University met. The president of HAU spoke.", "HAU",
     "Henan Agricultural University"),  # the list gives it "HENAU"
    ("Sichuan Agricultural University signed with Lincoln University. SAU will host them.", "SAU",
     "Sichuan Agricultural University"),
    ("He studies at the University of Victoria. His lab at UVic hosts interns.", "UVic", "University of Victoria"),
    ("UCal interns came to the University of Calgary, and UCal paid.", "UCal", "University of Calgary"),
    ("The Jiangxi Academy of Agricultural Sciences (JxAAS) signed. Scientists of JxAAs came.", "JxAAs",
     "Jiangxi Academy of Agricultural Sciences"),
])
def test_an_acronym_is_the_one_body_it_spells(text, acronym, owner):
    assert _owners(text)[acronym] == {owner}


@pytest.mark.parametrize("text, names", [
    ("Joint Laboratory Between Kisii Tech University and University of Zaragoza Opens",
     {"Kisii Tech University", "University of Zaragoza"}),
    ("Student Exchange Among Mzuzu University and Tsinghua University Grows", {"Mzuzu University", "Tsinghua University"}),
])
def test_a_preposition_in_headline_capitals_opens_no_name(text, names):
    assert set(_owners(text)) == names


def test_a_preposition_inside_a_lab_s_name_stays_in_it():
    from tests.unit.fact_rows import extract_rows
    rows = extract_rows("Kisii University and Renmin University of China launched the Asia-Africa Joint Research Centre "
                        "for Exchanges and Mutual Dialogue Between Peoples on Monday.")
    assert [lab["name"] for lab in rows["labs"]] == [
        "Asia-Africa Joint Research Centre for Exchanges and Mutual Dialogue Between Peoples"]
