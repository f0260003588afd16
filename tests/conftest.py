"""Shared helpers: evaluate a small extract built in code and read the marts as dicts; the demo's
evaluation, report and CLI runs, made once per session for the files that read them."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evaluator.cli import app
from evaluator.pipeline import Evaluation, evaluate
from evaluator.quarter import Quarter
from evaluator.report_folder import write_report
from evaluator.resources import DEMO_DATA_DIR
from evaluator.settings import Settings
from fixtures.builders import ExtractBuilder


def run_extract(
    extract: ExtractBuilder,
    folder: Path,
    quarter: str = "2026Q2",
    as_of: str | None = "2026-12-31",
    settings: Settings | None = None,
    jobcenter: str | None = None,
) -> Evaluation:
    """Write `extract` to `folder` and evaluate `quarter` (as of `as_of`, default: complete).

    Without Data Docs: these tests check numbers; tests/test_cli.py covers the docs."""
    extract.write(folder)
    as_of_date = dt.date.fromisoformat(as_of) if as_of else None
    settings = settings or Settings()
    return evaluate(
        folder, Quarter.parse(quarter), settings, as_of_date, data_docs=False, jobcenter=jobcenter
    )


def rows(evaluation: Evaluation, relation: str) -> list[dict]:
    """Every row of a model, as dicts keyed by column name."""
    result = evaluation.con.table(relation)
    return [dict(zip(result.columns, row, strict=True)) for row in result.fetchall()]


def by_key(evaluation: Evaluation, relation: str, key: str) -> dict[str, dict]:
    return {row[key]: row for row in rows(evaluation, relation)}


@pytest.fixture
def extract() -> ExtractBuilder:
    """An extract with one offer O1 of provider PR1 at 1,000 kr. per participant."""
    builder = ExtractBuilder()
    builder.offer("O1")
    return builder


@pytest.fixture
def earlier_report(tmp_path) -> Path:
    """A report folder from an earlier run whose files must survive a failed run unchanged."""
    folder = tmp_path / "report"
    folder.mkdir()
    (folder / "provider_offer_metrics.csv").write_text("from an earlier run\n")
    (folder / "manifest.json").write_text("{}\n")
    return folder


@pytest.fixture(scope="session")
def demo_evaluation() -> Evaluation:
    """The demo's 2026Q2 evaluation with the default settings, once for the whole session (the
    demo takes seconds to evaluate). Read it, do not change it: no test may replace its marts."""
    return evaluate(DEMO_DATA_DIR, Quarter.parse("2026Q2"), Settings(), data_docs=False)


@pytest.fixture(scope="session")
def demo_report(demo_evaluation, tmp_path_factory) -> Path:
    """The Danish report folder of `demo_evaluation`, written once."""
    folder = tmp_path_factory.mktemp("demo-report-da")
    write_report(demo_evaluation, folder, "da")
    return folder


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory) -> Callable[..., tuple[Path, str]]:
    """`evaluator run --data <the demo extract> OPTIONS --out DIR` through the CLI, once per list
    of options in the session: its folder and what it printed."""
    runs: dict[tuple[str, ...], tuple[Path, str]] = {}

    def run(*options: str) -> tuple[Path, str]:
        if options not in runs:
            out = tmp_path_factory.mktemp("demo-run")
            command = ["run", "--data", str(DEMO_DATA_DIR), *options, "--out", str(out)]
            result = CliRunner().invoke(app, command)
            assert result.exit_code == 0, result.output
            runs[options] = (out, result.output)
        return runs[options]

    return run
