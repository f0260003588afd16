-- int_cohort_participations
-- Grain: one row per participation of int_history_participations (ended, in a needed cohort).
-- Rule (SPEC §2): the cohort of a quarter is the participations whose end_date falls in it;
-- ongoing participations belong to no cohort. Earlier quarters are kept as far back as contract
-- history and trends need (int_cohort_window). Carries the stratum (benefit group × match group
-- × age band), outcome, cost, and the weeks on benefits before the start and at the offer's end
-- (SPEC §2.8: benefit_week_at_end n = benefit_weeks_before + ceil(days / 7), the citizen being on
-- benefits while in the offer).
with participations as (
    select * from int_history_participations
),

offers as (
    select * from int_offers
),

outcomes as (
    select * from int_participation_outcomes
),

costs as (
    select * from int_participation_costs
)

select
    participations.participation_id,
    participations.citizen_id,
    quarter_start(participations.end_date) as cohort_quarter_start_date,
    offers.provider_id,
    participations.offer_id,
    offers.offer_type,
    participations.department,
    participations.jobcenter,
    participations.start_date,
    participations.end_date,
    participations.completion,
    participations.benefit_group,
    participations.match_group,
    age_band(participations.age_years) as age_band,
    participations.benefit_weeks_before,
    outcomes.outcome,
    outcomes.outcome in ('job', 'education') as is_effect,
    participations.benefit_weeks_before + started_weeks(costs.duration_days)
        as benefit_week_at_end,
    costs.duration_days,
    costs.cost_dkk
from participations
inner join offers on offers.offer_id = participations.offer_id
inner join outcomes on outcomes.participation_id = participations.participation_id
inner join costs on costs.participation_id = participations.participation_id
