"""The reading rules of `checks/reading.toml`, run with great-expectations on what the reader saw.

These rules hold for every table, so each is applied to the tables, columns or values its
`applies_to` names. The reader (`evaluator/io/extract.py`) gathers three kinds of facts, and each
becomes a batch that GX validates like any other:

- `tables`: one row per required table, `is_missing` when it has no file;
- `columns`: one row per required column of each file that was read, `is_missing` when the
  header lacks it;
- one batch per file with the rows whose values are empty or do not parse, a flag per column and
  problem (`start_date__unparsed`). The reader flags those rows in the same pass that types the
  file, so a clean national file gives an empty batch instead of millions of rows of text; a row
  that is not flagged passes every flag by construction.

A batch in which nothing is flagged passes every reading rule, so it is not handed to GX: that
saves about two seconds per run (a GX suite costs about 0.2 s however small its batch), and a
clean extract, the usual case, pays nothing for these rules.
"""

import tomllib
from dataclasses import replace

import pandas as pd

from evaluator.checks import (
    Batches,
    Failure,
    Rule,
    import_great_expectations,
    new_batches,
    remainder_finding,
    validate,
)
from evaluator.findings import Finding
from evaluator.io.extract import Extract, ValueProblems
from evaluator.io.parse import NUMBER_EXAMPLES, problem_checks_of_frame, problem_column
from evaluator.io.readers import ROW_COLUMN
from evaluator.io.schema import TABLES, Column
from evaluator.resources import RULES_DIR, shipped_file

READING_RULES = RULES_DIR / "reading.toml"
KEY = "_key"
# Which reading rule judges a column's unparsed values, by the column's kind.
TYPE_RULES = {
    "date": "date_values",
    "integer": "integer_values",
    "decimal": "decimal_values",
    "code": "code_values",
}


def load_reading_rules() -> dict[str, Rule]:
    """The rules of `checks/reading.toml`, by what they apply to."""
    document = tomllib.loads(shipped_file(READING_RULES).read_text(encoding="utf-8"))
    return {entry["applies_to"]: Rule(table="", **entry) for entry in document["rule"]}


def run_reading_checks(extract: Extract) -> list[Finding]:
    """Every finding of the reading rules for what `extract` holds."""
    flagged = [problems for problems in extract.value_problems if len(problems.rows)]
    has_missing = bool(extract.missing_tables) or any(
        column.is_missing for column in extract.column_presence
    )
    if not flagged and not has_missing:
        return []
    gx = import_great_expectations()
    batches = new_batches(gx)
    rules = load_reading_rules()
    findings = table_findings(gx, batches, rules["required_tables"], extract)
    findings += column_findings(gx, batches, rules["required_columns"], extract)
    for problems in flagged:
        findings += value_findings(gx, batches, rules, problems)
    return findings


def table_findings(gx, batches: Batches, rule: Rule, extract: Extract) -> list[Finding]:
    required = [table.name for table in TABLES if table.required]
    batch = pd.DataFrame(
        {KEY: required, "is_missing": [name in extract.missing_tables for name in required]}
    )
    findings = []
    for failure in validate(gx, batches, "tables", [rule], [batch], KEY):
        for table in failure.keys:
            findings.append(
                finding(rule, table, 0, "", "", rule.message.format(table=table), table)
            )
    return findings


def column_findings(gx, batches: Batches, rule: Rule, extract: Extract) -> list[Finding]:
    presence = {f"{c.table}.{c.column}": c for c in extract.column_presence}
    batch = pd.DataFrame(
        {KEY: list(presence), "is_missing": [c.is_missing for c in presence.values()]}
    )
    findings = []
    for failure in validate(gx, batches, "columns", [rule], [batch], KEY):
        for key in failure.keys:
            column = presence[key]
            message = rule.message.format(column=column.column)
            findings.append(
                finding(rule, column.table, 0, column.column, "", message, column.file_label)
            )
    return findings


def value_findings(
    gx, batches: Batches, rules: dict[str, Rule], problems: ValueProblems
) -> list[Finding]:
    """One finding per empty or unparsed value, in the order of the rules, then of the rows."""
    table = problems.table
    table_rules = [
        column_rule(rules, table.name, column, problem, problems.number_notation)
        for column, problem in problem_checks_of_frame(table, problems.rows)
    ]
    if not table_rules:
        return []
    failures = validate(
        gx, batches, f"values_{table.name}", table_rules, [problems.rows], ROW_COLUMN
    )
    texts = problems.rows.set_index(ROW_COLUMN)
    findings: list[Finding] = []
    for failure in failures:
        findings += unparsed_findings(failure, texts, problems.file_label)
    return findings


def column_rule(
    rules: dict[str, Rule], table: str, column: Column, problem: str, notation: str
) -> Rule:
    """The reading rule for one column and problem, with its flag column and message filled in."""
    template = rules["required_values" if problem == "empty" else TYPE_RULES[column.kind]]
    arguments = {**template.arguments, "column": problem_column(column, problem)}
    message = template.message.format(
        column=column.name, codes=", ".join(column.codes), example=NUMBER_EXAMPLES[notation]
    )
    return replace(
        template, table=table, arguments=arguments, message=message, reports_column=column.name
    )


def unparsed_findings(failure: Failure, texts: pd.DataFrame, file_label: str) -> list[Finding]:
    """The value is the user's text (`texts`, by row), except in a column of personal data,
    which `value_problems` leaves out (SPEC §6)."""
    rule = failure.rule
    findings = []
    for row in failure.keys:
        shown = texts.at[row, rule.column] if rule.column in texts.columns else None
        value = "" if shown is None or pd.isna(shown) else str(shown)
        findings.append(
            finding(rule, rule.table, int(row), rule.column, value, rule.message, file_label)
        )
    return findings + remainder_finding(failure, file_label)


def finding(
    rule: Rule, table: str, row: int, column: str, value: str, message: str, file_label: str
) -> Finding:
    return Finding(
        severity=rule.severity,
        table=table,
        row=row,
        column=column,
        value=value,
        rule=rule.rule,
        message=message,
        file=file_label,
    )
