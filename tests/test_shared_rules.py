"""Rules that several models share, each written once (issue 16), worked by hand: the validity
and funnel macros of sql/macros/metrics.sql, the headline as a group of int_group_metrics, the
one staircase sum behind the business case and its sensitivity table, the trend's length, and
contract terms that stay exact decimals until they leave.

The extract: offer O1 of provider PR1 at 1,000 kr. per participant; P1, P2, P3 from 1 to 30
April 2026 (30 days, 5 started weeks; 10 benefit weeks before, so benefit week n = 15 at the
offer's end), dagpenge; C1 and C2 leave for a job on 15 May. Contract K1 of PR1, target 0.35.
"""

import duckdb
import pytest

from evaluator.models import load_macros
from evaluator.settings import BusinessCase, Settings
from fixtures.builders import ExtractBuilder
from tests.conftest import by_key, rows, run_extract

Z95 = 1.959963984540054
Z998 = 3.090232306167813


@pytest.fixture(scope="module")
def con() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    load_macros(connection)
    return connection


def three_participations() -> ExtractBuilder:
    extract = ExtractBuilder()
    extract.offer("O1")
    for number in (1, 2, 3):
        extract.participation(f"P{number}", citizen=f"C{number}")
    extract.exit("C1", "2026-05-15")
    extract.exit("C2", "2026-05-15")
    extract.contract("K1", provider="PR1", target_effect_rate=0.35)
    return extract


@pytest.fixture(scope="module")
def evaluation(tmp_path_factory):
    """Weeks saved 30, a payment of 1,000 kr. a week, the default staircase (net shares 0.2 in
    weeks 1–4, 0.6 in 5–26, 0.7 in 27–52, 0.8 from 53)."""
    settings = Settings(
        business_case=BusinessCase(weeks_saved=30, weekly_benefit_dkk={"dagpenge": 1000})
    )
    return run_extract(three_participations(), tmp_path_factory.mktemp("shared"), settings=settings)


def test_a_validity_includes_both_ends_and_an_empty_valid_to_never_ends(con):
    checks = con.execute(
        """
        select
            is_valid_on(date '2026-03-31', date '2026-01-01', date '2026-03-31'),
            is_valid_on(date '2026-01-01', date '2026-01-01', date '2026-03-31'),
            is_valid_on(date '2026-04-01', date '2026-01-01', date '2026-03-31'),
            is_valid_on(date '2099-12-31', date '2026-01-01', null),
            is_valid_on(date '2025-12-31', date '2026-01-01', null)
        """
    ).fetchall()[0]
    assert checks == (True, True, False, True, False)


def test_two_validities_overlap_when_they_share_one_day(con):
    checks = con.execute(
        """
        select
            validities_overlap(date '2026-01-01', date '2026-03-31', date '2026-03-31', null),
            validities_overlap(date '2026-01-01', date '2026-03-31', date '2026-04-01', null),
            validities_overlap(date '2026-01-01', null, date '2020-01-01', date '2026-01-01'),
            validities_overlap(date '2026-01-02', null, date '2020-01-01', date '2026-01-01'),
            validities_overlap(date '2026-01-01', null, date '2030-01-01', null)
        """
    ).fetchall()[0]
    assert checks == (True, False, True, False, True)


def test_funnel_limits_are_p_plus_z_times_the_standard_error(con):
    """p = 0.25 at n = 12: sqrt(0.25 · 0.75 / 12) = sqrt(0.015625) = 0.125 exactly."""
    upper_95, lower_998, at_zero = con.execute(
        "select funnel_limit(0.25, 12, z_95()), funnel_limit(0.25, 12, -z_998()),"
        " funnel_limit(0.0, 12, z_998())"
    ).fetchall()[0]
    assert upper_95 == pytest.approx(0.25 + 0.125 * Z95, rel=1e-15)
    assert lower_998 == pytest.approx(0.25 - 0.125 * Z998, rel=1e-15)
    assert at_zero == 0


def test_the_headline_is_the_quarter_as_a_group(evaluation):
    """3 participants, 2 job exits: rate 2/3, 3,000 kr. / 2 effects = 1,500 kr."""
    [overview] = rows(evaluation, "quarter_overview")
    assert overview["participants"] == 3
    assert (overview["job_exits"], overview["education_exits"], overview["effects"]) == (2, 0, 2)
    assert overview["effect_rate"] == pytest.approx(2 / 3, rel=1e-15)
    assert overview["total_cost_dkk"] == 3000
    assert overview["effect_price_dkk"] == 1500
    assert overview["is_suppressed"] is True


def test_a_quarter_without_cohort_has_a_headline_of_zeros(tmp_path):
    evaluation = run_extract(three_participations(), tmp_path, quarter="2026Q3")
    [overview] = rows(evaluation, "quarter_overview")
    assert overview["quarter"] == "2026Q3"
    counts = ("participants", "job_exits", "education_exits", "effects", "total_cost_dkk")
    assert [overview[name] for name in counts] == [0, 0, 0, 0, 0]
    assert (overview["effect_rate"], overview["effect_price_dkk"]) == (None, None)
    assert overview["is_suppressed"] is True


def test_the_preliminary_flag_of_python_is_that_of_the_marts(tmp_path):
    """2026Q2 ends on 30 June; with the 91-day window its follow-up is complete on 29 September."""
    for as_of, preliminary in (("2026-09-28", True), ("2026-09-29", False)):
        evaluation = run_extract(three_participations(), tmp_path / as_of, as_of=as_of)
        assert evaluation.is_preliminary is preliminary
        for mart in ("quarter_overview", "provider_metrics", "contract_flags"):
            assert {row["is_preliminary"] for row in rows(evaluation, mart)} == {preliminary}


def test_the_sensitivity_table_and_the_groups_use_one_staircase_sum(evaluation):
    """n = 15. 13 weeks saved: 16–26 at 0.6 and 27–28 at 0.7, 6.6 + 1.4 = 8.0 net weeks;
    26: 11 × 0.6 + 15 × 0.7 = 17.1; 30 (configured): 6.6 + 19 × 0.7 = 19.9; 52: 6.6 + 26 × 0.7 +
    15 × 0.8 = 36.8. Two effects at 1,000 kr. a week."""
    sensitivity = by_key(evaluation, "business_case_sensitivity", "weeks_saved")
    avoided = {weeks: row["avoided_benefit_cost_dkk"] for weeks, row in sensitivity.items()}
    assert avoided == {13: 16_000, 26: 34_200, 30: 39_800, 52: 73_600}
    assert [weeks for weeks, row in sensitivity.items() if row["is_configured"]] == [30]
    [provider] = rows(evaluation, "provider_metrics")
    assert provider["avoided_benefit_cost_dkk"] == avoided[30]


def test_the_trend_covers_the_quarters_the_models_compute(evaluation):
    """Eight quarters ending with 2026Q2: 2024Q3 … 2026Q2, from int_cohort_window's start."""
    [window] = rows(evaluation, "int_cohort_window")
    assert str(window["trend_start_date"]) == "2024-07-01"
    trend = [row for row in rows(evaluation, "group_quarter_trend") if row["group_id"] == "O1"]
    assert [row["quarter_offset"] for row in trend] == list(range(-7, 1))
    assert (trend[0]["quarter"], trend[-1]["quarter"]) == ("2024Q3", "2026Q2")


def test_contract_terms_stay_exact_decimals_until_contract_flags(evaluation):
    [staged] = evaluation.con.execute(
        "select typeof(target_effect_rate), typeof(max_effect_price_dkk) from stg_contracts"
    ).fetchall()
    assert staged == ("DECIMAL(38,10)", "DECIMAL(38,10)")
    [flags] = rows(evaluation, "contract_flags")
    assert flags["target_effect_rate"] == 0.35
    assert isinstance(flags["target_effect_rate"], float)
    assert flags["max_effect_price_dkk"] is None
