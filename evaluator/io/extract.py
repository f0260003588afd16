"""Read a whole extract folder into DuckDB: one typed `src_<table>` table per input table.

Reading goes on past the first problem so that one run lists every finding; the caller decides
whether the blocking ones stop the run.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import duckdb
import pandas as pd

from evaluator.findings import Finding, UsageError
from evaluator.io.files import LayoutError, UnreadableFileError, find_table_files, sha256_of
from evaluator.io.mapping import NO_MAPPING, ExtractMapping, TableMapping, apply_mapping
from evaluator.io.parse import create_source_table, value_problems
from evaluator.io.readers import RawTable, load_raw_table
from evaluator.io.schema import EXIT_CODES, EXITS, PARTICIPATIONS, TABLES, Table
from evaluator.resources import DEFAULT_EXIT_CODES, shipped_file

# The in-memory database for the files' text. DuckDB binds no name as a parameter, so the
# constant name is written into its two statements here, and nowhere else.
RAW_DATABASE = "raw"
ATTACH_RAW_DATABASE = f"attach ':memory:' as {RAW_DATABASE}"
DETACH_RAW_DATABASE = f"detach {RAW_DATABASE}"


@dataclass(frozen=True)
class InputFile:
    """One file that was read, for the manifest: which table, which file, how many rows.

    For a workbook, `sheet` and `header_row` say where the table was (see `RawTable`)."""

    table: str
    path: Path
    rows: int
    sha256: str
    is_default: bool = False
    sheet: str | None = None
    header_row: int = 1


@dataclass(frozen=True)
class ColumnPresence:
    table: str
    file_label: str
    column: str
    is_missing: bool


@dataclass(frozen=True)
class ValueProblems:
    """The flagged rows of one file (`parse.value_problems`), with what their messages need."""

    table: Table
    file_label: str
    number_notation: str
    rows: pd.DataFrame


@dataclass
class Extract:
    """What was read: the files, the findings, and which optional tables the extract has.

    The facts the reading rules of `checks/reading.toml` judge are gathered here: whether each
    required table has a file, whether each file has each required column, and the rows whose
    values are empty or do not parse. Problems with a file as a whole (unreadable, ambiguous,
    malformed lines, no rows) are findings at once: there is nothing to judge in such a file.
    """

    files: list[InputFile] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    present_tables: set[str] = field(default_factory=set)
    missing_tables: set[str] = field(default_factory=set)  # required tables without a file
    column_presence: list[ColumnPresence] = field(default_factory=list)
    value_problems: list[ValueProblems] = field(default_factory=list)

    @property
    def blocking(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.is_blocking]


def load_extract(
    con: duckdb.DuckDBPyConnection,
    folder: Path,
    scratch: Path,
    mapping: ExtractMapping = NO_MAPPING,
) -> Extract:
    """Load every table of SPEC §1.2 from `folder`; `scratch` holds transcoded copies.

    `mapping` says how the case system named the headers and labels, and where a header is
    (SPEC §1.3). The files' text is held in a separate in-memory database that is detached once
    every value is typed, so its memory is free before the checks and models run.
    """
    extract = Extract()
    with raw_database(con):
        for table in TABLES:
            load_table(con, folder, table, scratch, extract, mapping=mapping)
    extract.findings += empty_exits(extract.files)
    return extract


def empty_exits(files: list[InputFile]) -> list[Finding]:
    """An exits file with no rows beside participations with rows: a warning, not blocking.

    SPEC §5 does not make an empty table blocking, and the evaluation is defined (every outcome
    is none); but a real municipality always has exits, so the likelier cause is a file read
    wrongly or cut short, and the run must say so rather than report no effects in silence."""
    rows = {file.table: file for file in files}
    exits, participations = rows.get(EXITS.name), rows.get(PARTICIPATIONS.name)
    if exits is None or participations is None or exits.rows or not participations.rows:
        return []
    message = (
        f"the file has a header but no rows, while participations has {participations.rows}: "
        "no participation can have an effect"
    )
    return [Finding("warning", EXITS.name, 0, "", "", "empty_exits", message, file=exits.path.name)]


@contextmanager
def raw_database(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """An in-memory database for the files' text, detached (and freed) when typing is done."""
    con.execute(ATTACH_RAW_DATABASE).fetchall()
    try:
        yield
    finally:
        con.execute(DETACH_RAW_DATABASE).fetchall()


def load_single_file(
    con: duckdb.DuckDBPyConnection, path: Path, table: Table, scratch: Path
) -> Extract:
    """Load one file that is not part of an extract (the weekly targets) as `src_<table>`."""
    extract = Extract()
    with raw_database(con):
        load_table(con, path.parent, table, scratch, extract, paths=[path])
    return extract


def load_table(
    con: duckdb.DuckDBPyConnection,
    folder: Path,
    table: Table,
    scratch: Path,
    extract: Extract,
    paths: list[Path] | None = None,
    mapping: ExtractMapping = NO_MAPPING,
) -> None:
    paths = find_table_files(folder, table) if paths is None else paths
    if len(paths) > 1:
        names = ", ".join(path.name for path in paths)
        extract.findings.append(
            table_finding(table, "", "ambiguous_file", f"several files for one table: {names}")
        )
        return
    if not paths:
        extract.findings += settings_without_file(table, mapping)
        load_absent_table(con, folder, table, scratch, extract)
        return
    path = paths[0]
    is_default = path == DEFAULT_EXIT_CODES
    table_mapping = TableMapping() if is_default else mapping.for_table(table.name)
    try:
        raw = load_raw_table(
            con, path, f"{RAW_DATABASE}.{table.name}", scratch, table_mapping.layout
        )
    except UnreadableFileError as error:
        extract.findings.append(file_finding(table, path, error.rule, str(error), error.row))
        return
    except LayoutError as error:
        value = getattr(table_mapping.layout, error.key)
        key = f"{mapping.source}: [files.{table.name}] {error.key} = {value!r}"
        raise UsageError(f"{key}: {error}") from None
    raw = apply_mapping(raw, table, table_mapping, path.name, mapping.source)
    extract.findings += duplicate_columns(table, raw, path, table_mapping.columns)
    presence = [
        ColumnPresence(table.name, path.name, column.name, column.name not in raw.columns)
        for column in table.columns
        if column.present
    ]
    extract.column_presence += presence
    if any(column.is_missing for column in presence):
        return
    if raw.rows == 0 and table.required and table is not EXITS:
        message = "the file has a header but no rows"
        extract.findings.append(file_finding(table, path, "empty_table", message))
    create_source_table(con, table, raw)
    problems = value_problems(table, raw, con)
    extract.value_problems.append(ValueProblems(table, path.name, raw.number_notation, problems))
    extract.files.append(
        InputFile(
            table.name, path, raw.rows, sha256_of(path), is_default, raw.sheet, raw.header_row
        )
    )
    if not is_default:
        extract.present_tables.add(table.name)


def load_absent_table(
    con: duckdb.DuckDBPyConnection, folder: Path, table: Table, scratch: Path, extract: Extract
) -> None:
    """A required table is a blocking finding; `exit_codes` falls back to the shipped default;
    any other optional table becomes an empty table so the models still run."""
    if table.required:
        extract.missing_tables.add(table.name)
    elif table is EXIT_CODES:
        load_table(con, shipped_file(DEFAULT_EXIT_CODES).parent, table, scratch, extract)
    else:
        create_empty_source_table(con, table)


def settings_without_file(table: Table, mapping: ExtractMapping) -> list[Finding]:
    """A warning when the settings describe an optional table the extract has no file for: the
    file may be named otherwise (`kontrakter.csv`), and the run would go on without the table
    in silence. A required table without a file is blocking already (`missing_table`)."""
    if table.required or table.name not in mapping.tables:
        return []
    instead = "the shipped exit codes are used" if table is EXIT_CODES else "it is read as absent"
    message = (
        f"the settings ({mapping.source}) describe {table.name}, but the extract has no file "
        f"{table.name}.csv, .xlsx or .parquet; {instead}"
    )
    return [
        Finding("warning", table.name, 0, "", "", "settings_without_file", message, file=table.name)
    ]


def create_empty_source_table(con: duckdb.DuckDBPyConnection, table: Table) -> None:
    names = [column.name for column in table.columns]
    empty = pd.DataFrame({name: pd.Series([], dtype="string") for name in names})
    relation = con.from_df(empty.assign(_row=pd.Series([], dtype="int64")))
    create_source_table(con, table, RawTable(relation, tuple(names), "plain", 0))


def duplicate_columns(
    table: Table, raw: RawTable, path: Path, headers: dict[str, str]
) -> list[Finding]:
    """A column of the table named twice (names compared without letter case), by its own name
    or by the header `[columns]` gives it (`headers`)."""
    known = {column.name for column in table.columns}
    repeated = sorted(
        {name for name in raw.columns if name in known and raw.columns.count(name) > 1}
    )
    return [
        file_finding(
            table,
            path,
            "duplicate_column",
            f"the column {name}{header_note(headers.get(name))} appears more than once",
            0,
            name,
        )
        for name in repeated
    ]


def header_note(header: str | None) -> str:
    return "" if header is None else f" (header {header!r})"


def table_finding(table: Table, column: str, rule: str, message: str) -> Finding:
    return Finding("blocking", table.name, 0, column, "", rule, message, file=table.name)


def file_finding(
    table: Table, path: Path, rule: str, message: str, row: int = 0, column: str = ""
) -> Finding:
    return Finding("blocking", table.name, row, column, "", rule, message, file=path.name)


def with_sheet_rows(findings: list[Finding], files: list[InputFile]) -> list[Finding]:
    """Findings on a row of a workbook also name that row as the spreadsheet program shows it.

    `row` stays the data row, as for every file (SPEC §1.3); with the header on sheet row 3,
    data row 1 is sheet row 4.
    """
    workbooks = {file.table: file for file in files if file.sheet is not None}
    return [
        with_sheet_row(finding, workbooks[finding.table])
        if finding.row and finding.table in workbooks
        else finding
        for finding in findings
    ]


def with_sheet_row(finding: Finding, workbook: InputFile) -> Finding:
    sheet_row = finding.row + workbook.header_row
    return replace(
        finding, message=f"{finding.message} (sheet {workbook.sheet!r}, row {sheet_row})"
    )
