"""Cell writing, formats and page set-up shared by the workbooks.

Two rules hold for every cell the tool writes: input text is stored as text, never as a formula
(a provider named `=HYPERLINK(...)` stays a string, SPEC §6), and numbers keep their full value
with a display format, so a reader who copies a cell gets the number of the CSV.
"""

import gc
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal

from openpyxl.cell import Cell
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, TwoCellAnchor
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a workbook is built and saved.

    openpyxl makes about 1,300 objects per provider sheet (cells, style arrays, rules), and none
    of them is garbage before the workbook is saved; the collector would walk all of them again
    each time it runs. At 5 million participations (1,000 sheets) that took 12.8 s against
    10.4 s paused. The collector runs again afterwards and frees the workbook as before.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


Kind = Literal["text", "label", "offer_type", "integer", "money", "rate", "decimal", "date"]

NUMBER_FORMATS: dict[str, str] = {
    "integer": "#,##0",
    "money": '#,##0 "kr."',
    "rate": "0.0%",
    "decimal": "0.00",
    "date": "dd-mm-yyyy",
}
FIGURE_KINDS = {"integer", "money", "rate", "decimal"}

BOLD = Font(bold=True)
TITLE_FONT = Font(bold=True, size=14)
SECTION_FONT = Font(bold=True, size=12)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
SECTION_FILL = PatternFill("solid", fgColor="B4C6E7")
BANNER_FILL = PatternFill("solid", fgColor="FFEB9C")
HEADER_BORDER = Border(bottom=Side(style="thin"))
# The header's line on the bottom cell of a merged header (write_tall_header): the empty sides
# of an unstyled cell with the header's bottom side, as openpyxl combines them.
MERGED_HEADER_BOTTOM = Border(
    left=Side(), right=Side(), top=Side(), bottom=Side(style="thin"), diagonal=Side()
)
WRAP = Alignment(wrap_text=True, vertical="top")
LEFT = Alignment(horizontal="left")
TOP = Alignment(vertical="top")
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="bottom")
HEADER_STYLE = "evaluator header"

# Fills of the status colours; the legends on each sheet name them.
GREEN = PatternFill("solid", fgColor="C6EFCE", bgColor="C6EFCE")
YELLOW = PatternFill("solid", fgColor="FFEB9C", bgColor="FFEB9C")
RED = PatternFill("solid", fgColor="FFC7CE", bgColor="FFC7CE")
GREY = PatternFill("solid", fgColor="E7E6E6", bgColor="E7E6E6")

# Column widths are in characters of the default font; a bold character takes about 1.15 of one,
# and wrapping at word boundaries wastes some more.
DEFAULT_WIDTH = 13.0
BOLD_CHARACTER_WIDTH = 1.3
CHARACTER_WIDTH = 1.1
LINE_HEIGHT = 13

# Excel refuses these in sheet names, and a name may have at most 31 characters.
FORBIDDEN_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_LENGTH = 31


@dataclass(frozen=True)
class Column:
    """One column of a table on a sheet: the row key it shows, its label key, kind and width.

    `is_group_figure`: the value is measured on the group's participants, so a suppressed group
    does not show it; a contract's terms (target, minimum) and its escalation count are shown."""

    key: str
    label: str
    kind: Kind
    width: float
    is_group_figure: bool = True


def text(sheet: Worksheet, row: int, column: int, value: str) -> Cell:
    """A cell that holds `value` as text, never as a formula (input text may start with '=')."""
    cell = sheet.cell(row=row, column=column, value=value)
    cell.data_type = "s"
    return cell


def wrapped_text(sheet: Worksheet, row: int, column: int, value: str) -> Cell:
    """Text that wraps within its column's width (set that first), its row made tall enough
    for it: LibreOffice does not grow a row for wrapped text on its own, and prints the lines
    over the next rows' instead."""
    cell = text(sheet, row, column, value)
    cell.alignment = WRAP
    set_row_lines(sheet, row, wrapped_lines(sheet, column, value, CHARACTER_WIDTH))
    return cell


def wrapped_lines(sheet: Worksheet, column: int, value: str, character_width: float) -> int:
    """The lines `value` wraps to in the column's width (set that first), at least one;
    `character_width` is BOLD_CHARACTER_WIDTH for bold text."""
    width = sheet.column_dimensions[column_letter(column)].width or DEFAULT_WIDTH
    return max(1, math.ceil(len(value) * character_width / width))


def wrapped_text_across(
    sheet: Worksheet, row: int, first_column: int, last_column: int, value: str, rows: int
) -> Cell:
    """Text that wraps within the columns `first_column` to `last_column` and `rows` rows of the
    normal height, merged into one cell: rows keep their height, so a block beside it is not
    stretched, and the layout is the same in every language."""
    cell = text(sheet, row, first_column, value)
    cell.alignment = WRAP
    sheet.merge_cells(
        start_row=row, start_column=first_column, end_row=row + rows - 1, end_column=last_column
    )
    return cell


def number(sheet: Worksheet, row: int, column: int, value: float | int | None, kind: str) -> Cell:
    cell = sheet.cell(row=row, column=column, value=value)
    cell.number_format = NUMBER_FORMATS[kind]
    return cell


def write_header(
    sheet: Worksheet,
    row: int,
    columns: Sequence[Column],
    labels: dict[str, str],
    first_column: int = 1,
) -> None:
    """Bold labels on a band, wrapped within the sheet's column widths (set those first).

    The row gets the height of its longest label: LibreOffice does not grow a row for wrapped
    text on its own, and a clipped header is a misread figure."""
    lines = 1
    for position, column in enumerate(columns, start=first_column):
        lines = max(lines, header_cell(sheet, row, position, labels[column.label]))
    set_row_lines(sheet, row, lines)


def write_tall_header(
    sheet: Worksheet,
    row: int,
    columns: Sequence[Column],
    labels: dict[str, str],
    first_column: int,
    rows: int,
) -> None:
    """A header whose labels wrap over `rows` rows of the normal height, each label merged
    across them: for a table beside another block, whose rows a taller header row would
    stretch.

    Each range is merged before its label takes the header style, and the header's line is put
    on the range's bottom cell here (Excel draws a merged cell's borders from its edge cells):
    merging a bordered cell, openpyxl copies each side of the border onto every edge cell, one
    style look-up each, which made these merges three times slower (issue 15)."""
    bottom_row = row + rows - 1
    for position, column in enumerate(columns, start=first_column):
        sheet.merge_cells(
            start_row=row, start_column=position, end_row=bottom_row, end_column=position
        )
        header_cell(sheet, row, position, labels[column.label])
        sheet.cell(row=bottom_row, column=position).border = MERGED_HEADER_BOTTOM


def set_row_lines(sheet: Worksheet, row: int, lines: int) -> None:
    """A row tall enough for `lines` lines of wrapped text, never lower than it already is."""
    height = LINE_HEIGHT * lines + 2
    sheet.row_dimensions[row].height = max(height, sheet.row_dimensions[row].height or 0)


def header_cell(sheet: Worksheet, row: int, column: int, label: str) -> int:
    """A header label in its style; returns the lines it wraps to in the column's width."""
    cell = text(sheet, row, column, label)
    cell.style = header_style(sheet.parent)
    return wrapped_lines(sheet, column, label, BOLD_CHARACTER_WIDTH)


def header_style(workbook: Workbook) -> str:
    """The header look as one named style of the workbook: a cell takes it in one step, where
    setting font, fill, border and alignment one by one makes openpyxl look each of them up again
    in the workbook's style lists, for every one of the thousands of header cells."""
    if HEADER_STYLE not in workbook.named_styles:
        style = NamedStyle(HEADER_STYLE, font=BOLD, fill=HEADER_FILL, border=HEADER_BORDER)
        style.alignment = HEADER_ALIGNMENT
        workbook.add_named_style(style)
    return HEADER_STYLE


def write_record(
    sheet: Worksheet,
    row: int,
    columns: Sequence[Column],
    record: dict,
    labels: dict[str, str],
    suppressed_text: str | None = None,
    first_column: int = 1,
) -> None:
    """One row of a table from `first_column` on. With `suppressed_text`, the group is
    suppressed (SPEC §6): its participants column shows that text and every other figure stays
    empty."""
    for position, column in enumerate(columns, start=first_column):
        value = record[column.key]
        if suppressed_text is not None and column.is_group_figure and column.kind in FIGURE_KINDS:
            if column.key == "participants":
                text(sheet, row, position, suppressed_text)
            continue
        write_value(sheet, row, position, value, column.kind, labels)


def write_value(
    sheet: Worksheet, row: int, column: int, value: object, kind: Kind, labels: dict[str, str]
) -> Cell:
    """A value by its kind: `label` values are codes shown in the reader's words."""
    if kind == "text":
        return text(sheet, row, column, "" if value is None else str(value))
    if kind == "label":
        return text(sheet, row, column, "" if value is None else labels[code_key(value)])
    if kind == "offer_type":
        return text(sheet, row, column, offer_type_name(str(value), labels))
    return number(sheet, row, column, value, kind)


def offer_type_name(offer_type: str, labels: dict[str, str]) -> str:
    """A known offer type in the reader's words (`loentilskud` → Løntilskud); offer types are
    free text in the extract, so an unknown one is shown as it is. The CSVs keep the codes."""
    return labels.get(f"offer_type_{offer_type}", offer_type)


def code_key(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def shown_figure(value: float | int, kind: Kind) -> str:
    """A figure as its display format in NUMBER_FORMATS shows it (English marks; the widths
    are the same in Danish)."""
    shown = {
        "integer": f"{value:,.0f}",
        "money": f"{value:,.0f} kr.",
        "rate": f"{value:.1%}",
        "decimal": f"{value:.2f}",
    }
    return shown[kind]


def widen_for_figure(sheet: Worksheet, column: int, shown: str, font: Font) -> None:
    """Widen a column so that a figure shown as `shown` in `font` fits: a number wider than its
    cell prints as `###`, where a text would only run on into the next cell."""
    scale = BOLD_CHARACTER_WIDTH if font.bold else CHARACTER_WIDTH
    needed = len(shown) * scale * (font.size or 11) / 11 + 1
    dimension = sheet.column_dimensions[column_letter(column)]
    dimension.width = max(dimension.width or DEFAULT_WIDTH, needed)


def cell_span_anchor(
    first_row: int, first_column: int, end_row: int, end_column: int
) -> TwoCellAnchor:
    """An anchor that stretches a chart over the cells from (`first_row`, `first_column`) up to
    the top left corner of (`end_row`, `end_column`): the chart fills its place on the sheet
    whatever the column widths, where a size in centimetres does not."""
    return TwoCellAnchor(
        _from=AnchorMarker(col=first_column - 1, row=first_row - 1),
        to=AnchorMarker(col=end_column - 1, row=end_row - 1),
    )


def set_widths(sheet: Worksheet, widths: Iterable[float]) -> None:
    for position, width in enumerate(widths, start=1):
        sheet.column_dimensions[column_letter(position)].width = width


def column_letter(position: int) -> str:
    letters = ""
    while position:
        position, remainder = divmod(position - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def set_print_layout(sheet: Worksheet, title_rows: str | None = None, pages_tall: int = 0) -> None:
    """Landscape A4, one page wide and `pages_tall` pages tall (0: as many as needed), header
    rows on every page, half-inch margins."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = pages_tall
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = False
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5
    sheet.page_margins.header = sheet.page_margins.footer = 0.2
    if title_rows:
        sheet.print_title_rows = title_rows


def safe_sheet_name(wanted: str, taken: set[str]) -> str:
    """A sheet name Excel accepts and no other sheet has: forbidden characters become `-`, at
    most 31 characters, no leading or trailing apostrophe, and a ` (2)`-style suffix when the
    name is taken (Excel compares names without regard to case). `taken` is updated."""
    name = FORBIDDEN_IN_SHEET_NAME.sub("-", wanted).strip().strip("'").strip() or "Ark"
    candidate = name[:SHEET_NAME_LENGTH].rstrip().rstrip("'")
    counter = 2
    while candidate.casefold() in taken or candidate.casefold() == "history":
        suffix = f" ({counter})"
        candidate = name[: SHEET_NAME_LENGTH - len(suffix)].rstrip().rstrip("'") + suffix
        counter += 1
    taken.add(candidate.casefold())
    return candidate


class _NoSheetsYet:
    """A new sheet's stand-in parent while openpyxl checks its title (see `add_sheet`)."""

    sheetnames: tuple[str, ...] = ()


def add_sheet(workbook: Workbook, wanted: str, taken: set[str]) -> Worksheet:
    """A new last sheet, named by `safe_sheet_name(wanted, taken)`.

    Why not `workbook.create_sheet`: openpyxl makes a title unique by comparing it, lower-cased,
    with the name of every sheet the workbook has, which is quadratic in the sheets: 8.5 s for
    4,000 provider sheets, 1 s for 1,000. The name is unique already, so the sheet checks its
    title (characters, length) against a parent with no sheets and is then handed to the
    workbook; `_parent` and `_add_sheet` are openpyxl's own names for what create_sheet does
    (tests/test_scorecards.py opens the saved workbook and reads every name back)."""
    sheet = Worksheet(parent=_NoSheetsYet(), title=safe_sheet_name(wanted, taken))
    sheet._parent = workbook
    workbook._add_sheet(sheet)
    return sheet
