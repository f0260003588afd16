"""The few figures the terminal shows after `evaluator run`, read from the marts: the cohort's
counts from `quarter_overview` (the workbook's headline), the contracts from `contract_flags`."""

from dataclasses import dataclass

from evaluator.pipeline import Evaluation

SUMMARY_QUERY = """
select
    overview.participants,
    overview.effects,
    overview.job_exits,
    overview.education_exits,
    (select count(*) from contract_flags),
    (select count(*) from contract_flags where status = 'missed'),
    (select count(*) from contract_flags where recommendation = 'phase_out')
from quarter_overview as overview
"""


@dataclass(frozen=True)
class Summary:
    """The few figures the terminal shows after a run."""

    participants: int
    effects: int
    job_exits: int
    education_exits: int
    contracts: int
    contracts_missed: int
    contracts_phase_out: int


def summarise(evaluation: Evaluation) -> Summary:
    return Summary(*evaluation.con.execute(SUMMARY_QUERY).fetchall()[0])
