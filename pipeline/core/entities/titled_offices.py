"""Offices a title names wherever it is written: "Kuwaiti Minister of Commerce and Industry Khaled Ali", "His
Excellency, Minister of Higher Education and Scientific Research, Dr. Qusay Ali", "the Vice-Prime Minister,
Minister of Education, Tertiary Education, Science and Technology, Mrs Leela Devi". Releases name the minister
far more often than the ministry, and the ministry is the body that signs, hosts or is visited.

The remit is read by word shape, not by where the holder's name stands: a list of remit words
(`portfolio_words`), its items joined by "and" or "&", or by commas when the list is closed by "and" ("Trade,
Cooperatives, Small and Medium Enterprises and Communications"); it ends at the first other word (the holder's
name, an honorific, a country). Titles whose office is no remit-named body are not read ("Prime Minister of
Pakistan": no remit word), nor remits that are places ("Minister of State").
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.core.entities.document import DocumentEntities
from pipeline.core.entities.gazetteer import longest_run
from pipeline.core.entities.model import Org
from pipeline.core.phrases import phrase_alternation
from pipeline.core.reference import Rulebook, derived

_TOKEN = re.compile(r"[A-Za-z][\w'’-]*|&|,|\S")
_JOINS = frozenset(("and", "&"))
# A title its holder no longer holds: "Kofi Mensah, a former Minister of Finance", "who previously served as Deputy
# Minister of Health" (the ministry is no body of theirs, so neither party, host nor origin)
_PAST_HOLDER = re.compile(r"\b(?:former|formerly|ex|previously|once|served\s+as|retired)[\s-]+(?:as\s+)?$", re.I)
_COUNTRY_AFTER = re.compile(r" of ((?:the )?[A-Z][\w'’-]*(?: (?:of )?[A-Z][\w'’-]*){0,4})")


@derived
def _office_titles(rules: Rulebook) -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    """The titles whose office a remit names ("Minister" -> "Ministry", from `title_offices` where the office is
    one of `named_offices`), as one pattern ending at the remit's first word, with the capitalised words written
    right before the title; the same without those words (`_office_title_matches`); and the office of each title."""
    offices = {title: office for title, office in rules.rules["title_offices"].items()
               if office in rules.rules["named_offices"]}
    title = rf"\b({phrase_alternation(list(offices))}) (of|for) (?:the )?(?=[A-Z])" if offices else "(?!)"
    return re.compile(rf"((?:\b[A-Z][\w'’.]*[ -]){{0,4}}){title}"), re.compile(title), offices


def _office_title_matches(text: str, pattern: re.Pattern, title: re.Pattern) -> Iterator[re.Match]:
    """`pattern.finditer(text)`, the search begun near each title: the pattern opens with up to four words, so the
    regex engine tried it at every character of the document, and went through the words at each capital.

    A match is words and separators (`_BEFORE_TITLE` characters) followed by a title, so none begins before the
    run of those characters that ends at the first title found; and one begins at that title at the latest."""
    pos = 0
    while (t := title.search(text, pos)) is not None:
        start = t.start()
        while start > pos and (text[start - 1].isalnum() or text[start - 1] in _BEFORE_TITLE):
            start -= 1
        m = pattern.search(text, start)
        if m is None:
            return
        yield m
        pos = m.end()


_BEFORE_TITLE = frozenset("_'’. -")  # with letters and digits: what the words before a title are written in


def remit_end(text: str, start: int, portfolio: frozenset[str]) -> int | None:
    """Where the remit list starting at `start` ends (offsets into text), or None when its first word is no
    remit word. Items joined by commas count only when a later item is joined by "and" ("Education, Science and
    Sport"); otherwise the list ends at the first comma ("Minister of Finance, Li Wei")."""
    committed = None
    item_end = None
    joined_by_comma = False
    for tok in _TOKEN.finditer(text, start):
        word = tok.group(0)
        if word in portfolio:
            item_end = tok.end()
            continue
        if item_end is None:  # a separator or another word where an item should start
            break
        if committed is None or not joined_by_comma:
            committed = item_end
        if word == ",":
            joined_by_comma = True
        elif word in _JOINS:
            joined_by_comma = False
        else:
            break
        item_end = None
    else:
        if item_end is not None and (committed is None or not joined_by_comma):
            committed = item_end
    return committed


def titled_offices(ents: DocumentEntities) -> None:
    """Each "Minister of <remit>" names the "Ministry of <remit>" (the preposition as written), mentioned at its
    remit: the one the document names already, or one named with the country written before the title ("Kuwaiti
    Minister of ...") or after the remit ("... of Commerce of China"). Not after another post ending in the
    title ("Prime Minister"), nor a former holder's ("former Minister of Finance"), nor when the remit is a place
    or an organisation already holds it."""
    pattern, title, offices = _office_titles(ents.rules)
    portfolio = ents.lexicon.portfolio
    for m in _office_title_matches(ents.text, pattern, title):
        owner = _owner_before(ents, m.group(1), m.group(2))
        end = remit_end(ents.text, m.end(), portfolio)
        if owner is None or end is None or _PAST_HOLDER.search(ents.text, max(0, m.start() - 30), m.start()):
            continue
        remit = ents.text[m.end():end]
        if remit.split()[0] == "State" or ents.namer.place(remit) is not None or ents.namer.jurisdiction(remit) is not None:
            continue
        country = _COUNTRY_AFTER.match(ents.text, end)
        found = longest_run(country.group(1).split(), ents.namer.country_code, at_start=True) if country else None
        if found is not None:  # "Minister of Commerce of China": the ministry of that country
            end = country.start(1) + len(" ".join(country.group(1).split()[:found[0]]))
            remit = ents.text[m.end():end]
        if ents.covered(m.end(), end, ("organization",)) and not _drop_remit_pieces(ents, m.end(), end, portfolio):
            continue
        office = offices[m.group(2)]
        name = f"{owner} {office} {m.group(3)} {remit}".strip()
        org = _named(ents, office, remit, owner) or _listed(ents, office, remit, owner) \
            or ents.namer.from_name(name, head_word=office)
        if org is not None:
            ents.add_org(org, m.end(), end)


def _drop_remit_pieces(ents: DocumentEntities, start: int, end: int, portfolio: frozenset[str]) -> bool:
    """Whether what overlaps the remit are only pieces of it read as names of their own ("Small and Medium
    Enterprises" of "Minister for Trade, Small and Medium Enterprises and Communications"), which are then
    forgotten; False, and nothing forgotten, when any is more than remit words or reaches outside the remit."""
    pieces = [k for k in ents.mentions if k.start < end and start < k.end]
    if any(k.entity_type != "organization" or k.start < start or k.end > end
           or any(w not in portfolio and w not in _JOINS for w in k.surface.split()) for k in pieces):
        return False
    ents.forget(pieces)
    return True


def _owner_before(ents: DocumentEntities, before: str, title: str) -> str | None:
    """The country written before a title, past its modifiers ("Kuwaiti", "Sri Lankan Deputy"): its words, ""
    when there is none, None when the words before make another post ("Prime Minister")."""
    words = [w for w in re.split(r"[ -]", before) if w]
    if words and words[-1] not in ents.rules.title_modifiers and ents.lexicon.is_title_word(f"{words[-1]} {title}"):
        return None
    while words and words[-1] in ents.rules.title_modifiers:
        words.pop()
    found = longest_run(words[-2:], ents.namer.country_code, at_start=False)
    return " ".join(words[-found[0]:]) if found is not None else ""


def _named(ents: DocumentEntities, office: str, remit: str, owner: str) -> Org | None:
    """The one organisation of the document already named for this remit, whichever preposition it is written
    with or with its country before or after it ("Ministry of Science and Technology of China" for "Minister for
    Science and Technology"), and of the owner's country when the title has one."""
    wanted = [f"{office} {prep} {remit}".lower() for prep in ("of", "for")]
    code = ents.namer.country_code(owner) if owner else None
    found = [o for o in ents.orgs.values() if any(_names_remit(o.canonical_name.lower(), w) for w in wanted)
             and (code is None or o.country_code in (code, None))]
    return found[0] if len(found) == 1 else None


def _listed(ents: DocumentEntities, office: str, remit: str, owner: str) -> Org | None:
    """The reference body of that name and of the owner's country ("Chinese Minister of Science and Technology":
    the ministry the reference lists for China)."""
    code = ents.namer.country_code(owner) if owner else None
    ref = ents.rules.org_by_name.get(f"{office} of {remit}") if code else None
    return ents.namer.from_reference(ref) if ref is not None and ref.country_code == code else None


def _names_remit(name: str, wanted: str) -> bool:
    """The name is the wanted one, or it with a country before it ("Uruguayan Ministry of ...") or a country or seat
    after it ("... of China", "... in Laos")."""
    name = name[max(0, name.find(wanted)):]
    return name == wanted or name.startswith(wanted) and name[len(wanted):].startswith((" of ", " in "))
