"""Data-quality findings and the errors that stop a run.

A finding points at one place in the input (file, row, column) so a user can open the file and
fix it. Row numbers are those a user sees: 1-based, header excluded; 0 means the whole file.
"""

from dataclasses import dataclass
from typing import Literal

Severity = Literal["blocking", "warning"]

EXIT_BLOCKING_INPUT = 1
EXIT_USAGE = 2


@dataclass(frozen=True)
class Finding:
    """One problem found in the input, in the columns of `data_quality.csv` (SPEC §4)."""

    severity: Severity
    table: str
    row: int
    column: str
    value: str
    rule: str
    message: str
    file: str = ""
    # How many failing rows this finding stands for: 1, or the number of rows not listed one by
    # one for the finding that sums them up (a rule that fails on more than the rows listed).
    rows: int = 1

    @property
    def is_blocking(self) -> bool:
        return self.severity == "blocking"

    def location(self) -> str:
        """Where to look, in the words a user needs: file, row and column."""
        where = self.file or self.table
        if self.row:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column}"
        return where


def sorted_findings(findings: list[Finding]) -> list[Finding]:
    """Blocking first, then by table, row and column, so the list reads like the files."""
    return sorted(findings, key=lambda f: (not f.is_blocking, f.table, f.row, f.column, f.rule))


class EvaluatorError(Exception):
    """An error the user can act on; the command line prints it and exits with `exit_code`."""

    exit_code = EXIT_USAGE


class UsageError(EvaluatorError):
    """A wrong option, a missing folder or a bad settings file (exit status 2)."""


class BlockingInputError(EvaluatorError):
    """The input failed a blocking data-quality rule (exit status 1); nothing was written."""

    exit_code = EXIT_BLOCKING_INPUT

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        blocking = sum(finding.is_blocking for finding in findings)
        super().__init__(f"The input failed {blocking} blocking data-quality check(s).")
