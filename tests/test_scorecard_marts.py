"""The marts behind the workbook, worked by hand: the quarter's headline, each offer's covering
contracts, uncertainty and funnel position, the funnel's control limits, and the trends.

The extract, all in 2026Q2 (participations 1 to 30 April, exits on 15 May, inside the window):
- provider PR1, type jobsoegning: O1 15 effects of 20, O2 1 of 20, O3 8 of 20.
  The type's rate p = 24/60 = 0.4; at n = 20 the standard error is sqrt(0.4·0.6/20) = sqrt(0.012).
- provider PR2, type mentor: O4 3 effects (education) of 6, no contract.
- contracts: K1 covers every offer of PR1, target 0.5; K2 covers O2, target 0.04, minimum 5.
- O1 also has 3 participations that ended in 2026Q1 (a suppressed quarter in its trend).
"""

import math

import pytest

from fixtures.builders import EDUCATION, JOB, ExtractBuilder
from tests.conftest import by_key, rows, run_extract

Z95 = 1.959963984540054
Z998 = 3.090232306167813


def add_offer_cohort(extract: ExtractBuilder, offer: str, size: int, effects: int, code: str):
    for number in range(size):
        citizen = f"C{offer}-{number}"
        extract.participation(f"{offer}-{number}", citizen=citizen, offer=offer)
        if number < effects:
            extract.exit(citizen, "2026-05-15", code)


@pytest.fixture(scope="module")
def evaluation(tmp_path_factory):
    extract = ExtractBuilder()
    for offer in ("O1", "O2", "O3"):
        extract.offer(offer, provider="PR1")
    extract.offer("O4", provider="PR2", offer_type="mentor")
    add_offer_cohort(extract, "O1", 20, 15, JOB)
    add_offer_cohort(extract, "O2", 20, 1, JOB)
    add_offer_cohort(extract, "O3", 20, 8, JOB)
    add_offer_cohort(extract, "O4", 6, 3, EDUCATION)
    for number in range(3):
        extract.participation(
            f"Q1-{number}",
            citizen=f"CQ1-{number}",
            offer="O1",
            start="2026-01-05",
            end="2026-02-20",
        )
    extract.contract("K1", provider="PR1", valid_from="2026-04-01", target_effect_rate=0.5)
    extract.contract(
        "K2",
        provider="PR1",
        offer="O2",
        valid_from="2026-04-01",
        target_effect_rate=0.04,
        min_participants=5,
    )
    return run_extract(extract, tmp_path_factory.mktemp("marts"))


def test_quarter_overview_counts_the_whole_cohort(evaluation):
    """66 participants; 24 job and 3 education effects; 1,000 kr. each: 66,000 kr.,
    66,000 / 27 per effect."""
    [overview] = rows(evaluation, "quarter_overview")
    assert (overview["participants"], overview["job_exits"], overview["education_exits"]) == (
        66,
        24,
        3,
    )
    assert overview["effects"] == 27
    assert overview["effect_rate"] == pytest.approx(27 / 66, rel=1e-15)
    assert overview["total_cost_dkk"] == 66_000
    assert overview["effect_price_dkk"] == pytest.approx(66_000 / 27, rel=1e-15)
    assert overview["is_suppressed"] is False


def test_an_offer_shows_every_contract_that_covers_it_and_the_most_serious_status(evaluation):
    """K1 (all of PR1: 24/60 = 0.4 < 0.5) is missed; K2 (O2: 1/20 = 0.05 ≥ 0.04) is met. O2 is
    covered by both and shows missed; one missed quarter means a dialogue meeting."""
    offers = by_key(evaluation, "offer_scorecard", "offer_id")
    assert offers["O2"]["contract_ids"] == "K1, K2"
    assert offers["O2"]["contract_status"] == "missed"
    assert offers["O2"]["recommendation"] == "dialogue"
    assert offers["O1"]["contract_ids"] == "K1"
    assert offers["O4"]["contract_ids"] is None
    assert offers["O4"]["contract_status"] == "no_contract"
    contracts = by_key(evaluation, "contract_flags", "contract_id")
    assert (contracts["K1"]["status"], contracts["K2"]["status"]) == ("missed", "met")


def test_uncertain_when_the_interval_contains_the_target_or_too_few_participants(evaluation):
    """Wilson for 8/20 is 0.219–0.613 and contains K1's 0.5: uncertain. 15/20 gives 0.531–0.888
    and 1/20 gives 0.009–0.236, neither contains 0.5 (the strictest target of O2's two), and
    both have 20 ≥ 10 participants: certain. O4 has no contract, so the configured minimum (10)
    applies, and 6 < 10."""
    offers = by_key(evaluation, "offer_scorecard", "offer_id")
    assert offers["O3"]["effect_rate_ci_low"] == pytest.approx(0.2188, abs=1e-4)
    assert offers["O3"]["effect_rate_ci_high"] == pytest.approx(0.6134, abs=1e-4)
    assert offers["O1"]["effect_rate_ci_low"] == pytest.approx(0.5313, abs=1e-4)
    assert offers["O2"]["target_effect_rate"] == pytest.approx(0.5)
    assert offers["O2"]["min_participants_required"] == 10
    assert {o: offers[o]["is_uncertain"] for o in offers} == {
        "O1": False,
        "O2": False,
        "O3": True,
        "O4": True,
    }


def test_funnel_position_against_the_binomial_limits_of_the_type(evaluation):
    """p = 0.4, n = 20: the 99.8 % limits are 0.4 ± 3.0902·0.10954 = 0.0615 … 0.7385 and the
    95 % limits 0.4 ± 0.2147 = 0.1853 … 0.6147. O1 (0.75) lies above the upper 99.8 % limit,
    O2 (0.05) below the lower one, O3 (0.4) within."""
    offers = by_key(evaluation, "offer_scorecard", "offer_id")
    assert offers["O1"]["type_effect_rate"] == pytest.approx(0.4, rel=1e-15)
    assert {o: offers[o]["funnel_position"] for o in ("O1", "O2", "O3")} == {
        "O1": "above_998",
        "O2": "below_998",
        "O3": "within",
    }


def test_funnel_limits_are_clipped_to_0_and_1_and_span_threshold_to_largest_offer(evaluation):
    """The jobsoegning curve runs from n = 5 (the suppression threshold) to n = 20 (its largest
    offer). At n = 5 the 99.8 % limits 0.4 ± 0.677 are clipped to 0 and 1."""
    points = [
        row for row in rows(evaluation, "offer_type_funnel") if row["offer_type"] == "jobsoegning"
    ]
    points.sort(key=lambda row: row["participants"])
    smallest, largest = points[0], points[-1]
    assert (smallest["participants"], largest["participants"]) == (5, 20)
    assert (smallest["lower_998_rate"], smallest["upper_998_rate"]) == (0, 1)
    standard_error = math.sqrt(0.012)
    assert largest["upper_95_rate"] == pytest.approx(0.4 + Z95 * standard_error, rel=1e-12)
    assert largest["lower_95_rate"] == pytest.approx(0.4 - Z95 * standard_error, rel=1e-12)
    assert largest["lower_998_rate"] == pytest.approx(0.4 - Z998 * standard_error, rel=1e-12)
    assert len(points) == len({row["participants"] for row in points}) == 16


def test_trend_has_eight_quarters_with_suppressed_and_empty_ones(evaluation):
    """O1: 3 participants in 2026Q1 (suppressed: 3 < 5), none in 2025Q4, 20 in 2026Q2."""
    trend = [row for row in rows(evaluation, "group_quarter_trend") if row["group_id"] == "O1"]
    by_quarter = {row["quarter"]: row for row in trend}
    assert sorted(by_quarter) == [
        "2024Q3",
        "2024Q4",
        "2025Q1",
        "2025Q2",
        "2025Q3",
        "2025Q4",
        "2026Q1",
        "2026Q2",
    ]
    assert by_quarter["2026Q2"]["quarter_offset"] == 0
    assert (by_quarter["2026Q2"]["participants"], by_quarter["2026Q2"]["effect_rate"]) == (20, 0.75)
    assert (by_quarter["2026Q1"]["participants"], by_quarter["2026Q1"]["is_suppressed"]) == (
        3,
        True,
    )
    assert (by_quarter["2025Q4"]["participants"], by_quarter["2025Q4"]["effect_rate"]) == (0, None)
    provider_trend = [
        row
        for row in rows(evaluation, "group_quarter_trend")
        if row["group_kind"] == "provider" and row["group_id"] == "PR1"
    ]
    assert len(provider_trend) == 8
