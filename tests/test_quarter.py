"""Quarters and the as-of logic of SPEC §2 and §2.1."""

import datetime as dt

import pytest

from evaluator.findings import UsageError
from evaluator.quarter import Quarter, latest_complete_quarter


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("2026Q1", "2026-01-01", "2026-03-31"),
        ("2026Q2", "2026-04-01", "2026-06-30"),
        ("2024Q1", "2024-01-01", "2024-03-31"),
        ("2026Q4", "2026-10-01", "2026-12-31"),
    ],
)
def test_quarter_dates(label, start, end):
    quarter = Quarter.parse(label)
    assert (quarter.start_date.isoformat(), quarter.end_date.isoformat()) == (start, end)
    assert quarter.label == label


def test_neighbours_across_a_year():
    assert Quarter.parse("2026Q1").previous().label == "2025Q4"
    assert Quarter.parse("2025Q4").next().label == "2026Q1"


@pytest.mark.parametrize("text", ["2026Q5", "2026-Q2", "Q2 2026", "26Q2", ""])
def test_bad_quarters_are_usage_errors(text):
    with pytest.raises(UsageError):
        Quarter.parse(text)


@pytest.mark.parametrize(
    ("as_of", "latest"),
    [
        ("2026-09-29", "2026Q2"),  # 30 June + 91 days: Q2's last window has closed
        ("2026-09-28", "2026Q1"),
        ("2026-06-30", "2026Q1"),  # 31 March + 91 days = 30 June
        ("2026-06-29", "2025Q4"),
    ],
)
def test_latest_complete_quarter(as_of, latest):
    assert latest_complete_quarter(dt.date.fromisoformat(as_of), 91).label == latest
