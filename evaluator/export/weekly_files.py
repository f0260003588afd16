"""The Monday-numbers files (SPEC §4): `mandagstal_YYYY-Www.csv` and a one-sheet workbook with the
figures, green/red against target, and a chart of the last 13 weeks."""

from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference
from openpyxl.worksheet.worksheet import Worksheet

from evaluator.atomic import staged_folder
from evaluator.export.csv_files import write_rows
from evaluator.export.labels import WEEKLY_LABELS as LABELS
from evaluator.export.xlsx import BOLD, GREEN, RED, TITLE_FONT, set_print_layout, set_widths, text
from evaluator.weekly_pipeline import FIGURE_COLUMNS, WeeklyFigures

COLUMNS = FIGURE_COLUMNS  # the CSV's columns are the mart's, in its order (SPEC §4)
FILLS = {"green": GREEN, "red": RED}


def write_weekly_report(figures: WeeklyFigures, out_dir: Path) -> list[Path]:
    """Write the CSV and the workbook into `out_dir`, both or neither."""
    stem = f"mandagstal_{figures.week.label}"
    rows = figures.rows()
    with staged_folder(out_dir) as staging:
        write_rows(staging / f"{stem}.csv", COLUMNS, rows)
        write_workbook(figures, rows, staging / f"{stem}.xlsx")
    return [out_dir / f"{stem}.csv", out_dir / f"{stem}.xlsx"]


def write_workbook(figures: WeeklyFigures, rows: list[tuple], path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Mandagstal"
    text(sheet, 1, 1, LABELS["title"].format(week=figures.week.label)).font = TITLE_FONT
    text(sheet, 2, 1, LABELS["subtitle"])
    header_row = 4
    for column, name in enumerate(COLUMNS[1:], start=1):
        text(sheet, header_row, column, LABELS[name]).font = BOLD
    for offset, (_, department, category, exits, average, target, status) in enumerate(rows, 1):
        row = header_row + offset
        text(sheet, row, 1, department_label(department))
        text(sheet, row, 2, LABELS[category])
        sheet.cell(row=row, column=3, value=exits)
        sheet.cell(row=row, column=4, value=average).number_format = "0.00"
        sheet.cell(row=row, column=5, value=target).number_format = "0.00"
        if status:
            text(sheet, row, 6, LABELS[status]).fill = FILLS[status]
        if department == "total":
            for column in range(1, 7):
                sheet.cell(row=row, column=column).font = BOLD
    legend_row = header_row + len(rows) + 2
    text(sheet, legend_row, 1, LABELS["legend"])
    add_trend_chart(figures, sheet, legend_row + 2)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    set_widths(sheet, (28, 14, 16, 18, 15, 10))
    set_print_layout(sheet)
    workbook.save(path)


def department_label(department: str) -> str:
    """`total` and `unknown` are the tool's words; every other department is the input's text."""
    return LABELS[department] if department in ("total", "unknown") else department


def add_trend_chart(figures: WeeklyFigures, sheet: Worksheet, first_row: int) -> None:
    """The 13 weeks as a small table (the chart's data, readable on its own) and a line chart."""
    weeks = figures.con.table("mandagstal_weeks").select("week", "category", "exits_week")
    counts: dict[str, dict[str, int]] = {}
    for week, category, exits in weeks.fetchall():
        counts.setdefault(week, {})[category] = exits
    text(sheet, first_row, 1, LABELS["week"]).font = BOLD
    text(sheet, first_row, 2, LABELS["job"]).font = BOLD
    text(sheet, first_row, 3, LABELS["education"]).font = BOLD
    for offset, (week, by_category) in enumerate(counts.items(), start=1):
        text(sheet, first_row + offset, 1, week)
        sheet.cell(row=first_row + offset, column=2, value=by_category.get("job", 0))
        sheet.cell(row=first_row + offset, column=3, value=by_category.get("education", 0))
    last_row = first_row + len(counts)
    chart = LineChart()
    chart.title = LABELS["chart_title"]
    chart.y_axis.title = LABELS["chart_y"]
    chart.height, chart.width = 8, 22
    data = Reference(sheet, min_col=2, max_col=3, min_row=first_row, max_row=last_row)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=first_row + 1, max_row=last_row))
    sheet.add_chart(chart, sheet.cell(row=first_row, column=5).coordinate)
