"""Write the report folder of SPEC §4 from a finished evaluation, all files or none."""

import shutil
from dataclasses import dataclass
from pathlib import Path

from evaluator.export.atomic import staged_folder
from evaluator.export.csv_files import write_data_quality_csv, write_metric_csvs
from evaluator.export.manifest import write_manifest
from evaluator.export.scorecards import write_scorecards
from evaluator.pipeline import Evaluation

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
