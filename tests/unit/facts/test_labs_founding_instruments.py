"""The status a signed founding instrument gives a lab: "signed an agreement to establish the X" founds it (the
signing is the founding the report tells), a letter of intent only intends it, a framework agreement frames what is
still to be done, and a signing still to come plans it (issue 15, class 1 status).

Every sentence here is written for these tests."""
import pytest

from tests.unit.facts.test_labs_real_phrasings import _labs, _run


def _statuses(text):
    return [(name, status) for name, _, status, _ in _labs(_run(text))]


@pytest.mark.parametrize("text, name", [
    ("Fudan University and Lund University signed an agreement to formally establish the Fudan-Lund Joint Laboratory "
     "for Polar Science.", "Fudan-Lund Joint Laboratory for Polar Science"),
    ("Ghent University recently signed a collaboration agreement to set up the Ghent-Wuhan Research Institute for "
     "Smart Ports, its fourth in China.", "Ghent-Wuhan Research Institute for Smart Ports"),
    ("The rectors witnessed the signing of an accord to establish a “Joint Research Centre for Marine Robotics” "
     "between the two universities.", "Joint Research Centre for Marine Robotics"),
    ("The two academies inked a memorandum of understanding on the establishment of the Kenya-China Joint Laboratory "
     "for Soil Health.", "Kenya-China Joint Laboratory for Soil Health"),
])
def test_a_signed_founding_instrument_founds_the_lab(text, name):
    assert _statuses(text) == [(name, "established")]


@pytest.mark.parametrize("text, name", [
    # a letter of intent intends
    ("Beihang University signed a letter of intent about the establishment of the China-Chile Joint Laboratory for "
     "Space Science.", "China-Chile Joint Laboratory for Space Science"),
    ("The institutes signed a letter of intent to set up the Nordic-Chinese Joint Laboratory for Glacier Studies.",
     "Nordic-Chinese Joint Laboratory for Glacier Studies"),
    # a framework agreement frames what is still to be done
    ("The city government and Lund University inked a framework agreement to set up the Lund (Sanya) Marine Research "
     "Center in the science park.", "Lund (Sanya) Marine Research Center"),
    # a signing still to come
    ("The two sides will sign an agreement to establish the Sino-Peruvian Joint Laboratory for Mining Safety.",
     "Sino-Peruvian Joint Laboratory for Mining Safety"),
    # no signing: an intention
    ("The two sides agreed to establish the Sino-Peruvian Joint Laboratory for Mining Safety.",
     "Sino-Peruvian Joint Laboratory for Mining Safety"),
])
def test_an_intended_or_future_founding_is_planned(text, name):
    assert _statuses(text) == [(name, "planned")]


@pytest.mark.parametrize("text, name", [
    ("Fudan University and Lund University signed an agreement to establish the Fudan-Lund Joint Laboratory for Polar "
     "Science, which will be launched next year.", "Fudan-Lund Joint Laboratory for Polar Science"),
    ("Kenyatta University and Hunan University inked a memorandum of understanding to set up the Sino-Kenyan Joint "
     "Laboratory for Crop Genetics, which is expected to be founded in 2027.",
     "Sino-Kenyan Joint Laboratory for Crop Genetics"),
    ("Kenyatta University and Hunan University inked a memorandum of understanding to set up the Sino-Kenyan Joint "
     "Laboratory for Crop Genetics, which is still under construction.", "Sino-Kenyan Joint Laboratory for Crop Genetics"),
])
def test_a_signed_founding_that_what_follows_puts_ahead_is_planned(text, name):
    """The signing founds the lab unless the words after its name say the founding is still to come."""
    assert _statuses(text) == [(name, "planned")]
