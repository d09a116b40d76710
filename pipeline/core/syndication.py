"""Syndicated copies: link the documents that carry the same story, so counts of reports count stories.

At archive scale one wire story appears on many sites, each copy with its own headline, byline, dateline
and page furniture, and each scrape cut at its own length. Copies stay documents (their facts are
provenance), but a count of reporting documents must count independent reports, not copies. This module
finds the copies and names, for each, the group's canonical document (`documents.copy_of`).

What is compared: the *opening* of each document's body, the first `WINDOW_TOKENS` words of
`clean_text` after its headline (furniture is already removed at ingest), as a set of `SHINGLE_TOKENS`-word
shingles. The opening, not the whole text, because stored scrapes are cut at 2-3k characters, so two copies
share their beginning but not their length: a copy cut at 2,000 characters has a whole-text Jaccard of
about 0.67 with one cut at 3,000, yet the same opening. A different headline, byline or dateline changes a
few shingles at the edge of the window; a document that quotes one paragraph of another shares at most
that paragraph's shingles (under a third of the window); two stories written from one template differ in
names, places and dates every few words, and each differing word removes five shingles.

The test: two openings are copies when their exact Jaccard similarity is at least `THRESHOLD` (0.8). In the
tests, reprints with another headline, byline or dateline, or cut at 2,000 characters, score 0.90-1.0 (up to
about 25 words of furniture that only one copy has are tolerated: 0.815 at 25, 0.78 at 30); a commentary
quoting the lead paragraph scores 0.08, stories of one template with other facts 0.33, and no two of 2,000
generated stories score above 0.48. Openings shorter than `MIN_SHINGLES` shingles are never linked: a
caption or a one-line brief shares its few words with too many texts to call it a copy.

How it scales: a MinHash signature of `PERMUTATIONS` values per opening, cut into `BANDS` bands of `ROWS`
rows (locality-sensitive hashing). Only documents that agree on a whole band are compared, so the work grows
with the number of documents, not its square. Seven rows a band keep stories that merely share phrasing
apart: a pair at Jaccard 0.45 (templated press releases) is a candidate with probability
1 - (1 - 0.45**7)**32 = 0.11, where four rows would make it 0.74 and the candidates grow with the square of a
templated corpus. The price is at the threshold itself: a pair at exactly 0.8 is a candidate with
probability 0.9995, at 0.85 with 1 - 4e-6, at 0.9 with 1 - 1e-9 (and a copy missed as a pair is still
grouped through any third copy). Candidates are confirmed by their exact Jaccard, which has none of the
estimate's noise at the threshold. Every hash is a function of the document's own text (pandas' fixed-key
SipHash of each word, then fixed multipliers), never of the corpus or the process, and documents are taken
in `document_id` order, so an incremental run links exactly what a full run links. What is held for every
opening at once is a digest of its signature (`digests`: the band keys and each value's low byte, 480 bytes of
the 1,792), so memory grows little with the corpus; the whole signatures, then the shingles, are read from the
per-document store for the candidates left (issue 16: at 50,000 documents the step held 250 MB more, 90 of them
signatures).

Groups are the connected components of confirmed pairs; the canonical document of a group is the one
published first (earliest `published_on`, undated last), then the smallest `document_id`, so the choice
never depends on file order.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

SHINGLE_TOKENS = 5
WINDOW_TOKENS = 250
MIN_SHINGLES = 20
THRESHOLD = 0.8
BANDS = 32
ROWS = 7
PERMUTATIONS = BANDS * ROWS
ESTIMATE_MARGIN = 0.15
DIGEST = np.dtype([("bands", np.uint64, (BANDS,)), ("low_bytes", np.uint8, (PERMUTATIONS,))])  # `digests`
_PAIRS_AT_ONCE = 2_048  # bounded memory: both rows of each pair gathered, 2 x 2,048 x PERMUTATIONS x 8 bytes = 7 MB

# A word is a run of letters and digits; a CJK ideograph or kana is a word by itself (those scripts do not
# space their words), so a Chinese text is shingled by characters.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")
_CHARS_PER_TOKEN = 8  # text enough for the window: English averages about 6 characters a word with its space
_MIX = np.uint64(0x9E3779B97F4A7C15)  # the golden-ratio multiplier: combines word hashes into a shingle hash


def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The MinHash permutations h -> (a * h + b) mod 2**64, fixed by a seeded generator and read-only; each a
    is odd, so each map is a permutation of the 64-bit hashes."""
    a, b = np.random.default_rng(20261206).integers(1, 2**63, size=(2, PERMUTATIONS), dtype=np.uint64)
    a, b = a | np.uint64(1), b.copy()
    a.flags.writeable = b.flags.writeable = False
    return a, b


_MULTIPLIERS, _OFFSETS = _permutations()


def opening(clean_text: str, title: str | None = None) -> list[str]:
    """The first WINDOW_TOKENS words of the body (clean_text after its headline), case-folded."""
    body = clean_text[len(title):] if title and clean_text.startswith(title) else clean_text
    head = body[:WINDOW_TOKENS * _CHARS_PER_TOKEN]
    words = _TOKEN.findall(head.casefold())
    if len(words) <= WINDOW_TOKENS and len(head) < len(body):  # a text of long words: the last may be cut
        words = _TOKEN.findall(body.casefold())
    return words[:WINDOW_TOKENS]


def shingle_sets(openings: Sequence[Sequence[str]]) -> list[np.ndarray]:
    """Each opening's SHINGLE_TOKENS-word shingles as a sorted array of distinct 64-bit hashes.

    The words of all openings are hashed in one call (pandas' SipHash with its fixed key: the same word
    gives the same hash in every process), then every run of SHINGLE_TOKENS word hashes is combined, over all
    openings at once; the runs that cross from one opening into the next are dropped.
    """
    if not openings:
        return []
    sizes = np.array([len(words) for words in openings], dtype=np.intp)
    flat = np.array([w for words in openings for w in words], dtype=object)
    hashed = pd.util.hash_array(flat) if len(flat) else np.zeros(0, dtype=np.uint64)
    count = max(len(hashed) - SHINGLE_TOKENS + 1, 0)
    shingles = np.zeros(count, dtype=np.uint64)
    for k in range(SHINGLE_TOKENS):
        shingles = shingles * _MIX + hashed[k:k + count]
    owner = np.repeat(np.arange(len(sizes)), sizes)[:count]
    inside = np.arange(count) + SHINGLE_TOKENS <= np.cumsum(sizes)[owner]
    owner, shingles = owner[inside], shingles[inside]
    order = np.lexsort((shingles, owner))
    owner, shingles = owner[order], shingles[order]
    first = np.ones(len(shingles), dtype=bool)
    first[1:] = (shingles[1:] != shingles[:-1]) | (owner[1:] != owner[:-1])
    owner, shingles = owner[first], shingles[first]
    return np.split(shingles, np.cumsum(np.bincount(owner, minlength=len(sizes)))[:-1])


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """|a ∩ b| / |a ∪ b| of two sorted arrays of distinct hashes."""
    shared = len(np.intersect1d(a, b, assume_unique=True))
    union = len(a) + len(b) - shared
    return shared / union if union else 0.0


def signatures(sets: Sequence[np.ndarray]) -> np.ndarray:
    """MinHash signatures, one row of PERMUTATIONS values per (non-empty) set.

    All sets are laid end to end, so each permutation is one vectorised multiply-add over every shingle of
    the corpus and one segmented minimum (`np.minimum.reduceat`).
    """
    flat = np.concatenate(sets) if len(sets) else np.zeros(0, dtype=np.uint64)
    starts = np.cumsum([0, *(len(s) for s in sets[:-1])]).astype(np.intp)
    out = np.empty((len(sets), PERMUTATIONS), dtype=np.uint64)
    for k in range(PERMUTATIONS if len(sets) else 0):
        out[:, k] = np.minimum.reduceat(flat * _MULTIPLIERS[k] + _OFFSETS[k], starts)
    return out


def band_keys(sigs: np.ndarray) -> np.ndarray:
    """Each signature's BANDS band keys (a row of BANDS 64-bit values): one hash of the ROWS values of each band,
    so rows agree on a band's key exactly when they agree on its values (but for a 64-bit collision)."""
    keys = np.zeros((len(sigs), BANDS), dtype=np.uint64)
    for band in range(BANDS):
        for value in sigs[:, band * ROWS:(band + 1) * ROWS].T:
            keys[:, band] = keys[:, band] * _MIX + value
    return keys


def digests(sigs: np.ndarray) -> np.ndarray:
    """What `linked_groups` holds of each signature (a row of `sigs`) for every opening at once: its band keys
    (`band_keys`, 8 bytes a band) and the low byte of each value (1 byte a value), 480 bytes where the signature
    is 1,792. The low bytes bound the MinHash estimate from above (values that differ in their low byte differ),
    so they drop most LSH candidates; the whole signatures are then read for the few left (issue 16)."""
    out = np.empty(len(sigs), dtype=DIGEST)
    out["bands"] = band_keys(sigs)
    out["low_bytes"] = (sigs & np.uint64(0xFF)).astype(np.uint8)
    return out


def candidate_pairs(keys: np.ndarray) -> np.ndarray:
    """Pairs of rows (i < j, one pair a row, sorted) that agree on some band's key (`band_keys`): the only pairs
    worth comparing.

    In each band, rows with the same key form a bucket; each member is paired with the bucket's first
    row and with the row before it, so a bucket of n copies gives under 2n pairs, not n squared, and an
    unrelated row that falls in a bucket by chance does not keep the copies in it apart. Each pair is coded as
    one number (i * rows + j) until the pairs of every band are made unique.
    """
    size = len(keys)
    found = [np.zeros(0, dtype=np.int64)]
    rows = np.arange(size)
    for band in range(BANDS if size > 1 else 0):
        key = keys[:, band]
        order = np.lexsort((rows, key))
        same = key[order][1:] == key[order][:-1]  # position p + 1 is in the bucket of position p
        first = np.maximum.accumulate(np.where(np.concatenate([[True], ~same]), rows, 0))
        later = np.flatnonzero(same) + 1
        found += [order[first[later]] * size + order[later], order[later - 1] * size + order[later]]
    return np.column_stack(np.divmod(np.unique(np.concatenate(found)), max(size, 1))).astype(np.intp)


def estimated_jaccard(sigs: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """The MinHash estimate of each pair's Jaccard: the share of signature values the two rows agree on (of the
    values' low bytes, `digests`, an upper bound of it)."""
    out = np.empty(len(pairs))
    for start in range(0, len(pairs), _PAIRS_AT_ONCE):
        chunk = pairs[start:start + _PAIRS_AT_ONCE]
        out[start:start + len(chunk)] = (sigs[chunk[:, 0]] == sigs[chunk[:, 1]]).mean(axis=1)
    return out


Signatures = Callable[[list[int]], np.ndarray]
Shingles = Callable[[list[int]], Mapping[int, np.ndarray]]
Known = Callable[[list[Mapping[str, Any]]], tuple[np.ndarray, np.ndarray, Signatures, Shingles]]


def _components(size: int, edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The connected components of two or more nodes (ascending) of a graph on range(size) (union-find)."""
    parent = list(range(size))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in edges:
        a, b = root(i), root(j)
        parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for node in range(size):
        groups.setdefault(root(node), []).append(node)
    return [g for g in groups.values() if len(g) > 1]


def copy_groups(sets: Sequence[np.ndarray]) -> list[list[int]]:
    """Groups (of two or more indices into `sets`, ascending) whose members are copies of one another: the
    connected components of the pairs whose exact Jaccard is at least THRESHOLD."""
    return linked_groups(*_in_memory(sets, _signed(sets)))


def linked_groups(rows: np.ndarray, digested: np.ndarray, signatures_of: Signatures,
                  shingles_of: Shingles) -> list[list[int]]:
    """`copy_groups` from the digests (`digests`) of the signatures of the openings `rows` (ascending indices:
    those that take part, `_taking_part`), asking `signatures_of` for the whole signatures and `shingles_of` for
    the shingles of the LSH candidates left, so that neither need be held for every opening at once.

    The LSH candidates whose MinHash estimate is ESTIMATE_MARGIN or more below the threshold are dropped
    unexamined: at Jaccard 0.8 the estimate's standard deviation is sqrt(0.8 * 0.2 / PERMUTATIONS) < 0.03, so
    that drops no copy, and it spares the exact comparison of the many stories that only share phrasing. The
    estimate is first bounded from above by the values' low bytes, which drops most candidates, then computed
    from the whole signatures of the rest: the same pairs are dropped as by the whole signatures alone.
    """
    usable = rows.tolist()
    pairs = candidate_pairs(digested["bands"])
    pairs = pairs[estimated_jaccard(digested["low_bytes"], pairs) >= THRESHOLD - ESTIMATE_MARGIN]
    among = np.unique(pairs)
    whole = signatures_of([usable[k] for k in among.tolist()])
    pairs = pairs[estimated_jaccard(whole, np.searchsorted(among, pairs)) >= THRESHOLD - ESTIMATE_MARGIN]
    sets = shingles_of(sorted({usable[k] for k in np.unique(pairs).tolist()}))
    confirmed = [(i, j) for i, j in pairs.tolist() if jaccard(sets[usable[i]], sets[usable[j]]) >= THRESHOLD]
    return [[usable[row] for row in group] for group in _components(len(usable), confirmed)]


def _taking_part(sigs: np.ndarray) -> np.ndarray:
    """The rows of `sigs` (`_signed`'s) whose opening takes part."""
    return np.flatnonzero(sigs.any(axis=1))


def _in_memory(sets: Sequence[np.ndarray], sigs: np.ndarray) -> tuple[np.ndarray, np.ndarray, Signatures, Shingles]:
    """`linked_groups`' arguments from every opening's shingles and signature, held here."""
    rows = _taking_part(sigs)
    return rows, digests(sigs[rows]), lambda indices: sigs[indices], lambda indices: {i: sets[i] for i in indices}


def _signed(sets: Sequence[np.ndarray]) -> np.ndarray:
    """One MinHash signature per set, a row of zeros for a set under MIN_SHINGLES shingles (never compared)."""
    usable = [i for i, s in enumerate(sets) if len(s) >= MIN_SHINGLES]
    sigs = np.zeros((len(sets), PERMUTATIONS), dtype=np.uint64)
    sigs[usable] = signatures([sets[i] for i in usable])
    return sigs


def _published_key(doc: Mapping[str, Any]) -> tuple[bool, int, str]:
    """Sort key of the canonical choice: dated before undated, earliest first, then the smallest id."""
    day = doc.get("published_on")
    if day is None or pd.isna(day):
        return True, 0, doc["document_id"]
    return False, pd.Timestamp(day).value, doc["document_id"]


def fingerprints(documents: Sequence[Mapping[str, Any]]) -> tuple[list[np.ndarray], np.ndarray]:
    """Each document's opening shingles and its MinHash signature (a row of zeros for an opening under
    MIN_SHINGLES, which is never compared). Both are functions of the document's own text and title, so
    they can be kept from one run to the next (the per-document store keeps them)."""
    sets = shingle_sets([opening(d["clean_text"], d.get("title")) for d in documents])
    return sets, _signed(sets)


def computed(documents: list[Mapping[str, Any]]) -> tuple[np.ndarray, np.ndarray, Signatures, Shingles]:
    """`copy_links`' default `known`: every document's fingerprints computed from its text."""
    return _in_memory(*fingerprints(documents))


def copy_links(documents: Iterable[Mapping[str, Any]], known: Known = computed) -> dict[str, str]:
    """document_id -> document_id of its group's canonical document, for every copy (canonical documents and
    documents without copies are absent).

    Each document is a mapping with `document_id`, `clean_text`, `title` and `published_on` (a date,
    datetime, Timestamp or None), as the documents table holds them. `known` gives, for the documents in the
    order given, the indices of those whose opening takes part (ascending), their signatures (a row each, as
    `fingerprints` gives them) and a function from indices to their shingles (`computed`, or the store's kept
    ones).
    """
    docs = sorted(documents, key=lambda d: d["document_id"])  # the same candidates whatever the input order
    links = {}
    for group in linked_groups(*known(docs)):
        members = sorted((docs[i] for i in group), key=_published_key)
        canonical = members[0]["document_id"]
        links.update({d["document_id"]: canonical for d in members[1:]})
    return links
