"""Contract flags of SPEC §2.2 (the Vejle model) worked by hand: which participations a contract
covers, each status, clearly_missed, consecutive missed quarters and the recommendation."""

import datetime as dt

import pytest

from evaluator.settings import Settings
from fixtures.builders import JOB
from tests.conftest import by_key, run_extract


def add_cohort(extract, prefix, size, effects, offer="O1", end="2026-05-31", days=10):
    """`size` participations of `offer` ending on `end`, the first `effects` with a job exit."""
    end_date = dt.date.fromisoformat(end)
    start = (end_date - dt.timedelta(days=days - 1)).isoformat()
    for number in range(size):
        citizen = f"{prefix}{number}"
        extract.participation(f"{prefix}-{number}", citizen, offer, start=start, end=end)
        if number < effects:
            extract.exit(citizen, end, JOB)


def flags(extract, tmp_path, **options) -> dict[str, dict]:
    return by_key(run_extract(extract, tmp_path, **options), "contract_flags", "contract_id")


def test_no_target_comes_first_whatever_the_numbers(extract, tmp_path):
    extract.contract("K", offer="O1")
    add_cohort(extract, "C", 2, 0)
    assert flags(extract, tmp_path)["K"]["status"] == "no_target"


def test_inconclusive_below_the_default_minimum_of_10(extract, tmp_path):
    extract.contract("K", offer="O1", target_effect_rate=0.3)
    add_cohort(extract, "C", 9, 0)
    row = flags(extract, tmp_path)["K"]
    assert (row["participants"], row["min_participants_required"], row["status"]) == (
        9,
        10,
        "inconclusive",
    )


def test_the_contracts_own_minimum_and_the_setting_replace_the_default(extract, tmp_path):
    extract.contract("OWN", offer="O1", target_effect_rate=0.3, min_participants=5)
    extract.contract("DEFAULT", offer="O1", target_effect_rate=0.3)
    add_cohort(extract, "C", 9, 0)
    rows = flags(extract, tmp_path, settings=Settings(min_participants=12))
    assert rows["OWN"]["status"] == "missed"
    assert (rows["DEFAULT"]["min_participants_required"], rows["DEFAULT"]["status"]) == (
        12,
        "inconclusive",
    )


def test_a_contract_with_no_participants_is_inconclusive(extract, tmp_path):
    extract.contract("K", offer="O1", target_effect_rate=0.3)
    extract.offer("O2")
    add_cohort(extract, "C", 12, 6, offer="O2")
    row = flags(extract, tmp_path)["K"]
    assert (row["participants"], row["effects"], row["effect_rate"]) == (0, 0, None)
    assert row["status"] == "inconclusive"


def test_effect_rate_exactly_at_the_target_is_met_and_below_is_missed(extract, tmp_path):
    extract.offer("O2")
    extract.contract("AT", offer="O1", target_effect_rate=0.3)
    extract.contract("BELOW", offer="O2", target_effect_rate=0.3)
    add_cohort(extract, "A", 10, 3, offer="O1")
    add_cohort(extract, "B", 10, 2, offer="O2")
    rows = flags(extract, tmp_path)
    assert rows["AT"]["status"] == "met"
    assert rows["BELOW"]["status"] == "missed"


def test_clearly_missed_when_even_the_upper_bound_is_below_target(extract, tmp_path):
    """2 of 10: Wilson upper bound 0.5098 ≥ 0.3, missed but not clearly;
    0 of 20: upper bound z²/20 / (1 + z²/20) = 0.1611 < 0.3, clearly missed."""
    extract.offer("O2")
    extract.contract("NOISY", offer="O1", target_effect_rate=0.3)
    extract.contract("CLEAR", offer="O2", target_effect_rate=0.3)
    add_cohort(extract, "A", 10, 2, offer="O1")
    add_cohort(extract, "B", 20, 0, offer="O2")
    rows = flags(extract, tmp_path)
    assert (rows["NOISY"]["status"], rows["NOISY"]["is_clearly_missed"]) == ("missed", False)
    assert (rows["CLEAR"]["status"], rows["CLEAR"]["is_clearly_missed"]) == ("missed", True)


def test_price_ceiling(extract, tmp_path):
    """10 participants × 1,000 kr. = 10,000 kr. With 4 effects the effect price is 2,500 kr.
    (at a 2,500 ceiling: met); with 3 it is 3,333.33 kr. (missed); with none it is empty, which
    misses any ceiling."""
    extract.offer("O2").offer("O3")
    extract.contract("AT", offer="O1", max_effect_price=2500)
    extract.contract("ABOVE", offer="O2", max_effect_price=2500)
    extract.contract("NONE", offer="O3", max_effect_price=2500)
    add_cohort(extract, "A", 10, 4, offer="O1")
    add_cohort(extract, "B", 10, 3, offer="O2")
    add_cohort(extract, "C", 10, 0, offer="O3")
    rows = flags(extract, tmp_path)
    assert (rows["AT"]["effect_price_dkk"], rows["AT"]["status"]) == (2500.0, "met")
    assert rows["ABOVE"]["effect_price_dkk"] == pytest.approx(10000 / 3)
    assert rows["ABOVE"]["status"] == "missed"
    assert (rows["NONE"]["effect_price_dkk"], rows["NONE"]["status"]) == (None, "missed")
    assert rows["NONE"]["is_clearly_missed"] is False


def test_either_target_missed_is_missed(extract, tmp_path):
    """4 of 10 beats a 0.3 rate target, but 2,500 kr. per effect is above a 2,000 ceiling."""
    extract.contract("BOTH", offer="O1", target_effect_rate=0.3, max_effect_price=2000)
    add_cohort(extract, "A", 10, 4)
    assert flags(extract, tmp_path)["BOTH"]["status"] == "missed"


def test_a_provider_wide_contract_covers_all_the_providers_offers_only(extract, tmp_path):
    extract.offer("O2", provider="PR1").offer("O3", provider="PR2")
    extract.contract("WIDE", provider="PR1", target_effect_rate=0.3)
    add_cohort(extract, "A", 6, 3, offer="O1")
    add_cohort(extract, "B", 6, 1, offer="O2")
    add_cohort(extract, "C", 6, 6, offer="O3")
    row = flags(extract, tmp_path)["WIDE"]
    assert (row["offer_id"], row["participants"], row["effects"]) == (None, 12, 4)
    assert row["effect_rate"] == pytest.approx(4 / 12)


def test_a_contract_covers_participations_that_started_within_its_validity(extract, tmp_path):
    """Participations of 10 days ending 31 May start on 22 May; the contract from 22 May covers
    them, the one from 23 May does not, and the one that ended 21 May does not either."""
    extract.contract("FROM_22", offer="O1", valid_from="2026-05-22", target_effect_rate=0.1)
    extract.contract("FROM_23", offer="O1", valid_from="2026-05-23", target_effect_rate=0.1)
    extract.contract(
        "TO_21", offer="O1", valid_from="2026-01-01", valid_to="2026-05-21", target_effect_rate=0.1
    )
    add_cohort(extract, "A", 10, 5)
    rows = flags(extract, tmp_path)
    assert rows["FROM_22"]["participants"] == 10
    assert rows["FROM_23"]["participants"] == 0
    assert rows["TO_21"]["participants"] == 0


def test_only_contracts_valid_in_the_quarter_are_listed(extract, tmp_path):
    extract.contract("ENDED", offer="O1", valid_from="2025-01-01", valid_to="2026-03-31")
    extract.contract("LAST_DAY", offer="O1", valid_from="2025-01-01", valid_to="2026-04-01")
    extract.contract("FUTURE", offer="O1", valid_from="2026-07-01")
    extract.contract("STARTS_IN_Q", offer="O1", valid_from="2026-06-30")
    add_cohort(extract, "A", 3, 1)
    assert set(flags(extract, tmp_path)) == {"LAST_DAY", "STARTS_IN_Q"}


def history(extract, offer, statuses):
    """One cohort per quarter ending 2026Q2: `missed` = 10 participants, 1 effect (target 0.3);
    `met` = 10 participants, 5 effects; `inconclusive` = 3 participants."""
    quarter_ends = ["2025-09-30", "2025-12-31", "2026-03-31", "2026-06-30"][-len(statuses) :]
    for end, status in zip(quarter_ends, statuses, strict=True):
        size, effects = {"missed": (10, 1), "met": (10, 5), "inconclusive": (3, 0)}[status]
        add_cohort(extract, f"{offer}{end}", size, effects, offer=offer, end=end)


@pytest.mark.parametrize(
    ("statuses", "consecutive", "recommendation"),
    [
        (["missed", "missed", "missed", "met"], 0, "continue"),
        (["met", "met", "met", "missed"], 1, "dialogue"),
        (["met", "met", "missed", "missed"], 2, "phase_out"),
        (["missed", "missed", "missed", "missed"], 4, "phase_out"),
        (["missed", "missed", "inconclusive", "missed"], 1, "dialogue"),
    ],
)
def test_consecutive_missed_quarters_and_recommendation(
    extract, tmp_path, statuses, consecutive, recommendation
):
    extract.contract("K", offer="O1", valid_from="2025-07-01", target_effect_rate=0.3)
    history(extract, "O1", statuses)
    row = flags(extract, tmp_path)["K"]
    assert (row["consecutive_missed"], row["recommendation"]) == (consecutive, recommendation)


def test_consecutive_missed_counts_back_no_further_than_the_contract_start(extract, tmp_path):
    """Three quarters of missed numbers, but the contract began in 2026Q1: two count.

    The limit follows from coverage too: a participation the contract covers starts on or after
    valid_from, so it cannot end in an earlier quarter, which can only be inconclusive."""
    extract.contract("K", offer="O1", valid_from="2026-01-01", target_effect_rate=0.3)
    history(extract, "O1", ["missed", "missed", "missed"])
    row = flags(extract, tmp_path)["K"]
    assert (row["consecutive_missed"], row["recommendation"]) == (2, "phase_out")


def test_contract_flags_are_preliminary_with_the_quarter(extract, tmp_path):
    extract.contract("K", offer="O1", target_effect_rate=0.3)
    add_cohort(extract, "A", 10, 5)
    assert flags(extract, tmp_path, as_of="2026-09-28")["K"]["is_preliminary"] is True
