"""Witnesses named in a passive sentence of their own, the day an undated signing of a visit took place, and a
body date that corrects the dateline (issue 15, classes 3 and 7), on sentences written for these tests."""
import datetime as dt

import pytest

from tests.unit.fact_rows import extract_rows, party_names, signer_names


@pytest.mark.parametrize("witnessed", [
    "The signing was witnessed by Professor Chen Yu, Vice President of Fudan University; and Mr Zhao Li, Director "
    "of the Jilin Provincial Department of Education.",
    "The signing ceremony was witnessed by Professor Chen Yu (back, left) and Mr Zhao Li (back, right).",
    "The ceremony was witnessed by Professor Chen Yu and Mr Zhao Li, among other guests.",
])
def test_witnesses_in_a_passive_sentence_of_their_own(witnessed):
    rows = extract_rows("Professor Wang Tao of Fudan University and Professor Liu Bo of Jilin University signed a "
                        "memorandum of understanding on joint research. " + witnessed)
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Fudan University", "Jilin University"}
    assert signer_names(rows, "signatory") == {"Wang Tao", "Liu Bo"}
    assert signer_names(rows, "witness") == {"Chen Yu", "Zhao Li"}


def test_a_passive_witness_sentence_with_no_signing_before_makes_nothing():
    rows = extract_rows("The opening was witnessed by Professor Chen Yu and Mr Zhao Li.")
    assert rows["agreements"] == []


@pytest.mark.parametrize("lead, day", [
    ("A delegation led by Professor Wang Tao visited Norway and Finland from May 12 to 19.", dt.date(2021, 5, 12)),
    ("Professor Wang Tao, president of Fudan University, was invited to visit Norway on 3 June.",
     dt.date(2021, 6, 3)),
    ("Professor Wang Tao toured three Nordic universities in early June 2021.", dt.date(2021, 6, 1)),
    # a delegation's trip told with no visit verb
    ("Professor Wang Tao, President of Fudan University, led a delegation to Norway from May 18 to 26.",
     dt.date(2021, 5, 18)),
    ("In March 2021, a delegation of Fudan University headed by Professor Wang Tao went to Oslo.", dt.date(2021, 3, 1)),
    ("Professor Wang Tao headed a high-level delegation to Norway on 9 June.", dt.date(2021, 6, 9)),
])
def test_an_undated_signing_in_the_story_of_a_visit_takes_the_visit_date(lead, day):
    rows = extract_rows(lead + " In Oslo, he met the rector of the University of Oslo. Fudan University and the "
                        "University of Oslo signed an agreement on student exchange.", published=dt.date(2021, 7, 20))
    (a,) = rows["agreements"]
    assert a["signed_on"] == day


@pytest.mark.parametrize("lead, day", [
    ("A delegation of Fudan University will go to Oslo on 9 October.", None),
    # an earlier trip told as background: the signing is the news day's
    ("Since Professor Wang Tao first led a delegation to Norway in 2015, the two universities have worked closely.",
     dt.date(2021, 7, 20)),
    ("The delegation's last trip to Norway was in 2018.", dt.date(2021, 7, 20)),
])
def test_a_trip_to_come_or_told_as_background_dates_no_signing(lead, day):
    rows = extract_rows(lead + " Fudan University and the University of Oslo signed an agreement on student exchange.",
                        published=dt.date(2021, 7, 20))
    (a,) = rows["agreements"]
    assert a["signed_on"] == day


def test_a_date_in_a_lead_that_reports_no_visit_dates_no_signing():
    rows = extract_rows("The forum opened on May 12. Fudan University and the University of Oslo signed an "
                        "agreement on student exchange.", published=dt.date(2021, 7, 20))
    (a,) = rows["agreements"]
    assert a["signed_on"] is None


@pytest.mark.parametrize("today", ["today (20th)", "on Wednesday (20 October)"])
def test_a_body_day_corrects_the_dateline(today):
    rows = extract_rows(f"SHANGHAI, October 21 - Fudan University held a working meeting {today} with the University "
                        "of Oslo. The two sides renewed the memorandum of understanding.",
                        published=dt.date(2021, 10, 21))
    (a,) = rows["agreements"]
    assert a["signed_on"] == dt.date(2021, 10, 20)


def test_a_page_label_is_no_visit_lead():
    rows = extract_rows("Rector Visits Norway\n\nAuthor: [Time]:2021-07-19 [Visit]:\n\nFrom 12 to 19 May 2021, Professor "
                        "Wang Tao led a delegation to visit Norway. Fudan University and the University of Oslo signed "
                        "an agreement on student exchange.", published=None)
    (a,) = rows["agreements"]
    assert a["signed_on"] == dt.date(2021, 5, 12)


@pytest.mark.parametrize("purpose, activity", [
    ("to deepen research cooperation in marine science", "joint_research"),
    ("to strengthen their research partnerships in materials", "joint_research"),
    ("covering cooperation in scientific research and teaching", "joint_research"),
    ("to support the joint training of doctoral students", "talent_development"),
    ("including the joint cultivation of postgraduates", "talent_development"),
    ("to launch a doctoral training programme", "talent_development"),
])
def test_activities_stated_in_other_words(purpose, activity):
    rows = extract_rows(f"Fudan University signed a memorandum of understanding with Jilin University {purpose}.")
    assert activity in {r["activity"] for r in rows["agreement_activities"]}


@pytest.mark.parametrize("text, date", [
    ("A delegation from Lakeside University called on Riverside University on Tuesday, 20 June 2017, to discuss the "
     "memorandum of understanding they signed in October 2015.", "2015-10-01"),
    ("On Monday, 5 March 2018, Lakeside University and Riverside University signed on 12 February 2018 a memorandum of "
     "understanding on soil science.", "2018-02-12"),
    ("On 3 May 2021 Lakeside University and Riverside University signed an agreement on marine science.", "2021-05-03"),
])
def test_the_date_the_signing_verb_takes_is_the_agreement_s(text, date):
    assert [str(a["signed_on"]) for a in extract_rows(text)["agreements"]] == [date]


def test_a_headline_signing_and_the_body_s_signing_yesterday_are_one():
    text = ("Lakeside University and Yunnan sign framework agreement\n\nA framework agreement was signed yesterday in "
            "Kunming by Lakeside University and the People's Government of Yunnan Province.")
    rows = extract_rows(text, published=dt.date(2019, 11, 8))
    assert [str(a["signed_on"]) for a in rows["agreements"]] == ["2019-11-07"]
