-- quarter_overview
-- Grain: one row for the evaluated quarter.
-- Rules: the headline of the workbook's overview, the SPEC §2.1 counts and prices over the
-- whole cohort of the quarter (every provider together; with --jobcenter, that jobcenter's):
-- participants, job and education exits, effects, total cost, effect rate and effect price;
-- preliminary and is_suppressed as in the other marts.
with cohort as (
    select * from int_evaluated_participations
    where cohort_quarter_start_date = getvariable('quarter_start_date')
),

totals as (
    select
        count(*) as participants,
        count(*) filter (where outcome = 'job') as job_exits,
        count(*) filter (where outcome = 'education') as education_exits,
        count(*) filter (where is_effect) as effects,
        coalesce(sum(cost_dkk), 0) as total_cost_dkk
    from cohort
)

select
    getvariable('quarter_label') as quarter,
    getvariable('as_of_date') as as_of_date,
    participants,
    job_exits,
    education_exits,
    effects,
    effects / nullif(participants, 0) as effect_rate,
    total_cost_dkk::double as total_cost_dkk,
    total_cost_dkk::double / nullif(effects, 0) as effect_price_dkk,
    getvariable('as_of_date') < getvariable('quarter_end_date') + getvariable('window_days')
        as is_preliminary,
    participants < getvariable('suppress_below') as is_suppressed
from totals
