"""The rules file (extraction.yaml) is validated on load: a trigger word YAML reads as a boolean or a
number would never match, so it must stop the run with the file and key."""
import shutil

import pytest

from pipeline.core.reference import REFERENCE_DIR, ReferenceDataError, load_reference


@pytest.mark.parametrize("bad_line", [
    "name_connectors: [of, and, on]",      # bare `on` is a YAML boolean
    "name_connectors: [of, and, 12]",      # a number
    "name_connectors: [of, and, null]",    # nothing
])
def test_non_string_phrases_are_rejected_with_their_key(tmp_path, bad_line):
    ref = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, ref)
    rules = ref / "extraction.yaml"
    text = rules.read_text(encoding="utf-8")
    lines = [bad_line if line.startswith("name_connectors:") else line for line in text.splitlines()]
    rules.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="name_connectors"):
        load_reference(ref)


def test_the_shipped_rules_are_all_phrases():
    rules = load_reference().rules
    assert "on" in rules["name_connectors"]
