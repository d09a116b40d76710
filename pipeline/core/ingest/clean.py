"""From decoded text to clean text: Unicode normalisation, furniture removal, hard-wrap repair.

The result is what every later stage reads and what every evidence offset points into: paragraphs
separated by exactly one blank line, single spaces inside lines, no leading or trailing spaces. The
text itself is kept faithful: curly quotes, dashes and captions stay as written.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from pipeline.core.ingest.furniture import (
    FurnitureRules,
    cjk_ratio,
    line_furniture,
    paragraph_furniture,
    strip_affixes,
    strip_edge_labels,
)
from pipeline.core.ingest.wrap import last_prose_line, repair_wraps

_SPACES = dict.fromkeys(map(ord, "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                                 "\u200a\u202f\u205f\u3000\t"), " ")
_LINE_BREAKS = dict.fromkeys(map(ord, "\r\u2028\u2029\u0085\x0b\x0c"), "\n")
# Symbol-font bullets that PDF extraction leaves in the Private Use Area.
_PUA_BULLETS = dict.fromkeys(map(ord, "\uf0b7\uf0a7\uf0a8\uf0d8\uf076\uf0fc\uf06c\uf06e\uf0e8\uf0d2"), "•")
_TRANSLATION = {**_SPACES, **_LINE_BREAKS, **_PUA_BULLETS}
_TRANSLATED = frozenset(map(chr, _TRANSLATION))
_RUN_OF_SPACES = re.compile(r" {2,}")
# Format characters (category Cf: zero-width spaces, soft hyphens, bidi embeddings, overrides and isolates,
# direction marks, the BOM) are invisible but split words: "Tsing\u2066hua\u2069" would be a second
# Tsinghua, an override makes "Edinburgh" display reversed. All go, except where a script needs them: a
# zero-width joiner or non-joiner between letters of the scripts that shape with them (Arabic, Syriac,
# Indic, Tibetan, Myanmar, Khmer, Mongolian) or between emoji, and the tags of an emoji flag.
_JOINING = ("\u0600-\u08ff\u0900-\u0dff\u0f00-\u109f\u1780-\u18af\ua8e0-\ua8ff\ufb50-\ufdff\ufe70-\ufefe"
            "\u2600-\u27bf\ufe0f\U0001f000-\U0001faff")
_KEPT_FORMAT = (rf"(?<=[{_JOINING}])[\u200c\u200d](?=[{_JOINING}])"
                r"|\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f")
# "Platform.。。": an ideographic full stop doubling a Latin one is a translation artefact.
_DOUBLED_STOP = re.compile(r"(?<=\.)。+")


@functools.lru_cache(maxsize=8)
def normalise_text(text: str) -> str:
    """NFC, one kind of space, no format or control characters, stripped lines joined by '\\n'.

    Remembered for the last few texts: cleaning and metadata both normalise the same extracted text."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    # Each distinct character is looked at once, not each character: this runs on every file, and
    # str.translate costs a dictionary lookup per character even when nothing needs translating.
    chars = set(text)
    if not chars.isdisjoint(_TRANSLATED):
        text = text.translate(_TRANSLATION)
        chars = set(text)
    dropped = [c for c in chars if c != "\n" and unicodedata.category(c) in ("Cc", "Co", "Cs", "Cn")]
    if dropped:
        text = text.translate(dict.fromkeys(map(ord, dropped)))
    formats = [c for c in chars if unicodedata.category(c) == "Cf"]
    if formats:
        text = drop_format_characters(text, formats)
    text = _RUN_OF_SPACES.sub(" ", _DOUBLED_STOP.sub("", text))  # a run of spaces never crosses a line
    return "\n".join(line.strip() for line in text.split("\n"))


def drop_format_characters(text: str, formats: list[str]) -> str:
    """`text` without the format characters `formats` (those it holds), except where a script needs them."""
    drop = re.compile(rf"(?P<kept>{_KEPT_FORMAT})|[{''.join(map(re.escape, formats))}]")
    return drop.sub(lambda m: m["kept"] or "", text)


def cut_site_footer(lines: list[str], end_markers: list[int]) -> list[str]:
    """Drop everything from the first end-of-article marker after which no running prose follows.

    What comes after "Ends/...", "NNNN" or "Media enquiries" is contact details, menus and credits, in
    shapes no line rule can list; a marker followed by more article (a sidebar box, a mid-page contact
    line) cuts nothing. The text after the first marker is repaired once, and the cut is at the first
    marker past the end of its last prose paragraph (repairing what follows each marker in turn was
    quadratic in a page with many markers).
    """
    if not end_markers:
        return lines
    first = end_markers[0]
    prose_end = first + 1 + last_prose_line(lines[first + 1:])
    return next((lines[:at] for at in end_markers if at >= prose_end), lines)


def clean_paragraphs(text: str, rules: FurnitureRules) -> list[str]:
    """The article's paragraphs: furniture dropped line by line, wraps repaired, edge labels dropped."""
    text = normalise_text(text)
    cjk_document = cjk_ratio(text) > rules.document_max_cjk_ratio
    lines, end_markers, content = [], [], set()
    for line in text.split("\n"):
        line = strip_affixes(line, rules)
        furniture, ends = line_furniture(line, rules, cjk_document=cjk_document)
        if ends:
            end_markers.append(len(lines))
        lines.append("" if furniture else line)
        if not furniture:
            content.add(line.strip())
    lines = cut_site_footer(lines, end_markers)
    paragraphs = [p for p in repair_wraps(lines)
                  if not paragraph_furniture(p, rules, cjk_document=cjk_document, content_lines=content)]
    return strip_edge_labels(paragraphs, rules)


def clean_text(text: str, rules: FurnitureRules) -> str:
    """Clean text as stored in `documents.clean_text`: paragraphs separated by one blank line."""
    return "\n\n".join(clean_paragraphs(text, rules))
