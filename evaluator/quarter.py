"""Quarters (`2026Q2`) and the dates that bound them (SPEC §2)."""

import datetime as dt
import re
from dataclasses import dataclass

from evaluator.findings import UsageError

QUARTER_PATTERN = re.compile(r"(\d{4})Q([1-4])")


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> "Quarter":
        match = QUARTER_PATTERN.fullmatch(text.strip().upper())
        if not match:
            raise UsageError(f"'{text}' is not a quarter; write it as YYYYQn, e.g. 2026Q2")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def containing(cls, day: dt.date) -> "Quarter":
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def label(self) -> str:
        return f"{self.year}Q{self.number}"

    @property
    def start_date(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def end_date(self) -> dt.date:
        return self.next().start_date - dt.timedelta(days=1)

    def next(self) -> "Quarter":
        return Quarter(self.year + self.number // 4, self.number % 4 + 1)

    def previous(self) -> "Quarter":
        return Quarter(self.year - (self.number == 1), (self.number - 2) % 4 + 1)

    def follow_up_complete_date(self, window_days: int) -> dt.date:
        """The first as-of date on which every participation of the cohort had its full window."""
        return self.end_date + dt.timedelta(days=window_days)


def latest_complete_quarter(as_of: dt.date, window_days: int) -> Quarter:
    """The newest quarter whose follow-up window has closed by `as_of` (not preliminary)."""
    quarter = Quarter.containing(as_of)
    while as_of < quarter.follow_up_complete_date(window_days):
        quarter = quarter.previous()
    return quarter


def parse_as_of(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise UsageError(f"'{text}' is not a date; write --as-of as YYYY-MM-DD") from error
