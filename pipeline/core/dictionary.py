"""The data dictionary (docs/data-dictionary.md), generated so that it cannot drift from the code.

Tables are described from what the pipeline enforces: DuckDB types from `schemas.TABLE_COLUMNS`,
nulls, keys, enums and checks from the pandera models, references from `schemas.FOREIGN_KEYS`;
each column's meaning is quoted from the data contract, the only place that states it. Views are
described from what DuckDB reports after running warehouse/views.sql on an empty in-memory
warehouse: their columns, types and `COMMENT ON VIEW`. A test compares the committed file with
this output and with a built warehouse.
"""
from __future__ import annotations

import re
from pathlib import Path

import duckdb

from pipeline.core.publish import VIEWS_SQL, create_table_sql, view_names
from schemas import EVIDENCE_TABLES, FOREIGN_KEYS, PRIMARY_KEYS, TABLE_COLUMNS, TABLE_DESCRIPTIONS, table_schema

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CONTRACT = PROJECT_ROOT.parent / "shared" / "spec" / "DATA_CONTRACT.md"
COMMAND = "python -m pipeline dictionary --out docs/data-dictionary.md"
# the contract points its evidence columns at its general rules; here they are the Provenance line
GENERAL_RULES, PROVENANCE = "see General rules", "see Provenance above"


def contract_meanings(text: str) -> dict[tuple[str, str], str]:
    """(table, column) -> meaning, from the contract's `### table` sections and their column tables.

    A section may name several tables (`### document_domains, agreement_domains, lab_domains`) and
    a row several columns (`start, end`, `document_id / agreement_id / lab_id`); every combination
    gets the row's meaning. Notes in parentheses after a column name are dropped.
    """
    meanings: dict[tuple[str, str], str] = {}
    tables: list[str] = []
    for line in text.splitlines():
        if line.startswith("### "):
            tables = [t.strip() for t in line[4:].split(" — ")[0].split(",")]
        elif line.startswith("|") and tables and not line.startswith(("| column", "|---")):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            names = re.sub(r"\(.*?\)", "", cells[0]).replace("`", "")
            meaning = cells[2] if len(cells) > 2 else ""
            for column in re.split(r"[,/]", names):
                for table in tables:
                    meanings.setdefault((table, column.strip()), meaning)
    return meanings


def _references() -> dict[tuple[str, str], list[str]]:
    refs: dict[tuple[str, str], list[str]] = {}
    for fk in FOREIGN_KEYS:
        when = f" when {fk.when[0]} = '{fk.when[1]}'" if fk.when else ""
        refs.setdefault((fk.table, fk.column), []).append(f"→ `{fk.parent_table}.{fk.parent_column}`{when}")
    return refs


def _check_text(name: str, stats: dict) -> str:
    if name == "isin":
        return "one of " + ", ".join(f"`{v}`" for v in stats["allowed_values"])
    if name == "str_matches":
        return f"matches `{stats['pattern']}`"
    if name == "in_range":
        return f"in [{stats['min_value']:g}, {stats['max_value']:g}]"
    if name == "str_length":
        return f"at least {stats['min_value']} character(s)"
    return name


def column_rules(table: str, column: str) -> str:
    """What validation enforces on one column: key, uniqueness, checks, references."""
    spec = table_schema(table).columns[column]
    rules = ["primary key" if (column,) == PRIMARY_KEYS.get(table) else "unique" if spec.unique else ""]
    rules += [_check_text(c.name, c.statistics) for c in spec.checks]
    rules += _references().get((table, column), [])
    return "; ".join(r for r in rules if r)


def view_columns() -> dict[str, tuple[str, list[tuple[str, str]]]]:
    """view -> (comment, [(column, DuckDB type)]) as DuckDB reports them on an empty warehouse."""
    con = duckdb.connect(":memory:")
    try:
        for table in TABLE_COLUMNS:
            con.execute(create_table_sql(table))
        con.execute(VIEWS_SQL.read_text(encoding="utf-8"))
        out = {}
        for view in view_names():
            comment = con.execute("SELECT comment FROM duckdb_views() WHERE view_name = ?", [view]).fetchall()[0][0]
            columns = con.execute("SELECT column_name, data_type FROM information_schema.columns "
                                  "WHERE table_name = ? ORDER BY ordinal_position", [view]).fetchall()
            out[view] = (comment or "", columns)
        return out
    finally:
        con.close()


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table_section(table: str, meanings: dict[tuple[str, str], str]) -> list[str]:
    schema = table_schema(table)
    lines = [f"### `{table}`", "", TABLE_DESCRIPTIONS[table], ""]
    if table in EVIDENCE_TABLES:
        text, start, end = EVIDENCE_TABLES[table]
        lines += [f"Provenance: `substr(documents.clean_text, {start} + 1, {end} - {start}) = {text}` "
                  "for the row's document.", ""]
    if schema.checks:
        lines += ["Row checks: " + ", ".join(f"`{c.name}`" for c in schema.checks) + ".", ""]
    lines += ["| column | DuckDB type | nullable | rules | meaning |", "|---|---|---|---|---|"]
    for column, duck_type in TABLE_COLUMNS[table].items():
        nullable = "yes" if schema.columns[column].nullable else "no"
        lines.append(f"| `{column}` | {duck_type} | {nullable} | {_cell(column_rules(table, column))} "
                     f"| {_cell(meanings.get((table, column), '').replace(GENERAL_RULES, PROVENANCE))} |")
    return [*lines, ""]


def _view_section(view: str, comment: str, columns: list[tuple[str, str]]) -> list[str]:
    lines = [f"### `{view}`", "", comment, "", "| column | DuckDB type |", "|---|---|"]
    lines += [f"| `{c}` | {t} |" for c, t in columns]
    return [*lines, ""]


def render_dictionary(contract: Path = CONTRACT) -> str:
    """The whole data dictionary as Markdown; raises FileNotFoundError when the contract is missing."""
    meanings = contract_meanings(Path(contract).read_text(encoding="utf-8"))
    lines = [
        "# Data dictionary of the cooperation warehouse", "",
        f"Generated by `{COMMAND}` from the pandera models in `schemas/`, the data contract "
        "(`../shared/spec/DATA_CONTRACT.md`, which gives the meanings) and `warehouse/views.sql`. "
        "Do not edit it by hand: a test fails when it differs from the generator's output or from a "
        "built warehouse.", "",
        "*nullable* and *rules* are what validation enforces before publishing (a row that breaks them "
        "goes to `rejected_records`); `→` marks a reference to another table. Count agreements and "
        "delegations with `count(DISTINCT event_id)`: a row is one report in one document.", "",
        "## Tables", "",
    ]
    for table in TABLE_COLUMNS:
        lines += _table_section(table, meanings)
    lines += ["## Views", ""]
    for view, (comment, columns) in view_columns().items():
        lines += _view_section(view, comment, columns)
    return "\n".join(lines).rstrip("\n") + "\n"


__all__ = ["CONTRACT", "column_rules", "contract_meanings", "render_dictionary", "view_columns"]
