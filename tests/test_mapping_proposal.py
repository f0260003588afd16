"""`evaluator map` (SPEC §1.3): the header found under title rows and on a later sheet, headers
matched by their own or a known Danish name, labels matched to spec values, what is not matched
written as commented lines with the candidates, and never a value of an id or free-text column."""

import csv
import filecmp
import tomllib
from pathlib import Path

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from evaluator.cli import app
from evaluator.io.schema import OFFERS, PARTICIPATIONS
from evaluator.mapping_proposal import (
    column_entries,
    match_columns,
    propose_settings,
    toml_string,
)
from evaluator.settings import load_settings
from fixtures.builders import small_valid_extract
from fixtures.workbase import DEMO_QUARTER_OPTIONS, METRIC_FILES, WORKBASE_DIR

# Headers and labels a case system might write, all of them known (SPEC §1.3).
DANISH_HEADERS = {
    "participation_id": "Forløbsid",
    "citizen_id": "CPR-nr.",
    "jobcenter": "Kommune",
    "benefit_group": "Ydelsesgruppe",
    "match_group": "Visitationskategori",
    "start_date": "Startdato",
    "end_date": "Slutdato",
    "completion": "Årsag til ophør",
}
DANISH_LABELS = {
    "benefit_group": {"dagpenge": "A-dagpenge", "kontanthjaelp": "Kontanthjælp mv."},
    "match_group": {"1": "Jobparat", "2": "Aktivitetsparat"},
    "completion": {"completed": "Gennemført", "dropped_out": "Afbrudt"},
}
CPR = "0101709999"
NAME = "Zyxwvut Qqqqsen"


def invoke(*args: object):
    return CliRunner().invoke(app, [str(arg) for arg in args])


def map_extract(data: Path, out: Path) -> str:
    result = invoke("map", "--data", data, "--out", out)
    assert result.exit_code == 0, result.output
    return result.output


def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write_rows(path: Path, rows: list[list[object]], encoding: str = "utf-8") -> None:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)


def danish_extract(folder: Path) -> Path:
    """The small valid extract, its participations with Danish headers and labels (`;`, 1252)."""
    extract = small_valid_extract()
    extract.participation("P3", citizen="C3", benefit_group="kontanthjaelp", match_group=2)
    extract.participation("P4", citizen="C4", completion="dropped_out")
    extract.write(folder)
    header, *rows = read_rows(folder / "participations.csv")
    recoded = [
        [
            DANISH_LABELS.get(name, {}).get(value, value)
            for name, value in zip(header, row, strict=True)
        ]
        for row in rows
    ]
    danish_header = [DANISH_HEADERS.get(name, name) for name in header]
    write_rows(folder / "participations.csv", [danish_header, *recoded], encoding="cp1252")
    return folder


def participations_file(folder: Path, rows: list[list[object]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    write_rows(folder / "participations.csv", rows)
    return folder


def proposal_of(folder: Path) -> tuple[str, dict]:
    text = propose_settings(folder, folder / "settings.toml").text
    return text, tomllib.loads(text)


def test_the_workbase_proposal_gives_the_demos_report(tmp_path, demo_run):
    """The main acceptance: the proposal finds the price list under its title on sheet Priser,
    and evaluates the Workbase export to the demo's numbers, byte for byte."""
    settings = tmp_path / "proposed.toml"
    map_extract(WORKBASE_DIR, settings)
    document = tomllib.loads(settings.read_text(encoding="utf-8"))
    assert document["files"] == {"offers": {"sheet": "Priser", "header_row": 3}}
    demo, _ = demo_run(*DEMO_QUARTER_OPTIONS)
    workbase = tmp_path / "workbase"
    options = (*DEMO_QUARTER_OPTIONS, "--out", workbase, "--config", settings)
    result = invoke("run", "--data", WORKBASE_DIR, *options)
    assert result.exit_code == 0, result.output
    for name in METRIC_FILES:
        assert filecmp.cmp(demo / name, workbase / name, shallow=False), name


def test_an_export_of_known_names_and_labels_runs_unchanged(tmp_path):
    """The proposal for Danish headers and labels, used as it is, gives the numbers of the same
    extract in the spec's own names."""
    english = small_valid_extract()
    english.participation("P3", citizen="C3", benefit_group="kontanthjaelp", match_group=2)
    english.participation("P4", citizen="C4", completion="dropped_out")
    english.write(tmp_path / "english")
    danish = danish_extract(tmp_path / "danish")
    settings = tmp_path / "proposed.toml"
    map_extract(danish, settings)
    text = settings.read_text(encoding="utf-8")
    assert "not found" not in text and "not a known label" not in text
    runs = (("english", []), ("danish", ["--config", settings]))
    for name, options in runs:
        data, out = tmp_path / name, tmp_path / f"{name}-report"
        result = invoke("run", "--data", data, "--quarter", "2026Q2", "--out", out, *options)
        assert result.exit_code == 0, result.output
    for name in METRIC_FILES:
        english_file, danish_file = (tmp_path / f"{n}-report" / name for n, _ in runs)
        assert filecmp.cmp(english_file, danish_file, shallow=False), name


def test_headers_match_with_danish_letters_letter_case_and_separators():
    cells = ("Tilbud-ID", "LEVERANDOERNAVN", "leverandør id", "Gyldig_fra", "Pris model", "Note")
    assert match_columns(OFFERS, cells) == {
        "offer_id": "Tilbud-ID",
        "provider_id": "leverandør id",
        "provider_name": "LEVERANDOERNAVN",
        "price_model": "Pris model",
        "valid_from": "Gyldig_fra",
    }
    assert match_columns(OFFERS, ("Leverandør navn",)) == {"provider_name": "Leverandør navn"}
    assert match_columns(PARTICIPATIONS, ("CPR-nr.", "cpr")) == {"citizen_id": "CPR-nr."}


def test_a_header_by_its_own_name_needs_no_entry_and_two_columns_never_share_one():
    matched = match_columns(PARTICIPATIONS, ("Startdato", "START_DATE", "Slutdato"))
    assert matched == {"start_date": "START_DATE", "end_date": "Slutdato"}
    assert column_entries(matched) == {"end_date": "Slutdato"}
    both = match_columns(PARTICIPATIONS, ("Forløbsid",))
    assert both == {"participation_id": "Forløbsid"}


def test_a_title_row_above_the_header_of_a_csv_file(tmp_path):
    folder = participations_file(
        tmp_path / "x",
        [["Udtræk fra Workbase, 4. kvartal"], [], ["CPR-nr.", "Startdato"], [CPR, "01-10-2025"]],
    )
    _, document = proposal_of(folder)
    assert document["files"] == {"participations": {"header_row": 3}}
    assert document["columns"]["participations"] == {
        "citizen_id": "CPR-nr.",
        "start_date": "Startdato",
    }


def test_a_title_row_in_a_workbook_and_a_header_on_its_second_sheet(tmp_path):
    folder = tmp_path / "x"
    folder.mkdir()
    workbook = openpyxl.Workbook()
    guide = workbook.active
    guide.title = "Vejledning"
    guide.append(["Prisliste: én række pr. pris"])
    prices = workbook.create_sheet("Priser")
    prices.append(["Prisliste for tilbud"])
    prices.append(["Tilbudsnummer", "Tilbudsnavn", "Prismodel", "Enhedspris"])
    prices.append(["T1", "Kursus", "Pr. uge", 100])
    workbook.save(folder / "offers.xlsx")
    text, document = proposal_of(folder)
    assert document["files"] == {"offers": {"sheet": "Priser", "header_row": 2}}
    assert document["values"]["offers"]["price_model"] == {"Pr. uge": "per_week"}
    assert '# provider_id = ""   # not found; headers not matched: none' in text


def test_unmatched_headers_and_labels_are_commented_lines_with_the_candidates(tmp_path):
    folder = participations_file(
        tmp_path / "x",
        [
            ["CPR-nr.", "Ydelsesgruppe", "Sagsbehandler", "Startdato"],
            [CPR, "Flexjob", "X", "01-10-2025"],
            ["C2", " a-DAGPENGE ", "Y", "01-10-2025"],
            ["C3", "A-dagpenge", "Y", "01-10-2025"],
        ],
    )
    text, document = proposal_of(folder)
    assert '# offer_id = ""   # not found; headers not matched: "Sagsbehandler"' in text
    assert (
        '# "Flexjob" = ""   # not a known label; the values are dagpenge, kontanthjaelp, '
        "uddannelseshjaelp, sygedagpenge" in text
    )
    # One entry per label compared trimmed and in any letter case, in its most frequent spelling.
    assert document["values"]["participations"]["benefit_group"] == {"A-dagpenge": "dagpenge"}


def test_a_value_valid_as_it_stands_needs_no_entry(tmp_path):
    rows = [
        ["Ydelsesgruppe", "Matchgruppe"],
        [" Dagpenge ", "1"],
        ["kontanthjaelp", "Jobparat"],
        ["A-dagpenge", "3"],
    ]
    _, document = proposal_of(participations_file(tmp_path / "x", rows))
    assert document["values"] == {
        "participations": {
            "benefit_group": {"A-dagpenge": "dagpenge"},
            "match_group": {"Jobparat": "1"},
        }
    }
    folder = participations_file(tmp_path / "y", [["benefit_group"], ["dagpenge"]])
    text, document = proposal_of(folder)
    assert "values" not in document and "benefit_group =" not in text


def test_a_parquet_code_column_of_integers_is_read_as_its_text(tmp_path):
    """Parquet keeps its integer columns typed (`readers.NATIVE_PARQUET_TYPES`); the labels of a
    code column held as integers are still compared as text: 1 and 3 are match groups already,
    7 is not."""
    folder = tmp_path / "x"
    folder.mkdir()
    matchgruppe = pa.array([1, 3, 3, 7], pa.int64())
    pq.write_table(pa.table({"Matchgruppe": matchgruppe}), folder / "participations.parquet")
    text, document = proposal_of(folder)
    assert document["columns"]["participations"] == {"match_group": "Matchgruppe"}
    assert document["values"] == {"participations": {"match_group": {}}}
    assert '# "7" = ""   # not a known label; the values are 1, 2, 3' in text
    assert '"1" =' not in text and '"3" =' not in text


def test_no_id_and_no_free_text_appears_in_what_map_writes_or_prints(tmp_path):
    folder = participations_file(
        tmp_path / "x",
        [
            ["Titel"],
            ["CPR-nr.", "Navn", "Ydelsesgruppe", "Afdeling", "Bemærkning", "Felt", "Startdato"],
            [CPR, NAME, "Flexjob", "Unge", f"ringet til {NAME}", CPR, "01-10-2025"],
        ],
    )
    out = tmp_path / "proposal.toml"
    printed = map_extract(folder, out)
    written = out.read_text(encoding="utf-8")
    for secret in (CPR, "Zyxwvut", "Qqqqsen", "ringet til", "Unge"):
        assert secret not in printed and secret not in written
    assert "Flexjob" in printed and "Flexjob" in written


def test_a_column_with_too_many_values_is_told_and_none_is_shown(tmp_path):
    rows = [["Ydelsesgruppe"], *([f"Z{n:04d}"] for n in range(60))]
    folder = participations_file(tmp_path / "x", rows)
    out = tmp_path / "proposal.toml"
    printed = map_extract(folder, out)
    written = out.read_text(encoding="utf-8")
    assert "more than 50 distinct values" in written and "Z0001" not in written + printed


def test_without_a_row_of_known_names_no_cell_of_the_first_row_is_listed(tmp_path):
    """A file without a header: its first row is a data row, whose cells are ids and names."""
    rows = [["F00001", NAME, "Jobcenter Fjordby", "Kontanthjælp"], ["F00002", NAME, "J", "K"]]
    folder = participations_file(tmp_path / "x", rows)
    out = tmp_path / "proposal.toml"
    printed = map_extract(folder, out)
    written = out.read_text(encoding="utf-8")
    assert "no header row found in the first 30 rows" in printed
    assert '# citizen_id = ""   # not found; no header row found in the first 30 rows' in written
    for cell in ("F00001", "Zyxwvut", "Fjordby", "Kontanthjælp"):
        assert cell not in printed and cell not in written


def test_a_code_column_of_free_text_shows_only_short_labels(tmp_path):
    """A completion column that holds what a caseworker typed: a value with digits or longer
    than a label is counted, not shown."""
    rows = [
        ["Forløbsid", "Årsag til ophør"],
        ["F1", "Gennemført"],
        ["F2", f"Borger {NAME} ({CPR[:6]}-{CPR[6:]}) flyttet"],
        ["F3", "Afbrudt pga. sygdom, se journalnotat fra sagsbehandleren"],
        ["F4", "Flyttet"],
    ]
    out = tmp_path / "proposal.toml"
    printed = map_extract(participations_file(tmp_path / "x", rows), out)
    written = out.read_text(encoding="utf-8")
    for secret in (CPR[:6], "Zyxwvut", "journalnotat"):
        assert secret not in printed and secret not in written
    assert '# "Flyttet" = ""   # not a known label' in written
    assert "# 2 value(s) not shown" in written and "2 value(s) not shown" in printed


def test_the_proposal_loads_as_settings(tmp_path):
    out = tmp_path / "proposal.toml"
    map_extract(danish_extract(tmp_path / "x"), out)
    mapping = load_settings(out).mapping.for_table("participations")
    assert mapping.columns["citizen_id"] == "CPR-nr."
    assert mapping.values["match_group"] == {"jobparat": 1, "aktivitetsparat": 2}


def test_an_existing_file_is_kept_without_force(tmp_path):
    folder = danish_extract(tmp_path / "x")
    out = tmp_path / "settings.toml"
    out.write_text("# the analyst's own\n", encoding="utf-8")
    result = invoke("map", "--data", folder, "--out", out)
    assert result.exit_code == 2 and "--force" in result.output
    assert out.read_text(encoding="utf-8") == "# the analyst's own\n"
    assert invoke("map", "--data", folder, "--out", out, "--force").exit_code == 0
    assert "[columns.participations]" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("folder", ["missing", "empty"])
def test_a_folder_that_is_missing_or_holds_no_table_exits_2(tmp_path, folder):
    (tmp_path / "empty").mkdir()
    result = invoke("map", "--data", tmp_path / folder, "--out", tmp_path / "p.toml")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert not (tmp_path / "p.toml").exists()


@pytest.mark.parametrize("text", ['say "hi"', "back\\slash", "two\nlines", "del\x7f", "Æblø"])
def test_toml_strings_are_quoted(text):
    assert tomllib.loads(f"key = {toml_string(text)}")["key"] == text
