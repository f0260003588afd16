"""What the command line shows a person: progress, findings and the end-of-run summary.

Kept apart from the CLI's argument handling so that commands stay a few lines each. Every text
that comes from the input or the file system (a value, a header, a department, a path, an error
message that quotes a settings key such as `[columns.participations]`) is printed as plain text:
through `Text`, or `escape` where it sits in our own markup. Rich would otherwise read `[/x]` in
a provider's name as a closing tag and stop with a traceback, drop `[kr.]` from a header, or
make `[link=…]` a hyperlink.
"""

import os
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from evaluator.ci_reports import github_annotations
from evaluator.findings import Finding, sorted_findings
from evaluator.mapping_proposal import ProposalItem
from evaluator.pipeline import CheckRun, Evaluation, Progress
from evaluator.run_summary import Summary
from evaluator.weekly_pipeline import WeeklyFigures

console = Console(stderr=True, highlight=False, soft_wrap=True)
FIRST_ROWS_PER_RULE = 5
LOG_WIDTH = 200  # a log or a pipe has no width; never fold a file name or a row number there


@contextmanager
def progress_status() -> Iterator[Progress]:
    """A spinner on the terminal whose text follows the pipeline's steps."""
    with console.status("Starting") as status:
        yield lambda message: status.update(escape(message))


def print_findings(findings: list[Finding]) -> None:
    """The first rows of each rule with a count of all, so a long list stays readable (SPEC §3)."""
    by_rule: dict[tuple[str, str, str], list[Finding]] = defaultdict(list)
    for finding in sorted_findings(findings):
        by_rule[(finding.severity, finding.table, finding.rule)].append(finding)
    table = Table(title="Data-quality findings", show_lines=False)
    for heading in ("severity", "file, row, column", "value", "problem"):
        table.add_column(heading, overflow="fold")
    for (severity, _, rule), group in by_rule.items():
        for finding in group[:FIRST_ROWS_PER_RULE]:
            table.add_row(
                severity, Text(finding.location()), Text(finding.value), Text(finding.message)
            )
        if len(group) > FIRST_ROWS_PER_RULE:
            more = len(group) - FIRST_ROWS_PER_RULE
            table.add_row(
                "", "", "", Text(f"… and {more} more ({len(group)} in all) for rule {rule}")
            )
    if not console.is_terminal:
        console.width = LOG_WIDTH
    console.print(table)


def print_summary(evaluation: Evaluation, summary: Summary, files: list[Path]) -> None:
    quarter = evaluation.quarter.label
    status = (
        " [bold yellow](preliminary: follow-up not complete)[/]"
        if evaluation.is_preliminary
        else ""
    )
    console.print(f"[bold]Quarter {quarter}[/], as of {evaluation.as_of.isoformat()}{status}")
    console.print(
        f"  {summary.participants} participants, {summary.effects} with an effect "
        f"({summary.job_exits} job, {summary.education_exits} education)"
    )
    console.print(
        f"  {summary.contracts} contracts: {summary.contracts_missed} missed their target, "
        f"{summary.contracts_phase_out} recommended for phase-out"
    )
    folder = files[0].parent if files else Path(".")
    # --each-jobcenter: a folder per jobcenter, counted rather than named (98 names are a wall).
    jobcenter_reports = [path for path in files if path.is_dir() and path.name != "data_docs"]
    listed = ", ".join(path.name for path in files if path not in jobcenter_reports)
    if jobcenter_reports:
        listed += f"; and {len(jobcenter_reports)} jobcenter reports, each in a folder of its own"
    console.print(f"  Report written to [bold]{escape(str(folder))}[/]: {escape(listed)}")
    docs = escape(str(folder / "data_docs" / "index.html"))
    console.print(f"  Data-quality rules and results: [bold]{docs}[/]")


def print_check_result(findings: list[Finding], out: Path | None) -> None:
    if findings:
        print_findings(findings)
    blocking = sum(finding.is_blocking for finding in findings)
    warnings = len(findings) - blocking
    verdict = "[bold red]fails[/]" if blocking else "[bold green]passes[/]"
    console.print(f"The extract {verdict}: {blocking} blocking finding(s), {warnings} warning(s).")
    if out is not None:
        console.print(f"Every finding is in [bold]{escape(str(out))}[/].")


def print_github_annotations(run: CheckRun) -> None:
    """GitHub's workflow commands go to standard output (the terminal's text goes to standard
    error), with file paths relative to the checked-out repository."""
    root = Path(os.environ.get("GITHUB_WORKSPACE") or Path.cwd())
    for line in github_annotations(run, root):
        print(line)


STATUS_STYLE = {"green": "[bold green]green[/]", "red": "[bold red]red[/]", None: ""}


def print_weekly(figures: WeeklyFigures, files: list[Path]) -> None:
    """The Monday numbers as a table, green and red as in the workbook."""
    table = Table(title=f"Monday numbers, week {figures.week.label}")
    for heading in ("department", "category", "exits in week", "4-week average", "target", ""):
        table.add_column(
            heading, justify="left" if heading in ("department", "category") else "right"
        )
    for _, department, category, exits, average, target, status in figures.rows():
        target_text = "" if target is None else f"{target:.2f}"
        table.add_row(
            Text(department),
            category,
            str(exits),
            f"{average:.2f}",
            target_text,
            STATUS_STYLE[status],
        )
    console.print(table)
    console.print(Text("  Written: " + ", ".join(str(path) for path in files)))


def print_mapping_proposal(items: list[ProposalItem], data: Path, out: Path) -> None:
    """What `evaluator map` matched and did not, and where the proposal is. Headers and labels
    come from the user's files, so they are shown as plain text, never read as rich markup."""
    table = Table(title="Proposed mapping")
    for heading in ("table", "spec column or value", "found in the file as", "status"):
        table.add_column(heading, overflow="fold")
    for item in items:
        status = Text(item.status, style="green" if item.matched else "bold yellow")
        table.add_row(Text(item.table), Text(item.subject), Text(item.found), status)
    if not console.is_terminal:
        console.width = LOG_WIDTH
    console.print(table)
    console.print(
        f"Proposed settings written to [bold]{escape(str(out))}[/]. Check each line, then run "
        f"evaluator check --data {escape(str(data))} --config {escape(str(out))}"
    )
