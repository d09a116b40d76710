"""People after honorifics and titles written in less common ways ("H. E.", "Deputy PM", "Senior Counsel"), after
a title whose post names a place of two words or a long remit, and names whose words are also stop words (a
month: "Jun", "Jan"; a word: "An") or Arabic joiners ("Al", "Abdel") that do not count towards a name's length."""
from __future__ import annotations

import pytest

from tests.unit.entity_rows import people_names, recognised


@pytest.mark.parametrize("text, person", [
    ("The guests were welcomed by Ambassador H. E. SOK CHANTHA on arrival.", "Sok Chantha"),
    ("At the invitation of Laotian Ambassador to China H. E. VONG SAVATH, the team came.", "Vong Savath"),
    ("The talks with Deputy PM Andrzej Nowicki ended on Friday.", "Andrzej Nowicki"),
    ("The forum was co-chaired by Senior Counsel Gao Ruiming of the department.", "Gao Ruiming"),
    ("It was opened by Dr. Faris Almutairi The Dean of Engineering.", "Faris Almutairi"),
    ("The envoy was joined by Attaché Zhou Minghui at the talks.", "Zhou Minghui"),
    ("Press Attache Sofia Marques took notes.", "Sofia Marques"),
    ("An MoU was signed with His Excellency Kwame Mensah on Tuesday.", "Kwame Mensah"),
    ("Her Excellency Ana Tavares, the ambassador, spoke first.", "Ana Tavares"),
    ("Remarks came from the head of the Research Directorate Petra Novakova.", "Petra Novakova"),
])
def test_a_name_after_an_honorific_or_a_title_written_otherwise(text, person):
    assert people_names(recognised(text)) == {person}


@pytest.mark.parametrize("text, person", [
    ("Professor Jan Kowalczyk gave the keynote.", "Jan Kowalczyk"),
    ("It was signed by Dr. Jun Zhou and the dean.", "Jun Zhou"),
    ("The visit came at the invitation of Prof. Weiming An.", "Weiming An"),
    ("Dr. Liu Jun said the lab would open in May.", "Liu Jun"),
    ("Ma Jun visited the campus on Jun 5.", "Ma Jun"),
])
def test_a_name_word_that_is_also_a_stop_word_stays_in_the_name(text, person):
    assert people_names(recognised(text)) == {person}


@pytest.mark.parametrize("text", [
    "The meeting was held on Jun 5 in the capital.",
    "An agreement was signed in Jan 2020.",
    "The lab opened in May this year.",
])
def test_a_month_alone_names_nobody(text):
    assert people_names(recognised(text)) == set()


@pytest.mark.parametrize("text, person", [
    ("It was signed by Prof. Salem Al Mansouri Al Ketbi, Vice Chancellor of the university.",
     "Salem Al Mansouri Al Ketbi"),
    ("Minister of Higher Education and Scientific Research Tarek Abdel Rahman Friday opened the centre.",
     "Tarek Abdel Rahman"),
    ("The forum heard Dr. Omar Bin Rashid Al Nuaimi on water policy.", "Omar Bin Rashid Al Nuaimi"),
    ("It was witnessed by Vice President Prof Han Bin and the deans.", "Han Bin"),
])
def test_joiners_inside_arabic_names_do_not_cut_them_short(text, person):
    assert people_names(recognised(text)) == {person}


@pytest.mark.parametrize("text, people", [
    ("They met Chinese Ambassador to South Africa Chen Xiaodong and Ambassador to Kenya Zhou Pingjian.",
     {"Chen Xiaodong", "Zhou Pingjian"}),
    ("It was signed by Vice Minister of Science and Technology Wu Zhaohui and Macao's Secretary for Social Affairs "
     "and Culture Ao Ieong U on Monday.", {"Wu Zhaohui", "Ao Ieong U"}),
    ("Minister of Higher Education and Scientific Research Ayman Ashour attended.", {"Ayman Ashour"}),
])
def test_the_post_after_a_title_ends_where_the_name_starts(text, people):
    assert people_names(recognised(text)) == people


@pytest.mark.parametrize("text, person", [
    ("Chief Executive CY Leung witnessed the signing.", "Cy Leung"),
    ("Professor KM Chan said so.", "Km Chan"),
])
def test_capital_initials_before_a_family_name_stay_in_the_name(text, person):
    assert people_names(recognised(text)) == {person}


@pytest.mark.parametrize("text, names", [
    ("Vice-Chancellor Professor Margaret Gardner AO said the institute is new.", {"Margaret Gardner"}),
    ("Guests included Dr Geoff Garrett AO, the Chief Scientist, and Professor John Smith FRS.",
     {"Geoff Garrett", "John Smith"}),
    ("Professor Dame Sally Mapstone DBE FRSE met Mr Chan Tai-man, GBS, JP.", {"Sally Mapstone", "Chan Tai-man"}),
])
def test_an_honour_s_letters_end_a_name(text, names):
    assert people_names(recognised(text)) == names


@pytest.mark.parametrize("text, name", [
    ("The Vice-Chancellor, Dr A.K. Buragohain, welcomed the diplomats.", "A.K. Buragohain"),
    ("Professor J.R. Smith attended the signing.", "J.R. Smith"),
])
def test_initials_run_together_open_a_name(text, name):
    assert people_names(recognised(text)) == {name}
