"""Entities group: who and where, normalised across documents (one row per real organisation, person, place)."""
ENTITY_TABLES = {
    "organizations": "One row per real-world organisation after normalisation: canonical English name, acronym, "
                     "type, ISO region and country, parent organisation.",
    "organization_aliases": "Every surface form of each organisation seen in the corpus or known to the reference "
                            "data, with where it came from.",
    "people": "One row per real person after normalisation: display name without honorifics, family and given name.",
    "person_affiliations": "Titles and posts of people as each document reports them, with the organisation.",
    "places": "Countries, provinces, cities and districts named in the corpus, with ISO codes and parent place.",
    "mentions": "Every recognised mention of an organisation, person, place or lab, with its character offsets "
                "into documents.clean_text.",
}
