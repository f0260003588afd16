"""The four pillars of SPEC §2.3 worked by hand: satisfaction answers and progression.

Participations run 2026-04-01 … 2026-04-30; the *after* window closes 2026-07-30 (+ 91 days)."""

import pytest

from tests.conftest import by_key, run_extract


def offer_row(extract, tmp_path) -> dict:
    return by_key(run_extract(extract, tmp_path), "provider_offer_metrics", "offer_id")["O1"]


def test_satisfaction_counts_every_answer_of_the_groups_participations(extract, tmp_path):
    """Answers 5, 4 and 2 for one participation, none for the other: 3 answers, mean 11/3,
    2 of 3 satisfied (score ≥ 4)."""
    extract.participation("P1", citizen="C1").participation("P2", citizen="C2")
    extract.satisfaction("P1", "2026-05-01", 5)
    extract.satisfaction("P1", "2026-05-02", 4)
    extract.satisfaction("P1", "2026-05-03", 2)
    extract.satisfaction("OTHER", "2026-05-03", 1)
    row = offer_row(extract, tmp_path)
    assert row["satisfaction_responses"] == 3
    assert row["satisfaction_mean"] == pytest.approx(11 / 3, rel=1e-15)
    assert row["satisfied_share"] == pytest.approx(2 / 3, rel=1e-15)


def test_satisfaction_is_empty_with_a_table_but_no_answers_in_the_group(extract, tmp_path):
    extract.participation("P1", citizen="C1").satisfaction("OTHER", "2026-05-03", 1)
    row = offer_row(extract, tmp_path)
    assert row["satisfaction_responses"] == 0
    assert (row["satisfaction_mean"], row["satisfied_share"]) == (None, None)


def test_progression_before_on_the_start_date_and_after_on_the_window_last_day(extract, tmp_path):
    """Match group 2: before = latest on or before 1 April (the one on 1 April, score 3);
    after = latest from 2 April to 30 July (30 July, score 6); 31 July is outside. Change +3."""
    extract.participation("P1", citizen="C1", match_group=2)
    extract.assessment("C1", "2026-03-01", 2).assessment("C1", "2026-04-01", 3)
    extract.assessment("C1", "2026-05-01", 4).assessment("C1", "2026-07-30", 6)
    extract.assessment("C1", "2026-07-31", 9)
    row = offer_row(extract, tmp_path)
    assert (row["progression_n"], row["progression_mean"]) == (1, 3.0)


def test_progression_counts_match_groups_2_and_3_with_both_assessments_only(extract, tmp_path):
    """C1 (match 2): +3 as above. C2 (match 3): 5 → 4, change −1. C3 (match 1) is excluded
    however it scores; C4 (match 2) has no *after* assessment. Mean (3 − 1) / 2 = 1."""
    extract.participation("P1", citizen="C1", match_group=2)
    extract.assessment("C1", "2026-04-01", 3).assessment("C1", "2026-07-30", 6)
    extract.participation("P2", citizen="C2", match_group=3)
    extract.assessment("C2", "2026-03-15", 5).assessment("C2", "2026-04-02", 4)
    extract.participation("P3", citizen="C3", match_group=1)
    extract.assessment("C3", "2026-03-15", 0).assessment("C3", "2026-05-02", 10)
    extract.participation("P4", citizen="C4", match_group=2)
    extract.assessment("C4", "2026-03-15", 5)
    row = offer_row(extract, tmp_path)
    assert (row["progression_n"], row["progression_mean"]) == (2, 1.0)


def test_progression_with_a_table_but_no_pairs_is_zero_and_empty(extract, tmp_path):
    extract.participation("P1", citizen="C1", match_group=2).assessment("C1", "2026-03-15", 5)
    row = offer_row(extract, tmp_path)
    assert (row["progression_n"], row["progression_mean"]) == (0, None)


def test_missing_optional_tables_give_empty_values_never_zero(extract, tmp_path):
    extract.participation("P1", citizen="C1", match_group=2)
    row = offer_row(extract, tmp_path)
    pillars = ("satisfaction_responses", "satisfaction_mean", "satisfied_share")
    assert [row[name] for name in pillars] == [None, None, None]
    assert (row["progression_n"], row["progression_mean"]) == (None, None)
