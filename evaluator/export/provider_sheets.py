"""One scorecard sheet per provider, for the quarterly follow-up meeting (the Vejle model).

From the top: the four pillars of SPEC §2.3 as four separate blocks (with "no data" where a table
is missing, never zero; the economy pillar with the business case of SPEC §2.8) beside an
8-quarter trend chart; the provider's offers; its contracts
with their status and recommendation; the trend's figures as a table; and whom the provider
serves (SPEC §2.6: "Hvem tager leverandøren?").
"""

from openpyxl.worksheet.worksheet import Worksheet

from evaluator.export.charts import ChartData, trend_chart
from evaluator.export.scorecard_data import ScorecardData
from evaluator.export.sheet_parts import (
    CONTRACT_COLUMNS,
    suppressed_text,
    with_contract_default,
    write_legend,
    write_sheet_heading,
    write_table,
)
from evaluator.export.xlsx import (
    SECTION_FILL,
    SECTION_FONT,
    Column,
    set_print_layout,
    set_widths,
    text,
    write_header,
    write_record,
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
    Column("offer_name", "offer", "text", 34),
    Column("offer_type", "offer_type", "offer_type", 24),
    Column("participants", "participants", "integer", 14),
    Column("effects", "effects", "integer", 10),
    Column("effect_rate", "effect_rate", "rate", 10),
    Column("effect_rate_ci_low", "ci_low", "rate", 11),
    Column("effect_rate_ci_high", "ci_high", "rate", 11),
    Column("effect_price_dkk", "effect_price", "money", 13),
    Column("adjusted_effect_price_dkk", "adjusted_effect_price", "money", 13),
    Column("rank_in_type", "rank_in_type", "integer", 9),
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


def write_provider_sheet(
    sheet: Worksheet, provider: dict, data: ScorecardData, labels: dict, chart_data: ChartData
) -> None:
    set_widths(sheet, [column.width for column in OFFER_COLUMNS])
    title = labels["title_provider"].format(
        quarter=data.quarter, provider=f"{provider['provider_name']} ({provider['provider_id']})"
    )
    write_sheet_heading(sheet, title, data, labels)
    text(sheet, 5, 1, labels["pillars"]).font = SECTION_FONT
    row = write_pillars(sheet, 6, provider, data, labels)
    trend = data.trends[("provider", provider["provider_id"])]
    sheet.add_chart(trend_chart(chart_data, trend, labels), "F6")
    row = write_offers(sheet, row + 1, provider, data, labels)
    row = write_contracts(sheet, row + 1, provider, data, labels)
    row = write_trend_table(sheet, row + 1, trend, data, labels)
    row = write_breakdown(sheet, row, provider, data, labels)
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
    set_print_layout(sheet, "1:3")


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
    offers = sorted(data.offers_of(provider["provider_id"]), key=lambda offer: offer["offer_id"])
    write_table(
        sheet, row + 1, OFFER_COLUMNS, [with_contract_default(o) for o in offers], data, labels
    )
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
) -> int:
    """The chart's figures, readable and printable: a quarter with no participants shows a
    dash, a suppressed quarter "<5"."""
    text(sheet, row, 1, labels["trend_block"]).font = SECTION_FONT
    write_header(sheet, row + 1, TREND_COLUMNS, labels)
    for offset, quarter in enumerate(trend, start=1):
        if quarter["participants"] == 0:
            text(sheet, row + 1 + offset, 1, quarter["quarter"])
            text(sheet, row + 1 + offset, 2, labels["no_participants"])
            continue
        hidden = suppressed_text(data) if quarter["is_suppressed"] else None
        write_record(sheet, row + 1 + offset, TREND_COLUMNS, quarter, labels, hidden)
    return row + len(trend) + 3


def write_breakdown(
    sheet: Worksheet, row: int, provider: dict, data: ScorecardData, labels: dict
) -> int:
    """Whom the provider serves, by benefit group, match group and age band: each value's share
    of the provider's participants beside its share of the whole cohort, and its O/E. A value
    with too few participants shows "<5" and no share or O/E (the cohort's share stays)."""
    text(sheet, row, 1, labels["breakdown_block"]).font = SECTION_FONT
    text(sheet, row + 1, 1, labels["breakdown_intro"])
    records = [
        {**record, "value": breakdown_value(record, labels)}
        for record in data.breakdown_of(provider["provider_id"])
    ]
    last_row = write_table(sheet, row + 2, BREAKDOWN_COLUMNS, records, data, labels)
    return last_row + 2


def breakdown_value(record: dict, labels: dict) -> str:
    """A benefit group in the reader's words; match groups and age bands as they are."""
    value = record["dimension_value"]
    if record["dimension"] == "benefit_group":
        return labels[f"benefit_{value}"]
    return value
