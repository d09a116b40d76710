"""Who leads a delegation told by its members or its head: "a delegation consisting of X, ...", "comprising X",
"which was composed of X" (the first named leads, as in "a group including X"), and a later sentence that names
only the head of "the delegation" ("Head of the delegation, Professor X, said ..."), which belongs to the visit
told before. Sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, visits


@pytest.mark.parametrize("text, expected", [
    ("A delegation consisting of Mr. Tomas Novak, Deputy Minister of Education of the Czech Republic, and ten "
     "professors arrived in Astana.",
     ("Tomas Novak", "Ministry of Education of the Czech Republic", "Astana")),
    ("A delegation comprising Dr. Lena Fischer, Vice-Rector of Heidelberg University, and two deans visited Zhejiang "
     "University.",
     ("Lena Fischer", "Heidelberg University", "Zhejiang University")),
    ("The delegation, which was composed of Professor Omar Haddad of Cairo University and three researchers, visited "
     "Wuhan University.",
     ("Omar Haddad", "Cairo University", "Wuhan University")),
    # a head named in a later sentence leads the visit told before
    ("A delegation of 12 university leaders from Ghana is visiting universities in China this week. Head of the "
     "delegation, Professor Kofi Mensah, said the tour would help.",
     ("Kofi Mensah", "Ghana", "China")),
    ("A high-level delegation of eight officials is touring factories in Vietnam. Leader of the delegation, Mr. Arjun "
     "Rao, told reporters that the visit was useful.",
     ("Arjun Rao", None, "Vietnam")),
    ("Nankai University received a delegation from Kyoto University. Head of the delegation, Professor Aiko Tanaka, "
     "praised the campus.",
     ("Aiko Tanaka", "Kyoto University", "Nankai University")),
])
def test_the_first_member_or_the_head_named_leads(text, expected):
    assert visits(extract_rows(text)) == [expected]
