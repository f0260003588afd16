"""The rules of `checks/outputs.toml` on the marts, run with great-expectations before any file
is written.

The input rules judge the user's extract; these judge our own SQL: a mart's grain, rates in
[0, 1], a Wilson interval around its rate, shares that sum to 1. No extract can break them, so a
failure is a bug of the evaluator and stops the run with an `InternalError` (exit status 2, as
every internal error) naming the mart, the rule and its expectation. The marts are small (one
row per offer, provider, contract or jobcenter, whatever the size of the extract), so each is
handed to GX whole; they stay out of the Data Docs, which show the rules a user can act on.
"""

import tomllib
from dataclasses import dataclass
from typing import Any

import duckdb

from evaluator.checks import (
    BATCH_SQL_DIR,
    comparable_numbers,
    import_great_expectations,
    named_expectation,
    new_batches,
)
from evaluator.findings import InternalError
from evaluator.resources import RULES_DIR, shipped_file

OUTPUT_RULES = RULES_DIR / "outputs.toml"


@dataclass(frozen=True)
class OutputRule:
    """One `[[rule]]` of `checks/outputs.toml`."""

    mart: str
    rule: str
    expectation: str
    arguments: dict[str, Any]
    description: str | None = None

    def stated(self) -> str:
        """The expectation as the TOML states it, for the internal-error message."""
        arguments = ", ".join(f"{name}={value!r}" for name, value in self.arguments.items())
        return f"{self.expectation}({arguments})"


@dataclass(frozen=True)
class OutputRules:
    """The rules, and the batch file of each mart that needs more columns than its own."""

    rules: list[OutputRule]
    batches: dict[str, str]

    def marts(self) -> list[str]:
        """The marts with rules, in the order the file lists them."""
        return list(dict.fromkeys(rule.mart for rule in self.rules))


def load_output_rules() -> OutputRules:
    document = tomllib.loads(shipped_file(OUTPUT_RULES).read_text(encoding="utf-8"))
    rules = [OutputRule(**entry) for entry in document["rule"]]
    return OutputRules(rules, document.get("batches", {}))


def check_outputs(con: duckdb.DuckDBPyConnection) -> None:
    """Validate every mart that has rules; raise `InternalError` listing each rule that failed."""
    rules = load_output_rules()
    gx = import_great_expectations()
    definition = new_batches(gx).definition("mart")
    failures = [
        failure
        for mart in rules.marts()
        for failure in mart_failures(gx, definition, mart, rules, con)
    ]
    if failures:
        raise InternalError("the checks of its results (checks/outputs.toml)", "; ".join(failures))


def mart_failures(
    gx, definition, mart: str, rules: OutputRules, con: duckdb.DuckDBPyConnection
) -> list[str]:
    """What each rule of `mart` that fails says. GX is asked for pass or fail only: counting the
    failing rows costs as much again, and a rule that never fails needs no count."""
    mart_rules = {rule.rule: rule for rule in rules.rules if rule.mart == mart}
    batch = comparable_numbers(mart_batch(con, mart, rules.batches))
    gx_batch = definition.get_batch(batch_parameters={"dataframe": batch})
    suite = gx.ExpectationSuite(
        name=f"{mart}_outputs",
        expectations=[output_expectation(gx, rule) for rule in mart_rules.values()],
    )
    result = gx_batch.validate(suite, result_format="BOOLEAN_ONLY")
    return [
        failure_text(gx, mart_rules[outcome.expectation_config.meta["rule"]], gx_batch, len(batch))
        for outcome in result.results
        if not outcome.success
    ]


def mart_batch(
    con: duckdb.DuckDBPyConnection, mart: str, batches: dict[str, str]
) -> duckdb.DuckDBPyRelation:
    if mart in batches:
        return con.sql(shipped_file(BATCH_SQL_DIR / batches[mart]).read_text(encoding="utf-8"))
    return con.table(mart)


def output_expectation(gx, rule: OutputRule):
    meta = {"rule": rule.rule, "mart": rule.mart}
    return named_expectation(gx, rule.expectation, rule.arguments, meta, rule.description)


def failure_text(gx, rule: OutputRule, gx_batch, rows: int) -> str:
    """`mart provider_breakdown, rule share_range: expect_column_values_to_be_between(…) failed
    on 2 of 161 rows`; a table-level expectation (a row count) gives what GX observed instead."""
    result = gx_batch.validate(output_expectation(gx, rule), result_format="BASIC").result
    if "unexpected_count" in result:
        how = f"failed on {result['unexpected_count']} of {rows} rows"
    else:
        how = f"failed (observed {result.get('observed_value')!r})"
    return f"mart {rule.mart}, rule {rule.rule}: {rule.stated()} {how}"
