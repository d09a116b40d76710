"""Asset checks: what validation found in each table before publishing, and what the published file is.

- `validation`, one per contract table (over schemas.TABLE_MODELS), blocking, evaluated in the step that
  builds the tables (pipeline/defs/tables.py): validating needs every table at once, and that step holds
  them. One check per table, not one per rule, because every check result is three events in the
  instance's event log (planned, output, evaluation), each written through its own SQLite connections:
  folding the rules halves that fixed cost of every run (BENCHMARKS.md, "Dagster's fixed cost per run").
  Its rules are the table's pandera model (`pandera_model`) and the contract's cross-table rules
  (validate.CONTRACT_RULES: unique primary keys, closed enums, resolving references, evidence at its
  offsets); the metadata gives each rule's outcome (`rules`, `failing_rules`, a count per rule) and the
  first failure cases. The check fails when any rule fails, with the severity of the worst failure: a table
  that cannot be validated at all (a missing column: a bug in the stage that built it) fails with ERROR,
  which fails the step, so nothing is published and the previous warehouse stays; rows that fail the model
  or a contract rule fail it with WARN: the warehouse asset moves them to rejected_records and the run goes
  on. The same validation is that step's `validated_tables` output, which the publishing step takes as its
  input, so the tables are validated once per run whichever process runs each step.
- `corrections_still_apply` (on corrections_applied, non-blocking): every analyst's correction found its
  record; WARN with the list of those that no longer apply (each is also a rejected_records row).
- `published_contract` (on cooperation_warehouse): the published file has every contract table with
  the contract's column types, and every contract view runs.
- `gold_slot_f1` (non-blocking): slot F1 of the published warehouse against the gold folder of
  the settings, per record type in the metadata; not evaluated when no gold folder is configured.
"""

from collections.abc import Iterator
from dataclasses import dataclass

import dagster as dg
import pandas as pd

from pipeline.core.evaluate import KINDS, score_warehouse
from pipeline.core.publish import contract_mismatches
from pipeline.core.validate import CONTRACT_RULES, TableReport, Validation
from pipeline.defs.ingest import markdown_preview
from pipeline.defs.resources import OWNERS, PipelineSettings
from schemas import PRIMARY_KEYS, TABLE_MODELS

SAMPLE_FAILURES = 10
TABLE_CHECK = "validation"
MODEL_RULE = "pandera_model"  # the table's pandera model, beside the contract's rules (validate.CONTRACT_RULES)


@dataclass
class RuleOutcome:
    """One rule of a table's check: `passed`, `failed` or `not checked` (it could not be applied), how many
    problems it found (None when it could not count them) and what they are."""

    rule: str
    outcome: str
    problems: int | None = 0
    detail: str = ""
    severity: dg.AssetCheckSeverity = dg.AssetCheckSeverity.WARN


def _counted(rule: str, problems: int, detail: str) -> RuleOutcome:
    return RuleOutcome(rule, "failed", problems, detail) if problems else RuleOutcome(rule, "passed")


def rule_outcomes(table: str, report: TableReport) -> list[RuleOutcome]:
    """Every rule of the table's check: the model, then CONTRACT_RULES in their order; a contract rule that reported problems under
    another name (`columns`: the cross-table rules could not read a column) comes last.

    The model's failure is ERROR when the table cannot be validated at all: the publish must stop. A contract
    rule that could not be applied is WARN: some table's model failed with ERROR, which already stops the
    publish, and one ERROR per table would only bury the reason.
    """
    if report.schema_error:
        model = RuleOutcome(MODEL_RULE, "failed", None, report.schema_error, dg.AssetCheckSeverity.ERROR)
    else:
        failed = len(report.rejections)
        model = _counted(MODEL_RULE, failed, f"{failed} of {report.rows} rows fail "
                                             f"schemas.{TABLE_MODELS[table].__name__} and will be moved to "
                                             "rejected_records")
    if report.contract_error:
        return [model, *(RuleOutcome(rule, "not checked", None, report.contract_error) for rule in CONTRACT_RULES)]
    found = report.contract
    rules = [*CONTRACT_RULES, *sorted(set(found) - set(CONTRACT_RULES))]
    return [model, *(_counted(rule, len(found.get(rule, [])), f"{len(found.get(rule, []))} problem(s)")
                     for rule in rules)]


def _rules_table(outcomes: list[RuleOutcome]) -> dg.MetadataValue:
    rows = pd.DataFrame([{"rule": o.rule, "outcome": o.outcome, "problems": "" if o.problems is None else o.problems,
                          "detail": o.detail} for o in outcomes])
    return markdown_preview(rows, rows=len(rows), width=200)


def _failure_cases(table: str, report: TableReport) -> dg.MetadataValue:
    """The first rows the model rejects (their keys and errors), then the first contract problems."""
    keys = PRIMARY_KEYS.get(table, ())
    cases = pd.DataFrame([{**{k: r.record.get(k) for k in keys}, "errors": r.errors}
                          for r in report.rejections[:SAMPLE_FAILURES]])
    problems = [f"- {rule}: {p}" for rule, found in report.contract.items() for p in found][:SAMPLE_FAILURES]
    parts = ([f"**{MODEL_RULE}**\n\n" + markdown_preview(cases, width=200).value] if len(cases) else []) + (
        ["**contract rules**\n\n" + "\n".join(problems)] if problems else [])
    return dg.MetadataValue.md("\n\n".join(parts) or "none")


def table_check_result(table: str, report: TableReport) -> dg.AssetCheckResult:
    """The table's one check: failed when any rule failed, with the worst failure's severity; the failing rules
    are named in the description and in `failing_rules`, and each rule's outcome is a row of `rules`."""
    outcomes = rule_outcomes(table, report)
    failing = [o for o in outcomes if o.outcome != "passed"]
    error = any(o.severity == dg.AssetCheckSeverity.ERROR for o in failing)
    metadata = {"rows": report.rows, "failing_rules": ", ".join(o.rule for o in failing) or "none",
                "rules": _rules_table(outcomes),
                **{f"{o.rule}_problems": o.problems for o in outcomes if o.problems is not None},
                "failure_cases": _failure_cases(table, report)}
    if report.schema_error:
        metadata["table_error"] = report.schema_error
    description = "; ".join(f"{o.rule} {o.outcome}: {o.detail}" for o in failing)
    if any(o.outcome == "failed" and o.rule != MODEL_RULE for o in failing):
        description += ". Breaking rows are moved to rejected_records, dangling optional references cleared and " \
                       "logged there"
    return dg.AssetCheckResult(
        asset_key=table, check_name=TABLE_CHECK, passed=not failing,
        severity=dg.AssetCheckSeverity.ERROR if error else dg.AssetCheckSeverity.WARN,
        description=description or None, metadata=metadata)


def _table_check_spec(table: str) -> dg.AssetCheckSpec:
    model = TABLE_MODELS[table].__name__
    return dg.AssetCheckSpec(
        TABLE_CHECK, asset=table, blocking=True,
        description=f"Validate {table}: its pandera model schemas.{model} ({MODEL_RULE}), then the contract's "
                    "cross-table rules on the rows that pass it (primary_key: unique primary keys; enum: closed "
                    "enums; foreign_key: references that resolve; offsets: evidence that is the text at its "
                    "offsets). The metadata gives each rule's outcome. A missing column fails it with ERROR and "
                    "stops the publish; breaking rows fail it with WARN and are quarantined by the warehouse "
                    "asset in rejected_records.")


TABLE_CHECK_SPECS = [_table_check_spec(table) for table in TABLE_MODELS]

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
    """Each table's check, from the one validation that also gives `validated_tables`: the cross-table rules
    need every table, and the publishing step must write what the checks reported on."""
    for table in sorted(TABLE_MODELS):
        yield table_check_result(table, validation.reports[table])


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
