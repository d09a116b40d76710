"""'A and B pose for a photo after signing an MoU': the subject of "after signing" signed; a report dated only by its
dateline tells the news day, so a caption's signing the day before is the same one (issue 15), on sentences written
for these tests."""
import datetime as dt

import pytest

from tests.unit.fact_rows import extract_rows, party_names, signer_names


@pytest.mark.parametrize("caption", [
    "Rector Tan Wei of Fudan University and President Amara Okafor of the University of Lagos pose for a photo after "
    "signing a memorandum of understanding in Lagos.",
    "Professor Tan Wei, president of Fudan University, and Professor Amara Okafor, vice-chancellor of the University "
    "of Lagos, shake hands after inking a cooperation agreement.",
])
def test_the_subject_of_after_signing_signed(caption):
    rows = extract_rows(caption)
    told = [(party_names(rows, a), signer_names(rows, "signatory", a)) for a in rows["agreements"]]
    assert told == [({"Fudan University", "University of Lagos"}, {"Tan Wei", "Amara Okafor"})]


def test_after_signing_a_meeting_is_not_a_signer_cue():
    rows = extract_rows("Fudan University and the University of Lagos signed a memorandum of understanding. After the "
                        "ceremony, Professor Tan Wei met students.")
    assert signer_names(rows, "signatory") == set()


@pytest.mark.parametrize("caption_day, body_day", [(23, 24), (24, 24)])
def test_a_caption_day_and_the_dateline_of_the_body_are_one_signing(caption_day, body_day):
    rows = extract_rows(f"Fudan University and the University of Lagos signed a memorandum of understanding in Lagos on "
                        f"Jan. {caption_day}.\n\nLAGOS, Jan. {body_day} -- The University of Lagos has signed a memorandum "
                        "of understanding with Fudan University.", published=dt.date(2025, 1, 25))
    (a,) = rows["agreements"]
    assert a["signed_on"] == dt.date(2025, 1, caption_day)


def test_two_days_apart_with_a_dateline_are_two_signings():
    rows = extract_rows("Fudan University and the University of Lagos signed a memorandum of understanding in Lagos on "
                        "Jan. 20.\n\nLAGOS, Jan. 24 -- The University of Lagos has signed a memorandum of understanding "
                        "with Fudan University.", published=dt.date(2025, 1, 25))
    assert sorted(a["signed_on"] for a in rows["agreements"]) == [dt.date(2025, 1, 20), dt.date(2025, 1, 24)]
