"""The findings of `evaluator check` in the forms a CI system shows: JUnit XML (test reports of
GitLab, GitHub, Azure DevOps, Jenkins), GitHub workflow commands (annotations at the file and
line) and GitLab's Code Quality report (on the merge request).

Each rule of `checks/` is one test case of its table's suite, so a pipeline lists what passed
as well as what failed. No value of a personal column is ever shown (SPEC §6): a finding on
`citizen_id` names its row and rule only, in every format, and the Code Quality fingerprint is
not a hash of it either (a hash of a CPR number is as good as the number).
"""

import hashlib
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from evaluator.checks import load_rules
from evaluator.findings import Finding, sorted_findings
from evaluator.io.schema import TABLES, Table
from evaluator.pipeline import CheckRun
from evaluator.reading_checks import TYPE_RULES, load_reading_rules

FailOn = Literal["blocking", "warning"]
FIRST_ROWS_PER_RULE = 5  # as `evaluator check` prints them on the terminal
MAX_ANNOTATIONS_PER_RULE = 50  # GitHub shows only the first few per step anyway
PERSONAL_COLUMNS = {
    (table.name, column.name) for table in TABLES for column in table.columns if column.personal
}
CODE_QUALITY_SEVERITY = {"blocking": "major", "warning": "minor"}


@dataclass(frozen=True)
class RuleCase:
    """One rule on one table: its findings, or why it did not run (`skipped`)."""

    table: str
    rule: str
    findings: list[Finding]
    skipped: str = ""

    def fails(self, fail_on: FailOn) -> bool:
        return fails(self.findings, fail_on)


def fails(findings: list[Finding], fail_on: FailOn) -> bool:
    """Whether the findings make the check fail: a blocking one, or with `fail_on` warning any."""
    return any(finding.is_blocking or fail_on == "warning" for finding in findings)


def shown_value(finding: Finding) -> str:
    return "" if (finding.table, finding.column) in PERSONAL_COLUMNS else finding.value


def describe(finding: Finding) -> str:
    """A finding on one line: where, what is wrong, and the value unless it is personal."""
    value = shown_value(finding)
    return f"{finding.location()}: {finding.message}" + (f" (value: {value})" if value else "")


def rule_names(table: Table) -> list[str]:
    """The rules of `checks/` that apply to a table: the reading rules for what its columns
    are, then the rules of its own file."""
    kinds = {column.kind for column in table.columns}
    applies = {
        "required_tables": table.required,
        "required_columns": True,
        "required_values": any(not column.nullable for column in table.columns),
        **{applies_to: kind in kinds for kind, applies_to in TYPE_RULES.items()},
    }
    reading = [rule.rule for key, rule in load_reading_rules().items() if applies.get(key)]
    return list(dict.fromkeys(reading + [rule.rule for rule in load_rules(table)]))


def rule_cases(run: CheckRun) -> Iterator[tuple[str, list[RuleCase]]]:
    """Each table with one case per rule; a finding of the reader's own rules (a file that
    cannot be read, two files for one table) adds a case for that rule after the others."""
    by_rule: dict[tuple[str, str], list[Finding]] = {}
    for finding in sorted_findings(run.findings):
        by_rule.setdefault((finding.table, finding.rule), []).append(finding)
    reading = {rule.rule for rule in load_reading_rules().values()}
    for table in TABLES:
        names = rule_names(table)
        names += sorted(rule for name, rule in by_rule if name == table.name and rule not in names)
        cases = [
            rule_case(run, table.name, name, by_rule.get((table.name, name), []), reading)
            for name in names
        ]
        yield table.name, cases


def rule_case(
    run: CheckRun, table: str, rule: str, findings: list[Finding], reading: set[str]
) -> RuleCase:
    """A rule without findings passed, unless it could not run: no file for the table, a file
    stopped by a blocking reading finding, or value rules after a reading rule blocked."""
    if findings:
        return RuleCase(table, rule, findings)
    if table not in run.tables_read:
        reason = (
            "not run: a blocking finding on this table's file stops its other rules"
            if table in run.tables_with_file
            else f"no file for {table} in the extract"
        )
        return RuleCase(table, rule, [], reason)
    if rule not in reading and not run.values_checked:
        return RuleCase(table, rule, [], "not run: the extract failed a blocking reading rule")
    return RuleCase(table, rule, [])


def first_rows(findings: list[Finding]) -> str:
    """The first rows of a rule as `evaluator check` prints them, then a count of the rest."""
    lines = [describe(finding) for finding in findings[:FIRST_ROWS_PER_RULE]]
    if len(findings) > FIRST_ROWS_PER_RULE:
        more = len(findings) - FIRST_ROWS_PER_RULE
        lines.append(f"… and {more} more ({len(findings)} in all); --out lists every one")
    return "\n".join(lines)


def failure_message(findings: list[Finding]) -> str:
    """The count of failing rows (a finding that sums up unlisted rows counts them all), or of
    findings when they are about whole files or columns, and the rule's message."""
    rows = [finding for finding in findings if finding.row or finding.rows > 1]
    message = min(findings, key=lambda finding: finding.row == 0).message
    if rows:
        return f"{sum(finding.rows for finding in rows)} failing row(s): {message}"
    return f"{len(findings)} finding(s): {message}"


def junit_xml(run: CheckRun, fail_on: FailOn = "blocking") -> bytes:
    """One test suite per table, one test case per rule. A warning passes with its findings in
    `system-out`, unless `fail_on` is warning."""
    root = ET.Element("testsuites", name="evaluator check")
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for table, cases in rule_cases(run):
        suite = ET.SubElement(root, "testsuite", name=table)
        counts = {"tests": len(cases), "failures": 0, "skipped": 0}
        for case in cases:
            element = ET.SubElement(suite, "testcase", classname=table, name=case.rule)
            if case.skipped:
                ET.SubElement(element, "skipped", message=case.skipped)
                counts["skipped"] += 1
            elif case.fails(fail_on):
                failure = ET.SubElement(
                    element,
                    "failure",
                    message=failure_message(case.findings),
                    type=case.findings[0].severity,
                )
                failure.text = first_rows(case.findings)
                counts["failures"] += 1
            elif case.findings:
                ET.SubElement(element, "system-out").text = first_rows(case.findings)
        suite.attrib.update({key: str(value) for key, value in counts.items()}, errors="0")
        totals = {key: totals[key] + counts[key] for key in totals}
    root.attrib.update({key: str(value) for key, value in totals.items()}, errors="0")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def repository_path(run: CheckRun, finding: Finding, root: Path) -> str | None:
    """The finding's file as a path inside the repository at `root` (as CI systems want it);
    None for the shipped default exit codes or a table with no file."""
    path = run.data_dir / finding.file
    if not finding.file or not path.is_file():
        return None
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def editor_line(finding: Finding, path: str | None) -> int | None:
    """The line a text editor shows for the finding's row: CSV files have one header line, so
    data row r is line r + 1. A workbook or a Parquet file has no lines; a whole-file finding
    has no row."""
    if path is None or not path.lower().endswith(".csv") or finding.row <= 0:
        return None
    return finding.row + 1


def escape_data(text: str) -> str:
    """GitHub's escaping of a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """GitHub's escaping of a workflow command's property value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(command: str, properties: dict[str, object], message: str) -> str:
    shown = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in properties.items()
        if value is not None
    )
    return f"::{command} {shown}::{escape_data(message)}"


def github_annotations(run: CheckRun, root: Path) -> list[str]:
    """`::error` for a blocking finding, `::warning` for a warning, at most
    MAX_ANNOTATIONS_PER_RULE per rule and then one line with the count of the rest."""
    lines = []
    for _, cases in rule_cases(run):
        for case in cases:
            for finding in case.findings[:MAX_ANNOTATIONS_PER_RULE]:
                path = repository_path(run, finding, root)
                properties = {
                    "file": path,
                    "line": editor_line(finding, path),
                    "title": f"{finding.rule} in {finding.table}",
                }
                lines.append(workflow_command(command_of(finding), properties, describe(finding)))
            if len(case.findings) > MAX_ANNOTATIONS_PER_RULE:
                first = case.findings[0]
                more = len(case.findings) - MAX_ANNOTATIONS_PER_RULE
                lines.append(
                    workflow_command(
                        command_of(first),
                        {"title": f"{first.rule} in {first.table}"},
                        f"… and {more} more findings of this rule ({len(case.findings)} in "
                        "all); the JUnit report and --out list every one",
                    )
                )
    return lines


def command_of(finding: Finding) -> str:
    return "error" if finding.is_blocking else "warning"


def fingerprint(finding: Finding, path: str | None) -> str:
    """Stable across runs: a hash of what the finding is about, never of when it was found."""
    parts = (
        finding.rule,
        finding.table,
        path or finding.file,
        str(finding.row),
        finding.column,
        shown_value(finding),
    )
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def code_quality(run: CheckRun, root: Path) -> list[dict]:
    """GitLab's Code Quality report: one issue per finding. GitLab needs a line for every issue,
    so a finding with no line in a text editor (a workbook, a whole file) points at line 1."""
    issues = []
    for finding in sorted_findings(run.findings):
        path = repository_path(run, finding, root)
        issues.append(
            {
                "type": "issue",
                "check_name": f"{finding.table}.{finding.rule}",
                "description": describe(finding),
                "categories": ["Bug Risk"],
                "severity": CODE_QUALITY_SEVERITY[finding.severity],
                "fingerprint": fingerprint(finding, path),
                "location": {
                    "path": path or finding.file or finding.table,
                    "lines": {"begin": editor_line(finding, path) or 1},
                },
            }
        )
    return issues


def code_quality_json(run: CheckRun, root: Path) -> bytes:
    return json.dumps(code_quality(run, root), ensure_ascii=False, indent=2).encode("utf-8")
