"""The Monday numbers of SPEC §2.4 worked by hand, and the files of `evaluator weekly`.

Week 2026-W02 runs Monday 5 to Sunday 11 January 2026 (1 January 2026 is a Thursday, so
2026-W01 starts Monday 29 December 2025). Its four weeks, w−3 … w, start Monday 15 December
2025 (2025-W51): the average crosses the year boundary."""

import datetime as dt
import re

import duckdb
import openpyxl
import pytest
from typer.testing import CliRunner

from evaluator.cli import app
from evaluator.findings import UsageError
from evaluator.settings import EngineSettings, Settings
from evaluator.week import Week, latest_complete_week
from evaluator.weekly_pipeline import evaluate_week
from fixtures.builders import EDUCATION, JOB, OTHER, ExtractBuilder


def year_boundary_extract() -> ExtractBuilder:
    """C1 took part from 1 June 2025 (Unge) and from 20 December 2025 (Voksne); C2 never took
    part; C3's only participation starts after C3's exit."""
    extract = ExtractBuilder().offer("O1")
    extract.participation(
        "A", citizen="C1", start="2025-06-01", end="2025-07-01", department="Unge"
    )
    extract.participation(
        "B", citizen="C1", start="2025-12-20", end="2026-01-02", department="Voksne"
    )
    extract.participation(
        "C", citizen="C3", start="2026-02-01", end=None, completion=None, department="Unge"
    )
    extract.exit("C1", "2025-12-14", JOB)  # Sunday of 2025-W50: before the four weeks
    extract.exit("C1", "2025-12-16", JOB)  # 2025-W51, Unge (B had not started)
    extract.exit("C1", "2025-12-20", EDUCATION)  # B's start date: Voksne
    extract.exit("C1", "2026-01-06", JOB)  # in the week, Voksne
    extract.exit("C1", "2026-01-06", OTHER)  # neither job nor education
    extract.exit("C2", "2026-01-07", JOB).exit("C2", "2026-01-07", JOB)  # duplicate: once
    extract.exit("C3", "2026-01-08", JOB)  # C3's participation starts later: unknown
    extract.exit("C1", "2026-01-12", JOB)  # Monday of 2026-W03: after the week
    return extract


def figures(extract, tmp_path, week="2026-W02", targets: str | None = None) -> dict[tuple, tuple]:
    folder = extract.write(tmp_path / "extract")
    path = None
    if targets is not None:
        path = tmp_path / "targets.csv"
        path.write_text(targets, encoding="utf-8")
    result = evaluate_week(folder, Week.parse(week), path)
    rows = result.con.table("mandagstal").fetchall()
    return {(row[1], row[2]): row[3:] for row in rows}


def test_the_four_weeks_across_a_year_boundary_by_department(tmp_path):
    """Unge: 1 job exit in the four weeks (16 Dec), none in the week: 0, 0.25.
    Voksne: job 6 Jan (in the week): 1, 0.25; education 20 Dec: 0, 0.25.
    unknown: C2 on 7 Jan (counted once) and C3 on 8 Jan: 2, 0.5.
    total: job 16 Dec, 6, 7, 8 Jan: 3 in the week, 4 / 4 = 1.0; education 0, 0.25."""
    rows = figures(year_boundary_extract(), tmp_path)
    counts = {key: (exits, average) for key, (exits, average, _, _) in rows.items()}
    assert counts == {
        ("Unge", "job"): (0, 0.25),
        ("Unge", "education"): (0, 0.0),
        ("Voksne", "job"): (1, 0.25),
        ("Voksne", "education"): (0, 0.25),
        ("unknown", "job"): (2, 0.5),
        ("unknown", "education"): (0, 0.0),
        ("total", "job"): (3, 1.0),
        ("total", "education"): (0, 0.25),
    }


def test_status_against_targets(tmp_path):
    targets = "department,category,weekly_target\nVoksne,job,0.25\nUnge,job,0.5\ntotal,job,1\n"
    rows = figures(year_boundary_extract(), tmp_path, targets=targets)
    assert rows[("Voksne", "job")][2:] == (0.25, "green")  # at the target is green
    assert rows[("Unge", "job")][2:] == (0.5, "red")
    assert rows[("total", "job")][2:] == (1.0, "green")
    assert rows[("Voksne", "education")][2:] == (None, None)  # no target, no status


def test_a_week_with_no_exits_lists_every_department_with_zeros(tmp_path):
    rows = figures(year_boundary_extract(), tmp_path, week="2026-W10")
    assert set(rows) == {(d, c) for d in ("Unge", "Voksne", "total") for c in ("job", "education")}
    assert all(values[:2] == (0, 0.0) for values in rows.values())


@pytest.mark.parametrize(
    ("text", "start"),
    [("2026-W01", "2025-12-29"), ("2026-W53", "2026-12-28"), ("2020-W53", "2020-12-28")],
)
def test_iso_weeks(text, start):
    assert Week.parse(text).start_date == dt.date.fromisoformat(start)


@pytest.mark.parametrize("text", ["2025-W53", "2026-W00", "2026-W54", "2026W41", "41"])
def test_weeks_that_do_not_exist_are_usage_errors(text):
    with pytest.raises(UsageError):
        Week.parse(text)


@pytest.mark.parametrize(
    ("as_of", "week"),
    [("2026-10-16", "2026-W41"), ("2026-10-12", "2026-W41"), ("2026-10-11", "2026-W40")],
)
def test_latest_complete_week(as_of, week):
    assert latest_complete_week(dt.date.fromisoformat(as_of)).label == week


def test_weekly_command_writes_csv_and_workbook(tmp_path):
    extract = year_boundary_extract()
    extract.participation("D", citizen="C4", department='=HYPERLINK("http://x")')
    folder = extract.write(tmp_path / "extract")
    targets = tmp_path / "targets.csv"
    targets.write_text("department;category;weekly_target\ntotal;job;0,5\n", encoding="utf-8")
    out = tmp_path / "weekly"
    result = CliRunner().invoke(
        app,
        [
            "weekly",
            "--data",
            str(folder),
            "--week",
            "2026-W02",
            "--targets",
            str(targets),
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    lines = (out / "mandagstal_2026-W02.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "week,department,category,exits_week,avg_4w,weekly_target,status"
    assert lines[-2] == "2026-W02,total,job,3,1.0,0.5,green"
    assert lines[-1] == "2026-W02,total,education,0,0.25,,"
    sheet = openpyxl.load_workbook(out / "mandagstal_2026-W02.xlsx").active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert '=HYPERLINK("http://x")' in values
    formula_cells = [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert formula_cells == []
    assert "Grøn" in values and "I alt" in values
    assert len(sheet._charts) == 1


def test_a_bad_targets_file_is_a_usage_error_naming_row_and_column(tmp_path):
    folder = year_boundary_extract().write(tmp_path / "extract")
    targets = tmp_path / "targets.csv"
    targets.write_text("department,category,weekly_target\nUnge,job,mange\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["weekly", "--data", str(folder), "--targets", str(targets)])
    assert result.exit_code == 2
    assert "targets.csv, row 1, column weekly_target" in re.sub(r"\s+", " ", result.output)


def test_a_weekly_run_reads_with_the_engine_settings_and_lists_total_last(tmp_path):
    """`--config`'s [duckdb] settings reach the weekly run's DuckDB as they reach a quarterly
    run's, and the rows come in the mart's order: departments by name, `total` last, job before
    education."""
    folder = year_boundary_extract().write(tmp_path / "extract")
    engine = EngineSettings(memory_limit="1GB", threads=2)
    result = evaluate_week(folder, Week.parse("2026-W02"), settings=Settings(engine=engine))
    setting = "select current_setting('threads'), current_setting('memory_limit')"
    expected = duckdb.connect(config={"memory_limit": "1GB", "threads": 2}).sql(setting)
    assert result.con.sql(setting).fetchall() == expected.fetchall()
    assert result.con.sql(setting).fetchall() != duckdb.connect().sql(setting).fetchall()
    departments = [(row[1], row[2]) for row in result.rows()]
    assert departments == [
        (department, category)
        for department in ("Unge", "Voksne", "unknown", "total")
        for category in ("job", "education")
    ]
