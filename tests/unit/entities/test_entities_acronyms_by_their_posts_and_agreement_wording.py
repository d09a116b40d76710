"""An acronym no bracket defines is an organisation where a post is held at it ("vice principal of ABC", "ABC
deputy principal Anna Berg", "ABC's Li Wei") or a partner noun names it ("the partner organisation ABCDEFGHIJ");
an agreement's wording defines one ("(hereinafter referred to as ABC)"); an acronym with an inner letter left out
is the document's body of the longer acronym (bare_acronyms.py, acronyms.py).

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import names_by_surface, org_names, recognised


@pytest.mark.parametrize("text, acronym", [
    ("Zeng Li, executive vice principal of QWU, opened the meeting.", "QWU"),
    ("The rector of KTMX, Anna Berg, welcomed the guests.", "KTMX"),
    ("The delegation included KLMT deputy principal Peter Vella and two deans.", "KLMT"),
    ("The visitors were received by PRQ Director Maria Lopez.", "PRQ"),
    ("One of the projects is in the highlands. CGTX's Liu Yang has visited it.", "CGTX"),
    ("He met the Colombian partner organisation COLMINERIAS on Monday.", "COLMINERIAS"),
])
def test_an_acronym_where_a_post_is_held_or_a_partner_noun_names_it(text, acronym):
    assert names_by_surface(text).get(acronym) == {acronym}


@pytest.mark.parametrize("text", [
    "MP Anna Berg said the plan would help.",  # a name right after an acronym: no post is held there
    "COVID patient Li Wei recovered in May.",
    "AI Professor Li Wei gave a talk.",
    "Dr Jim Brown, President of NUI Galway, spoke.",  # the acronym opens a longer name
    "SHANGHAI, May 5 -- Li Wei said the talks went well.",
    # a long word shouted in capitals, where a cue of an acronym stands
    "The pact was signed at the ANNIVERSARY celebrations, attended by ENGINEERING students.",
    "The partner organisation COMMITTEE met with LABORATORY staff.",
])
def test_no_organisation_from_these_capitals(text):
    assert org_names(recognised(text)) == set()


@pytest.mark.parametrize("text, acronym, name", [
    # an agreement's wording defines it
    ("The agreement between Harbin Association for Science and Technology (hereinafter referred to as HAST) and "
     "Fudan University was signed. The vice chairman of HAST spoke.", "HAST",
     "Harbin Association for Science and Technology"),
    ('Sichuan Foundation for Natural Science (hereinafter "SFNS") renewed its pact. SFNS will fund ten projects.',
     "SFNS", "Sichuan Foundation for Natural Science"),
    ("The Yunnan Council of Arts (hereafter called YCA) signed. Staff of YCA attended.", "YCA", "Yunnan Council of Arts"),
    # an inner letter left out: the body of the longer acronym
    ("Wang Yong (President of ZJSU) met the guests of Zhejiang Gongshang University (ZJGSU).", "ZJSU",
     "Zhejiang Gongshang University"),
    ("Staff of HNSU joined. Hunan Normal Science University (HNNSU) hosted them.", "HNSU",
     "Hunan Normal Science University"),
])
def test_the_acronym_of_a_body_the_document_names(text, acronym, name):
    ents = recognised(text)
    assert {o.canonical_name for o in ents.orgs.values() if o.acronym and acronym in o.aliases} == {name}
    assert names_by_surface(text).get(acronym) == {name}
