"""Find the organisations, places and people of one document, with offsets into its clean text.

`recognise` runs the passes of the kind modules in a fixed order, and the order is the design: each pass
reads what the passes before it found, and a span taken by one is not taken again by a later one.

- Organisations first, the surest first: reference names (a known name is never split by a shape), then
  diplomatic missions and name shapes, then branches and units named with their hosts, then governments written in lower case or in the plural, and departments
  in the plural ("the Departments of X of A, B and C"). Place names inside an organisation's name ("Hebei" in
  "Education Department of Hebei Province") are then no places of their own.
- Then what refers to those organisations: short forms of a longer name, names spelled out before an
  acronym (which may replace the fragments the shapes found), acronym definitions and their later mentions,
  a known acronym of a body the document never names that spells one it does name ("NTU" beside National
  Taiwan University), and definite descriptions ("the department"), which people need: "director of the department".
- People next, outside the organisations, then those that credits and captions name ("(Xinhua/Li Wei)"); a
  family name alone after a title ("Mayor Xu") can only be resolved once every full name of the document is
  known.
- Places last, outside organisations and people; jurisdictions that act ("Hubei Province signed") are
  found among them and given their governments. Bare family names ("Tan said") wait for every other
  mention, so they never take a word another entity holds; definite descriptions run once more to
  reach the governments and places found since.
"""
from __future__ import annotations

from spacy.tokens import Doc

from pipeline.core.entities.acronyms import defined_acronyms, spelled_acronyms
from pipeline.core.entities.bare_acronyms import (
    city_universities,
    document_acronyms,
    u_place_universities,
    undefined_acronyms,
)
from pipeline.core.entities.coreference import definite_references, own_references
from pipeline.core.entities.credits import credited_people
from pipeline.core.entities.document import DocumentEntities
from pipeline.core.entities.name_shapes import shaped_orgs
from pipeline.core.entities.organisations import (
    based_names,
    branches,
    classified_companies,
    hosted_units,
    lowercase_governments,
    missions,
    owners_governments,
    place_qualified_names,
    plural_departments,
    plural_governments,
    reference_orgs,
    short_forms,
    shortened_names,
    topics_after_in,
    word_order_variants,
)
from pipeline.core.entities.people import (
    bare_family_names,
    full_names_again,
    listed_people,
    resolve_short_names,
    sentence_people,
)
from pipeline.core.entities.places import acting_jurisdictions, bare_subdivisions, gazetteer_places
from pipeline.core.entities.titled_offices import titled_offices
from pipeline.core.reference import Rulebook
from pipeline.core.text import Sentence


def recognise(text: str, doc: Doc, sents: list[Sentence], rules: Rulebook) -> DocumentEntities:
    """The organisations, people and places of one document, recognised by these rules."""
    ents = DocumentEntities(text, sents, rules)
    reference_orgs(ents, doc)
    missions(ents)
    for sent in sents:
        shaped_orgs(ents, sent)
    branches(ents)
    hosted_units(ents)
    lowercase_governments(ents)
    plural_governments(ents)
    owners_governments(ents)
    plural_departments(ents)
    titled_offices(ents)
    classified_companies(ents)
    based_names(ents)
    topics_after_in(ents)
    short_forms(ents)
    word_order_variants(ents)
    place_qualified_names(ents)
    shortened_names(ents)
    spelled_acronyms(ents)
    defined_acronyms(ents)
    document_acronyms(ents)
    definite_references(ents)  # before people: "director of the department" needs the department
    for sent in sents:
        sentence_people(ents, sent)
    credited_people(ents)
    for sent in sents:
        listed_people(ents, sent)
    resolve_short_names(ents)
    gazetteer_places(ents, doc)
    bare_subdivisions(ents, doc)
    acting_jurisdictions(ents)
    city_universities(ents)
    u_place_universities(ents)
    undefined_acronyms(ents)
    full_names_again(ents)
    bare_family_names(ents)
    definite_references(ents)
    own_references(ents)
    ents.mentions.sort(key=lambda m: (m.start, m.end))
    return ents
