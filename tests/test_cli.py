"""The command line (SPEC §3) through typer's CliRunner: exit statuses, messages that name file,
row and column, no traceback, an earlier report left as it was, and every command documented."""

import errno
import os
import re
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from evaluator.cli import app
from evaluator.findings import FileSystemError
from evaluator.resources import DEMO_DATA_DIR
from fixtures.builders import ExtractBuilder

runner = CliRunner()
README = Path(__file__).resolve().parent.parent / "README.md"


def invoke(*args: str):
    return runner.invoke(app, [str(arg) for arg in args])


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def demo_copy(tmp_path) -> Path:
    return Path(shutil.copytree(DEMO_DATA_DIR, tmp_path / "extract"))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_run_writes_every_output_and_a_summary(demo_run):
    """The demo's `evaluator run` (conftest.py: through this CLI, once a session, exit 0)."""
    out, output = demo_run("--quarter", "2026Q2")
    assert sorted(path.name for path in out.iterdir()) == [
        "contract_flags.csv",
        "data_docs",
        "data_quality.csv",
        "jobcenter_metrics.csv",
        "manifest.json",
        "provider_breakdown.csv",
        "provider_metrics.csv",
        "provider_offer_metrics.csv",
        "scorecards.xlsx",
    ]
    assert (out / "data_docs" / "index.html").is_file()
    assert load_workbook(out / "scorecards.xlsx", read_only=True).sheetnames[0] == "Oversigt"
    text = one_line(output)
    assert "Quarter 2026Q2" in text and "participants" in text and str(out) in text


def test_run_defaults_to_reports_slash_quarter(demo_copy, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("run", "--data", demo_copy, "--quarter", "2026Q1")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "reports" / "2026Q1" / "contract_flags.csv").is_file()


def test_demo_evaluates_the_latest_complete_quarter(tmp_path):
    result = invoke("demo", "--out", tmp_path / "demo")
    assert result.exit_code == 0, result.output
    first_row = (tmp_path / "demo" / "provider_metrics.csv").read_text().splitlines()[1]
    assert first_row.startswith("2026Q2,")
    assert load_workbook(tmp_path / "demo" / "scorecards.xlsx", read_only=True).sheetnames[0] == (
        "Oversigt"
    )
    assert (tmp_path / "demo" / "mandagstal_2026-W41.xlsx").is_file()
    weekly = (tmp_path / "demo" / "mandagstal_2026-W41.csv").read_text(encoding="utf-8")
    assert ",green" in weekly and ",red" in weekly


def test_lang_en_writes_an_english_workbook(demo_copy, tmp_path):
    out = tmp_path / "out"
    result = invoke("run", "--data", demo_copy, "--quarter", "2026Q2", "--out", out, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert load_workbook(out / "scorecards.xlsx", read_only=True).sheetnames[:3] == [
        "Overview",
        "Tender",
        "Contracts",
    ]


def test_an_unknown_language_is_a_usage_error(demo_copy, tmp_path):
    result = invoke("run", "--data", demo_copy, "--quarter", "2026Q2", "--lang", "fr")
    assert result.exit_code == 2
    assert "fr" in result.output


def test_an_unparseable_date_exits_1_names_file_row_and_column_and_writes_nothing(
    demo_copy, earlier_report
):
    lines = (demo_copy / "participations.csv").read_text(encoding="utf-8").splitlines()
    fields = lines[3].split(",")
    fields[9] = "31-02-2025"
    lines[3] = ",".join(fields)
    (demo_copy / "participations.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = snapshot(earlier_report)
    result = invoke("run", "--data", demo_copy, "--quarter", "2026Q2", "--out", earlier_report)
    assert result.exit_code == 1
    assert "participations.csv, row 3, column start_date" in one_line(result.output)
    assert "31-02-2025" in result.output
    assert "Traceback" not in result.output
    assert snapshot(earlier_report) == before


def test_a_missing_column_exits_1_and_names_it(demo_copy, earlier_report):
    text = (demo_copy / "offers.csv").read_text(encoding="utf-8")
    (demo_copy / "offers.csv").write_text(text.replace("unit_price", "pris", 1), encoding="utf-8")
    before = snapshot(earlier_report)
    result = invoke("run", "--data", demo_copy, "--quarter", "2026Q2", "--out", earlier_report)
    assert result.exit_code == 1
    assert "offers.csv, column unit_price" in one_line(result.output)
    assert "the column unit_price is missing" in one_line(result.output)
    assert snapshot(earlier_report) == before


def test_a_missing_file_exits_1_and_names_it(demo_copy, earlier_report):
    (demo_copy / "exits.csv").unlink()
    before = snapshot(earlier_report)
    result = invoke("run", "--data", demo_copy, "--quarter", "2026Q2", "--out", earlier_report)
    assert result.exit_code == 1
    assert "no file named exits.csv, .xlsx or .parquet" in one_line(result.output)
    assert snapshot(earlier_report) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--quarter", "2026Q5"], "'2026Q5' is not a quarter"),
        (["--quarter", "2026Q2", "--as-of", "1/10/2026"], "'1/10/2026' is not a date"),
        (["--quarter", "2026Q2", "--config", "missing.toml"], "does not exist"),
    ],
)
def test_usage_errors_exit_2(demo_copy, earlier_report, args, message):
    before = snapshot(earlier_report)
    result = invoke("run", "--data", demo_copy, "--out", earlier_report, *args)
    assert result.exit_code == 2
    assert message in one_line(result.output)
    assert "Traceback" not in result.output
    assert snapshot(earlier_report) == before


@pytest.mark.parametrize(
    "command",
    [
        ["run", "--data", DEMO_DATA_DIR, "--quarter", "2026Q2", "--out"],
        ["check", "--data", DEMO_DATA_DIR, "--out"],
        ["synth", "--participations", "100", "--out"],
    ],
)
def test_an_output_place_that_cannot_be_written_exits_2(tmp_path, command):
    """An output under a plain file (not a folder) is the user's mistake: a message naming the
    place, exit 2, no traceback."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = invoke(*command, blocker / "out")
    assert result.exit_code == 2, result.output
    assert f"{blocker}: File exists (a file stands where a folder is needed)" in one_line(
        result.output
    )
    assert "Traceback" not in result.output
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_a_missing_data_folder_exits_2(tmp_path):
    result = invoke("run", "--data", tmp_path / "nowhere", "--quarter", "2026Q2")
    assert result.exit_code == 2
    assert "no such folder" in result.output


@pytest.mark.parametrize(
    "command", [("run", "--quarter", "2026Q2"), ("check",), ("map",)], ids=lambda c: c[0]
)
def test_data_naming_a_file_says_it_is_a_file(command, tmp_path):
    offers = tmp_path / "offers.csv"
    offers.write_text("offer_id\n", encoding="utf-8")
    result = invoke(command[0], "--data", offers, *command[1:])
    assert result.exit_code == 2
    assert "offers.csv: a file, not a folder; --data must name the folder" in result.output


def test_a_bad_settings_file_exits_2(demo_copy, tmp_path):
    config = tmp_path / "settings.toml"
    config.write_text("[evaluation]\nwindows_days = 30\n")
    result = invoke("run", "--data", demo_copy, "--quarter", "2026Q2", "--config", config)
    assert result.exit_code == 2
    assert "unknown setting(s): windows_days" in result.output


def test_a_bad_business_case_exits_2_naming_the_key(demo_copy, tmp_path):
    config = tmp_path / "settings.toml"
    config.write_text("[business_case]\nrefusion_rates = [0.8, 0.4, 0.3]\n")
    result = invoke("run", "--data", demo_copy, "--quarter", "2026Q2", "--config", config)
    assert result.exit_code == 2
    assert "business_case.refusion_rates must have one rate more" in one_line(result.output)


def test_a_failed_write_leaves_the_earlier_report(demo_copy, earlier_report, monkeypatch):
    import evaluator.report_folder

    def fail(*_):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(evaluator.report_folder, "write_manifest", fail)
    before = snapshot(earlier_report)
    with pytest.raises(
        FileSystemError, match=re.escape("No space left on device (the disk is full)")
    ):
        evaluator.report_folder.write_report(
            evaluator.pipeline.evaluate(demo_copy, None, evaluator.settings.Settings()),
            earlier_report,
        )
    assert snapshot(earlier_report) == before
    assert [p.name for p in earlier_report.parent.iterdir() if p.name.startswith(".")] == []


def commands() -> list[str]:
    return [command.name or command.callback.__name__ for command in app.registered_commands]


@pytest.mark.parametrize("command", commands())
def test_every_command_has_help_with_an_example(command):
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output and f"evaluator {command}" in result.output


@pytest.mark.parametrize("command", commands())
def test_every_command_is_in_the_readme(command):
    assert f"evaluator {command}" in README.read_text(encoding="utf-8")


MARKUP = "[/x]"
LINK = "[link=https://example.invalid]klik[/link]"


def test_input_text_that_looks_like_rich_markup_is_printed_as_it_stands(tmp_path):
    """`[/x]` read as a closing tag stopped check and run with a MarkupError traceback; a
    `[link=…]` became a hyperlink on the terminal."""
    extract = ExtractBuilder().offer("O1", provider_name=LINK)
    extract.participation("P1", offer=MARKUP).exit("C1", "2026-05-01")
    folder = extract.write(tmp_path / "x")
    for command in (["check"], ["run", "--quarter", "2026Q2", "--out", tmp_path / "out"]):
        result = invoke(*command, "--data", folder)
        assert result.exit_code == 1, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert MARKUP in one_line(result.output)


def test_a_weekly_department_that_looks_like_markup_is_printed(tmp_path):
    extract = ExtractBuilder().offer("O1")
    extract.participation("P1", department="[/Unge]", start="2026-09-01", end="2026-09-30")
    extract.exit("C1", "2026-10-07")
    folder = extract.write(tmp_path / "x")
    result = invoke("weekly", "--data", folder, "--week", "2026-W41", "--out", tmp_path / "w")
    assert result.exit_code == 0, result.output
    assert "[/Unge]" in result.output


def test_a_settings_error_keeps_its_table_key_in_brackets(demo_copy, tmp_path):
    settings = tmp_path / "settings.toml"
    settings.write_text(
        '[columns.participations]\ncitizen_id = "pris [kr.]"\nparticipation_id = "Pris [kr.]"\n',
        encoding="utf-8",
    )
    result = invoke("check", "--data", demo_copy, "--config", settings)
    assert result.exit_code == 2
    assert "[columns.participations] citizen_id and participation_id" in one_line(result.output)
    assert "the header 'Pris [kr.]'" in one_line(result.output)
