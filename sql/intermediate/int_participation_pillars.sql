-- int_participation_pillars
-- Grain: one row per cohort participation.
-- Rule (SPEC §2.3): the participation's satisfaction answers (count, score sum, answers with
-- score ≥ 4) and, for citizens in match group 2 or 3, the progression from the *before*
-- assessment (latest dated on or before start_date) to the *after* assessment (latest dated
-- after start_date and no later than end_date + window_days). Several assessments on the same
-- latest day count with their mean score (docs/decisions.md).
with cohort as (
    select * from int_cohort_participations
),

satisfaction as (
    select
        participation_id,
        count(*) as satisfaction_responses,
        sum(satisfaction_score) as satisfaction_score_sum,
        count(*) filter (where satisfaction_score >= 4) as satisfied_responses
    from stg_satisfaction
    group by participation_id
),

assessments as (
    select
        cohort.participation_id,
        progression.assessment_date,
        progression.progression_score,
        progression.assessment_date > cohort.start_date as is_after_start
    from cohort
    inner join stg_progression as progression
        on progression.citizen_id = cohort.citizen_id
        and progression.assessment_date <= cohort.end_date + getvariable('window_days')
    where cohort.match_group in (2, 3)
),

latest_per_phase as (
    select
        participation_id,
        is_after_start,
        max(assessment_date) as latest_assessment_date
    from assessments
    group by all
),

phase_scores as (
    select
        assessments.participation_id,
        assessments.is_after_start,
        avg(assessments.progression_score) as progression_score
    from assessments
    inner join latest_per_phase
        on latest_per_phase.participation_id = assessments.participation_id
        and latest_per_phase.is_after_start = assessments.is_after_start
        and latest_per_phase.latest_assessment_date = assessments.assessment_date
    group by all
),

progression_pairs as (
    select
        participation_id,
        max(progression_score) filter (where is_after_start)
            - max(progression_score) filter (where not is_after_start) as progression_change
    from phase_scores
    group by participation_id
    having count(*) = 2
)

select
    cohort.participation_id,
    coalesce(satisfaction.satisfaction_responses, 0) as satisfaction_responses,
    coalesce(satisfaction.satisfaction_score_sum, 0) as satisfaction_score_sum,
    coalesce(satisfaction.satisfied_responses, 0) as satisfied_responses,
    progression_pairs.progression_change is not null as has_progression_pair,
    progression_pairs.progression_change
from cohort
left join satisfaction on satisfaction.participation_id = cohort.participation_id
left join progression_pairs on progression_pairs.participation_id = cohort.participation_id
