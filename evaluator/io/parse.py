"""Type every input value with the macros of `sql/macros/parse.sql`, flagging what fails.

A raw table (text, but for Parquet's integer and date columns) becomes a typed `src_<table>`
table. A value that does not parse, an empty required value, or a code outside its list flags
its row; the flagged rows go to the reading rules of `checks/reading.toml`, which report each
problem with its row and column. A Parquet column typed already as its schema kind is taken as
it is, without making its text: such a value cannot fail to parse.
"""

import duckdb
import pandas as pd
from duckdb import CoalesceOperator, ColumnExpression, ConstantExpression, FunctionExpression

from evaluator.io.readers import INTEGER_TYPES, ROW_COLUMN, RawTable, column_text
from evaluator.io.schema import Column, Table

SQL_TYPES = {
    "text": duckdb.sqltypes.VARCHAR,
    "code": duckdb.sqltypes.VARCHAR,
    "integer": duckdb.sqltypes.BIGINT,
    "decimal": duckdb.decimal_type(38, 10),
    "date": duckdb.sqltypes.DATE,
}
NUMBER_EXAMPLES = {"danish": "12.500,50", "plain": "12500.50"}
# The file types (`readers.NATIVE_PARQUET_TYPES`) a column of each schema kind is taken in as it
# is: a whole number is an integer or an exact decimal, a date a date. In any other type the
# column is parsed from its text, like a CSV value.
NATIVE_TYPES = {"integer": INTEGER_TYPES, "decimal": INTEGER_TYPES, "date": {"DATE"}}


def source_relation_name(table: Table) -> str:
    return f"src_{table.name}"


def is_native(column: Column, raw: RawTable) -> bool:
    """Whether the file holds `column` in a type its schema kind is taken in as it is."""
    return raw.column_types().get(column.name) in NATIVE_TYPES.get(column.kind, set())


def text_of(column: Column, raw: RawTable) -> duckdb.Expression:
    """The file's value of `column` as text, as a CSV file would hold it."""
    return column_text(column.name, raw.column_types()[column.name])


def typed_expression(column: Column, raw: RawTable) -> duckdb.Expression:
    """The expression that turns the raw text of `column` into its type (NULL if it fails);
    a label of the settings' `[values]` becomes its spec value first (SPEC §1.3)."""
    if column.name not in raw.columns:
        return ConstantExpression(None).cast(SQL_TYPES[column.kind])
    parsed = parsed_expression(column, raw)
    labels = raw.labels.get(column.name)
    if not labels:
        return parsed
    text = text_of(column, raw)
    spec_value = FunctionExpression(
        "map_label",
        text,
        ConstantExpression(list(labels)),
        ConstantExpression(list(labels.values())),
    )
    return CoalesceOperator(spec_value, parsed)


def parsed_expression(column: Column, raw: RawTable) -> duckdb.Expression:
    if is_native(column, raw):
        value = ColumnExpression(column.name)
        return FunctionExpression("typed_date", value) if column.kind == "date" else value
    text = text_of(column, raw)
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
        given = (
            ColumnExpression(column.name)
            if is_native(column, raw)
            else FunctionExpression("clean_text", text_of(column, raw))
        )
        if not column.nullable:
            checks.append((column, "empty", given.isnull()))
        if column.kind != "text":
            unparsed = given.isnotnull() & typed_expression(column, raw).isnull()
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


def problem_checks_of_frame(table: Table, rows: pd.DataFrame) -> list[tuple[Column, str]]:
    """The (column, problem) pairs that have a flag in a batch of `value_problems`."""
    return [
        (column, problem)
        for column in table.columns
        for problem in ("empty", "unparsed")
        if problem_column(column, problem) in rows.columns
    ]


def problem_column(column: Column, problem: str) -> str:
    """The name of a problem flag in the reading rules' batch: `start_date__unparsed`."""
    return f"{column.name}__{problem}"


def value_problems(table: Table, raw: RawTable, con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The rows flagged by `create_source_table`, with one flag per (column, problem) and the
    column's text as the user wrote it (left out for personal data), for the reading rules of
    `checks/reading.toml`. A clean file gives no rows, however large it is: an empty frame with
    the columns named, made without a query: most files are clean, and the join and
    its empty frame took a quarter of the time to read the demo (0.07 of 0.29 s)."""
    flagged = con.table(source_relation_name(table)).filter(ColumnExpression(PROBLEM_COLUMN))
    checks = problem_checks(table, raw)
    shown = sorted({column.name: column for column, _, _ in checks if not column.personal}.items())
    flags = [problem_column(column, problem) for column, problem, _ in checks]
    if not flagged.limit(1).fetchall():
        return pd.DataFrame(columns=[ROW_COLUMN, *(name for name, _ in shown), *flags])
    rows = raw.relation.join(flagged.select(ColumnExpression(ROW_COLUMN)), ROW_COLUMN)
    return rows.select(
        ColumnExpression(ROW_COLUMN),
        *(text_of(column, raw).alias(name) for name, column in shown),
        *(condition.alias(flag) for (_, _, condition), flag in zip(checks, flags, strict=True)),
    ).df()
