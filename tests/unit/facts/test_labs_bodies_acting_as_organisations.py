"""A centre or institute that acts as an organisation in its sentence is no lab the article is about: it signs as a
party ("X and Y signed an MoU"), organises an event ("X hosted a forum"), or is where a person works or studied ("who
worked at X"). A name that is a kind's phrase alone ("its Innovation Center") names no lab, and a run of capitalised
words before a second name's head ("the A Institute and the B Research Center") is not the second name (issue 15,
labs precision).

Every sentence here is written for these tests."""
import pytest

from tests.unit.facts.test_labs_real_phrasings import _labs, _run


@pytest.mark.parametrize("text", [
    # a signing party: with a partner after "and", a comma or "together with", an acronym, an owner, adverbs
    "The National Research Centre of Peru and the Chinese Academy of Sciences signed an agreement in Lima.",
    "The Andean Water Research Center and Sichuan University inked a memorandum of understanding on Friday.",
    "Lusaka Mining Research Institute, Central South University Sign MoU on Copper Processing",
    "The Petroleum Research Institute (PRI) of Sonatrach signed a contract with the Algerian Ministry of Energy.",
    "The Tasman Marine Research Centre today formally signed a cooperation agreement with Ocean University of China.",
    "The Baltic Energy Innovation Center together with Tallinn University renewed their memorandum on 3 May.",
    "The Nile Basin Research Centre has signed a memorandum with Hohai University.",
    # the organiser of an event, with or without its owner
    "The Centre for Caribbean Studies at the University of the West Indies hosted a seminar on Tuesday.",
    "The Kenyan Research Center for Dryland Farming organised a workshop in Machakos.",
    "The Polar Policy Research Institute held a forum on shipping routes last week.",
    "The Centre for African Languages of Rhodes University co-hosted the conference with Peking University.",
    # where a person works, worked or studied
    "Dr Okafor, who worked at the Lagos Centre for Tropical Medicine before joining Zhejiang University, spoke.",
    "She graduated from the Andean Geology Research Institute in 2004.",
    "Professor Haddad studied at the Beirut Centre for Urban Research and later taught in Shanghai.",
    # a kind's phrase alone
    "Huawei opened its Innovation Center in Nairobi in 2019.",
    "The company's Technology Transfer Centre in Munich employs 30 engineers.",
    "Visitors were shown the Innovation Centre on the second floor.",
    # the words before a second name's head
    "The visitors toured the Institute of Tropical Agriculture and the Marine Biology Research Center.",
])
def test_a_body_acting_as_an_organisation_or_a_bare_head_is_no_lab(text):
    assert _labs(_run(text)) == []


@pytest.mark.parametrize("text, expected", [
    # a lab that is founded by signing parties stays a lab, the parties do not become labs
    ("Ocean University of China and the University of Algarve signed an agreement to set up the Sino-Portuguese "
     "Joint Laboratory for Marine Biotechnology.",
     [("Sino-Portuguese Joint Laboratory for Marine Biotechnology", "joint_laboratory", "established",
       "Ocean University of China")]),
    # the lab signs nothing: "both sides signed" after a comma is a new clause
    ("The two sides discussed the Delta Water Innovation Center, both sides signed a plan.",
     [("Delta Water Innovation Center", "innovation_centre", "existing", None)]),
    # hosted BY a body: the host, not an organiser
    ("The Andes Glacier Research Centre, hosted by the University of Chile, is the first of its kind.",
     [("Andes Glacier Research Centre", "research_institute", "existing", "University of Chile")]),
    # a centre that holds its own founding event is a founded lab; one hosting another's founding is its host
    ("The Andean Water Research Center held its inauguration ceremony on Monday.",
     [("Andean Water Research Center", "research_institute", "established", None)]),
    ("The Baltic Soil Research Centre hosted an opening ceremony in Riga.",
     [("Baltic Soil Research Centre", "research_institute", "established", None)]),
    ("The Centre for Arctic Shipping hosted the unveiling ceremony of the Sino-Norwegian Joint Laboratory.",
     [("Sino-Norwegian Joint Laboratory", "joint_laboratory", "established", "Centre for Arctic Shipping")]),
    # a laboratory that holds a seminar is still a laboratory (its head says research is done there)
    ("The Key Laboratory of Coastal Ecology held a seminar.",
     [("Key Laboratory of Coastal Ecology", "key_laboratory", "existing", None)]),
    # a name before a second name's head is not that name
    ("We saw the Museum of Natural History and the Sino-Thai Rice Research Center.",
     [("Sino-Thai Rice Research Center", "joint_research_centre", "existing", None)]),
    ("Staff of the School of Engineering; Coral Reef Joint Laboratory staff attended.",
     [("Coral Reef Joint Laboratory", "joint_laboratory", "existing", "School of Engineering")]),
])
def test_labs_beside_signers_and_organisers_stay(text, expected):
    assert _labs(_run(text)) == expected


# (review) a person signing beside a lab, an agreement "signed in" about it, and its own ceremony or anniversary
@pytest.mark.parametrize("text, name", [
    ("At the launch of the Sino-Thai Joint Laboratory for Rice Genomics, Vice President Somchai Wong signed the "
     "visitors' book.", "Sino-Thai Joint Laboratory for Rice Genomics"),
    ("During the opening of the Marine Robotics Research Centre at the University of Cape Town, Professor Mamokgethi "
     "Phakeng and Ambassador Chen Xiaodong signed a plaque.", "Marine Robotics Research Centre"),
    ("The Memorandum on the China-Malaysia Joint Laboratory for Palm Oil (CMJL) signed in Kuala Lumpur last year set "
     "out five projects.", "China-Malaysia Joint Laboratory for Palm Oil"),
    ("The Centre for Quantum Optics of Stellenbosch University held a ceremony to mark its opening on 4 June.",
     "Centre for Quantum Optics of Stellenbosch University"),
    ("The Desert Ecology Research Centre of the University of Namibia held its tenth anniversary celebration on "
     "Friday.", "Desert Ecology Research Centre of the University of Namibia"),
    # an event of its own ("its"), or an inaugural one
    ("The Coastal Geohazards Research Centre of the University of Lisbon held its first academic committee meeting "
     "on 5 March.", "Coastal Geohazards Research Centre of the University of Lisbon"),
    ("The Centre for Mediterranean Archaeology at the University of Crete held an inaugural workshop to mark its "
     "founding.", "Centre for Mediterranean Archaeology"),
    # an organisation joins it: a body joined, no person's workplace
    ("In 2021 the University of Nairobi joined the Centre for Dryland Agriculture Research as a founding partner.",
     "Centre for Dryland Agriculture Research"),
    ("Egerton University and Moi University joined the Centre for Highland Soils Research for its field trials.",
     "Centre for Highland Soils Research"),
])
def test_a_lab_beside_a_person_signing_or_at_its_own_occasion_stays_a_lab(text, name):
    assert name in [lab[0] for lab in _labs(_run(text))]


@pytest.mark.parametrize("text", [
    "The Centre for Quantum Optics and Huawei signed a memorandum of understanding on Friday.",
    "The Desert Ecology Research Centre held a seminar on dune ecology.",
    "Five new researchers joined the Centre for Climate Resilience Studies of Makerere University this year.",
])
def test_a_centre_signing_with_an_organisation_or_organising_an_event_is_still_no_lab(text):
    assert _labs(_run(text)) == []
