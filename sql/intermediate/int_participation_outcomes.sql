-- int_participation_outcomes
-- Materialized: view
-- Grain: one row per participation of int_history_participations (ended, in a needed cohort).
-- Rule (SPEC §2): the outcome is the category of the citizen's earliest job or education exit
-- dated in the effect window, start_date … end_date + window_days, both ends included. On a tie
-- on the same day, job wins. No such exit: `none`. Each participation is judged on its own, so
-- one exit can count for several participations of the same citizen.
with participations as (
    select
        participation_id,
        citizen_id,
        start_date,
        end_date
    from int_history_participations
),

effect_exits as (
    select * from int_effect_exits
),

exits_in_window as (
    select
        participations.participation_id,
        effect_exits.exit_date,
        effect_exits.exit_category,
        row_number() over (
            partition by participations.participation_id
            order by effect_exits.exit_date, effect_exits.exit_category = 'education'
        ) as exit_rank
    from participations
    inner join effect_exits
        on effect_exits.citizen_id = participations.citizen_id
        and effect_exits.exit_date
            between participations.start_date
            and participations.end_date + getvariable('window_days')
)

select
    participations.participation_id,
    coalesce(exits_in_window.exit_category, 'none') as outcome,
    exits_in_window.exit_date as outcome_date
from participations
left join exits_in_window
    on exits_in_window.participation_id = participations.participation_id
    and exits_in_window.exit_rank = 1
