"""`evaluator check` in a CI pipeline: JUnit XML, GitHub annotations, GitLab Code Quality, Data
Docs and --fail-on, on small broken extracts whose findings are known by hand, and the two
pipeline templates of docs/ci run as they stand (but for the install step)."""

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from junitparser import Failure, JUnitXml, Skipped
from typer.testing import CliRunner

from evaluator.ci_reports import describe, escape_property, fingerprint, workflow_command
from evaluator.cli import app
from evaluator.findings import Finding
from evaluator.resources import DEMO_DATA_DIR
from fixtures.builders import small_valid_extract

ROOT = Path(__file__).resolve().parent.parent
CPR = "0101901234"  # the citizen id of the broken rows: it must appear in no output
runner = CliRunner()


def broken_extract(folder: Path) -> Path:
    """The clean extract (offers O1, O2; participations P1, P2) with seven offers, the seventh
    at -5 kr. (offers.csv row 7, line 8: blocking negative_price), P3 aged 90 (participations row
    3: blocking age_range) and P4 from 2023-01-01 to 2026-04-30, 1,215 days > 730 (row 4: the
    warning long_participation); P3 and P4 belong to citizen CPR."""
    extract = small_valid_extract()
    for number in range(3, 7):
        extract.offer(f"O{number}")
    extract.offer("O7", unit_price=-5)
    extract.participation("P3", citizen=CPR, age=90)
    extract.participation("P4", citizen=CPR, start="2023-01-01")
    return extract.write(folder)


def warnings_only_extract(folder: Path) -> Path:
    """The clean extract with P3 of 1,215 days (2023-01-01 to 2026-04-30): one warning."""
    extract = small_valid_extract()
    extract.participation("P3", citizen="C3", start="2023-01-01")
    return extract.write(folder)


def check(workspace: Path, *args: str, github: bool = False):
    """`evaluator check` with the CI's project folder at `workspace` (paths are relative to it)."""
    env = {"GITHUB_ACTIONS": "true" if github else "", "GITHUB_WORKSPACE": str(workspace)}
    env["CI_PROJECT_DIR"] = str(workspace)
    return runner.invoke(app, ["check", *[str(arg) for arg in args]], env=env)


@pytest.fixture(scope="module")
def broken_run(tmp_path_factory):
    """One check of the broken extract with every CI output, as a GitHub job would run it."""
    workspace = tmp_path_factory.mktemp("workspace")
    data = broken_extract(workspace / "extract")
    reports = workspace / "reports"
    result = check(
        workspace,
        "--data", data,
        "--out", reports / "findings.csv",
        "--junit", reports / "junit.xml",
        "--codequality", reports / "codequality.json",
        "--docs", reports / "data_docs",
        github=True,
    )  # fmt: skip
    return workspace, result


def test_junit_has_a_suite_per_table_a_case_per_rule_and_the_failures(broken_run):
    """Cases per suite = the reading rules that apply + the rules of checks/<table>.toml:
    participations 6 + 10 = 16, exits 4 + 3 = 7, exit_codes 3 + 1 = 4, offers 6 + 5 = 11,
    contracts 5 + 8 = 13, satisfaction 4 + 2 = 6, progression 4 + 1 = 5; 62 in all.
    Failures: age_range (participations) and negative_price (offers); the warning
    long_participation passes with its finding in system-out."""
    workspace, result = broken_run
    assert result.exit_code == 1
    report = JUnitXml.fromfile(str(workspace / "reports" / "junit.xml"))
    suites = {suite.name: (suite.tests, suite.failures, suite.skipped) for suite in report}
    assert suites == {
        "participations": (16, 1, 0),
        "exits": (7, 0, 0),
        "exit_codes": (4, 0, 0),
        "offers": (11, 1, 0),
        "contracts": (13, 0, 0),
        "satisfaction": (6, 0, 0),
        "progression": (5, 0, 0),
    }
    assert (report.tests, report.failures, report.skipped) == (62, 2, 0)
    cases = {(case.classname, case.name): case for suite in report for case in suite}
    (price_failure,) = cases[("offers", "negative_price")].result
    assert isinstance(price_failure, Failure)
    assert price_failure.message == "1 failing row(s): unit_price must be 0 or more"
    assert price_failure.type == "blocking"
    assert price_failure.text == (
        "offers.csv, row 7, column unit_price: unit_price must be 0 or more (value: -5)"
    )
    long_case = cases[("participations", "long_participation")]
    assert long_case.is_passed
    assert long_case.system_out == (
        "participations.csv, row 4, column end_date: the participation lasts more than 730 days"
        " (value: 2026-04-30)"
    )


def test_the_github_annotation_of_offers_row_7_names_line_8(broken_run):
    """Data row 7 of offers.csv is line 8 in an editor (the header is line 1)."""
    _, result = broken_run
    assert (
        "::error file=extract/offers.csv,line=8,title=negative_price in offers::"
        "offers.csv, row 7, column unit_price: unit_price must be 0 or more (value: -5)"
    ) in result.stdout.splitlines()
    assert (
        "::warning file=extract/participations.csv,line=5,title=long_participation in "
        "participations::participations.csv, row 4, column end_date: the participation lasts "
        "more than 730 days (value: 2026-04-30)"
    ) in result.stdout.splitlines()


def test_no_annotations_outside_github_actions(tmp_path):
    data = broken_extract(tmp_path / "extract")
    result = check(tmp_path, "--data", data)
    assert result.exit_code == 1
    assert "::error" not in result.output


def test_a_workbook_annotation_has_no_line(tmp_path):
    """offers.xlsx has rows, not lines: the annotation names the file only."""
    import pandas as pd

    data = broken_extract(tmp_path / "extract")
    offers = pd.read_csv(data / "offers.csv", dtype=str, keep_default_na=False)
    offers.to_excel(data / "offers.xlsx", index=False)
    (data / "offers.csv").unlink()
    result = check(tmp_path, "--data", data, github=True)
    (annotation,) = [line for line in result.stdout.splitlines() if "negative_price" in line]
    assert annotation.startswith("::error file=extract/offers.xlsx,title=negative_price in ")


def test_workflow_commands_escape_percent_newlines_colons_and_commas():
    command = workflow_command(
        "error", {"file": "a,b:c.csv", "line": None, "title": "50%"}, "1%\r\nnext: line, end"
    )
    assert command == "::error file=a%2Cb%3Ac.csv,title=50%25::1%25%0D%0Anext: line, end"
    assert escape_property("x\ny") == "x%0Ay"


def test_at_most_50_annotations_per_rule_then_a_summary(tmp_path):
    """52 price rows at -1 kr.: 50 annotations, then one line for the other 2 (52 in all)."""
    extract = small_valid_extract()
    for number in range(3, 55):
        extract.offer(f"O{number}", unit_price=-1)
    data = extract.write(tmp_path / "extract")
    result = check(tmp_path, "--data", data, github=True)
    lines = [line for line in result.stdout.splitlines() if "negative_price" in line]
    assert len(lines) == 51
    assert lines[49].startswith("::error file=extract/offers.csv,line=53,")  # O54 is row 52
    assert lines[50] == (
        "::error title=negative_price in offers::… and 2 more findings of this rule (52 in all);"
        " the JUnit report and --out list every one"
    )


def test_code_quality_report_and_stable_distinct_fingerprints(broken_run, tmp_path):
    """Three findings, blocking first by table (offers row 7, participations row 3), then the
    warning; a second run gives the same fingerprints."""
    workspace, _ = broken_run
    first = json.loads((workspace / "reports" / "codequality.json").read_text("utf-8"))
    second_file = tmp_path / "again.json"
    check(workspace, "--data", workspace / "extract", "--codequality", second_file)
    second = json.loads(second_file.read_text("utf-8"))
    assert [(i["check_name"], i["severity"], i["location"]) for i in first] == [
        ("offers.negative_price", "major", {"path": "extract/offers.csv", "lines": {"begin": 8}}),
        (
            "participations.age_range",
            "major",
            {"path": "extract/participations.csv", "lines": {"begin": 4}},
        ),
        (
            "participations.long_participation",
            "minor",
            {"path": "extract/participations.csv", "lines": {"begin": 5}},
        ),
    ]
    assert first[1]["description"] == (
        "participations.csv, row 3, column age: age must be between 15 and 70 (value: 90)"
    )
    prints = [issue["fingerprint"] for issue in first]
    assert prints == [issue["fingerprint"] for issue in second]
    assert len(set(prints)) == 3


def test_fail_on_warning_exits_1_on_warnings_only(tmp_path):
    """One warning: exit 0 by default, 1 with --fail-on warning, and then its case fails."""
    data = warnings_only_extract(tmp_path / "extract")
    assert check(tmp_path, "--data", data).exit_code == 0
    junit = tmp_path / "junit.xml"
    result = check(tmp_path, "--data", data, "--fail-on", "warning", "--junit", junit)
    assert result.exit_code == 1
    report = JUnitXml.fromfile(str(junit))
    (failure,) = [case for suite in report for case in suite if not case.is_passed]
    assert failure.name == "long_participation"
    assert failure.result[0].message == (
        "1 failing row(s): the participation lasts more than 730 days"
    )
    assert failure.result[0].type == "warning"


def test_an_unknown_fail_on_is_a_usage_error(tmp_path):
    data = warnings_only_extract(tmp_path / "extract")
    assert check(tmp_path, "--data", data, "--fail-on", "sometimes").exit_code == 2


def test_rules_that_cannot_run_are_skipped_and_the_docs_are_still_written(tmp_path):
    """No contracts, satisfaction or progression file: their 13 + 6 + 5 = 24 cases are skipped.
    A start_date that is not a date blocks the value rules: the other tables' own rules
    (participations 10, exits 3, exit_codes 1, offers 5 = 19) are skipped too, and type_date of
    participations fails. 62 cases, 1 failure, 43 skipped."""
    extract = small_valid_extract()
    for table in ("contracts", "satisfaction", "progression"):
        del extract.rows[table]
    extract.participation("P3", citizen="C3", start="soon")
    data = extract.write(tmp_path / "extract")
    junit, docs = tmp_path / "junit.xml", tmp_path / "docs"
    assert check(tmp_path, "--data", data, "--junit", junit, "--docs", docs).exit_code == 1
    report = JUnitXml.fromfile(str(junit))
    assert (report.tests, report.failures, report.skipped) == (62, 1, 43)
    suites = {suite.name: suite for suite in report}
    (contract_case, *_) = suites["contracts"]
    assert contract_case.result[0].message == "no file for contracts in the extract"
    assert isinstance(contract_case.result[0], Skipped)
    reasons = {case.name: case.result for case in suites["participations"]}
    assert reasons["type_date"][0].message == "1 failing row(s): not a date " + (
        "(YYYY-MM-DD, DD-MM-YYYY, DD.MM.YYYY or DD/MM/YYYY)"
    )
    assert reasons["age_range"][0].message == (
        "not run: the extract failed a blocking reading rule"
    )
    assert (docs / "index.html").is_file()


def test_the_data_docs_are_the_site_a_run_writes(broken_run):
    """A GX site with one validation per table that has rules and a file (all seven here)."""
    workspace, _ = broken_run
    docs = workspace / "reports" / "data_docs"
    assert (docs / "index.html").is_file()
    validations = list((docs / "validations").rglob("*.html"))
    assert len(validations) == 7


def test_no_citizen_id_in_any_output_or_on_the_terminal(broken_run):
    """P3 and P4 of citizen CPR have findings; CPR is in no file written, nor in the output."""
    workspace, result = broken_run
    assert CPR not in result.stdout and CPR not in result.stderr
    written = [path for path in (workspace / "reports").rglob("*") if path.is_file()]
    assert len(written) > 4
    for path in written:
        assert CPR.encode() not in path.read_bytes(), path


def test_a_finding_on_a_personal_column_never_shows_its_value():
    """Even if a rule pointed at citizen_id, its value is neither shown nor hashed."""
    personal = Finding(
        "blocking", "exits", 3, "citizen_id", CPR, "some_rule", "is odd", "exits.csv"
    )
    blanked = Finding("blocking", "exits", 3, "citizen_id", "", "some_rule", "is odd", "exits.csv")
    assert describe(personal) == "exits.csv, row 3, column citizen_id: is odd"
    assert fingerprint(personal, "exits.csv") == fingerprint(blanked, "exits.csv")


def test_a_failed_write_leaves_the_earlier_report(tmp_path, monkeypatch):
    """The rename is what fails: the earlier junit.xml stays, no temporary file is left, exit 2."""
    data = warnings_only_extract(tmp_path / "extract")
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "junit.xml").write_text("earlier\n")

    def fail(source, destination):
        raise OSError(28, "No space left on device", str(destination))

    monkeypatch.setattr("evaluator.atomic.os.replace", fail)
    result = check(tmp_path, "--data", data, "--junit", reports / "junit.xml")
    assert result.exit_code == 2
    assert "junit.xml: No space left on device (the disk is full); nothing was written" in (
        " ".join(result.output.split())
    )
    assert [path.name for path in reports.iterdir()] == ["junit.xml"]
    assert (reports / "junit.xml").read_text() == "earlier\n"


# The pipeline templates, run as they stand on a copy of the demo extract.


def shell_steps(name: str) -> tuple[dict[str, str], list[str]]:
    """The literal variables and the shell steps of a template, without its install step."""
    document = yaml.safe_load((ROOT / "docs" / "ci" / name).read_text("utf-8"))
    if name == "github-actions.yml":
        (job,) = document["jobs"].values()
        variables = document.get("env", {}) | job.get("env", {})
        steps = [step["run"] for step in job["steps"] if "run" in step]
    else:
        (job,) = [value for key, value in document.items() if key != "variables"]
        variables = document.get("variables", {}) | job.get("variables", {})
        steps = job.get("before_script", []) + job["script"]
    commands = [step for step in steps if "pip install" not in step]
    assert len(commands) == len(steps) - 1, "the template has one install step"
    return {key: str(value) for key, value in variables.items()}, commands


def installed_evaluator(folder: Path) -> Path:
    """An `evaluator` command for the code under test, as `pip install` would put on PATH."""
    folder.mkdir()
    script = folder / "evaluator"
    script.write_text(
        f'#!/bin/sh\nexec "{sys.executable}" -c "import sys; sys.path.insert(0, \'{ROOT}\'); '
        f'from evaluator.cli import app; sys.argv[0] = \'evaluator\'; app()" "$@"\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return folder


def run_template(name: str, workspace: Path, negative_price: bool = False):
    """The template's shell steps in `workspace`, on a copy of the demo extract; with
    `negative_price`, the first price row of offers.csv costs -1 kr."""
    variables, commands = shell_steps(name)
    data = Path(shutil.copytree(DEMO_DATA_DIR, workspace / variables["EXTRACT_DIR"]))
    if negative_price:
        set_first_price(data / "offers.csv", "-1")
    path = installed_evaluator(workspace.parent / "bin")
    env = os.environ | variables | {"PATH": f"{path}{os.pathsep}{os.environ['PATH']}"}
    env |= {"GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(workspace)}
    env |= {"CI_PROJECT_DIR": str(workspace)}
    return subprocess.run(
        ["bash", "-eo", "pipefail", "-c", "\n".join(commands)],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def set_first_price(offers: Path, price: str) -> None:
    header, first, *rest = offers.read_text("utf-8").splitlines()
    cells = first.split(",")
    cells[header.split(",").index("unit_price")] = price
    offers.write_text("\n".join([header, ",".join(cells), *rest]) + "\n", "utf-8")


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_the_pipeline_template_checks_the_demo_extract(name, tmp_path):
    """The demo extract has warnings only: the job passes and leaves all four reports where the
    artifact step picks them up."""
    workspace = tmp_path / "repository"
    workspace.mkdir()
    result = run_template(name, workspace)
    assert result.returncode == 0, result.stderr
    reports = workspace / "data-quality"
    for report in ("findings.csv", "junit.xml", "codequality.json", "data_docs/index.html"):
        assert (reports / report).is_file(), report
    assert JUnitXml.fromfile(str(reports / "junit.xml")).failures == 0


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_the_pipeline_template_fails_on_a_blocking_finding(name, tmp_path):
    """A negative price in the demo's offers.csv row 1 (line 2) fails the job, with the reports
    written."""
    workspace = tmp_path / "repository"
    workspace.mkdir()
    result = run_template(name, workspace, negative_price=True)
    assert result.returncode == 1
    assert "::error file=extract/offers.csv,line=2,title=negative_price" in result.stdout
    assert JUnitXml.fromfile(str(workspace / "data-quality" / "junit.xml")).failures == 1
