-- business_case_example
-- Grain: one row per refusion step that the worked example's saved weeks fall in.
-- Rule (SPEC §2.8), for the Metode sheet's example that a reader redoes with a calculator: a
-- kontanthjælp recipient 30 weeks on benefits who takes a 2-week course ends the course in
-- benefit week n = 32; an effect saves the weeks n + 1 … n + weeks_saved, each at the
-- kontanthjælp payment × (1 − the refusion of its step). With the defaults: weeks 33–52 at
-- 70 % net and 53–58 at 80 %, 3,000 × (20 × 0.7 + 6 × 0.8) = 56,400 kr. The settings' own
-- staircase, payment and weeks_saved are used, so the example always matches the figures.
with example as (
    select
        'kontanthjaelp' as benefit_group,
        30 as benefit_weeks_before,
        2 as course_weeks
),

refusion_steps as (
    select * from int_refusion_steps
),

weekly_benefits as (
    select * from int_weekly_benefits
),

saved_weeks as (
    select
        example.*,
        example.benefit_weeks_before + example.course_weeks as benefit_week_at_end,
        example.benefit_weeks_before + example.course_weeks + 1 as first_saved_week,
        example.benefit_weeks_before + example.course_weeks + getvariable('weeks_saved')
            as last_saved_week
    from example
),

steps_hit as (
    select
        saved_weeks.*,
        refusion_steps.step_number,
        greatest(saved_weeks.first_saved_week, refusion_steps.first_week) as step_first_saved_week,
        least(saved_weeks.last_saved_week,
            coalesce(refusion_steps.last_week, saved_weeks.last_saved_week))
            as step_last_saved_week,
        saved_weeks_in_step(saved_weeks.first_saved_week, saved_weeks.last_saved_week,
            refusion_steps.first_week, refusion_steps.last_week) as weeks_in_step,
        refusion_steps.refusion_rate,
        refusion_steps.net_share
    from saved_weeks
    cross join refusion_steps
),

priced as (
    select
        steps_hit.*,
        weekly_benefits.weekly_benefit_dkk,
        steps_hit.weeks_in_step * weekly_benefits.weekly_benefit_dkk * steps_hit.net_share
            as avoided_cost_dkk
    from steps_hit
    inner join weekly_benefits using (benefit_group)
    where steps_hit.weeks_in_step > 0
)

select
    benefit_group,
    benefit_weeks_before,
    course_weeks,
    benefit_week_at_end,
    step_number,
    step_first_saved_week,
    step_last_saved_week,
    weeks_in_step,
    refusion_rate,
    net_share,
    weekly_benefit_dkk,
    avoided_cost_dkk::double as avoided_cost_dkk,
    (sum(avoided_cost_dkk) over ())::double as total_avoided_cost_dkk
from priced
order by step_number
