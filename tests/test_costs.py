"""Price rows, days and cost of SPEC §2, and the money metrics of §2.1, worked by hand."""

from fixtures.builders import JOB
from tests.conftest import by_key, run_extract


def costs(evaluation) -> dict[str, dict]:
    return by_key(evaluation, "int_participation_costs", "participation_id")


def test_per_week_bills_started_weeks_ceil_days_over_7(extract, tmp_path):
    extract.offer("W", price_model="per_week", unit_price=700)
    extract.participation("D1", offer="W", start="2026-04-01", end="2026-04-01")
    extract.participation("D7", offer="W", start="2026-04-01", end="2026-04-07")
    extract.participation("D8", offer="W", start="2026-04-01", end="2026-04-08")
    extract.participation("D14", offer="W", start="2026-04-01", end="2026-04-14")
    extract.participation("D15", offer="W", start="2026-04-01", end="2026-04-15")
    result = costs(run_extract(extract, tmp_path))
    days_weeks_cost = {
        pid: (row["duration_days"], row["billed_units"], float(row["cost_dkk"]))
        for pid, row in result.items()
    }
    assert days_weeks_cost == {
        "D1": (1, 1, 700.0),
        "D7": (7, 1, 700.0),
        "D8": (8, 2, 1400.0),
        "D14": (14, 2, 1400.0),
        "D15": (15, 3, 2100.0),
    }


def test_per_day_bills_every_calendar_day_including_both_ends(extract, tmp_path):
    extract.offer("D", price_model="per_day", unit_price=250.5)
    extract.participation("TEN_DAYS", offer="D", start="2026-04-01", end="2026-04-10")
    extract.participation("MONTH_END", offer="D", start="2026-02-27", end="2026-03-02")
    result = costs(run_extract(extract, tmp_path))  # MONTH_END is in the trend's 2026Q1
    assert float(result["TEN_DAYS"]["cost_dkk"]) == 10 * 250.5
    assert result["MONTH_END"]["duration_days"] == 4  # 27, 28 February, 1, 2 March 2026
    assert float(result["MONTH_END"]["cost_dkk"]) == 4 * 250.5


def test_per_participant_bills_the_unit_price_once_whatever_the_length(extract, tmp_path):
    extract.participation("SHORT", start="2026-04-01", end="2026-04-01")
    extract.participation("LONG", start="2025-01-01", end="2026-04-30")
    result = costs(run_extract(extract, tmp_path))
    assert float(result["SHORT"]["cost_dkk"]) == float(result["LONG"]["cost_dkk"]) == 1000.0


def test_the_price_row_is_the_one_valid_on_the_start_date(extract, tmp_path):
    extract.offer("CHG", unit_price=1000, valid_from="2020-01-01", valid_to="2026-04-14")
    extract.offer("CHG", unit_price=1200, valid_from="2026-04-15")
    extract.participation("DAY_BEFORE", offer="CHG", start="2026-04-14", end="2026-05-20")
    extract.participation("ON_CHANGE", offer="CHG", start="2026-04-15", end="2026-04-20")
    result = costs(run_extract(extract, tmp_path))
    assert float(result["DAY_BEFORE"]["cost_dkk"]) == 1000.0
    assert str(result["DAY_BEFORE"]["price_valid_from_date"]) == "2020-01-01"
    assert float(result["ON_CHANGE"]["cost_dkk"]) == 1200.0
    assert str(result["ON_CHANGE"]["price_valid_from_date"]) == "2026-04-15"


def test_money_metrics_of_a_group(extract, tmp_path):
    """Costs 700 + 1,400 + 2,100 = 4,200 kr. for 3 participants, 2 effects:
    cost per participant 1,400 kr.; effect price 4,200 / 2 = 2,100 kr."""
    extract.offer("W", price_model="per_week", unit_price=700)
    extract.participation("A", citizen="C1", offer="W", start="2026-04-01", end="2026-04-07")
    extract.participation("B", citizen="C2", offer="W", start="2026-04-01", end="2026-04-08")
    extract.participation("C", citizen="C3", offer="W", start="2026-04-01", end="2026-04-15")
    extract.exit("C1", "2026-05-01", JOB).exit("C3", "2026-05-01", JOB)
    row = by_key(run_extract(extract, tmp_path), "provider_offer_metrics", "offer_id")["W"]
    assert row["total_cost_dkk"] == 4200.0
    assert row["cost_per_participant_dkk"] == 1400.0
    assert row["effect_price_dkk"] == 2100.0


def test_effect_price_is_empty_when_there_is_no_effect(extract, tmp_path):
    extract.participation("A", citizen="C1")
    row = by_key(run_extract(extract, tmp_path), "provider_offer_metrics", "offer_id")["O1"]
    assert row["effects"] == 0
    assert row["effect_price_dkk"] is None
    assert row["total_cost_dkk"] == 1000.0
