"""The business case of SPEC §2.8 worked by hand: the refusion staircase, the avoidable cost of a
participation, the four group columns, and every configuration error of `[business_case]`."""

from decimal import Decimal
from pathlib import Path

import pytest

from evaluator.findings import UsageError
from evaluator.settings import BusinessCase, Settings, load_settings
from fixtures.builders import JOB
from tests.conftest import by_key, rows, run_extract

# One benefit week of dagpenge costs 1,000 kr. gross in these tests, so that an avoidable cost
# in kroner reads as thousandths of net benefit weeks.
ROUND_PAYMENT = {"dagpenge": 1000}


def settings(**business_case: object) -> Settings:
    return Settings(business_case=BusinessCase(**business_case))


def avoidable_costs(evaluation) -> dict[str, Decimal]:
    costs = by_key(evaluation, "int_participation_avoidable_costs", "participation_id")
    return {key: row["avoidable_cost_dkk"] for key, row in costs.items()}


def write_config(tmp_path, text: str):
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def week_k_saved(extract, weeks: list[int]) -> None:
    """One participation `W<k>` per k: 7 days (one started week) after k − 2 benefit weeks, so
    that it ends in benefit week n = k − 1 and one saved week is week k."""
    for week in weeks:
        extract.participation(
            f"W{week}",
            citizen=f"C{week}",
            start="2026-04-01",
            end="2026-04-07",
            benefit_weeks_before=week - 2,
        )


def test_the_default_staircase_as_a_table(extract, tmp_path):
    """80 % in weeks 1–4, 40 % in 5–26, 30 % in 27–52, 20 % from week 53 (the 2016 reform)."""
    extract.participation("P1")
    evaluation = run_extract(extract, tmp_path)
    steps = sorted(
        (row["step_number"], row["first_week"], row["last_week"], row["refusion_rate"])
        for row in rows(evaluation, "int_refusion_steps")
    )
    assert steps == [
        (1, 1, 4, Decimal("0.8")),
        (2, 5, 26, Decimal("0.4")),
        (3, 27, 52, Decimal("0.3")),
        (4, 53, None, Decimal("0.2")),
    ]


def test_refusion_of_weeks_4_5_26_27_52_53_with_the_defaults(extract, tmp_path):
    """One saved week at 1,000 kr. costs 1,000 × (1 − refusion): week 4 (80 %) 200 kr.,
    weeks 5 and 26 (40 %) 600 kr., weeks 27 and 52 (30 %) 700 kr., week 53 (20 %) 800 kr."""
    week_k_saved(extract, [4, 5, 26, 27, 52, 53])
    evaluation = run_extract(
        extract, tmp_path, settings=settings(weeks_saved=1, weekly_benefit_dkk=ROUND_PAYMENT)
    )
    assert avoidable_costs(evaluation) == {
        "W4": 200,
        "W5": 600,
        "W26": 600,
        "W27": 700,
        "W52": 700,
        "W53": 800,
    }


def test_refusion_of_weeks_with_a_custom_staircase_from_the_settings_file(extract, tmp_path):
    """Steps ending at weeks 5, 26 and 53 with rates 90/60/35/0 %: week 4 and 5 (90 %) 100 kr.,
    week 26 (60 %) 400 kr., weeks 27, 52 and 53 (35 %) 650 kr., week 54 (0 %) 1,000 kr."""
    config = write_config(
        tmp_path,
        "[business_case]\nweeks_saved = 1\nrefusion_until_week = [5, 26, 53]\n"
        "refusion_rates = [0.9, 0.6, 0.35, 0.0]\n"
        "[business_case.weekly_benefit_dkk]\ndagpenge = 1000\n",
    )
    week_k_saved(extract, [4, 5, 26, 27, 52, 53, 54])
    evaluation = run_extract(extract, tmp_path / "data", settings=load_settings(config))
    assert avoidable_costs(evaluation) == {
        "W4": 100,
        "W5": 100,
        "W26": 400,
        "W27": 650,
        "W52": 650,
        "W53": 650,
        "W54": 1000,
    }


def test_an_avoidable_cost_that_spans_three_steps(extract, tmp_path):
    """Kontanthjælp at 3,000 kr., 2 weeks before and a 7-day offer: n = 3, and the 26 saved
    weeks 4–29 are week 4 at 20 % net, weeks 5–26 (22) at 60 % and weeks 27–29 (3) at 70 %:
    3,000 × (0.2 + 13.2 + 2.1) = 46,500 kr.
    The Metode sheet's example: 30 weeks before and a 14-day course, n = 32; weeks 33–52 (20)
    at 70 % and 53–58 (6) at 80 %: 3,000 × (14 + 4.8) = 56,400 kr."""
    kontanthjaelp = {"benefit_group": "kontanthjaelp", "start": "2026-04-01"}
    extract.participation(
        "P1", citizen="C1", end="2026-04-07", benefit_weeks_before=2, **kontanthjaelp
    )
    extract.participation(
        "P2", citizen="C2", end="2026-04-14", benefit_weeks_before=30, **kontanthjaelp
    )
    evaluation = run_extract(extract, tmp_path)
    assert avoidable_costs(evaluation) == {"P1": 46500, "P2": 56400}
    weeks = by_key(evaluation, "int_participation_avoidable_costs", "participation_id")
    assert (weeks["P1"]["benefit_week_at_end"], weeks["P2"]["benefit_week_at_end"]) == (3, 32)


def test_weeks_saved_0_avoids_nothing(extract, tmp_path):
    """No week saved: every avoidable cost is 0, so are the group's four columns (payback 0 of
    1,000 kr.)."""
    extract.participation("P1", citizen="C1").exit("C1", "2026-05-01", JOB)
    evaluation = run_extract(extract, tmp_path, settings=settings(weeks_saved=0))
    assert avoidable_costs(evaluation) == {"P1": 0}
    row = by_key(evaluation, "provider_offer_metrics", "offer_id")["O1"]
    assert row["avoided_benefit_cost_dkk"] == 0.0
    assert row["expected_avoided_benefit_cost_dkk"] == 0.0
    assert row["extra_avoided_benefit_cost_dkk"] == 0.0
    assert row["payback_ratio"] == 0.0


def test_the_started_weeks_of_a_per_week_offer_move_the_staircase(extract, tmp_path):
    """A per-week offer at 700 kr.: 9 days are 2 started weeks, billed 1,400 kr., and the citizen
    is on benefits in both. With 2 weeks before, n = 2 + 2 = 4 and the 26 saved weeks are 5–30:
    22 at 60 % net and 4 at 70 %, 1,000 × (13.2 + 2.8) = 16,000 kr. (Counting the one full week
    instead, n = 3, would give weeks 4–29 and 15,500 kr.)"""
    extract.offer("W", price_model="per_week", unit_price=700)
    extract.participation(
        "P1", offer="W", start="2026-04-01", end="2026-04-09", benefit_weeks_before=2
    )
    extract.exit("C1", "2026-05-01", JOB)
    evaluation = run_extract(extract, tmp_path, settings=settings(weekly_benefit_dkk=ROUND_PAYMENT))
    assert avoidable_costs(evaluation) == {"P1": 16000}
    row = by_key(evaluation, "provider_offer_metrics", "offer_id")["W"]
    assert row["total_cost_dkk"] == 1400.0
    assert row["avoided_benefit_cost_dkk"] == 16000.0
    assert row["payback_ratio"] == pytest.approx(16000 / 1400, rel=1e-15)


def build_two_strata(extract) -> None:
    """Cohort 2026Q2 in two strata, each participation 7 days (one started week), 1 week saved:
    A = dagpenge × match 1 × 30-49 at 1,000 kr. a week, 2 weeks before: n = 3, the saved week 4
        at 20 % net, avoidable 200 kr.; O1 2 of 2 effects, O2 1 of 2 → rate 3/4;
    B = kontanthjælp × match 3 × <30 at 2,000 kr. a week, 60 weeks before: n = 61, week 62 at
        80 % net, avoidable 1,600 kr.; O1 0 of 2, O2 1 of 4 → rate 1/6.
    O1 (PR1) and O2 (PR2) cost 1,000 kr. per participant."""
    extract.offer("O2", provider="PR2")
    strata = {
        "A": {"benefit_group": "dagpenge", "match_group": 1, "age": 35, "benefit_weeks_before": 2},
        "B": {
            "benefit_group": "kontanthjaelp",
            "match_group": 3,
            "age": 25,
            "benefit_weeks_before": 60,
        },
    }
    for offer, stratum, size, effects in (
        ("O1", "A", 2, 2),
        ("O1", "B", 2, 0),
        ("O2", "A", 2, 1),
        ("O2", "B", 4, 1),
    ):
        for number in range(size):
            citizen = f"{offer}{stratum}{number}"
            extract.participation(
                f"P-{citizen}", citizen=citizen, offer=offer, end="2026-04-07", **strata[stratum]
            )
            if number < effects:
                extract.exit(citizen, "2026-05-15", JOB)


TWO_STRATA_SETTINGS = settings(
    weeks_saved=1, weekly_benefit_dkk={"dagpenge": 1000, "kontanthjaelp": 2000}
)


def test_expected_and_extra_avoided_cost_of_a_two_stratum_group(extract, tmp_path):
    """O1: avoided = 2 effects × 200 = 400 kr.; expected = 2 × 3/4 × 200 + 2 × 1/6 × 1,600
    = 300 + 533.33 = 833.33 kr.; extra = 400 − 833.33 = −433.33 kr. (its effects came from the
    cheap stratum); payback = 400 / 4,000 = 0.1.
    O2: avoided = 200 + 1,600 = 1,800 kr.; expected = 2 × 3/4 × 200 + 4 × 1/6 × 1,600
    = 300 + 1,066.67 = 1,366.67 kr.; extra = +433.33 kr.; payback = 1,800 / 6,000 = 0.3.
    The extras of a whole cohort add up to 0: an average offer avoids what is expected."""
    build_two_strata(extract)
    evaluation = run_extract(extract, tmp_path, settings=TWO_STRATA_SETTINGS)
    offers = by_key(evaluation, "provider_offer_metrics", "offer_id")
    o1, o2 = offers["O1"], offers["O2"]
    assert o1["avoided_benefit_cost_dkk"] == 400.0
    assert o1["expected_avoided_benefit_cost_dkk"] == pytest.approx(2500 / 3, rel=1e-14)
    assert o1["extra_avoided_benefit_cost_dkk"] == pytest.approx(-1300 / 3, rel=1e-14)
    assert o1["payback_ratio"] == pytest.approx(0.1, rel=1e-15)
    assert o2["avoided_benefit_cost_dkk"] == 1800.0
    assert o2["expected_avoided_benefit_cost_dkk"] == pytest.approx(4100 / 3, rel=1e-14)
    assert o2["extra_avoided_benefit_cost_dkk"] == pytest.approx(1300 / 3, rel=1e-14)
    assert o2["payback_ratio"] == pytest.approx(0.3, rel=1e-15)
    extras = o1["extra_avoided_benefit_cost_dkk"] + o2["extra_avoided_benefit_cost_dkk"]
    assert extras == pytest.approx(0, abs=1e-9)


def test_provider_rows_carry_the_business_case_of_all_their_offers(extract, tmp_path):
    """PR1 also runs O3: one stratum-A participation with an effect, 200 kr. avoided (O3 changes
    A's rate to 4/5: 4 of 5 effects). So PR1, O1 and O3 at 1,000 kr. per participant:
    avoided = 400 + 200 = 600 kr.; expected = 3 × 4/5 × 200 + 2 × 1/6 × 1,600 = 480 + 533.33
    = 1,013.33 kr.; extra = −413.33 kr.; payback = 600 / 5,000 = 0.12."""
    build_two_strata(extract)
    extract.offer("O3", provider="PR1")
    extract.participation(
        "P-O3", citizen="O3", offer="O3", end="2026-04-07", benefit_weeks_before=2
    ).exit("O3", "2026-05-15", JOB)
    evaluation = run_extract(extract, tmp_path, settings=TWO_STRATA_SETTINGS)
    provider = by_key(evaluation, "provider_metrics", "provider_id")["PR1"]
    assert provider["avoided_benefit_cost_dkk"] == 600.0
    assert provider["expected_avoided_benefit_cost_dkk"] == pytest.approx(3040 / 3, rel=1e-14)
    assert provider["extra_avoided_benefit_cost_dkk"] == pytest.approx(-1240 / 3, rel=1e-14)
    assert provider["payback_ratio"] == pytest.approx(0.12, rel=1e-15)


def test_payback_ratio_is_empty_when_the_offer_cost_nothing(extract, tmp_path):
    """A free offer's effect after 10 weeks before and a 7-day offer (n = 11) still avoids the
    weeks 12–37: 15 at 60 % net and 11 at 70 %, 1,000 × (9 + 7.7) = 16,700 kr.; payback_ratio
    is empty (no cost to pay back), the avoided cost is not."""
    extract.offer("FREE", unit_price=0)
    extract.participation("P1", offer="FREE", end="2026-04-07").exit("C1", "2026-05-01", JOB)
    evaluation = run_extract(extract, tmp_path, settings=settings(weekly_benefit_dkk=ROUND_PAYMENT))
    row = by_key(evaluation, "provider_offer_metrics", "offer_id")["FREE"]
    assert row["total_cost_dkk"] == 0.0
    assert row["avoided_benefit_cost_dkk"] == 16700.0
    assert row["payback_ratio"] is None
    provider = by_key(evaluation, "provider_metrics", "provider_id")["PR1"]
    assert provider["payback_ratio"] is None


def test_business_case_defaults_without_a_file():
    """SPEC §2.8's defaults: 26 weeks saved, 80/40/30/20 % after weeks 4, 26, 52, and the
    illustrative weekly payments."""
    business_case = load_settings(None).business_case
    assert (business_case.weeks_saved, business_case.refusion_until_week) == (26, (4, 26, 52))
    assert business_case.refusion_rates == (0.8, 0.4, 0.3, 0.2)
    assert business_case.weekly_payments_dkk() == {
        "dagpenge": 5086,
        "sygedagpenge": 4900,
        "kontanthjaelp": 3000,
        "uddannelseshjaelp": 1600,
        "jobafklaring": 3000,
        "ressourceforloeb": 3000,
        "ledighedsydelse": 4500,
        "integrationsydelse": 1600,
        "revalidering": 5086,
    }


def test_a_group_left_out_of_the_file_keeps_its_default(tmp_path):
    config = write_config(tmp_path, "[business_case.weekly_benefit_dkk]\nkontanthjaelp = 2750.5\n")
    payments = load_settings(config).business_case.weekly_payments_dkk()
    assert (payments["kontanthjaelp"], payments["dagpenge"]) == (2750.5, 5086)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[business_case.weekly_benefit_dkk]\nkontanthjalp = 3000\n",
            "business_case.weekly_benefit_dkk.kontanthjalp: unknown benefit group; the groups "
            "are dagpenge, kontanthjaelp,",
        ),
        (
            "[business_case.weekly_benefit_dkk]\ndagpenge = -1\n",
            "business_case.weekly_benefit_dkk.dagpenge must be an amount in kroner from 0 to "
            "1,000,000, not -1",
        ),
        (
            "[business_case]\nrefusion_rates = [0.8, 0.4, 1.3, 0.2]\n",
            "business_case.refusion_rates must lie between 0 and 1, not 1.3",
        ),
        (
            "[business_case]\nrefusion_rates = [0.8, 0.4, 0.3, -0.2]\n",
            "business_case.refusion_rates must lie between 0 and 1, not -0.2",
        ),
        (
            "[business_case]\nrefusion_until_week = [4, 52, 26]\n",
            "business_case.refusion_until_week must increase from step to step, not [4, 52, 26]",
        ),
        (
            "[business_case]\nrefusion_until_week = [4, 4, 52]\n",
            "business_case.refusion_until_week must increase from step to step, not [4, 4, 52]",
        ),
        (
            "[business_case]\nrefusion_rates = [0.8, 0.4, 0.3]\n",
            "business_case.refusion_rates must have one rate more than "
            "business_case.refusion_until_week has steps (4), not 3",
        ),
        (
            "[business_case]\nrefusion_until_week = [4, 26]\n",
            "business_case.refusion_rates must have one rate more than "
            "business_case.refusion_until_week has steps (3), not 4",
        ),
        (
            "[business_case]\nrefusion_until_week = [0, 26, 52]\n",
            "business_case.refusion_until_week must be a list of whole numbers from 1 to 5200, "
            "not [0, 26, 52]",
        ),
        (
            "[business_case.weekly_benefit_dkk]\ndagpenge = 264472\nsygedagpenge = 1e12\n",
            "business_case.weekly_benefit_dkk.sygedagpenge must be an amount in kroner from 0 "
            "to 1,000,000, not 1000000000000.0",
        ),
        (
            "[business_case]\nweeks_saved = 5201\n",
            "business_case.weeks_saved must be a whole number from 0 to 5200, not 5201",
        ),
        (
            "[business_case]\nrefusion_rates = [0.8, 0.4, 0.3, 'high']\n",
            "business_case.refusion_rates must be a list of numbers, not [0.8, 0.4, 0.3, 'high']",
        ),
        (
            "[business_case]\nweeks_saved = -1\n",
            "business_case.weeks_saved must be a whole number from 0 to 5200, not -1",
        ),
        (
            "[business_case]\nweeks_saved = 26.5\n",
            "business_case.weeks_saved must be a whole number from 0 to 5200, not 26.5",
        ),
        ("[business_case]\nweek_saved = 26\n", "unknown setting(s): business_case.week_saved"),
        ("business_case = 26\n", "business_case must be a table, not 26"),
    ],
)
def test_configuration_errors_name_the_key(tmp_path, text, message):
    with pytest.raises(UsageError) as error:
        load_settings(write_config(tmp_path, text))
    assert message in str(error.value)


def test_the_quarters_total_with_13_26_and_52_weeks_saved(extract, tmp_path):
    """One effect of dagpenge at 1,000 kr. a week with n = 3 (2 weeks before, 7 days), and one
    participation without effect, which saves nothing:
    13 weeks (4–16): 0.2 + 12 × 0.6 = 7.4 → 7,400 kr.;
    26 weeks (4–29): 0.2 + 22 × 0.6 + 3 × 0.7 = 15.5 → 15,500 kr. (the setting);
    52 weeks (4–55): 0.2 + 22 × 0.6 + 26 × 0.7 + 3 × 0.8 = 34 → 34,000 kr."""
    extract.participation("P1", citizen="C1", end="2026-04-07", benefit_weeks_before=2)
    extract.exit("C1", "2026-05-01", JOB)
    extract.participation("P2", citizen="C2", end="2026-04-07", benefit_weeks_before=2)
    evaluation = run_extract(
        extract,
        tmp_path,
        settings=Settings(
            suppress_below=1, business_case=BusinessCase(weekly_benefit_dkk=ROUND_PAYMENT)
        ),
    )
    scenarios = {
        row["weeks_saved"]: (row["avoided_benefit_cost_dkk"], row["is_configured"])
        for row in rows(evaluation, "business_case_sensitivity")
    }
    assert scenarios == {13: (7400.0, False), 26: (15500.0, True), 52: (34000.0, False)}
    assert not any(row["is_suppressed"] for row in rows(evaluation, "business_case_sensitivity"))


def test_a_configured_weeks_saved_is_a_fourth_scenario(extract, tmp_path):
    """weeks_saved = 1 with the effect of the test above: week 4 alone, 0.2 → 200 kr."""
    extract.participation("P1", citizen="C1", end="2026-04-07", benefit_weeks_before=2)
    extract.exit("C1", "2026-05-01", JOB)
    evaluation = run_extract(
        extract, tmp_path, settings=settings(weeks_saved=1, weekly_benefit_dkk=ROUND_PAYMENT)
    )
    scenarios = {row["weeks_saved"]: row for row in rows(evaluation, "business_case_sensitivity")}
    assert sorted(scenarios) == [1, 13, 26, 52]
    assert scenarios[1]["avoided_benefit_cost_dkk"] == 200.0
    assert scenarios[1]["is_configured"] and not scenarios[26]["is_configured"]
    assert scenarios[1]["is_suppressed"]  # one participant, fewer than 5


def test_the_worked_example_follows_the_settings(extract, tmp_path):
    """The Metode sheet's kontanthjælp recipient (30 weeks before, a 2-week course, n = 32).
    Defaults: weeks 33–52 at 70 % net, 3,000 × 20 × 0.7 = 42,000 kr., and 53–58 at 80 %,
    3,000 × 6 × 0.8 = 14,400 kr.; 56,400 kr. in all. With 10 weeks saved, kontanthjælp at
    2,000 kr. and steps after weeks 4 and 40 at 80/50/25 %: weeks 33–40 at 50 % net,
    2,000 × 8 × 0.5 = 8,000 kr., and 41–42 at 75 %, 2,000 × 2 × 0.75 = 3,000 kr.; 11,000 kr."""
    extract.participation("P1")
    default = rows(run_extract(extract, tmp_path / "default"), "business_case_example")
    assert [
        (row["step_first_saved_week"], row["step_last_saved_week"], row["avoided_cost_dkk"])
        for row in sorted(default, key=lambda row: row["step_number"])
    ] == [(33, 52, 42000.0), (53, 58, 14400.0)]
    assert {row["total_avoided_cost_dkk"] for row in default} == {56400.0}
    custom = settings(
        weeks_saved=10,
        refusion_until_week=(4, 40),
        refusion_rates=(0.8, 0.5, 0.25),
        weekly_benefit_dkk={"kontanthjaelp": 2000},
    )
    example = rows(
        run_extract(extract, tmp_path / "custom", settings=custom), "business_case_example"
    )
    assert sorted(
        (row["step_first_saved_week"], row["step_last_saved_week"], row["avoided_cost_dkk"])
        for row in example
    ) == [(33, 40, 8000.0), (41, 42, 3000.0)]
    assert {row["total_avoided_cost_dkk"] for row in example} == {11000.0}


def test_the_documented_business_case_is_the_default(tmp_path):
    """docs/settings.md shows `[business_case]` with its defaults; read as a settings file, it
    gives the settings of a run without one (so the page cannot drift from the code)."""
    page = (Path(__file__).resolve().parent.parent / "docs" / "settings.md").read_text("utf-8")
    block = next(
        part.split("```", 1)[0]
        for part in page.split("```toml\n")[1:]
        if part.startswith("[business_case]")
    )
    documented = load_settings(write_config(tmp_path, block)).business_case
    assert documented.as_dict() == BusinessCase().as_dict()
    assert documented.weekly_benefit_dkk == BusinessCase().weekly_payments_dkk()
