"""fixtures/demo-workbase is the demo extract as a Workbase export (SPEC §1.3): Danish headers and
labels, `;`, Windows-1252, Danish numbers, day-first dates, the price list in a workbook under a
title row. Read through its settings.toml it must give the demo's report, number for number."""

import csv
import datetime as dt
import filecmp
import re
import tomllib
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from evaluator.cli import app
from evaluator.io.known_names import KNOWN_LABELS, header_keys, name_key
from fixtures.workbase import (
    DEMO_DIR,
    DEMO_QUARTER_OPTIONS,
    METRIC_FILES,
    WORKBASE_DIR,
    build_workbase_extract,
)

SHEET_ROW = re.compile(r" \(sheet 'Priser', row (\d+)\)$")


def run(data: Path, out: Path, *options: str) -> Path:
    result = CliRunner().invoke(
        app, ["run", "--data", str(data), *DEMO_QUARTER_OPTIONS, "--out", str(out), *options]
    )
    assert result.exit_code == 0, result.output
    return out


def findings(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_workbase_export_gives_the_demos_report(tmp_path, demo_run):
    """Every metric file byte for byte. data_quality.csv row for row, except that a finding in the
    price workbook also names its sheet row: header on row 3, so data row r is sheet row r + 3."""
    demo, _ = demo_run(*DEMO_QUARTER_OPTIONS)
    workbase = run(
        WORKBASE_DIR, tmp_path / "workbase", "--config", str(WORKBASE_DIR / "settings.toml")
    )
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
    build_workbase_extract(DEMO_DIR, tmp_path)
    names = sorted(path.name for path in WORKBASE_DIR.iterdir())
    assert names == sorted(path.name for path in tmp_path.iterdir())
    for name in names:
        assert filecmp.cmp(WORKBASE_DIR / name, tmp_path / name, shallow=False), name


def test_the_export_is_in_the_workbase_dialect():
    participations = (WORKBASE_DIR / "participations.csv").read_bytes()
    header = participations.split(b"\r\n")[0]
    assert header.startswith(b"CPR-nr.;Forl\xf8bsid;")  # `;`, and ø as the one byte of cp1252
    assert b";22-01-2026;02-03-2026;" in participations  # F00001: 2026-01-22 to 2026-03-02
    contracts = (WORKBASE_DIR / "contracts.csv").read_bytes()
    assert b"K103;P07;;01.01.2025;;0,28;45.000;15\r\n" in contracts
    workbook = openpyxl.load_workbook(WORKBASE_DIR / "offers.xlsx")
    assert workbook.sheetnames == ["Vejledning", "Priser"]
    prices = workbook["Priser"]
    assert prices["A1"].value == "Prisliste for tilbud, Jobcenter Fjordby"
    assert all(cell.value is None for cell in prices[2])
    assert [cell.value for cell in prices[3]][:3] == ["Tilbud-ID", "Tilbudsnavn", "Aktiveringstype"]
    first = {prices.cell(3, c).value: prices.cell(4, c).value for c in range(1, 10)}
    assert first["Tilbud-ID"] == "T001" and first["Enhedspris"] == 12000
    assert first["Gyldig fra"] == dt.datetime(2023, 1, 1) and first["Gyldig til"] is None


def test_every_header_and_label_is_one_map_knows_and_not_the_spec_name():
    """So the settings exercise the mapping, and `evaluator map` can propose them."""
    settings = tomllib.loads((WORKBASE_DIR / "settings.toml").read_text(encoding="utf-8"))
    for table, columns in settings["columns"].items():
        for column, header in columns.items():
            assert name_key(header) in header_keys(column) - {name_key(column)}, (table, header)
    for table, columns in settings["values"].items():
        for column, labels in columns.items():
            for label, value in labels.items():
                assert label in KNOWN_LABELS[column][value], (table, column, label)
