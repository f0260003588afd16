"""The group metrics of SPEC §2.1 worked by hand: counts, Wilson interval, case-mix adjustment,
suppression, rank within offer type and the preliminary flag."""

import math

import pytest

from evaluator.settings import Settings
from fixtures.builders import EDUCATION, JOB
from tests.conftest import by_key, run_extract

# Wilson bounds computed by hand from the formula of SPEC §2.1 with z = 1.959963984540054.
WILSON_0_OF_10 = (0.0, 0.2775327998628892)
WILSON_10_OF_10 = (0.7224672001371107, 1.0)
WILSON_3_OF_10 = (0.10779126740630099, 0.6032218525388546)


def add_group(extract, offer, size, effects, prefix, **participation):
    """`size` participations of `offer`, the first `effects` of them with a job exit."""
    for number in range(size):
        citizen = f"{prefix}{number}"
        extract.participation(f"{prefix}-{number}", citizen=citizen, offer=offer, **participation)
        if number < effects:
            extract.exit(citizen, "2026-05-15", JOB)


def offer_rows(extract, tmp_path, **options) -> dict[str, dict]:
    return by_key(run_extract(extract, tmp_path, **options), "provider_offer_metrics", "offer_id")


@pytest.mark.parametrize(
    ("effects", "bounds"),
    [(0, WILSON_0_OF_10), (10, WILSON_10_OF_10), (3, WILSON_3_OF_10)],
)
def test_wilson_interval(extract, tmp_path, effects, bounds):
    add_group(extract, "O1", 10, effects, "C")
    row = offer_rows(extract, tmp_path)["O1"]
    assert row["effect_rate"] == effects / 10
    assert row["effect_rate_ci_low"] == pytest.approx(bounds[0], abs=1e-15)
    assert row["effect_rate_ci_high"] == pytest.approx(bounds[1], abs=1e-15)


def test_wilson_bounds_are_exactly_0_and_1_at_the_ends(extract, tmp_path):
    extract.offer("ALL", provider="PR2")
    add_group(extract, "O1", 10, 0, "N")
    add_group(extract, "ALL", 10, 10, "Y")
    rows = offer_rows(extract, tmp_path)
    assert rows["O1"]["effect_rate_ci_low"] == 0.0
    assert rows["ALL"]["effect_rate_ci_high"] == 1.0


def test_counts_by_completion_and_outcome(extract, tmp_path):
    extract.participation("A", citizen="C1", completion="completed").exit("C1", "2026-05-01", JOB)
    extract.participation("B", citizen="C2", completion="dropped_out")
    extract.exit("C2", "2026-05-01", EDUCATION)
    extract.participation("C", citizen="C3", completion=None)
    row = offer_rows(extract, tmp_path)["O1"]
    assert (row["participants"], row["completed"], row["dropped_out"]) == (3, 1, 1)
    assert (row["job_exits"], row["education_exits"], row["effects"]) == (1, 1, 2)


def build_two_strata(extract):
    """Cohort 2026Q2 in two strata (all at 1,000 kr. per participant):
    A = dagpenge × match 1 × 30-49: O1 2 of 2 effects, O2 1 of 2 → 3 of 4, rate 3/4;
    B = kontanthjælp × match 3 × <30: O1 0 of 2, O2 1 of 4 → 1 of 6, rate 1/6.
    Whole cohort: 4 effects of 10 participants, rate 0.4."""
    extract.offer("O2", provider="PR2")
    stratum_a = {"benefit_group": "dagpenge", "match_group": 1, "age": 35}
    stratum_b = {"benefit_group": "kontanthjaelp", "match_group": 3, "age": 25}
    add_group(extract, "O1", 2, 2, "A1", **stratum_a)
    add_group(extract, "O1", 2, 0, "B1", **stratum_b)
    add_group(extract, "O2", 2, 1, "A2", **stratum_a)
    add_group(extract, "O2", 4, 1, "B2", **stratum_b)


def test_stratum_rates_are_taken_over_the_whole_cohort(extract, tmp_path):
    build_two_strata(extract)
    evaluation = run_extract(extract, tmp_path)
    rates = {
        (row[0], row[1]): (row[2], row[3], row[4])
        for row in evaluation.con.table("int_stratum_rates")
        .select("benefit_group", "age_band", "participants", "effects", "effect_rate")
        .fetchall()
    }
    assert rates[("dagpenge", "30-49")] == (4, 3, 0.75)
    assert rates[("kontanthjaelp", "<30")] == (6, 1, pytest.approx(1 / 6, rel=1e-15))


def test_indirect_standardisation_by_hand(extract, tmp_path):
    """O1: expected = 2 × 3/4 + 2 × 1/6 = 11/6; O/E = 2 / (11/6) = 12/11;
    adjusted rate = 12/11 × 0.4 = 4.8/11; adjusted price = 4,000 / (4.8/11 × 4) = 2,291.666…
    O2: expected = 2 × 3/4 + 4 × 1/6 = 13/6; O/E = 12/13; adjusted rate = 4.8/13;
    adjusted price = 6,000 / (4.8/13 × 6) = 2,708.333…"""
    build_two_strata(extract)
    rows = offer_rows(extract, tmp_path, settings=Settings(suppress_below=1))
    o1, o2 = rows["O1"], rows["O2"]
    assert o1["expected_effects"] == pytest.approx(11 / 6, rel=1e-14)
    assert o1["oe_ratio"] == pytest.approx(12 / 11, rel=1e-14)
    assert o1["adjusted_effect_rate"] == pytest.approx(4.8 / 11, rel=1e-14)
    assert o1["adjusted_effect_price_dkk"] == pytest.approx(4000 * 11 / 19.2, rel=1e-14)
    assert o1["effect_price_dkk"] == 2000.0
    assert o2["expected_effects"] == pytest.approx(13 / 6, rel=1e-14)
    assert o2["oe_ratio"] == pytest.approx(12 / 13, rel=1e-14)
    assert o2["adjusted_effect_rate"] == pytest.approx(4.8 / 13, rel=1e-14)
    assert o2["adjusted_effect_price_dkk"] == pytest.approx(6000 * 13 / 28.8, rel=1e-14)
    assert o2["effect_price_dkk"] == 3000.0


def test_provider_metrics_pool_the_providers_offers(extract, tmp_path):
    """PR1 runs O1 and O3: 4 + 3 participants, 2 + 1 effects, 4,000 + 3,000 kr."""
    build_two_strata(extract)
    extract.offer("O3", provider="PR1", unit_price=1000)
    add_group(extract, "O3", 3, 1, "X", benefit_group="dagpenge", match_group=1, age=35)
    provider = by_key(run_extract(extract, tmp_path), "provider_metrics", "provider_id")["PR1"]
    assert (provider["participants"], provider["effects"]) == (7, 3)
    assert provider["total_cost_dkk"] == 7000.0
    assert provider["effect_price_dkk"] == pytest.approx(7000 / 3, rel=1e-15)
    assert provider["effect_rate"] == pytest.approx(3 / 7, rel=1e-15)


def test_oe_ratio_is_empty_when_no_effect_was_expected(extract, tmp_path):
    add_group(extract, "O1", 6, 0, "C")
    row = offer_rows(extract, tmp_path)["O1"]
    assert row["expected_effects"] == 0.0
    assert row["oe_ratio"] is None
    assert row["adjusted_effect_rate"] is None
    assert row["adjusted_effect_price_dkk"] is None


@pytest.mark.parametrize(("size", "suppressed"), [(4, True), (5, False)])
def test_suppression_below_the_threshold(extract, tmp_path, size, suppressed):
    add_group(extract, "O1", size, 1, "C")
    assert offer_rows(extract, tmp_path)["O1"]["is_suppressed"] is suppressed


def test_suppression_threshold_is_a_setting(extract, tmp_path):
    add_group(extract, "O1", 5, 1, "C")
    row = offer_rows(extract, tmp_path, settings=Settings(suppress_below=6))["O1"]
    assert row["is_suppressed"] is True


def test_rank_in_type_with_ties(extract, tmp_path):
    """One stratum, so every adjusted effect price equals the plain effect price:
    RA 5 × 800 kr., 2 effects → 2,000 kr., rate 0.4: rank 1;
    RC and RD 5 × 1,000 kr., 2 effects → 2,500 kr., rate 0.4: tie, by offer id: 2 and 3;
    RB 10 × 500 kr., 2 effects → 2,500 kr., rate 0.2: the lower rate ranks after: 4;
    RE 5 × 1,000 kr., no effect → no price, last: 5;
    RF 4 × 100 kr. is suppressed: no rank, however cheap;
    RG is another offer type: rank 1 there."""
    extract.offer("RA", unit_price=800)
    extract.offer("RB", unit_price=500)
    extract.offer("RC", unit_price=1000)
    extract.offer("RD", unit_price=1000)
    extract.offer("RE", unit_price=1000)
    extract.offer("RF", unit_price=100)
    extract.offer("RG", offer_type="mentor", unit_price=1000)
    for offer, size, effects in [
        ("RA", 5, 2),
        ("RB", 10, 2),
        ("RC", 5, 2),
        ("RD", 5, 2),
        ("RE", 5, 0),
        ("RF", 4, 4),
        ("RG", 5, 1),
    ]:
        add_group(extract, offer, size, effects, offer)
    rows = offer_rows(extract, tmp_path)
    ranks = {offer: row["rank_in_type"] for offer, row in rows.items()}
    assert ranks == {"RA": 1, "RC": 2, "RD": 3, "RB": 4, "RE": 5, "RF": None, "RG": 1}
    assert math.isclose(rows["RB"]["adjusted_effect_price_dkk"], 2500.0, rel_tol=1e-12)


@pytest.mark.parametrize(("as_of", "preliminary"), [("2026-09-28", True), ("2026-09-29", False)])
def test_preliminary_until_the_last_window_has_closed(extract, tmp_path, as_of, preliminary):
    """2026Q2 ends 30 June; + 91 days is 29 September, when the last window has closed."""
    add_group(extract, "O1", 5, 1, "C")
    evaluation = run_extract(extract, tmp_path, as_of=as_of)
    assert (
        by_key(evaluation, "provider_offer_metrics", "offer_id")["O1"]["is_preliminary"]
        is preliminary
    )
    assert (
        by_key(evaluation, "provider_metrics", "provider_id")["PR1"]["is_preliminary"]
        is preliminary
    )
    assert evaluation.is_preliminary is preliminary
