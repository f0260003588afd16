"""The outputs take the marts' rows in the marts' order (no Python sort): each CSV comes out
sorted by the ids SPEC §4 sorts on, and the workbook's jobcenters by rank, from an extract whose
files list everything in the opposite order, on several threads."""

import csv

from evaluator.export.csv_files import write_metric_csvs
from evaluator.export.scorecard_data import read_scorecard_data
from evaluator.settings import EngineSettings, Settings
from fixtures.builders import JOB, ExtractBuilder
from tests.conftest import run_extract

# The columns each CSV is sorted by (SPEC §4), the text order of its values.
SORTED_BY = {
    "provider_offer_metrics.csv": ("provider_id", "offer_id"),
    "provider_metrics.csv": ("provider_id",),
    "contract_flags.csv": ("contract_id",),
    "jobcenter_metrics.csv": ("jobcenter",),
    "provider_breakdown.csv": ("provider_id", "dimension", "value"),
}


def reversed_extract() -> ExtractBuilder:
    """Providers, offers, contracts and jobcenters written last-first; the jobcenter last by
    name has the most effects, so rank and name order differ."""
    extract = ExtractBuilder()
    for provider in ("PR3", "PR2", "PR1"):
        for offer in ("O3", "O2", "O1"):
            extract.offer(f"{provider}-{offer}", provider=provider)
        extract.contract(f"K-{provider}", provider=provider, target_effect_rate=0.5)
    number = 0
    for jobcenter, effects in (("Jobcenter C", 6), ("Jobcenter B", 3), ("Jobcenter A", 1)):
        for provider in ("PR3", "PR2", "PR1"):
            for offer in ("O3", "O2", "O1"):
                for age, benefit_group in ((55, "kontanthjaelp"), (25, "dagpenge")):
                    number += 1
                    citizen = f"C{number}"
                    extract.participation(
                        f"P{number}",
                        citizen,
                        f"{provider}-{offer}",
                        age=age,
                        benefit_group=benefit_group,
                        jobcenter=jobcenter,
                    )
                    if number % 10 < effects:
                        extract.exit(citizen, "2026-05-05", JOB)
    return extract


def test_the_csvs_and_the_workbook_keep_the_marts_order(tmp_path):
    settings = Settings(engine=EngineSettings(threads=4))
    evaluation = run_extract(reversed_extract(), tmp_path / "extract", settings=settings)
    write_metric_csvs(evaluation.con, tmp_path)
    for name, columns in SORTED_BY.items():
        with (tmp_path / name).open(encoding="utf-8", newline="") as handle:
            keys = [tuple(row[column] for column in columns) for row in csv.DictReader(handle)]
        assert len(keys) > 1, name
        assert keys == sorted(keys), name
    jobcenters = read_scorecard_data(evaluation).jobcenters
    assert [row["jobcenter"] for row in jobcenters] == ["Jobcenter C", "Jobcenter B", "Jobcenter A"]
    assert [row["rank"] for row in jobcenters] == [1, 2, 3]
