"""Run settings reach the SQL as DuckDB variables (evaluator/variables.py): one statement per
variable, and every variable the SQL reads is one of them."""

import re

import duckdb

from evaluator.resources import SQL_DIR
from evaluator.variables import SET_STATEMENTS, set_variables

GETVARIABLE = re.compile(r"getvariable\('([a-z_0-9]+)'\)")


def test_every_variable_the_sql_reads_has_its_statement_and_every_statement_is_read():
    read = {
        name for path in SQL_DIR.rglob("*.sql") for name in GETVARIABLE.findall(path.read_text())
    }
    assert sorted(read - set(SET_STATEMENTS)) == []
    assert sorted(set(SET_STATEMENTS) - read) == []
    assert [n for n, s in SET_STATEMENTS.items() if not s.startswith(f"set variable {n} = ")] == []


def test_each_statement_sets_the_variable_it_is_named_after_in_its_type():
    con = duckdb.connect()
    set_variables(con, {"window_days": "274", "as_of_date": "2026-10-01", "jobcenter": None})
    assert con.sql(
        "select getvariable('window_days'), typeof(getvariable('window_days')),"
        " getvariable('as_of_date')::varchar, getvariable('jobcenter')"
    ).fetchall() == [(274, "INTEGER", "2026-10-01", None)]
