"""A known ministry's name that the text goes on with more of its remit is another ministry (issue 15): "the Ministry
of Education, Culture, Science and Sports", "the Ministry of Natural Resources and Environmental Conservation",
named as written with its country, under that country's government; a body coordinated after the known name stays
its own.

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import org_mentions, recognised


def _orgs(text):
    ents = recognised(text)
    return ents, {name for *_, name in org_mentions(ents)}


@pytest.mark.parametrize("text, name, country", [
    ("The centre was set up with the Laos Ministry of Natural Resources and Environmental Conservation.",
     "Laos Ministry of Natural Resources and Environmental Conservation", "LA"),
    ("An official of Peru's Ministry of Education, Culture, Science and Sports spoke.",
     "Peru's Ministry of Education, Culture, Science and Sports", "PE"),
    ("The Ministry of Education, Science and Sport of Slovenia sent experts.",
     "Ministry of Education, Science and Sport of Slovenia", "SI"),
    ("Officials of the Ghanaian Ministry of Water Supply and Drainage attended.",
     "Ghanaian Ministry of Water Supply and Drainage", "GH"),
])
def test_a_known_ministry_with_more_remit_is_another_ministry(text, name, country):
    ents, names = _orgs(text)
    assert name in names
    org = next(o for o in ents.orgs.values() if o.canonical_name == name)
    assert (org.org_type, org.country_code) == ("government_department", country)


@pytest.mark.parametrize("text, names", [
    ("The Ministry of Education and Tsinghua University signed it.", {"Ministry of Education", "Tsinghua University"}),
    ("The Ministry of Education and Peking University and the Ministry of Science and Technology met.",
     {"Ministry of Education", "Peking University", "Ministry of Science and Technology"}),
    ("The Ministry of Commerce and Huawei Technologies Co., Ltd. met.",
     {"Ministry of Commerce", "Huawei Technologies Co., Ltd."}),
])
def test_a_body_after_a_known_ministry_stays_its_own(text, names):
    assert _orgs(text)[1] == names
