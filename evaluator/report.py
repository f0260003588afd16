"""Write the report folder of SPEC §4 from a finished evaluation, all files or none, and the
reports of `evaluator check`."""

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from evaluator.ci_reports import FailOn, code_quality_json, junit_xml, write_atomically
from evaluator.export.atomic import copy_folder, staged_folder
from evaluator.export.csv_files import write_data_quality_csv, write_metric_csvs
from evaluator.export.manifest import write_manifest
from evaluator.export.scorecards import write_scorecards
from evaluator.pipeline import CheckRun, Evaluation

SUMMARY_QUERY = """
select
    (select coalesce(sum(participants), 0) from provider_metrics),
    (select coalesce(sum(job_exits), 0) from provider_metrics),
    (select coalesce(sum(education_exits), 0) from provider_metrics),
    (select count(*) from contract_flags),
    (select count(*) from contract_flags where status = 'missed'),
    (select count(*) from contract_flags where recommendation = 'phase_out')
"""


@dataclass(frozen=True)
class Summary:
    """The few figures the terminal shows after a run."""

    participants: int
    job_exits: int
    education_exits: int
    contracts: int
    contracts_missed: int
    contracts_phase_out: int


def summarise(evaluation: Evaluation) -> Summary:
    return Summary(*evaluation.con.execute(SUMMARY_QUERY).fetchall()[0])


def write_report(evaluation: Evaluation, out_dir: Path, lang: str = "da") -> list[Path]:
    """Write every output of SPEC §4 into `out_dir`, the workbook in language `lang`; returns
    the files written."""
    with staged_folder(out_dir) as staging:
        write_metric_csvs(evaluation.con, staging)
        write_scorecards(evaluation, staging / "scorecards.xlsx", lang)
        write_data_quality_csv(evaluation.extract.findings, staging / "data_quality.csv")
        write_manifest(evaluation, staging / "manifest.json")
        if evaluation.data_docs is not None:
            shutil.copytree(evaluation.data_docs.name, staging / "data_docs")
        names = sorted(path.name for path in staging.iterdir())
    return [out_dir / name for name in names]


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
        out.parent.mkdir(parents=True, exist_ok=True)
        write_data_quality_csv(run.findings, out)
    if junit is not None:
        write_atomically(junit, junit_xml(run, fail_on))
    if codequality is not None:
        root = Path(os.environ.get("CI_PROJECT_DIR") or Path.cwd())
        write_atomically(codequality, code_quality_json(run, root))
    if docs is not None and run.data_docs is not None:
        copy_folder(Path(run.data_docs.name), docs)
