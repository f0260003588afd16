"""The workbook's §2.8 parts: on Udbud the assumption line and "Sparet forsørgelse", "Ud over
forventet" and "Kr. sparet pr. kr." per offer; the same three in each provider sheet's economy
pillar; on Metode the staircase, a worked example and the quarter's total with 13, 26 and 52
weeks saved. Suppressed rows show none of them."""

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from evaluator.export.labels import SCORECARD_LABELS
from evaluator.pipeline import evaluate
from evaluator.quarter import Quarter
from evaluator.report_folder import write_report
from evaluator.resources import DEMO_DATA_DIR
from evaluator.settings import BusinessCase, Settings
from tests.test_scorecards import pillar_values, same_number, table_all

DA = SCORECARD_LABELS["da"]
EN = SCORECARD_LABELS["en"]
FIGURES = {
    "avoided_benefit_cost": "avoided_benefit_cost",
    "extra_avoided_benefit_cost": "extra_avoided_benefit_cost",
    "payback_ratio": "payback_ratio",
}


def read_csv(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def method_rows(sheet) -> list[tuple[object, object, object]]:
    return [
        tuple(sheet.cell(row=row, column=column).value for column in (1, 2, 3))
        for row in range(1, sheet.max_row + 1)
    ]


def test_the_labels_are_those_of_the_issue():
    assert (DA["avoided_benefit_cost"], DA["extra_avoided_benefit_cost"]) == (
        "Sparet forsørgelse",
        "Ud over forventet",
    )
    assert DA["payback_ratio"] == "Kr. sparet pr. kr."


def test_tender_states_the_assumption_above_the_tables(demo_report):
    sheet = load_workbook(demo_report / "scorecards.xlsx")["Udbud"]
    assert sheet["A4"].value == (
        "Sparet forsørgelse: hver effekt antages at spare 26 ugers forsørgelse; refusion "
        "80/40/30/20 % (kommunens nettoudgift; se arket Metode)."
    )


def test_tender_shows_the_three_figures_of_each_offer_and_none_when_suppressed(demo_report):
    sheet = load_workbook(demo_report / "scorecards.xlsx")["Udbud"]
    offers = {row["offer_id"]: row for row in read_csv(demo_report, "provider_offer_metrics.csv")}
    records = table_all(sheet, DA["rank_in_type"])
    assert len(records) == len(offers)
    suppressed = 0
    for record in records:
        row = offers[record[DA["offer_id"]]]
        for label, name in FIGURES.items():
            if row["suppressed"] == "true":
                assert record[DA[label]] is None
            else:
                assert same_number(record[DA[label]], row[name]), (row["offer_id"], label)
        suppressed += row["suppressed"] == "true"
        assert row["avoided_benefit_cost"] != ""  # the CSV has every row's figures
    assert suppressed >= 3


def test_every_provider_sheet_has_the_three_figures_in_its_economy_pillar(demo_report):
    workbook = load_workbook(demo_report / "scorecards.xlsx")
    providers = read_csv(demo_report, "provider_metrics.csv")
    for provider in providers:
        sheet = workbook[
            next(n for n in workbook.sheetnames if n.startswith(provider["provider_id"] + " "))
        ]
        values = pillar_values(sheet)
        labels = list(values)
        economy = labels.index(DA["pillar_economy"])
        progression = labels.index(DA["pillar_progression"])
        for label, name in FIGURES.items():
            assert economy < labels.index(DA[label]) < progression
            assert same_number(values[DA[label]], provider[name]), (provider["provider_id"], label)


def test_a_suppressed_provider_shows_no_business_case(tmp_path):
    """With suppress_below = 1,000 every group of the demo is suppressed: the economy pillar
    keeps its labels and shows no figure, and the Metode sheet's quarter totals show "<1000"."""
    settings = Settings(suppress_below=1000)
    evaluation = evaluate(DEMO_DATA_DIR, Quarter.parse("2026Q2"), settings, data_docs=False)
    write_report(evaluation, tmp_path)
    workbook = load_workbook(tmp_path / "scorecards.xlsx")
    provider_sheet = next(s for s in workbook.worksheets if s.title.startswith("P01 "))
    values = pillar_values(provider_sheet)
    assert all(values[DA[label]] is None for label in FIGURES)
    totals = [row for row in method_rows(workbook["Metode"]) if "uger sparet" in str(row[0])]
    assert [row[1] for row in totals] == ["<1000"] * 3


def test_method_sheet_has_the_staircase_the_example_and_the_quarters_totals(demo_report):
    """The example's lines as a reader redoes them: 20 × 3,000 × 70 % = 42,000 and
    6 × 3,000 × 80 % = 14,400, 56,400 kr. in all. The total with 26 weeks (the setting) is the
    sum of the providers' avoided_benefit_cost; 13 and 52 weeks are the mart's."""
    sheet = load_workbook(demo_report / "scorecards.xlsx")["Metode"]
    rows = method_rows(sheet)
    first_column = [row[0] for row in rows]
    assert DA["business_case_section"] in first_column
    start = first_column.index(DA["staircase"])
    assert rows[start + 1] == (
        DA["staircase_weeks"],
        DA["staircase_refusion"],
        DA["staircase_net_share"],
    )
    assert rows[start + 2 : start + 6] == [
        ("uge 1–4", 0.8, pytest.approx(0.2)),
        ("uge 5–26", 0.4, pytest.approx(0.6)),
        ("uge 27–52", 0.3, pytest.approx(0.7)),
        ("uge 53 og frem", 0.2, pytest.approx(0.8)),
    ]
    example = first_column.index(DA["business_case_example"])
    assert "30 ugers forsørgelse" in rows[example][1] and "uge 33–58" in rows[example][1]
    assert rows[example + 1][:2] == ("uge 33–52", "20 uger × 3.000 kr. × 70 % = 42.000 kr.")
    assert rows[example + 2][:2] == ("uge 53–58", "6 uger × 3.000 kr. × 80 % = 14.400 kr.")
    assert rows[example + 3][:2] == (DA["business_case_example_total"], 56400.0)
    totals = {row[0]: row[1] for row in rows if row[0] and "uger sparet" in row[0]}
    assert list(totals) == ["13 uger sparet", "26 uger sparet (indstillingen)", "52 uger sparet"]
    providers = read_csv(demo_report, "provider_metrics.csv")
    quarter_total = sum(float(row["avoided_benefit_cost"]) for row in providers)
    assert totals["26 uger sparet (indstillingen)"] == pytest.approx(quarter_total, rel=1e-12)
    assert totals["13 uger sparet"] < quarter_total < totals["52 uger sparet"]


def test_the_workbook_states_a_custom_assumption_in_english(tmp_path):
    """weeks_saved = 13 and a 75/25 % staircase after week 26: the tender line says so, and the
    staircase has two steps."""
    business_case = BusinessCase(
        weeks_saved=13, refusion_until_week=(26,), refusion_rates=(0.75, 0.255)
    )
    evaluation = evaluate(
        DEMO_DATA_DIR,
        Quarter.parse("2026Q2"),
        Settings(business_case=business_case),
        data_docs=False,
    )
    write_report(evaluation, tmp_path, "en")
    workbook = load_workbook(tmp_path / "scorecards.xlsx")
    assert workbook["Tender"]["A4"].value == EN["business_case_line"].format(
        weeks=13, rates="75/25.5"
    )
    rows = method_rows(workbook["Method"])
    start = [row[0] for row in rows].index(EN["staircase"])
    assert [row[0] for row in rows[start + 2 : start + 5]] == [
        "weeks 1–26",
        "week 27 onwards",
        None,
    ]
    totals = [row[0] for row in rows if row[0] and "weeks saved" in row[0]]
    assert totals == ["13 weeks saved (the setting)", "26 weeks saved", "52 weeks saved"]
