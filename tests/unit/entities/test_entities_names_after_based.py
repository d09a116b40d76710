"""What follows "<X>-based" is a body's name: read again without the description when a pass read it with it, and a
company's name when no pass read it (organisations.based_names)."""
import pytest

from tests.unit.entity_rows import names_by_surface, org_names, recognised


@pytest.mark.parametrize("text, surface, name", [
    ("The forum was hosted by the KTH-based Nordic Energy Policy Council and Zhejiang University.",
     "KTH-based Nordic Energy Policy Council", "Nordic Energy Policy Council"),
    ("Jiangsu-based Sunrise Steel Group signed a supply agreement.", "Jiangsu-based Sunrise Steel Group",
     "Sunrise Steel Group"),
    ("Korea-based Norvadix will fund two chairs at Cardiff University.", "Korea-based Norvadix", "Norvadix"),
    ("Madrid-based Talvera Holdings and Fudan University signed.", "Madrid-based Talvera Holdings", "Talvera Holdings"),
])
def test_the_name_after_a_based_description(text, surface, name):
    assert names_by_surface(text).get(surface) == {name}


def test_a_described_company_no_pass_read_is_a_company():
    ents = recognised("Korea-based Norvadix will fund two chairs.")
    assert [o.org_type for o in ents.orgs.values() if o.canonical_name == "Norvadix"] == ["enterprise"]


@pytest.mark.parametrize("text", [
    "A Beijing-based company signed the deal.",
    "Paris-based Chinese researchers met in May.",
    "The London-based Anna Berg said so.",
    "Two Shenzhen-based Startups won prizes.",
])
def test_no_name_after_a_based_description(text):
    assert org_names(recognised(text)) == set()
