"""Shared helpers: evaluate a small extract built in code and read the marts as dicts."""

import datetime as dt
from pathlib import Path

import pytest

from evaluator.pipeline import Evaluation, evaluate
from evaluator.quarter import Quarter
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
