"""Run the data-quality rules of `checks/` with great-expectations on well-typed batches.

Each table's rules (`checks/<table>.toml`) become one GX expectation suite. Its batch is the
DataFrame of `sql/checks/chk_<table>.sql`: the typed columns plus, for rules that need another
table, a derived column (is the offer known?). GX decides pass or fail and names the failing
rows by their `_row`, which becomes the row of each finding. A large table whose rules judge
each row by itself reaches GX in chunks of CHUNK_ROWS rows, so that memory holds one chunk.

Speed: validation first asks GX only for counts; the row lists are fetched for the failing
expectations alone, and for at most MAX_ROWS_PER_RULE rows each, so a file that fails a rule on
every one of its million rows is reported in seconds (the rest as one finding with the count).
"""

import datetime as dt
import os
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from evaluator.findings import Finding, csv_text
from evaluator.io.parse import source_relation_name
from evaluator.io.readers import ROW_COLUMN
from evaluator.io.schema import TABLES, Table
from evaluator.resources import RULES_DIR, SQL_DIR, shipped_file
from evaluator.variables import set_variables

BATCH_SQL_DIR = SQL_DIR / "checks"
MAX_ROWS_PER_RULE = 10_000
# A table whose rules all judge each row by itself goes to GX in chunks of this many rows, so
# that the checks hold one chunk (and GX's copy of it), not the table: at 20 million
# participations the whole batch was 1.3 GB before GX copied it.
CHUNK_ROWS = 1_000_000
ROW_BY_ROW = frozenset(
    {
        "expect_column_values_to_be_between",
        "expect_column_values_to_be_in_set",
        "expect_column_pair_values_a_to_be_greater_than_b",
    }
)
NUMBER_TYPES = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "DECIMAL", "FLOAT", "DOUBLE"}
DOCS_SITE = "report"
DOCS_VIEWS = "evaluator.data_docs_views"


@dataclass(frozen=True)
class Rule:
    """One line of a `checks/<table>.toml` file. A rule that tests a flag or a number the batch
    derives (rather than an input column) says in `description` what that column holds."""

    table: str
    rule: str
    severity: str
    message: str
    expectation: str
    arguments: dict[str, Any]
    reports_column: str | None = None
    applies_to: str | None = None
    description: str | None = None

    @property
    def key(self) -> str:
        """Unique within a suite: a reading rule is one rule applied to many columns."""
        return f"{self.rule}:{self.reports_column or ''}"

    @property
    def column(self) -> str:
        """The input column a finding points at."""
        return self.reports_column or self.arguments.get("column") or self.arguments["column_A"]


def load_rules(table: Table) -> list[Rule]:
    path = shipped_file(RULES_DIR / f"{table.name}.toml")
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Rule(table=table.name, **entry) for entry in document.get("rule", [])]


def import_great_expectations():
    """Import GX with its usage statistics off (this tool never talks to the network) and its
    keyword lookups reading an expectation's configuration once (`evaluator.gx_kwargs`)."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx

    from evaluator.gx_kwargs import read_configuration_once

    read_configuration_once()
    return gx


def expectation(gx, rule: Rule):
    """The GX expectation of a rule, with the rule's name and severity in its meta."""
    meta = {"rule": rule.rule, "severity": rule.severity, "key": rule.key}
    return named_expectation(gx, rule.expectation, rule.arguments, meta, rule.description)


def named_expectation(
    gx, name: str, arguments: dict[str, Any], meta: dict[str, str], description: str | None
):
    """`expect_column_values_to_be_between` and its arguments as a GX expectation. A description
    takes the place of GX's own sentence in the Data Docs."""
    class_name = "".join(part.capitalize() for part in name.split("_"))
    return getattr(gx.expectations, class_name)(**arguments, meta=meta, description=description)


def set_check_variables(
    con: duckdb.DuckDBPyConnection,
    as_of: dt.date,
    cohort: tuple[dt.date, dt.date],
    present_tables: set[str],
) -> None:
    """The as-of date, which participations count as cohort for the price-row rule, and whether
    there is a contracts table."""
    values = {
        "as_of_date": as_of,
        "check_cohort_start_date": cohort[0],
        "check_cohort_end_date": cohort[1],
        "has_contracts": "contracts" in present_tables,
    }
    set_variables(con, values)


@dataclass(frozen=True)
class Failure:
    """A rule that failed: the key (row number, table, column) of each failing row of its batch,
    at most MAX_ROWS_PER_RULE of them in order, and how many rows failed in all."""

    rule: Rule
    keys: list
    count: int


class Batches:
    """A GX context with one pandas datasource, and a whole-DataFrame batch definition per asset
    name, each made once. Every datasource, asset and batch definition GX adds rewrites its whole
    project configuration as YAML: with a datasource and an asset per table, a small run made 24
    of these rewrites, a tenth of its time."""

    def __init__(self, context) -> None:
        self.context = context
        self._datasource = context.data_sources.add_pandas("extract")
        self._definitions: dict[str, Any] = {}

    def definition(self, asset: str):
        """The batch definition of `asset`; the Data Docs name each validation's asset."""
        if asset not in self._definitions:
            data_asset = self._datasource.add_dataframe_asset(asset)
            self._definitions[asset] = data_asset.add_batch_definition_whole_dataframe("whole")
        return self._definitions[asset]


def new_batches(gx, docs_dir: Path | None = None) -> Batches:
    """The `Batches` of a new ephemeral GX context, with a Data Docs site in `docs_dir`."""
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = {"globally": False}
    if docs_dir is not None:
        add_docs_site(context, docs_dir)
    return Batches(context)


def run_checks(
    con: duckdb.DuckDBPyConnection, files: dict[str, str], docs_dir: Path | None = None
) -> list[Finding]:
    """Validate every table that was read; `files` maps a table to its file name for messages.

    With `docs_dir`, GX's Data Docs (a static HTML site of the rules and results) are built there.
    """
    gx = import_great_expectations()
    batches = new_batches(gx, docs_dir)
    findings: list[Finding] = []
    for table in TABLES:
        rules = load_rules(table)
        if table.name not in files or not rules:
            continue
        batch = con.sql(shipped_file(BATCH_SQL_DIR / f"chk_{table.name}.sql").read_text("utf-8"))
        if all(rule.expectation in ROW_BY_ROW for rule in rules):
            frames = comparable_chunks(batch, CHUNK_ROWS)
        else:
            frames = [comparable_numbers(batch)]
        source = con.table(source_relation_name(table))
        failures = validate(
            gx, batches, table.name, rules, frames, ROW_COLUMN, for_docs=docs_dir is not None
        )
        for failure in failures:
            findings += row_findings(failure, source, files[table.name])
    if docs_dir is not None:
        # Once, after every table: a checkpoint action per table would render the index and
        # copy the site's assets seven times, each time with templates compiled anew.
        batches.context.build_data_docs(site_names=[DOCS_SITE])
    return findings


def comparable_numbers(batch: duckdb.DuckDBPyRelation) -> pd.DataFrame:
    """The batch as a DataFrame whose number columns are float64 (their nulls NaN), all but the
    row key. GX compares an int64 or float64 column with one vectorised operation and any other
    dtype (int32, pandas' nullable Int64) with a Python call per value: at 5 million rows that
    was 20 of the checks' 26 s. Findings read their values from the typed table, not the batch.

    The frame is built through Arrow, one block per column: DuckDB's own `df()` took 2.4 s for
    the 5-million-row participations batch, Arrow 0.6 s. Flags become pandas' nullable booleans
    (a flag's null is skipped by GX, as any null is) and dates datetime64, not Python objects."""
    return arrow_frame(batch.select(*comparable_columns(batch)).to_arrow_table())


def comparable_chunks(batch: duckdb.DuckDBPyRelation, rows: int) -> Iterator[pd.DataFrame]:
    """`comparable_numbers` in frames of `rows` to twice `rows` rows (the last may be smaller),
    streamed from one execution of the batch's query: only one frame (and GX's copy of it) is
    in memory at a time. DuckDB streams record batches of at most `rows` rows, often far fewer
    (19 for 2.2 million progression rows), so they are gathered into frames of `rows`: each
    frame is a validation of its own, about 0.1 s and a result in the Data Docs. An empty batch
    is one empty frame, so that every table is validated and shown in the Data Docs."""
    reader = batch.select(*comparable_columns(batch)).to_arrow_reader(rows)
    pending: list[pa.RecordBatch] = []
    yielded = False
    for record_batch in reader:
        pending.append(record_batch)
        if sum(part.num_rows for part in pending) >= rows:
            yield arrow_frame(pa.Table.from_batches(pending, reader.schema))
            pending, yielded = [], True
    if pending or not yielded:
        yield arrow_frame(pa.Table.from_batches(pending, reader.schema))


def comparable_columns(batch: duckdb.DuckDBPyRelation) -> list[duckdb.Expression]:
    return [
        duckdb.ColumnExpression(name).cast(duckdb.sqltypes.DOUBLE).alias(name)
        if name != ROW_COLUMN and is_number(kind)
        else duckdb.ColumnExpression(name)
        for name, kind in zip(batch.columns, batch.types, strict=True)
    ]


def arrow_frame(table: pa.Table) -> pd.DataFrame:
    return table.to_pandas(
        types_mapper={pa.bool_(): pd.BooleanDtype()}.get,
        date_as_object=False,
        split_blocks=True,
        self_destruct=True,
    )


def is_number(kind: duckdb.sqltypes.DuckDBPyType) -> bool:
    return str(kind).split("(")[0] in NUMBER_TYPES


def build_empty_data_docs(docs_dir: Path) -> None:
    """The Data Docs site with no validation in it, for a check whose value rules did not run:
    a pipeline that publishes the site finds it in its place either way."""
    gx = import_great_expectations()
    new_batches(gx, docs_dir).context.build_data_docs(site_names=[DOCS_SITE])


def add_docs_site(context, docs_dir: Path) -> None:
    """GX's site, its pages rendered by the views of `evaluator.data_docs_views`."""
    page_view = {"module_name": DOCS_VIEWS, "class_name": "CachedTemplatesPageView"}
    context.add_data_docs_site(
        site_name=DOCS_SITE,
        site_config={
            "class_name": "SiteBuilder",
            "store_backend": {
                "class_name": "TupleFilesystemStoreBackend",
                "base_directory": str(docs_dir),
            },
            "site_section_builders": {
                section: {"view": page_view}
                for section in ("expectations", "validations", "profiling")
            },
            "site_index_builder": {
                "class_name": "DefaultSiteIndexBuilder",
                "view": {"module_name": DOCS_VIEWS, "class_name": "CachedTemplatesIndexPageView"},
            },
        },
    )


def validate(
    gx,
    batches: Batches,
    name: str,
    rules: list[Rule],
    frames: Iterable[pd.DataFrame],
    key_column: str,
    for_docs: bool = False,
) -> list[Failure]:
    """Run the rules as one suite on each of `frames` (a table whole, or in chunks of its rows),
    then fetch the failing keys of the rules that failed; one `Failure` per rule, in the order
    of `rules`, whatever the chunk its rows are in.

    `for_docs` runs the suite through a checkpoint, which stores each frame's result for the
    Data Docs; otherwise the batch validates the suite itself, which saves registering a
    validation and a checkpoint (their YAML costs about 0.1 s a table, whatever its size) and
    lets the failing keys come from the same batch (GX fingerprints every batch it makes: 0.5 s
    at 5 million rows). Both ask for GX's BASIC result: the counts, not the lists of failing
    rows, which SUMMARY computes for every rule at a copy of the whole batch each. Without the
    docs, every table shares one asset: its name is shown nowhere."""
    definition = batches.definition(name if for_docs else "table")
    suite = gx.ExpectationSuite(
        name=f"{name}_rules", expectations=[expectation(gx, rule) for rule in rules]
    )
    checkpoint = docs_checkpoint(gx, batches.context, name, definition, suite) if for_docs else None
    by_key = {rule.key: rule for rule in rules}
    found: dict[str, list[Failure]] = {}
    for frame in frames:
        for failure in frame_failures(gx, definition, checkpoint, suite, by_key, frame, key_column):
            found.setdefault(failure.rule.key, []).append(failure)
    return [merged(found[rule.key]) for rule in rules if rule.key in found]


def frame_failures(
    gx, definition, checkpoint, suite, by_key: dict[str, Rule], frame, key_column: str
) -> list[Failure]:
    """The failures of the suite on one frame: through `checkpoint` if there is one."""
    if checkpoint is not None:
        result = checkpoint.run(batch_parameters={"dataframe": frame})
        gx_batch = None
        outcomes = next(iter(result.run_results.values())).results
    else:
        gx_batch = definition.get_batch(batch_parameters={"dataframe": frame})
        outcomes = gx_batch.validate(suite, result_format="BASIC").results
    failed = [outcome for outcome in outcomes if not outcome.success]
    if not failed:
        return []
    if gx_batch is None:
        gx_batch = definition.get_batch(batch_parameters={"dataframe": frame})
    return [
        failing_keys(
            gx, gx_batch, by_key[outcome.expectation_config.meta["key"]], outcome, key_column
        )
        for outcome in failed
    ]


def docs_checkpoint(gx, context, name: str, definition, suite):
    """A checkpoint that validates `suite` and stores each result for the Data Docs."""
    validation = context.validation_definitions.add(
        gx.ValidationDefinition(name=name, data=definition, suite=context.suites.add(suite))
    )
    return context.checkpoints.add(
        gx.Checkpoint(
            name=f"{name}_checks", validation_definitions=[validation], result_format="BASIC"
        )
    )


def merged(parts: list[Failure]) -> Failure:
    """A rule's failures in several chunks as one: the counts added, the keys in order, at most
    MAX_ROWS_PER_RULE of them (all of them when the rule fails on no more rows in all)."""
    keys = sorted(key for part in parts for key in part.keys)[:MAX_ROWS_PER_RULE]
    return Failure(parts[0].rule, keys, sum(part.count for part in parts))


def failing_keys(gx, gx_batch, rule: Rule, summary_result, key_column: str) -> Failure:
    """The keys of the failing rows, asking GX for the full list only when it is short enough."""
    failing = summary_result.result.get("unexpected_count") or 0
    complete = gx_batch.validate(
        expectation(gx, rule),
        result_format={
            "result_format": "COMPLETE" if failing <= MAX_ROWS_PER_RULE else "SUMMARY",
            "unexpected_index_column_names": [key_column],
            "partial_unexpected_count": MAX_ROWS_PER_RULE,
            "return_unexpected_index_query": False,
        },
    )
    listed = complete.result.get("unexpected_index_list") or complete.result.get(
        "partial_unexpected_index_list", []
    )
    keys = sorted(entry[key_column] for entry in listed)[:MAX_ROWS_PER_RULE]
    return Failure(rule, keys, failing)


def row_findings(failure: Failure, source, file_label: str) -> list[Finding]:
    """One finding per failing row of a typed table, then one for the rows not listed. The
    value shown is the one in the user's column, read from the typed table `source`."""
    rule = failure.rule
    rows = [int(row) for row in failure.keys]
    values = column_values(source, rule.column, rows)
    findings = [
        Finding(
            rule.severity,
            rule.table,
            row,
            rule.column,
            csv_text(values.get(row)),
            rule.rule,
            rule.message,
            file=file_label,
        )
        for row in rows
    ]
    return findings + remainder_finding(failure, file_label)


def remainder_finding(failure: Failure, file_label: str) -> list[Finding]:
    """A rule that failed on more rows than are listed says how many in one more finding."""
    if failure.count <= len(failure.keys):
        return []
    rule = failure.rule
    message = f"{rule.message}: {failure.count} rows in all, the first {len(failure.keys)} listed"
    return [
        Finding(
            rule.severity,
            rule.table,
            0,
            rule.column,
            "",
            rule.rule,
            message,
            file=file_label,
            rows=failure.count - len(failure.keys),
        )
    ]


def column_values(
    source: duckdb.DuckDBPyRelation, column: str, rows: list[int]
) -> dict[int, object]:
    if not rows:
        return {}
    row_numbers = (duckdb.ConstantExpression(row) for row in rows)
    wanted = duckdb.ColumnExpression(ROW_COLUMN).isin(*row_numbers)
    return dict(source.filter(wanted).select(ROW_COLUMN, column).fetchall())
