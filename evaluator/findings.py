"""Data-quality findings and the errors that stop a run.

A finding points at one place in the input (file, row, column) so a user can open the file and
fix it. Row numbers are those a user sees: 1-based, header excluded; 0 means the whole file.
"""

import datetime as dt
import decimal
import errno
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
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


def csv_text(value: object) -> str:
    """One value as SPEC §4 wants it: empty for missing, `true`/`false`, rates unrounded. A
    finding's `value` is written so too, and the CSV outputs use it for every cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, decimal.Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class EvaluatorError(Exception):
    """An error the user can act on; the command line prints it and exits with `exit_code`."""

    exit_code = EXIT_USAGE


class InternalError(EvaluatorError):
    """A fault of the evaluator itself, not of the input or the installation: a model whose SQL
    names a relation or macro that the shipped files do create under another name, say, or a
    mart that breaks a rule of `checks/outputs.toml`. Exit 2,
    as every failure that is not bad input (docs/decisions.md, "Installing"); nothing is written."""

    def __init__(self, what: str, detail: str) -> None:
        super().__init__(
            f"internal error of the evaluator in {what}: {detail}; the extract is not at fault "
            "and nothing was written (please report this with the message)"
        )


class UsageError(EvaluatorError):
    """A wrong option, a missing folder or a bad settings file (exit status 2)."""


class BlockingInputError(EvaluatorError):
    """The input failed a blocking data-quality rule (exit status 1); nothing was written."""

    exit_code = EXIT_BLOCKING_INPUT

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        blocking = sum(finding.is_blocking for finding in findings)
        super().__init__(f"The input failed {blocking} blocking data-quality check(s).")


class FileSystemError(EvaluatorError):
    """The operating system refused to read or write a file: a full disk, no permission, a
    read-only folder, a name too long. The message names the path and the system's reason."""

    def __init__(self, path: Path | str, reason: str, consequence: str = "") -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}" + (f"; {consequence}" if consequence else ""))

    @classmethod
    def from_os_error(
        cls, error: OSError, fallback_path: Path | str, consequence: str = ""
    ) -> "FileSystemError":
        """The path and the reason in words that `error` carries, whatever its shape."""
        if isinstance(error, shutil.Error) and error.args and isinstance(error.args[0], list):
            # copytree gathers (source, destination, reason) triples instead of raising at once.
            _, destination, why = error.args[0][0]
            return cls(destination, str(why), consequence)
        path = error.filename if error.filename is not None else fallback_path
        return cls(path, os_error_reason(error), consequence)


# What the system's terse words mean for someone who only wanted a report written.
OS_ERROR_HINTS = {
    errno.ENOSPC: "the disk is full",
    errno.EEXIST: "a file stands where a folder is needed",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.ENAMETOOLONG: "a name in the path, or the whole path, is longer than the system allows",
    errno.EROFS: "the folder can only be read",
}


def os_error_reason(error: OSError) -> str:
    """The system's reason in words ("No space left on device (the disk is full)")."""
    reason = error.strerror or (os.strerror(error.errno) if error.errno else str(error))
    hint = OS_ERROR_HINTS.get(error.errno or 0)
    return f"{reason} ({hint})" if hint else reason
