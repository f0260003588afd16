"""Propose a settings file for an extract as its case system exports it (`evaluator map`, §1.3).

An analyst with a new Workbase or DREAM export should not write `[columns]`, `[values]` and
`[files]` by hand from an empty page. `map` finds each table's header (under title rows, on a
later sheet), matches each spec column to a header by its own name or a known Danish name, and
each value of a code column to a known Danish label; what it cannot match it writes as a
commented line that names the candidates, for the analyst to fill in.

Privacy (SPEC §6): the only values read out of a file are those of the code columns (benefit
group, match group, completion, price model, exit category), through the same reader as a run.
Headers are shown, never the value of an id or a free-text column. The first rows of a file are
looked at to find its header, but only a row recognised as the header is ever shown; and a value
of a code column that is no known label is shown only if it looks like a label (no digits, not
longer than a label), since a code column can hold what a caseworker typed.
"""

import itertools
import json
import re
import shlex
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
from python_calamine import CalamineError, CalamineWorkbook

from evaluator.atomic import staged_file
from evaluator.findings import UsageError
from evaluator.io.files import (
    FileLayout,
    LayoutError,
    UnreadableFileError,
    detect_encoding,
    find_table_files,
    require_extract_folder,
    split_header_line,
    text_codec,
)
from evaluator.io.known_names import (
    KNOWN_LABELS,
    can_show_as_header,
    header_keys,
    label_codes,
    name_key,
)
from evaluator.io.mapping import TableMapping, apply_mapping
from evaluator.io.readers import RawTable, load_raw_table, normalise_name
from evaluator.io.schema import TABLES, Column, Table

PREVIEW_ROWS = 30
NO_HEADER_FOUND = f"no header row found in the first {PREVIEW_ROWS} rows"
MAX_DISTINCT_VALUES = 50
# The longest unknown value `map` shows: the known labels have at most 40 characters, 4 words.
MAX_LABEL_CHARS = 40
MAX_LABEL_WORDS = 4
DIGITS = re.compile(r"\d")
SMALL_NUMBER = re.compile(r"\d{1,2}")
HIDDEN_VALUES = "value(s) not shown: they hold digits or are longer than a label (ids or free text)"
MATCH_GROUPS = ("1", "2", "3")  # SPEC §1.2: job-ready, activity-ready, temporarily passive
DEFAULT_OUT = Path("settings.toml")

# A sheet's rows as calamine gives them (None for a CSV file or Parquet, which have no sheets).
Preview = list[tuple[str | None, list[list[object]]]]


@dataclass(frozen=True)
class ProposalItem:
    """One line of the terminal's table: what was looked for, as the file has it, the verdict.

    `matched` is false where the analyst has something to fill in or to look at."""

    table: str
    subject: str
    found: str
    status: str
    matched: bool = True


@dataclass(frozen=True)
class MappingProposal:
    """The proposed settings file's text, and what it matched and did not, for the terminal."""

    text: str
    items: list[ProposalItem]


@dataclass(frozen=True)
class HeaderRow:
    """The row taken as a table's header: where it is, its cells, and whether it was recognised
    (most cells known names) or only taken as the row a run would read by default."""

    sheet: str | None
    number: int
    cells: tuple[str, ...]
    is_first_sheet: bool
    recognised: bool

    @property
    def layout(self) -> FileLayout:
        """The `[files]` entry a run needs to find this row; empty where it is the default."""
        sheet = None if self.is_first_sheet else self.sheet
        return FileLayout(sheet, None if self.number == 1 else self.number)

    @property
    def place(self) -> str:
        if self.sheet is None:
            return f"line {self.number}"
        return f"row {self.number} of sheet {self.sheet!r}"


@dataclass
class TableProposal:
    """One table's part of the settings file (its lines) and of the terminal table (its items)."""

    table: Table
    lines: list[str] = field(default_factory=list)
    items: list[ProposalItem] = field(default_factory=list)

    def section(self, header: str, lines: list[str]) -> None:
        """A TOML table; a blank line before each but the first under the table's comment."""
        if len(self.lines) > 1:
            self.lines.append("")
        self.lines += [header, *lines]

    def item(self, subject: str, found: str, status: str, matched: bool = True) -> None:
        self.items.append(ProposalItem(self.table.name, subject, found, status, matched))


def write_proposal(data: Path, out: Path, force: bool) -> MappingProposal:
    """Propose a settings file for the extract in `data` and write it to `out`, whole or not at
    all. An existing `out` is kept unless `force`: it may be the analyst's corrected settings."""
    if out.exists() and not force:
        raise UsageError(f"{out} exists; give --force to overwrite it, or another --out")
    proposal = propose_settings(data, out)
    with staged_file(out) as path:
        path.write_text(proposal.text, encoding="utf-8")
    return proposal


def propose_settings(data: Path, out: Path) -> MappingProposal:
    """The proposal for every table of SPEC §1.2 that has a file in `data`."""
    require_extract_folder(data)
    files = {table: find_table_files(data, table) for table in TABLES}
    if not any(files.values()):
        names = ", ".join(f"{table.name}.csv" for table in TABLES)
        raise UsageError(
            f"{data}: no file of any table; the files are named after the tables ({names}; "
            "or .xlsx, .parquet)"
        )
    with duckdb.connect() as con, tempfile.TemporaryDirectory(prefix="evaluator-map-") as scratch:
        tables = [
            propose_table(con, table, paths, Path(scratch))
            for table, paths in files.items()
            if paths or table.required
        ]
    lines = opening_comment(data, out)
    for table in tables:
        lines += ["", *table.lines]
    items = [item for table in tables for item in table.items]
    return MappingProposal("\n".join(lines) + "\n", items)


def opening_comment(data: Path, out: Path) -> list[str]:
    folder, settings = shlex.quote(str(data)), shlex.quote(str(out))
    return [
        f"# Proposed by `evaluator map` for the extract in {data}.",
        "# Check each line against the files before you use it: a header or a label matched by",
        "# its name can still mean something else in your system. A line that starts with # is",
        "# not read; fill in and uncomment those that name what could not be matched.",
        "# Then check the extract with these settings, and evaluate a quarter:",
        f"#   evaluator check --data {folder} --config {settings}",
        f"#   evaluator run --data {folder} --quarter YYYYQn --config {settings}",
    ]


def propose_table(
    con: duckdb.DuckDBPyConnection, table: Table, paths: list[Path], scratch: Path
) -> TableProposal:
    proposal = TableProposal(table)
    if not paths:
        proposal.lines.append(f"# {table.name}: no file (a required table)")
        proposal.item("file", "", f"no file {table.name}.csv, .xlsx or .parquet", False)
        return proposal
    if len(paths) > 1:
        names = ", ".join(path.name for path in paths)
        proposal.lines.append(f"# {table.name}: several files ({names}); keep one and map again")
        proposal.item("file", names, "several files for one table: keep one", False)
        return proposal
    path = paths[0]
    proposal.lines.append(f"# {table.name}: {path.name}")
    try:
        header = find_header(table, preview(path))
    except UnreadableFileError:
        proposal.item("file", path.name, "cannot be read; `evaluator check` says why", False)
        return proposal
    propose_layout(proposal, header)
    columns = match_columns(table, header.cells)
    propose_columns(proposal, columns, header.cells if header.recognised else None)
    propose_values(proposal, con, path, header.layout, columns, scratch)
    return proposal


def preview(path: Path) -> Preview:
    """The first rows of each sheet (a CSV file has one, a Parquet file only its column names)."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return workbook_preview(path)
    if suffix == ".csv":
        return [(None, csv_preview(path))]
    try:
        return [(None, [duckdb.read_parquet(str(path)).columns])]
    except duckdb.Error as error:
        raise UnreadableFileError(str(error)) from error


def workbook_preview(path: Path) -> Preview:
    """The first rows of every sheet, from A1 so that row numbers are the sheet's own."""
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        return [
            (
                name,
                workbook.get_sheet_by_name(name).to_python(
                    skip_empty_area=False, nrows=PREVIEW_ROWS
                ),
            )
            for name in workbook.sheet_names
        ]
    except (CalamineError, OSError, ValueError) as error:
        raise UnreadableFileError(str(error)) from error


def csv_preview(path: Path) -> list[list[object]]:
    """The first lines, each split as the reader splits a header line (`;` if it has one)."""
    with path.open("r", encoding=text_codec(detect_encoding(path)), newline="") as handle:
        lines = itertools.islice(handle, PREVIEW_ROWS)
        return [split_header_line(line.rstrip("\r\n"))[1] for line in lines]


def find_header(table: Table, sheets: Preview) -> HeaderRow:
    """The first row, on the first sheet that has one, in which most cells are known names of
    the table's columns; else the first row that holds anything, where a run looks by default."""
    keys = set().union(*(header_keys(column.name) for column in table.columns))
    for position, (sheet, rows) in enumerate(sheets):
        for number, row in enumerate(rows, start=1):
            cells = header_cells(row)
            filled = [cell for cell in cells if cell]
            known = sum(name_key(cell) in keys for cell in filled)
            if filled and 2 * known > len(filled):
                return HeaderRow(sheet, number, cells, position == 0, recognised=True)
    sheet, rows = sheets[0] if sheets else (None, [])
    number = next((n for n, row in enumerate(rows, start=1) if any(header_cells(row))), 1)
    cells = header_cells(rows[number - 1]) if rows else ()
    return HeaderRow(sheet, number, cells, is_first_sheet=True, recognised=False)


def header_cells(row: list[object]) -> tuple[str, ...]:
    """A row's cells as the reader names its columns, letter case kept for the settings file."""
    return tuple("" if cell is None else str(cell).strip() for cell in row)


def propose_layout(proposal: TableProposal, header: HeaderRow) -> None:
    layout = header.layout
    lines = [] if layout.sheet is None else [f"sheet = {toml_string(layout.sheet)}"]
    if layout.header_row is not None:
        lines.append(f"header_row = {layout.header_row}")
    if lines:
        proposal.section(f"[files.{proposal.table.name}]", lines)
    if header.recognised:
        proposal.item("header", header.place, "found: most cells are known names")
    else:
        status = f"{NO_HEADER_FOUND}; a run reads the first row as the header"
        proposal.item("header", header.place, status, False)


def match_columns(table: Table, cells: tuple[str, ...]) -> dict[str, str]:
    """Spec column → header in the file, no header for two columns.

    A header that is a spec column's own name goes to that column first, as a run would read it;
    then each remaining column takes the first free header known as its name."""
    headers = list(dict.fromkeys(cell for cell in cells if cell))
    taken: set[str] = set()
    found: dict[str, str] = {}

    def take(column: str, wanted: Iterator[str]) -> None:
        header = next(wanted, None)
        if header is not None:
            found[column] = header
            taken.add(normalise_name(header))

    for column in table.columns:
        take(column.name, (h for h in headers if normalise_name(h) == column.name))
    for column in table.columns:
        if column.name not in found:
            keys = header_keys(column.name)
            free = (h for h in headers if normalise_name(h) not in taken and name_key(h) in keys)
            take(column.name, free)
    return {column.name: found[column.name] for column in table.columns if column.name in found}


def column_entries(columns: dict[str, str]) -> dict[str, str]:
    """The `[columns]` entries a run needs: a column found by its own name needs none."""
    return {name: header for name, header in columns.items() if normalise_name(header) != name}


def propose_columns(
    proposal: TableProposal, columns: dict[str, str], cells: tuple[str, ...] | None
) -> None:
    """The `[columns]` entries, and for each column not found the header cells not matched.

    `cells` is None where no row was recognised as the header: the row taken may be a data row
    (a file without a header), whose cells are ids and names, so none is listed (SPEC §6)."""
    entries = column_entries(columns)
    taken = {normalise_name(header) for header in columns.values()}
    free = [
        cell
        for cell in dict.fromkeys(cells or ())
        if can_show_as_header(cell) and normalise_name(cell) not in taken
    ]
    listed = ", ".join(toml_string(cell) for cell in free) or "none (every header is matched)"
    candidates = NO_HEADER_FOUND if cells is None else f"headers not matched: {listed}"
    lines = []
    for column in proposal.table.columns:
        header = columns.get(column.name)
        if header is None:
            lines.append(f'# {column.name} = ""   # not found; {candidates}')
            status = "not found" if column.present else "not found (the column is optional)"
            proposal.item(column.name, "", status, not column.present)
            continue
        if column.name in entries:
            lines.append(f"{column.name} = {toml_string(header)}")
        own_name = name_key(header) == name_key(column.name)
        proposal.item(column.name, header, "its own name" if own_name else "a known name")
    if lines:
        proposal.section(f"[columns.{proposal.table.name}]", lines)
    for cell in free:
        proposal.item("", cell, "not a known name: ignored", False)


def propose_values(
    proposal: TableProposal,
    con: duckdb.DuckDBPyConnection,
    path: Path,
    layout: FileLayout,
    columns: dict[str, str],
    scratch: Path,
) -> None:
    """The `[values]` of the code columns found, read through the reader and the proposed
    `[columns]`, as a run would read them."""
    table = proposal.table
    code_columns = [c for c in table.columns if c.name in KNOWN_LABELS and c.name in columns]
    if not code_columns:
        return
    mapping = TableMapping(columns=column_entries(columns), layout=layout)
    try:
        raw = load_raw_table(con, path, table.name, scratch, layout)
    except (UnreadableFileError, LayoutError):
        # The reader's message may quote a line of the file; `evaluator check` shows it.
        proposal.item("values", path.name, "cannot be read; `evaluator check` says why", False)
        return
    raw = apply_mapping(raw, table, mapping, path.name, None)
    for column in code_columns:
        propose_column_values(proposal, column, columns[column.name], raw)


def propose_column_values(
    proposal: TableProposal, column: Column, header: str, raw: RawTable
) -> None:
    values = distinct_values(raw, column.name)
    if len(values) > MAX_DISTINCT_VALUES:
        proposal.lines.append(
            f"# {column.name}: more than {MAX_DISTINCT_VALUES} distinct values under "
            f"{toml_string(header)}; is it the right column?"
        )
        status = f"more than {MAX_DISTINCT_VALUES} distinct values: the wrong column?"
        proposal.item(column.name, header, status, False)
        return
    lines = []
    hidden = 0
    for value in values:
        code = label_codes(column.name).get(name_key(value))
        if value.lower() in spec_values(column):
            proposal.item(f"{column.name}: {value.lower()}", value, "valid as it stands")
        elif code is not None:
            lines.append(f"{toml_string(value)} = {toml_string(code)}")
            proposal.item(f"{column.name}: {code}", value, "a known label")
        elif can_show_as_label(value):
            lines.append(
                f'# {toml_string(value)} = ""   # not a known label; '
                f"the values are {', '.join(spec_values(column))}"
            )
            proposal.item(f"{column.name}: ?", value, "not a known label", False)
        else:
            hidden += 1
    if hidden:
        lines.append(f"# {hidden} {HIDDEN_VALUES}")
        proposal.item(f"{column.name}: ?", header, f"{hidden} {HIDDEN_VALUES}", False)
    if lines:
        proposal.section(f"[values.{proposal.table.name}.{column.name}]", lines)


def can_show_as_label(value: str) -> bool:
    """Whether a value that is no known label may be shown: a short label, not free text.

    A code column can hold what a caseworker typed ("Borger Jens Hansen (010190-1234)
    flyttet"): a value with a run of digits (a CPR number, a date, a case number) or longer than
    a label is counted, never shown (SPEC §6). A number of one or two digits alone is a code."""
    if DIGITS.search(value):
        return SMALL_NUMBER.fullmatch(value) is not None
    return len(value) <= MAX_LABEL_CHARS and len(value.split()) <= MAX_LABEL_WORDS


def distinct_values(raw: RawTable, name: str) -> list[str]:
    """The column's distinct trimmed values, one per letter case (as a run compares labels) in
    its most frequent spelling; at most one more than the cap, so that a wrong column is told
    without listing all of it."""
    query = f"""
        with spellings as (
            select trim("{name}") as value, count(*) as n from raw
            where trim("{name}") <> '' group by value
        )
        select first(value order by n desc, value) from spellings
        group by lower(value) order by lower(value) limit {MAX_DISTINCT_VALUES + 1}
    """
    return [value for (value,) in raw.text.query("raw", query).fetchall()]


def spec_values(column: Column) -> tuple[str, ...]:
    """The values a code column accepts as they stand (match_group is a number, 1 to 3)."""
    return column.codes or MATCH_GROUPS


def toml_string(text: str) -> str:
    """`text` as a TOML basic string. JSON's escapes are TOML's, except that TOML also wants
    DEL (U+007F) escaped."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")
