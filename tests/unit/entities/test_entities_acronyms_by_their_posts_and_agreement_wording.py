"""An acronym no bracket defines is an organisation where a post is held at it ("vice principal of ABC", "ABC
deputy principal Anna Berg", "ABC's Li Wei") or a partner noun names it ("the partner organisation ABCDEFGHIJ");
an agreement's wording defines one ("(hereinafter referred to as ABC)"); an acronym with an inner letter left out
is the document's body of the longer acronym (bare_acronyms.py, acronyms.py).

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import org_mentions, org_names, recognised


@pytest.mark.parametrize("text, acronym", [
    ("Zeng Li, executive vice principal of QWU, opened the meeting.", "QWU"),
    ("The rector of KTMX, Anna Berg, welcomed the guests.", "KTMX"),
    ("The delegation included KLMT deputy principal Peter Vella and two deans.", "KLMT"),
    ("The visitors were received by PRQ Director Maria Lopez.", "PRQ"),
    ("One of the projects is in the highlands. CGTX's Liu Yang has visited it.", "CGTX"),
    ("He met the Colombian partner organisation COLMINERIAS on Monday.", "COLMINERIAS"),
])
def test_an_acronym_where_a_post_is_held_or_a_partner_noun_names_it(text, acronym):
    start = text.index(acronym)
    assert (acronym, start, start + len(acronym), acronym) in org_mentions(recognised(text))


@pytest.mark.parametrize("text", [
    "MP Anna Berg said the plan would help.",  # a name right after an acronym: no post is held there
    "COVID patient Li Wei recovered in May.",
    "AI Professor Li Wei gave a talk.",
    "Dr Jim Brown, President of NUI Galway, spoke.",  # the acronym opens a longer name
    "SHANGHAI, May 5 -- Li Wei said the talks went well.",
])
def test_no_organisation_from_these_capitals(text):
    assert org_names(recognised(text)) == set()


@pytest.mark.parametrize("text, name, acronym", [
    ("The agreement between Harbin Association for Science and Technology (hereinafter referred to as HAST) and "
     "Fudan University was signed. The vice chairman of HAST spoke.",
     "Harbin Association for Science and Technology", "HAST"),
    ('Sichuan Foundation for Natural Science (hereinafter "SFNS") renewed its pact. SFNS will fund ten projects.',
     "Sichuan Foundation for Natural Science", "SFNS"),
    ("The Yunnan Council of Arts (hereafter called YCA) signed. Staff of YCA attended.", "Yunnan Council of Arts", "YCA"),
])
def test_an_agreement_s_wording_defines_the_acronym(text, name, acronym):
    ents = recognised(text)
    assert {n for s, _, _, n in org_mentions(ents) if s == acronym} == {name}
    assert next(o for o in ents.orgs.values() if o.canonical_name == name).acronym == acronym


@pytest.mark.parametrize("text, short, name", [
    ("Wang Yong (President of ZJSU) met the guests of Zhejiang Gongshang University (ZJGSU).", "ZJSU",
     "Zhejiang Gongshang University"),
    ("Staff of HNSU joined. Hunan Normal Science University (HNNSU) hosted them.", "HNSU",
     "Hunan Normal Science University"),
])
def test_an_acronym_with_a_letter_left_out_is_the_same_body(text, short, name):
    assert {n for s, _, _, n in org_mentions(recognised(text)) if s == short} == {name}
