"""The files the tool ships (evaluator/resources.py): found through the installed packages, and a
missing one is a message that names it and says the installation is incomplete (exit 2), never
DuckDB's catalog error."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

import evaluator.checks
import evaluator.models
from evaluator.cli import app
from evaluator.findings import InternalError
from evaluator.resources import DEMO_DATA_DIR, DEMO_TARGETS, RULES_DIR, SQL_DIR

runner = CliRunner()


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_the_shipped_folders_hold_what_the_tool_reads():
    assert (SQL_DIR / "macros" / "parse.sql").is_file()
    assert (SQL_DIR / "marts" / "provider_offer_metrics.sql").is_file()
    assert (SQL_DIR / "synth" / "participations.sql").is_file()
    assert (RULES_DIR / "reading.toml").is_file()
    assert (DEMO_DATA_DIR / "participations.csv").is_file() and DEMO_TARGETS.is_file()


def copy_without(tmp_path, relative: str):
    """A copy of the SQL folder that lacks one file, as a broken installation would."""
    copy = shutil.copytree(SQL_DIR, tmp_path / "sql")
    (copy / relative).unlink()
    return copy


def test_a_missing_macro_file_is_an_incomplete_installation(tmp_path, monkeypatch):
    sql = copy_without(tmp_path, "macros/parse.sql")
    monkeypatch.setattr(evaluator.models, "SQL_DIR", sql)
    result = runner.invoke(app, ["check", "--data", str(DEMO_DATA_DIR)])
    assert result.exit_code == 2
    assert f"{sql}/macros/parse.sql: missing; the installation of the evaluator is incomplete" in (
        one_line(result.output)
    )


def test_a_missing_model_is_an_incomplete_installation_not_a_catalog_error(tmp_path, monkeypatch):
    """int_offers.sql gone: the first model that reads it names itself and what DuckDB missed."""
    sql = copy_without(tmp_path, "intermediate/int_offers.sql")
    monkeypatch.setattr(evaluator.models, "SQL_DIR", sql)
    out = tmp_path / "report"
    result = runner.invoke(
        app, ["run", "--data", str(DEMO_DATA_DIR), "--quarter", "2026Q2", "--out", str(out)]
    )
    text = one_line(result.output)
    assert result.exit_code == 2
    assert "int_offers does not exist" in text
    assert "the installation of the evaluator is incomplete" in text
    assert "Traceback" not in text and not out.exists()


def test_a_catalog_error_of_our_own_sql_is_an_internal_error_naming_the_model(
    tmp_path, monkeypatch
):
    """Every file is there, but a mart reads a relation no model creates (a bug of ours): an
    internal error that names the model, never "reinstall the package"."""
    sql = shutil.copytree(SQL_DIR, tmp_path / "sql")
    mart = sql / "marts" / "quarter_overview.sql"
    mart.write_text(mart.read_text().replace("from quarter\n", "from quartez\n"))
    monkeypatch.setattr(evaluator.models, "SQL_DIR", sql)
    out = tmp_path / "report"
    result = runner.invoke(
        app, ["run", "--data", str(DEMO_DATA_DIR), "--quarter", "2026Q2", "--out", str(out)]
    )
    text = one_line(result.output)
    assert result.exit_code == 2
    assert (
        "internal error of the evaluator in model quarter_overview (quarter_overview.sql)" in text
    )
    assert "quartez does not exist" in text
    assert "incomplete" not in text and "Traceback" not in text and not out.exists()


def test_a_relation_made_twice_is_an_internal_error_naming_the_model(tmp_path):
    """A model whose relation already exists (a rerun that did not drop it), or that reads a
    model before it is made (its file is there): our fault too."""
    con = duckdb.connect()
    con.execute("create table int_cohort_window as select 1 as x")
    path = tmp_path / "int_cohort_window.sql"
    path.write_text("select 1 as x")
    model = evaluator.models.Model("int_cohort_window", "intermediate", path)
    with pytest.raises(InternalError, match=r"model int_cohort_window .*already exists"):
        evaluator.models.create_model(con, model)
    reader = tmp_path / "int_offers.sql"
    reader.write_text("select * from stg_contracts")
    model = evaluator.models.Model("int_offers", "intermediate", reader)
    with pytest.raises(InternalError, match=r"model int_offers .*stg_contracts does not exist"):
        evaluator.models.create_model(con, model)


def test_a_missing_target_model_is_named(tmp_path, monkeypatch):
    sql = copy_without(tmp_path, "marts/mandagstal.sql")
    monkeypatch.setattr(evaluator.models, "SQL_DIR", sql)
    result = runner.invoke(
        app, ["weekly", "--data", str(DEMO_DATA_DIR), "--out", str(tmp_path / "weekly")]
    )
    assert result.exit_code == 2
    assert f"{sql}/marts/mandagstal.sql: missing; the installation" in one_line(result.output)


def test_a_missing_check_rule_file_is_named(tmp_path, monkeypatch):
    rules = shutil.copytree(RULES_DIR, tmp_path / "rules")
    (rules / "offers.toml").unlink()
    monkeypatch.setattr(evaluator.checks, "RULES_DIR", rules)
    result = runner.invoke(app, ["check", "--data", str(DEMO_DATA_DIR)])
    assert result.exit_code == 2
    assert f"{rules}/offers.toml: missing; the installation" in one_line(result.output)


def test_the_wheel_carries_every_file_the_tool_reads(tmp_path):
    """Built from a copy of the source tree (no stale build/ folder): each SQL file, rule file,
    demo file and the default exit codes is in the wheel, where resources.py looks for it."""
    root = Path(__file__).resolve().parent.parent
    source = shutil.copytree(
        root,
        tmp_path / "source",
        ignore=shutil.ignore_patterns(".git", "build", "*.egg-info", "reports", "__pycache__"),
    )
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--wheel-dir",
            str(tmp_path / "wheel"),
            str(source),
        ],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    (wheel,) = (tmp_path / "wheel").glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        **{f"evaluator/sql/{p.relative_to(root / 'sql')}": p for p in root.glob("sql/*/*.sql")},
        **{f"evaluator/rules/{p.name}": p for p in root.glob("checks/*.toml")},
        **{f"evaluator/demo_extract/{p.name}": p for p in root.glob("fixtures/demo/*.csv")},
        "evaluator/data/exit_codes.csv": root / "evaluator" / "data" / "exit_codes.csv",
        "evaluator/__main__.py": root / "evaluator" / "__main__.py",
    }
    assert len(shipped) > 60
    assert sorted(set(shipped) - names) == []
