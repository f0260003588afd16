-- mandagstal
-- Grain: one row per department × category (job, education) for the week evaluated, plus
-- `unknown` when an exit of the four weeks has no department, plus `total`.
-- Rule (SPEC §2.4, Odense's Monday numbers): exits_week counts the exits dated in ISO week w;
-- avg_4w is the exits of weeks w−3 … w divided by 4 (average_weeks()); at or above the weekly
-- target is green, below is red, no target gives no status. Every department of `participations` is
-- listed, with zeros when it had no exits.
with four_weeks as (
    select * from int_exit_departments
    where exit_date between getvariable('week_start_date') - 7 * (average_weeks() - 1)
        and getvariable('week_end_date')
),

by_department as (
    select
        department,
        exit_category as category,
        count(*) filter (where exit_date >= getvariable('week_start_date')) as exits_week,
        count(*) as exits_4w
    from four_weeks
    group by all
),

in_total as (
    select
        'total' as department,
        category,
        sum(exits_week) as exits_week,
        sum(exits_4w) as exits_4w
    from by_department
    group by all
),

departments as (
    select distinct department from stg_participations
    union
    select department from four_weeks where department = 'unknown'
    union
    select 'total'
),

categories as (
    select unnest(['job', 'education']) as category
),

counts as (
    select * from by_department
    union all
    select * from in_total
),

targets as (
    select department, category, weekly_target::double as weekly_target
    from src_weekly_targets
),

figures as (
    select
        departments.department,
        categories.category,
        coalesce(counts.exits_week, 0) as exits_week,
        coalesce(counts.exits_4w, 0) / average_weeks() as avg_4w,
        targets.weekly_target
    from departments
    cross join categories
    left join counts
        on counts.department = departments.department and counts.category = categories.category
    left join targets
        on targets.department = departments.department and targets.category = categories.category
)

select
    getvariable('week_label') as week,
    department,
    category,
    exits_week,
    avg_4w,
    weekly_target,
    case
        when weekly_target is null then null
        when avg_4w >= weekly_target then 'green'
        else 'red'
    end as status
from figures
order by department = 'total', department, category = 'education'
