"""A lab whose sentences name no host is hosted by the university named last before it only when that is the
university the document is about (named more often than any other): a partner's or a visitor's university named
last hosts nothing of it (issue 15, labs precision).

Every sentence here is written for these tests."""
import pytest

from tests.unit.facts.test_labs_real_phrasings import _labs, _run


@pytest.mark.parametrize("text, expected_host", [
    # the document's own university, named last and most often
    ("Lund University opened new labs this year. Lund University leads in climate work.\n\n"
     "Its labs include the Baltic Soil Research Centre.", "Lund University"),
    ("Makerere University welcomed guests. Makerere University staff presented their work.\n\n"
     "Among them is the Nile Crop Genetics Laboratory.", "Makerere University"),
    # a partner's university named last, once, beside the university the document is about
    ("Lund University opened new labs this year. Lund University leads in climate work with Aarhus University.\n\n"
     "Its labs include the Baltic Soil Research Centre.", None),
    # two universities named as often as each other: none is the document's
    ("Makerere University and Sokoine University met.\n\nAmong the labs is the Nile Crop Genetics Laboratory.", None),
])
def test_the_host_by_position_is_the_documents_university(text, expected_host):
    [(_, _, _, host)] = _labs(_run(text))
    assert host == expected_host
