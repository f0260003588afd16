-- quarter_overview
-- Grain: one row for the evaluated quarter.
-- Rules: the headline of the workbook's overview, the SPEC §2.1 counts and prices over the
-- whole cohort of the quarter (every provider together; with --jobcenter, that jobcenter's):
-- participants, job and education exits, effects, total cost, effect rate and effect price, from
-- int_group_metrics (group kind `quarter`), so that they are the formulas of every other group;
-- preliminary and is_suppressed as in the other marts (fewer participants than suppress_below).
-- A quarter with no cohort participations has zero counts and cost and no rate or price.
with quarter as (
    select getvariable('quarter_label') as quarter
),

metrics as (
    select * from int_group_metrics
    where group_kind = 'quarter'
)

select
    quarter.quarter,
    getvariable('as_of_date') as as_of_date,
    coalesce(metrics.participants, 0) as participants,
    coalesce(metrics.job_exits, 0) as job_exits,
    coalesce(metrics.education_exits, 0) as education_exits,
    coalesce(metrics.effects, 0) as effects,
    metrics.effect_rate,
    coalesce(metrics.total_cost_dkk, 0) as total_cost_dkk,
    metrics.effect_price_dkk,
    is_preliminary() as is_preliminary,
    coalesce(metrics.participants, 0) < getvariable('suppress_below') as is_suppressed
from quarter
left join metrics on metrics.group_id = quarter.quarter
