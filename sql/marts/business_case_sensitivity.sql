-- business_case_sensitivity
-- Grain: one row per number of weeks saved: 13, 26, 52 and the configured weeks_saved.
-- Rule (SPEC §2.8): the avoided benefit cost of the quarter's whole cohort (with --jobcenter,
-- that jobcenter's; as quarter_overview) had each effect saved that many weeks, so that the
-- Metode sheet shows how much the assumption matters. Each effect's avoidable cost is the
-- payment of its benefit group × the net shares of the saved weeks after its benefit week at
-- the offer's end, as int_participation_avoidable_costs; the effects are counted per benefit
-- group and week first, so the staircase is applied to a few hundred rows. is_suppressed as
-- quarter_overview: the whole cohort has fewer participants than suppress_below.
with cohort as (
    select * from int_evaluated_participations
    where cohort_quarter_start_date = getvariable('quarter_start_date')
),

refusion_steps as (
    select * from int_refusion_steps
),

weekly_benefits as (
    select * from int_weekly_benefits
),

scenarios as (
    select distinct weeks_saved
    from unnest([13, 26, 52, getvariable('weeks_saved')]) as weeks(weeks_saved)
),

effect_weeks as (
    select
        benefit_group,
        benefit_weeks_before + started_weeks(duration_days) as benefit_week_at_end,
        count(*) as effects
    from cohort
    where is_effect
    group by all
),

saved as (
    select
        scenarios.weeks_saved,
        sum(
            effect_weeks.effects * weekly_benefits.weekly_benefit_dkk * refusion_steps.net_share
            * saved_weeks_in_step(
                effect_weeks.benefit_week_at_end + 1,
                effect_weeks.benefit_week_at_end + scenarios.weeks_saved,
                refusion_steps.first_week,
                refusion_steps.last_week
            )
        ) as avoided_benefit_cost_dkk
    from scenarios
    cross join effect_weeks
    cross join refusion_steps
    inner join weekly_benefits using (benefit_group)
    group by scenarios.weeks_saved
)

select
    scenarios.weeks_saved,
    scenarios.weeks_saved = getvariable('weeks_saved') as is_configured,
    coalesce(saved.avoided_benefit_cost_dkk, 0)::double as avoided_benefit_cost_dkk,
    (select count(*) from cohort) < getvariable('suppress_below') as is_suppressed
from scenarios
left join saved using (weeks_saved)
order by scenarios.weeks_saved
