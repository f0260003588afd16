-- int_group_metrics
-- Grain: one row per group kind × group id × cohort quarter with at least one participation.
-- Rules: every metric of SPEC §2.1 except rank_in_type and preliminary, and the pillars of
-- SPEC §2.3. Expected effects are the sum, over the group's participations, of the effect rate
-- of their stratum in the whole cohort of the quarter (indirect standardisation). That sum adds
-- the rates in ascending order, so it is the same to the last digit on every run, whatever the
-- thread count and the order in which the threads deliver the rows.
with members as (
    select * from int_group_members
),

participation_facts as (
    select
        cohort.participation_id,
        cohort.completion,
        cohort.outcome,
        cohort.cost_dkk,
        pillars.satisfaction_responses,
        pillars.satisfaction_score_sum,
        pillars.satisfied_responses,
        pillars.has_progression_pair,
        pillars.progression_change,
        stratum_rates.effect_rate as stratum_effect_rate
    from int_cohort_participations as cohort
    inner join int_participation_pillars as pillars
        on pillars.participation_id = cohort.participation_id
    inner join int_stratum_rates as stratum_rates
        on stratum_rates.cohort_quarter_start_date = cohort.cohort_quarter_start_date
        and stratum_rates.benefit_group = cohort.benefit_group
        and stratum_rates.match_group = cohort.match_group
        and stratum_rates.age_band = cohort.age_band
),

member_facts as (
    select
        members.group_kind,
        members.group_id,
        members.cohort_quarter_start_date,
        participation_facts.*
    from members
    inner join participation_facts
        on participation_facts.participation_id = members.participation_id
),

cohort_totals as (
    select
        cohort_quarter_start_date,
        sum(participants) as cohort_participants,
        sum(effects) as cohort_effects
    from int_stratum_rates
    group by all
),

counts as (
    select
        group_kind,
        group_id,
        cohort_quarter_start_date,
        count(*) as participants,
        count(*) filter (where completion = 'completed') as completed,
        count(*) filter (where completion = 'dropped_out') as dropped_out,
        count(*) filter (where outcome = 'job') as job_exits,
        count(*) filter (where outcome = 'education') as education_exits,
        sum(cost_dkk) as total_cost_dkk,
        sum(satisfaction_responses) as satisfaction_responses,
        sum(satisfaction_score_sum) as satisfaction_score_sum,
        sum(satisfied_responses) as satisfied_responses,
        count(*) filter (where has_progression_pair) as progression_n,
        sum(progression_change) as progression_change_sum,
        list_sum(list_sort(list(stratum_effect_rate))) as expected_effects
    from member_facts
    group by all
),

rates as (
    select
        counts.*,
        counts.job_exits + counts.education_exits as effects,
        cohort_totals.cohort_effects / cohort_totals.cohort_participants as cohort_effect_rate
    from counts
    inner join cohort_totals using (cohort_quarter_start_date)
),

metrics as (
    select
        *,
        effects / participants as effect_rate,
        wilson_low(effects, participants) as effect_rate_ci_low,
        wilson_high(effects, participants) as effect_rate_ci_high,
        total_cost_dkk::double / participants as cost_per_participant_dkk,
        total_cost_dkk::double / nullif(effects, 0) as effect_price_dkk,
        effects / nullif(expected_effects, 0) as oe_ratio
    from rates
),

adjusted as (
    select
        *,
        oe_ratio * cohort_effect_rate as adjusted_effect_rate
    from metrics
)

select
    group_kind,
    group_id,
    cohort_quarter_start_date,
    participants,
    completed,
    dropped_out,
    job_exits,
    education_exits,
    effects,
    effect_rate,
    effect_rate_ci_low,
    effect_rate_ci_high,
    total_cost_dkk::double as total_cost_dkk,
    cost_per_participant_dkk,
    effect_price_dkk,
    expected_effects,
    oe_ratio,
    adjusted_effect_rate,
    total_cost_dkk::double / nullif(adjusted_effect_rate * participants, 0)
        as adjusted_effect_price_dkk,
    participants < getvariable('suppress_below') as is_suppressed,
    case when getvariable('has_satisfaction') then satisfaction_responses end
        as satisfaction_responses,
    satisfaction_score_sum / nullif(satisfaction_responses, 0) as satisfaction_mean,
    satisfied_responses / nullif(satisfaction_responses, 0) as satisfied_share,
    case when getvariable('has_progression') then progression_n end as progression_n,
    progression_change_sum / nullif(progression_n, 0) as progression_mean
from adjusted
