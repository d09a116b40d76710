"""Three general rules behind regressions on raw/ and the seeds after issue 15: a disease named as the
background of the news is no field of cooperation; a lab centre "of" a named body leaves that body an
organisation of its own; a visit to "the laboratory" goes to the body of the lab told of just before.
Sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, visits


def _codes(rows) -> set[str]:
    return {d["domain_id"] for d in rows["document_domains"]}


def _org_names(rows) -> set[str]:
    return {o["canonical_name"] for o in rows["organizations"]}


@pytest.mark.parametrize("text", [
    "Nankai University and Tianjin Port signed a logistics pact as the city recovers from the COVID-19 pandemic.",
    "After the COVID-19 outbreak, Fudan University and a Swiss partner signed a memorandum on urban planning.",
    "The ceremony, delayed twice by COVID-19, took place at Lanzhou University on Friday.",
])
def test_a_disease_named_as_background_is_no_field(text):
    assert "3.3" not in _codes(extract_rows(text))


@pytest.mark.parametrize("text", [
    "The two universities will cooperate in fields including COVID-19 control, robotics and finance.",
    "The partners will work in areas such as biomedicine, COVID-19 and nursing.",
    "The institutes will focus on COVID-19 prevention and control in rural clinics.",
])
def test_a_disease_listed_among_fields_is_a_field(text):
    assert "3.3" in _codes(extract_rows(text))


@pytest.mark.parametrize("text, body", [
    ("The province will help set up the Innovation and Entrepreneurship Center of Lhasa Research Institute under "
     "Peking University.", "Lhasa Research Institute"),
    ("Both sides opened the Joint Research Centre of Ningbo Materials Institute last week.",
     "Ningbo Materials Institute"),
    ("An Innovation Center of the Xiamen Marine Academy opened on Monday.", "Xiamen Marine Academy"),
])
def test_the_body_a_lab_centre_belongs_to_is_an_organisation(text, body):
    assert body in _org_names(extract_rows(text))


@pytest.mark.parametrize("text", [
    "They built the Joint Research Centre for Marine Science in Dalian.",
    "The Innovation Center of Excellence opened on Monday.",
])
def test_a_lab_centre_without_a_named_body_gives_no_organisation(text):
    assert not any("Centre" in n or "Center" in n or "Excellence" in n for n in _org_names(extract_rows(text)))


@pytest.mark.parametrize("text, host", [
    ("A Jiangmen laboratory, part of Sun Yat-sen University, works with partners in ten countries. "
     "Some 20 foreign scholars visit the laboratory every year.", "Sun Yat-sen University"),
    ("Peking University runs a joint lab with Oxford University on catalysis. "
     "Last month a delegation from Kenya visited the lab.", "Peking University"),
    ("Fudan University opened a centre for brain science in 2019. Officials from Chile toured the centre on Monday.",
     "Fudan University"),
    ("The new institute, run by Lanzhou University, studies desert soils. A team of ten Mongolian experts visited "
     "the institute in May.", "Lanzhou University"),
])
def test_a_visit_to_the_laboratory_goes_to_the_body_of_the_lab_told_of(text, host):
    assert [h for _, _, h in visits(extract_rows(text))] == [host]


def test_a_visit_to_the_laboratory_of_a_named_body_goes_to_that_body():
    text = "Researchers from Nanjing University visited the laboratory of Zhejiang University last week."
    assert [h for _, _, h in visits(extract_rows(text))] == ["Zhejiang University"]


def test_a_lab_reference_with_no_lab_before_has_no_host():
    text = "The weather was fine. Officials from Chile toured the centre on Monday."
    assert all(h is None for _, _, h in visits(extract_rows(text)))
