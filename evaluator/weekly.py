"""The Monday numbers (SPEC §2.4, after Odense's "mandagstal"): exits to job and to education per
department in an ISO week, as a 4-week average against weekly targets."""

import datetime as dt
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

from evaluator.findings import BlockingInputError, UsageError
from evaluator.io.extract import create_empty_source_table, load_single_file
from evaluator.io.schema import WEEKLY_TARGETS
from evaluator.models import WEEKLY_MARTS, run_models, set_variables
from evaluator.pipeline import Progress, check_values, latest_extract_date, read_extract
from evaluator.reading_checks import run_reading_checks
from evaluator.settings import Settings

DEFAULT_SETTINGS = Settings()

WEEK_PATTERN = re.compile(r"(\d{4})-W(\d{2})")
SET_WEEK_VARIABLES = {
    "week_label": "set variable week_label = $value",
    "week_start_date": "set variable week_start_date = $value::date",
    "week_end_date": "set variable week_end_date = $value::date",
    "four_weeks_start_date": "set variable four_weeks_start_date = $value::date",
}


@dataclass(frozen=True)
class Week:
    """An ISO 8601 week: Monday to Sunday, belonging to the year of its Thursday."""

    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> "Week":
        match = WEEK_PATTERN.fullmatch(text.strip().upper())
        if match:
            year, number = int(match.group(1)), int(match.group(2))
            try:
                dt.date.fromisocalendar(year, number, 1)  # refuses W00, and W53 in most years
                return cls(year, number)
            except ValueError:
                pass
        raise UsageError(f"'{text}' is not an ISO week; write it as YYYY-Www, e.g. 2026-W41")

    @classmethod
    def containing(cls, day: dt.date) -> "Week":
        year, number, _ = day.isocalendar()
        return cls(year, number)

    @property
    def label(self) -> str:
        return f"{self.year}-W{self.number:02d}"

    @property
    def start_date(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.number, 1)

    @property
    def end_date(self) -> dt.date:
        return self.start_date + dt.timedelta(days=6)


def latest_complete_week(as_of: dt.date) -> Week:
    """The newest week that ended before `as_of`: the one a Monday report looks back on."""
    return Week.containing(as_of - dt.timedelta(days=as_of.isoweekday()))


@dataclass
class WeeklyFigures:
    con: duckdb.DuckDBPyConnection
    week: Week


def load_targets(con: duckdb.DuckDBPyConnection, targets: Path | None) -> None:
    """`src_weekly_targets` from the targets file, or empty. A bad file is a usage error (exit 2)
    that names the file, row and column."""
    if targets is None:
        create_empty_source_table(con, WEEKLY_TARGETS)
        return
    if not targets.is_file():
        raise UsageError(f"{targets}: the targets file does not exist")
    with tempfile.TemporaryDirectory(prefix="evaluator-") as scratch:
        extract = load_single_file(con, targets, WEEKLY_TARGETS, Path(scratch))
    findings = extract.findings + run_reading_checks(extract)
    if findings:
        problems = "; ".join(f"{f.location()}: {f.message}" for f in findings[:5])
        raise UsageError(f"the targets file has errors: {problems}")


def evaluate_week(
    data_dir: Path,
    week: Week | None,
    targets: Path | None = None,
    progress: Progress = lambda _: None,
    settings: Settings = DEFAULT_SETTINGS,
) -> WeeklyFigures:
    """The Monday numbers of `week` (default: the latest complete week) for the extract, read
    with the engine settings and the mapping of `settings`."""
    con, extract = read_extract(data_dir, progress, settings.engine, settings.mapping)
    if extract.blocking:
        raise BlockingInputError(extract.findings)
    as_of = latest_extract_date(con)
    week = week or latest_complete_week(as_of)
    progress("Checking data quality")
    no_cohort = (dt.date.max, dt.date.min)
    extract.findings += check_values(con, extract, as_of, no_cohort)
    if extract.blocking:
        raise BlockingInputError(extract.findings)
    load_targets(con, targets)
    values = {
        "week_label": week.label,
        "week_start_date": week.start_date.isoformat(),
        "week_end_date": week.end_date.isoformat(),
        "four_weeks_start_date": (week.start_date - dt.timedelta(days=21)).isoformat(),
    }
    set_variables(con, SET_WEEK_VARIABLES, values)
    progress(f"Counting exits for {week.label}")
    run_models(con, WEEKLY_MARTS)
    return WeeklyFigures(con, week)
