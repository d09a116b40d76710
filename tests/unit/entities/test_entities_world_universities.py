"""The broad world list of universities (world_universities.csv) beside the curated organizations.csv (issue 15).

Every sentence here is written for these tests; the names are real institutions of the list.
"""
import csv

import pytest

from pipeline.core.reference import DEFAULT_REFERENCE_DIR, ReferenceDataError, load_rulebook, load_world_universities
from tests.support.rules import default_rulebook
from tests.unit.entity_rows import recognised


def _orgs(text):
    ents = recognised(text)
    return {o.canonical_name: o for o in ents.orgs.values()}


@pytest.mark.parametrize("text, name, country", [
    ("Wollo University signed a memorandum with the Chinese side on Monday.", "Wollo University", "ET"),
    ("A delegation from Soongsil University visited the campus last week.", "Soongsil University", "KR"),
    ("The institute will train engineers with the Universidad Centro Occidental Lisandro Alvarado.",
     "Universidad Centro Occidental Lisandro Alvarado", "VE"),
    ("Researchers of Otto-Friedrich Universität Bamberg and their hosts opened a joint centre.",
     "Otto-Friedrich Universität Bamberg", "DE"),
    ("The agreement names Yugra State University as the second party.", "Yugra State University", "RU"),
])
def test_a_university_known_only_from_the_list_is_recognised_with_its_country(text, name, country):
    orgs = _orgs(text)
    assert name in orgs
    assert orgs[name].country_code == country
    assert orgs[name].org_type == "university"


def test_the_list_gives_a_region_where_the_projects_places_settle_it():
    orgs = _orgs("Students of Sheffield Hallam University arrived in Wuhan.")
    assert orgs["Sheffield Hallam University"].region_code == "GB-ENG"


@pytest.mark.parametrize("text, words", [
    ("She studied at an open university before joining the lab.", "open university"),
    ("The American university system was discussed at length.", "American university"),
    ("A national university of science and technology will be founded.", "national university"),
    ("They praised the liberty university students enjoy there.", "liberty university"),  # listed: "Liberty University"
])
def test_ordinary_words_are_no_listed_name(text, words):
    assert not any(words.lower() in n.lower() for n in _orgs(text)), words


def test_a_listed_name_of_ordinary_words_counts_written_as_a_name():
    assert _orgs("Liberty University signed the memorandum.")["Liberty University"].country_code == "US"


@pytest.mark.parametrize("name", ["Open University", "National University", "State University", "Eastern University",
                                  "Institute of Physics", "National Institute of Technology", "Berlin", "Chile"])
def test_ambiguous_short_names_are_not_in_the_list(name):
    listed = {o.canonical_name.lower() for o in default_rulebook().organizations if o.listed}
    assert name.lower() not in listed


@pytest.mark.parametrize("text, name, acronym", [
    ("KAIST and the Chinese academy signed an agreement.", "Korea Advanced Institute of Science and Technology",
     "KAIST"),
    ("The Universidad de Chile hosted the signing.", "University of Chile", None),
    ("Technische Universität Berlin joined the consortium.", "Technical University of Berlin", "TU Berlin"),
])
def test_the_curated_row_wins(text, name, acronym):
    orgs = _orgs(text)
    assert name in orgs
    assert orgs[name].acronym == acronym
    assert not any(o.listed for o in default_rulebook().organizations if o.canonical_name == name)


def test_no_listed_name_repeats_a_curated_name():
    rules = default_rulebook()
    curated = {n.lower() for o in rules.organizations if not o.listed
               for n in (o.canonical_name, *o.aliases, *([o.acronym] if o.acronym else []))}
    listed = [n for o in rules.organizations if o.listed for n in (o.canonical_name, *o.aliases)]
    assert len(listed) > 5000
    assert not [n for n in listed if n.lower() in curated]


@pytest.mark.parametrize("text, name", [
    # invented places, in no list: the name grammar alone
    ("A delegation of the University of Bandar es Mawar arrived on Tuesday.", "University of Bandar es Mawar"),
    ("The Federal University of Vila do Campo sent three professors.", "Federal University of Vila do Campo"),
    ("Teachers of the State University of Porto de Lagoa signed it.", "State University of Porto de Lagoa"),
    # and one of the list, written with the particle in lower case where the list capitalises it
    ("Researchers of the University of Dar es Salaam arrived on Tuesday.", "University of Dar Es Salaam"),
])
def test_a_particle_inside_the_place_a_university_is_of_stays_in_the_name(text, name):
    assert name in _orgs(text)


@pytest.mark.parametrize("text, name", [
    ("Professors of the University of Leeds in England met on Monday.", "University of Leeds"),
    ("Staff of the University of Lisbon es well known.", "University of Lisbon"),  # no capital after the particle
])
def test_a_particle_joins_only_between_capitalised_words(text, name):
    assert name in _orgs(text)


def _write(folder, rows):
    with (folder / "world_universities.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["canonical_name", "org_type", "region_code", "country_code", "aliases", "domain"])
        writer.writerows(rows)


@pytest.mark.parametrize("row, message", [
    (["Example University of Somewhere", "university", "", "XX", "", "example.xx"], "line 2: unknown country_code"),
    (["Example University of Somewhere", "ministry", "", "FR", "", "example.fr"], "line 2: org_type"),
    (["Example University of Somewhere", "university", "DE-BE", "FR", "", "example.fr"], "line 2: region_code"),
    (["", "university", "", "FR", "", "example.fr"], "line 2: empty or repeated name"),
    (["Example University", "university", "", "FR", "Victoria|Example Univ", "example.fr"], "line 2: a name of one word"),
])
def test_a_bad_row_stops_the_run_with_file_and_row(tmp_path, row, message):
    _write(tmp_path, [row])
    with pytest.raises(ReferenceDataError, match=f"world_universities.csv {message}"):
        load_world_universities(tmp_path, [])


def test_a_repeated_name_stops_the_run(tmp_path):
    _write(tmp_path, [["Example University", "university", "", "FR", "", "a.fr"],
                      ["example university", "university", "", "FR", "", "b.fr"]])
    with pytest.raises(ReferenceDataError, match="world_universities.csv line 3"):
        load_world_universities(tmp_path, [])


def test_the_project_folder_loads():
    assert load_rulebook(DEFAULT_REFERENCE_DIR).org_by_name["Wollo University"].listed


@pytest.mark.parametrize("text, longer, listed", [
    ("The Wollo University of Mining and Geology signed the memorandum.", "Wollo University of Mining and Geology",
     "Wollo University"),
    ("Soongsil University of Arts and Design hosted the delegation.", "Soongsil University of Arts and Design",
     "Soongsil University"),
])
def test_a_listed_name_that_begins_a_longer_name_is_neither_its_parent_nor_named(text, longer, listed):
    orgs = _orgs(text)
    assert orgs[longer].parent is None
    assert listed not in orgs
