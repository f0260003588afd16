"""Who each provider serves (SPEC §2.6), worked by hand, and provider_breakdown.csv (§4)."""

import csv
from collections import defaultdict

import pytest

from evaluator.export.csv_files import write_metric_csvs
from tests.conftest import rows, run_extract
from tests.test_group_metrics import add_group

STRATUM_A = {"benefit_group": "dagpenge", "match_group": 1, "age": 35}
STRATUM_B = {"benefit_group": "kontanthjaelp", "match_group": 3, "age": 25}


def build_two_providers(extract):
    """PR1 (O1): 3 in stratum A (dagpenge × 1 × 30-49) with 2 effects, 1 in B (kontanthjælp × 3
    × <30) with none. PR2 (O2): 2 in A with 1 effect, 4 in B with 1 effect.
    Stratum rates over the cohort of 10: A 3/5 = 0.6, B 1/5 = 0.2; each stratum is half the
    cohort (cohort_share 0.5)."""
    extract.offer("O2", provider="PR2")
    add_group(extract, "O1", 3, 2, "A1", **STRATUM_A)
    add_group(extract, "O1", 1, 0, "B1", **STRATUM_B)
    add_group(extract, "O2", 2, 1, "A2", **STRATUM_A)
    add_group(extract, "O2", 4, 1, "B2", **STRATUM_B)


def breakdown(evaluation) -> dict[tuple[str, str, str], dict]:
    return {
        (row["provider_id"], row["dimension"], row["dimension_value"]): row
        for row in rows(evaluation, "provider_breakdown")
    }


def test_breakdown_by_benefit_group_match_group_and_age_band(extract, tmp_path):
    """PR1 dagpenge: 3 of its 4 (share 0.75), 2 effects (rate 2/3), expected 3 × 0.6 = 1.8,
    O/E 2/1.8 = 10/9, suppressed (3 < 5). PR1 kontanthjælp: 1 (0.25), 0 effects, expected 0.2,
    O/E 0. PR2 kontanthjælp: 4 of 6 (2/3), 1 effect, expected 4 × 0.2 = 0.8, O/E 1.25.
    PR2 dagpenge: 2 (1/3), 1 effect, expected 1.2, O/E 1/1.2. Match group and age band split
    the same way here (1 ↔ 30-49 ↔ dagpenge, 3 ↔ <30 ↔ kontanthjælp)."""
    build_two_providers(extract)
    table = breakdown(run_extract(extract, tmp_path))
    assert len(table) == 2 * 3 * 2
    expected = {
        ("PR1", "A"): (3, 0.75, 2, 2 / 3, 1.8, 10 / 9, True),
        ("PR1", "B"): (1, 0.25, 0, 0.0, 0.2, 0.0, True),
        ("PR2", "A"): (2, 1 / 3, 1, 0.5, 1.2, 1 / 1.2, True),
        ("PR2", "B"): (4, 2 / 3, 1, 0.25, 0.8, 1.25, True),
    }
    values = {
        "A": {"benefit_group": "dagpenge", "match_group": "1", "age_band": "30-49"},
        "B": {"benefit_group": "kontanthjaelp", "match_group": "3", "age_band": "<30"},
    }
    for (provider, stratum), figures in expected.items():
        for dimension, value in values[stratum].items():
            row = table[(provider, dimension, value)]
            got = (
                row["participants"],
                row["share"],
                row["effects"],
                row["effect_rate"],
                row["expected_effects"],
                row["oe_ratio"],
                row["is_suppressed"],
            )
            assert got == pytest.approx(figures, abs=1e-12), (provider, dimension, value)
            assert row["cohort_share"] == pytest.approx(0.5, abs=1e-12)


def test_a_value_with_enough_participants_is_not_suppressed(extract, tmp_path):
    """PR1 with 5 in stratum A and 1 in B: dagpenge 5 ≥ 5 is shown, kontanthjælp 1 < 5 is not;
    cohort shares 5/6 and 1/6."""
    add_group(extract, "O1", 5, 1, "A", **STRATUM_A)
    add_group(extract, "O1", 1, 0, "B", **STRATUM_B)
    table = breakdown(run_extract(extract, tmp_path))
    assert table[("PR1", "benefit_group", "dagpenge")]["is_suppressed"] is False
    assert table[("PR1", "benefit_group", "kontanthjaelp")]["is_suppressed"] is True
    assert table[("PR1", "age_band", "<30")]["cohort_share"] == pytest.approx(1 / 6, abs=1e-12)


def test_breakdown_csv_columns_order_and_shares_on_the_demo(demo_evaluation, tmp_path):
    """Shares sum to 1 per provider and dimension, and so do the cohort shares per dimension."""
    write_metric_csvs(demo_evaluation.con, tmp_path)
    with (tmp_path / "provider_breakdown.csv").open(encoding="utf-8", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == [
        "quarter",
        "provider_id",
        "provider_name",
        "dimension",
        "value",
        "participants",
        "share",
        "effects",
        "effect_rate",
        "expected_effects",
        "oe_ratio",
        "cohort_share",
        "suppressed",
    ]
    body = table[1:]
    keys = [(row[1], row[3], row[4]) for row in body]
    assert keys == sorted(keys)
    shares: dict[tuple[str, str], float] = defaultdict(float)
    cohort_shares: dict[str, set[tuple[str, float]]] = defaultdict(set)
    for row in body:
        shares[(row[1], row[3])] += float(row[6])
        cohort_shares[row[3]].add((row[4], float(row[11])))
    assert {dimension for _, dimension in shares} == {"age_band", "benefit_group", "match_group"}
    for key, total in shares.items():
        assert total == pytest.approx(1.0, abs=1e-9), key
    for dimension, pairs in cohort_shares.items():
        assert sum(share for _, share in pairs) == pytest.approx(1.0, abs=1e-9), dimension
    assert {row[4] for row in body if row[3] == "match_group"} <= {"1", "2", "3"}
