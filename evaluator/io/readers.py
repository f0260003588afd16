"""Load one input file into DuckDB as a table of text, whatever its format or dialect.

Every value is kept as text here so that a value that does not parse can be reported with its
row and column (by `evaluator.io.parse`) instead of failing the whole read. The exception is a
Parquet column that is typed already as an integer or a date: its values cannot fail to parse,
so it is kept as it is and `parse` types it without going through text.
"""

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd
from duckdb import ColumnExpression, ConstantExpression
from python_calamine import CalamineError, CalamineWorkbook

from evaluator.io.files import (
    DEFAULT_LAYOUT,
    FileLayout,
    LayoutError,
    UnreadableFileError,
    copy_from_header,
    detect_csv_dialect,
)

CSV_LINE_PATTERN = re.compile(r"CSV Error on Line: (\d+)")
CSV_FIELDS_PATTERN = re.compile(r"Expected Number of Columns: (\d+) Found: (\d+)")
CSV_QUOTE_PATTERN = re.compile(r"unterminated quote")
ROW_COLUMN = "_row"


@dataclass(frozen=True)
class RawTable:
    """A file loaded as text: the DuckDB table that holds it and how to read it back.

    Every column is VARCHAR but a Parquet file's integer and date columns, which keep their type
    (`NATIVE_PARQUET_TYPES`); `text` gives the table with those as text too.

    For a workbook, `sheet` is the sheet read and `header_row` the sheet row of its header, so
    that a finding can name the row as the spreadsheet program shows it (data row 1 is sheet row
    `header_row + 1`); for a CSV file, `header_row` is the header's line. `labels` holds the
    `[values]` of each spec column (see `mapping`).
    """

    relation: duckdb.DuckDBPyRelation
    columns: tuple[str, ...]
    number_notation: str
    rows: int
    sheet: str | None = None
    header_row: int = 1
    labels: dict[str, dict[str, str | int]] = field(default_factory=dict)

    @property
    def text(self) -> duckdb.DuckDBPyRelation:
        """The table with every column as text (`_row` aside), as the file's values read."""
        return self.relation.select(
            *(
                ColumnExpression(name)
                if name == ROW_COLUMN
                else column_text(name, kind).alias(name)
                for name, kind in self.column_types().items()
            )
        )

    def column_types(self) -> dict[str, str]:
        """Each column of `relation` and its DuckDB type (`VARCHAR`, `BIGINT`, `DATE`, …)."""
        return {
            name: str(kind)
            for name, kind in zip(self.relation.columns, self.relation.types, strict=True)
        }


def column_text(name: str, kind: str) -> duckdb.Expression:
    """Column `name` of DuckDB type `kind` as text."""
    column = ColumnExpression(name)
    return column if kind == "VARCHAR" else column.cast(duckdb.sqltypes.VARCHAR)


def normalise_name(name: object) -> str:
    return str(name).strip().lower() if name is not None else ""


def load_raw_table(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    relation_name: str,
    scratch: Path,
    layout: FileLayout = DEFAULT_LAYOUT,
) -> RawTable:
    """The file as a relation with one text column per file column plus `_row`.

    `_row` is the row number a user sees in the file: 1-based, counted from the row after the
    header. What must be held in memory (CSV, workbook) is stored under `relation_name`;
    Parquet is read in place. `layout` says where the header is (SPEC §1.3).
    """
    suffix = path.suffix.lower()
    if layout.sheet is not None and suffix != ".xlsx":
        raise LayoutError("sheet", f"{path.name} is not a workbook; a sheet applies to .xlsx only")
    if suffix == ".csv":
        return load_csv(con, path, relation_name, scratch, layout.header_row or 1)
    if suffix == ".xlsx":
        return load_xlsx(con, path, relation_name, layout)
    if layout.header_row is not None:
        raise LayoutError("header_row", f"{path.name} is Parquet, whose columns have names")
    return load_parquet(con, path)


def load_csv(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    relation_name: str,
    scratch: Path,
    header_row: int = 1,
) -> RawTable:
    """Read a CSV file whose header is on line `header_row`; the lines above it are ignored.

    DuckDB reads the file itself when it can: UTF-8, the header on line 1, every line ending
    alike (the usual export, and a national file is not copied). Else it reads a UTF-8 copy from
    the header on with LF line endings (`copy_from_header`), so the header is line 1 either way.
    """
    dialect = detect_csv_dialect(path, header_row)
    columns = tuple(normalise_name(name) for name in dialect.header)
    readable = path
    if dialect.encoding == "cp1252" or dialect.mixed_line_endings or header_row > 1:
        readable = scratch / f"{relation_name}.utf8.csv"
        copy_from_header(path, readable, dialect.encoding, header_row)
    placeholder_names = unique_column_names(columns)
    try:
        relation = con.read_csv(
            str(readable),
            header=True,
            sep=dialect.delimiter,
            quotechar='"',
            escapechar='"',
            auto_detect=False,
            columns={name: "VARCHAR" for name in placeholder_names},
        )
        relation.create(f"{relation_name}_file")
    except duckdb.Error as error:
        raise csv_read_error(error, dialect.delimiter, header_row) from error
    relation = numbered_in_file_order(con, f"{relation_name}_file")
    rows = count_rows(relation)
    return RawTable(relation, columns, dialect.number_notation, rows, header_row=header_row)


def numbered_in_file_order(con: duckdb.DuckDBPyConnection, table: str) -> duckdb.DuckDBPyRelation:
    """Add `_row` from `rowid`, which follows the file's order when the table was created from it.

    (`row_number() over ()` would not: a window without ORDER BY has no guaranteed order.)
    """
    row = (ColumnExpression("rowid") + ConstantExpression(1)).alias(ROW_COLUMN)
    return con.table(table).select(duckdb.StarExpression(), row)


def unique_column_names(columns: tuple[str, ...]) -> list[str]:
    """Names DuckDB accepts for every header cell, even empty or repeated ones.

    Repeated and empty names are reported as findings by the caller; here they only need to be
    distinct so the file can still be read.
    """
    seen: set[str] = set()
    names = []
    for position, name in enumerate(columns, start=1):
        if not name or name in seen or name == ROW_COLUMN:
            name = f"_column_{position}"
        seen.add(name)
        names.append(name)
    return names


def csv_read_error(error: duckdb.Error, delimiter: str, header_row: int) -> UnreadableFileError:
    """Turn DuckDB's CSV error into a message about the user's file, with the row when known.

    DuckDB's text quotes the line it stopped at, CPR number and name included: only its line
    number and field counts are kept (SPEC §6). It reads the file from its header line
    (`load_csv`), so its line N is data row N - 1, and line N + header_row - 1 of the file."""
    text = str(error)
    line_match = CSV_LINE_PATTERN.search(text)
    if not line_match:
        return UnreadableFileError(f"the file could not be read as CSV: {text.splitlines()[0]}")
    row = int(line_match.group(1)) - 1
    line = f"line {row + header_row} of the file"
    fields = CSV_FIELDS_PATTERN.search(text)
    if fields:
        found, expected = int(fields.group(2)), int(fields.group(1))
        problem = (
            f"{line} has {found} fields, the header has {expected} (the delimiter is "
            f"'{delimiter}'; a value holding it must be quoted)"
        )
    elif CSV_QUOTE_PATTERN.search(text):
        problem = f'{line} opens a quote that is not closed (a quote inside a value is written "")'
    else:
        problem = f"{line} does not match the header"
    return UnreadableFileError(problem, rule="malformed_row", row=row)


def load_xlsx(
    con: duckdb.DuckDBPyConnection, path: Path, relation_name: str, layout: FileLayout
) -> RawTable:
    """Read a sheet with calamine (about 11 times faster than openpyxl's read-only mode).

    Rows are read from A1 so that a row's number is the one the spreadsheet program shows.
    """
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheet_name = sheet_to_read(workbook.sheet_names, layout.sheet, path)
        sheet = workbook.get_sheet_by_name(sheet_name).to_python(skip_empty_area=False)
    except (CalamineError, OSError, ValueError) as error:
        message = f"the file could not be opened as an XLSX workbook: {error}"
        raise UnreadableFileError(message) from error
    header_index = header_row_index(sheet, sheet_name, layout.header_row)
    columns = tuple(normalise_name(cell) for cell in sheet[header_index])
    names = unique_column_names(columns)
    records = [
        [cell_text(cell) for cell in row] + [str(number)]
        for number, row in enumerate(sheet[header_index + 1 :], start=1)
        if any(cell not in ("", None) for cell in row)
    ]
    frame = pd.DataFrame(records, columns=[*names, ROW_COLUMN], dtype="object")
    view = con.from_df(frame)
    view.select(
        *(ColumnExpression(name).cast(duckdb.sqltypes.VARCHAR).alias(name) for name in names),
        ColumnExpression(ROW_COLUMN).cast(duckdb.sqltypes.BIGINT).alias(ROW_COLUMN),
    ).create(relation_name)
    relation = con.table(relation_name)
    return RawTable(relation, columns, "plain", len(records), sheet_name, header_index + 1)


def sheet_to_read(sheet_names: list[str], wanted: str | None, path: Path) -> str:
    """The sheet named `wanted` (letter case aside, as Excel compares names), else the first."""
    if not sheet_names:
        raise UnreadableFileError("the workbook has no sheets")
    if wanted is None:
        return sheet_names[0]
    for name in sheet_names:
        if name.casefold() == wanted.casefold():
            return name
    listed = ", ".join(repr(name) for name in sheet_names)
    raise LayoutError("sheet", f"{path.name} has no such sheet; its sheets are {listed}")


def header_row_index(sheet: list[list], sheet_name: str, header_row: int | None) -> int:
    """The 0-based index of the header: row `header_row`, or the first row that holds a cell."""
    if header_row is None:
        filled = [index for index, row in enumerate(sheet) if any(c not in ("", None) for c in row)]
        if not filled:
            raise UnreadableFileError(
                f"the sheet {sheet_name!r} is empty; it must start with a header row"
            )
        return filled[0]
    if header_row > len(sheet):
        raise LayoutError("header_row", f"the sheet {sheet_name!r} has only {len(sheet)} rows")
    return header_row - 1


def cell_text(cell: object) -> str | None:
    """A workbook cell as text for the parser: native dates as ISO, whole numbers without `.0`."""
    if cell is None or cell == "":
        return None
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat()
    if isinstance(cell, dt.date):
        return cell.isoformat()
    if isinstance(cell, bool):
        return str(cell).lower()
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else repr(cell)
    return str(cell)


# Parquet types kept as they are: whole numbers that fit a BIGINT, and dates.
# A timestamp becomes its date; any other type (DOUBLE, DECIMAL, BOOLEAN, UBIGINT) is read as
# its text and parsed like a CSV value, so that such a file reads to the values its text would.
INTEGER_TYPES = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER"}
NATIVE_PARQUET_TYPES = INTEGER_TYPES | {"DATE"}


def load_parquet(con: duckdb.DuckDBPyConnection, path: Path) -> RawTable:
    """Read Parquet natively: integer and date columns as they are, timestamps as their date,
    everything else as text."""
    try:
        relation = con.read_parquet(str(path), file_row_number=True)
        file_columns = [
            (name, str(kind))
            for name, kind in zip(relation.columns, relation.types, strict=True)
            if name != "file_row_number"
        ]
        columns = tuple(normalise_name(name) for name, _ in file_columns)
        selected = [
            parquet_column(source, kind).alias(name)
            for (source, kind), name in zip(file_columns, unique_column_names(columns), strict=True)
        ]
        row = (ColumnExpression("file_row_number") + ConstantExpression(1)).alias(ROW_COLUMN)
        text = relation.select(*selected, row)
        rows = count_rows(text)
    except duckdb.Error as error:
        raise UnreadableFileError(
            f"the file could not be read as Parquet: {str(error).splitlines()[0]}"
        ) from error
    return RawTable(text, columns, "plain", rows)


def parquet_column(source: str, kind: str) -> duckdb.Expression:
    column = ColumnExpression(source)
    if kind.startswith("TIMESTAMP"):
        return column.cast(duckdb.sqltypes.DATE)
    if kind in NATIVE_PARQUET_TYPES:
        return column
    return column.cast(duckdb.sqltypes.VARCHAR)


def count_rows(relation: duckdb.DuckDBPyRelation) -> int:
    return relation.count("*").fetchall()[0][0]
