"""The mapping of SPEC §1.3: headers, labels and the place of a header, and every way to get it
wrong. Each extract is the small one of `fixtures.builders`, rewritten by the helpers below into
the shape a case system exports."""

import csv
import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from evaluator.cli import app
from evaluator.findings import UsageError
from evaluator.pipeline import read_extract
from evaluator.settings import Settings, load_settings
from fixtures.builders import small_valid_extract

DANISH_PARTICIPATION_HEADERS = {
    "participation_id": "Forløbsid",
    "citizen_id": "CPR-nr.",
    "benefit_group": "Ydelsesgruppe",
    "match_group": "Visitationskategori",
    "start_date": "Startdato",
}
COLUMNS_SECTION = "[columns.participations]\n" + "".join(
    f'{spec} = "{header}"\n' for spec, header in DANISH_PARTICIPATION_HEADERS.items()
)


def rewrite_csv(path: Path, headers: dict[str, str], values: dict[str, dict[str, str]]) -> None:
    """Rename `headers` (spec column → new header) and recode `values` (column → {old: new})."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    names = rows[0]
    for row in rows[1:]:
        for index, name in enumerate(names):
            row[index] = values.get(name, {}).get(row[index], row[index])
    rows[0] = [headers.get(name, name) for name in names]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


def danish_extract(folder: Path, values: dict[str, dict[str, str]] | None = None) -> Path:
    """The small valid extract with Danish headers in participations and any `values` recoded."""
    extract = small_valid_extract()
    extract.participation("P3", citizen="C3", offer="O1", benefit_group="kontanthjaelp")
    extract.write(folder)
    rewrite_csv(folder / "participations.csv", DANISH_PARTICIPATION_HEADERS, values or {})
    return folder


def settings_file(folder: Path, text: str) -> Settings:
    path = folder / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(path)


def read(folder: Path, settings: Settings):
    return read_extract(folder, engine=settings.engine, mapping=settings.mapping)


def participations(con) -> list[tuple]:
    return con.execute(
        "select participation_id, citizen_id, benefit_group, match_group, start_date "
        "from src_participations order by _row"
    ).fetchall()


def findings(extract) -> list[tuple]:
    return [(f.file, f.row, f.column, f.value, f.rule) for f in extract.findings]


def test_headers_are_found_whatever_their_letter_case(tmp_path):
    folder = danish_extract(tmp_path / "x")
    settings = settings_file(tmp_path, COLUMNS_SECTION.replace("CPR-nr.", "cpr-NR."))
    con, extract = read(folder, settings)
    assert findings(extract) == []
    assert participations(con)[0] == ("P1", "C1", "dagpenge", 1, dt.date(2026, 4, 1))


def test_labels_are_trimmed_and_compared_without_letter_case(tmp_path):
    """Three spellings of one label in the file, one entry in the settings: all three become
    `kontanthjaelp`; an integer column takes a label too (Aktivitetsparat = 2)."""
    labels = {"dagpenge": " a-DAGPENGE ", "kontanthjaelp": "KONTANTHJÆLP"}
    folder = danish_extract(tmp_path / "x", {"benefit_group": labels, "match_group": {"1": "2"}})
    rewrite_csv(
        folder / "participations.csv", {}, {"Visitationskategori": {"2": " aktivitetsparat"}}
    )
    settings = settings_file(
        tmp_path,
        COLUMNS_SECTION
        + '[values.participations.benefit_group]\n"A-dagpenge" = "dagpenge"\n'
        + '"Kontanthjælp" = "kontanthjaelp"\n'
        + '[values.participations.match_group]\n"Aktivitetsparat" = 2\n',
    )
    con, extract = read(folder, settings)
    assert findings(extract) == []
    assert [(row[2], row[3]) for row in participations(con)] == [
        ("dagpenge", 2),
        ("dagpenge", 2),
        ("kontanthjaelp", 2),
    ]


def test_an_unmapped_label_is_a_blocking_finding_with_its_row_and_value(tmp_path):
    """Row 3 (P3) holds `Kontanthjælp`, which the settings do not map: the ordinary finding of a
    value outside the list, with the file's own text. Row 1's mapped label passes."""
    labels = {"dagpenge": "A-dagpenge", "kontanthjaelp": "Kontanthjælp"}
    folder = danish_extract(tmp_path / "x", {"benefit_group": labels})
    settings = settings_file(
        tmp_path,
        COLUMNS_SECTION + '[values.participations.benefit_group]\n"A-dagpenge" = "dagpenge"\n',
    )
    _, extract = read(folder, settings)
    assert findings(extract) == [
        ("participations.csv", 3, "benefit_group", "Kontanthjælp", "allowed_values")
    ]


def test_a_column_under_its_own_name_is_ignored_when_the_settings_map_it_elsewhere(tmp_path):
    folder = danish_extract(tmp_path / "x")
    path = folder / "participations.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + ",start_date"] + [line + ",not a date" for line in lines[1:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    con, extract = read(folder, settings_file(tmp_path, COLUMNS_SECTION))
    assert findings(extract) == []
    assert participations(con)[0][4] == dt.date(2026, 4, 1)


def test_the_shipped_exit_codes_are_read_by_their_own_names_whatever_the_mapping(tmp_path):
    folder = danish_extract(tmp_path / "x")
    settings = settings_file(
        tmp_path, COLUMNS_SECTION + '[columns.exit_codes]\nexit_code = "Afgangskode"\n'
    )
    _, extract = read(folder, settings)
    assert findings(extract) == [("exit_codes", 0, "", "", "settings_without_file")]
    assert "the shipped exit codes are used" in extract.findings[0].message
    assert [file.is_default for file in extract.files if file.table == "exit_codes"] == [True]


def test_a_csv_header_under_title_lines_keeps_data_row_numbers(tmp_path):
    """Two title lines above the header (header_row = 3). Data row 2 (file line 5) holds a bad
    date; data row 3 (line 6) has a field too many: both are named by their data row."""
    folder = danish_extract(tmp_path / "x")
    path = folder / "participations.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("2026-04-01", "1. april")
    path.write_text("Udtræk fra Workbase\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    settings = settings_file(tmp_path, COLUMNS_SECTION + "[files.participations]\nheader_row = 3\n")
    _, extract = read(folder, settings)
    assert findings(extract) == [("participations.csv", 2, "start_date", "1. april", "type_date")]
    path.write_text(path.read_text(encoding="utf-8") + lines[3] + ",extra\n", encoding="utf-8")
    _, extract = read(folder, settings)
    assert [(f.row, f.rule) for f in extract.findings] == [(4, "malformed_row")]


def price_workbook(folder: Path, header_row: int = 3) -> None:
    """offers.csv as offers.xlsx: a first sheet of notes, then `Priser` with a title in row 1 and
    the header in `header_row`; the second price row (sheet row header_row + 2) has a bad price."""
    path = folder / "offers.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    path.unlink()
    workbook = openpyxl.Workbook()
    workbook.active.title = "Vejledning"
    workbook.active["A1"] = "Prislisten står på arket Priser."
    sheet = workbook.create_sheet("Priser")
    sheet["A1"] = "Prisliste 2026"
    for offset, row in enumerate(rows):
        for column, value in enumerate(row, start=1):
            sheet.cell(header_row + offset, column, value or None)
    sheet.cell(header_row + 2, rows[0].index("unit_price") + 1, "otte hundrede")
    workbook.save(folder / "offers.xlsx")


def test_a_price_list_on_a_named_sheet_under_a_title_row(tmp_path):
    """Data row 2 is sheet row 5 when the header is in row 3: the finding says both."""
    folder = danish_extract(tmp_path / "x")
    price_workbook(folder)
    settings = settings_file(
        tmp_path, COLUMNS_SECTION + '[files.offers]\nsheet = "priser"\nheader_row = 3\n'
    )
    _, extract = read(folder, settings)
    assert findings(extract) == [("offers.xlsx", 2, "unit_price", "otte hundrede", "type_decimal")]
    assert extract.findings[0].message.endswith("(sheet 'Priser', row 5)")
    offers = [file for file in extract.files if file.table == "offers"]
    assert [(file.sheet, file.header_row) for file in offers] == [("Priser", 3)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[columns.participations]\nstart_date = "Startdatoen"\n',
            "[columns.participations] start_date = 'Startdatoen': participations.csv has no such "
            "header; its headers are 'forløbsid', 'cpr-nr.', 'jobcenter',",
        ),
        (
            '[columns.participations]\nstart_date = "Dato"\nend_date = "dato"\n',
            "[columns.participations] start_date and end_date both name the header 'dato'; "
            "a header holds one column",
        ),
        (
            '[columns.deltagere]\nstart_date = "Startdato"\n',
            "[columns.deltagere]: no such table; the tables are participations, exits, "
            "exit_codes, offers, contracts, satisfaction, progression",
        ),
        (
            '[columns.participations]\nstartdato = "Startdato"\n',
            "[columns.participations]: participations has no column startdato; its columns are "
            "participation_id, citizen_id, jobcenter,",
        ),
        (
            '[values.participations.ydelse]\n"A-dagpenge" = "dagpenge"\n',
            "[values.participations]: participations has no column ydelse",
        ),
        (
            '[values.participations.benefit_group]\n"A-dagpenge" = "a-kasse"\n',
            "[values.participations.benefit_group] \"A-dagpenge\" = 'a-kasse': not a value of "
            "benefit_group; the values are dagpenge, kontanthjaelp,",
        ),
        (
            '[values.participations.match_group]\n"Jobparat" = "et"\n',
            "[values.participations.match_group] \"Jobparat\" = 'et': match_group holds whole "
            "numbers",
        ),
        (
            '[values.offers.unit_price]\n"Gratis" = "0"\n',
            "[values.offers.unit_price]: unit_price is a decimal column, read by its notation; "
            "[values] recodes codes, whole numbers and texts",
        ),
        (
            '[values.participations.completion]\n" " = "completed"\n',
            "[values.participations.completion]: an empty cell is a missing value and takes no "
            "label",
        ),
        (
            '[files.offers]\nsheet = "Priser"\n',
            "[files.offers] sheet = 'Priser': offers.csv is not a workbook; a sheet applies to "
            ".xlsx only",
        ),
        (
            '[values.participations.citizen_id]\n"130538-0208" = "130538-0208"\n',
            "[values.participations.citizen_id]: citizen_id is personal data and takes no labels",
        ),
        (
            '[values.progression.citizen_id]\n"C1" = "C2"\n',
            "[values.progression.citizen_id]: citizen_id is personal data and takes no labels",
        ),
        (
            "[files.offers]\nheader_row = 0\n",
            "[files.offers] header_row must be a row number ≥ 1, not 0",
        ),
        (
            "[files.offers]\nheader = 3\n",
            "[files.offers]: unknown key(s) header; the keys are sheet, header_row",
        ),
        (
            "[files.offers]\nheader_row = 40\n",
            "[files.offers] header_row = 40: the file has only 3 lines",
        ),
    ],
)
def test_configuration_errors_name_the_table_the_key_and_what_there_is(tmp_path, text, message):
    folder = danish_extract(tmp_path / "x")
    with pytest.raises(UsageError) as raised:
        read(
            folder,
            settings_file(
                tmp_path, COLUMNS_SECTION * ("columns.participations" not in text) + text
            ),
        )
    assert str(raised.value).startswith(f"{tmp_path / 'settings.toml'}: {message}")


@pytest.mark.parametrize(
    ("layout", "message"),
    [
        (
            'sheet = "Prisliste"',
            "[files.offers] sheet = 'Prisliste': offers.xlsx has no such sheet; its sheets are "
            "'Vejledning', 'Priser'",
        ),
        (
            'sheet = "Priser"\nheader_row = 9',
            "[files.offers] header_row = 9: the sheet 'Priser' has only 5 rows",
        ),
    ],
)
def test_workbook_configuration_errors(tmp_path, layout, message):
    folder = danish_extract(tmp_path / "x")
    price_workbook(folder)
    settings = settings_file(tmp_path, COLUMNS_SECTION + f"[files.offers]\n{layout}\n")
    with pytest.raises(UsageError) as raised:
        read(folder, settings)
    assert str(raised.value) == f"{tmp_path / 'settings.toml'}: {message}"


def test_run_check_and_weekly_read_through_the_mapping_and_the_manifest_records_it(tmp_path):
    folder = danish_extract(tmp_path / "x")
    config = tmp_path / "settings.toml"
    config.write_text(COLUMNS_SECTION, encoding="utf-8")
    runner = CliRunner()
    common = ["--data", str(folder), "--config", str(config)]
    out = tmp_path / "report"
    ran = runner.invoke(app, ["run", *common, "--quarter", "2026Q2", "--out", str(out)])
    assert ran.exit_code == 0, ran.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["mapping"] == {"columns": {"participations": DANISH_PARTICIPATION_HEADERS}}
    assert runner.invoke(app, ["check", *common]).exit_code == 0
    weekly = runner.invoke(app, ["weekly", *common, "--out", str(tmp_path / "weekly")])
    assert weekly.exit_code == 0, weekly.output
    assert runner.invoke(app, ["check", "--data", str(folder)]).exit_code == 1


def test_a_data_row_taken_for_the_header_lists_none_of_its_cells(tmp_path):
    """header_row = 2 points at the first data row: its cells are an id, a name, a department;
    the message says the row does not look like a header, and lists none of them."""
    folder = danish_extract(tmp_path / "x")
    rewrite_csv(folder / "participations.csv", {}, {"CPR-nr.": {"C1": "C000001"}})
    settings = settings_file(tmp_path, COLUMNS_SECTION + "[files.participations]\nheader_row = 2\n")
    with pytest.raises(UsageError) as raised:
        read(folder, settings)
    message = str(raised.value)
    assert "line 2, read as the header, does not look like a header row" in message
    assert "is header_row right?" in message
    for cell in ("C000001", "P1", "Jobcenter Test", "Forsikrede ledige", "dagpenge"):
        assert cell not in message


def test_a_header_that_is_not_in_a_real_header_row_lists_the_headers(tmp_path):
    """A real header with one name mistyped in the settings still lists the file's headers."""
    folder = danish_extract(tmp_path / "x")
    settings = settings_file(tmp_path, COLUMNS_SECTION.replace("Startdato", "Startdatoen"))
    with pytest.raises(UsageError) as raised:
        read(folder, settings)
    assert "has no such header; its headers are 'forløbsid', 'cpr-nr.'" in str(raised.value)


def test_a_mapped_header_twice_in_the_file_is_a_duplicate_column(tmp_path):
    """As the spec's own name twice: blocking, not the first of the two read in silence."""
    folder = danish_extract(tmp_path / "x")
    path = folder / "participations.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([*row, row[rows[0].index("Ydelsesgruppe")]] for row in rows)
    _, extract = read(folder, settings_file(tmp_path, COLUMNS_SECTION))
    assert findings(extract) == [("participations.csv", 0, "benefit_group", "", "duplicate_column")]
    assert "(header 'Ydelsesgruppe') appears more than once" in extract.findings[0].message


def test_settings_for_an_optional_table_without_a_file_are_a_warning(tmp_path):
    folder = danish_extract(tmp_path / "x")
    (folder / "contracts.csv").rename(folder / "kontrakter.csv")
    settings = settings_file(
        tmp_path, COLUMNS_SECTION + '[columns.contracts]\ncontract_id = "Nr"\n'
    )
    _, extract = read(folder, settings)
    assert [(f.severity, f.table, f.rule) for f in extract.findings] == [
        ("warning", "contracts", "settings_without_file")
    ]
    assert "no file contracts.csv" in extract.findings[0].message
