"""How much history the models compute (int_cohort_window, docs/decisions.md), worked by hand.

Quarter 2026Q2 starts 2026-04-01; the trend's first quarter is seven before it, 2024Q3
(2024-07-01). A contract valid in the quarter reaches back to the quarter of its valid_from.
"""

import datetime as dt

from tests.conftest import by_key, rows, run_extract


def history_start(evaluation) -> dt.date:
    return rows(evaluation, "int_cohort_window")[0]["history_start_date"]


def computed(evaluation) -> set[str]:
    return set(by_key(evaluation, "int_participation_outcomes", "participation_id"))


def test_without_contracts_the_history_is_the_trend_of_eight_quarters(extract, tmp_path):
    extract.participation("ENDS_2024_06_30", citizen="C1", start="2024-06-01", end="2024-06-30")
    extract.participation("ENDS_2024_07_01", citizen="C2", start="2024-06-01", end="2024-07-01")
    extract.participation("ENDS_2026_06_30", citizen="C3", start="2026-06-01", end="2026-06-30")
    extract.participation("ENDS_2026_07_01", citizen="C4", start="2026-06-01", end="2026-07-01")
    evaluation = run_extract(extract, tmp_path)
    assert history_start(evaluation) == dt.date(2024, 7, 1)
    assert computed(evaluation) == {"ENDS_2024_07_01", "ENDS_2026_06_30"}


def test_a_contract_valid_in_the_quarter_reaches_back_to_the_quarter_of_its_start(
    extract, tmp_path
):
    extract.contract("OLD", offer="O1", valid_from="2021-02-15", target_effect_rate=0.3)
    extract.participation("ENDS_2020_12_31", citizen="C1", start="2020-12-01", end="2020-12-31")
    extract.participation("ENDS_2021_01_01", citizen="C2", start="2020-12-01", end="2021-01-01")
    evaluation = run_extract(extract, tmp_path)
    assert history_start(evaluation) == dt.date(2021, 1, 1)
    assert computed(evaluation) == {"ENDS_2021_01_01"}


def test_contracts_not_valid_in_the_quarter_do_not_reach_back(extract, tmp_path):
    extract.contract("ENDED", offer="O1", valid_from="2019-01-01", valid_to="2026-03-31")
    extract.contract("LATER", offer="O1", valid_from="2026-07-01")
    extract.participation("P", citizen="C1")
    evaluation = run_extract(extract, tmp_path)
    assert history_start(evaluation) == dt.date(2024, 7, 1)
    assert rows(evaluation, "int_contract_quarter_status") == []


def test_escalation_counts_every_missed_quarter_since_a_contract_began(extract, tmp_path):
    # Missed in each of the 14 quarters 2023Q1 … 2026Q2: one participation without an effect
    # ending on each quarter's first day, the contract's minimum one participant.
    extract.contract("K", offer="O1", valid_from="2023-01-01", target_effect_rate=0.3,
                     min_participants=1)  # fmt: skip
    for number in range(14):
        end = dt.date(2023 + number // 4, 1 + 3 * (number % 4), 1).isoformat()
        extract.participation(f"P{number}", citizen=f"C{number}", start=end, end=end)
    evaluation = run_extract(extract, tmp_path)
    statuses = rows(evaluation, "int_contract_quarter_status")
    assert [row["status"] for row in statuses] == ["missed"] * 14
    flag = by_key(evaluation, "contract_flags", "contract_id")["K"]
    assert (flag["consecutive_missed"], flag["recommendation"]) == (14, "phase_out")
