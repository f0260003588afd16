"""The rules of checks/outputs.toml on our own marts: a demo run passes every one of them, each
one fails on a mart broken to break it (an internal error, exit status 2 as every internal error,
naming the mart, the rule and the expectation), and a run whose mart breaks one writes
nothing."""

import pytest
from typer.testing import CliRunner

import evaluator.pipeline
from evaluator.cli import app
from evaluator.findings import InternalError
from evaluator.models import BackgroundModels
from evaluator.output_checks import check_outputs, load_output_rules
from evaluator.pipeline import evaluate
from evaluator.resources import DEMO_DATA_DIR, RULES_DIR
from evaluator.settings import Settings

RULES = {(rule.mart, rule.rule): rule for rule in load_output_rules().rules}


def duplicate(mart: str) -> str:
    return f"insert into {mart} select * from {mart} limit 1"


# (mart, rule) → the statement that breaks it on the demo's marts.
BREAKS = {
    ("provider_offer_metrics", "grain"): duplicate("provider_offer_metrics"),
    ("provider_offer_metrics", "effects_within_participants"): (
        "update provider_offer_metrics set effects = participants + 1"
    ),
    ("provider_offer_metrics", "effect_rate_range"): (
        "update provider_offer_metrics set effect_rate = 1.5"
    ),
    ("provider_offer_metrics", "ci_low_range"): (
        "update provider_offer_metrics set effect_rate_ci_low = -0.1"
    ),
    ("provider_offer_metrics", "ci_high_range"): (
        "update provider_offer_metrics set effect_rate_ci_high = 1.1"
    ),
    ("provider_offer_metrics", "ci_low_below_rate"): (
        "update provider_offer_metrics set effect_rate_ci_low = effect_rate + 0.01"
    ),
    ("provider_offer_metrics", "rate_below_ci_high"): (
        "update provider_offer_metrics set effect_rate_ci_high = effect_rate - 0.01"
    ),
    ("provider_offer_metrics", "cost_not_negative"): (
        "update provider_offer_metrics set total_cost_dkk = -1"
    ),
    ("provider_offer_metrics", "oe_ratio_not_negative"): (
        "update provider_offer_metrics set oe_ratio = -0.5"
    ),
    ("provider_offer_metrics", "shrunk_oe_ratio_not_negative"): (
        "update provider_offer_metrics set shrunk_oe_ratio = -0.5"
    ),
    ("provider_offer_metrics", "rank_in_type_range"): (
        "update provider_offer_metrics set rank_in_type = 0"
    ),
    ("provider_offer_metrics", "satisfied_share_range"): (
        "update provider_offer_metrics set satisfied_share = 1.5"
    ),
    ("provider_offer_metrics", "prob_best_range"): (
        "update provider_offer_metrics set prob_best = 1.5"
    ),
    ("provider_offer_metrics", "prob_best_sums_to_1"): (
        "update provider_offer_metrics set prob_best = prob_best / 2"
    ),
    ("provider_offer_metrics", "payback_ratio_not_negative"): (
        "update provider_offer_metrics set payback_ratio = -1"
    ),
    ("provider_metrics", "grain"): duplicate("provider_metrics"),
    ("provider_metrics", "effects_within_participants"): (
        "update provider_metrics set effects = participants + 1"
    ),
    ("provider_metrics", "effect_rate_range"): "update provider_metrics set effect_rate = 1.5",
    ("provider_metrics", "ci_low_below_rate"): (
        "update provider_metrics set effect_rate_ci_low = effect_rate + 0.01"
    ),
    ("provider_metrics", "rate_below_ci_high"): (
        "update provider_metrics set effect_rate_ci_high = effect_rate - 0.01"
    ),
    ("provider_metrics", "oe_ratio_not_negative"): "update provider_metrics set oe_ratio = -0.5",
    ("contract_flags", "grain"): duplicate("contract_flags"),
    ("contract_flags", "effect_rate_range"): "update contract_flags set effect_rate = 1.5",
    ("contract_flags", "status_values"): "update contract_flags set status = 'no_contract'",
    ("contract_flags", "recommendation_values"): (
        "update contract_flags set recommendation = 'terminate'"
    ),
    ("contract_flags", "consecutive_missed_range"): (
        "update contract_flags set consecutive_missed = -1"
    ),
    ("provider_breakdown", "grain"): duplicate("provider_breakdown"),
    ("provider_breakdown", "dimension_values"): (
        "update provider_breakdown set dimension = 'jobcenter'"
    ),
    ("provider_breakdown", "share_range"): "update provider_breakdown set share = 1.5",
    ("provider_breakdown", "shares_sum_to_1"): "update provider_breakdown set share = share / 2",
    ("provider_breakdown", "cohort_share_range"): (
        "update provider_breakdown set cohort_share = 1.5"
    ),
    ("provider_breakdown", "effect_rate_range"): "update provider_breakdown set effect_rate = 1.5",
    ("provider_breakdown", "oe_ratio_not_negative"): (
        "update provider_breakdown set oe_ratio = -0.5"
    ),
    ("jobcenter_metrics", "grain"): duplicate("jobcenter_metrics"),
    ("jobcenter_metrics", "effect_rate_range"): "update jobcenter_metrics set effect_rate = 1.5",
    ("jobcenter_metrics", "ci_low_below_rate"): (
        "update jobcenter_metrics set effect_rate_ci_low = effect_rate + 0.01"
    ),
    ("jobcenter_metrics", "rate_below_ci_high"): (
        "update jobcenter_metrics set effect_rate_ci_high = effect_rate - 0.01"
    ),
    ("jobcenter_metrics", "oe_ratio_not_negative"): "update jobcenter_metrics set oe_ratio = -0.5",
    ("jobcenter_metrics", "rank_range"): "update jobcenter_metrics set rank = 0",
    ("quarter_overview", "one_row"): duplicate("quarter_overview"),
    ("quarter_overview", "effect_rate_range"): "update quarter_overview set effect_rate = 1.5",
    ("offer_scorecard", "grain"): duplicate("offer_scorecard"),
    ("offer_type_certainty", "grain"): duplicate("offer_type_certainty"),
    ("offer_type_certainty", "top_prob_best_range"): (
        "update offer_type_certainty set top_prob_best = 1.5"
    ),
    ("group_quarter_trend", "grain"): duplicate("group_quarter_trend"),
    ("group_quarter_trend", "effect_rate_range"): (
        "update group_quarter_trend set effect_rate = 1.5"
    ),
}


@pytest.fixture(scope="module")
def demo():
    """The demo's evaluation, whose marts each test breaks inside a transaction it rolls back."""
    return evaluate(DEMO_DATA_DIR, None, Settings(), data_docs=False)


def test_a_demo_run_passes_every_output_check(demo):
    check_outputs(demo.con)


def test_every_output_rule_has_a_test_that_breaks_it():
    assert set(BREAKS) == set(RULES)


@pytest.mark.parametrize("key", list(BREAKS), ids=lambda key: ".".join(key))
def test_a_broken_mart_fails_its_rule_with_an_internal_error(demo, key):
    mart, rule = key
    demo.con.begin()
    try:
        demo.con.execute(BREAKS[key])
        with pytest.raises(InternalError) as raised:
            check_outputs(demo.con)
    finally:
        demo.con.rollback()
    message = str(raised.value)
    assert raised.value.exit_code == 2
    assert message.startswith(
        "internal error of the evaluator in the checks of its results (checks/outputs.toml): "
    )
    assert message.endswith(
        "; the extract is not at fault and nothing was written (please report this with the "
        "message)"
    )
    assert f"mart {mart}, rule {rule}: {RULES[key].expectation}(" in message


def test_the_message_says_how_many_rows_failed(demo):
    demo.con.begin()
    try:
        demo.con.execute("update contract_flags set consecutive_missed = -1")
        with pytest.raises(InternalError) as raised:
            check_outputs(demo.con)
        rows = demo.con.execute("select count(*) from contract_flags").fetchone()[0]
    finally:
        demo.con.rollback()
    assert str(raised.value) == (
        "internal error of the evaluator in the checks of its results (checks/outputs.toml): "
        "mart contract_flags, rule consecutive_missed_range: expect_column_values_to_be_between("
        f"column='consecutive_missed', min_value=0) failed on {rows} of {rows} rows; the extract "
        "is not at fault and nothing was written (please report this with the message)"
    )


def breaking_models(monkeypatch, statement: str) -> None:
    """Make a run's models (computed beside the checks) break a mart after building them."""
    original = BackgroundModels.run

    def broken(self, models):
        original(self, models)
        self.con.execute(statement)

    monkeypatch.setattr(BackgroundModels, "run", broken)


def breaking_reruns(monkeypatch, statement: str) -> None:
    """Make the models of each jobcenter's report break a mart after building them."""
    original = evaluator.pipeline.rerun_models_reading

    def broken(con, *args, **kwargs):
        original(con, *args, **kwargs)
        con.execute(statement)

    monkeypatch.setattr(evaluator.pipeline, "rerun_models_reading", broken)


@pytest.fixture
def earlier_report(tmp_path):
    out = tmp_path / "report"
    out.mkdir()
    (out / "provider_metrics.csv").write_text("the earlier report\n", encoding="utf-8")
    return out


def assert_untouched(out) -> None:
    assert [path.name for path in out.iterdir()] == ["provider_metrics.csv"]
    assert (out / "provider_metrics.csv").read_text(encoding="utf-8") == "the earlier report\n"


def run_demo(out, *options: str):
    command = ["run", "--data", str(DEMO_DATA_DIR), "--quarter", "2026Q2", "--out", str(out)]
    return CliRunner().invoke(app, [*command, *options], terminal_width=200)


def test_a_run_whose_mart_breaks_a_rule_exits_2_and_writes_nothing(monkeypatch, earlier_report):
    breaking_models(monkeypatch, "update provider_breakdown set share = 1.5")
    result = run_demo(earlier_report)
    assert result.exit_code == 2
    assert "internal error of the evaluator" in result.output
    assert (
        "mart provider_breakdown, rule share_range: expect_column_values_to_be_between("
        in result.output
    )
    assert "Traceback" not in result.output
    assert_untouched(earlier_report)


def test_each_jobcenter_report_is_checked_before_any_is_written(monkeypatch, earlier_report):
    breaking_reruns(monkeypatch, "update jobcenter_metrics set rank = 0")
    result = run_demo(earlier_report, "--each-jobcenter")
    assert result.exit_code == 2
    assert "mart jobcenter_metrics, rule rank_range" in result.output
    assert_untouched(earlier_report)


def test_every_output_rule_is_in_the_checks_readme():
    readme = (RULES_DIR / "README.md").read_text(encoding="utf-8")
    table = readme.split("## On our own outputs")[1]
    rows = [line.split(" | ") for line in table.splitlines() if line.startswith("| ")]
    listed = {
        (mart.strip("| "), name.strip("`"))
        for marts, names, _ in rows
        for mart in marts.split(", ")
        for name in names.split(", ")
    }
    assert set(RULES) <= listed
