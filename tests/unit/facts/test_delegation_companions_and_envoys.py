"""A visitor named with companions but no possessive ("X and colleagues visited", "X and a delegation of staff from
Y will visit"), and an envoy whose people's name follows the name ("X, the Danish ambassador to China"): the
envoy's country, not the place the envoy serves in. Sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, visits


@pytest.mark.parametrize("text, expected", [
    ("Thomas BERG, the Norwegian ambassador to China, and colleagues visited Zhejiang University on 3 May.",
     ("Thomas Berg", "Norway", "Zhejiang University")),
    ("Mr. Pedro ALVES, Brazilian Consul General in Shanghai, visited Fudan University.",
     ("Pedro Alves", "Brazil", "Fudan University")),
    ("Ms Ingrid HOLM, the Swedish ambassador, visited Tongji University last week.",
     ("Ingrid Holm", "Sweden", "Tongji University")),
])
def test_an_envoy_comes_from_the_country_of_the_people_named_after_the_name(text, expected):
    assert visits(extract_rows(text)) == [expected]


@pytest.mark.parametrize("text", [
    "From 2 to 6 May, Vice-Rector Anna DE VRIES and a delegation of other staff from Leiden University will visit "
    "Peking University.",
    "Vice-Rector Anna DE VRIES and colleagues from Leiden University visited Peking University.",
    "Vice-Rector Anna DE VRIES of Leiden University and a delegation visited Peking University.",
])
def test_a_visitor_named_with_companions_leads(text):
    assert visits(extract_rows(text)) == [("Anna De Vries", "Leiden University", "Peking University")]
