"""Fields of cooperation in the vocabulary news releases use for research areas, technologies, industries and
disciplines, in every major FOS field; and the everyday words among them that name a field only where the
text lists fields (issue 15, class 8).

Every sentence here is written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows


def _fields(text):
    return {(d["domain_id"], d["matched_text"]) for d in extract_rows(text)["document_domains"]}


def _codes(text):
    return {code for code, _ in _fields(text)}


@pytest.mark.parametrize("text, field", [
    # 1 natural sciences
    ("The institutes will study game theory together.", ("1.1", "game theory")),
    ("Both teams work on machine vision for factories.", ("1.2", "machine vision")),
    ("The partners will build a shared digital infrastructure.", ("1.2", "digital infrastructure")),
    ("A new programme links the two bigdata centres' staff.", ("1.2", "bigdata")),
    ("The lab develops terahertz imaging for airports.", ("1.3", "terahertz")),
    ("Scientists from both sides met to discuss space weather.", ("1.3", "space weather")),
    ("The grant supports research into photocatalysis.", ("1.4", "photocatalysis")),
    ("A station for ocean observations opened last week.", ("1.5", "ocean observations")),
    ("The centre trains officials in disaster risk reduction.", ("1.5", "disaster risk reduction")),
    ("The reserve protects biodiversity along the coast.", ("1.6", "biodiversity")),
    ("Researchers will sequence samples for genome research.", ("1.6", "genome research")),
    # 2 engineering and technology
    ("The city wants help with urban mobility and parking.", ("2.1", "urban mobility")),
    ("The firm signed a deal on rail transport with the port.", ("2.1", "rail transport")),
    ("The institute tests optical fibres for data links.", ("2.2", "optical fibres")),
    ("The plant will make advanced displays for phones.", ("2.2", "advanced displays")),
    ("The two carmakers will jointly develop fuel cell vehicles.", ("2.3", "fuel cell vehicles")),
    ("Engineers from both countries discussed lunar exploration.", ("2.3", "lunar exploration")),
    ("The start-up supplies membrane technology to refineries.", ("2.4", "membrane technology")),
    ("The mill produces high-performance fibres and glass fibre.", ("2.5", "glass fibre")),
    ("Hospitals will trial neurotechnology from the spin-off.", ("2.6", "neurotechnology")),
    ("The county is a pilot for green development.", ("2.7", "green development")),
    ("The port aims to become a low-carbon city by 2035.", ("2.7", "low-carbon city")),
    ("The two utilities will share know-how on hydroelectricity.", ("2.7", "hydroelectricity")),
    ("The plant turns food scraps into fertiliser by composting.", ("2.8", "composting")),
    ("The company makes biodegradable plastics from straw.", ("2.9", "biodegradable plastics")),
    ("The researchers build nanosensors for water tests.", ("2.10", "nanosensors")),
    ("The agency will oversee quality inspection of exports.", ("2.11", "quality inspection")),
    # 3 medical and health sciences
    ("The consortium searches for cancer biomarkers in blood.", ("3.1", "biomarkers")),
    ("The fund targets antimicrobial resistance in hospitals.", ("3.1", "antimicrobial resistance")),
    ("The two hospitals will cooperate in palliative care.", ("3.2", "palliative care")),
    ("The centre will offer Tibetan medicine to visitors.", ("3.2", "Tibetan medicine")),
    ("The city will expand telehealth for villages.", ("3.3", "telehealth")),
    ("Doctors discussed care for the elderly in rural towns.", ("3.3", "care for the elderly")),
    ("The firm will make biosimilars for the local market.", ("3.4", "biosimilars")),
    ("The base hosts a unit for high-altitude medicine.", ("3.5", "high-altitude medicine")),
    # 4 agricultural sciences
    ("Farmers were trained in mushroom cultivation.", ("4.1", "mushroom cultivation")),
    ("The farm grows industrial hemp for textiles.", ("4.1", "industrial hemp")),
    ("The project studies postharvest processing of fruit.", ("4.1", "postharvest processing")),
    ("The ranch will improve beef cattle herds.", ("4.2", "beef cattle")),
    ("Vets shared methods in the fields of animal health and foot-and-mouth disease.",
     ("4.3", "foot-and-mouth disease")),
    ("The station uses tissue culture to multiply seedlings.", ("4.4", "tissue culture")),
    ("The county set up a service for agricultural meteorology.", ("4.5", "agricultural meteorology")),
    # 5 social sciences
    ("The lab studies cognitive ageing in older adults.", ("5.1", "cognitive ageing")),
    ("The bank offers courses in financial inclusion.", ("5.2", "financial inclusion")),
    ("The partners will develop MOOCs for nurses.", ("5.3", "MOOCs")),
    ("The charity runs projects on gender equality.", ("5.4", "gender equality")),
    ("The chamber offers training in dispute resolution.", ("5.5", "dispute resolution")),
    ("The city asked for help with disaster management.", ("5.6", "disaster management")),
    ("The plan calls for sustainable urbanisation.", ("5.7", "sustainable urbanisation")),
    ("The museum promotes science popularisation for children.", ("5.8", "science popularisation")),
    ("The institute opened a centre for Korean studies.", ("5.9", "Korean studies")),
    # 6 humanities and the arts
    ("The team carried out archaeological excavations near the river.", ("6.1", "archaeological excavations")),
    ("The college teaches Chinese as a foreign language.", ("6.2", "Chinese as a foreign language")),
    ("The forum discussed data ethics and privacy.", ("6.3", "data ethics")),
    ("The school offers courses in jewellery design.", ("6.4", "jewellery design")),
    ("The workshop covered cross-cultural studies.", ("6.5", "cross-cultural studies")),
])
def test_field_vocabulary_across_the_fos_fields(text, field):
    assert field in _fields(text)


@pytest.mark.parametrize("text, field", [
    # after a field cue
    ("The two provinces will cooperate in energy, tourism and health.", ("2.7", "energy")),
    ("The sides agreed to deepen cooperation in the sphere of industrialization and investment.",
     ("2.11", "industrialization")),
    ("The sides agreed to deepen cooperation in the sphere of industrialization and investment.", ("5.2", "investment")),
    ("They signed a memorandum covering trade, transport and culture.", ("5.2", "trade")),
    ("Research will focus on climate and atmosphere.", ("1.5", "atmosphere")),
    # in a list that holds a specific field, over other broad words and "the"
    ("The school is strong in mobility, manufacturing, the environment and urban planning.", ("2.1", "mobility")),
    ("The school is strong in mobility, manufacturing, the environment and urban planning.", ("2.3", "manufacturing")),
    ("The school is strong in mobility, manufacturing, the environment and urban planning.",
     ("1.5", "environment")),
    ("Its strengths are robotics and engineering.", ("2.11", "engineering")),
    ("The centre works on history, literature and linguistics.", ("6.1", "history")),
    # before a field head
    ("The ministers praised the energy cooperation between their countries.", ("2.7", "energy")),
    ("The delegation came to sign a pact on education cooperation.", ("5.3", "education")),
    ("The institute leads rice research in the region.", ("4.1", "rice")),
    ("Both sides want closer trade cooperation.", ("5.2", "trade")),
    ("The university is known for engineering research.", ("2.11", "engineering")),
])
def test_broad_words_where_the_text_lists_fields(text, field):
    assert field in _fields(text)


def test_an_acronym_with_a_capital_inside_is_the_field():
    assert ("2.2", "IoT") in _fields("They will work together on IoT devices for smart factories.")


@pytest.mark.parametrize("text, absent", [
    ("The agreement promotes student mobility between the campuses.", "2.1"),
    ("The young volunteers were full of energy.", "2.7"),
    ("The talks took place in a friendly atmosphere.", "1.5"),
    ("The two universities share a long history of friendship.", "6.1"),
    ("The deal is one of the largest investments in the country's economic history.", "6.1"),
    ("The economy grew by five percent last year.", "5.2"),
    ("A film crew recorded the signing ceremony.", "6.4"),
    ("The guests thanked the hosts for their hospitality.", "5.2"),
    ("The province reported on its economic and social development.", "5.4"),
    ("The campus is a senior talent training base for the region.", "5.3"),
    ("The parties will share the intellectual property protection of joint results.", "5.5"),
    ("The librarian showed the visitors smart technologies used in the reading room.", "1.2"),
    ("She is deputy director of the Engineering Research Office at the plant.", "2.11"),
    ("Trade Minister Lee arrived on Monday.", "5.2"),
    ("The team will dock at the Ocean Science and Engineering Laboratory next month.", "2.11"),
    ("Both cities are known for their Culture and Tourism Festival.", "6.5"),
    ("The lab does research on ageing, so that higher education in the region can grow.", "5.3"),
])
def test_everyday_words_are_not_fields(text, absent):
    assert absent not in _codes(text)
