"""The scorecard workbook on the demo extract: every figure on every sheet is the CSV's value,
suppressed groups show "<5" and nothing else, input text is never a formula, the layout (sheets,
frozen panes, print set-up, conditional formats) is there, and `--lang en` changes words only."""

import csv
import gc
import json
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from evaluator.export.csv_files import write_metric_csvs
from evaluator.export.labels import SCORECARD_LABELS
from evaluator.export.scorecards import write_scorecards
from evaluator.export.xlsx import add_sheet, cycle_collection_paused, safe_sheet_name
from evaluator.pipeline import evaluate
from evaluator.quarter import Quarter
from evaluator.report_folder import write_report
from evaluator.resources import DEMO_DATA_DIR
from evaluator.settings import Settings
from fixtures.builders import JOB, small_valid_extract
from tests.conftest import run_extract

DA = SCORECARD_LABELS["da"]
EN = SCORECARD_LABELS["en"]


@pytest.fixture(scope="module")
def demo_reports(demo_evaluation, demo_report, tmp_path_factory) -> dict[str, Path]:
    """The demo's 2026Q2 report in Danish (the session's) and in English, from one evaluation."""
    english = tmp_path_factory.mktemp("en")
    write_report(demo_evaluation, english, "en")
    return {"da": demo_report, "en": english}


@pytest.fixture(scope="module")
def workbook(demo_reports):
    return load_workbook(demo_reports["da"] / "scorecards.xlsx")


def read_csv(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def csv_number(text: str) -> float | None:
    return None if text == "" else float(text)


def same_number(cell_value: object, csv_text: str) -> bool:
    """openpyxl writes a float with 16 significant digits (Excel itself keeps 15), so a cell
    equals the CSV's value to one part in 10^15; integers and empty values exactly."""
    expected = csv_number(csv_text)
    if expected is None or cell_value is None:
        return cell_value == expected
    return cell_value == pytest.approx(expected, rel=1e-15, abs=0)


def table(
    sheet: Worksheet, first_label: str, start_row: int = 1, key_label: str | None = None
) -> list[dict[str, object]]:
    """The rows of the table whose header's first cell is `first_label` (in any column, the
    first found row by row), as dicts keyed by header label, up to the first row whose
    `key_label` cell (default: the first) is empty. A header merged over several rows (beside
    another block) has its records under the merged cells."""
    header_row, first_column = next(
        (row, column)
        for row in range(start_row, sheet.max_row + 1)
        for column in range(1, sheet.max_column + 1)
        if sheet.cell(row=row, column=column).value == first_label
    )
    labels = {}
    for column in range(first_column, sheet.max_column + 1):
        value = sheet.cell(row=header_row, column=column).value
        if value is None:
            break
        labels[column] = value
    key_column = next(c for c, label in labels.items() if label == (key_label or first_label))
    header_cell = sheet.cell(row=header_row, column=first_column).coordinate
    merged = [cells for cells in sheet.merged_cells.ranges if header_cell in cells]
    row = (merged[0].max_row if merged else header_row) + 1
    records = []
    while sheet.cell(row=row, column=key_column).value not in (None, ""):
        records.append({label: sheet.cell(row=row, column=c).value for c, label in labels.items()})
        row += 1
    return records


def assert_figures(record: dict, csv_row: dict, pairs: dict[str, str]) -> None:
    """Each workbook column (label) holds exactly the CSV's value (column name)."""
    for label, name in pairs.items():
        assert same_number(record[label], csv_row[name]), (label, record, csv_row[name])


OFFER_FIGURES = {
    DA["participants"]: "participants",
    DA["effect_rate"]: "effect_rate",
    DA["ci_low"]: "effect_rate_ci_low",
    DA["ci_high"]: "effect_rate_ci_high",
    DA["effect_price"]: "effect_price",
    DA["adjusted_effect_price"]: "adjusted_effect_price",
    DA["rank_in_type"]: "rank_in_type",
}


def test_the_sheets_in_order(workbook, demo_reports):
    providers = read_csv(demo_reports["da"], "provider_metrics.csv")
    # Excel forbids "/" in a sheet name ("Job & Fremtid A/S" becomes "Job & Fremtid A-S") and
    # allows 31 characters ("P11 Håndværkerskolen Nørre Ålund" loses its last letter).
    expected_providers = [
        f"{p['provider_id']} {p['provider_name'].replace('/', '-')}"[:31] for p in providers
    ]
    names = workbook.sheetnames
    assert names[:3] == ["Oversigt", "Udbud", "Kontrakter"]
    assert names[3 : 3 + len(providers)] == expected_providers
    assert names[-3:] == ["Datakvalitet", "Metode", "Diagramdata"]
    assert workbook["Diagramdata"].sheet_state == "hidden"
    assert len(providers) == 12


def test_overview_headline_equals_the_csv_totals(workbook, demo_reports):
    providers = read_csv(demo_reports["da"], "provider_metrics.csv")
    sheet = workbook["Oversigt"]
    headline = {
        sheet.cell(row=6, column=c).value: sheet.cell(row=7, column=c).value
        for c in range(1, 13)
        if sheet.cell(row=6, column=c).value
    }
    participants = sum(int(p["participants"]) for p in providers)
    effects = sum(int(p["effects"]) for p in providers)
    total_cost = sum(float(p["total_cost"]) for p in providers)
    assert headline[DA["participants"]] == participants == 399
    assert headline[DA["job_exits"]] == sum(int(p["job_exits"]) for p in providers)
    assert headline[DA["education_exits"]] == sum(int(p["education_exits"]) for p in providers)
    assert headline[DA["effects"]] == effects == 138
    assert headline[DA["total_cost"]] == pytest.approx(total_cost, abs=0.005)
    assert headline[DA["effect_price"]] == pytest.approx(total_cost / effects, rel=1e-12)
    assert headline[DA["effect_rate"]] == pytest.approx(effects / participants, rel=1e-15)


def test_overview_table_equals_the_csv_row_for_row(workbook, demo_reports):
    by_offer = {
        row["offer_id"]: row for row in read_csv(demo_reports["da"], "provider_offer_metrics.csv")
    }
    records = table(workbook["Oversigt"], DA["offer_type"])
    assert sorted(r[DA["offer_id"]] for r in records) == sorted(by_offer)
    order = [
        (r[DA["offer_type"]], r[DA["rank_in_type"]] is None, r[DA["rank_in_type"]] or 0)
        for r in records
    ]
    assert order == sorted(order)
    for record in records:
        row = by_offer[record[DA["offer_id"]]]
        assert record[DA["provider"]] == row["provider_name"]
        assert record[DA["offer"]] == row["offer_name"]
        if row["suppressed"] == "true":
            continue
        assert_figures(record, row, OFFER_FIGURES)


def test_suppressed_groups_show_the_threshold_and_no_figure(workbook, demo_reports):
    rows = read_csv(demo_reports["da"], "provider_offer_metrics.csv")
    suppressed = {row["offer_id"] for row in rows if row["suppressed"] == "true"}
    assert len(suppressed) >= 3
    for sheet_name, first_label in (("Oversigt", DA["offer_type"]), ("Udbud", DA["rank_in_type"])):
        for record in table_all(workbook[sheet_name], first_label):
            if record[DA["offer_id"]] in suppressed:
                assert record[DA["participants"]] == "<5"
                figures = [record[label] for label in OFFER_FIGURES if label != DA["participants"]]
                assert figures == [None] * len(figures)


def table_all(sheet: Worksheet, first_label: str) -> list[dict]:
    """Every table with that first header label on the sheet (the tender basis has one per
    offer type)."""
    records, row = [], 1
    while True:
        starts = [
            r
            for r in range(row, sheet.max_row + 1)
            if sheet.cell(row=r, column=1).value == first_label
        ]
        if not starts:
            return records
        block = table(sheet, first_label, starts[0], key_label=DA["offer_id"])
        records += block
        row = starts[0] + len(block) + 1


def test_tender_basis_ranks_each_type_and_shows_the_last_four_quarters(workbook, demo_reports):
    by_offer = {
        row["offer_id"]: row for row in read_csv(demo_reports["da"], "provider_offer_metrics.csv")
    }
    sheet = workbook["Udbud"]
    records = table_all(sheet, DA["rank_in_type"])
    assert sorted(r[DA["offer_id"]] for r in records) == sorted(by_offer)
    current = DA["trend_rate"].format(quarter="2026Q2")
    assert [label for label in records[0] if label.startswith("Effektrate 20")] == [
        DA["trend_rate"].format(quarter=q) for q in ("2025Q3", "2025Q4", "2026Q1", "2026Q2")
    ]
    for record in records:
        row = by_offer[record[DA["offer_id"]]]
        if row["suppressed"] == "true":
            assert record[current] == "<5"
            continue
        assert_figures(record, row, OFFER_FIGURES)
        assert same_number(record[current], row["effect_rate"])
        assert record[DA["funnel_position"]] in {
            DA[k] for k in ("above_998", "above_95", "within", "below_95", "below_998")
        }
    ranks_per_type: dict[str, list[int]] = {}
    for record in records:
        if record[DA["rank_in_type"]] is not None:
            offer_type = by_offer[record[DA["offer_id"]]]["offer_type"]
            ranks_per_type.setdefault(offer_type, []).append(record[DA["rank_in_type"]])
    assert all(ranks == list(range(1, len(ranks) + 1)) for ranks in ranks_per_type.values())
    assert len(sheet._charts) == len(ranks_per_type) == 5


def test_contracts_sheet_equals_contract_flags_csv(workbook, demo_reports):
    contracts = {
        row["contract_id"]: row for row in read_csv(demo_reports["da"], "contract_flags.csv")
    }
    records = table(workbook["Kontrakter"], DA["contract_id"])
    assert [r[DA["contract_id"]] for r in records] == sorted(contracts)
    words = {
        "met": DA["met"],
        "missed": DA["missed"],
        "inconclusive": DA["inconclusive"],
        "no_target": DA["no_target"],
        "continue": DA["continue"],
        "dialogue": DA["dialogue"],
        "phase_out": DA["phase_out"],
    }
    for record in records:
        row = contracts[record[DA["contract_id"]]]
        assert record[DA["status"]] == words[row["status"]]
        assert record[DA["recommendation"]] == words[row["recommendation"]]
        assert record[DA["clearly_missed"]] == (
            DA["yes"] if row["clearly_missed"] == "true" else DA["no"]
        )
        assert record[DA["consecutive_missed"]] == int(row["consecutive_missed"])
        assert same_number(record[DA["target_effect_rate"]], row["target_effect_rate"])
        assert record[DA["min_participants"]] == int(row["min_participants"])
        if int(row["participants"]) < 5:
            assert record[DA["participants"]] == "<5"
            assert record[DA["effect_rate"]] is None
        else:
            assert_figures(
                record,
                row,
                {
                    DA["participants"]: "participants",
                    DA["effects"]: "effects",
                    DA["effect_rate"]: "effect_rate",
                    DA["effect_price"]: "effect_price",
                },
            )
    assert {r[DA["recommendation"]] for r in records} >= {DA["continue"], DA["phase_out"]}


PILLAR_FIGURES = {
    DA["satisfaction_responses"]: "satisfaction_responses",
    DA["satisfaction_mean"]: "satisfaction_mean",
    DA["satisfied_share"]: "satisfied_share",
    DA["participants"]: "participants",
    DA["job_exits"]: "job_exits",
    DA["education_exits"]: "education_exits",
    DA["effects"]: "effects",
    DA["effect_rate"]: "effect_rate",
    DA["ci_low"]: "effect_rate_ci_low",
    DA["ci_high"]: "effect_rate_ci_high",
    DA["expected_effects"]: "expected_effects",
    DA["oe_ratio"]: "oe_ratio",
    DA["adjusted_effect_rate"]: "adjusted_effect_rate",
    DA["total_cost"]: "total_cost",
    DA["cost_per_participant"]: "cost_per_participant",
    DA["effect_price"]: "effect_price",
    DA["adjusted_effect_price"]: "adjusted_effect_price",
    DA["progression_n"]: "progression_n",
    DA["progression_mean"]: "progression_mean",
}


def pillar_values(sheet: Worksheet) -> dict[str, object]:
    """Label → value of the four pillar blocks (labels in column A, values in column D)."""
    values = {}
    for row in range(6, 40):
        label = sheet.cell(row=row, column=1).value
        if label == DA["offers_block"]:
            break
        values[label] = sheet.cell(row=row, column=4).value
    return values


def test_every_provider_scorecard_shows_its_csv_figures_in_four_pillars(workbook, demo_reports):
    providers = read_csv(demo_reports["da"], "provider_metrics.csv")
    offers = read_csv(demo_reports["da"], "provider_offer_metrics.csv")
    contracts = read_csv(demo_reports["da"], "contract_flags.csv")
    for provider in providers:
        sheet = workbook[
            next(n for n in workbook.sheetnames if n.startswith(provider["provider_id"] + " "))
        ]
        values = pillar_values(sheet)
        for pillar in (
            "pillar_experience",
            "pillar_effect",
            "pillar_economy",
            "pillar_progression",
        ):
            assert DA[pillar] in values
        for label, name in PILLAR_FIGURES.items():
            assert same_number(values[label], provider[name]), (provider["provider_id"], label)
        own_offers = table(sheet, DA["offer_id"])
        expected = sorted(
            o["offer_id"] for o in offers if o["provider_id"] == provider["provider_id"]
        )
        assert [o[DA["offer_id"]] for o in own_offers] == expected
        own_contracts = [
            c["contract_id"] for c in contracts if c["provider_id"] == provider["provider_id"]
        ]
        if own_contracts:
            records = table(sheet, DA["contract_id"])
            assert [r[DA["contract_id"]] for r in records] == own_contracts
        trend = table(sheet, DA["quarter"])
        assert [r[DA["quarter"]] for r in trend][-1] == "2026Q2"
        assert len(trend) == 8
        assert same_number(trend[-1][DA["effect_rate"]], provider["effect_rate"])
        assert len(sheet._charts) == 1


def test_data_quality_sheet_lists_the_findings_of_the_csv(workbook, demo_reports):
    findings = read_csv(demo_reports["da"], "data_quality.csv")
    assert findings, "the demo extract has warnings to show"
    records = table(workbook["Datakvalitet"], DA["severity"])
    assert len(records) == len(findings)
    for record, finding in zip(records, findings, strict=True):
        assert record[DA["severity"]] == DA[finding["severity"]]
        assert (record[DA["table"]], record[DA["row"]], record[DA["column"]]) == (
            finding["table"],
            int(finding["row"]),
            finding["column"],
        )
        assert (record[DA["value"]] or "", record[DA["rule"]], record[DA["message"]]) == (
            finding["value"],
            finding["rule"],
            finding["message"],
        )


def test_method_sheet_names_settings_inputs_hashes_and_version(workbook, demo_reports):
    manifest = json.loads((demo_reports["da"] / "manifest.json").read_text(encoding="utf-8"))
    sheet = workbook["Metode"]
    cells = {
        sheet.cell(row=r, column=c).value for r in range(1, sheet.max_row + 1) for c in range(1, 5)
    }
    for entry in manifest["inputs"]:
        assert entry["sha256"] in cells
        assert entry["rows"] in cells
    assert f"effektpris-evaluator {manifest['version']}" in cells
    assert {DA["definitions"], DA["settings"], DA["inputs"]} <= cells
    assert any(isinstance(c, str) and "91 dage" in c for c in cells)


def test_layout_frozen_panes_filters_print_set_up_and_colours(workbook):
    for name in workbook.sheetnames[:-1]:
        sheet = workbook[name]
        assert sheet.freeze_panes is not None or name == "Metode", name
        assert sheet.page_setup.orientation == "landscape", name
        assert sheet.page_setup.fitToWidth == 1, name
        # A provider scorecard is one page for the meeting; the other sheets grow as needed.
        is_provider_sheet = name.startswith("P") and name[1:3].isdigit()
        assert sheet.page_setup.fitToHeight == (1 if is_provider_sheet else 0), name
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, name
    for name in ("Oversigt", "Kontrakter", "Datakvalitet"):
        assert workbook[name].auto_filter.ref, name
    assert workbook["Oversigt"].print_title_rows == "$13:$13"
    for name in ("Oversigt", "Udbud", "Kontrakter", workbook.sheetnames[3]):
        rules = [rule for cf in workbook[name].conditional_formatting for rule in cf.rules]
        assert rules, name
        assert any(rule.formula == [f'"{DA["missed"]}"'] for rule in rules), name
    udbud_rules = [r for cf in workbook["Udbud"].conditional_formatting for r in cf.rules]
    assert any(rule.type == "colorScale" for rule in udbud_rules)
    for name in ("Oversigt", "Udbud", "Kontrakter"):
        texts = [c.value for row in workbook[name].iter_rows() for c in row]
        assert DA["legend"] in texts, name


def test_number_formats_a_danish_reader_expects(workbook):
    records_sheet = workbook["Oversigt"]
    formats = {records_sheet.cell(row=14, column=c).number_format for c in (7, 10)}
    assert formats == {"0.0%", '#,##0 "kr."'}


def test_english_workbook_changes_words_only(demo_reports):
    danish = load_workbook(demo_reports["da"] / "scorecards.xlsx")
    english = load_workbook(demo_reports["en"] / "scorecards.xlsx")
    assert len(danish.sheetnames) == len(english.sheetnames)
    assert english.sheetnames[:3] == ["Overview", "Tender", "Contracts"]
    changed = 0
    for da_sheet, en_sheet in zip(danish.worksheets, english.worksheets, strict=True):
        assert (da_sheet.max_row, da_sheet.max_column) == (en_sheet.max_row, en_sheet.max_column)
        for da_row, en_row in zip(da_sheet.iter_rows(), en_sheet.iter_rows(), strict=True):
            for da_cell, en_cell in zip(da_row, en_row, strict=True):
                if isinstance(da_cell.value, str) and da_cell.value != en_cell.value:
                    changed += 1
                    continue
                assert da_cell.value == en_cell.value, (da_sheet.title, da_cell.coordinate)
                assert da_cell.number_format == en_cell.number_format
    assert changed > 100


def test_no_citizen_id_and_no_formula_in_the_workbook_parts(demo_reports):
    with zipfile.ZipFile(demo_reports["da"] / "scorecards.xlsx") as archive:
        parts = {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith(".xml")
        }
    ids = set()
    for name in ("participations.csv", "exits.csv"):
        with (DEMO_DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
            ids |= {row["citizen_id"] for row in csv.DictReader(handle)}
    assert len(ids) > 1000
    for name, part in parts.items():
        leaked = set(re.findall(r"[A-Z]\d{6}", part)) & ids
        assert not leaked, (name, sorted(leaked)[:3])
        if name.startswith("xl/worksheets/"):
            assert "<f>" not in part and "<f " not in part, name


@pytest.fixture(scope="module")
def hostile_workbook(tmp_path_factory):
    """Provider and offer names that Excel would take for formulas, and one provider whose only
    offer has 3 participants (suppressed), without a satisfaction or progression table."""
    extract = small_valid_extract()
    extract.offer(
        "X1",
        provider="PX",
        provider_name='=HYPERLINK("http://x.test","klik")',
        offer_name="+45 12 34 56 78",
    )
    extract.offer("X2", provider="PY", provider_name="-x", offer_name="@x")
    for number in range(3):
        extract.participation(f"PX-{number}", citizen=f"CX{number}", offer="X1")
        extract.participation(f"PY-{number}", citizen=f"CY{number}", offer="X2")
    extract.exit("CX0", "2026-05-01", JOB)
    extract.rows.pop("satisfaction", None)
    extract.rows.pop("progression", None)
    folder = tmp_path_factory.mktemp("hostile")
    evaluation = run_extract(extract, folder / "extract")
    write_report(evaluation, folder / "report")
    return folder / "report" / "scorecards.xlsx"


def test_input_text_that_looks_like_a_formula_stays_text(hostile_workbook):
    book = load_workbook(hostile_workbook)
    cells = [
        cell
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value in ('=HYPERLINK("http://x.test","klik")', "+45 12 34 56 78", "-x", "@x")
    ]
    assert {cell.value for cell in cells} == {
        '=HYPERLINK("http://x.test","klik")',
        "+45 12 34 56 78",
        "-x",
        "@x",
    }
    assert all(cell.data_type == "s" for cell in cells)
    with zipfile.ZipFile(hostile_workbook) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if "worksheets/sheet" in n]
    assert not any("<f>" in sheet for sheet in sheets)
    assert any(name.startswith("PX =HYPERLINK(") for name in book.sheetnames)


def test_a_suppressed_provider_scorecard_and_missing_tables_say_no_data(hostile_workbook):
    book = load_workbook(hostile_workbook)
    sheet = book[next(name for name in book.sheetnames if name.startswith("PY "))]
    values = pillar_values(sheet)
    assert values[DA["participants"]] == "<5"
    assert values[DA["effects"]] is None and values[DA["effect_price"]] is None
    column_a = [sheet.cell(row=r, column=1).value for r in range(6, 40)]
    assert column_a.count(DA["no_data"]) == 2
    assert DA["satisfaction_mean"] not in values


def test_preliminary_banner_when_the_window_is_not_complete(tmp_path):
    evaluation = evaluate(DEMO_DATA_DIR, Quarter.parse("2026Q3"), Settings(), data_docs=False)
    assert evaluation.is_preliminary
    write_report(evaluation, tmp_path)
    sheet = load_workbook(tmp_path / "scorecards.xlsx")["Oversigt"]
    assert sheet["A3"].value.startswith("FORELØBIGE TAL: opfølgningsperioden")
    assert "30-12-2026" in sheet["A3"].value


@pytest.mark.parametrize(
    ("wanted", "taken", "expected"),
    [
        ("P1 Jobhuset [Nord]: A/S?", set(), "P1 Jobhuset -Nord-- A-S-"),
        ("P2 " + "x" * 40, set(), "P2 " + "x" * 28),
        ("Oversigt", {"oversigt"}, "Oversigt (2)"),
        ("OVERSIGT", {"oversigt", "oversigt (2)"}, "OVERSIGT (3)"),
        ("P3 " + "y" * 40, {("P3 " + "y" * 28).casefold()}, "P3 " + "y" * 24 + " (2)"),
        ("History", set(), "History (2)"),
        ("'quoted'", set(), "quoted"),
    ],
)
def test_safe_sheet_names(wanted, taken, expected):
    name = safe_sheet_name(wanted, set(taken))
    assert name == expected
    assert len(name) <= 31


def test_added_sheets_keep_their_safe_names_through_a_save(tmp_path):
    """add_sheet skips openpyxl's own renaming: the names Excel reads are safe_sheet_name's, in
    the order added, and a case-blind clash gets its (2), not openpyxl's 1."""
    workbook = Workbook()
    taken = {workbook.active.title.casefold()}
    for wanted in ("P1 Jobhuset", "p1 JOBHUSET", "Sheet", "P2 A/S"):
        add_sheet(workbook, wanted, taken)
    workbook.save(tmp_path / "names.xlsx")
    names = load_workbook(tmp_path / "names.xlsx", read_only=True).sheetnames
    assert names == ["Sheet", "P1 Jobhuset", "p1 JOBHUSET (2)", "Sheet (2)", "P2 A-S"]


@pytest.fixture(scope="module")
def earlier_quarters(tmp_path_factory) -> dict[str, Path]:
    """The demo's reports for the three quarters before 2026Q2, as of the same date, so that the
    trend columns can be checked against the CSVs those quarters give."""
    folders = {}
    for label in ("2025Q3", "2025Q4", "2026Q1"):
        evaluation = evaluate(DEMO_DATA_DIR, Quarter.parse(label), Settings(), data_docs=False)
        folders[label] = tmp_path_factory.mktemp(label)
        write_metric_csvs(evaluation.con, folders[label])
    return folders


def test_trend_columns_equal_the_csvs_of_the_earlier_quarters(workbook, earlier_quarters):
    """Each offer's rate in an earlier quarter is that quarter's provider_offer_metrics.csv
    value; "<5" where that quarter suppressed it, a dash where it had no participants."""
    records = table_all(workbook["Udbud"], DA["rank_in_type"])
    checked = 0
    for label, folder in earlier_quarters.items():
        earlier = {r["offer_id"]: r for r in read_csv(folder, "provider_offer_metrics.csv")}
        column = DA["trend_rate"].format(quarter=label)
        for record in records:
            row = earlier.get(record[DA["offer_id"]])
            if row is None:
                assert record[column] == DA["no_participants"]
            elif row["suppressed"] == "true":
                assert record[column] == "<5"
            else:
                assert same_number(record[column], row["effect_rate"]), (label, row["offer_id"])
                checked += 1
    assert checked > 50


def test_provider_trend_tables_equal_the_csvs_of_the_earlier_quarters(workbook, earlier_quarters):
    for label, folder in earlier_quarters.items():
        for provider in read_csv(folder, "provider_metrics.csv"):
            sheet = workbook[
                next(n for n in workbook.sheetnames if n.startswith(provider["provider_id"] + " "))
            ]
            [quarter] = [r for r in table(sheet, DA["quarter"]) if r[DA["quarter"]] == label]
            if provider["suppressed"] == "true":
                assert quarter[DA["participants"]] == "<5"
                continue
            assert quarter[DA["participants"]] == int(provider["participants"])
            assert same_number(quarter[DA["effect_rate"]], provider["effect_rate"])
            assert same_number(quarter[DA["effect_price"]], provider["effect_price"])


def test_the_cycle_collector_is_paused_while_a_workbook_is_built_and_restored_after(
    demo_evaluation, tmp_path
):
    """write_scorecards pauses the collector and gives it back as it found it: enabled after a
    workbook, after an error inside, and still disabled where the caller had disabled it."""
    seen = []
    with cycle_collection_paused():
        seen.append(gc.isenabled())
    assert seen == [False] and gc.isenabled()
    with pytest.raises(KeyError), cycle_collection_paused():
        raise KeyError("a failed workbook")
    assert gc.isenabled()
    gc.disable()
    try:
        with cycle_collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
    write_scorecards(demo_evaluation, tmp_path / "scorecards.xlsx")
    assert gc.isenabled()
