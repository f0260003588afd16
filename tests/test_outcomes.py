"""The outcome rule of SPEC §2, worked by hand.

Every participation here runs 2026-04-01 … 2026-04-30, so its effect window is 2026-04-01 …
2026-07-30 (30 April + 91 days: +31 to 31 May, +61 to 30 June, +91 to 30 July).
"""

from fixtures.builders import EDUCATION, JOB, OTHER
from tests.conftest import by_key, run_extract


def outcomes(extract, tmp_path) -> dict[str, dict]:
    return by_key(run_extract(extract, tmp_path), "int_participation_outcomes", "participation_id")


def test_exit_on_the_window_last_day_counts_and_the_day_after_does_not(extract, tmp_path):
    extract.participation("LAST", citizen="C1").exit("C1", "2026-07-30", JOB)
    extract.participation("AFTER", citizen="C2").exit("C2", "2026-07-31", JOB)
    result = outcomes(extract, tmp_path)
    assert result["LAST"]["outcome"] == "job"
    assert str(result["LAST"]["outcome_date"]) == "2026-07-30"
    assert result["AFTER"]["outcome"] == "none"


def test_exit_before_the_start_does_not_count_and_on_the_start_date_does(extract, tmp_path):
    extract.participation("BEFORE", citizen="C1").exit("C1", "2026-03-31", JOB)
    extract.participation("ON_START", citizen="C2").exit("C2", "2026-04-01", EDUCATION)
    result = outcomes(extract, tmp_path)
    assert result["BEFORE"]["outcome"] == "none"
    assert result["ON_START"]["outcome"] == "education"


def test_job_wins_a_tie_on_the_same_day(extract, tmp_path):
    extract.participation("TIE", citizen="C1")
    extract.exit("C1", "2026-05-10", EDUCATION).exit("C1", "2026-05-10", JOB)
    assert outcomes(extract, tmp_path)["TIE"]["outcome"] == "job"


def test_the_earliest_effect_exit_decides_even_when_it_is_education(extract, tmp_path):
    extract.participation("EARLY_EDU", citizen="C1")
    extract.exit("C1", "2026-06-01", JOB).exit("C1", "2026-05-31", EDUCATION)
    result = outcomes(extract, tmp_path)
    assert result["EARLY_EDU"]["outcome"] == "education"
    assert str(result["EARLY_EDU"]["outcome_date"]) == "2026-05-31"


def test_other_exits_are_skipped_over(extract, tmp_path):
    extract.participation("OTHER_ONLY", citizen="C1").exit("C1", "2026-05-01", OTHER)
    extract.participation("OTHER_THEN_JOB", citizen="C2")
    extract.exit("C2", "2026-05-01", OTHER).exit("C2", "2026-06-01", JOB)
    result = outcomes(extract, tmp_path)
    assert result["OTHER_ONLY"]["outcome"] == "none"
    assert result["OTHER_THEN_JOB"]["outcome"] == "job"


def test_one_exit_counts_for_two_participations_of_the_same_citizen(extract, tmp_path):
    extract.participation("FIRST", citizen="C1", start="2026-04-01", end="2026-04-30")
    extract.participation("SECOND", citizen="C1", start="2026-05-01", end="2026-05-31")
    extract.exit("C1", "2026-06-15", JOB)
    evaluation = run_extract(extract, tmp_path)
    result = by_key(evaluation, "int_participation_outcomes", "participation_id")
    assert result["FIRST"]["outcome"] == result["SECOND"]["outcome"] == "job"
    offer = by_key(evaluation, "provider_offer_metrics", "offer_id")["O1"]
    assert (offer["participants"], offer["job_exits"], offer["effects"]) == (2, 2, 2)


def test_another_citizens_exit_does_not_count(extract, tmp_path):
    extract.participation("MINE", citizen="C1").exit("C2", "2026-05-01", JOB)
    assert outcomes(extract, tmp_path)["MINE"]["outcome"] == "none"


def test_ongoing_participations_have_no_outcome_and_belong_to_no_cohort(extract, tmp_path):
    extract.participation("DONE", citizen="C1")
    extract.participation("ONGOING", citizen="C2", end=None, completion=None)
    extract.exit("C2", "2026-05-01", JOB)
    evaluation = run_extract(extract, tmp_path)
    assert set(by_key(evaluation, "int_participation_outcomes", "participation_id")) == {"DONE"}
    assert by_key(evaluation, "provider_offer_metrics", "offer_id")["O1"]["participants"] == 1


def test_a_longer_window_setting_moves_the_boundary(extract, tmp_path):
    from evaluator.settings import Settings

    extract.participation("P", citizen="C1").exit("C1", "2026-07-31", JOB)
    evaluation = run_extract(extract, tmp_path, settings=Settings(window_days=92))
    result = by_key(evaluation, "int_participation_outcomes", "participation_id")
    assert result["P"]["outcome"] == "job"


def test_the_cohort_is_the_participations_that_ended_in_the_quarter(extract, tmp_path):
    extract.participation("ENDS_Q1_LAST_DAY", citizen="C1", start="2026-03-01", end="2026-03-31")
    extract.participation("ENDS_Q2_FIRST_DAY", citizen="C2", start="2026-03-01", end="2026-04-01")
    extract.participation("ENDS_Q2_LAST_DAY", citizen="C3", start="2026-06-01", end="2026-06-30")
    extract.participation("ENDS_Q3", citizen="C4", start="2026-06-01", end="2026-07-01")
    evaluation = run_extract(extract, tmp_path)
    assert by_key(evaluation, "provider_offer_metrics", "offer_id")["O1"]["participants"] == 2
