"""Agreements without a signing verb in the clause, with pronoun or implied subjects, and background statements
that are no records (issue 15, classes 3-5), on sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, party_names, place_name, signer_names

# --- "both sides" after a visit: the visitor and the host, not whoever the paragraph named last

@pytest.mark.parametrize("paragraph", [
    "During the visit to Jilin University, the delegation met the Dean of the School of Physics. "
    "At the end of the talks, both sides signed a cooperation agreement.",
    "During the visit to Jilin University, the delegation toured the School of Physics. "
    "Both sides discussed summer schools and signed a memorandum of understanding on student exchange.",
    "At Jilin University, the delegation met the heads of the School of Physics. "
    "The two sides then signed an agreement on joint research.",
])
def test_both_sides_after_a_visit_are_the_visitor_and_the_host(paragraph):
    rows = extract_rows("Professor Chen Yu, Vice President of Fudan University, led a delegation to visit partners "
                "in the north-east.\n\n" + paragraph)
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Fudan University", "Jilin University"}


def test_a_visit_without_a_named_visitor_gives_the_host_alone():
    rows = extract_rows("A delegation of five led by Professor Chen Yu toured three campuses last month.\n\n"
                "At Jilin University, the delegation met with the School of Physics. Both sides discussed "
                "summer schools and signed a cooperation agreement.")
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Jilin University"}


def test_what_the_title_names_is_no_party():
    rows = extract_rows("A delegation of five led by Professor Chen Yu toured three campuses last month.\n\n"
                "At Jilin University, the delegation met with the rector. Both sides signed an Agreement on the "
                "Harbin Institute of Technology.")
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Jilin University"}


# --- pronoun subjects

@pytest.mark.parametrize("sentence, role", [
    ("He also witnessed the signing of a cooperation agreement between Jilin University and Peking University.",
     "witness"),
    ("He signed a cooperation agreement between Jilin University and Peking University.", "signatory"),
    ("She later witnessed the signing of a memorandum of understanding between Jilin University and Peking "
     "University.", "witness"),
])
def test_he_and_she_are_the_person_named_before(sentence, role):
    rows = extract_rows("Professor Chen Yu, President of Fudan University, toured the north-east in May. "
                "Chen met students in Changchun. " + sentence)
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Jilin University", "Peking University"}  # the signer's body is not a party
    assert signer_names(rows, role) == {"Chen Yu"}


@pytest.mark.parametrize("sentence", [
    "It also inked an agreement with Peking University.",
    "It also signed a memorandum of understanding with Peking University on Friday.",
])
def test_it_is_the_organisation_the_sentence_before_is_about(sentence):
    rows = extract_rows("Jilin University opened a new campus in Changchun this week. " + sentence)
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Jilin University", "Peking University"}


@pytest.mark.parametrize("clause", ["since they signed a cooperation agreement in 2010",
                                    "after they inked a framework agreement in 2010"])
def test_they_are_the_two_of_the_kind_the_sentence_names(clause):
    rows = extract_rows("Jilin University hosted a forum with the Ministry of Education. Fudan University sent observers.\n\n"
                f"The two universities have jointly built three laboratories {clause}, the rector said.")
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Jilin University", "Fudan University"}


# --- people who did not sign

@pytest.mark.parametrize("text", [
    "Professor Chen Yu held talks with Professor Zhao Li, President of Peking University, and signed an agreement "
    "with Peking University.",
    "Professor Chen Yu signed an agreement with Peking University, according to Professor Zhao Li.",
    "“We signed an agreement with Peking University,” explained Professor Zhao Li.",
])
def test_people_in_talks_or_quoted_did_not_sign(text):
    rows = extract_rows("Professor Chen Yu is President of Fudan University. " + text)
    signers = signer_names(rows, "signatory")
    assert "Zhao Li" not in signers


# --- instruments without a signing verb in the clause

def test_instruments_listed_under_a_head():
    rows = extract_rows("Fudan University and Jilin University signed three documents on Monday, among them:\n\n"
                "A memorandum of understanding on student exchange.\n\n"
                "A work plan for joint research in 2021 and 2022.\n\n"
                "The rector thanked the guests.")
    kinds = sorted(a["agreement_type"] for a in rows["agreements"])
    assert kinds == ["memorandum_of_understanding", "other"]
    for a in rows["agreements"]:
        assert party_names(rows, a) == {"Fudan University", "Jilin University"}
        assert a["status"] == "signed"


@pytest.mark.parametrize("text", [
    "The minister praised Fudan University for reaching a partnership agreement with Jilin University.",
    "The Ministry of Education congratulated Fudan University for reaching an agreement with Jilin University.",
])
def test_praised_for_reaching_an_agreement(text):
    rows = extract_rows(text)
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Fudan University", "Jilin University"}


@pytest.mark.parametrize("cue", ["In accordance with", "Pursuant to"])
def test_an_agreement_in_force_named_without_a_verb(cue):
    rows = extract_rows(f"{cue} the Cooperation Arrangement between Fudan University and Jilin University, twenty students "
                "will move between the campuses.")
    (a,) = rows["agreements"]
    assert (a["agreement_type"], a["status"]) == ("arrangement", "reported")
    assert party_names(rows, a) == {"Fudan University", "Jilin University"}


@pytest.mark.parametrize("noun, kind", [("a work plan", "other"), ("a roadmap", "other"),
                                        ("an action plan", "other"), ("a protocol", "cooperation_agreement")])
def test_plan_like_instruments_as_the_object_of_signing(noun, kind):
    rows = extract_rows(f"Fudan University and Jilin University signed {noun} on Tuesday.")
    (a,) = rows["agreements"]
    assert a["agreement_type"] == kind
    assert party_names(rows, a) == {"Fudan University", "Jilin University"}


@pytest.mark.parametrize("text", [
    "Fudan University and Jilin University launched a plan to recruit more engineers.",
    "Fudan University published a document on campus safety, Jilin University said.",
    "Fudan University has a plan to sign more partners, said Jilin University.",
])
def test_plans_and_documents_that_are_no_instrument(text):
    assert extract_rows(text)["agreements"] == []


def test_the_document_signed_is_the_instrument_just_reported():
    rows = extract_rows("Fudan University and the People's Government of Jilin Province signed a letter of intent. "
                "Professor Chen Yu, President of Fudan University, and Mr Zhao Li, Director of the Department of "
                "Education of Jilin Province, signed the document on behalf of the two sides.")
    (a,) = rows["agreements"]
    assert a["agreement_type"] == "letter_of_intent"
    assert party_names(rows, a) == {"Fudan University", "Jilin Provincial Government"}
    assert signer_names(rows, "signatory") == {"Chen Yu", "Zhao Li"}


# --- background and the future are no records

@pytest.mark.parametrize("text", [
    "Fudan University has signed cooperation agreements with more than 30 universities since 2015.",
    "Jilin University has inked agreements with over 40 partners so far.",
    "To date, Fudan University has signed memoranda of understanding with dozens of institutions abroad.",
])
def test_a_tally_of_past_agreements_is_background(text):
    assert extract_rows(text)["agreements"] == []


def test_since_the_signing_of_their_first_agreement_is_reported_between_the_two_sides():
    rows = extract_rows("Fudan University and Jilin University held a joint forum in Changchun on 3 March. "
                "Since the signing of their first cooperation agreement in 2012, the two sides have achieved results "
                "in joint training between Shanghai and Changchun.")
    (a,) = rows["agreements"]
    assert a["status"] == "reported"
    assert party_names(rows, a) == {"Fudan University", "Jilin University"}


@pytest.mark.parametrize("text", [
    "Shanghai will continue to join hands with Changchun to train engineers.",
    "Fudan University would further join hands with Jilin University in future.",
])
def test_joining_hands_to_come_is_no_record(text):
    assert extract_rows(text)["agreements"] == []


def test_a_partnership_established_by_the_parties_of_a_memorandum_is_that_memorandum():
    rows = extract_rows("Fudan University signed a memorandum of understanding with Jilin University on Monday. "
                "The two universities have now established a strategic partnership and will exchange staff.")
    (a,) = rows["agreements"]
    assert a["agreement_type"] == "memorandum_of_understanding"
    assert party_names(rows, a) == {"Fudan University", "Jilin University"}


# --- where it was signed

@pytest.mark.parametrize("text", [
    "Professor Chen Yu of Fudan University was in Changchun last week to sign an agreement with Jilin University.",
    "Professor Chen Yu of Fudan University travelled to Changchun in February to sign a memorandum with Jilin "
    "University.",
])
def test_a_stay_to_sign_is_a_signing_there(text):
    rows = extract_rows(text)
    (a,) = rows["agreements"]
    assert a["status"] == "signed"
    assert place_name(rows, a) == "Changchun"
    assert signer_names(rows, "signatory") == {"Chen Yu"}


def test_who_will_travel_to_sign_has_not_signed():
    rows = extract_rows("Professor Chen Yu of Fudan University will travel to Changchun next week to sign an agreement with "
                "Jilin University.")
    (a,) = rows["agreements"]
    assert a["status"] == "planned"


@pytest.mark.parametrize("visit", ["visited Jilin University on 3 March", "paid a visit to Jilin University last week",
                                   "was on a visit to Jilin University in early March"])
def test_a_visit_told_as_past_to_sign_is_a_signing_by_the_visitor_and_the_host(visit):
    rows = extract_rows(f"Anna Berg, Rector of Lund University, {visit} to sign a memorandum of understanding with "
                        "Professor Zhang Hua, President of Jilin University.")
    (a,) = rows["agreements"]
    assert a["status"] == "signed"
    assert party_names(rows, a) == {"Lund University", "Jilin University"}
    assert signer_names(rows, "signatory") == {"Anna Berg", "Zhang Hua"}


@pytest.mark.parametrize("visit", ["will visit Jilin University next week",
                                   # a past visit with another aim or time between it and the signing
                                   "who visited Jilin University last year, hopes",
                                   "has never visited Jilin University, but hopes",
                                   "visited Jilin University on 3 March to prepare",
                                   "visited Jilin University, hoping",
                                   "was in Changchun in an effort"])
def test_a_visit_to_come_or_for_another_aim_to_sign_is_a_plan_with_no_signer(visit):
    rows = extract_rows(f"Anna Berg, Rector of Lund University, {visit} to sign a memorandum of understanding with "
                        "Professor Zhang Hua, President of Jilin University.")
    (a,) = rows["agreements"]
    assert a["status"] == "planned"
    assert signer_names(rows, "signatory") == set()


def test_an_upper_case_dateline_after_a_label():
    rows = extract_rows("date 2021-03-04 CHANGCHUN, March 4 - Jilin University and Fudan University signed an agreement "
                "on Thursday.")
    (a,) = rows["agreements"]
    assert place_name(rows, a) == "Changchun"


def test_a_paragraph_opening_on_a_place_sets_the_scene():
    rows = extract_rows("Professor Chen Yu of Fudan University toured Europe in May.\n\n"
                "In Portugal, Chen met the rector of the University of Lisbon.\n\n"
                "Chen also held talks with students, and signed an agreement with the University of Lisbon.")
    (a,) = rows["agreements"]
    assert place_name(rows, a) == "Portugal"
