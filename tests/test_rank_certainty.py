"""Shrunk rates and prob_best of SPEC §2.5, worked by hand.

Every extract below has one stratum (dagpenge × match 1 × 30-49) unless it says otherwise, so
an offer's expected effects are its participants × the cohort's effect rate, and every offer
costs 1,000 kr. per participant unless it says otherwise.
"""

import itertools

import numpy as np
import pytest
from scipy import integrate, special, stats

from evaluator.rank_certainty import prob_best
from tests.conftest import by_key, run_extract
from tests.test_group_metrics import add_group

SHRINKAGE = ("shrunk_oe_ratio", "shrunk_effect_rate", "shrunk_effect_price_dkk", "prob_best")


def offer_rows(extract, tmp_path) -> dict[str, dict]:
    return by_key(run_extract(extract, tmp_path), "provider_offer_metrics", "offer_id")


def shrinkage_rows(extract, tmp_path) -> dict[str, dict]:
    return by_key(run_extract(extract, tmp_path), "int_offer_shrinkage", "offer_id")


def build_three_offers(extract):
    """O1 8 of 10 effects, O2 2 of 10, O3 10 of 20: the cohort has 20 effects of 40, rate 0.5."""
    extract.offer("O2").offer("O3", provider="PR2")
    add_group(extract, "O1", 10, 8, "A")
    add_group(extract, "O2", 10, 2, "B")
    add_group(extract, "O3", 20, 10, "C")


def test_three_offers_shrink_towards_the_type(extract, tmp_path):
    """E = 10 × 0.5 = 5, 5 and 20 × 0.5 = 10; θ̂ = 8/5 = 1.6, 2/5 = 0.4, 10/10 = 1.0.
    m = 20/20 = 1; s² = (5 × 0.6² + 5 × 0.6² + 10 × 0²)/20 = 3.6/20 = 0.18; Ē = 20/3;
    v = 0.18 − 1/(20/3) = 0.18 − 0.15 = 0.03.
    C_1 = C_2 = 0.03/(0.03 + 1/5) = 3/23; C_3 = 0.03/(0.03 + 1/10) = 3/13.
    Shrunk O/E: 1 + 3/23 × 0.6 = 24.8/23, 1 − 3/23 × 0.6 = 21.2/23, 1 + 3/13 × 0 = 1.
    Shrunk rate = × 0.5: 12.4/23, 10.6/23, 0.5; price = 1,000 / rate: 23,000/12.4, 23,000/10.6,
    2,000. Posteriors: shape 1/0.03 + x = 100/3 + 8, 100/3 + 2, 100/3 + 10; rate 100/3 + E."""
    build_three_offers(extract)
    evaluation = run_extract(extract, tmp_path)
    shrinkage = by_key(evaluation, "int_offer_shrinkage", "offer_id")
    rows = by_key(evaluation, "provider_offer_metrics", "offer_id")
    one = shrinkage["O1"]
    assert one["type_oe_ratio"] == pytest.approx(1.0, abs=1e-12)
    assert one["oe_variance"] == pytest.approx(0.18, abs=1e-12)
    assert one["mean_expected_effects"] == pytest.approx(20 / 3, abs=1e-12)
    assert one["true_oe_variance"] == pytest.approx(0.03, abs=1e-12)
    assert one["shrinkage_weight"] == pytest.approx(3 / 23, abs=1e-12)
    assert shrinkage["O3"]["shrinkage_weight"] == pytest.approx(3 / 13, abs=1e-12)
    expected = {"O1": 24.8 / 23, "O2": 21.2 / 23, "O3": 1.0}
    for offer, ratio in expected.items():
        assert rows[offer]["shrunk_oe_ratio"] == pytest.approx(ratio, abs=1e-12)
        assert rows[offer]["shrunk_effect_rate"] == pytest.approx(ratio * 0.5, abs=1e-12)
        assert rows[offer]["shrunk_effect_price_dkk"] == pytest.approx(2000 / ratio, abs=1e-8)
    assert shrinkage["O2"]["posterior_shape"] == pytest.approx(100 / 3 + 2, abs=1e-9)
    assert shrinkage["O3"]["posterior_rate"] == pytest.approx(100 / 3 + 10, abs=1e-9)
    shapes = [100 / 3 + 8, 100 / 3 + 2, 100 / 3 + 10]
    rates = [100 / 3 + 5, 100 / 3 + 5, 100 / 3 + 10]
    independent = quadrature_per_offer(shapes, rates, [1000.0] * 3)
    for offer, probability in zip(("O1", "O2", "O3"), independent, strict=True):
        assert rows[offer]["prob_best"] == pytest.approx(probability, abs=1e-6)
    assert rows["O1"]["prob_best"] > rows["O3"]["prob_best"] > rows["O2"]["prob_best"]


def test_no_spread_beyond_chance_gives_every_offer_the_type_ratio(extract, tmp_path):
    """O1 6 of 10 effects, O2 4 of 10 at 800 kr.: rate 0.5, E = 5 each, θ̂ = 1.2 and 0.8, m = 1,
    s² = (5 × 0.2² + 5 × 0.2²)/10 = 0.04 < m/Ē = 1/5, so v = 0 and both shrink to 1 (rate 0.5).
    Every θ = m, so the lower cost per participant wins: O2 (800 kr.) prob_best 1, O1 0."""
    extract.offer("O2", unit_price=800)
    add_group(extract, "O1", 10, 6, "A")
    add_group(extract, "O2", 10, 4, "B")
    rows = offer_rows(extract, tmp_path)
    assert rows["O1"]["shrunk_oe_ratio"] == pytest.approx(1.0, abs=1e-12)
    assert rows["O2"]["shrunk_oe_ratio"] == pytest.approx(1.0, abs=1e-12)
    assert rows["O2"]["shrunk_effect_price_dkk"] == pytest.approx(800 / 0.5, abs=1e-9)
    assert (rows["O1"]["prob_best"], rows["O2"]["prob_best"]) == (0.0, 1.0)


def test_no_spread_and_equal_costs_share_prob_best(extract, tmp_path):
    """O1 and O2 each 5 of 10 effects at 1,000 kr.: θ̂ = m = 1, s² = 0, v = 0; a tie on the
    lowest cost per participant: 1/2 each."""
    extract.offer("O2")
    add_group(extract, "O1", 10, 5, "A")
    add_group(extract, "O2", 10, 5, "B")
    rows = offer_rows(extract, tmp_path)
    assert (rows["O1"]["prob_best"], rows["O2"]["prob_best"]) == (0.5, 0.5)


def test_a_type_with_one_offer_keeps_its_ratio_and_is_best(extract, tmp_path):
    """O1 (jobsoegning) 2 of 10 effects, L1 (loentilskud, alone in its type) 6 of 10: cohort rate
    8/20 = 0.4, E = 4 each; L1's θ̂ = 6/4 = 1.5 = its type's m (k = 1: s² = 0, v = 0):
    shrunk O/E 1.5, rate 1.5 × 0.4 = 0.6, price 1,000/0.6; prob_best 1."""
    extract.offer("L1", provider="PR2", offer_type="loentilskud")
    add_group(extract, "O1", 10, 2, "A")
    add_group(extract, "L1", 10, 6, "B")
    row = offer_rows(extract, tmp_path)["L1"]
    assert row["shrunk_oe_ratio"] == pytest.approx(1.5, abs=1e-12)
    assert row["shrunk_effect_rate"] == pytest.approx(0.6, abs=1e-12)
    assert row["shrunk_effect_price_dkk"] == pytest.approx(1000 / 0.6, abs=1e-9)
    assert row["prob_best"] == 1.0


def test_two_identical_offers_share_the_top(extract, tmp_path):
    """O1 and O2 each 9 of 10 effects, O3 2 of 20: rate 20/40 = 0.5, E = 5, 5, 10, θ̂ = 1.8, 1.8,
    0.2, m = 1, s² = (2 × 5 × 0.8² + 10 × 0.8²)/20 = 0.64, v = 0.64 − 0.15 = 0.49 > 0.
    O3's posterior Gamma(1/0.49 + 2, 1/0.49 + 10) has mean 0.34 against 1.57 for the others: it
    is almost never best, and O1 and O2 have the same posterior and cost: 0.5 each."""
    extract.offer("O2").offer("O3")
    add_group(extract, "O1", 10, 9, "A")
    add_group(extract, "O2", 10, 9, "B")
    add_group(extract, "O3", 20, 2, "C")
    rows = offer_rows(extract, tmp_path)
    assert rows["O1"]["prob_best"] == rows["O2"]["prob_best"]
    assert rows["O1"]["prob_best"] == pytest.approx(0.5, abs=0.0005)
    assert rows["O3"]["prob_best"] < 0.001


def test_rows_without_expected_effects_have_empty_shrinkage(extract, tmp_path):
    """L1's participants are all in a stratum (kontanthjælp × match 3 × <30) with no effect, so
    its expected effects are 0: the four §2.5 columns are empty; O1 alone in its type: 1."""
    extract.offer("L1", provider="PR2", offer_type="loentilskud")
    add_group(extract, "O1", 10, 4, "A")
    add_group(extract, "L1", 5, 0, "B", benefit_group="kontanthjaelp", match_group=3, age=25)
    rows = offer_rows(extract, tmp_path)
    assert rows["L1"]["expected_effects"] == 0
    assert [rows["L1"][column] for column in SHRINKAGE] == [None] * 4
    assert rows["O1"]["prob_best"] == 1.0


@pytest.mark.parametrize(
    ("shapes", "rates", "costs"),
    [
        ([5.0, 10.0], [6.0, 8.0], [1000.0, 1500.0]),
        ([2.5, 40.0], [3.0, 35.0], [800.0, 900.0]),
        ([300.0, 310.0], [290.0, 305.0], [12000.0, 12500.0]),
        ([1.2, 1.1], [0.9, 1.4], [500.0, 20000.0]),
    ],
)
def test_two_offers_match_the_closed_form(shapes, rates, costs):
    """With y_i = θ_i/cpp_i ~ Gamma(a_i, r_i = b_i·cpp_i), B = r_2·y_2 and A = r_1·y_1 are
    standard gammas and B/(A + B) ~ Beta(a_2, a_1), so
    P(y_1 > y_2) = P(B/(A + B) < r_2/(r_1 + r_2)) = I_{r_2/(r_1+r_2)}(a_2, a_1)."""
    r1, r2 = rates[0] * costs[0], rates[1] * costs[1]
    exact = special.betainc(shapes[1], shapes[0], r2 / (r1 + r2))
    first, second = prob_best(shapes, rates, costs)
    assert first == pytest.approx(exact, abs=0.0005)
    assert first + second == pytest.approx(1.0, abs=1e-6)


def test_two_identical_posteriors_give_one_half_each():
    assert prob_best([12.0, 12.0], [10.0, 10.0], [900.0, 900.0]) == pytest.approx(
        [0.5, 0.5], abs=0.0005
    )


def quadrature_per_offer(shapes, rates, costs) -> list[float]:
    """An independent check: each offer's integral ∫ f_i ∏_{j≠i} F_j alone, by scipy's quad
    over its own density's range (split in 40 pieces), with scipy.stats' density."""
    a = np.asarray(shapes)
    r = np.asarray(rates) * np.asarray(costs)
    results = []
    for i in range(len(a)):

        def integrand(y, i=i):
            others = special.gammainc(a, r * y)
            others[i] = 1.0
            return stats.gamma.pdf(y, a[i], scale=1 / r[i]) * np.prod(others)

        edges = np.linspace(
            special.gammaincinv(a[i], 1e-14) / r[i], special.gammainccinv(a[i], 1e-14) / r[i], 41
        )
        results.append(
            sum(
                integrate.quad(integrand, low, high, epsabs=1e-13, epsrel=1e-12)[0]
                for low, high in itertools.pairwise(edges)
            )
        )
    return results


def test_many_offers_match_an_independent_quadrature():
    """Twelve offers with posteriors from narrow (large E) to wide, costs 600–20,000 kr."""
    rng = np.random.default_rng(13)
    expected = rng.uniform(0.5, 300, 12)
    effects = rng.poisson(expected * rng.uniform(0.6, 1.4, 12))
    m, v = 1.0, 0.08
    shapes = list(m * m / v + effects)
    rates = list(m / v + expected)
    costs = list(rng.uniform(600, 20000, 12))
    computed = prob_best(shapes, rates, costs)
    independent = quadrature_per_offer(shapes, rates, costs)
    assert computed == pytest.approx(independent, abs=0.0005)
    assert sum(computed) == pytest.approx(1.0, abs=0.001)


def test_prob_best_sums_to_one_in_every_type_of_the_demo(demo_evaluation):
    sums = demo_evaluation.con.sql(
        "select offer_type, sum(prob_best), count(prob_best) from provider_offer_metrics"
        " group by offer_type"
    ).fetchall()
    assert len(sums) >= 2
    for offer_type, total, counted in sums:
        assert counted >= 1, offer_type
        assert total == pytest.approx(1.0, abs=0.001), offer_type
