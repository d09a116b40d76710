"""The field-of-science lexicon: shape, coverage of all 42 FOS codes, and the mappings the gold fixes.

Every predicted domain that is not a stated field is a false positive, so the lexicon must stay broad
(hundreds of specific phrases) without ever containing a bare generic word.
"""
import collections
import csv
from pathlib import Path

import pytest

REFERENCE = Path(__file__).resolve().parents[3] / "pipeline" / "reference"

GENERIC_WORDS = {"development", "industry", "technology", "innovation", "science", "engineering", "research",
                 "education", "energy", "health", "culture", "economy", "management", "cooperation"}

FIXED = {
    "advanced engineering materials": "2.5",
    "new materials": "2.5",
    "food safety": "2.11",
    "bioengineering technologies": "2.9",
    "bioengineering": "2.9",
    "virtual reality": "1.2",
    "blockchain": "1.2",
    "block chain": "1.2",
    "creative media": "5.8",
    "special education": "5.3",
    "rehabilitation": "3.3",
    "cultural heritage": "6.1",
    "steel construction": "2.1",
    "chirosciences": "1.4",
    "ultra-precision machining technology": "2.3",
    "ultra-precision machining": "2.3",
    "rail transit electrification and automation": "2.2",
    "rail transit electrification": "2.2",
    "agricultural technology": "4.1",
    "low-e glass": "2.5",
    "engineering education": "5.3",
}


def _read(name):
    with open(REFERENCE / name, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        return header, [row for row in reader]


@pytest.fixture(scope="module")
def codes():
    _, rows = _read("domains.csv")
    return [r[0] for r in rows]


@pytest.fixture(scope="module")
def lexicon():
    header, rows = _read("domain_lexicon.csv")
    assert header == ["phrase", "domain_id", "note"]
    assert all(len(r) == 3 for r in rows)
    return rows


def test_domains_csv_has_42_codes(codes):
    assert len(codes) == len(set(codes)) == 42


def test_every_domain_id_is_a_fos_code(lexicon, codes):
    unknown = {r[1] for r in lexicon} - set(codes)
    assert not unknown


def test_phrases_lower_case_stripped_unique(lexicon):
    phrases = [r[0] for r in lexicon]
    assert all(p and p == p.strip().lower() and "  " not in p for p in phrases)
    dupes = [p for p, n in collections.Counter(phrases).items() if n > 1]
    assert not dupes


def test_coverage(lexicon, codes):
    counts = collections.Counter(r[1] for r in lexicon)
    assert len(lexicon) >= 700
    thin = {c: counts[c] for c in codes if counts[c] < 8}
    assert not thin


def test_no_generic_single_words(lexicon):
    """A generic word may be in the lexicon only as a broad phrase, which counts only in a list of fields."""
    from tests.support.rules import default_rulebook
    broad = set(default_rulebook().rules["domain_broad_phrases"])
    assert not (GENERIC_WORDS & {r[0] for r in lexicon}) - broad


def test_every_broad_phrase_is_a_lexicon_phrase(lexicon):
    """The gate reads the broad words off the lexicon: one missing from it would gate nothing."""
    from tests.support.rules import default_rulebook
    broad = set(default_rulebook().rules["domain_broad_phrases"])
    assert not broad - {r[0] for r in lexicon}


@pytest.mark.parametrize("phrase, code", sorted(FIXED.items()))
def test_fixed_mappings(lexicon, phrase, code):
    assert dict((r[0], r[1]) for r in lexicon).get(phrase) == code
