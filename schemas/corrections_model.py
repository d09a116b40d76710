"""The pandera model of `corrections_applied`: what each analyst's correction changed in this run.

Kept apart from schemas/models.py until the corrections work is merged, then folded into it (the model
beside the others, `CORRECTION_ACTION` and `CORRECTION_MATCH` into schemas/enums.py, `COLUMNS` into
`TABLE_COLUMNS`). Written in the style of models.py, so the data dictionary, `COMMENT ON TABLE` and the
Dagster column schema can be read from it the same way.
"""
from __future__ import annotations

import pandera.pandas as pa

from .models import Object, Str, Timestamp, _Base, _enum, _is_json_record, _optional, _required

#: What a correction does (pipeline/core/corrections.py documents each).
CORRECTION_ACTION = ("merge", "rename", "set", "reject", "add")

#: How a correction found its record in this run's tables.
CORRECTION_MATCH = ("id", "anchor", "reattached", "added")

#: column -> DuckDB type, in table order (for TABLE_COLUMNS when merged).
COLUMNS: dict[str, str] = {
    "correction_id": "VARCHAR", "action": "VARCHAR", "target_table": "VARCHAR", "target_id": "VARCHAR",
    "matched_by": "VARCHAR", "changes": "JSON", "note": "VARCHAR", "author": "VARCHAR", "reason": "VARCHAR",
    "applied_at": "TIMESTAMP", "run_id": "VARCHAR",
}


class CorrectionsApplied(_Base):
    correction_id: Str = _required(str_length={"min_value": 1}, description=(
        "the correction's `id` in the corrections file (`corrections/corrections.yaml` by default); the "
        "rows it changed carry it in their `corrected_by` column"))
    action: Str = _enum(CORRECTION_ACTION, nullable=False, description=(
        "`merge` two organisations or two people into one, `rename` an organisation, `set` fields of an "
        "organisation or a fact, `reject` a fact as not real, `add` a fact extraction missed"))
    target_table: Str = _required(description=(
        "the table of the record it changed: the record kept by a merge, the fact of a rejected or added party or "
        "signatory (`agreement_parties`, `agreement_signatories`), the table an added fact went to"))
    target_id: Str = _required(description=(
        "the id of that record in this run (for a party or signatory, its agreement's id); it differs from the id "
        "written in the file when the correction was re-attached by its anchor"))
    matched_by: Str = _enum(CORRECTION_MATCH, nullable=False, description=(
        "how the correction found its record: `id` by the stable id written in the file; `anchor` by its content "
        "anchor (an alias, or a document and evidence text) where the file gives no id; `reattached` by its anchor "
        "because the id written in the file no longer exists (the record was re-extracted with a new id); `added` "
        "a record the correction itself adds"))
    changes: Object = _required(description=(
        "what changed, as a JSON object: `{column: {\"from\": old, \"to\": new}}` for each field set, the whole row "
        "under `row` for a rejected or added record, and the number of references rewritten per `table.column` "
        "under `references` for a merge; `{}` when the data already said so"))
    note: Str = _optional(description=(
        "why the correction applied as it did, when that is worth saying: re-attached from which id, evidence "
        "found at other offsets, a merge that extraction has since made itself, a record added by an earlier run"))
    author: Str = _required(str_length={"min_value": 1}, description="who wrote the correction, as the file says")
    reason: Str = _required(str_length={"min_value": 1}, description="why, as the file says")
    applied_at: Timestamp = _required(description=(
        "when the run that published this row applied the correction (UTC, without time zone); every row of a run "
        "carries the same time"))
    run_id: Str = _optional(description="the Dagster run that applied it")

    @pa.check("changes", name="changes_is_json_object", element_wise=True)
    def _changes_json(cls, value: object) -> bool:
        return _is_json_record(value)

    class Config:
        name = "corrections_applied"
        description = ("One row per analyst's correction applied in this run, with what it changed; corrections "
                       "whose record no longer exists are in rejected_records (table_name `corrections`).")
