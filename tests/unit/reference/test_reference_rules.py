"""Every rules file is validated on load against the keys it may hold and their shapes: a trigger word
YAML reads as a boolean or a number would never match, and a misspelt key would switch a rule off
without a word, so either stops the run with the file and key. The rulebook is built from the folder
it is given, so another folder's rules are another rulebook."""
import shutil

import pytest
import yaml

from pipeline.core.phrases import rule_regex
from pipeline.core.reference import (
    DEFAULT_REFERENCE_DIR,
    RULE_FILES,
    ReferenceDataError,
    derived,
    load_rulebook,
)


def _edited_copy(tmp_path, name: str, edit) -> object:
    ref = tmp_path / "reference"
    shutil.copytree(DEFAULT_REFERENCE_DIR, ref)
    path = ref / name
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return ref


def _replace_line(key: str, new: str):
    return lambda text: "\n".join(new if line.startswith(f"{key}:") else line for line in text.splitlines()) + "\n"


@pytest.mark.parametrize("bad_line", [
    "name_connectors: [of, and, on]",      # bare `on` is a YAML boolean
    "name_connectors: [of, and, 12]",      # a number
    "name_connectors: [of, and, null]",    # nothing
    "name_connectors: of and on",          # a string where a list belongs
])
def test_non_phrases_are_rejected_with_their_key(tmp_path, bad_line):
    ref = _edited_copy(tmp_path, "extraction.yaml", _replace_line("name_connectors", bad_line))
    with pytest.raises(ReferenceDataError, match="name_connectors"):
        load_rulebook(ref)


@pytest.mark.parametrize(("name", "extra"), [
    ("extraction.yaml", "signing_verb: [signed]"),      # a misspelt key: the rule would silently be off
    ("titles.yaml", "honorific: [Dr]"),
    ("names.yaml", "surnames: [Wang]"),
])
def test_unknown_keys_are_rejected(tmp_path, name, extra):
    ref = _edited_copy(tmp_path, name, lambda text: text + f"\n{extra}\n")
    with pytest.raises(ReferenceDataError, match=f"{name}: unknown key"):
        load_rulebook(ref)


def _without(key: str):
    return lambda text: yaml.safe_dump({k: v for k, v in yaml.safe_load(text).items() if k != key})


def _with(key: str, value):
    return lambda text: yaml.safe_dump({**yaml.safe_load(text), key: value})


def test_a_missing_required_key_is_named(tmp_path):
    ref = _edited_copy(tmp_path, "extraction.yaml", _without("signing_verbs"))
    with pytest.raises(ReferenceDataError, match="missing signing_verbs"):
        load_rulebook(ref)


def test_furniture_and_languages_are_checked_when_read(tmp_path):
    ref = _edited_copy(tmp_path, "languages.yaml", lambda text: text + "\nscript: {}\n")
    rules = load_rulebook(ref)  # the extraction rules are fine; languages.yaml is read by the ingest stage
    with pytest.raises(ReferenceDataError, match="languages.yaml: unknown key"):
        rules.rules_file("languages.yaml")


def test_every_rules_file_of_the_project_is_declared():
    declared = set(RULE_FILES)
    shipped = {p.name for p in DEFAULT_REFERENCE_DIR.glob("*.yaml")}
    assert shipped == declared
    rules = load_rulebook(DEFAULT_REFERENCE_DIR)
    for name in declared:
        assert rules.rules_file(name)


def test_another_folder_is_another_rulebook(tmp_path):
    ref = _edited_copy(tmp_path, "extraction.yaml", _with("signing_verbs", ["autographed"]))
    ours, theirs = load_rulebook(DEFAULT_REFERENCE_DIR), load_rulebook(ref)
    assert ours.digest != theirs.digest
    assert rule_regex(theirs, "signing_verbs").search("They autographed the deal")
    assert not rule_regex(ours, "signing_verbs").search("They autographed the deal")


def test_derived_values_are_kept_per_rulebook(tmp_path):
    calls = []

    @derived
    def verb_count(rules):
        calls.append(rules.directory)
        return len(rules.rules["signing_verbs"])

    ref = _edited_copy(tmp_path, "extraction.yaml", _with("signing_verbs", ["autographed"]))
    ours, theirs = load_rulebook(DEFAULT_REFERENCE_DIR), load_rulebook(ref)
    assert verb_count(theirs) == 1 and verb_count(theirs) == 1
    assert verb_count(ours) > 1
    assert calls == [theirs.directory, ours.directory]
