"""Parts every scorecard sheet shares: the heading with the preliminary banner, colour keys,
and the conditional formats that colour a status by the word it shows."""

import datetime as dt
from decimal import Decimal

from openpyxl.formatting.rule import Rule
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.worksheet.worksheet import Worksheet

from evaluator.export.scorecard_data import ScorecardData
from evaluator.export.xlsx import (
    BANNER_FILL,
    BOLD,
    GREEN,
    GREY,
    RED,
    TITLE_FONT,
    YELLOW,
    Column,
    column_letter,
    text,
    write_header,
    write_record,
)
from evaluator.settings import BusinessCase

# The look of a coloured code, one differential style per colour that every conditional format
# of the colour shares (see colour_codes).
GREEN_CODE = DifferentialStyle(fill=GREEN)
YELLOW_CODE = DifferentialStyle(fill=YELLOW)
RED_CODE = DifferentialStyle(fill=RED)
GREY_CODE = DifferentialStyle(fill=GREY)
STATUS_COLOURS = {
    "met": GREEN_CODE,
    "missed": RED_CODE,
    "inconclusive": YELLOW_CODE,
    "no_target": GREY_CODE,
    "no_contract": GREY_CODE,
}
RECOMMENDATION_COLOURS = {"continue": GREEN_CODE, "dialogue": YELLOW_CODE, "phase_out": RED_CODE}
FUNNEL_COLOURS = {
    "above_998": GREEN_CODE,
    "above_95": GREEN_CODE,
    "below_95": YELLOW_CODE,
    "below_998": RED_CODE,
}
UNCERTAIN_COLOURS = {"yes": YELLOW_CODE}
# The columns whose words are coloured, wherever they stand.
COLUMN_COLOURS = {
    "contract_status": STATUS_COLOURS,
    "status": STATUS_COLOURS,
    "recommendation": RECOMMENDATION_COLOURS,
    "funnel_position": FUNNEL_COLOURS,
    "is_uncertain": UNCERTAIN_COLOURS,
}

# A contract's row, on the Kontrakter sheet and (without the provider) on a provider's scorecard.
CONTRACT_COLUMNS = (
    Column("contract_id", "contract_id", "text", 11),
    Column("provider_id", "provider_id", "text", 11),
    Column("provider_name", "provider", "text", 26),
    Column("offer_id", "offer_id", "text", 9),
    Column("participants", "participants", "integer", 11),
    Column("effects", "effects", "integer", 9),
    Column("effect_rate", "effect_rate", "rate", 10),
    Column("effect_price_dkk", "effect_price", "money", 13),
    Column("target_effect_rate", "target_effect_rate", "rate", 11, is_group_figure=False),
    Column("max_effect_price_dkk", "max_effect_price", "money", 13, is_group_figure=False),
    Column("min_participants_required", "min_participants", "integer", 11, is_group_figure=False),
    Column("status", "status", "label", 18),
    Column("is_clearly_missed", "clearly_missed", "label", 10),
    Column("consecutive_missed", "consecutive_missed", "integer", 12, is_group_figure=False),
    Column("recommendation", "recommendation", "label", 16),
)


def danish_date(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")


def number_text(value: float | Decimal, labels: dict) -> str:
    """A number inside a sentence, in the reader's notation (`12.500,5` in Danish, `12,500.5`
    in English), to two decimals at most: a cell has a display format, a sentence has not."""
    plain = f"{value:,.2f}".rstrip("0").rstrip(".")
    marks = {ord(","): labels["thousands_mark"], ord("."): labels["decimal_mark"]}
    return plain.translate(marks)


def percent_text(share: float | Decimal, labels: dict) -> str:
    """A share as a percentage without the sign: 0.35 → `35`."""
    return number_text(share * 100, labels)


def business_case_line(business_case: BusinessCase, labels: dict) -> str:
    """The assumption behind every business-case figure (SPEC §2.8), in one line: the weeks an
    effect saves and the staircase's rates, so that no figure is read without them."""
    rates = "/".join(percent_text(rate, labels) for rate in business_case.refusion_rates)
    return labels["business_case_line"].format(weeks=business_case.weeks_saved, rates=rates)


def suppressed_text(data: ScorecardData) -> str:
    return f"<{data.settings.suppress_below}"


def write_sheet_heading(sheet: Worksheet, title: str, data: ScorecardData, labels: dict) -> None:
    """Title, quarter and as-of date, and the preliminary banner: rows 1 to 3 of every sheet."""
    text(sheet, 1, 1, title).font = TITLE_FONT
    text(
        sheet, 2, 1, labels["run_line"].format(quarter=data.quarter, as_of=danish_date(data.as_of))
    )
    if data.is_preliminary:
        banner = labels["preliminary_banner"].format(date=danish_date(data.follow_up_complete_date))
        cell = text(sheet, 3, 1, banner)
        cell.font = BOLD
        cell.fill = BANNER_FILL
    else:
        text(sheet, 3, 1, labels["final_banner"].format(days=data.settings.window_days))


def write_legend(sheet: Worksheet, row: int, lines: list[str], labels: dict) -> int:
    """The colour key under a table; returns the next free row."""
    text(sheet, row, 1, labels["legend"]).font = BOLD
    for offset, line in enumerate(lines, start=1):
        text(sheet, row + offset, 1, line)
    return row + len(lines) + 1


def colour_codes(
    sheet: Worksheet, cell_range: str, styles: dict[str, DifferentialStyle], labels: dict
) -> None:
    """Conditional formats that colour a cell by the code it shows (in the reader's words).

    The rules of a colour share its style object: saving, openpyxl files each rule's style by
    comparing it with the styles filed before, and the same object matches at once where an
    equal copy (as CellIsRule makes) is compared field by field; a national workbook has 16,000
    rules."""
    for code, style in styles.items():
        quoted = '"' + labels[code].replace('"', '""') + '"'
        rule = Rule(type="cellIs", operator="equal", formula=[quoted], dxf=style)
        sheet.conditional_formatting.add(cell_range, rule)


def column_range(position: int, first_row: int, last_row: int) -> str:
    letter = column_letter(position)
    return f"{letter}{first_row}:{letter}{last_row}"


def position_of(columns: tuple[Column, ...], key: str) -> int:
    return [column.key for column in columns].index(key) + 1


def colour_status_columns(
    sheet: Worksheet,
    columns: tuple[Column, ...],
    first_row: int,
    last_row: int,
    labels: dict,
    first_column: int = 1,
) -> None:
    """Colour every column of `columns` that shows a status, a recommendation, a funnel position
    or an uncertainty mark (COLUMN_COLOURS), from `first_row` to `last_row`."""
    for position, column in enumerate(columns, start=first_column):
        if column.key in COLUMN_COLOURS:
            cell_range = column_range(position, first_row, last_row)
            colour_codes(sheet, cell_range, COLUMN_COLOURS[column.key], labels)


def write_table(
    sheet: Worksheet,
    header_row: int,
    columns: tuple[Column, ...],
    records: list[dict],
    data: ScorecardData,
    labels: dict,
    first_column: int = 1,
) -> int:
    """A header and one row per record from `first_column` on, suppressed records hidden,
    statuses coloured; returns the table's last row (the header's row plus at least one)."""
    write_header(sheet, header_row, columns, labels, first_column)
    for offset, record in enumerate(records, start=1):
        hidden = suppressed_text(data) if record["is_suppressed"] else None
        write_record(sheet, header_row + offset, columns, record, labels, hidden, first_column)
    last_row = header_row + max(len(records), 1)
    colour_status_columns(sheet, columns, header_row + 1, last_row, labels, first_column)
    return last_row
