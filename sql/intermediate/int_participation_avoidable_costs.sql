-- int_participation_avoidable_costs
-- Grain: one row per cohort participation of the evaluated quarter (every jobcenter).
-- Rule (SPEC §2.8): the benefit week at the offer's end is n = benefit_weeks_before +
-- ceil(days / 7) (the citizen is on benefits while in the offer); the avoidable cost is
-- weekly_benefit_dkk[benefit_group] × Σ (1 − refusion of week k) over k = n + 1 … n +
-- weeks_saved, 0 when weeks_saved = 0. The sum is taken step by step of int_refusion_steps:
-- each step adds its net share × the saved weeks that fall in it (saved_weeks_in_step, in
-- sql/macros/metrics.sql). It depends on n alone, so it is worked out once per distinct n (a
-- few hundred values, not millions of rows).
-- Exact decimals, so that every sum over them is the same on every run.
with cohort as (
    select * from int_cohort_participations
    where cohort_quarter_start_date = getvariable('quarter_start_date')
),

refusion_steps as (
    select * from int_refusion_steps
),

weekly_benefits as (
    select * from int_weekly_benefits
),

benefit_weeks as (
    select
        participation_id,
        benefit_group,
        match_group,
        age_band,
        is_effect,
        benefit_weeks_before + started_weeks(duration_days) as benefit_week_at_end
    from cohort
),

saved_weeks as (
    select distinct
        benefit_week_at_end,
        benefit_week_at_end + 1 as first_saved_week,
        benefit_week_at_end + getvariable('weeks_saved') as last_saved_week
    from benefit_weeks
),

net_weeks as (
    select
        saved_weeks.benefit_week_at_end,
        coalesce(sum(
            refusion_steps.net_share * saved_weeks_in_step(
                saved_weeks.first_saved_week, saved_weeks.last_saved_week,
                refusion_steps.first_week, refusion_steps.last_week
            )
        ), 0) as net_benefit_weeks_saved
    from saved_weeks
    cross join refusion_steps
    group by saved_weeks.benefit_week_at_end
)

select
    benefit_weeks.participation_id,
    benefit_weeks.benefit_group,
    benefit_weeks.match_group,
    benefit_weeks.age_band,
    benefit_weeks.is_effect,
    benefit_weeks.benefit_week_at_end,
    net_weeks.net_benefit_weeks_saved,
    weekly_benefits.weekly_benefit_dkk * net_weeks.net_benefit_weeks_saved as avoidable_cost_dkk
from benefit_weeks
inner join net_weeks using (benefit_week_at_end)
inner join weekly_benefits using (benefit_group)
