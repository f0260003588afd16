"""Write the report folder of SPEC §4 from a finished evaluation, all files or none (with
`--each-jobcenter`, a folder per jobcenter beside it), and the reports of `evaluator check`."""

import os
import re
import shutil
from pathlib import Path

from evaluator.atomic import copy_folder, staged_file, staged_folder
from evaluator.ci_reports import FailOn, code_quality_json, junit_xml
from evaluator.export.csv_files import write_data_quality_csv, write_metric_csvs
from evaluator.export.manifest import write_manifest
from evaluator.export.scorecards import write_scorecards
from evaluator.pipeline import (
    CheckRun,
    Evaluation,
    Progress,
    evaluate_jobcenter,
    extract_jobcenters,
)


def write_report(evaluation: Evaluation, out_dir: Path, lang: str = "da") -> list[Path]:
    """Write every output of SPEC §4 into `out_dir`, the workbook in language `lang`; returns
    the files written."""
    with staged_folder(out_dir) as staging:
        write_report_files(evaluation, staging, lang)
        names = sorted(path.name for path in staging.iterdir())
    return [out_dir / name for name in names]


def write_jobcenter_reports(
    evaluation: Evaluation, out_dir: Path, lang: str = "da", progress: Progress = lambda _: None
) -> list[Path]:
    """`--each-jobcenter`: the pooled report in `out_dir` and, in `out_dir/<jobcenter>/`, the
    report each jobcenter's `--jobcenter` run writes, from the one read and check of the extract.
    Every folder appears together with the others or, if anything fails, none does. Returns the
    pooled report's files and the jobcenter folders."""
    with staged_folder(out_dir) as staging:
        write_report_files(evaluation, staging, lang)
        taken: set[str] = set()
        for jobcenter in extract_jobcenters(evaluation.con):
            progress(f"Writing the report of {jobcenter}")
            folder = staging / jobcenter_folder_name(jobcenter, taken)
            folder.mkdir()
            write_report_files(evaluate_jobcenter(evaluation, jobcenter), folder, lang)
        evaluate_jobcenter(evaluation, None)
        names = sorted(path.name for path in staging.iterdir())
    return [out_dir / name for name in names]


def write_report_files(evaluation: Evaluation, folder: Path, lang: str) -> None:
    write_metric_csvs(evaluation.con, folder)
    write_scorecards(evaluation, folder / "scorecards.xlsx", lang)
    write_data_quality_csv(evaluation.extract.findings, folder / "data_quality.csv")
    write_manifest(evaluation, folder / "manifest.json")
    if evaluation.data_docs is not None:
        shutil.copytree(evaluation.data_docs.name, folder / "data_docs")


# Characters Windows does not allow in a file name, and the names it keeps for devices.
UNSAFE_CHARACTERS = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
RESERVED_NAMES = {"CON", "PRN", "AUX", "NUL"} | {
    f"{device}{number}" for device in ("COM", "LPT") for number in range(1, 10)
}


def jobcenter_folder_name(jobcenter: str, taken: set[str]) -> str:
    """A folder name for `jobcenter` that is safe on Windows as on Linux: unsafe characters
    become `_`, trailing dots and spaces go, a device name gets a `_`, and a name another
    jobcenter already took (Windows ignores letter case) gets ` (2)`, ` (3)`, …"""
    name = UNSAFE_CHARACTERS.sub("_", jobcenter).rstrip(". ") or "_"
    base, dot, rest = name.partition(".")
    if base.upper() in RESERVED_NAMES:
        name = f"{base}_{dot}{rest}"
    candidate, number = name, 1
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{name} ({number})"
    taken.add(candidate.casefold())
    return candidate


def write_check_reports(
    run: CheckRun,
    out: Path | None,
    junit: Path | None,
    codequality: Path | None,
    docs: Path | None,
    fail_on: FailOn,
) -> None:
    """The files `evaluator check` was asked for, each written whole or not at all, their folders
    made if need be. Paths in the Code Quality report are relative to GitLab's project folder
    (the working folder elsewhere)."""
    if out is not None:
        with staged_file(out) as path:
            write_data_quality_csv(run.findings, path)
    if junit is not None:
        with staged_file(junit) as path:
            path.write_bytes(junit_xml(run, fail_on))
    if codequality is not None:
        root = Path(os.environ.get("CI_PROJECT_DIR") or Path.cwd())
        with staged_file(codequality) as path:
            path.write_bytes(code_quality_json(run, root))
    if docs is not None and run.data_docs is not None:
        copy_folder(Path(run.data_docs.name), docs)
