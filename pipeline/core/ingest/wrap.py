"""Hard-wrap repair: put sentences broken over several physical lines back together.

Two layouts need it. PDF extractions and e-mails cut paragraphs at a fixed width ("wrapped"); some
PDF extractions also put a blank line after every physical line ("double-spaced"), so there a blank
line is not a paragraph break. Elsewhere a blank line is a paragraph break and lines are joined only
when the next one plainly continues the sentence (it starts in lower case).

A line is never joined when it ends a sentence, when the next one is a list item or a date, or when
it is much shorter than the wrap width (a headline or caption, not a line that ran out of room).
"""
from __future__ import annotations

import re

from pipeline.core.ingest.dates import is_date_line

# A final period after these is an abbreviation, not the end of a sentence ("Mrs." / "Carrie Lam").
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st no nos vs e.g i.e cf approx dept univ jr sr hon rev gen col lt sgt capt messrs mt ft "
    "fig figs vol pp ch art sec gov govt assoc asst jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# A headline does not end in these; a hard-wrapped line often does.
RUN_ON_WORDS = frozenset(
    "the a an of and or nor but to in on at for with by from as that which who whose whom its their his her our "
    "your this these those into onto than between among about under over after before during via per including "
    "such both each every is are was were be been has have had will would can could should may might".split()
)
_TERMINAL = set(".!?:。！？：…")
_LOWER_START = re.compile(r"[a-z]+\b(?![A-Z])")
_CLOSERS = "\"'”’»)]）】」』"
_LIST_ITEM = re.compile(r"^(?:[•·▪◦●○■□◆◇►▶✓✔➢➤*\-–—]\s|[•·▪◦●○■□◆◇►▶✓✔➢➤]|\d{1,2}[.)]\s|\(\d{1,2}\)\s?|[a-z][.)]\s|\([a-z]\)\s?)")
_LONE_BULLET = re.compile(r"^[•·▪◦●○■□◆◇►▶✓✔➢➤*\-–—]$")
_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")

WRAP_MIN_WIDTH, WRAP_MAX_WIDTH = 40, 200  # display columns of a plausible hard wrap
FILL_RATIO = 0.6  # a line at least this full ran out of room; a shorter one ended on purpose
HEADER_FILL_RATIO = 0.9  # stricter for a line that may be the headline
BRACKET_REACH = 150  # characters back in which an unclosed "(" still holds a line open
MIN_WRAPPED_LINES = 3
PROSE_MIN_WORDS = 8  # a finished sentence this long means the page header is over
# The joining rules read only the end of a paragraph (its last bracket, closing stop, last word): they are
# given this many of its last characters, so joining a line costs the same in a short or a huge paragraph.
TAIL_CHARS = 1000
LAST_WORD_WINDOW = 64  # characters in which the last word is looked for: longer than any word the rules list


def display_width(line: str) -> int:
    """Columns a line takes: CJK characters are two columns wide, as they are on the page."""
    return len(line) + len(_WIDE.findall(line))


def is_list_item(line: str) -> bool:
    return bool(_LIST_ITEM.match(line))


def ends_with_abbreviation(text: str) -> bool:
    """The text ends with "Mrs." or an initial ("C."): the period does not end the sentence."""
    words = text[-LAST_WORD_WINDOW:].split()
    last = words[-1].lstrip("(\"'“‘").lower() if words else ""
    return last.endswith(".") and (last[:-1] in ABBREVIATIONS or bool(re.fullmatch(r"[a-z]\.", last)))


def _open_bracket(text: str) -> bool:
    """An unclosed parenthesis near the end: "(Director:" / "Professor Tom Hale)" are one item.

    Only the tail is looked at, so one stray "(" early on cannot glue the rest of a document together.
    """
    tail = text[-BRACKET_REACH:]
    return tail.count("(") > tail.count(")") or tail.count("（") > tail.count("）")


def ends_sentence(text: str) -> bool:
    """True when `text` ends a sentence: final . ! ? : (quotes and brackets aside), not after an abbreviation."""
    if _open_bracket(text):
        return False  # inside a parenthesis, e.g. "(Director:" / "Professor Benny Cheung)"
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL and not ends_with_abbreviation(stripped)


def _runs_on(line: str, strong: bool = False) -> bool:
    """A line ending in a comma or (unless `strong`) a function word cannot be a whole headline or paragraph."""
    if line.endswith((",", "，", "、", "&", "(")):
        return True
    words = line[-LAST_WORD_WINDOW:].split()
    return not strong and (line.endswith(("-", "–")) or (bool(words) and words[-1].lower() in RUN_ON_WORDS))


def _wrap_width(lines: list[str]) -> int:
    widths = sorted(display_width(line) for line in lines)
    return widths[int(0.9 * (len(widths) - 1))]


def looks_wrapped(blocks: list[list[str]]) -> bool:
    """Lines cut at a fixed width: most lines that go on to another end mid-sentence and fill the width."""
    inner = [line for block in blocks for line in block[:-1]]
    if len(inner) < MIN_WRAPPED_LINES - 1:
        return False
    width = _wrap_width([line for block in blocks for line in block])
    if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
        return False
    open_ended = sum(1 for line in inner if not ends_sentence(line))
    full = sum(1 for line in inner if display_width(line) >= FILL_RATIO * width)
    return open_ended >= 0.5 * len(inner) and full >= 0.6 * len(inner)


def is_double_spaced(lines: list[str]) -> bool:
    """A blank line after (nearly) every line of hard-wrapped text: blank lines are not paragraph breaks."""
    texts = [i for i, line in enumerate(lines) if line]
    if len(texts) < 2 * MIN_WRAPPED_LINES:
        return False
    followed = sum(1 for i in texts[:-1] if i + 1 < len(lines) and not lines[i + 1])
    return followed >= 0.8 * (len(texts) - 1) and looks_wrapped([[lines[i] for i in texts]])


def _joiner(left: str, right: str) -> str:
    if _WIDE.match(left[-1]) and _WIDE.match(right[0]):
        return ""  # Chinese text has no spaces between words
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha() and right[0].islower():
        return ""  # "inter-" / "national": keep the hyphen, drop the line break
    return " "


class _Paragraph:
    """A paragraph being put together from lines.

    Its parts are joined when it is read whole; the joining rules read only its last TAIL_CHARS characters.
    (Adding a line with `paragraph += line` copied the whole paragraph every time: quadratic in the length
    of a long paragraph.)
    """

    __slots__ = ("parts", "tail", "last")

    def __init__(self, text: str, last: int):
        self.parts, self.tail, self.last = [text], text[-TAIL_CHARS:], last

    def add(self, text: str, last: int) -> None:
        joiner = _joiner(self.tail, text)
        self.parts += (joiner, text)
        self.tail = (self.tail + joiner + text[-TAIL_CHARS:])[-TAIL_CHARS:]
        self.last = last

    def is_prose(self) -> bool:
        """A finished sentence of some length: the article itself, not a label, caption or menu entry.

        (A paragraph that ends a sentence is not joined to anything more, so its words are counted once.)"""
        return ends_sentence(self.tail) and len(self.text().split()) >= PROSE_MIN_WORDS

    def text(self) -> str:
        return "".join(self.parts)


def _should_join(paragraph: _Paragraph, last_line: str, nxt: str, wrapped: bool, width: int, header: bool) -> bool:
    end = paragraph.tail
    if _LONE_BULLET.match(end):
        return True
    if is_list_item(nxt) or is_date_line(nxt) or is_date_line(last_line) or ends_sentence(end):
        return False
    if ends_with_abbreviation(end) or _open_bracket(end) or _runs_on(end, strong=True):
        return True
    if _LOWER_START.match(nxt):
        return True
    if not wrapped or display_width(last_line) < FILL_RATIO * width:
        return False
    # Above the article a line with no final stop may be the headline: join it only if it runs on or is
    # as full as the wrapped lines around it.
    if header and len(paragraph.parts) == 1:
        return _runs_on(last_line) or display_width(last_line) >= HEADER_FILL_RATIO * width
    return True


def _join_run(lines: list[tuple[int, str]], wrapped: bool, width: int, header: bool) -> list[_Paragraph]:
    """Join consecutive (index, line) pairs of one run into paragraphs."""
    paragraphs: list[_Paragraph] = []
    last_line = ""
    for index, line in lines:
        if paragraphs and _should_join(paragraphs[-1], last_line, line, wrapped, width, header):
            paragraphs[-1].add(line, index)
        else:
            header = header and not (paragraphs and paragraphs[-1].is_prose())
            paragraphs.append(_Paragraph(line, index))
        last_line = line
    return paragraphs


def _continues(paragraph: _Paragraph, nxt: str) -> bool:
    """A paragraph cut by a blank line (page break, removed page number) that goes on in lower case."""
    end = paragraph.tail  # a date line is short: a tail is the whole paragraph or too long to be one
    return (not ends_sentence(end) and bool(_LOWER_START.match(nxt)) and not is_list_item(nxt)
            and not is_date_line(end))


def _blocks(lines: list[str]) -> list[list[tuple[int, str]]]:
    """Runs of non-blank lines, each line with its index in `lines`."""
    blocks: list[list[tuple[int, str]]] = [[]]
    for index, line in enumerate(lines):
        if line:
            blocks[-1].append((index, line))
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def repair_wraps(lines: list[str]) -> list[str]:
    """Turn stripped physical lines ("" for blank) into paragraphs without hard line breaks.

    Whether the text is hard-wrapped is judged on the whole document (a two-line paragraph says
    little on its own), and on each block for documents that mix a wrapped body with other text.
    """
    return [paragraph.text() for paragraph in _repair(lines)]


def last_prose_line(lines: list[str]) -> int:
    """Index in `lines` of the last line of the last paragraph of running prose, -1 when there is none."""
    return max((paragraph.last for paragraph in _repair(lines) if paragraph.is_prose()), default=-1)


def _repair(lines: list[str]) -> list[_Paragraph]:
    if is_double_spaced(lines):
        run = [(index, line) for index, line in enumerate(lines) if line]
        return _join_run(run, wrapped=True, width=_wrap_width([line for _, line in run]), header=True)
    blocks = _blocks(lines)
    texts = [[line for _, line in block] for block in blocks]
    document_wrapped = looks_wrapped(texts)
    document_width = _wrap_width([line for block in texts for line in block]) if blocks else 0
    paragraphs: list[_Paragraph] = []
    header = True
    for block, block_texts in zip(blocks, texts):
        wrapped = document_wrapped or looks_wrapped([block_texts])
        width = document_width if document_wrapped else _wrap_width(block_texts)
        for paragraph in _join_run(block, wrapped, width, header):
            text = paragraph.text()
            if paragraphs and _continues(paragraphs[-1], text):
                paragraphs[-1].add(text, paragraph.last)
            else:
                paragraphs.append(paragraph)
            header = header and not paragraphs[-1].is_prose()
    return paragraphs
