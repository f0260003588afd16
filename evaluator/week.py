"""The ISO 8601 week the Monday numbers count (SPEC §2.4): parsed from `YYYY-Www`, or the latest
complete week before a date."""

import datetime as dt
import re
from dataclasses import dataclass

from evaluator.findings import UsageError

WEEK_PATTERN = re.compile(r"(\d{4})-W(\d{2})")


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
