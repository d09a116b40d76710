"""Names listed beside a person's name are people too (issue 15): "the premiers, Olaf Brandt and Li Keqiang",
"Ambassador Hu Wei, Kofi Mensah, Ada Obi and ...": a list holds things of one kind, so two or three name words that
no list of given names knows are a person when a person stands beside them. A comma alone gives a post, a place's
name and a body's words are no person.

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import people_names, recognised


@pytest.mark.parametrize("text, people", [
    ("The deals were signed before the two premiers, Dragos Ionescu and Li Keqiang.", {"Dragos Ionescu", "Li Keqiang"}),
    ("The institute sent Ruslan Tkachuk and Magomed Aliyev with Prof. Oleg Sirko.",
     {"Ruslan Tkachuk", "Magomed Aliyev", "Oleg Sirko"}),
    ("Guests included Ambassador Dr Zhou Ping, Wanjiru Otieno, Chipo Banda and Prof Mabel Kimani.",
     {"Zhou Ping", "Wanjiru Otieno", "Chipo Banda", "Mabel Kimani"}),
    ("Four fellows went to Beijing: Chiara De Luca, Ling Xiang, Oduya Femi, and Zanele Dube.",
     {"Chiara De Luca", "Ling Xiang", "Oduya Femi", "Zanele Dube"}),
    ("Zhang Wei and Tiago Menezes of the institute will lead the work.", {"Zhang Wei", "Tiago Menezes"}),
])
def test_names_listed_beside_a_person_are_people(text, people):
    assert people_names(recognised(text)) == people


@pytest.mark.parametrize("text, people", [
    ("It was attended by Mr. Karl Hessler, Liaison Officer of the fund in Leipzig, and Mr. Zhang Lianfeng.",
     {"Karl Hessler", "Zhang Lianfeng"}),
    ("The visitors met Li Ming and Hong Kong officials.", {"Li Ming"}),
    ("The talks brought Wang Wei, Kenya Airways and Nairobi together.", {"Wang Wei"}),
    ("Zhou Lei and Science Park staff toured the site.", {"Zhou Lei"}),
    ("The speakers were Chen Hao and Mahidol University.", {"Chen Hao"}),
])
def test_a_post_a_place_or_a_body_beside_a_person_is_no_person(text, people):
    assert people_names(recognised(text)) == people
