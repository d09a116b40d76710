"""Each contract table's one asset check (`validation`) folds its rules: it fails when any rule fails, names the
failing rules, and gives every rule's outcome in its metadata (pipeline/defs/checks.py)."""
from __future__ import annotations

import dagster as dg

from pipeline.core.records import Rejection
from pipeline.core.validate import CONTRACT_RULES, TableReport
from pipeline.defs.checks import MODEL_RULE, table_check_result

TABLE_RULES = (MODEL_RULE, *CONTRACT_RULES)


def outcomes(check: dg.AssetCheckResult) -> dict[str, str]:
    """Rule -> outcome, read from the markdown table of the check's `rules` metadata."""
    lines = check.metadata["rules"].value.splitlines()[2:]
    return {cells[1].strip(): cells[2].strip() for cells in (line.split("|") for line in lines)}


def test_a_clean_table_passes_with_every_rule_reported():
    check = table_check_result("places", TableReport(rows=7))
    assert check.passed and check.check_name == "validation" and check.asset_key == dg.AssetKey("places")
    assert check.metadata["failing_rules"].value == "none" and check.metadata["rows"].value == 7
    assert {f"{rule}_problems" for rule in TABLE_RULES} <= set(check.metadata)
    assert all(check.metadata[f"{rule}_problems"].value == 0 for rule in TABLE_RULES)
    assert outcomes(check) == {rule: "passed" for rule in TABLE_RULES}


def test_a_failing_contract_rule_fails_the_check_and_is_named():
    report = TableReport(rows=5, contract={"foreign_key": ["place p1: country_id c9 does not resolve",
                                                          "place p2: country_id c8 does not resolve"]})
    check = table_check_result("places", report)
    assert not check.passed and check.severity == dg.AssetCheckSeverity.WARN
    assert check.metadata["failing_rules"].value == "foreign_key"
    assert check.metadata["foreign_key_problems"].value == 2 and check.metadata["primary_key_problems"].value == 0
    assert check.description.startswith("foreign_key failed: 2 problem(s)")
    assert outcomes(check) == {rule: "failed" if rule == "foreign_key" else "passed" for rule in TABLE_RULES}
    assert "country_id c9 does not resolve" in check.metadata["failure_cases"].value


def test_rows_failing_the_model_fail_the_check_with_their_keys_shown():
    bad = Rejection("places", {"place_id": "bogus", "name": "Nowhere"}, "place_type: not in the enum")
    check = table_check_result("places", TableReport(rows=3, rejections=[bad]))
    assert not check.passed and check.severity == dg.AssetCheckSeverity.WARN
    assert check.metadata["failing_rules"].value == "pandera_model"
    assert check.metadata["pandera_model_problems"].value == 1
    assert "1 of 3 rows fail schemas." in check.description
    assert "bogus" in check.metadata["failure_cases"].value


def test_a_table_that_cannot_be_validated_fails_with_error_and_its_contract_is_not_checked():
    report = TableReport(rows=3, schema_error="places: column 'name' missing",
                         contract_error="not checked: places cannot be validated")
    check = table_check_result("places", report)
    assert not check.passed and check.severity == dg.AssetCheckSeverity.ERROR
    assert check.metadata["failing_rules"].value == ", ".join(TABLE_RULES)
    assert check.metadata["table_error"].value == "places: column 'name' missing"
    assert not any(f"{rule}_problems" in check.metadata for rule in TABLE_RULES)  # nothing was counted
    assert outcomes(check) == {"pandera_model": "failed", **{rule: "not checked" for rule in CONTRACT_RULES}}


def test_a_contract_problem_outside_the_named_rules_is_reported_as_its_own_rule():
    report = TableReport(rows=2, contract={"columns": ["agreements: column 'status' missing"]})
    check = table_check_result("agreements", report)
    assert not check.passed and check.metadata["failing_rules"].value == "columns"
    assert check.metadata["columns_problems"].value == 1
