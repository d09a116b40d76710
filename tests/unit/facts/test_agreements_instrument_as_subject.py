"""An instrument noun as the subject of a signing-like verb in the present or future ("The MoU establishes ...",
"This agreement will launch ...", "The memorandum notes that both sides agree to ...") tells what the instrument
does, not a new signing (issue 15, background told as new); a participle or passive after the noun still signs it.
Sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, party_names

_SIGNED = "Kyoto University and Zhejiang University signed a memorandum of understanding on 3 May. "


@pytest.mark.parametrize("after", [
    "The MoU establishes a framework for Kyoto University and the Zhejiang Provincial Government to train engineers.",
    "This memorandum will establish a joint school of Kyoto University and the Ningbo Municipal Government.",
    "The memorandum notes that Zhejiang University and the Hangzhou Municipal Government agree to share data.",
    "The agreement launches a fund of Kyoto University and the Japan Science and Technology Agency.",
])
def test_an_instrument_that_acts_is_the_one_told_before(after):
    rows = extract_rows(_SIGNED + after)
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Kyoto University", "Zhejiang University"}


@pytest.mark.parametrize("sentence", [
    "A memorandum of understanding was signed between Kyoto University and Zhejiang University.",
    "The memorandum of understanding, signed by Kyoto University and Zhejiang University, covers teaching.",
    "Kyoto University and Zhejiang University held a memorandum of understanding signing ceremony.",
    "An agreement is reached between Kyoto University and Zhejiang University on joint degrees.",
])
def test_a_participle_or_passive_after_the_noun_still_signs_it(sentence):
    rows = extract_rows(sentence)
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Kyoto University", "Zhejiang University"}
