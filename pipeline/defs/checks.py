"""Asset checks: what validation found in each table before publishing, and what the published file is.

- `pandera_schema` and `contract_rules`, one of each per contract table (over schemas.TABLE_MODELS),
  both blocking, evaluated in the step that builds the tables (pipeline/defs/tables.py): validating
  needs every table at once, and that step holds them. The same validation is that step's
  `validated_tables` output, which the publishing step takes as its input, so the tables are
  validated once per run whichever process runs each step. A table that cannot be validated at all
  (a missing column: a bug in the stage that built it) fails its pandera check with severity ERROR,
  which fails the step, so nothing is published and the previous warehouse stays. Rows that fail
  their model, or a cross-table rule (unique primary keys, resolving references, evidence at its
  offsets, closed enums), fail with severity WARN: the warehouse asset moves them to
  rejected_records and the run goes on. The metadata carries the counts and the first failure cases.
- `corrections_still_apply` (on corrections_applied, non-blocking): every analyst's correction found its
  record; WARN with the list of those that no longer apply (each is also a rejected_records row).
- `published_contract` (on cooperation_warehouse): the published file has every contract table with
  the contract's column types, and every contract view runs.
- `gold_slot_f1` (non-blocking): slot F1 of the published warehouse against the gold folder of
  the settings, per record type in the metadata; not evaluated when no gold folder is configured.
"""

from collections.abc import Iterator

import dagster as dg
import pandas as pd

from pipeline.core.evaluate import KINDS, score_warehouse
from pipeline.core.publish import contract_mismatches
from pipeline.core.validate import CONTRACT_RULES, TableReport, Validation
from pipeline.defs.ingest import markdown_preview
from pipeline.defs.resources import OWNERS, PipelineSettings
from schemas import PRIMARY_KEYS, TABLE_MODELS

SAMPLE_FAILURES = 10
PANDERA, CONTRACT = "pandera_schema", "contract_rules"


def pandera_result(table: str, report: TableReport) -> dg.AssetCheckResult:
    """ERROR when the table cannot be validated, WARN with the failure cases when rows fail the model."""
    if report.schema_error:
        return dg.AssetCheckResult(asset_key=table, check_name=PANDERA, passed=False,
                                   severity=dg.AssetCheckSeverity.ERROR, description=report.schema_error,
                                   metadata={"rows": report.rows, "table_error": report.schema_error})
    keys = PRIMARY_KEYS.get(table, ())
    cases = pd.DataFrame([{**{k: r.record.get(k) for k in keys}, "errors": r.errors}
                          for r in report.rejections[:SAMPLE_FAILURES]])
    failed = len(report.rejections)
    return dg.AssetCheckResult(
        asset_key=table, check_name=PANDERA, passed=not failed, severity=dg.AssetCheckSeverity.WARN,
        description=f"{failed} of {report.rows} rows fail schemas.{TABLE_MODELS[table].__name__} and will be "
                    "moved to rejected_records" if failed else None,
        metadata={"rows": report.rows, "failed_rows": failed, "failure_cases": markdown_preview(cases, width=200)},
    )


def contract_result(table: str, report: TableReport) -> dg.AssetCheckResult:
    """WARN with counts per rule when rows break the contract, or when it could not be checked.

    Not checkable means some table failed its pandera_schema check with ERROR, which already stops
    the publish; one ERROR per table here would only bury the reason.
    """
    if report.contract_error:
        return dg.AssetCheckResult(asset_key=table, check_name=CONTRACT, passed=False,
                                   severity=dg.AssetCheckSeverity.WARN, description=report.contract_error,
                                   metadata={"rows": report.rows})
    problems = [p for found in report.contract.values() for p in found]
    counts = {f"{rule}_problems": len(report.contract.get(rule, [])) for rule in CONTRACT_RULES}
    sample = "\n".join(f"- {p}" for p in problems[:SAMPLE_FAILURES]) or "none"
    return dg.AssetCheckResult(
        asset_key=table, check_name=CONTRACT, passed=not problems, severity=dg.AssetCheckSeverity.WARN,
        description=f"{len(problems)} contract problem(s): breaking rows will be moved to rejected_records, "
                    "dangling optional references cleared and logged there" if problems else None,
        metadata={"rows": report.rows, **counts, "failure_cases": dg.MetadataValue.md(sample)},
    )


def _table_check_specs(table: str) -> list[dg.AssetCheckSpec]:
    model = TABLE_MODELS[table].__name__
    return [
        dg.AssetCheckSpec(PANDERA, asset=table, blocking=True,
                          description=f"Validate {table} against schemas.{model}: a missing column stops the "
                                      "publish; invalid rows are counted here and quarantined by the "
                                      "warehouse asset."),
        dg.AssetCheckSpec(CONTRACT, asset=table, blocking=True,
                          description=f"Rows of {table} that pass schemas.{model} also keep the contract: "
                                      "unique primary keys, references that resolve, evidence that is the "
                                      "text at its offsets, closed enums. Breaking rows are quarantined."),
    ]


TABLE_CHECK_SPECS = [spec for table in TABLE_MODELS for spec in _table_check_specs(table)]

VALIDATED_TABLES = dg.AssetSpec(
    "validated_tables", group_name="warehouse", owners=OWNERS, kinds={"pandas"}, deps=list(TABLE_MODELS),
    description="Every contract table validated against its pandera model and the contract's cross-table rules: "
                "the rows to publish, and the rows to quarantine in rejected_records with their reasons. "
                "Computed with the tables' blocking checks, in the same step, and published by "
                "cooperation_warehouse.",
).with_io_manager_key("io_manager")


def validated_output(validation: Validation) -> dg.Output:
    """The `validated_tables` output of the step that builds the tables: what the publishing step writes."""
    return dg.Output(validation, output_name=VALIDATED_TABLES.key.to_python_identifier(),
                     metadata={"quarantined_rows": validation.quarantined})


def check_results(validation: Validation) -> Iterator[dg.AssetCheckResult]:
    """Each table's two checks, from the one validation that also gives `validated_tables`: the cross-table rules
    need every table, and the publishing step must write what the checks reported on."""
    make = {PANDERA: pandera_result, CONTRACT: contract_result}
    for spec in sorted(TABLE_CHECK_SPECS, key=lambda k: (k.asset_key.to_user_string(), k.name)):
        table = spec.asset_key.to_user_string()
        yield make[spec.name](table, validation.reports[table])


STALE_CORRECTIONS = dg.AssetCheckSpec(
    "corrections_still_apply", asset="corrections_applied", blocking=False,
    description="Every analyst's correction found its record in this run. One whose record no longer exists (its "
                "document removed, its evidence edited away) is not dropped: it is a rejected_records row (table_name "
                "`corrections`), and this check fails (WARN) listing it, so the file can be fixed.")


def stale_corrections_result(rejections: list[dict], applied: int) -> dg.AssetCheckResult:
    """WARN listing each correction that no longer applies (its id and why), from its rejected_records row."""
    stale = pd.DataFrame([{"correction": r["record"].get("id"), "why": r["errors"]} for r in rejections])
    return dg.AssetCheckResult(
        asset_key="corrections_applied", check_name=STALE_CORRECTIONS.name, passed=not rejections,
        severity=dg.AssetCheckSeverity.WARN,
        description=(f"{len(rejections)} correction(s) no longer apply: see rejected_records (table_name "
                     "`corrections`)") if rejections else None,
        metadata={"applied": applied, "stale": len(rejections),
                  "stale_corrections": markdown_preview(stale, rows=len(stale), width=200)})


PUBLISHED_CONTRACT = dg.AssetCheckSpec(
    "published_contract", asset="cooperation_warehouse",
    description="The published file holds every contract table with the contract's column types, and every "
                "contract view runs.")


def published_contract_result(db_path: str) -> dg.AssetCheckResult:
    problems = contract_mismatches(db_path)
    details = "\n".join(f"- {p}" for p in problems) or "none"
    return dg.AssetCheckResult(check_name=PUBLISHED_CONTRACT.name, passed=not problems,
                               metadata={"problems": len(problems), "details": dg.MetadataValue.md(details)})


GOLD_F1 = dg.AssetCheckSpec(
    "gold_slot_f1", asset="cooperation_warehouse", blocking=False,
    description="Slot F1 of the published warehouse against the gold folder (settings.gold_dir; by default "
                "tests/gold/raw for the project's raw/), per record type in the metadata. Fails (WARN) when a "
                "gold document is missing from the warehouse; not evaluated without a gold folder.")


def gold_result(db_path: str, gold: str) -> dg.AssetCheckResult:
    """Score the published file with pipeline.core.evaluate; the figures go into the metadata."""
    result = score_warehouse(db_path, gold)
    overall, missing = result["overall_slot"], result["documents_missing"]
    by_kind = pd.DataFrame([{"type": k, **result["slots"][k]} for k in KINDS]
                           + [{"type": "overall", **overall}])
    return dg.AssetCheckResult(
        asset_key="cooperation_warehouse", check_name=GOLD_F1.name, passed=not missing and result["documents"] > 0,
        severity=dg.AssetCheckSeverity.WARN,
        description=f"slot F1 {overall['f1']:.3f} over {result['documents']} gold document(s)"
                    + (f"; missing from the warehouse: {', '.join(missing)}" if missing else ""),
        metadata={"gold_dir": gold, "documents": result["documents"], "documents_missing": len(missing),
                  "slot_f1": overall["f1"], "slot_precision": overall["precision"],
                  "slot_recall": overall["recall"],
                  **{f"{k}_slot_f1": result["slots"][k]["f1"] for k in KINDS},
                  "scores": markdown_preview(by_kind, rows=len(by_kind))},
    )


@dg.multi_asset_check(specs=[GOLD_F1], can_subset=True, name="gold_evaluation",
                      ins={"published": dg.AssetIn("cooperation_warehouse")})
def gold_evaluation(context: dg.AssetCheckExecutionContext, settings: PipelineSettings, published: dict):
    """Multi-check only so that it may yield nothing: without a gold folder there is nothing to score."""
    gold = settings.gold_path
    if gold is None:
        context.log.info("gold_slot_f1 not evaluated: no gold folder configured for this raw folder (gold_dir)")
        return
    if not gold.is_dir():
        yield dg.AssetCheckResult(asset_key="cooperation_warehouse", check_name=GOLD_F1.name, passed=False,
                                  severity=dg.AssetCheckSeverity.WARN,
                                  description=f"gold folder {gold} does not exist", metadata={"gold_dir": str(gold)})
        return
    yield gold_result(published["warehouse"], str(gold))
