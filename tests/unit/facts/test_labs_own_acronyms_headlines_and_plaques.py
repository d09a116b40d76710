"""Labs: a lab never hosts itself (its name recognised as an organisation, named again by its acronym), a host after
the lab's acronym in brackets, foundings told by a headline's participle, by a plaque or nameplate, by a launching
ceremony, plans told by a modal ("shall be established"), and technology demonstration centres. Sentences written for
these tests."""
import pytest

from tests.unit.fact_rows import extract_rows


def _labs(rows):
    orgs = {o["organization_id"]: o["canonical_name"] for o in rows["organizations"]}
    return sorted((lab["name"], lab["lab_type"], lab["status"], orgs.get(lab["host_organization_id"]))
                  for lab in rows["labs"])


@pytest.mark.parametrize("text, name", [
    ("The Norway-Chile Antarctic Science Observatory (NCASO) was formally opened on Tuesday at Punta Arenas.",
     "Norway-Chile Antarctic Science Observatory"),
    ("The Lisbon Marine Robotics Institute (LMRI) – a new research institute on the coast – was officially launched "
     "in Macao on Friday.", "Lisbon Marine Robotics Institute"),
])
def test_a_lab_named_again_by_its_acronym_is_not_its_own_host(text, name):
    labs = _labs(extract_rows(text))
    assert [lab[0] for lab in labs] == [name]
    assert labs[0][3] is None


@pytest.mark.parametrize("text, name, host", [
    ("Dr Lena Holm, Director of the Sino-Swedish Centre (SSC) of Uppsala University, met the guests.",
     "Sino-Swedish Centre", "Uppsala University"),
    ("Professor Ken Ito heads the Japan-Kenya Research Center (JKRC) at Kyoto University.",
     "Japan-Kenya Research Center", "Kyoto University"),
])
def test_a_host_after_the_lab_acronym_in_brackets_hosts_it(text, name, host):
    assert [(lab[0], lab[3]) for lab in _labs(extract_rows(text))] == [(name, host)]


# What the words around a name tell of the lab's state: a headline's participle after a name opening it, a plaque,
# nameplate or launching ceremony (established); a modal before a founding verb (planned); a participle inside a
# clause with its own verb, or after a name that does not open the sentence, tells nothing (existing).
@pytest.mark.parametrize("text, name, status", [
    ("Brazil Research Center established in Changchun", "Brazil Research Center", "established"),
    ("The Sino-Peruvian Joint Laboratory launched on May 3rd", "Sino-Peruvian Joint Laboratory", "established"),
    ("Kenya-China Soil Health Laboratory officially opened at Egerton University",
     "Kenya-China Soil Health Laboratory", "established"),
    ("The Sino-Peruvian Joint Laboratory established by the two universities studies potato genetics.",
     "Sino-Peruvian Joint Laboratory", "existing"),
    ("Researchers visited the Kenya-China Soil Health Laboratory opened at Egerton University",
     "Kenya-China Soil Health Laboratory", "existing"),
    ("The vice-governor unveiled the plaque for the Andes Agricultural Science Joint Research Center in Lima.",
     "Andes Agricultural Science Joint Research Center", "established"),
    ("A nameplate unveiling ceremony for the Mongolia Research Center took place at Inner Mongolia University.",
     "Mongolia Research Center", "established"),
    ("The launching ceremony of the Sino-Hellenic Joint Laboratory was held in Athens on Monday.",
     "Sino-Hellenic Joint Laboratory", "established"),
    ("The minister proposed that the China-Oman Technology Transfer Center shall be established in Muscat.",
     "China-Oman Technology Transfer Center", "planned"),
    ("Both sides said the Ghana-China Joint Laboratory for Cocoa Science should be set up next year.",
     "Ghana-China Joint Laboratory for Cocoa Science", "planned"),
])
def test_the_words_around_a_name_tell_its_state(text, name, status):
    assert [(lab[0], lab[2]) for lab in _labs(extract_rows(text))] == [(name, status)]


@pytest.mark.parametrize("text, name", [
    ("Farmers were trained at the China-Aid Malawi Agricultural Technology Demonstration Center near Lilongwe.",
     "China-Aid Malawi Agricultural Technology Demonstration Center"),
    ("Rice is processed at the China-Benin Agricultural Technology Demonstration Centre every week.",
     "China-Benin Agricultural Technology Demonstration Centre"),
])
def test_a_technology_demonstration_centre_is_a_lab(text, name):
    assert [(lab[0], lab[1]) for lab in _labs(extract_rows(text))] == [(name, "other")]


def test_plural_demonstration_centres_are_no_lab():
    text = "It is one of 20 Agricultural Technology Demonstration Centers that China has built in Africa."
    assert extract_rows(text)["labs"] == []
