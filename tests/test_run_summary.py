"""The terminal's summary after a run reads the marts: the cohort's counts are those of
`quarter_overview` (the workbook's headline), the contracts those of `contract_flags`."""

from evaluator.run_summary import Summary, summarise
from fixtures.builders import EDUCATION, JOB
from tests.conftest import rows, run_extract


def test_the_summary_is_the_overview_mart_and_the_contract_flags(extract, tmp_path):
    """Three participations, one of them ongoing (in no cohort): the cohort has two, one with a
    job exit and one with an education exit."""
    extract.contract("K", offer="O1", target_effect_rate=0.9)
    extract.participation("P1", "C1", "O1", start="2026-04-01", end="2026-05-10")
    extract.participation("P2", "C2", "O1", start="2026-04-01", end="2026-05-20")
    extract.participation("P3", "C3", "O1", start="2026-04-01", end=None)
    extract.exit("C1", "2026-05-12", JOB)
    extract.exit("C2", "2026-05-22", EDUCATION)
    evaluation = run_extract(extract, tmp_path)
    [overview] = rows(evaluation, "quarter_overview")
    flags = rows(evaluation, "contract_flags")
    assert summarise(evaluation) == Summary(
        participants=overview["participants"],
        effects=overview["effects"],
        job_exits=overview["job_exits"],
        education_exits=overview["education_exits"],
        contracts=len(flags),
        contracts_missed=sum(flag["status"] == "missed" for flag in flags),
        contracts_phase_out=sum(flag["recommendation"] == "phase_out" for flag in flags),
    )
    assert (overview["participants"], overview["effects"], overview["job_exits"]) == (2, 2, 1)
    assert len(flags) == 1
