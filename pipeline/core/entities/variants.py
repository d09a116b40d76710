"""Reference organisations written otherwise than the reference data writes them.

News writes a known body's name with its words in another form ("Chinese Academy of Agriculture Science" for the
Chinese Academy of Agricultural Sciences) and drops the parent that the reference name carries ("Institute of
Vertebrate Paleontology and Paleoanthropology" for "..., Chinese Academy of Sciences"). A name found by its shape
is read against both before it becomes an organisation of its own: the first is the known body wherever it
stands; the second only in a document that names the known body or its parent otherwise too, since a bare "Institute
of Physics" is many institutes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.core.reference import OrgRef, Rulebook, derived

# Endings that change a word's form and not its sense: "Agricultural"/"Agriculture", "Sciences"/"Science".
_ENDINGS = ("al", "es", "s", "e")
_PARENT_TAIL = re.compile(r"^(?P<own>.+?)(?:,\s+|\s+of\s+(?:the\s+)?)(?P<parent>[^,]+)$")


def loose_key(name: str) -> str:
    """A name's words in lower case without the endings that vary, "and" for "&", no "the" or punctuation."""
    words = re.sub(r"[^\w\s]", " ", name.replace("&", " and ").replace("’", "'").replace("'s", "")).lower().split()
    return " ".join(_stem(w) for w in words if w != "the")


def _stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 3:
            return word[:-len(ending)]
    return word


@dataclass(frozen=True)
class ReferenceVariants:
    by_key: dict[str, OrgRef]  # loose key of a name or alias -> the one reference organisation of it
    without_parent: dict[str, OrgRef]  # loose key of a name less its parent -> the one reference organisation

    def variant(self, name: str) -> OrgRef | None:
        return self.by_key.get(loose_key(name))

    def short_of(self, name: str) -> OrgRef | None:
        return self.without_parent.get(loose_key(name))


@derived
def reference_variants(rules: Rulebook) -> ReferenceVariants:
    """Each reference organisation under the loose keys of its names, and of its names of three words or more less
    the parent they end with; a key two organisations share, or that ends another body's name, is left out."""
    by_key: dict[str, set[str]] = {}
    short: dict[str, set[str]] = {}
    for o in rules.organizations:
        for name in (o.canonical_name, *o.aliases):
            if " " in name:
                by_key.setdefault(loose_key(name), set()).add(o.canonical_name)
            tail = _PARENT_TAIL.match(name) if o.parent else None
            if tail and loose_key(tail["parent"]) in {loose_key(n) for n in _names(rules, o.parent)} \
                    and len(tail["own"].split()) > 2:  # "General Office", "Beijing Office": too many bodies' parts
                short.setdefault(loose_key(tail["own"]), set()).add(o.canonical_name)
    refs = rules.org_by_name
    # "Institute of Geochemistry" is also the end of "Guangzhou Institute of Geochemistry": a name of two bodies
    endings: dict[str, set[str]] = {}
    for k, v in by_key.items():
        for n in range(1, len(k.split()) - 1):
            endings.setdefault(" ".join(k.split()[n:]), set()).update(v)
    return ReferenceVariants({k: refs[next(iter(v))] for k, v in by_key.items() if len(v) == 1},
                             {k: refs[next(iter(v))] for k, v in short.items()
                              if len(v) == 1 and k not in by_key and endings.get(k, v) == v})


def _names(rules: Rulebook, canonical: str) -> tuple[str, ...]:
    ref = rules.org_by_name.get(canonical)
    return (canonical, *ref.aliases, *([ref.acronym] if ref.acronym else [])) if ref else (canonical,)
