"""Organisations recognised by the shape of their names: runs of capitalised words around a head word
("X University", "Department of X of Y Province", "X Co., Ltd."), split where one name ends and the next begins.

`NameShapes` holds the words that decide a shape, read once per rulebook (`name_shapes(rules)`); `shaped_orgs`
is the pass, which reads each span a run yields against the organisations already known.
"""
from __future__ import annotations

import functools
import re

from pipeline.core.entities.document import DocumentEntities
from pipeline.core.entities.lexicon import NON_ORG_NOUNS, POSSESSIVE, STATE_TYPES, lexicon
from pipeline.core.entities.model import Mention, Org
from pipeline.core.entities.orgs import STATE_HEADS, org_id_for, org_namer
from pipeline.core.entities.people import is_pinyin_given, is_surname, name_shape_end
from pipeline.core.entities.variants import reference_variants
from pipeline.core.phrases import phrase_alternation
from pipeline.core.reference import Rulebook, derived
from pipeline.core.text import Sentence, Word

# ", Ltd." after "X Co." belongs to the name: the word splitter stops at the comma.
# The words of a company's name before the seat it gives in brackets: "X Link (Beijing) " + "Y Co., Ltd."
_COMPANY_SEAT = re.compile(r"(?<![\w-])(?!The\s)(?:[A-Z][\w&'’-]*\s+){1,4}\([A-Z][\w]+(?:\s[A-Z][\w]+)?\)\s+$")
_COMPANY_TAIL = re.compile(r",?\s?(?:Ltd\.?|Limited|Inc\.?)(?![\w-])")
_AND_AFTER = re.compile(r"\)?\s*(?:,|and|&)\s", re.I)
_AND_BEFORE = re.compile(r"\s(?:,|and|&)\s+(?:the\s+)?$", re.I)
_PIECE_TRIM = re.compile(r"[\s,()]*(?:(?:and|&|the|The)\s+)*(.*?)[\s,]*(?:\s(?:and|&|of|the))*[\s,()]*", re.S)
_COMPANY_SUFFIXES = {"Co.", "Co", "Ltd.", "Ltd", "Limited", "Inc.", "Inc", "Corporation", "Corp.", "Corp", "Company",
                     "LLC", "PLC", "GmbH", "AG", "A/S", "AB", "ASA", "SpA", "S.A.", "N.V.", "B.V.", "S.p.A.", "Oyj"}
_SPLITTERS = {"of", "for", "under", "at"}
_QUOTES = frozenset('"“”„«»')
_CENTRE_HEADS = frozenset(("Center", "Centre"))
# A name whose remit lists words with a comma: the run of name words stops at the comma, so the span found starts
# at the second word ("Technology and Innovation Commission"), and the first word is a lone capitalised word after
# "the" (or a sentence start) and before ", ".
_LISTED_REST = re.compile(r"[A-Z][a-z]+ (?:and|&) [A-Z][a-z]+ ")
_LISTED_FIRST = re.compile(r"(?:(?<=\bthe )|(?<=\bThe )|^)([A-Z][a-z]+), $", re.M)
_PEOPLES = re.compile(r"People['’]s")  # "People's Government", "People's Republic": a name word, not an owner
_OF_THE = re.compile(r"\s+of\s+the\s+(?=[A-Z])")
_OF_OWNER = re.compile(r"\s+of\s+(?:the\s+)?")
_ACRONYM_PARTNER = re.compile(r"\s+(?:and|&)\s+([A-Z][A-Za-z]{0,2}[A-Z][A-Za-z&]{0,5})$")
# Three spaces or more between two words: a page's columns ("Editor : Li Lei    Foreign Affairs Office"), not a name.
_WIDE_GAP = 3


class NameShapes:
    """The words that shape organisation names, from one rulebook, and the word ranges they make names of."""

    def __init__(self, rules: Rulebook):
        self.rules = rules
        self.lexicon = lex = lexicon(rules)
        self.heads, self.connectors, self.particles = lex.heads, lex.connectors, lex.particles
        # before "of": "Vice President of X University", "Students of X University" (a sentence's first word)
        self.not_in_names = lex.title_words | lex.honorifics | {
            w.capitalize() for w in rules.rules.get("people_nouns", []) if " " not in w}
        self.leading_heads = frozenset(rules.rules.get("leading_heads", []))
        self.opening_prepositions = frozenset(rules.rules.get("name_opening_prepositions", []))
        self.dated_months = frozenset(rules.rules.get("dated_month_names", []))
        self.object_words = frozenset(rules.rules.get("org_object_words", []))
        self.joint_words = frozenset(rules.rules.get("joint_name_words", []))
        self.remit_heads = frozenset(rules.rules.get("remit_heads", []))
        # the words a title before a person's name opens or ends with ("Vice", "President", "Prof.")
        self.title_ends = frozenset(lex.title_heads_by_last_word) | frozenset(rules.title_modifiers) | lex.honorifics
        self.title_heads = frozenset(rules.title_heads)
        # heads that open the name of a part of a body ("X's Institute of Y")
        self.unit_heads = frozenset(w for w, t in self.lexicon.rules.derive(_head_types).items()
                                    if t in ("university_unit", "research_institute", "government_department")) \
            | _CENTRE_HEADS

    @functools.cached_property
    def party_organ(self) -> re.Pattern:
        """A party organ's words ("CPC Leading Group", "Party Committee", `party_organs`)."""
        organs = phrase_alternation(self.rules.rules["party_organs"])
        return re.compile(rf"\b(?:{organs}|Leading\s+Group|Leading\s+Party\s+Members['’]?\s+Group)\b")

    @functools.cached_property
    def lab_centres(self) -> re.Pattern:
        """The lab kinds' phrases that end in Centre/Center ("Research Centre", "Innovation Center"): a centre so
        named is a lab; any other centre ("X Supercomputing Center", "Centre for X") is a body of its own."""
        phrases = {p for kind in self.rules.rules["lab_kinds"].values() for key in ("prefix", "suffix")
                   for p in kind.get(key, []) if p.split()[-1] in _CENTRE_HEADS}
        return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(phrases, key=len, reverse=True))) + r")\b")

    def head_of(self, name: str) -> str | None:
        """The word that types a name: a company suffix when there is one, else its first head word."""
        words = name.split()
        suffix = [w for w in words if w in _COMPANY_SUFFIXES]
        return suffix[-1] if suffix else next((w for w in words if w in self.heads), None)

    def spans(self, words: tuple[Word, ...]) -> list[tuple[int, int, str]]:
        """Word ranges (inclusive) shaped like organisation names, with their head word: each run of capitalised
        words (with the connectors and particles inside names) split into names."""
        out: list[tuple[int, int, str]] = []
        run: list[Word] = []
        skip_to = 0
        for w in words:
            if w.i < skip_to or not (run or w.is_cap):
                continue  # (a word in lower case outside any run neither ends one nor starts one)
            run_end = self._run_ends_at(words, w, run)
            if run_end is not None:
                out.extend(self._split(run))
                run, skip_to = [], run_end
                if run_end > w.i:
                    continue
            if self._joins_run(words, w, run):
                run.append(w)
            elif run:  # (most words are outside any run: nothing to split there)
                out.extend(self._split(run))
                run = []
        if run:
            out.extend(self._split(run))
        return out

    def _joins_run(self, words: tuple[Word, ...], w: Word, run: list[Word]) -> bool:
        """Whether word w goes on the run of name words (or starts one)."""
        if w.text in self.dated_months and w.i + 1 < len(words) and words[w.i + 1].text[:1].isdigit():
            return False  # "... University of Cologne on May 24": a date, not "on May" in the name
        if w.is_cap and not w.is_punct and (w.text not in self.lexicon.stop_words
                                            or w.text in self.object_words and self._in_object(run)):
            return True
        if not run:
            return False
        if w.text == "," and self._listed_remit(words, w.i, run):
            return True  # "Ministry of Industry, Trade and Labour": a remit listed with commas
        if w.lower in self.connectors:
            return True
        if w.text in self.particles and run[-1].is_cap and self._in_object(run) and w.i + 1 < len(words) \
                and words[w.i + 1].is_cap:
            return True  # "University of Dar es Salaam", "University of Rio Grande do Sul": a particle of the place
        # "Universidad Tecnológica de La Habana", 'Universidad Central "Marta Abreu" de Las Villas': a particle or a
        # quoted patron's name in a name that opens with its head
        return (w.text in self.particles or w.text in _QUOTES) and any(x.text in self.leading_heads for x in run)

    def _run_ends_at(self, words: tuple[Word, ...], w: Word, run: list[Word]) -> int | None:
        """Whether the run of name words ends before word w: at a personal name ("... Faculty of Data Science Zhou
        Wanlei and ..."), whose words are in no run (the index after it), or at a wide gap of a layout ("Editor:
        Anna Berg    Foreign Affairs Office"; w's own index); None when it goes on. A name that opens with its
        head names its patron ('Universidad Central "Marta Abreu"')."""
        if w.is_cap and w.i + 1 < len(words) and not any(x.text in self.leading_heads for x in run):
            person_end = name_shape_end(self.rules, words, w.i)
            if person_end:
                return person_end
        return w.i if run and w.start - run[-1].end >= _WIDE_GAP else None

    def _listed_remit(self, words: tuple[Word, ...], k: int, run: list[Word]) -> bool:
        """Whether the comma at word k lists the remit of the head the run is "of" ("Ministry of Higher Education,
        Science, Research and Innovation"): after it, capitalised words that are no heads and no places, up to a
        last "and" (after a comma too, when the list has one already: "Labour, Invalids, and Social Affairs") and
        one more such word, then the name ends."""
        if not self._in_object(run):
            return False
        n, k = len(words), k + 1
        if k + 1 < n and words[k].lower in ("and", "&") and any(w.text == "," for w in run):
            return self._remit_word(words[k + 1])
        if k + 2 < n and words[k].text in self.heads and words[k + 1].lower in ("and", "&"):
            return self._remit_word(words[k + 2])  # "Ministry of Education, University and Research": a head as an item
        while k < n and self._remit_word(words[k]):
            k += 1
            if k < n and words[k].text == ",":
                k += 1
                if k + 1 < n and words[k].lower in ("and", "&"):
                    return self._remit_word(words[k + 1])
            elif k < n and words[k].lower in ("and", "&"):
                return k + 1 < n and self._remit_word(words[k + 1])
            elif k < n and not self._remit_word(words[k]):
                return False
        return False

    def _remit_word(self, w: Word) -> bool:
        return w.is_cap and not w.is_punct and w.text not in self.heads and w.text not in self.lexicon.stop_words \
            and org_namer(self.rules).place(w.text) is None

    def _in_object(self, run: list[Word]) -> bool:
        """Whether the run so far is a head and the start of what it is 'of' or 'for' ("Office of International")."""
        return any(run[k].text in self.heads and run[k + 1].lower in ("of", "for") for k in range(len(run) - 1))

    def _split(self, run: list[Word]) -> list[tuple[int, int, str]]:
        """The names in one run: each head word with the words before it that belong to its name and those after
        it (more heads, a company suffix, what it is "of") up to where the next name begins."""
        while run and (run[-1].lower in self.connectors or run[-1].text in self.particles):
            run = run[:-1]
        cut = self._person_in(run)
        if cut is not None:  # the names before the person, then those after it
            return self._split(run[:cut[0]]) + self._split(run[cut[1]:])
        is_head = [w.text in self.heads for w in run]
        pos, out = 0, []
        for h in range(len(run)):
            if h < pos or not is_head[h]:
                continue
            end = self._name_end(run, h, is_head)
            start = self._name_start(run, pos, h, is_head)
            if (start < h or end > h) and run[start].text not in self.lexicon.honorifics:
                # a bare head ("Council", "University") is no name, nor is a person's ("Mr. Ho-Jin Park")
                out.append((run[start].i, run[end].i, run[h].text))
            pos = end + 1
        return out

    def _person_in(self, run: list[Word]) -> tuple[int, int] | None:
        """A person named after an organisation, in the same run of capitalised words ("Dean of the Faculty of Data
        Science Zhou Lei and ...", "Chinese Academy of Sciences Academician Fang Ming"): a family name and a pinyin
        given name that close the run or stand before "and", after a head. Where the titles before the name start,
        and where the run goes on after it; None when no such person is in the run."""
        n = len(run)
        for p in range(2, n - 1):
            if (p + 2 < n and run[p + 2].lower not in ("and", "&")) or run[p].text in self.heads \
                    or run[p + 1].text in self.heads or not is_surname(self.rules, run[p].text) \
                    or not is_pinyin_given(self.rules, run[p + 1].text):
                continue
            k = p
            while k > 0 and run[k - 1].text in self.not_in_names:
                k -= 1
            if any(w.text in self.heads for w in run[:k]):
                return k, p + 3
        return None

    def _name_end(self, run: list[Word], h: int, is_head: list[bool]) -> int:
        """The last word of the name whose first head is word h."""
        n, end = len(run), h
        while end + 1 < n and is_head[end + 1]:
            end += 1
        if run[h].text in self.leading_heads:
            while end + 1 < n and run[end + 1].text not in self.heads and self._goes_on(run, end + 1):
                end += 1  # "Universiti Putra Malaysia", "Universidad de La Habana": the name follows the head
            while end > h and run[end].text in _QUOTES and sum(w.text in _QUOTES for w in run[h:end + 1]) % 2:
                end -= 1  # an opening quote with no name after it
        end = _company_end(run, end)
        if end + 2 < n and run[end + 1].lower in ("of", "for"):
            # "Joint Institute of A University and B University" is one name; so is "Faculty of Engineering and
            # Information Technologies", whose last head names a field, not a company
            head_end = end
            end = _object_end(run, end, is_head, joint=h > 0 and run[h - 1].text in self.joint_words,
                              remit=self.remit_heads)
            end = self._before_title_and_name(run, head_end, end)
        return end

    def _before_title_and_name(self, run: list[Word], head_end: int, end: int) -> int:
        """'National Academy of Sciences President Anna Berg', 'University of Porto Rector' (its person found
        already): a title, and a person's name or nothing, after the object of a name end it (after one capitalised
        object word at least; the rest must be name words, so that "Office of the Government Chief Information
        Officer" stays whole)."""
        for k in range(head_end + 3, end + 1):
            if run[k].text not in self.title_ends or not any(w.is_cap for w in run[head_end + 2:k]):
                continue
            rest = k
            while rest <= end and run[rest].text in self.title_ends:
                rest += 1
            names = run[rest:end + 1]
            if (not names or 2 <= len(names) <= 4) and all(w.is_cap and w.text not in self.heads and w.text not in self.not_in_names
                                            and w.text[1:].islower() for w in names):
                return next(m for m in range(k - 1, head_end, -1) if run[m].is_cap)
            return end
        return end

    def _goes_on(self, run: list[Word], k: int) -> bool:
        """Word k continues a name that opens with its head: a capitalised word, a quote around a patron's name
        ('Universidad Central "Marta Abreu" de Las Villas'), or a particle before a capitalised word."""
        if run[k].is_cap or run[k].text in _QUOTES:
            return True
        return run[k].text in self.particles and k + 1 < len(run) and run[k + 1].is_cap

    def _name_start(self, run: list[Word], pos: int, h: int, is_head: list[bool]) -> int:
        """The first word of the name whose head is word h, in the run from word pos: after the connectors, after
        a name of its own or a back reference before it, after a title ("Vice President of"), after an owner."""
        start = self._after_connectors(run, pos, h)
        start = _after_other_name(run, start, h)
        if run[h].text in self.leading_heads:  # "Instituto X de Lisboa and Universitat Y": the head opens a name
            start = max([start, *(m + 1 for m in range(start, h) if run[m].lower in ("and", "&"))])
        for m in range(h - 1, start, -1):
            if run[m].lower in _SPLITTERS and any(
                    self._not_in_name(w.text) or w.text in NON_ORG_NOUNS for w in run[start:m]):
                start = m + 1
                break
        start = self._after_title(run, start, h)
        # "Joint Lab Between X University and ...": a title-case headline's preposition, before the head, opens no name
        start = max([start, *(m + 1 for m in range(start, h) if run[m].text in self.opening_prepositions)])
        start = self._after_connectors(run, start, h)
        start = self._after_place_partner(run, start, h)
        while start < h and self.lexicon.is_country_word(run[start].text) and (
                POSSESSIVE.search(run[start].text) or not is_head[start + 1] and not self._is_demonym(run[start].text)
                and (run[h].text in STATE_HEADS or run[start].text.isupper())):
            # "China's Jilin University", "Kenya Ministry of Health", "the US Atofina Chemical Co Ltd"; but "Serbian
            # Academy of Sciences", "Brazilian Space Agency", "China Investment Corporation" and "Qatar Free Zones
            # Authority" are the bodies' names
            start += 1
            start = self._after_connectors(run, start, h)  # "Kenya and Kenya's Ministry of ..."
        return start

    def _after_place_partner(self, run: list[Word], start: int, h: int) -> int:
        """Past "X and" when a place (a country, province or city, or its possessive: "China's", "Saudi Arabia's")
        follows "and" before the head: "Nordwind Energy Transition and China Hydrogen Center", "University of X at
        Davis and China's Northwest University" are two names, the second opening with where it is (or whose it is).
        Inside one name "and" joins fields ("Science and Technology", "Women and Children's"), or places with a place
        before it too ("Hong Kong and Macao Affairs Office", "Australia and New Zealand Bank"): those stay whole."""
        for m in range(h - 1, start, -1):
            if run[m].lower not in ("and", "&") or self.lexicon.is_country_word(run[m - 1].text) \
                    or any(self._is_place(run[k:m]) for k in (m - 1, m - 2) if k >= start):
                continue
            for k in (m + 2, m + 3):
                if k <= h and self._is_place(run[m + 1:k]):
                    # "... and Saudi Arabia's Center for X": the owner is no part of the name ("China's" is passed below)
                    return k if POSSESSIVE.search(run[k - 1].text) else m + 1
        return start

    def _is_place(self, words: list[Word]) -> bool:
        """Whether the words name a place (a country, province, city), possessive or not."""
        return org_namer(self.rules).place(POSSESSIVE.sub("", " ".join(w.text for w in words))) is not None

    def _not_in_name(self, text: str) -> bool:
        """A title word or honorific, as written or in another case: "CHANCELLOR of X University" (capitals),
        "Vice-president of X University" (a hyphenated title's second part in lower case)."""
        return text in self.not_in_names or (text.isupper() or "-" in text) and title_case(text) in self.not_in_names

    def _after_title(self, run: list[Word], start: int, h: int) -> int:
        """Past a whole title that opens the name with no "of" after it ("Vice President South China University of
        Technology", a caption's post before its body), when name words stay before the head: "Chancellor College"
        and "President University" are names, and so is "General Electric Research Center" ("General" alone is no
        title)."""
        if start >= h - 1 or not self._not_in_name(run[start].text):
            return start  # most names open with no title word: nothing to read
        for k in range(min(h - 1, start + 3), start, -1):
            if title_case(" ".join(w.text for w in run[start:k])) in self.title_heads and run[k].is_cap \
                    and not self._not_in_name(run[k].text):
                return k
        return start

    def _is_demonym(self, word: str) -> bool:
        return word.lower() in self.rules.demonyms

    def _after_connectors(self, run: list[Word], start: int, h: int) -> int:
        """Past the connectors and a capitalised "The" that open a run: no name starts with them."""
        while start < h and (run[start].lower in self.connectors or run[start].text == "The"):
            start += 1
        return start


def title_case(text: str) -> str:
    """Each word and each hyphenated part with a capital first and the rest as written, or in lower case when the
    whole was written in capitals: "VICE PRESIDENT" and "Vice-president" -> "Vice President", "Vice-President"."""
    if text.isupper():
        text = text.lower()
    return " ".join("-".join(p[:1].upper() + p[1:] for p in w.split("-")) for w in text.split(" "))


def _head_types(rules: Rulebook) -> dict[str, str]:
    return org_namer(rules).head_types


@derived
def name_shapes(rules: Rulebook) -> NameShapes:
    return NameShapes(rules)


def _company_end(run: list[Word], end: int) -> int:
    """"Zhangjiang Hi-Tech Park Development Co.": a company suffix after capitalised words ends one company's name,
    not a park's and then a company's."""
    n = len(run)
    suffix = next((k for k in range(end + 1, n) if run[k].text in _COMPANY_SUFFIXES), None)
    if suffix is None or not all(w.is_cap for w in run[end + 1:suffix]):
        return end
    end = suffix
    while end + 1 < n and run[end + 1].text in _COMPANY_SUFFIXES:
        end += 1
    return end


def _object_end(run: list[Word], end: int, is_head: list[bool], joint: bool = False,
                remit: frozenset[str] = frozenset()) -> int:
    """The last capitalised word of what a name is "of" or "for" (word end + 1), before a second name starts; a
    joint body's name goes on over "and" ("Joint Centre of A University and B Institute")."""
    n = len(run)
    k, last = end + 2, end
    while k < n:
        if run[k].lower == "and" and not joint and any(is_head[x] for x in range(k + 1, n)) \
                and _head_closes(run, k, is_head, remit):
            break
        if run[k].lower in ("and", "&") and k + 1 < n and run[k + 1].lower == "the":
            break  # "Department of X of Guangdong and the Y": a second name starts
        if run[k].is_cap:
            last = k
            if POSSESSIVE.search(run[k].text) and not _PEOPLES.fullmatch(run[k].text):
                break  # "Ministry of Science and Technology's Y Institute": the owner ends at its "'s"
        k += 1
    return last


def _after_other_name(run: list[Word], start: int, h: int) -> int:
    """Past "the" ("... and the University": a reference back, not part of a name) or an acronym and "and"
    ("NTU and Lanzhou University": an acronym is a name of its own, not a first word) before the head h."""
    for m in range(h - 1, start - 1, -1):
        if run[m].text == "the":
            return m + 1
        if run[m].lower in ("and", "&") and m > start and all(_is_acronym_word(w.text) for w in run[start:m]):
            return m + 1
    return start


def shaped_orgs(ents: DocumentEntities, sent: Sentence) -> None:
    """The organisations a sentence names by their shape, beside (or around) those already known."""
    shapes = name_shapes(ents.rules)
    for i, j, head in shapes.spans(sent.words):
        span = _name_span(ents, shapes, sent.words[i].start, sent.words[j].end, head)
        if span is not None:
            _add_shaped(ents, shapes, *span)


def _name_span(ents: DocumentEntities, shapes: NameShapes, start: int, end: int,
               head: str) -> tuple[int, int, str] | None:
    """The characters of the name a word range makes, and its head; None for a lab's name."""
    if head in _CENTRE_HEADS and ents.text[start - 1:start] in _QUOTES and ents.text[end:end + 1] in _QUOTES:
        return None  # '“X Intelligent Centre”': a centre named in quotes is a lab's new name (lab_quoted_heads)
    if head in _CENTRE_HEADS and shapes.lab_centres.search(ents.text, start, end):
        # "X Research Centre", "X Innovation Center": a lab, which the labs extractor reports; what it is
        # "of" may be a body of its own ("Innovation Center of the Y Research Institute")
        owner = _owner_after_lab(ents.text, shapes, start, end)
        if owner is None:
            return None
        start, head = owner
    if head in ("Co.", "Co") or ents.text.endswith((" Co.", " Co"), start, end):  # "X Group Co., Ltd."
        tail = _COMPANY_TAIL.match(ents.text, end)
        end = tail.end() if tail else end
        seat = _COMPANY_SEAT.search(ents.text, max(0, start - 60), start)
        start = seat.start() if seat else start  # "China New Link (Beijing) Enterprise Management Co., Ltd."
    end = _without_country_tail(ents, start, end, head)
    partner = _ACRONYM_PARTNER.search(ents.text, start, end)
    if partner and (f"({partner.group(1)})" in ents.text or ents.covered(partner.start(1), end, ("organization",))):
        end = partner.start()  # "the Ministry of X and SU", SU defined as another body's acronym: two names
    if POSSESSIVE.search(ents.text, start, end) and end - start > 4:
        end -= 2  # "the Leading Group for X's session": the owner's name, without its "'s"
    listed = _LISTED_FIRST.search(ents.text, max(0, start - 24), start) \
        if _LISTED_REST.match(ents.text, start, end) else None
    if listed is not None and not ents.covered(listed.start(1), listed.end(1)):
        start = listed.start(1)  # "the Science, Technology and Innovation Commission of X": a comma inside a name
    return start, end, head


_COUNTRY_TAIL = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})$")


def _without_country_tail(ents: DocumentEntities, start: int, end: int, head: str) -> int:
    """'Fujian Medical University of China', 'Shanghai Institute of Microsystem and Information Technology of China':
    a name that opens with a place of a country and goes on to a head, then "of" that country, is the body's name and
    where it is; the names the reference data knows in that form ("Renmin University of China") are found before
    the shapes are."""
    tail = _COUNTRY_TAIL.search(ents.text, start, end)
    code = ents.namer.country_code(tail.group(1)) if tail else None
    if code is None:
        return end
    words = ents.text[start:tail.start()].split()
    place = ents.namer.place(words[0]) if len(words) >= 2 and head in words[1:] else None
    if place is not None and code in (place.country_code, place.region_code) \
            and _reference_variant(ents, start, end) is None:
        return tail.start()
    return end


def _add_shaped(ents: DocumentEntities, shapes: NameShapes, start: int, end: int, head: str) -> None:
    """The organisation a name span names, unless a known name covers it, owns it or crosses it; the known names
    it lists are left as they are and the rest of it read as names of their own."""
    inner = [m for m in ents.mentions if m.entity_type == "organization" and m.start < end and start < m.end]
    owned = _owned_unit(ents, shapes, start, end, inner)
    if owned is not None:  # "X's Institute of Y": a unit of X, named without its owner
        _add_owned_unit(ents, *owned, end, head)
        return
    if _inside_known(ents.text, start, end, inner) or _owner_word_before_known(ents, start, end, inner) \
            or _known_names_only(ents.text, start, end, inner):
        return
    inner = _partners_or_pieces(ents, shapes, start, end, inner)
    if inner is None:
        return
    org = _reference_variant(ents, start, end) if not inner else None
    if org is not None:
        ents.add_org(org, start, end)
        return
    if not inner:
        unit = _unit_of_body(ents, shapes, start, end)
        if unit is not None:
            end, head, inner = unit
    org = ents.namer.from_name(ents.text[start:end], head)
    if org is None:
        return
    _owner_country_before(ents, org, start)
    # the body a name is "of" ("Institute of Physics of the Chinese Academy of Sciences"), or that it begins with
    # ("Chinese Academy of Sciences South America Center for Astronomy"); not a known name that a longer one goes on
    # with "of" ("Bangladesh University" in "Bangladesh University of Engineering and Technology")
    if inner and org.parent_organization_id is None and re.search(r"\b(of|under|at)\b", ents.text[start:end]) \
            and not (inner[-1].start == start and re.match(r"\s+(?:of|for)\b", ents.text[inner[-1].end:end])):
        _part_of(org, ents.orgs[inner[-1].entity_id])
    if org.org_type == "university_unit" and org.parent is None:
        _attach_parent(ents, org, end)
    governed = _governed_by_organ(ents, shapes, start, inner)
    ents.mentions = [m for m in ents.mentions if m not in inner or m.start >= end or m is governed]
    ents.add_org(org, start, end)
    _forget_unnamed(ents, inner)


def _forget_unnamed(ents: DocumentEntities, inner: list[Mention]) -> None:
    """The known bodies whose only mentions a longer name took ("Bangladesh University" in "Bangladesh University of
    Engineering and Technology"), and that own nothing found: the document does not name them."""
    named = {m.entity_id for m in ents.mentions if m.entity_type == "organization"}
    owners = {o.parent_organization_id for o in ents.orgs.values()}
    for m in inner:
        if m.entity_id not in named and m.entity_id not in owners:
            ents.orgs.pop(m.entity_id, None)


_OF_BODY = re.compile(r"\s+of\s+(?:the\s+)?$")


def _governed_by_organ(ents: DocumentEntities, shapes: NameShapes, start: int, inner: list[Mention]) -> Mention | None:
    """'CPC Leading Group of the Ministry of Science and Technology': the known body a party organ is "of" is named
    too, as the body itself (a party organ signs and hosts for it)."""
    body = inner[-1] if inner else None
    if body is None or not _OF_BODY.search(ents.text, start, body.start):
        return None
    return body if shapes.party_organ.search(ents.text, start, body.start) else None


_OWNER_WORDS = re.compile(r"((?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*(?:['’]s?)?)\s+$")


def _owner_country_before(ents: DocumentEntities, org: Org, start: int) -> None:
    """"Kenya's Ministry of X", "the Kenyan Ministry of X": a body named right after a country's possessive or
    demonym (left out of its name) is that country's, and a state body abroad is under its government; one named
    right after a known organisation's possessive is that organisation's."""
    owner = next((ents.orgs[m.entity_id] for m in ents.mentions if m.entity_type == "organization"
                  and re.fullmatch(r"['’]s\s+", ents.text[m.end:start])), None)
    if owner is not None and org.parent is None and owner.organization_id != org.organization_id:
        _adopt_unit(org, owner)  # "the Ministry of X's Y Institute": the ministry's institute
        return
    if org.country_code is not None:
        return
    before = _OWNER_WORDS.search(ents.text, max(0, start - 40), start)
    words = before.group(1).split() if before else []
    code = next((c for n in range(len(words), 0, -1) if (c := ents.namer.country_code(" ".join(words[-n:])))), None)
    if code is None:
        return
    org.country_code = code
    country = ents.namer.country_place(code)
    if org.org_type in STATE_TYPES and code != "CN" and org.parent is None and country is not None:
        _adopt(org, ents.namer.government_of(country))


_LINKS_ONLY = re.compile(r"(?:[\s,]|\bof\b|\bthe\b)*")


def _known_names_only(text: str, start: int, end: int, inner: list[Mention]) -> bool:
    """Whether the span is known names linked by "of" and nothing else ("the IVPP of Chinese Academy of Sciences"):
    each stands as it is, and they make no third."""
    if len(inner) < 2:
        return False
    pos = start
    for m in sorted(inner, key=lambda m: m.start):
        if m.start < pos or not _LINKS_ONLY.fullmatch(text, pos, m.start):
            return False
        pos = m.end
    return bool(_LINKS_ONLY.fullmatch(text, pos, end))


def _reference_variant(ents: DocumentEntities, start: int, end: int) -> Org | None:
    """The reference organisation a shaped name writes otherwise (variants.py): a variant of its words anywhere; its
    name less its parent only where the document names it, or its parent, otherwise too."""
    name = re.sub(r"^(?:the|The)\s+", "", ents.text[start:end])
    variants = reference_variants(ents.rules)
    ref = variants.variant(name)
    if ref is None:
        ref = variants.short_of(name)
        named = {m.entity_id for m in ents.mentions if m.entity_type == "organization"}
        if ref is None or not named & {org_id_for(ref.canonical_name), *([org_id_for(ref.parent)] if ref.parent else [])}:
            return None
    return ents.namer.from_reference(ref)


def _owner_word_before_known(ents: DocumentEntities, start: int, end: int, inner: list[Mention]) -> bool:
    """Whether the span is a known name with a country's word before it ("Thai Mahidol University"): the known
    name stands, the country's word is no part of it."""
    return len(inner) == 1 and inner[0].end == end and ents.lexicon.is_country_word(ents.text[start:inner[0].start].strip())


def _partners_or_pieces(ents: DocumentEntities, shapes: NameShapes, start: int, end: int,
                        inner: list[Mention]) -> list[Mention] | None:
    """The known names inside a span that make one name with it, or None when the span is no name of its own:
    the pieces beside the known names it lists are added instead ("HKU and Guangdong Department of ..."), or it
    crosses a known name. A joint body's name ("Joint Institute of A and B") keeps its first partner only."""
    joint = ents.text[start:end].split()[0] in shapes.joint_words
    if _remit_goes_on(ents.text, shapes, start, end, inner):
        ents.mentions.remove(inner[0])  # "Ministry of Education, Culture, Science and Sports": a longer remit
        _forget_unnamed(ents, inner)
        return []
    pieces = None if joint else _beside_known(ents.text, start, end, inner)
    if pieces is not None:
        _add_pieces(ents, shapes, pieces)
        return None
    if any(m.start < start or m.end > end for m in inner):
        return None  # crosses a reference name: trust the reference
    return inner[:1] if joint and inner else inner


# The rest of a remit listed after a known name's last word: ", Culture, Science and Sports" (then "of Mongolia")
_REMIT_REST = re.compile(r"(?:,\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)*,?\s+and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
                         r"(?=\s+of\s|$)")


def _remit_goes_on(text: str, shapes: NameShapes, start: int, end: int, inner: list[Mention]) -> bool:
    """Whether one known name opens the span and its remit ("Ministry of Education") goes on with a comma list of
    words no head is ("..., Culture, Science and Sports"): the span is another body's name, not a list."""
    if len(inner) != 1 or inner[0].start != start or " of " not in inner[0].surface or text[inner[0].end:end][:1] != ",":
        return False
    rest = _REMIT_REST.match(text[:end], inner[0].end)
    if rest is None:
        return False
    # a head may be an item of one word ("..., University and Research"), not the last word of a name ("..., Peking
    # University and ...")
    items = [item.split() for item in re.split(r",\s*(?:and\s+)?|\s+and\s+", rest.group(0)) if item.strip()]
    return not any(len(item) > 1 and item[-1] in shapes.heads for item in items)


def _owned_unit(ents: DocumentEntities, shapes: NameShapes, start: int, end: int,
                inner: list[Mention]) -> tuple[Org, int] | None:
    """A known organisation's possessive before a name whose head is a unit's ("X's Institute of Y", "X's Faculty
    of Y", "X's New Materials Research Institute"): the owner and where the unit's name starts. A name of another
    head ("X's Enterprise Business Group") stands for its owner."""
    for m in inner:
        poss = re.match(r"['’]s\s+", ents.text[m.end:end])
        if m.start < start or not poss:
            continue
        unit_start = m.end + poss.end()
        part = ents.text[unit_start:end]
        if " " in part and shapes.head_of(part) in shapes.unit_heads:
            return ents.orgs[m.entity_id], unit_start
    return None


def _add_owned_unit(ents: DocumentEntities, owner: Org, start: int, end: int, head: str) -> None:
    org = ents.namer.from_name(ents.text[start:end], head)
    if org is None:
        return
    if org.parent is None and owner.organization_id != org.organization_id:
        _adopt_unit(org, owner)
    ents.add_org(org, start, end)


def _adopt_unit(org: Org, owner: Org) -> None:
    _adopt(org, owner)
    if owner.org_type == "university" and org.org_type in ("research_institute", "other"):
        org.org_type = "university_unit"  # a university's institute or centre


def _inside_known(text: str, start: int, end: int, inner: list[Mention]) -> bool:
    """Whether a known name covers the span, or the span names a part of a known organisation, which stands for
    it ("Huawei's Enterprise Business Group")."""
    return any(m.start <= start and m.end >= end for m in inner) or \
        any(re.match(r"['’]s\s", text[m.end:m.end + 3]) for m in inner if m.end < end)


def _add_pieces(ents: DocumentEntities, shapes: NameShapes, pieces: list[tuple[int, int]]) -> None:
    """The pieces of a span left beside the known names it lists, each an organisation when it has a head."""
    for ps, pe in pieces:
        piece_head = shapes.head_of(ents.text[ps:pe])
        org = ents.namer.from_name(ents.text[ps:pe], piece_head) if piece_head else None
        if org is not None:
            ents.add_org(org, ps, pe)


def _part_of(org: Org, parent: Org) -> None:
    """A name "of", "under" or "at" a known organisation is a part of it; a department of a government body is
    no faculty's."""
    _adopt(org, parent)
    if org.org_type == "university_unit" and (parent.org_type in STATE_TYPES or "Government" in parent.canonical_name):
        org.org_type = "government_department"


def _unit_of_body(ents: DocumentEntities, shapes: NameShapes, start: int,
                  end: int) -> tuple[int, str, list[Mention]] | None:
    """'Department of X Affairs of the Foreign Affairs Office of the Provincial Government': a unit, then "of the"
    the body it belongs to, which is an organisation of its own. Adds the body; returns where the unit's name
    ends, its head and the body's mention; None when the span is no unit of a named body."""
    owner = _OF_THE.search(ents.text, start, end)
    parent_head = shapes.head_of(ents.text[owner.end():end]) if owner else None
    parent = ents.namer.from_name(ents.text[owner.end():end], parent_head) if parent_head else None
    unit_head = shapes.head_of(ents.text[start:owner.start()]) if parent is not None else None
    if not unit_head:
        return None
    body = ents.add_org(parent, owner.end(), end)
    return owner.start(), unit_head, [Mention("organization", body.organization_id, ents.text[owner.end():end],
                                              owner.end(), end)]


def _owner_after_lab(text: str, shapes: NameShapes, start: int, end: int) -> tuple[int, str] | None:
    """'Innovation Center of Chengdu Research Institute': the start and head of the name the lab centre is
    'of', when that name has a head of its own that is no centre (else None: 'Centre of Excellence')."""
    lab = None
    for lab in shapes.lab_centres.finditer(text, start, end):
        pass
    of = _OF_OWNER.match(text, lab.end(), end) if lab else None
    if of is None:
        return None
    head = shapes.head_of(text[of.end():end])
    return (of.end(), head) if head and head not in _CENTRE_HEADS else None


def _beside_known(text: str, start: int, end: int, inner: list[Mention]) -> list[tuple[int, int]] | None:
    """The parts of a name-shaped span left around known names it lists ("A and B", "A, B"), or None
    when no known name inside is joined by 'and' or a comma ("Department of X of Tsinghua University"
    is one name whose parent is known)."""
    joined = [m for m in inner if _AND_AFTER.match(text, m.end, end) or _AND_BEFORE.search(text, start, m.start)]
    if not joined:
        return None
    pieces, pos = [], start
    for m in sorted(inner, key=lambda m: m.start):
        pieces.append((pos, max(pos, m.start)))
        pos = max(pos, m.end)
    pieces.append((pos, end))
    out = []
    for ps, pe in pieces:
        piece = _PIECE_TRIM.fullmatch(text, ps, pe)
        if piece and piece.group(1):
            out.append((piece.start(1), piece.end(1)))
    return out


def _attach_parent(ents: DocumentEntities, org: Org, end: int) -> None:
    """'Department of Civil Engineering at the X University': the unit belongs to the university after it."""
    link = re.match(r"\s+(?:at|of|under|in)\s+(?:the\s+)?", ents.text[end:end + 12])
    if not link:
        return
    after = [m for m in ents.mentions if m.entity_type == "organization"
             and m.start in (end + link.end(), end + link.end() - 4)]
    if after:
        _adopt(org, ents.orgs[after[0].entity_id])


def _adopt(org: Org, parent: Org) -> None:
    """`parent` owns `org`, whose region and country are its parent's where it names none of its own."""
    org.parent, org.parent_organization_id = parent, parent.organization_id
    org.region_code = org.region_code or parent.region_code
    org.country_code = org.country_code or parent.country_code



def _is_acronym_word(text: str) -> bool:
    """'NTU', 'KAIST', 'UiTM': two to eight letters, capitals but for at most a few inside."""
    letters = text.replace("&", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters[0].isupper() and \
        sum(c.isupper() for c in letters) >= max(2, len(letters) - 2)


def _head_closes(run, k, is_head, remit: frozenset[str] = frozenset()) -> bool:
    """'X of A and B Y' splits at 'and' only when what follows is a name of its own ending in a head, and no head
    naming a field ("and Information Technologies of ...") comes first."""
    nxt = [x for x in range(k + 1, len(run)) if is_head[x]]
    if nxt and run[nxt[0]].text in remit:
        return False
    if not nxt or any(run[x].lower == "and" for x in range(k + 1, nxt[0])):
        return False  # "of Science and Technology of Hainan Province and the ... University": split at the last 'and'
    # "... and Exchange of the University of X": the words after 'and' belong to the first name ("of the")
    return all(run[x].is_cap or run[x].lower in ("of", "and") for x in range(k + 1, nxt[0] + 1))
