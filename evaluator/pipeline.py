"""The quarterly evaluation as a library call: read → stage → model, then hand over to exports.

`evaluate` returns an `Evaluation` that holds the DuckDB connection with every mart; the
exporters read from it. Nothing is written to disk here.
"""

import datetime as dt
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import duckdb

from evaluator.checks import build_empty_data_docs, run_checks, set_check_variables
from evaluator.findings import BlockingInputError, FileSystemError, Finding, UsageError
from evaluator.io.extract import Extract, load_extract, with_sheet_rows
from evaluator.io.files import find_table_files, require_extract_folder
from evaluator.io.mapping import NO_MAPPING, ExtractMapping
from evaluator.io.schema import TABLES
from evaluator.models import (
    QUARTERLY_MARTS,
    BackgroundModels,
    load_macros,
    rerun_models_reading,
    set_run_variables,
)
from evaluator.output_checks import check_outputs
from evaluator.quarter import Quarter, latest_complete_quarter
from evaluator.reading_checks import run_reading_checks
from evaluator.settings import EngineSettings, Settings
from evaluator.variables import set_variables

DEFAULT_ENGINE = EngineSettings()

Progress = Callable[[str], None]

EXTRACT_JOBCENTERS = """
select distinct jobcenter from src_participations where jobcenter is not null order by jobcenter
"""

PRELIMINARY = "select is_preliminary from quarter_overview"

LATEST_EXTRACT_DATE = """
select max(latest_date) from (
    select max(greatest(start_date, end_date)) as latest_date from src_participations
    union all
    select max(exit_date) from src_exits
)
"""


@dataclass
class Evaluation:
    """A finished evaluation: the marts live in `con`, the rest says how they were made."""

    con: duckdb.DuckDBPyConnection
    quarter: Quarter
    as_of: dt.date
    settings: Settings
    extract: Extract
    data_docs: tempfile.TemporaryDirectory | None
    jobcenter: str | None = None

    @property
    def is_preliminary(self) -> bool:
        """The marts' preliminary flag (the `is_preliminary` macro), read from quarter_overview
        so that the terminal, the manifest and the workbook say what the CSVs say."""
        return self.con.execute(PRELIMINARY).fetchall()[0][0]


def read_extract(
    data_dir: Path,
    progress: Progress = lambda _: None,
    engine: EngineSettings = DEFAULT_ENGINE,
    mapping: ExtractMapping = NO_MAPPING,
) -> tuple[duckdb.DuckDBPyConnection, Extract]:
    """Load and type every input table of `data_dir` into a new in-memory database, reading
    its headers and labels through `mapping` (SPEC §1.3).

    In memory on purpose: no database file with citizen ids is ever left on disk (SPEC §6).
    Past `engine.memory_limit` DuckDB spills to temporary files, which it deletes when the
    connection closes.
    """
    require_extract_folder(data_dir)
    con = duckdb.connect(config=engine.duckdb_config())
    load_macros(con)
    progress(f"Reading the extract in {data_dir}")
    try:
        with tempfile.TemporaryDirectory(prefix="evaluator-") as scratch:
            extract = load_extract(con, data_dir, Path(scratch), mapping)
    except OSError as error:
        # A file or folder the system will not let us read (no permission, a path too long), or
        # a full disk under the scratch folder that holds transcoded files.
        raise FileSystemError.from_os_error(error, data_dir, "nothing was written") from None
    extract.findings = with_sheet_rows(
        extract.findings + run_reading_checks(extract), extract.files
    )
    return con, extract


def latest_extract_date(con: duckdb.DuckDBPyConnection) -> dt.date:
    """The default as-of date (SPEC §2.1): the latest start, end or exit date in the extract."""
    latest = con.execute(LATEST_EXTRACT_DATE).fetchall()[0][0]
    if latest is None:
        raise UsageError("the extract has no dates at all; give --as-of")
    return latest


def check_values(
    con: duckdb.DuckDBPyConnection,
    extract: Extract,
    as_of: dt.date,
    cohort: tuple[dt.date, dt.date],
    docs_dir: Path | None = None,
) -> list[Finding]:
    """The rules of `checks/` on typed tables; `cohort` bounds the end dates whose
    participations must have a price row (SPEC §5). GX's Data Docs go to `docs_dir`, if given."""
    set_check_variables(con, as_of, cohort, extract.present_tables)
    files = {
        file.table: "exit_codes (shipped default)" if file.is_default else file.path.name
        for file in extract.files
    }
    return with_sheet_rows(run_checks(con, files, docs_dir), extract.files)


@dataclass
class CheckRun:
    """What `evaluator check` found, with what its CI reports need besides the findings: which
    tables have a file in `data_dir`, which were read (a table whose file fails a blocking
    reading rule is not; the shipped default exit codes are), and whether the rules on typed
    values ran at all (not when a reading rule blocks)."""

    findings: list[Finding]
    data_dir: Path
    tables_with_file: set[str]
    tables_read: set[str]
    values_checked: bool
    data_docs: tempfile.TemporaryDirectory | None


def check_extract(
    data_dir: Path,
    as_of: dt.date | None = None,
    progress: Progress = lambda _: None,
    engine: EngineSettings = DEFAULT_ENGINE,
    mapping: ExtractMapping = NO_MAPPING,
) -> list[Finding]:
    """Every data-quality finding of an extract, without evaluating it (`evaluator check`).

    With no quarter, every ended participation must have a price row at its start.
    """
    return run_check(data_dir, as_of, progress, engine, mapping=mapping).findings


def run_check(
    data_dir: Path,
    as_of: dt.date | None = None,
    progress: Progress = lambda _: None,
    engine: EngineSettings = DEFAULT_ENGINE,
    data_docs: bool = False,
    mapping: ExtractMapping = NO_MAPPING,
) -> CheckRun:
    """`check_extract` with what the CI reports need; with `data_docs`, GX's Data Docs of the
    rules as `evaluate` builds them (an empty site when a reading rule blocks the value rules)."""
    con, extract = read_extract(data_dir, progress, engine, mapping)
    docs = tempfile.TemporaryDirectory(prefix="evaluator-docs-") if data_docs else None
    with_file = {table.name for table in TABLES if find_table_files(data_dir, table)}
    tables_read = {file.table for file in extract.files}
    run = CheckRun(extract.findings, data_dir, with_file, tables_read, False, docs)
    if extract.blocking:
        if docs is not None:
            build_empty_data_docs(Path(docs.name))
        return run
    progress("Checking data quality")
    as_of = as_of or latest_extract_date(con)
    every_cohort = (dt.date.min, dt.date.max)
    run.findings = extract.findings + check_values(
        con, extract, as_of, every_cohort, docs and Path(docs.name)
    )
    run.values_checked = True
    return run


def evaluate(
    data_dir: Path,
    quarter: Quarter | None,
    settings: Settings,
    as_of: dt.date | None = None,
    progress: Progress = lambda _: None,
    data_docs: bool = True,
    jobcenter: str | None = None,
) -> Evaluation:
    """Run the quarterly evaluation of SPEC §2 on the extract in `data_dir`.

    With no `quarter`, the latest quarter whose follow-up is complete is evaluated. With
    `data_docs`, GX's Data Docs are built for the report (about 2 s; callers that only want the
    numbers can skip them). With `jobcenter`, one jobcenter of a pooled extract is evaluated
    against the strata of the whole extract (SPEC §2.7). The models are computed on a second
    connection while the data-quality checks run (`BackgroundModels`) and discarded if a rule
    blocks. The marts are checked against `checks/outputs.toml` before they are handed over.
    Raises `BlockingInputError` (exit 1) when the input fails a blocking rule,
    `UsageError` (exit 2) when `jobcenter` is not one of the extract's, and `InternalError`
    (exit 2) when a mart breaks a rule of ours.
    """
    con, extract = read_extract(data_dir, progress, settings.engine, settings.mapping)
    if extract.blocking:
        raise BlockingInputError(extract.findings)
    as_of = as_of or latest_extract_date(con)
    quarter = quarter or latest_complete_quarter(as_of, settings.window_days)
    progress("Checking data quality")
    cohort = (quarter.start_date, quarter.end_date)
    docs = tempfile.TemporaryDirectory(prefix="evaluator-docs-") if data_docs else None
    models_con = con.cursor()
    set_run_variables(models_con, quarter, as_of, settings, extract.present_tables, jobcenter)
    models = BackgroundModels(models_con, QUARTERLY_MARTS)
    try:
        extract.findings += check_values(con, extract, as_of, cohort, docs and Path(docs.name))
        if extract.blocking:
            raise BlockingInputError(extract.findings)
        if jobcenter is not None:
            check_jobcenter_name(con, jobcenter)
    except BaseException:
        models.discard()
        raise
    # The checks set variables of their own on `con`; the exports' views read the run's.
    set_run_variables(con, quarter, as_of, settings, extract.present_tables, jobcenter)
    progress(f"Computing outcomes, costs and metrics for {quarter.label}")
    models.wait()
    progress("Checking the results")
    check_outputs(con)
    return Evaluation(con, quarter, as_of, settings, extract, docs, jobcenter)


def extract_jobcenters(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The jobcenters of the extract's participations, in name order."""
    return [row[0] for row in con.execute(EXTRACT_JOBCENTERS).fetchall()]


def check_jobcenter_name(con: duckdb.DuckDBPyConnection, jobcenter: str) -> None:
    names = extract_jobcenters(con)
    if jobcenter not in names:
        raise UsageError(
            f"--jobcenter {jobcenter!r}: the extract has no such jobcenter; its jobcenters are "
            + ", ".join(repr(name) for name in names)
        )


def evaluate_jobcenter(evaluation: Evaluation, jobcenter: str | None) -> Evaluation:
    """The same evaluation for one jobcenter of the pooled extract (None: all of them again),
    from the tables already read, checked and modelled: only the models that the jobcenter
    changes are computed again (SPEC §2.7). `jobcenter` is one of `extract_jobcenters`: a name
    from the user is checked where it enters, in `evaluate`. The marts of `evaluation` are
    replaced, so write its outputs first; the returned evaluation reads the new ones, checked
    as `evaluate` checks its marts."""
    set_variables(evaluation.con, {"jobcenter": jobcenter})
    rerun_models_reading(evaluation.con, QUARTERLY_MARTS, "jobcenter")
    check_outputs(evaluation.con)
    return replace(evaluation, jobcenter=jobcenter)
