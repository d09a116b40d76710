"""The closed enumerations of spec/DATA_CONTRACT.md, as tuples of strings.

Every enum column of the warehouse takes only these values; a value that fits none takes
`other` (where the enum has it). Tuples keep the contract's order, so reports and tests can
compare them with the contract text directly. Which column each closes is its model's `isin`
(schemas/models.py); `schemas.ENUM_COLUMNS` lists them.
"""
from __future__ import annotations

PRECISION = ("day", "month", "year", "unknown")

ORG_TYPE = (
    "university",
    "university_unit",
    "government",
    "government_department",
    "enterprise",
    "research_institute",
    "laboratory",
    "international_organization",
    "military",
    "other",
)

ALIAS_SOURCE = ("reference", "acronym_definition", "corpus")

ENTITY_TYPE = ("organization", "person", "place", "lab")

PLACE_TYPE = (
    "country",
    "province",
    "municipality",
    "special_administrative_region",
    "city",
    "district",
    "other",
)

AGREEMENT_TYPE = (
    "cooperation_agreement",
    "framework_agreement",
    "strategic_cooperation_agreement",
    "memorandum_of_understanding",
    "memorandum",
    "letter_of_intent",
    "arrangement",
    "cooperation_scheme",
    "partnership",
    "other",
)

AGREEMENT_STATUS = ("signed", "planned", "reported")

SIGNATORY_ROLE = ("signatory", "witness")

ACTIVITY = (
    "talent_development",
    "student_exchange",
    "academic_exchange",
    "joint_research",
    "technology_transfer",
    "joint_platform",
    "funding_support",
    "equipment_sharing",
    "consulting_and_training",
    "entrepreneurship_and_investment",
    "other",
)

DELEGATION_STATUS = ("completed", "planned", "recurring")

LAB_TYPE = (
    "partner_state_key_laboratory",
    "state_key_laboratory",
    "cnerc_hong_kong_branch",
    "national_engineering_research_centre",
    "key_laboratory",
    "engineering_research_centre",
    "joint_laboratory",
    "joint_research_centre",
    "innovation_centre",
    "technology_transfer_centre",
    "research_institute",
    "other",
)

LAB_STATUS = ("existing", "established", "planned")


#: What an analyst's correction does (pipeline/core/corrections.py's ACTIONS documents each).
CORRECTION_ACTION = ("merge", "rename", "set", "reject", "add")

#: How a correction found its record in a run's tables.
CORRECTION_MATCH = ("id", "anchor", "reattached", "added")
