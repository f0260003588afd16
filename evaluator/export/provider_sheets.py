"""One scorecard sheet per provider, for the quarterly follow-up meeting (the Vejle model).

On one landscape A4 page: the four pillars of SPEC §2.3 as four separate blocks (with "no data"
where a table is missing, never zero; the economy pillar with the business case of SPEC §2.8);
beside them an 8-quarter trend chart with its figures as a table, and under those whom the
provider serves (SPEC §2.6: "Hvem tager leverandøren?"); below both, the provider's offers and
its contracts with their status and recommendation.
"""

from openpyxl.worksheet.worksheet import Worksheet

from evaluator.export.charts import ChartData, trend_chart
from evaluator.export.scorecard_data import ScorecardData
from evaluator.export.sheet_parts import (
    CONTRACT_COLUMNS,
    suppressed_text,
    write_legend,
    write_sheet_heading,
    write_table,
)
from evaluator.export.xlsx import (
    SECTION_FILL,
    SECTION_FONT,
    Column,
    cell_span_anchor,
    set_print_layout,
    set_widths,
    text,
    wrapped_text_across,
    write_header,
    write_record,
    write_tall_header,
    write_value,
)

# (label key, title, metrics as (key, label, kind), the key that is empty when the table is absent)
PILLARS = (
    (
        "pillar_experience",
        (
            ("satisfaction_responses", "satisfaction_responses", "integer"),
            ("satisfaction_mean", "satisfaction_mean", "decimal"),
            ("satisfied_share", "satisfied_share", "rate"),
        ),
        "satisfaction_responses",
    ),
    (
        "pillar_effect",
        (
            ("participants", "participants", "integer"),
            ("job_exits", "job_exits", "integer"),
            ("education_exits", "education_exits", "integer"),
            ("effects", "effects", "integer"),
            ("effect_rate", "effect_rate", "rate"),
            ("effect_rate_ci_low", "ci_low", "rate"),
            ("effect_rate_ci_high", "ci_high", "rate"),
            ("expected_effects", "expected_effects", "decimal"),
            ("oe_ratio", "oe_ratio", "decimal"),
            ("adjusted_effect_rate", "adjusted_effect_rate", "rate"),
        ),
        None,
    ),
    (
        "pillar_economy",
        (
            ("total_cost_dkk", "total_cost", "money"),
            ("cost_per_participant_dkk", "cost_per_participant", "money"),
            ("effect_price_dkk", "effect_price", "money"),
            ("adjusted_effect_price_dkk", "adjusted_effect_price", "money"),
            ("avoided_benefit_cost_dkk", "avoided_benefit_cost", "money"),
            ("extra_avoided_benefit_cost_dkk", "extra_avoided_benefit_cost", "money"),
            ("payback_ratio", "payback_ratio", "decimal"),
        ),
        None,
    ),
    (
        "pillar_progression",
        (
            ("progression_n", "progression_n", "integer"),
            ("progression_mean", "progression_mean", "decimal"),
        ),
        "progression_n",
    ),
)
PILLAR_VALUE_COLUMN = 4
OFFER_COLUMNS = (
    Column("offer_id", "offer_id", "text", 10),
    Column("offer_name", "offer", "text", 30),
    Column("offer_type", "offer_type", "offer_type", 24),
    Column("participants", "participants", "integer", 14),
    Column("effects", "effects", "integer", 10),
    Column("effect_rate", "effect_rate", "rate", 13),
    Column("effect_rate_ci_low", "ci_low", "rate", 15),
    Column("effect_rate_ci_high", "ci_high", "rate", 11),
    Column("effect_price_dkk", "effect_price", "money", 13),
    Column("adjusted_effect_price_dkk", "adjusted_effect_price", "money", 13),
    Column("rank_in_type", "rank_in_type", "integer", 12),
    Column("contract_status", "contract_status", "label", 17),
    Column("recommendation", "recommendation", "label", 16),
)
PROVIDER_CONTRACT_COLUMNS = tuple(
    column for column in CONTRACT_COLUMNS if column.key not in ("provider_id", "provider_name")
)
BREAKDOWN_COLUMNS = (
    Column("dimension", "breakdown_dimension", "label", 0),
    Column("value", "breakdown_value", "text", 0),
    Column("participants", "participants", "integer", 0),
    Column("share", "breakdown_share", "rate", 0),
    Column("cohort_share", "breakdown_cohort_share", "rate", 0, is_group_figure=False),
    Column("oe_ratio", "oe_ratio", "decimal", 0),
)
TREND_COLUMNS = (
    Column("quarter", "quarter", "text", 0),
    Column("participants", "participants", "integer", 0),
    Column("effect_rate", "effect_rate", "rate", 0),
    Column("effect_price_dkk", "effect_price", "money", 0),
)
# One landscape A4 page for the meeting: the pillars on the left (columns A to D); on the right,
# from column F, the trend chart with the trend's figures beside it and whom the provider serves
# under them; the offers and contracts below both, across the page.
RIGHT_COLUMN = 6
TREND_TABLE_COLUMN = RIGHT_COLUMN + 4
LAST_COLUMN = TREND_TABLE_COLUMN + len(TREND_COLUMNS) - 1
CHART_ROWS = 14
# "Andel af leverandørens deltagere" wraps to three lines in its column; the introduction to two
# or three lines across the right-hand columns, in either language.
BREAKDOWN_HEADER_ROWS = 3
BREAKDOWN_INTRO_ROWS = 3


def write_provider_sheet(
    sheet: Worksheet, provider: dict, data: ScorecardData, labels: dict, chart_data: ChartData
) -> None:
    set_widths(sheet, [column.width for column in OFFER_COLUMNS])
    title = labels["title_provider"].format(
        quarter=data.quarter, provider=f"{provider['provider_name']} ({provider['provider_id']})"
    )
    write_sheet_heading(sheet, title, data, labels)
    text(sheet, 5, 1, labels["pillars"]).font = SECTION_FONT
    pillars_end = write_pillars(sheet, 6, provider, data, labels)
    trend = data.trends[("provider", provider["provider_id"])]
    chart = trend_chart(chart_data, trend, labels)
    chart.anchor = cell_span_anchor(5, RIGHT_COLUMN, 5 + CHART_ROWS, TREND_TABLE_COLUMN)
    sheet.add_chart(chart)
    write_trend_table(sheet, 5, trend, data, labels)
    right_end = write_breakdown(sheet, 5 + CHART_ROWS + 1, provider, data, labels)
    row = write_offers(sheet, max(pillars_end, right_end) + 1, provider, data, labels)
    row = write_contracts(sheet, row + 1, provider, data, labels)
    write_legend(
        sheet,
        row + 1,
        [
            labels["legend_status"],
            labels["legend_recommendation"],
            labels["legend_suppressed"].format(n=data.settings.suppress_below),
        ],
        labels,
    )
    sheet.freeze_panes = "A4"
    set_print_layout(sheet, "1:3", pages_tall=1)


def write_pillars(
    sheet: Worksheet, row: int, provider: dict, data: ScorecardData, labels: dict
) -> int:
    """Four blocks, one per pillar, each a title band and one row per metric; returns the row
    after the last block. A suppressed provider shows "<5" and no other figure."""
    hidden = provider["is_suppressed"]
    for title, metrics, presence_key in PILLARS:
        for column in range(1, PILLAR_VALUE_COLUMN + 1):
            sheet.cell(row=row, column=column).fill = SECTION_FILL
        text(sheet, row, 1, labels[title]).font = SECTION_FONT
        row += 1
        if presence_key is not None and provider[presence_key] is None:
            text(sheet, row, 1, labels["no_data"])
            row += 2
            continue
        for key, label, kind in metrics:
            text(sheet, row, 1, labels[label])  # runs on over the empty columns B and C
            if key == "participants" and hidden:
                text(sheet, row, PILLAR_VALUE_COLUMN, suppressed_text(data))
            elif not hidden:
                write_value(sheet, row, PILLAR_VALUE_COLUMN, provider[key], kind, labels)
            row += 1
        row += 1
    return row


def write_offers(
    sheet: Worksheet, row: int, provider: dict, data: ScorecardData, labels: dict
) -> int:
    text(sheet, row, 1, labels["offers_block"]).font = SECTION_FONT
    offers = data.offers_of(provider["provider_id"])
    write_table(sheet, row + 1, OFFER_COLUMNS, offers, data, labels)
    return row + len(offers) + 3


def write_contracts(
    sheet: Worksheet, row: int, provider: dict, data: ScorecardData, labels: dict
) -> int:
    text(sheet, row, 1, labels["contracts_block"]).font = SECTION_FONT
    contracts = data.contracts_of(provider["provider_id"])
    if not contracts:
        text(sheet, row + 1, 1, labels["no_contracts"])
        return row + 3
    write_table(sheet, row + 1, PROVIDER_CONTRACT_COLUMNS, contracts, data, labels)
    return row + len(contracts) + 3


def write_trend_table(
    sheet: Worksheet, row: int, trend: list[dict], data: ScorecardData, labels: dict
) -> None:
    """The chart's figures beside it (within the chart's rows), readable and printable: a
    quarter with no participants shows a dash, a suppressed quarter "<5"."""
    column = TREND_TABLE_COLUMN
    text(sheet, row, column, labels["trend_block"]).font = SECTION_FONT
    write_header(sheet, row + 1, TREND_COLUMNS, labels, column)
    for offset, quarter in enumerate(trend, start=row + 2):
        if quarter["participants"] == 0:
            text(sheet, offset, column, quarter["quarter"])
            text(sheet, offset, column + 1, labels["no_participants"])
            continue
        hidden = suppressed_text(data) if quarter["is_suppressed"] else None
        write_record(sheet, offset, TREND_COLUMNS, quarter, labels, hidden, column)


def write_breakdown(
    sheet: Worksheet, row: int, provider: dict, data: ScorecardData, labels: dict
) -> int:
    """Whom the provider serves, by benefit group, match group and age band: each value's share
    of the provider's participants beside its share of the whole cohort, and its O/E. A value
    with too few participants shows "<5" and no share or O/E (the cohort's share stays)."""
    text(sheet, row, RIGHT_COLUMN, labels["breakdown_block"]).font = SECTION_FONT
    intro = labels["breakdown_intro"]
    wrapped_text_across(sheet, row + 1, RIGHT_COLUMN, LAST_COLUMN, intro, BREAKDOWN_INTRO_ROWS)
    header_row = row + 1 + BREAKDOWN_INTRO_ROWS
    write_tall_header(
        sheet, header_row, BREAKDOWN_COLUMNS, labels, RIGHT_COLUMN, BREAKDOWN_HEADER_ROWS
    )
    row = header_row + BREAKDOWN_HEADER_ROWS
    for record in data.breakdown_of(provider["provider_id"]):
        shown = {**record, "value": breakdown_value(record, labels)}
        hidden = suppressed_text(data) if record["is_suppressed"] else None
        write_record(sheet, row, BREAKDOWN_COLUMNS, shown, labels, hidden, RIGHT_COLUMN)
        row += 1
    return row + 1


def breakdown_value(record: dict, labels: dict) -> str:
    """A benefit group in the reader's words; match groups and age bands as they are."""
    value = record["dimension_value"]
    if record["dimension"] == "benefit_group":
        return labels[f"benefit_{value}"]
    return value
