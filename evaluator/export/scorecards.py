"""`scorecards.xlsx` (SPEC §4): the workbook for the tender decision and the provider meeting.

Sheets, in order: the overview, the tender basis (ranks, intervals, trends, funnel plots), the
contracts, one scorecard per provider, the data-quality findings, the method, and a hidden sheet
with the charts' numbers. Every figure comes from a mart (`scorecard_data.py`); this module only
places and formats them. Every word comes from `labels.py`, so `lang` changes words only.
"""

from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.worksheet.worksheet import Worksheet

from evaluator import __version__
from evaluator.export.charts import JOBCENTER_FUNNEL, ChartData, funnel_chart
from evaluator.export.labels import METHOD_TEXT, SCORECARD_LABELS
from evaluator.export.provider_sheets import write_provider_sheet
from evaluator.export.scorecard_data import ScorecardData, read_scorecard_data
from evaluator.export.sheet_parts import (
    CONTRACT_COLUMNS,
    RED_CODE,
    YELLOW_CODE,
    business_case_line,
    colour_codes,
    colour_status_columns,
    column_range,
    danish_date,
    number_text,
    percent_text,
    position_of,
    suppressed_text,
    write_legend,
    write_sheet_heading,
    write_table,
)
from evaluator.export.xlsx import (
    BANNER_FILL,
    BOLD,
    BOLD_CHARACTER_WIDTH,
    LEFT,
    LINE_HEIGHT,
    SECTION_FONT,
    TITLE_FONT,
    WRAP,
    Column,
    add_sheet,
    column_letter,
    cycle_collection_paused,
    header_cell,
    number,
    offer_type_name,
    safe_sheet_name,
    set_print_layout,
    set_row_lines,
    set_widths,
    shown_figure,
    text,
    widen_for_figure,
    wrapped_lines,
    wrapped_text,
    write_header,
    write_record,
)
from evaluator.findings import sorted_findings
from evaluator.pipeline import Evaluation
from evaluator.settings import BusinessCase

# The Datakvalitet sheet lists at most this many findings; data_quality.csv has them all.
MAX_FINDINGS_ON_SHEET = 10_000


OVERVIEW_COLUMNS = (
    Column("offer_type", "offer_type", "offer_type", 24),
    Column("rank_in_type", "rank_in_type", "integer", 8),
    Column("provider_name", "provider", "text", 26),
    Column("offer_name", "offer", "text", 36),
    Column("offer_id", "offer_id", "text", 9),
    Column("participants", "participants", "integer", 11),
    Column("effect_rate", "effect_rate", "rate", 10),
    Column("effect_rate_ci_low", "ci_low", "rate", 11),
    Column("effect_rate_ci_high", "ci_high", "rate", 11),
    Column("effect_price_dkk", "effect_price", "money", 13),
    Column("adjusted_effect_price_dkk", "adjusted_effect_price", "money", 13),
    Column("contract_status", "contract_status", "label", 18),
)
# The headline figures stand above the table, each in a column of the table wide enough for it.
HEADLINE = (
    (1, Column("participants", "participants", "integer", 0)),
    (3, Column("job_exits", "job_exits", "integer", 0)),
    (4, Column("education_exits", "education_exits", "integer", 0)),
    (6, Column("effects", "effects", "integer", 0)),
    (8, Column("effect_rate", "effect_rate", "rate", 0)),
    (10, Column("total_cost_dkk", "total_cost", "money", 0)),
    (12, Column("effect_price_dkk", "effect_price", "money", 0)),
)
TENDER_COLUMNS = (
    Column("rank_in_type", "rank_in_type", "integer", 7),
    Column("shrunk_effect_price_dkk", "shrunk_effect_price", "money", 13),
    Column("prob_best", "prob_best", "rate", 13),
    Column("provider_name", "provider", "text", 24),
    Column("offer_name", "offer", "text", 32),
    Column("offer_id", "offer_id", "text", 9),
    Column("participants", "participants", "integer", 11),
    Column("effects", "effects", "integer", 9),
    Column("effect_rate", "effect_rate", "rate", 10),
    Column("effect_rate_ci_low", "ci_low", "rate", 11),
    Column("effect_rate_ci_high", "ci_high", "rate", 11),
    Column("adjusted_effect_price_dkk", "adjusted_effect_price", "money", 13),
    Column("effect_price_dkk", "effect_price", "money", 13),
    Column("avoided_benefit_cost_dkk", "avoided_benefit_cost", "money", 14),
    Column("extra_avoided_benefit_cost_dkk", "extra_avoided_benefit_cost", "money", 13),
    Column("payback_ratio", "payback_ratio", "decimal", 10),
)
# After the figures: four trend columns, then these.
TENDER_TAIL_COLUMNS = (
    Column("funnel_position", "funnel_position", "label", 17),
    Column("is_uncertain", "is_uncertain", "label", 10),
    Column("contract_ids", "contracts", "text", 12),
    Column("contract_status", "contract_status", "label", 16),
    Column("recommendation", "recommendation", "label", 15),
)
JOBCENTER_COLUMNS = (
    Column("rank", "rank", "integer", 7),
    Column("jobcenter", "jobcenter", "text", 28),
    Column("participants", "participants", "integer", 11),
    Column("effects", "effects", "integer", 9),
    Column("effect_rate", "effect_rate", "rate", 10),
    Column("effect_rate_ci_low", "ci_low", "rate", 11),
    Column("effect_rate_ci_high", "ci_high", "rate", 11),
    Column("expected_effects", "expected_effects", "decimal", 11),
    Column("oe_ratio", "oe_ratio", "decimal", 13),
    Column("adjusted_effect_price_dkk", "adjusted_effect_price", "money", 13),
)
TREND_QUARTERS = 4
FINDING_COLUMNS = (
    Column("severity", "severity", "label", 12),
    Column("table", "table", "text", 16),
    Column("row", "row", "integer", 9),
    Column("column", "column", "text", 20),
    Column("value", "value", "text", 20),
    Column("rule", "rule", "text", 28),
    Column("message", "message", "text", 80),
)


def write_scorecards(evaluation: Evaluation, path: Path, lang: str = "da") -> None:
    """Write the workbook for `evaluation` to `path` in language `lang` (`da` or `en`)."""
    data = read_scorecard_data(evaluation)
    with cycle_collection_paused():
        write_workbook(data, path, lang)


def write_workbook(data: ScorecardData, path: Path, lang: str) -> None:
    labels = SCORECARD_LABELS[lang]
    workbook = Workbook()
    taken: set[str] = set()
    overview = workbook.active
    overview.title = safe_sheet_name(labels["sheet_overview"], taken)
    chart_data = ChartData(add_sheet(workbook, labels["sheet_chart_data"], taken))
    chart_data.sheet.sheet_state = "hidden"
    write_overview(overview, data, labels)
    write_tender(
        add_sheet(workbook, labels["sheet_tender"], taken),
        data,
        labels,
        chart_data,
    )
    write_contracts(add_sheet(workbook, labels["sheet_contracts"], taken), data, labels)
    if len(data.jobcenters) >= 2:
        sheet = add_sheet(workbook, labels["sheet_jobcenters"], taken)
        write_jobcenters(sheet, data, labels, chart_data)
    for provider in data.providers:
        sheet = add_sheet(workbook, f"{provider['provider_id']} {provider['provider_name']}", taken)
        write_provider_sheet(sheet, provider, data, labels, chart_data)
    write_data_quality(add_sheet(workbook, labels["sheet_data_quality"], taken), data, labels)
    write_method(add_sheet(workbook, labels["sheet_method"], taken), data, labels, lang)
    workbook.move_sheet(chart_data.sheet, offset=len(workbook.sheetnames) - 2)
    workbook.save(path)


def write_overview(sheet: Worksheet, data: ScorecardData, labels: dict) -> None:
    set_widths(sheet, [column.width for column in OVERVIEW_COLUMNS])
    write_sheet_heading(sheet, labels["title_overview"].format(quarter=data.quarter), data, labels)
    if data.jobcenter is not None:
        text(sheet, 4, 1, jobcenter_rank_line(data, labels)).font = BOLD
        headline = labels["headline_jobcenter"].format(jobcenter=data.jobcenter)
    else:
        headline = labels["headline"]
    text(sheet, 5, 1, headline).font = SECTION_FONT
    write_headline(sheet, 6, data, labels)
    # The key stands above the table, so that it never prints on a page of its own after it.
    legend = [
        labels["legend_status"],
        labels["legend_suppressed"].format(n=data.settings.suppress_below),
    ]
    header_row = write_legend(sheet, 9, legend, labels) + 1
    last_row = write_table(sheet, header_row, OVERVIEW_COLUMNS, data.offers, data, labels)
    sheet.auto_filter.ref = f"A{header_row}:{column_letter(len(OVERVIEW_COLUMNS))}{last_row}"
    sheet.freeze_panes = f"A{header_row + 1}"
    set_print_layout(sheet, f"{header_row}:{header_row}")


def jobcenter_rank_line(data: ScorecardData, labels: dict) -> str:
    """Where the jobcenter of this report stands among the extract's (SPEC §2.7)."""
    own = data.own_jobcenter
    ranked = sum(row["rank"] is not None for row in data.jobcenters)
    if own is None or own["rank"] is None:
        return labels["jobcenter_unranked_line"].format(jobcenter=data.jobcenter, ranked=ranked)
    return labels["jobcenter_rank_line"].format(
        jobcenter=data.jobcenter, rank=own["rank"], ranked=ranked
    )


def write_jobcenters(
    sheet: Worksheet, data: ScorecardData, labels: dict, chart_data: ChartData
) -> None:
    """The benchmark of a pooled extract: the jobcenters by rank, and their funnel plot."""
    set_widths(sheet, [column.width for column in JOBCENTER_COLUMNS])
    title = labels["title_jobcenters"].format(quarter=data.quarter)
    write_sheet_heading(sheet, title, data, labels)
    row = write_legend(sheet, 5, [labels["legend_jobcenters"]], labels) + 1
    last_row = write_table(sheet, row, JOBCENTER_COLUMNS, data.jobcenters, data, labels)
    sheet.freeze_panes = f"A{row + 1}"
    if data.jobcenter_funnel:
        chart = funnel_chart(
            chart_data,
            data.jobcenter_funnel,
            data.jobcenters,
            labels["jobcenter_funnel_title"],
            labels,
            JOBCENTER_FUNNEL,
        )
        sheet.add_chart(chart, f"B{last_row + 2}")
    set_print_layout(sheet, f"{row}:{row}")


def write_headline(sheet: Worksheet, row: int, data: ScorecardData, labels: dict) -> None:
    """Labels in `row`, figures below them; a suppressed quarter shows only "<5"."""
    lines = 1
    hidden = suppressed_text(data) if data.overview["is_suppressed"] else None
    for position, column in HEADLINE:
        value = data.overview[column.key]
        if hidden is None and value is not None:
            widen_for_figure(sheet, position, shown_figure(value, column.kind), SECTION_FONT)
        lines = max(lines, header_cell(sheet, row, position, labels[column.label]))
        write_record(sheet, row + 1, (column,), data.overview, labels, hidden, position)
        sheet.cell(row=row + 1, column=position).font = SECTION_FONT
    sheet.row_dimensions[row].height = LINE_HEIGHT * lines + 2


def write_tender(
    sheet: Worksheet, data: ScorecardData, labels: dict, chart_data: ChartData
) -> None:
    write_sheet_heading(sheet, labels["title_tender"].format(quarter=data.quarter), data, labels)
    text(sheet, 4, 1, business_case_line(data.settings.business_case, labels)).font = BOLD
    legends = [
        labels["legend_price"],
        labels["legend_prob_best"],
        labels["legend_uncertain"],
        labels["legend_funnel"],
        labels["legend_recommendation"],
        labels["legend_suppressed"].format(n=data.settings.suppress_below),
    ]
    row = write_legend(sheet, 5, legends, labels) + 1
    quarters = trend_quarter_labels(data)
    trend_columns = tuple(Column(f"trend_{q}", f"trend_{q}", "rate", 11) for q in quarters)
    trend_labels = {f"trend_{q}": labels["trend_rate"].format(quarter=q) for q in quarters}
    columns = TENDER_COLUMNS + trend_columns + TENDER_TAIL_COLUMNS
    set_widths(sheet, [column.width for column in columns])
    for offer_type in data.offer_types:
        row = write_tender_block(
            sheet, row, offer_type, columns, data, {**labels, **trend_labels}, chart_data
        )
    sheet.freeze_panes = "A4"
    set_print_layout(sheet, "1:2")


def trend_quarter_labels(data: ScorecardData) -> list[str]:
    """The last four quarters, oldest first, as the trend mart names them."""
    any_trend = next(iter(data.trends.values()), [])
    return [row["quarter"] for row in any_trend[-TREND_QUARTERS:]]


def write_tender_block(
    sheet: Worksheet,
    row: int,
    offer_type: str,
    columns: tuple[Column, ...],
    data: ScorecardData,
    labels: dict,
    chart_data: ChartData,
) -> int:
    """One offer type: its title and overall rate, its ranked offers, and its funnel plot."""
    offers = data.offers_of_type(offer_type)
    limits = data.funnel_limits[offer_type]
    text(sheet, row, 1, offer_type_name(offer_type, labels)).font = SECTION_FONT
    text(sheet, row, 3, labels["funnel_rate"]).font = BOLD
    number(sheet, row, 4, limits[0]["type_effect_rate"], "rate").font = BOLD
    text(sheet, row + 1, 1, winner_line(data.type_certainty[offer_type], data, labels))
    header_row = row + 2
    write_header(sheet, header_row, columns, labels)
    tail_column = len(columns) - len(TENDER_TAIL_COLUMNS) + 1
    for offset, offer in enumerate(offers, start=1):
        hidden = suppressed_text(data) if offer["is_suppressed"] else None
        write_record(sheet, header_row + offset, TENDER_COLUMNS, offer, labels, hidden)
        write_trend_cells(sheet, header_row + offset, offer, data, labels)
        write_record(
            sheet, header_row + offset, TENDER_TAIL_COLUMNS, offer, labels, hidden, tail_column
        )
    first, last = header_row + 1, header_row + len(offers)
    price_column = position_of(columns, "adjusted_effect_price_dkk")
    sheet.conditional_formatting.add(
        column_range(price_column, first, last),
        ColorScaleRule(
            start_type="min",
            start_color="63BE7B",
            mid_type="percentile",
            mid_value=50,
            mid_color="FFEB84",
            end_type="max",
            end_color="F8696B",
        ),
    )
    colour_status_columns(sheet, columns, first, last, labels)
    title = labels["funnel_title"].format(offer_type=offer_type_name(offer_type, labels))
    chart = funnel_chart(chart_data, limits, offers, title, labels)
    chart_row = last + 2
    sheet.add_chart(chart, f"B{chart_row}")
    return chart_row + 20


def winner_line(certainty: dict, data: ScorecardData, labels: dict) -> str:
    """Whether the type has a clear winner (SPEC §2.5: highest prob_best ≥ 0.5). A suppressed
    winner is named, but its probability is not shown."""
    if not certainty["has_clear_winner"]:
        return labels["no_clear_winner"]
    offer = f"{certainty['winner_offer_name']} ({certainty['winner_provider_name']})"
    if certainty["is_winner_suppressed"]:
        return labels["clear_winner_suppressed"].format(offer=offer, n=suppressed_text(data))
    probability = f"{certainty['top_prob_best']:.0%}".replace("%", " %")
    return labels["clear_winner"].format(offer=offer, probability=probability)


def write_trend_cells(
    sheet: Worksheet, row: int, offer: dict, data: ScorecardData, labels: dict
) -> None:
    """The offer's effect rate in each of the last four quarters. A quarter with no participants
    shows a dash; a suppressed one "<5", never its rate."""
    trend = data.trends[("provider_offer", offer["offer_id"])][-TREND_QUARTERS:]
    for offset, quarter in enumerate(trend):
        column = len(TENDER_COLUMNS) + 1 + offset
        if quarter["participants"] == 0:
            text(sheet, row, column, labels["no_participants"])
        elif quarter["is_suppressed"]:
            text(sheet, row, column, suppressed_text(data))
        else:
            number(sheet, row, column, quarter["effect_rate"], "rate")


def write_contracts(sheet: Worksheet, data: ScorecardData, labels: dict) -> None:
    set_widths(sheet, [column.width for column in CONTRACT_COLUMNS])
    write_sheet_heading(sheet, labels["title_contracts"].format(quarter=data.quarter), data, labels)
    header_row = 5
    last_row = write_table(sheet, header_row, CONTRACT_COLUMNS, data.contracts, data, labels)
    sheet.auto_filter.ref = f"A{header_row}:{column_letter(len(CONTRACT_COLUMNS))}{last_row}"
    sheet.freeze_panes = f"A{header_row + 1}"
    write_legend(
        sheet,
        last_row + 2,
        [
            labels["legend_status"],
            labels["legend_recommendation"],
            labels["legend_suppressed"].format(n=data.settings.suppress_below),
        ],
        labels,
    )
    set_print_layout(sheet, f"{header_row}:{header_row}")


def write_data_quality(sheet: Worksheet, data: ScorecardData, labels: dict) -> None:
    set_widths(sheet, [column.width for column in FINDING_COLUMNS])
    text(sheet, 1, 1, labels["title_data_quality"]).font = TITLE_FONT
    findings = sorted_findings(data.findings)
    shown = findings[:MAX_FINDINGS_ON_SHEET]
    if not findings:
        text(sheet, 2, 1, labels["no_findings"])
    elif len(shown) < len(findings):
        note = labels["findings_truncated"].format(shown=len(shown), total=len(findings))
        text(sheet, 2, 1, note).fill = BANNER_FILL
    header_row = 4
    write_header(sheet, header_row, FINDING_COLUMNS, labels)
    for offset, finding in enumerate(shown, start=1):
        record = {column.key: getattr(finding, column.key) for column in FINDING_COLUMNS}
        write_record(sheet, header_row + offset, FINDING_COLUMNS, record, labels)
    last_row = header_row + max(len(shown), 1)
    sheet.auto_filter.ref = f"A{header_row}:{column_letter(len(FINDING_COLUMNS))}{last_row}"
    sheet.freeze_panes = f"A{header_row + 1}"
    colour_codes(
        sheet,
        column_range(1, header_row + 1, last_row),
        {"blocking": RED_CODE, "warning": YELLOW_CODE},
        labels,
    )
    set_print_layout(sheet, f"{header_row}:{header_row}")


def write_method(sheet: Worksheet, data: ScorecardData, labels: dict, lang: str) -> None:
    """The definitions in plain words, the settings, the inputs with their hashes, the version."""
    set_widths(sheet, [30, 100, 10, 66])
    text(sheet, 1, 1, labels["title_method"]).font = TITLE_FONT
    text(
        sheet, 2, 1, labels["run_line"].format(quarter=data.quarter, as_of=danish_date(data.as_of))
    )
    row = 4
    text(sheet, row, 1, labels["definitions"]).font = SECTION_FONT
    settings = data.settings.as_dict()
    settings.pop("business_case")  # a section of its own, below
    for heading, body in METHOD_TEXT[lang]:
        row += 1
        heading_cell(sheet, row, heading)
        wrapped_text(sheet, row, 2, body.format(**settings))
    row += 2
    text(sheet, row, 1, labels["settings"]).font = SECTION_FONT
    for key, value in settings.items():
        row += 1
        wrapped_text(sheet, row, 1, labels[f"setting_{key}"])
        number(sheet, row, 2, value, "integer")
    row = write_business_case_method(sheet, row + 2, data, labels)
    row += 2
    text(sheet, row, 1, labels["inputs"]).font = SECTION_FONT
    row += 1
    for position, key in enumerate(("table", "file", "rows", "sha256"), start=1):
        text(sheet, row, position, labels[key]).font = BOLD
    for input_file in data.extract.files:
        row += 1
        text(sheet, row, 1, input_file.table)
        text(
            sheet,
            row,
            2,
            labels["default_table"] if input_file.is_default else input_file.path.name,
        )
        number(sheet, row, 3, input_file.rows, "integer")
        text(sheet, row, 4, input_file.sha256)
    row += 2
    text(sheet, row, 1, labels["software"]).font = BOLD
    text(sheet, row, 2, f"effektpris-evaluator {__version__}")
    set_print_layout(sheet)


def heading_cell(sheet: Worksheet, row: int, heading: str) -> None:
    """A bold heading at the top of its row, beside the wrapped text it names; a heading longer
    than its column wraps (the text beside it would cut it off)."""
    cell = text(sheet, row, 1, heading)
    cell.font, cell.alignment = BOLD, WRAP
    set_row_lines(sheet, row, wrapped_lines(sheet, 1, heading, BOLD_CHARACTER_WIDTH))


def write_business_case_method(
    sheet: Worksheet, row: int, data: ScorecardData, labels: dict
) -> int:
    """SPEC §2.8 on the Metode sheet: the assumption and what each figure means, the staircase
    and the weekly payments used, a worked example to redo with a calculator, and the quarter's
    total under three assumptions of weeks saved. Returns the last row written."""
    business_case = data.settings.business_case
    text(sheet, row, 1, labels["business_case_section"]).font = SECTION_FONT
    for heading in ("assumption", "upper_bound", "extra", "payback"):
        row += 1
        heading_cell(sheet, row, labels[f"business_case_{heading}"])
        body = labels[f"business_case_{heading}_text"].format(weeks=business_case.weeks_saved)
        wrapped_text(sheet, row, 2, body)
    row = write_staircase(sheet, row + 2, data.business_case_staircase, labels)
    row = write_weekly_payments(sheet, row + 2, business_case, labels)
    row = write_business_case_example(sheet, row + 2, data.business_case_example, labels)
    return write_business_case_sensitivity(sheet, row + 2, data, labels)


def write_staircase(sheet: Worksheet, row: int, steps: list[dict], labels: dict) -> int:
    """The refusion staircase (business_case_staircase) as a small table: weeks, the state's
    refusion, what the municipality pays."""
    text(sheet, row, 1, labels["staircase"]).font = BOLD
    row += 1
    for position, key in enumerate(
        ("staircase_weeks", "staircase_refusion", "staircase_net_share"), start=1
    ):
        text(sheet, row, position, labels[key]).font = BOLD
    for step in steps:
        row += 1
        if step["last_week"] is None:
            weeks = labels["weeks_from"].format(first=step["first_week"])
        else:
            weeks = labels["weeks_range"].format(first=step["first_week"], last=step["last_week"])
        text(sheet, row, 1, weeks)
        number(sheet, row, 2, step["refusion_rate"], "rate").alignment = LEFT
        number(sheet, row, 3, step["net_share"], "rate")
    return row


def write_weekly_payments(
    sheet: Worksheet, row: int, business_case: BusinessCase, labels: dict
) -> int:
    text(sheet, row, 1, labels["weekly_payments"]).font = BOLD
    for group, amount in business_case.weekly_payments_dkk().items():
        row += 1
        text(sheet, row, 1, labels[f"benefit_{group}"])
        number(sheet, row, 2, amount, "money").alignment = LEFT
    return row


def write_business_case_example(sheet: Worksheet, row: int, steps: list[dict], labels: dict) -> int:
    """The example of business_case_example, one line per step and the total, in words and
    numbers a reader can redo. With weeks_saved = 0 nothing is saved and no step is shown."""
    heading_cell(sheet, row, labels["business_case_example"])
    if not steps:
        return row
    first = steps[0]
    intro = labels["business_case_example_text"].format(
        before=first["benefit_weeks_before"],
        course=first["course_weeks"],
        end=first["benefit_week_at_end"],
        first=first["step_first_saved_week"],
        last=steps[-1]["step_last_saved_week"],
    )
    wrapped_text(sheet, row, 2, intro)
    for step in steps:
        row += 1
        weeks = labels["weeks_range"].format(
            first=step["step_first_saved_week"], last=step["step_last_saved_week"]
        )
        text(sheet, row, 1, weeks)
        line = labels["business_case_example_step"].format(
            weeks=step["weeks_in_step"],
            payment=number_text(step["weekly_benefit_dkk"], labels),
            net=percent_text(step["net_share"], labels),
            amount=number_text(step["avoided_cost_dkk"], labels),
        )
        text(sheet, row, 2, line)
    row += 1
    text(sheet, row, 1, labels["business_case_example_total"]).font = BOLD
    cell = number(sheet, row, 2, first["total_avoided_cost_dkk"], "money")
    cell.alignment, cell.font = LEFT, BOLD
    return row


def write_business_case_sensitivity(
    sheet: Worksheet, row: int, data: ScorecardData, labels: dict
) -> int:
    """The quarter's avoided benefit cost with 13, 26 and 52 weeks saved (and the setting's);
    a suppressed quarter shows "<5" and no amount, as its headline does."""
    heading_cell(sheet, row, labels["business_case_sensitivity"])
    wrapped_text(sheet, row, 2, labels["business_case_sensitivity_text"])
    for scenario in data.business_case_sensitivity:
        row += 1
        key = (
            "business_case_sensitivity_configured"
            if scenario["is_configured"]
            else ("business_case_sensitivity_row")
        )
        text(sheet, row, 1, labels[key].format(weeks=scenario["weeks_saved"]))
        if scenario["is_suppressed"]:
            text(sheet, row, 2, suppressed_text(data))
        else:
            number(sheet, row, 2, scenario["avoided_benefit_cost_dkk"], "money").alignment = LEFT
    return row
