"""The `evaluator` command (SPEC §3). Each command parses its options and calls the library."""

import atexit
import datetime as dt
import gc
import os
from collections.abc import Callable
from enum import StrEnum
from functools import wraps
from pathlib import Path
from typing import Annotated

import duckdb
import typer
from rich.markup import escape
from rich.text import Text

from evaluator import __version__
from evaluator.ci_reports import fails
from evaluator.console import (
    console,
    print_check_result,
    print_findings,
    print_github_annotations,
    print_mapping_proposal,
    print_summary,
    print_weekly,
    progress_status,
)
from evaluator.export.weekly_files import write_weekly_report
from evaluator.findings import (
    EXIT_USAGE,
    BlockingInputError,
    EvaluatorError,
    FileSystemError,
    UsageError,
)
from evaluator.mapping_proposal import DEFAULT_OUT, write_proposal
from evaluator.pipeline import evaluate, run_check
from evaluator.quarter import Quarter, parse_as_of
from evaluator.report_folder import write_check_reports, write_jobcenter_reports, write_report
from evaluator.resources import DEMO_DATA_DIR, DEMO_TARGETS
from evaluator.run_summary import summarise
from evaluator.settings import load_settings
from evaluator.synthetic import SynthSize, write_synthetic_extract
from evaluator.week import Week
from evaluator.weekly_pipeline import evaluate_week


class Language(StrEnum):
    DA = "da"
    EN = "en"


# What a command leaves behind (a workbook's 1.3 million objects at 5 million participations)
# is freed with the process; without this, Python's last cycle collection at exit walks it all
# first (1.1 s of a 5-million run).
atexit.register(gc.freeze)

app = typer.Typer(
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

DataOption = Annotated[
    Path, typer.Option("--data", help="Folder with the extract's files (SPEC §1).")
]
OutOption = Annotated[
    Path | None, typer.Option("--out", help="Report folder. Default: reports/<quarter>.")
]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="Settings file (TOML); see docs/settings.md.")
]
LangOption = Annotated[
    Language,
    typer.Option("--lang", help="Language of the workbook: da (Danish) or en (English)."),
]
AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", help="As-of date YYYY-MM-DD. Default: the extract's latest date."),
]


def print_version(show: bool) -> None:
    if show:
        console.print(f"evaluator {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Effect prices and contract follow-up for the offers a jobcenter buys.

    Start with the demo, then run a quarter of your own extract:

        evaluator demo

        evaluator run --data extracts/2026-10 --quarter 2026Q2
    """


def reports_user_errors(command: Callable[..., None]) -> Callable[..., None]:
    """Turn the library's errors into a message and the exit status of SPEC §3, no traceback."""

    @wraps(command)
    def wrapper(*args: object, **kwargs: object) -> None:
        try:
            command(*args, **kwargs)
        except BlockingInputError as error:
            print_findings(error.findings)
            console.print(f"[bold red]{escape(str(error))}[/] Nothing was written.")
            raise typer.Exit(error.exit_code) from None
        except EvaluatorError as error:
            console.print(f"[bold red]Error:[/] {escape(str(error))}")
            raise typer.Exit(error.exit_code) from None
        except OSError as error:
            # The writers and readers name their paths; this is for a place they did not expect
            # to fail (a scratch folder, a file opened by a library).
            failure = FileSystemError.from_os_error(error, "(a file of the evaluator)")
            console.print(f"[bold red]Error:[/] {escape(str(failure))}")
            raise typer.Exit(EXIT_USAGE) from None
        except duckdb.IOException as error:
            # DuckDB's own file errors (its spill files on a full disk) name the path themselves.
            console.print(f"[bold red]Error:[/] {escape(str(error).splitlines()[0])}")
            raise typer.Exit(EXIT_USAGE) from None

    return wrapper


def evaluate_and_report(
    data: Path,
    quarter: Quarter | None,
    config: Path | None,
    as_of: dt.date | None,
    out: Path | None,
    lang: Language,
    jobcenter: str | None = None,
    each_jobcenter: bool = False,
) -> Path:
    """Evaluate and write the report (with `each_jobcenter`, one per jobcenter beside it);
    returns the report folder."""
    settings = load_settings(config)
    with progress_status() as progress:
        evaluation = evaluate(data, quarter, settings, as_of, progress, jobcenter=jobcenter)
        progress("Writing the report")
        folder = out or Path("reports") / evaluation.quarter.label
        if each_jobcenter:
            files = write_jobcenter_reports(evaluation, folder, lang.value, progress)
        else:
            files = write_report(evaluation, folder, lang.value)
    print_summary(evaluation, summarise(evaluation), files)
    return folder


@app.command()
@reports_user_errors
def run(
    data: DataOption,
    quarter: Annotated[str, typer.Option("--quarter", help="Quarter to evaluate, YYYYQn.")],
    out: OutOption = None,
    config: ConfigOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = Language.DA,
    jobcenter: Annotated[
        str | None,
        typer.Option(
            "--jobcenter",
            help="Evaluate one jobcenter of a pooled extract against the whole extract's strata.",
        ),
    ] = None,
    each_jobcenter: Annotated[
        bool,
        typer.Option(
            "--each-jobcenter",
            help="Also write one report per jobcenter, in --out/<jobcenter>/.",
        ),
    ] = False,
) -> None:
    """Run the quarterly evaluation of an extract and write the report.

    Computes outcomes, costs, effect prices per provider and offer, and contract flags for the
    cohort of participations that ended in the quarter, and writes the CSVs and the workbook
    scorecards.xlsx (in Danish unless --lang en). A pooled extract of several jobcenters gets
    their benchmark (jobcenter_metrics.csv); --jobcenter evaluates one of them, and
    --each-jobcenter writes every one's report beside the pooled one, from one read.

    Example:

        evaluator run --data extracts/2026-10 --quarter 2026Q2 --out reports/2026Q2

        evaluator run --data extracts/region --quarter 2026Q2 --jobcenter "Jobcenter Vejle"

    Exit status: 0 done, 1 the input failed a blocking data-quality check (nothing is
    written), 2 a usage or settings error (an unknown jobcenter lists the extract's), or an
    internal error: a result broke a rule of checks/outputs.toml (nothing is written).
    """
    if jobcenter is not None and each_jobcenter:
        raise UsageError("--jobcenter and --each-jobcenter exclude each other; give one")
    as_of_date = parse_as_of(as_of) if as_of else None
    evaluate_and_report(
        data, Quarter.parse(quarter), config, as_of_date, out, lang, jobcenter, each_jobcenter
    )


@app.command()
@reports_user_errors
def demo(out: OutOption = None, lang: LangOption = Language.DA) -> None:
    """Evaluate the demo extract shipped with the package (a fictional municipality).

    Evaluates the demo's latest quarter whose follow-up window is complete, and writes the
    Monday numbers of its latest complete week into the same folder.

    Example:

        evaluator demo --out reports/demo
    """
    folder = evaluate_and_report(DEMO_DATA_DIR, None, None, None, out, lang)
    weekly_and_report(DEMO_DATA_DIR, None, DEMO_TARGETS, folder)


def weekly_and_report(
    data: Path, week: Week | None, targets: Path | None, out: Path, config: Path | None = None
) -> None:
    settings = load_settings(config)
    with progress_status() as progress:
        figures = evaluate_week(data, week, targets, progress, settings)
        files = write_weekly_report(figures, out)
    print_weekly(figures, files)


@app.command()
@reports_user_errors
def weekly(
    data: DataOption,
    week: Annotated[
        str | None,
        typer.Option("--week", help="ISO week YYYY-Www. Default: the latest complete week."),
    ] = None,
    targets: Annotated[
        Path | None,
        typer.Option("--targets", help="CSV with department, category, weekly_target."),
    ] = None,
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("reports/weekly"),
    config: ConfigOption = None,
) -> None:
    """The Monday numbers: exits to job and to education per department, week and 4-week average.

    Green where the 4-week average is at or above the weekly target, red below. Writes
    mandagstal_YYYY-Www.csv and a one-sheet workbook with the last 13 weeks as a chart.

    Example:

        evaluator weekly --data extracts/2026-10 --week 2026-W41 --targets targets.csv
    """
    weekly_and_report(data, Week.parse(week) if week else None, targets, out, config)


class FailOn(StrEnum):
    BLOCKING = "blocking"
    WARNING = "warning"


@app.command()
@reports_user_errors
def check(
    data: DataOption,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Write every finding to this CSV file (data_quality.csv format)."
        ),
    ] = None,
    junit: Annotated[
        Path | None,
        typer.Option(
            "--junit", help="Write a JUnit XML report: a test suite per table, a case per rule."
        ),
    ] = None,
    codequality: Annotated[
        Path | None,
        typer.Option("--codequality", help="Write GitLab's Code Quality report (JSON)."),
    ] = None,
    docs: Annotated[
        Path | None,
        typer.Option("--docs", help="Write the great-expectations Data Docs site to this folder."),
    ] = None,
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on", help="Which findings make the exit status 1: blocking, or any warning."
        ),
    ] = FailOn.BLOCKING,
    as_of: AsOfOption = None,
    config: ConfigOption = None,
) -> None:
    """Run the data-quality checks on an extract, without evaluating it.

    Prints the first rows of each failing rule with a count; --out writes the full list.
    Every ended participation must have a price row, whatever its quarter. For a CI pipeline
    (docs/ci.md): --junit, --codequality and --docs write reports, and when GITHUB_ACTIONS is
    true each finding is also printed as a GitHub annotation.

    Example:

        evaluator check --data extracts/2026-10 --out findings.csv --junit junit.xml

    Exit status: 0 no blocking finding (warnings may be printed; with --fail-on warning, no
    finding at all), 1 a blocking finding (or a warning with --fail-on warning), 2 a usage error.
    """
    as_of_date = parse_as_of(as_of) if as_of else None
    settings = load_settings(config)
    with progress_status() as progress:
        run = run_check(
            data,
            as_of_date,
            progress,
            settings.engine,
            data_docs=docs is not None,
            mapping=settings.mapping,
        )
    write_check_reports(run, out, junit, codequality, docs, fail_on.value)
    print_check_result(run.findings, out)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        print_github_annotations(run)
    if fails(run.findings, fail_on.value):
        raise typer.Exit(BlockingInputError.exit_code)


@app.command("map")
@reports_user_errors
def map_extract(
    data: DataOption,
    out: Annotated[
        Path, typer.Option("--out", help="Where to write the proposed settings file (TOML).")
    ] = DEFAULT_OUT,
    force: Annotated[bool, typer.Option("--force", help="Overwrite --out if it exists.")] = False,
) -> None:
    """Propose a settings file for an extract as its case system exports it (SPEC §1.3).

    Finds each table's header (under title rows, on a later sheet of a workbook), matches each
    spec column to a header by its own name or a known Danish name (CPR-nr., Startdato), and
    each value of a code column to a known Danish label (A-dagpenge, Jobparat, Pr. deltager).
    What it cannot match is written as a commented line with the candidates, and every match is
    shown in a table. Only the values of code columns are read out; ids and free text never are.
    Default --out: settings.toml, never overwritten without --force.

    Example:

        evaluator map --data extracts/2026-10 --out extracts/2026-10.toml

    Exit status: 0 written, 2 a usage error (no such folder, no table's file in it, --out
    exists).
    """
    proposal = write_proposal(data, out, force)
    print_mapping_proposal(proposal.items, data, out)


class FileFormat(StrEnum):
    PARQUET = "parquet"
    CSV = "csv"


@app.command()
@reports_user_errors
def synth(
    participations: Annotated[
        int, typer.Option("--participations", min=1, help="Number of participations to make.")
    ],
    out: Annotated[Path, typer.Option("--out", help="Folder for the extract's files.")],
    seed: Annotated[int, typer.Option("--seed", help="The same seed gives the same extract.")] = 1,
    file_format: Annotated[
        FileFormat, typer.Option("--format", help="parquet (default) or csv.")
    ] = FileFormat.PARQUET,
    jobcenters: Annotated[
        int,
        typer.Option("--jobcenters", min=1, help="Spread the citizens over this many jobcenters."),
    ] = 1,
) -> None:
    """Write a synthetic extract of any size, for benchmarks and national-scale runs.

    Every table of the extract, with the distributions of the demo extract: repeat participations
    per citizen, price changes, contracts, surveys, progression, and exits of citizens who never
    took part. With --jobcenters N, a pooled extract of N jobcenters of different sizes and
    somewhat different results. Generated in bounded memory (streamed into the files),
    deterministic for a seed.

    Example:

        evaluator synth --participations 5000000 --jobcenters 98 --out extracts/synth-5m
    """
    size = SynthSize(participations, jobcenters)
    with progress_status() as progress:
        progress(f"Writing {participations:,} participations to {out}")
        files = write_synthetic_extract(out, size, seed, file_format.value)
    names = ", ".join(f.name for f in files)
    console.print(Text(f"Synthetic extract written to {out}: {names}"))
