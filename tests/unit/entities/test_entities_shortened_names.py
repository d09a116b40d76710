"""A body's name written short in the same document, with words left out of its middle (issue 15): "the Kestrel
Institute of Marine Ecology" after "the Kestrel Bay Institute of Marine Ecology" is the one institute. Every sentence
here is written for these tests; the names are invented unless the test needs a listed one."""
import pytest

from tests.unit.entity_rows import recognised


def _mentions(text):
    ents = recognised(text)
    return {m.surface: ents.orgs[m.entity_id].canonical_name for m in ents.mentions if m.entity_type == "organization"}


@pytest.mark.parametrize("text, short, full", [
    ("Researchers of the Kestrel Bay Institute of Marine Ecology came in May. The Kestrel Institute of Marine Ecology "
     "will lead the survey.", "Kestrel Institute of Marine Ecology", "Kestrel Bay Institute of Marine Ecology"),
    ("Engineers of Northgate Polytechnic Institute of Mining signed the plan. Northgate Institute of Mining will "
     "train the workers.", "Northgate Institute of Mining", "Northgate Polytechnic Institute of Mining"),
    ("Lakeshore Ceramic University will host the laboratory. Students of Lakeshore University will work in it.",
     "Lakeshore University", "Lakeshore Ceramic University"),
])
def test_a_name_with_words_left_out_is_the_longer_name_s_body(text, short, full):
    mentions = _mentions(text)
    assert (mentions[short], mentions[full]) == (full, full)


@pytest.mark.parametrize("text, short, full", [
    # two bodies listed side by side are two
    ("The survey joins the Kestrel Institute of Marine Ecology and the Kestrel Bay Institute of Marine Ecology.",
     "Kestrel Institute of Marine Ecology", "Kestrel Bay Institute of Marine Ecology"),
    ("The survey joins the Kestrel Bay Institute of Marine Ecology, the Kestrel Institute of Marine Ecology and "
     "others.", "Kestrel Institute of Marine Ecology", "Kestrel Bay Institute of Marine Ecology"),
    # a name the longer one holds whole is no short form of it: the longer is a unit of it
    ("The Party Committee of Qiandong Normal University met. Qiandong Normal University thanked it.",
     "Qiandong Normal University", "Party Committee of Qiandong Normal University"),
    # a longer name with a possessive inside is an owner and its body read as one
    ("The pact joins Lakeshore Forum and Ruritania's Centre for Desert Studies. The Ruritania Centre for Desert "
     "Studies will host the first meeting.", "Ruritania Centre for Desert Studies",
     "Ruritania's Centre for Desert Studies"),
])
def test_other_bodies_stay_apart(text, short, full):
    mentions = _mentions(text)
    assert (mentions[short], mentions[full]) == (short, full)


@pytest.mark.parametrize("short, longer", [("Nairobi University", "Nairobi Technical Training University"),
                                           ("Dhaka University", "Dhaka International University")])
def test_a_listed_university_s_other_word_order_is_no_short_form(short, longer):
    mentions = _mentions(f"Officials of {longer} signed the plan. Students of {short} will work in it.")
    assert (mentions[short], mentions[longer]) == (short, longer)


def test_a_listed_body_is_never_taken_for_a_short_form():
    mentions = _mentions("Officials of Shanghai International Studies University and of Shanghai University met.")
    assert mentions["Shanghai University"] == "Shanghai University"
    assert mentions["Shanghai International Studies University"] == "Shanghai International Studies University"
