-- mandagstal_weeks
-- Grain: one row per ISO week × category (job, education), for the chart_weeks() (13) weeks ending
-- with the week evaluated: all departments together. Feeds the chart of the Monday-numbers
-- workbook.
with weeks as (
    select unnest(generate_series(
        getvariable('week_start_date') - 7 * (chart_weeks() - 1),
        getvariable('week_start_date'),
        interval 7 day
    ))::date as week_start_date
),

categories as (
    select unnest(['job', 'education']) as category
),

exits as (
    select
        date_trunc('week', exit_date)::date as week_start_date,
        exit_category as category
    from int_exit_departments
),

counted as (
    select
        weeks.week_start_date,
        categories.category,
        count(exits.category) as exits_week
    from weeks
    cross join categories
    left join exits
        on exits.week_start_date = weeks.week_start_date and exits.category = categories.category
    group by weeks.week_start_date, categories.category
)

select
    strftime(week_start_date, '%G-W%V') as week,
    week_start_date,
    category,
    exits_week
from counted
order by week_start_date, category = 'education'
