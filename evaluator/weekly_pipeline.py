"""The Monday numbers as a library call (SPEC §2.4, after Odense's "mandagstal"): read and check
the extract, load the targets, run the weekly marts. Exits to job and to education per
department in an ISO week, as a 4-week average against weekly targets."""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import duckdb
from duckdb import ColumnExpression

from evaluator.findings import BlockingInputError
from evaluator.models import WEEKLY_MARTS, run_models
from evaluator.pipeline import Progress, check_values, latest_extract_date, read_extract
from evaluator.settings import Settings
from evaluator.variables import set_variables
from evaluator.week import Week, latest_complete_week
from evaluator.weekly_targets import load_targets

DEFAULT_SETTINGS = Settings()

# The columns of the `mandagstal` mart that the terminal, the CSV and the workbook show.
FIGURE_COLUMNS = (
    "week",
    "department",
    "category",
    "exits_week",
    "avg_4w",
    "weekly_target",
    "status",
)


@dataclass
class WeeklyFigures:
    """A finished weekly run: the marts live in `con`."""

    con: duckdb.DuckDBPyConnection
    week: Week

    def rows(self) -> list[tuple]:
        """The figures in the mart's order (by department, `total` last; job before
        education): its final select says so, and a table keeps the order it was made in."""
        columns = (ColumnExpression(column) for column in FIGURE_COLUMNS)
        return self.con.table("mandagstal").select(*columns).fetchall()


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
    }
    set_variables(con, values)
    progress(f"Counting exits for {week.label}")
    run_models(con, WEEKLY_MARTS)
    return WeeklyFigures(con, week)
