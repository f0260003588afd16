"""The weekly targets file of the Monday numbers (`--targets`, SPEC §2.4): read as
`src_weekly_targets`, or an empty table when there is none."""

import tempfile
from pathlib import Path

import duckdb

from evaluator.findings import UsageError
from evaluator.io.extract import create_empty_source_table, load_single_file
from evaluator.io.schema import WEEKLY_TARGETS
from evaluator.reading_checks import run_reading_checks


def load_targets(con: duckdb.DuckDBPyConnection, targets: Path | None) -> None:
    """`src_weekly_targets` from the targets file, or empty. A bad file is a usage error (exit 2)
    that names the file, row and column: the targets are settings, not the extract."""
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
