-- int_participation_avoidable_costs
-- Grain: one row per cohort participation of the evaluated quarter (every jobcenter).
-- Rule (SPEC §2.8): the avoidable cost is weekly_benefit_dkk[benefit_group] × the net benefit
-- weeks saved after the benefit week n at the offer's end (benefit_week_at_end of
-- int_cohort_participations) with the configured weeks_saved (int_net_benefit_weeks:
-- Σ (1 − refusion of week k) over k = n + 1 … n + weeks_saved, 0 when weeks_saved = 0).
-- Exact decimals, so that every sum over them is the same on every run.
with cohort as (
    select * from int_cohort_participations
    where cohort_quarter_start_date = getvariable('quarter_start_date')
),

net_weeks as (
    select benefit_week_at_end, net_benefit_weeks_saved
    from int_net_benefit_weeks
    where weeks_saved = getvariable('weeks_saved')
),

weekly_benefits as (
    select * from int_weekly_benefits
),

select
    cohort.participation_id,
    cohort.benefit_group,
    cohort.match_group,
    cohort.age_band,
    cohort.is_effect,
    cohort.benefit_week_at_end,
    net_weeks.net_benefit_weeks_saved,
    weekly_benefits.weekly_benefit_dkk * net_weeks.net_benefit_weeks_saved as avoidable_cost_dkk
from cohort
inner join net_weeks using (benefit_week_at_end)
inner join weekly_benefits using (benefit_group)
