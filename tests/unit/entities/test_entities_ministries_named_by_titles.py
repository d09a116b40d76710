"""A minister's title names the ministry wherever the title is written: before the holder's name, set off by
commas after an honorific, with the country before the title or after the remit; the remit is read by its words,
a list closed by "and" keeping its commas."""
from __future__ import annotations

import pytest

from tests.unit.entity_rows import names_by_surface, org_names, recognised
from tests.unit.fact_rows import extract_rows, party_names


@pytest.mark.parametrize("text, surface, name", [
    ("A trade pact was signed by Omani Minister of Commerce and Industry Salim Hamad and a Chinese official.",
     "Commerce and Industry", "Omani Ministry of Commerce and Industry"),
    ("His Excellency, Minister of Higher Education and Scientific Research, Dr. Karim Saleh, received the guests.",
     "Higher Education and Scientific Research", "Ministry of Higher Education and Scientific Research"),
    ("Nimal Perera, Sri Lankan Minister of Water Supply, signed the supplementary agreement.",
     "Water Supply", "Sri Lankan Ministry of Water Supply"),
    ("The Vice-Prime Minister, Minister of Education, Tertiary Education, Science and Technology, Mrs Anita Rao, "
     "signed.", "Education, Tertiary Education, Science and Technology",
     "Ministry of Education, Tertiary Education, Science and Technology"),
    ("Acting Minister for Trade, Cooperatives, Small and Medium Enterprises and Communications Hon. Jone Vula spoke.",
     "Trade, Cooperatives, Small and Medium Enterprises and Communications",
     "Ministry for Trade, Cooperatives, Small and Medium Enterprises and Communications"),
    ("Li Ping, the Minister of Commerce of China. The talks went on.", "Commerce of China",
     "Ministry of Commerce of China"),
    ("Deputy Minister of Energy and Mines Rosa Vidal opened the forum.", "Energy and Mines",
     "Ministry of Energy and Mines"),
])
def test_the_ministry_a_title_names(text, surface, name):
    assert names_by_surface(text).get(surface) == {name}


@pytest.mark.parametrize("text, names", [
    # the list ends at a comma when no "and" closes it: the holder's name follows
    ("The Minister of Finance, Li Wei, met the Minister of Health, Ana Ruiz.", {"Ministry of Finance", "Ministry of Health"}),
    # a ministry the text names already is the one the title holds, whatever its preposition or country words
    ("Minister for Science and Technology Wan Gang met the guests. The Ministry of Science and Technology of Peru "
     "hosted them.", {"Ministry of Science and Technology of Peru"}),
    ("Ana Ruiz, Uruguay Vice Minister of Education and Culture, attended. The talks included the Uruguayan Ministry "
     "of Education and Culture.", {"Uruguayan Ministry of Education and Culture"}),
])
def test_one_ministry_per_remit(text, names):
    assert {n for n in org_names(recognised(text)) if "Ministry" in n} == names


@pytest.mark.parametrize("text", [
    "The Prime Minister of Pakistan met the students.",
    "The Vice-Prime Minister of Laos opened the fair.",
    "Anna Berg, Minister of State for Trade, opened the fair.",
    "Maria Lopez, Minister of Peru, opened the fair.",
    "The Chief Minister of Punjab opened the fair.",
    # a post its holder no longer holds
    "Kofi Mensah, who previously served as Deputy Minister of Finance, opened the fair.",
    "The ex-Minister for Trade Omar Said opened the fair.",
])
def test_no_ministry_from_another_post_or_a_place(text):
    assert not any(n.startswith("Ministry") or " Ministry " in n for n in org_names(recognised(text)))


def test_a_former_minister_signing_for_a_university_adds_no_ministry_party():
    rows = extract_rows("Peking University signed an agreement with the University of Ghana on 2 March 2021. The "
                        "agreement was signed by Prof. Li Wei and Prof. Kofi Mensah, who previously served as Deputy "
                        "Minister of Finance.")
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Peking University", "University of Ghana"}
