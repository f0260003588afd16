"""The workbook's §2.5 and §2.6 parts: on Udbud the shrunk effect price and prob_best beside the
rank and a clear-winner line per offer type; on each provider sheet "Hvem tager
leverandøren?"; on Metode the plain-Danish explanation with its worked example."""

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from evaluator.export.labels import SCORECARD_LABELS
from evaluator.export.scorecards import write_scorecards
from tests.conftest import run_extract
from tests.test_group_metrics import add_group
from tests.test_scorecards import same_number, table

DA = SCORECARD_LABELS["da"]


def read_csv(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def column_a(sheet) -> list[object]:
    return [sheet.cell(row=row, column=1).value for row in range(1, sheet.max_row + 1)]


def test_tender_shows_shrunk_price_and_prob_best_beside_the_rank(demo_report):
    workbook = load_workbook(demo_report / "scorecards.xlsx")
    sheet = workbook["Udbud"]
    offers = {row["offer_id"]: row for row in read_csv(demo_report, "provider_offer_metrics.csv")}
    header_rows = [
        row
        for row in range(1, sheet.max_row + 1)
        if sheet.cell(row=row, column=1).value == DA["rank_in_type"]
    ]
    assert len(header_rows) == len({row["offer_type"] for row in offers.values()})
    records = [
        record
        for header_row in header_rows
        for record in table(sheet, DA["rank_in_type"], header_row, key_label=DA["offer_id"])
    ]
    assert len(records) == len(offers)
    header = [sheet.cell(row=header_rows[0], column=c).value for c in (1, 2, 3)]
    assert header == [DA["rank_in_type"], DA["shrunk_effect_price"], DA["prob_best"]]
    for record in records:
        row = offers[record[DA["offer_id"]]]
        if row["suppressed"] == "true":
            assert record[DA["shrunk_effect_price"]] is None
            assert record[DA["prob_best"]] is None
        else:
            assert same_number(record[DA["shrunk_effect_price"]], row["shrunk_effect_price"])
            assert same_number(record[DA["prob_best"]], row["prob_best"])


def test_demo_tender_names_the_clear_winner_of_each_type(demo_report):
    """In the demo every type's spread is within chance: jobsøgning has m ≈ 1.043,
    s² ≈ 0.265 < m/Ē ≈ 0.335, so v = 0, every offer's true O/E is m and the lowest cost per
    participant wins: T020 (Job-speeddating, Bølgen, 4,350 kr.) with probability 1."""
    sheet = load_workbook(demo_report / "scorecards.xlsx")["Udbud"]
    lines = [value for value in column_a(sheet) if isinstance(value, str)]
    expected = DA["clear_winner"].format(
        offer="Job-speeddating (Bølgen) (Bølgen Beskæftigelse)", probability="100 %"
    )
    assert expected in lines
    winner_lines = [line for line in lines if line.startswith(("Klar vinder", "Ingen klar"))]
    assert len(winner_lines) == 5


def test_a_type_without_a_clear_winner_says_so(extract, tmp_path):
    """O1, O2 and O3 each 9 of 10 effects, O4 2 of 20 (1,000 kr. each): rate 29/50 = 0.58,
    E = 5.8, 5.8, 5.8, 11.6; m = 1; θ̂ = 9/5.8 ≈ 1.552 (three times) and 2/11.6 ≈ 0.172;
    s² = (3 × 5.8 × 0.552² + 11.6 × 0.828²)/29 ≈ 0.459 > m/Ē = 1/7.25 ≈ 0.138, so v > 0. O1–O3
    have the same posterior and cost and O4 almost never wins: about 1/3 each, below 0.5."""
    extract.offer("O2").offer("O3").offer("O4")
    add_group(extract, "O1", 10, 9, "A")
    add_group(extract, "O2", 10, 9, "B")
    add_group(extract, "O3", 10, 9, "C")
    add_group(extract, "O4", 20, 2, "D")
    evaluation = run_extract(extract, tmp_path / "extract")
    certainty = evaluation.con.table("offer_type_certainty").fetchall()
    assert len(certainty) == 1
    top = certainty[0][1]
    assert top == pytest.approx(1 / 3, abs=0.001)
    assert certainty[0][2] is False
    write_scorecards(evaluation, tmp_path / "scorecards.xlsx")
    sheet = load_workbook(tmp_path / "scorecards.xlsx")["Udbud"]
    assert DA["no_clear_winner"] in column_a(sheet)
    assert DA["no_clear_winner"] == "Ingen klar vinder: forskellene kan skyldes tilfældigheder."


def test_provider_sheets_show_whom_the_provider_serves(demo_report):
    workbook = load_workbook(demo_report / "scorecards.xlsx")
    providers = read_csv(demo_report, "provider_metrics.csv")
    breakdown = read_csv(demo_report, "provider_breakdown.csv")
    dimension_names = {
        "benefit_group": DA["benefit_group"],
        "match_group": DA["match_group"],
        "age_band": DA["age_band"],
    }
    suppressed_seen = False
    for provider in providers:
        sheet = next(s for s in workbook.worksheets if s.title.startswith(provider["provider_id"]))
        assert DA["breakdown_block"] == "Hvem tager leverandøren?"
        assert DA["breakdown_block"] in [cell.value for cell in sheet["F"]]
        records = table(sheet, DA["breakdown_dimension"])
        mine = [row for row in breakdown if row["provider_id"] == provider["provider_id"]]
        assert len(records) == len(mine)
        shown = {(r[DA["breakdown_dimension"]], r[DA["breakdown_value"]]): r for r in records}
        for row in mine:
            value = row["value"]
            if row["dimension"] == "benefit_group":
                value = DA[f"benefit_{value}"]
            record = shown[(dimension_names[row["dimension"]], value)]
            assert same_number(record[DA["breakdown_cohort_share"]], row["cohort_share"])
            if row["suppressed"] == "true":
                suppressed_seen = True
                assert record[DA["participants"]] == "<5"
                assert record[DA["breakdown_share"]] is None
                assert record[DA["oe_ratio"]] is None
            else:
                assert record[DA["participants"]] == int(row["participants"])
                assert same_number(record[DA["breakdown_share"]], row["share"])
                assert same_number(record[DA["oe_ratio"]], row["oe_ratio"])
    assert suppressed_seen


def test_method_sheet_explains_shrinkage_and_prob_best_with_an_example(demo_report):
    """The worked example is the three-offer case of tests/test_rank_certainty.py: v = 0.03,
    C = 3/23 ≈ 0.130, shrunk O/E ≈ 1.078, price 1,000/(1.078 × 0.5) ≈ 1,855 kr."""
    sheet = load_workbook(demo_report / "scorecards.xlsx")["Metode"]
    texts = {
        sheet.cell(row=row, column=1).value: sheet.cell(row=row, column=2).value
        for row in range(1, sheet.max_row + 1)
    }
    assert "regression mod middelværdien" in texts["Krympning mod typen"]
    example = texts["Regneeksempel"]
    for figure in ("v = 0,18 − 0,15 = 0,03", "≈ 1,078", "≈ 1.855 kr."):
        assert figure in example
    assert "ingen klar vinder" in texts["Sandsynlighed for at være billigst"]


def test_offer_types_show_danish_names_and_the_csv_keeps_codes(demo_report):
    workbook = load_workbook(demo_report / "scorecards.xlsx")
    shown = {record[DA["offer_type"]] for record in table(workbook["Oversigt"], DA["offer_type"])}
    assert {"Løntilskud", "Jobsøgning"} <= shown
    assert "loentilskud" not in shown
    assert "Løntilskud" in column_a(workbook["Udbud"])
    codes = {row["offer_type"] for row in read_csv(demo_report, "provider_offer_metrics.csv")}
    assert {"loentilskud", "jobsoegning"} <= codes


def test_an_unknown_offer_type_is_shown_as_it_is(extract, tmp_path):
    extract.offer("X1", offer_type="kursus_i_it")
    add_group(extract, "X1", 6, 2, "X")
    evaluation = run_extract(extract, tmp_path / "extract")
    write_scorecards(evaluation, tmp_path / "scorecards.xlsx")
    assert "kursus_i_it" in column_a(load_workbook(tmp_path / "scorecards.xlsx")["Udbud"])
