"""Facts group: what happened (agreements, delegations, labs) and in which fields, each with its evidence."""
FACT_TABLES = {
    "agreements": "One row per report of an agreement, memorandum, arrangement or partnership in one document; "
                  "event_id groups reports of the same real-world agreement. Type, date, status, evidence.",
    "agreement_parties": "The organisations that are parties to each agreement report.",
    "agreement_signatories": "Who signed each agreement, and who witnessed it, with title and organisation.",
    "agreement_activities": "What the parties undertake (joint research, student exchange, ...), with the phrase.",
    "delegations": "One row per report of a visit by a group or an official: leader, origin, host, size, date, "
                   "purpose, status, evidence; event_id groups reports of the same visit.",
    "labs": "Laboratories, research centres and platforms after normalisation: type, host, director, status.",
    "lab_mentions": "Each document passage that mentions a lab, with its offsets.",
    "collaboration_domains": "The field taxonomy: OECD Fields of Research and Development (FOS 2007), second level.",
    "document_domains": "Fields of science each document names, with the matched phrase and its offsets.",
    "agreement_domains": "Fields of science each agreement covers, with the matched phrase.",
    "lab_domains": "Fields of science each lab works in, with the matched phrase.",
}
