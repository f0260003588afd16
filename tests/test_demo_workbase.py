"""fixtures/demo-workbase is the demo extract as a Workbase export (SPEC §1.3): Danish headers and
labels, `;`, Windows-1252, Danish numbers, day-first dates, the price list in a workbook under a
title row. Read through its settings.toml it must give the demo's report, number for number."""

import csv
import filecmp
import re
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from evaluator.cli import app
from fixtures.workbase import build_workbase_extract

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DEMO = FIXTURES / "demo"
WORKBASE = FIXTURES / "demo-workbase"
# The quarter and as-of date that `evaluator demo` evaluates.
QUARTER = ["--quarter", "2026Q2", "--as-of", "2026-10-16"]
METRIC_FILES = (
    "provider_offer_metrics.csv",
    "provider_metrics.csv",
    "contract_flags.csv",
    "provider_breakdown.csv",
    "jobcenter_metrics.csv",
)
SHEET_ROW = re.compile(r" \(sheet 'Priser', row (\d+)\)$")


def run(data: Path, out: Path, *options: str) -> Path:
    result = CliRunner().invoke(
        app, ["run", "--data", str(data), *QUARTER, "--out", str(out), *options]
    )
    assert result.exit_code == 0, result.output
    return out


def findings(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_workbase_export_gives_the_demos_report(tmp_path):
    """Every metric file byte for byte. data_quality.csv row for row, except that a finding in the
    price workbook also names its sheet row: header on row 3, so data row r is sheet row r + 3."""
    demo = run(DEMO, tmp_path / "demo")
    workbase = run(WORKBASE, tmp_path / "workbase", "--config", str(WORKBASE / "settings.toml"))
    for name in METRIC_FILES:
        assert filecmp.cmp(demo / name, workbase / name, shallow=False), name
    expected = findings(demo / "data_quality.csv")
    got = findings(workbase / "data_quality.csv")
    assert len(got) == len(expected) > 0
    for want, row in zip(expected, got, strict=True):
        if row["table"] == "offers":
            match = SHEET_ROW.search(row["message"])
            assert match and int(match.group(1)) == int(row["row"]) + 3, row
            row = row | {"message": SHEET_ROW.sub("", row["message"])}
        assert row == want


def test_the_committed_export_is_what_the_builder_makes(tmp_path):
    build_workbase_extract(DEMO, tmp_path)
    names = sorted(path.name for path in WORKBASE.iterdir())
    assert names == sorted(path.name for path in tmp_path.iterdir())
    for name in names:
        assert filecmp.cmp(WORKBASE / name, tmp_path / name, shallow=False), name


def test_the_export_is_in_the_workbase_dialect():
    participations = (WORKBASE / "participations.csv").read_bytes()
    assert b";" in participations.splitlines()[0]
    assert "Forløbsid".encode("cp1252") in participations
    assert re.search(rb";\d{2}[-.]\d{2}[-.]\d{4};", participations)
    assert re.search(rb";0,\d+;", (WORKBASE / "contracts.csv").read_bytes())
    workbook = openpyxl.load_workbook(WORKBASE / "offers.xlsx")
    assert workbook.sheetnames[1] == "Priser"
    prices = workbook["Priser"]
    assert prices["A1"].value and prices["A2"].value is None
    assert "Tilbudsnavn" in [cell.value for cell in prices[3]]
