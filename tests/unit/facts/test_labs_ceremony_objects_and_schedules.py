"""What a founding ceremony unveils is no word of the lab's name ("X Centre for Y Plaque Unveiled"), and unveiled it
founds the lab; a founding put ahead of the telling ("is scheduled to open", "the launch of X is slated for June",
"whose opening is expected next year", "X Opening Ceremony will be held") leaves the lab planned (issue 15, class 3).

Every sentence here is written for these tests."""
import pytest

from tests.unit.facts.test_labs_real_phrasings import _labs, _run


@pytest.mark.parametrize("text, name, status", [
    ("The Joint Laboratory for Soil Health Plaque Unveiling Ceremony was held in Nairobi on Monday.",
     "Joint Laboratory for Soil Health", "established"),
    ("Kenya-China Joint Lab on Dryland Crops Plaque Unveiled at Egerton University",
     "Kenya-China Joint Lab on Dryland Crops", "established"),
    ("The Peru-China Centre for Seed Research nameplate was unveiled on Monday.",
     "Peru-China Centre for Seed Research", "established"),
    ("The Andes Glacier Joint Laboratory Signboard Unveiling Ceremony took place in Lima yesterday.",
     "Andes Glacier Joint Laboratory", "established"),
    ("State Key Laboratory of Coastal Geology Nameplates Unveiled",
     "State Key Laboratory of Coastal Geology", "established"),
    ("Meanwhile, the Sino-Thai Joint Laboratory for Rice Genomics was also unveiled.",
     "Sino-Thai Joint Laboratory for Rice Genomics", "established"),
])
def test_a_ceremony_object_ends_the_name_and_founds_the_lab(text, name, status):
    assert [(n, s) for n, _, s, _ in _labs(_run(text))] == [(name, status)]


@pytest.mark.parametrize("text, status", [
    ("The launch of the Sino-Kenya Joint Laboratory is scheduled for next March.", "planned"),
    ("The inauguration of the Peru-China Centre for Seed Research will take place in Lima.", "planned"),
    ("The opening of the Sino-Thai Joint Laboratory for Rice Genomics was slated for June.", "planned"),
    ("The Sino-Kenya Joint Laboratory is scheduled to open in March.", "planned"),
    ("The Peru-China Centre for Seed Research is expected to be completed by 2027.", "planned"),
    ("The Sino-Thai Joint Laboratory for Rice Genomics is due to start operations next year.", "planned"),
    ("The Sino-Kenya Joint Laboratory, whose launch is expected in June, will study soils.", "planned"),
    ("The Andes Glacier Joint Laboratory Unveiling Ceremony is scheduled for Friday.", "planned"),
    # a founding event already held, and a lab set to do its own work, are no plans
    ("The opening of the Sino-Kenya Joint Laboratory was held on Monday.", "established"),
    ("The Sino-Kenya Joint Laboratory is set to launch three projects next year.", "existing"),
    ("The Peru-China Centre for Seed Research is expected to attract many scientists.", "existing"),
])
def test_a_founding_still_to_come_is_a_plan(text, status):
    assert [s for _, _, s, _ in _labs(_run(text))] == [status]
