"""Type every input value with the macros of `sql/macros/parse.sql`, reporting what fails.

A raw table (all text) becomes a typed `src_<table>` table. A value that does not parse, an empty
required value, or a code outside its list becomes a blocking finding that names the row and
column, so the user can open the file and fix it.
"""

import duckdb
from duckdb import ColumnExpression, ConstantExpression, FunctionExpression

from evaluator.findings import Finding
from evaluator.io.readers import ROW_COLUMN, RawTable
from evaluator.io.schema import Column, Table

SQL_TYPES = {
    "text": duckdb.sqltypes.VARCHAR,
    "code": duckdb.sqltypes.VARCHAR,
    "integer": duckdb.sqltypes.BIGINT,
    "decimal": duckdb.decimal_type(38, 10),
    "date": duckdb.sqltypes.DATE,
}
NUMBER_EXAMPLES = {"danish": "12.500,50", "plain": "12500.50"}


def source_relation_name(table: Table) -> str:
    return f"src_{table.name}"


def typed_expression(column: Column, raw: RawTable) -> duckdb.Expression:
    """The expression that turns the raw text of `column` into its type (NULL if it fails)."""
    if column.name not in raw.columns:
        return ConstantExpression(None).cast(SQL_TYPES[column.kind])
    text = ColumnExpression(column.name)
    notation = ConstantExpression(raw.number_notation)
    if column.kind == "date":
        return FunctionExpression("parse_date", text)
    if column.kind == "integer":
        return FunctionExpression("parse_integer", text, notation)
    if column.kind == "decimal":
        return FunctionExpression("parse_decimal", text, notation)
    if column.kind == "code":
        return FunctionExpression("parse_code", text, ConstantExpression(list(column.codes)))
    return FunctionExpression("clean_text", text)


PROBLEM_COLUMN = "_has_problem"


def problem_checks(table: Table, raw: RawTable) -> list[tuple[Column, str, duckdb.Expression]]:
    """Each (column, kind of problem, condition) that makes a row's value unusable: empty where a
    value is required, or present but not of its type."""
    checks = []
    for column in table.columns:
        if column.name not in raw.columns:
            continue
        text = FunctionExpression("clean_text", ColumnExpression(column.name))
        if not column.nullable:
            checks.append((column, "empty", text.isnull()))
        if column.kind != "text":
            unparsed = text.isnotnull() & typed_expression(column, raw).isnull()
            checks.append((column, "unparsed", unparsed))
    return checks


def create_source_table(con: duckdb.DuckDBPyConnection, table: Table, raw: RawTable) -> None:
    """Create `src_<table>`: `_row`, every schema column in its type, and `_has_problem`, set
    when any value of the row is empty where required or does not parse.

    The flag is computed in the same pass as the types, so a clean national file is read once;
    only flagged rows are looked at again to say what is wrong.
    """
    selected = [
        typed_expression(column, raw).cast(SQL_TYPES[column.kind]).alias(column.name)
        for column in table.columns
    ]
    flag = ConstantExpression(False)
    for _, _, condition in problem_checks(table, raw):
        flag = flag | condition
    raw.relation.select(ColumnExpression(ROW_COLUMN), *selected, flag.alias(PROBLEM_COLUMN)).create(
        source_relation_name(table)
    )


def value_findings(
    con: duckdb.DuckDBPyConnection, table: Table, raw: RawTable, file_label: str
) -> list[Finding]:
    """Every empty required value and every value that does not parse, in row order."""
    flagged = con.table(source_relation_name(table)).filter(ColumnExpression(PROBLEM_COLUMN))
    if not flagged.limit(1).fetchall():
        return []
    rows = raw.relation.join(flagged.select(ColumnExpression(ROW_COLUMN)), ROW_COLUMN)
    findings: list[Finding] = []
    for column, problem, condition in problem_checks(table, raw):
        failing = rows.filter(condition).select(
            ColumnExpression(ROW_COLUMN), ColumnExpression(column.name)
        )
        findings += [
            empty_value_finding(table, column, row, file_label)
            if problem == "empty"
            else unparsed_value_finding(table, column, row, value, raw.number_notation, file_label)
            for row, value in sorted(failing.fetchall())
        ]
    return findings


def empty_value_finding(table: Table, column: Column, row: int, file_label: str) -> Finding:
    return Finding(
        severity="blocking",
        table=table.name,
        row=row,
        column=column.name,
        value="",
        rule="not_empty",
        message=f"{column.name} is empty; every row needs a value",
        file=file_label,
    )


def unparsed_value_finding(
    table: Table, column: Column, row: int, value: str | None, notation: str, file_label: str
) -> Finding:
    shown = "" if column.personal else (value or "")
    quoted = "the value" if column.personal else f"'{shown}'"
    if column.kind == "date":
        rule, expected = "type_date", "a date (YYYY-MM-DD, DD-MM-YYYY, DD.MM.YYYY or DD/MM/YYYY)"
    elif column.kind == "integer":
        rule, expected = "type_integer", "a whole number"
    elif column.kind == "decimal":
        rule = "type_decimal"
        expected = f"a number in {notation} notation, e.g. {NUMBER_EXAMPLES[notation]}"
    else:
        rule, expected = "allowed_values", "one of: " + ", ".join(column.codes)
    return Finding(
        severity="blocking",
        table=table.name,
        row=row,
        column=column.name,
        value=shown,
        rule=rule,
        message=f"{quoted} is not {expected}",
        file=file_label,
    )
