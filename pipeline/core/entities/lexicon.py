"""The word lists the recognition passes share: title words, honorifics, stop words, connectors, heads.

Organisation names and personal names are told apart by the same words (a title word is no name word; a
head word ends an organisation's name), so both kinds of pass read them from one `Lexicon`, built once per
rulebook (`lexicon(rules)`).
"""
from __future__ import annotations

import functools
import re

from pipeline.core.entities.orgs import org_namer
from pipeline.core.reference import Rulebook, derived

STATE_TYPES = ("government", "government_department")
# Nouns that end a name but name no organisation: labs, programmes and events are reported by their own extractors.
NON_ORG_NOUNS = {"Center", "Centre", "Centres", "Centers", "Laboratory", "Laboratories", "Lab", "Labs", "Platform",
                 "Branch", "Base", "Division", "Programme", "Program", "Scheme", "Project", "Initiative", "Forum",
                 "Conference", "Seminar"}
POSSESSIVE = re.compile(r"['’]s$")


class Lexicon:
    """The rulebook's words as sets, in the forms the passes test words against."""

    def __init__(self, rules: Rulebook):
        self.rules = rules

    @functools.cached_property
    def title_words(self) -> set[str]:
        """Every word of a title head or modifier, each title's last word, and the heads whole."""
        words = set()
        for t in (*self.rules.title_heads, *self.rules.title_modifiers):
            words.update(t.replace("-", " - ").split())
            words.add(t.split()[-1])
        words.update(self.rules.title_heads)
        return words

    @functools.cached_property
    def honorifics(self) -> set[str]:
        return set(self.rules.honorifics) | {h.replace("'", "’") for h in self.rules.honorifics}  # "Dato'" / "Dato’"

    @functools.cached_property
    def honorific_openings(self) -> frozenset[str]:
        """The first words of the honorifics of two or more ("H." of "H. E."): a word that is none of them opens none."""
        return frozenset(h.split(" ", 1)[0] for h in self.honorifics if " " in h)

    @functools.cached_property
    def stop_words(self) -> set[str]:
        return set(self.rules.rules.get("org_stopwords", []))

    @functools.cached_property
    def connectors(self) -> set[str]:
        return {c.lower() for c in self.rules.rules.get("name_connectors", [])}

    @functools.cached_property
    def heads(self) -> set[str]:
        """The words that type an organisation's name (the namer's head table)."""
        return set(org_namer(self.rules).head_types)

    @functools.cached_property
    def particles(self) -> frozenset[str]:
        """Name particles: "do", "van der", "de La" inside personal and organisation names."""
        return frozenset(self.rules.names.get("name_particles", []))

    @functools.cached_property
    def headline_verbs(self) -> frozenset[str]:
        """Verbs a title-case headline writes after a name ("... Tan Yimin Leads a Delegation"): no name words."""
        return frozenset(self.rules.names.get("headline_verbs", []))

    @functools.cached_property
    def portfolio(self) -> frozenset[str]:
        """The words of a post's or a ministry's remit ("Science", "Sports", "Conservation")."""
        return frozenset(self.rules.portfolio_words)

    @functools.cached_property
    def body_name_ends(self) -> frozenset[str]:
        """Last words of firms', places' and events' names, never of a person's (names.yaml), and the organisation
        heads: "Silk Road Capital", "Green Valley", "Demo Day", "Fudan University"."""
        return frozenset(self.rules.names.get("firm_name_ends", [])) | self.event_name_ends | frozenset(self.heads)

    @functools.cached_property
    def event_name_ends(self) -> frozenset[str]:
        """Last words of events', documents' and places' names (names.yaml): "Demo Day", "Annual Report"."""
        return frozenset(self.rules.names.get("event_name_ends", []))

    @functools.cached_property
    def byline_labels(self) -> frozenset[str]:
        """"Editor", "Reporter", "Contact": a name follows them and a colon."""
        return frozenset(self.rules.names.get("byline_labels", []))

    @functools.cached_property
    def byline_verbs(self) -> frozenset[str]:
        """"story", "edited": before "by", they make the name after it an author's."""
        return frozenset(self.rules.names.get("byline_verbs", []))

    @functools.cached_property
    def title_heads_by_last_word(self) -> dict[str, list[list[str]]]:
        """The title heads as word lists, under their last word, the longest first.

        A title is looked for before every word of every sentence; looking up the one word before it
        instead of comparing against every title keeps that O(1) per word.
        """
        index: dict[str, list[list[str]]] = {}
        for t in sorted(self.rules.title_heads, key=lambda t: -len(t.split())):
            parts = t.split()
            index.setdefault(parts[-1], []).append(parts)
        return index

    @functools.cached_property
    def _country_words(self) -> frozenset[str]:
        """Lower-case names of countries (as the namer looks places up) and demonyms."""
        places = org_namer(self.rules).places_by_lower
        return frozenset(name for name, p in places.items() if p.place_type == "country") | set(self.rules.demonyms)

    def is_title_word(self, text: str) -> bool:
        return text in self.title_words or text[:1].upper() + text[1:] in self.title_words

    def is_country_word(self, word: str) -> bool:
        """A country's name or demonym, possessive or not ("China's Jilin University": the owner is no part of
        the name)."""
        return POSSESSIVE.sub("", word).lower() in self._country_words


@derived
def lexicon(rules: Rulebook) -> Lexicon:
    return Lexicon(rules)
