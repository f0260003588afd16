-- int_net_benefit_weeks
-- Grain: one row per number of weeks saved (the configured weeks_saved and the Metode sheet's
-- 13, 26 and 52: weeks_saved_scenarios()) × benefit week at the offer's end found among the
-- cohort participations of the evaluated quarter (every jobcenter).
-- Rule (SPEC §2.8): the net benefit weeks an effect saves, Σ (1 − refusion of week k) over
-- k = n + 1 … n + weeks_saved for the benefit week n at the offer's end (benefit_week_at_end of
-- int_cohort_participations), 0 when weeks_saved = 0. The sum is taken step by step of
-- int_refusion_steps: each step adds its net share × the saved weeks that fall in it
-- (saved_weeks_in_step, in
-- sql/macros/metrics.sql). It depends on n alone, so it is worked out once per distinct n (a
-- few hundred values, not millions of rows); int_participation_avoidable_costs and
-- business_case_sensitivity both price it. Exact decimals.
with cohort as (
    select * from int_cohort_participations
    where cohort_quarter_start_date = getvariable('quarter_start_date')
),

refusion_steps as (
    select * from int_refusion_steps
),

scenarios as (
    select unnest(weeks_saved_scenarios()) as weeks_saved
),

benefit_weeks as (
    select distinct benefit_week_at_end
    from cohort
),

saved_weeks as (
    select
        scenarios.weeks_saved,
        benefit_weeks.benefit_week_at_end,
        benefit_weeks.benefit_week_at_end + 1 as first_saved_week,
        benefit_weeks.benefit_week_at_end + scenarios.weeks_saved as last_saved_week
    from scenarios
    cross join benefit_weeks
)

select
    saved_weeks.weeks_saved,
    saved_weeks.benefit_week_at_end,
    coalesce(sum(
        refusion_steps.net_share * saved_weeks_in_step(
            saved_weeks.first_saved_week, saved_weeks.last_saved_week,
            refusion_steps.first_week, refusion_steps.last_week
        )
    ), 0) as net_benefit_weeks_saved
from saved_weeks
cross join refusion_steps
group by saved_weeks.weeks_saved, saved_weeks.benefit_week_at_end
