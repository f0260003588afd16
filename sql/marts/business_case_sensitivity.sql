-- business_case_sensitivity
-- Grain: one row per number of weeks saved: 13, 26, 52 and the configured weeks_saved
-- (weeks_saved_scenarios()).
-- Rule (SPEC §2.8): the avoided benefit cost of the quarter's whole cohort (with --jobcenter,
-- that jobcenter's; as quarter_overview) had each effect saved that many weeks, so that the
-- Metode sheet shows how much the assumption matters. Each effect's avoidable cost is the
-- payment of its benefit group × the net benefit weeks saved after its benefit week at the
-- offer's end (int_net_benefit_weeks, which int_participation_avoidable_costs prices for the
-- configured weeks); the effects are counted per benefit group and week first, so a few hundred
-- rows are priced. is_suppressed as quarter_overview: the whole cohort has fewer participants
-- than suppress_below.
with cohort as (
    select * from int_evaluated_participations
    where cohort_quarter_start_date = getvariable('quarter_start_date')
),

net_weeks as (
    select * from int_net_benefit_weeks
),

weekly_benefits as (
    select * from int_weekly_benefits
),

scenarios as (
    select unnest(weeks_saved_scenarios()) as weeks_saved
),

effect_weeks as (
    select
        benefit_group,
        benefit_week_at_end,
        count(*) as effects
    from cohort
    where is_effect
    group by all
),

saved as (
    select
        net_weeks.weeks_saved,
        sum(
            effect_weeks.effects * weekly_benefits.weekly_benefit_dkk
            * net_weeks.net_benefit_weeks_saved
        ) as avoided_benefit_cost_dkk
    from effect_weeks
    inner join net_weeks using (benefit_week_at_end)
    inner join weekly_benefits using (benefit_group)
    group by net_weeks.weeks_saved
)

select
    scenarios.weeks_saved,
    scenarios.weeks_saved = getvariable('weeks_saved') as is_configured,
    coalesce(saved.avoided_benefit_cost_dkk, 0)::double as avoided_benefit_cost_dkk,
    (select count(*) from cohort) < getvariable('suppress_below') as is_suppressed
from scenarios
left join saved using (weeks_saved)
order by scenarios.weeks_saved
