"""How to read an extract as its case system exports it (SPEC §1.3): headers, labels, layout.

The settings file's `[columns.<table>]`, `[values.<table>.<column>]` and `[files.<table>]`
tables become one `ExtractMapping`. Everything that can be judged without the files is checked
when the settings are loaded; what needs a file (a header, a sheet, a header row) is checked as
the file is read, by `apply_mapping` and the readers. Either way a mistake is a configuration
error (exit 2) that names the table, the key and what is there to choose from.

The mapping is applied in DuckDB before any value is parsed: a projection renames each header
to its spec column, and the expression that types a column (`parse.typed_expression`) gives a
label its spec value before the parser judges the text. The parser, the data-quality rules and
the models see the spec's schema and values, never a Danish header; a finding still shows the
file's own text.
"""

from dataclasses import dataclass, field, replace
from pathlib import Path

from duckdb import ColumnExpression

from evaluator.findings import UsageError
from evaluator.io.files import FileLayout
from evaluator.io.known_names import can_show_as_header, header_keys, name_key
from evaluator.io.readers import ROW_COLUMN, RawTable, normalise_name, unique_column_names
from evaluator.io.schema import TABLES, Column, Table

TABLES_BY_NAME = {table.name: table for table in TABLES}
FILE_KEYS = ("sheet", "header_row")


@dataclass(frozen=True)
class TableMapping:
    """One table's mapping: spec column → header, spec column → {label key → spec value}.

    Label keys are the labels trimmed and in lower case, the form in which they are compared;
    spec values are typed already (a whole number for an integer column).
    """

    columns: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str | int]] = field(default_factory=dict)
    layout: FileLayout = field(default_factory=FileLayout)

    @property
    def is_identity(self) -> bool:
        return not self.columns and not self.values


@dataclass(frozen=True)
class ExtractMapping:
    """The mapping of every table; a table without an entry is read by the spec's own names."""

    tables: dict[str, TableMapping] = field(default_factory=dict)
    source: Path | None = None
    document: dict = field(default_factory=dict)

    def for_table(self, name: str) -> TableMapping:
        return self.tables.get(name, TableMapping())

    def as_dict(self) -> dict:
        """The mapping as the settings file wrote it, for the manifest."""
        return self.document


NO_MAPPING = ExtractMapping()


def parse_mapping(document: dict, path: Path) -> ExtractMapping:
    """The `[columns]`, `[values]` and `[files]` tables of a settings file, checked."""
    columns = section(document, "columns", path)
    values = section(document, "values", path)
    files = section(document, "files", path)
    names = sorted(set(columns) | set(values) | set(files))
    tables = {
        name: TableMapping(
            parse_columns(known_table(name, "columns", path), columns.get(name, {}), path),
            parse_values(known_table(name, "values", path), values.get(name, {}), path),
            parse_layout(known_table(name, "files", path), files.get(name, {}), path),
        )
        for name in names
    }
    used = {key: document[key] for key in ("columns", "values", "files") if key in document}
    return ExtractMapping(tables, path, used)


def section(document: dict, key: str, path: Path) -> dict[str, dict]:
    value = document.get(key, {})
    if not isinstance(value, dict) or any(not isinstance(v, dict) for v in value.values()):
        raise UsageError(
            f"{path}: [{key}] must hold one table per input table, e.g. [{key}.offers]"
        )
    return value


def known_table(name: str, key: str, path: Path) -> Table:
    if name not in TABLES_BY_NAME:
        raise UsageError(
            f"{path}: [{key}.{name}]: no such table; the tables are {', '.join(TABLES_BY_NAME)}"
        )
    return TABLES_BY_NAME[name]


def known_column(table: Table, name: str, key: str) -> Column:
    columns = {column.name: column for column in table.columns}
    if name not in columns:
        raise UsageError(
            f"{key}: {table.name} has no column {name}; its columns are {', '.join(columns)}"
        )
    return columns[name]


def parse_columns(table: Table, entries: dict, path: Path) -> dict[str, str]:
    """Spec column → header; each header names one spec column."""
    key = f"{path}: [columns.{table.name}]"
    by_header: dict[str, str] = {}
    for name, header in entries.items():
        known_column(table, name, key)
        if not isinstance(header, str) or not header.strip():
            raise UsageError(f"{key} {name} must be the header in the file, not {header!r}")
        other = by_header.setdefault(normalise_name(header), name)
        if other != name:
            raise UsageError(
                f"{key} {other} and {name} both name the header {header!r}; "
                "a header holds one column"
            )
    return dict(entries)


RECODABLE_KINDS = ("code", "integer", "text")


def parse_values(table: Table, entries: dict, path: Path) -> dict[str, dict[str, str | int]]:
    """Spec column → {label key → spec value}, each spec value one the column accepts.

    Only codes, whole numbers (a match group) and texts take labels: dates and amounts are read
    by their notation (SPEC §1.1), and a label for one would hide a wrong column. A personal
    column (a citizen id) takes none: its labels would be CPR numbers in the manifest."""
    parsed = {}
    for name, labels in entries.items():
        key = f"{path}: [values.{table.name}.{name}]"
        column = known_column(table, name, f"{path}: [values.{table.name}]")
        if column.personal:
            raise UsageError(
                f"{key}: {name} is personal data and takes no labels: the manifest would hold "
                "its values (SPEC §6)"
            )
        if column.kind not in RECODABLE_KINDS:
            raise UsageError(
                f"{key}: {name} is a {column.kind} column, read by its notation; "
                "[values] recodes codes, whole numbers and texts"
            )
        if not isinstance(labels, dict):
            raise UsageError(f'{key} must list "value in the file" = "spec value" pairs')
        parsed[name] = {}
        for label, value in labels.items():
            code = spec_value(column, value, f'{key} "{label}"')
            label_key = label.strip().lower()
            if not label_key:
                raise UsageError(f"{key}: an empty cell is a missing value and takes no label")
            if parsed[name].setdefault(label_key, code) != code:
                raise UsageError(f'{key} "{label}" is given twice with different values')
    return parsed


def spec_value(column: Column, value: object, key: str) -> str | int:
    """The spec value a label maps to, in the column's type: a code, a whole number, a text."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise UsageError(f"{key} must map to a text or a whole number, not {value!r}")
    text = str(value).strip()
    if column.kind == "code" and text.lower() not in column.codes:
        raise UsageError(
            f"{key} = {value!r}: not a value of {column.name}; "
            f"the values are {', '.join(column.codes)}"
        )
    if column.kind == "integer" and not text.lstrip("-").isdigit():
        raise UsageError(f"{key} = {value!r}: {column.name} holds whole numbers")
    if not text:
        raise UsageError(f"{key} must map to a value, not an empty text")
    if column.kind == "integer":
        return int(text)
    return text.lower() if column.kind == "code" else text


def parse_layout(table: Table, entries: dict, path: Path) -> FileLayout:
    key = f"{path}: [files.{table.name}]"
    unknown = sorted(set(entries) - set(FILE_KEYS))
    if unknown:
        raise UsageError(
            f"{key}: unknown key(s) {', '.join(unknown)}; the keys are sheet, header_row"
        )
    sheet = entries.get("sheet")
    if sheet is not None and (not isinstance(sheet, str) or not sheet):
        raise UsageError(f"{key} sheet must be the name of a sheet, not {sheet!r}")
    header_row = entries.get("header_row")
    if header_row is not None and (
        not isinstance(header_row, int) or isinstance(header_row, bool) or header_row < 1
    ):
        raise UsageError(f"{key} header_row must be a row number ≥ 1, not {header_row!r}")
    return FileLayout(sheet, header_row)


def apply_mapping(
    raw: RawTable, table: Table, mapping: TableMapping, file_name: str, source: Path | None
) -> RawTable:
    """The file's text under the spec's column names, with the labels of `[values]` attached.

    A header named in `[columns]` must be in the file. A column of the file that bears a spec
    column's own name while `[columns]` maps that spec column elsewhere is ignored, like any other
    extra column. A mapped header that the file has twice gives the spec column twice, which the
    reader reports as `duplicate_column`, as it does a spec column's own name twice.
    """
    if mapping.is_identity:
        return raw
    names = list(raw.columns)
    expected = expected_header_keys(table, mapping)
    for spec_name, header in mapping.columns.items():
        key = f"{source}: [columns.{table.name}] {spec_name}"
        require_header(raw, header, key, file_name, expected)
        wanted = normalise_name(header)
        names = [
            spec_name if cell == wanted else "" if name == spec_name else name
            for cell, name in zip(raw.columns, names, strict=True)
        ]
    sources = unique_column_names(raw.columns)
    targets = unique_column_names(tuple(names))
    relation = raw.relation.select(
        *(ColumnExpression(old).alias(new) for old, new in zip(sources, targets, strict=True)),
        ColumnExpression(ROW_COLUMN),
    )
    return replace(raw, relation=relation, columns=tuple(names), labels=mapping.values)


def require_header(
    raw: RawTable, header: str, key: str, file_name: str, expected: set[str]
) -> None:
    """A configuration error if `header` is not in the file's header.

    The error lists the file's headers, unless the row read as the header does not look like one
    (a wrong `header_row`, a file without a header): its cells are then a data row's, ids and
    names, and none may reach the terminal (SPEC §6)."""
    if normalise_name(header) in raw.columns:
        return
    problem = f"{key} = {header!r}: {file_name} has no such header"
    if not looks_like_header(raw.columns, expected):
        place = (
            f"row {raw.header_row} of sheet {raw.sheet!r}"
            if raw.sheet
            else f"line {raw.header_row}"
        )
        raise UsageError(
            f"{problem}, and {place}, read as the header, does not look like a header row "
            "(hardly any of its cells is a known name); is header_row right?"
        )
    headers = ", ".join(repr(name) for name in raw.columns if can_show_as_header(name))
    raise UsageError(f"{problem}; its headers are {headers}")


def expected_header_keys(table: Table, mapping: TableMapping) -> set[str]:
    """The `name_key` of every header the table's columns may have: their own and known names,
    and the headers the settings give them."""
    keys = set().union(*(header_keys(column.name) for column in table.columns))
    return keys | {name_key(header) for header in mapping.columns.values()}


def looks_like_header(cells: tuple[str, ...], expected: set[str]) -> bool:
    """At least two cells (or every cell of a shorter row) are names the table's columns go by.

    A real export may have many more columns than the spec (Workbase has dozens), so a majority
    is not asked for; a data row has hardly ever even one such cell."""
    filled = [cell for cell in cells if cell]
    known = sum(name_key(cell) in expected for cell in filled)
    return known >= min(2, len(filled))
