"""A lab whose sentences name no host is hosted by the university the document is about (named more often than any
other): the one named last before it, or one named twice or more wherever it is named. A partner's or a visitor's
university named last, or a university named once after the lab, hosts nothing of it (issue 15, labs precision), and
two universities named as often as each other leave the host unknown.

Every sentence here is written for these tests."""
import pytest

from tests.unit.facts.test_labs_real_phrasings import _labs, _run


@pytest.mark.parametrize("text, expected_host", [
    # the document's own university, named last and most often
    ("Lund University opened new labs this year. Lund University leads in climate work.\n\n"
     "Its labs include the Baltic Soil Research Centre.", "Lund University"),
    ("Makerere University welcomed guests. Makerere University staff presented their work.\n\n"
     "Among them is the Nile Crop Genetics Laboratory.", "Makerere University"),
    # a partner's university named last, once, beside the university the document is about: the latter hosts
    ("Lund University opened new labs this year. Lund University leads in climate work with Aarhus University.\n\n"
     "Its labs include the Baltic Soil Research Centre.", "Lund University"),
    # the document's university named only after the lab (a headline first)
    ("Danube soil research lab launched\n\nThe Danube Soil Joint Laboratory opened on Monday. Comenius University "
     "researchers will run it with Chinese partners. Comenius University also funds the project.",
     "Comenius University"),
    ("Andean water research centre opens\n\nThe Andean Water Research Centre will study glaciers. The University "
     "of Cusco said the centre was built with a Chinese loan; the University of Cusco will train its staff.",
     "University of Cusco"),
    # named once, after the lab: as often a partner
    ("Danube soil research lab launched\n\nThe Danube Soil Joint Laboratory opened on Monday. Its researchers will "
     "work with Comenius University on erosion.", None),
    # two universities named as often as each other: none is the document's
    ("Makerere University and Sokoine University met.\n\nAmong the labs is the Nile Crop Genetics Laboratory.", None),
])
def test_the_host_by_position_is_the_documents_university(text, expected_host):
    [(_, _, _, host)] = _labs(_run(text))
    assert host == expected_host
