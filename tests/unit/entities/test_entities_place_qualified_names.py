"""A name with a place before or after it ("Shenzhen-based X", "Tianjin X", "X of Wuhan", "X in Kenya") beside the
same name without the place is one organisation (issue 15); a known body of another country than the place's, and a
branch in another region than the body's own, stay apart.

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import names_by_surface as _names


@pytest.mark.parametrize("text, qualified, plain", [
    ("Wuhan-based Huazhong University of Science and Technology hosted them. Huazhong University of Science and "
     "Technology is large.", "Wuhan-based Huazhong University of Science and Technology",
     "Huazhong University of Science and Technology"),
    ("Hong Kong-based Pearl Delta Logistics Group signed it. Pearl Delta Logistics Group will pay.",
     "Hong Kong-based Pearl Delta Logistics Group", "Pearl Delta Logistics Group"),
    ("Scholars of Zhejiang University of Hangzhou came. Zhejiang University sent ten.",
     "Zhejiang University of Hangzhou", "Zhejiang University"),
    ("Staff of the Ministry of Commerce of the PRC and the Ministry of Commerce met.",
     "Ministry of Commerce of the PRC", "Ministry of Commerce"),
    ("The Kenyan Embassy in China held a dinner. The Kenyan Embassy invited ten guests.",
     "Kenyan Embassy in China", "Kenyan Embassy"),
    ("Kerala Riverside Technical University signed. Riverside Technical University will send staff.",
     "Kerala Riverside Technical University", "Riverside Technical University"),
])
def test_a_name_with_a_place_is_the_name_without_it(text, qualified, plain):
    names = _names(text)
    assert names[qualified] == names[plain]
    assert len(names[plain]) == 1


@pytest.mark.parametrize("text, qualified, plain", [
    # a known Chinese ministry is not another country's ministry of the same name
    ("The Ministry of Science and Technology of Peru and the Ministry of Science and Technology signed.",
     "Ministry of Science and Technology of Peru", "Ministry of Science and Technology"),
    # two bodies with the same words besides their places: neither is the other
    ("Nanjing Riverside Institute of Design and Suzhou Riverside Institute of Design met.",
     "Nanjing Riverside Institute of Design", "Suzhou Riverside Institute of Design"),
    # a bare name written with two places may be either body: merged with neither (not the first of them)
    ("The Jilin Academy of Forestry Sciences and the Xinjiang Academy of Forestry Sciences met. The Academy of "
     "Forestry Sciences hosted.", "Jilin Academy of Forestry Sciences", "Academy of Forestry Sciences"),
    ("Staff of Kenya Marine Research Institute and Uganda Marine Research Institute came. Marine Research Institute "
     "staff spoke.", "Kenya Marine Research Institute", "Marine Research Institute"),
])
def test_a_place_that_makes_another_body_keeps_it_apart(text, qualified, plain):
    names = _names(text)
    assert names[qualified] != names[plain]

