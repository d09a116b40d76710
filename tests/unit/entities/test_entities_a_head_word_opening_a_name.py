"""A head word that also names a field ("Electronics", "Solutions", "Pharmaceuticals") at the start of a longer name is
its first word, not a bare name of its own that cuts the rest off (name_shapes.NameShapes._split)."""
import pytest

from tests.unit.entity_rows import org_names, recognised


@pytest.mark.parametrize("text, name", [
    ("The protocol between the Electronics Research Institute of Ghana and Fudan University was signed.",
     "Electronics Research Institute of Ghana"),
    ("Pharmaceuticals Research Institute of Hebei Province signed the contract.",
     "Pharmaceuticals Research Institute of Hebei Province"),
    ("They toured the Technologies Transfer Institute of Jiangsu.", "Technologies Transfer Institute of Jiangsu"),
])
def test_a_head_word_opens_the_name(text, name):
    assert name in org_names(recognised(text))


def test_a_head_word_alone_is_still_no_name():
    assert org_names(recognised("Electronics and textiles were shown at the fair.")) == set()
