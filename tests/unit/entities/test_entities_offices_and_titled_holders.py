"""A minister signs for the ministry the title names, even when the text never names it; and the holder of a
title phrase set off by commas is a person whatever the origin of the name."""
from __future__ import annotations

import pytest

from tests.unit.entity_rows import org_names, people_names, recognised
from tests.unit.fact_rows import extract_rows, party_names, signer_names, visits


@pytest.mark.parametrize("text, parties", [
    ("The pact was signed by Ahmed Karim, the Minister of Finance and National Economy, and Li Wei, the Minister "
     "of Commerce of China.", {"Ministry of Finance and National Economy", "Ministry of Commerce of China"}),
    ("The agreement was signed by Kamal Osman, Minister of Higher Education and Scientific Research, and Peter "
     "Mwangi, Vice-Chancellor of the University of Nairobi.",
     {"Ministry of Higher Education and Scientific Research", "University of Nairobi"}),
    ("Deputy Minister of Energy and Mines Rosa Vidal and Tsinghua University signed a memorandum of understanding.",
     {"Ministry of Energy and Mines", "Tsinghua University"}),
])
def test_a_minister_signs_for_the_ministry_the_title_names(text, parties):
    rows = extract_rows(text)
    assert [party_names(rows, a) for a in rows["agreements"]] == [parties]


@pytest.mark.parametrize("text, absent", [
    ("Anna Berg, Minister of State for Trade, signed an agreement with Tsinghua University.", "Ministry of State"),
    ("The Prime Minister of Pakistan, Nawaz Sharif, signed an agreement with Tsinghua University.",
     "Ministry of Pakistan"),
    ("Maria Lopez, Minister of Peru, signed an agreement with Tsinghua University.", "Ministry of Peru"),
])
def test_no_ministry_from_another_post_or_a_place(text, absent):
    assert not any(name.startswith(absent) for name in org_names(recognised(text)))


def test_a_named_ministry_in_the_text_is_the_one_the_minister_holds():
    text = ("The Ministry of Science and Innovation hosted the talks. Its minister, Jorge Ruiz, Minister of Science "
            "and Innovation, signed an agreement with Zhejiang University.")
    rows = extract_rows(text)
    assert [party_names(rows, a) for a in rows["agreements"]] == [{"Ministry of Science and Innovation",
                                                                  "Zhejiang University"}]
    assert signer_names(rows, "signatory") == {"Jorge Ruiz"}


@pytest.mark.parametrize("text, people", [
    ("The President of Kenya, Uhuru Kenyatta, met Li Keqiang.", {"Uhuru Kenyatta", "Li Keqiang"}),
    ("The Prime Minister of Pakistan, Nawaz Sharif, visited Beijing.", {"Nawaz Sharif"}),
    ("The Vice President of the University of Ghana, Ama Owusu Boateng, signed the agreement.",
     {"Ama Owusu Boateng"}),
    ("He thanked the director, Human Resources, for the help.", set()),  # a lower-case post, a department
    ("The Director of the Institute, Science Park, was closed.", set()),
    ("The Governor of the province, Guangdong Province, said so.", set()),
])
def test_the_holder_of_a_title_set_off_by_commas(text, people):
    assert people_names(recognised(text)) == people


@pytest.mark.parametrize("text, visit", [
    ("The Ambassador of Peru, Mr. Luis Vargas, visited Fudan University on Friday, April 7, 2023.",
     ("Luis Vargas", "Government of Peru", "Fudan University")),
    ("The President of Tsinghua University, Qiu Yong, visited the University of Crete on 7 April 2023.",
     ("Qiu Yong", "Tsinghua University", "University of Crete")),
    ("The Rector of the University of Porto, Antonio Sousa, will visit Zhejiang University next week.",
     ("Antonio Sousa", "University of Porto", "Zhejiang University")),
])
def test_the_holder_of_a_title_set_off_by_commas_is_the_visitor(text, visit):
    assert visits(extract_rows(text)) == [visit]


@pytest.mark.parametrize("text, people", [
    ("The meeting was attended by G. Margulis, R. Okonkwo, J. Haddad and T. Lindqvist, Deputy President.",
     {"G. Margulis", "R. Okonkwo", "J. Haddad", "T. Lindqvist"}),
    ("A. Baker and B. Smith signed for the two sides.", {"A. Baker", "B. Smith"}),
    ("The E. coli strain was found in P. R. China and the U. S. Army.", set()),
    ("Visitors came from W. Africa and S. Korea.", set()),
])
def test_an_initial_and_a_family_name_are_a_person(text, people):
    assert people_names(recognised(text)) == people


@pytest.mark.parametrize("text, orgs", [
    ("The Polish Academy of Sciences President Jan Kowalski visited Beijing.", {"Polish Academy of Sciences"}),
    ("The University of Porto Rector Antonio Sousa signed an agreement with Fudan University.",
     {"University of Porto", "Fudan University"}),
    ("Lund University and the Ministry of Higher Education Vice Minister Sara Okafor attended.",
     {"Lund University", "Ministry of Higher Education"}),
    ("The Office of the Government Chief Information Officer opened it.",
     {"Office of the Government Chief Information Officer"}),
    ("She is dean of the College of Science, Engineering and Technology at Alpha University.",
     {"College of Science, Engineering and Technology", "Alpha University"}),
])
def test_a_title_and_a_name_after_a_body_are_no_part_of_its_name(text, orgs):
    assert org_names(recognised(text)) == orgs


@pytest.mark.parametrize("text, people", [
    ("Li Wei and the current director, Deqing Zhang, who took office this month, came.", {"Li Wei", "Deqing Zhang"}),
    ("The outgoing dean, Kunming Li, said so.", {"Kunming Li"}),
    ("The dean, Zhang Deqing, said so.", {"Zhang Deqing"}),
    ("Experts from Kunming and Deqing visited Hangzhou.", set()),
    ("The current situation, Human Resources, was discussed.", set()),
])
def test_a_chinese_name_given_name_first_after_a_lower_case_post(text, people):
    assert people_names(recognised(text)) == people


@pytest.mark.parametrize("text, orgs", [
    ("Wang Hai, Secretary of the CPC Leading Group of the Ministry of Science and Technology, spoke.",
     {"CPC Leading Group of the Ministry of Science and Technology", "Ministry of Science and Technology"}),
    ("The Party Committee of Fudan University met.", {"Party Committee of Fudan University", "Fudan University"}),
    ("The Department of International Cooperation of the Ministry of Science and Technology spoke.",
     {"Department of International Cooperation of the Ministry of Science and Technology"}),
])
def test_the_body_a_party_organ_is_of_is_named_too(text, orgs):
    assert org_names(recognised(text)) == orgs


def test_a_remit_ends_before_the_honorific_of_the_name_after_it():
    ents = recognised("The forum was attended by Minister of Higher Education Mr. Peter Mwangi and many rectors.")
    assert "Ministry of Higher Education" in org_names(ents)
    assert not any("Mr" in name for name in org_names(ents))


@pytest.mark.parametrize("text, parent", [
    ("The Institute of Chemistry, Chinese Academy of Sciences (ICCAS) signed an MoU with RIKEN.",
     "Chinese Academy of Sciences"),
    ("Researchers of the Institute of Botany, Chinese Academy of Sciences visited Kew.", "Chinese Academy of Sciences"),
])
def test_the_body_named_inside_a_unit_s_name_is_mentioned_there(text, parent):
    rows = extract_rows(text)
    mentioned = {(m["surface"], text[m["start"]:m["end"]]) for m in rows["mentions"]}
    assert (parent, parent) in mentioned
    assert len(rows["agreements"]) <= 1 and all(len(party_names(rows, a)) <= 2 for a in rows["agreements"])


@pytest.mark.parametrize("text, office", [
    ("They later met the Minister of Economy and Competitiveness, Juan Ortega, in Madrid.",
     "Ministry of Economy and Competitiveness"),
    ("The Minister of Water Supply and Drainage, Kamal Perera, received the team.",
     "Ministry of Water Supply and Drainage"),
    ("On Monday the Minister of Fisheries, Aroha Tane, visited the institute.", "Ministry of Fisheries"),
])
def test_a_minister_s_title_before_the_name_names_the_ministry(text, office):
    assert office in org_names(recognised(text))


@pytest.mark.parametrize("text, absent", [
    ("The Minister of State, Anna Berg, opened it.", "Ministry of State"),
    ("The Prime Minister of Fiji, Sitiveni Rabuka, opened it.", "Ministry of Fiji"),
])
def test_no_ministry_from_a_title_before_the_name_that_names_none(text, absent):
    assert not any(name.startswith(absent) for name in org_names(recognised(text)))
