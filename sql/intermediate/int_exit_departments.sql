-- int_exit_departments
-- Grain: one row per distinct job or education exit.
-- Rule (SPEC §2.4): an exit's department is the department of the citizen's latest participation
-- that started on or before the exit date; `unknown` if there is none. Two participations that
-- started on the same day: the one with the greater participation_id (docs/decisions.md).
with effect_exits as (
    select * from int_effect_exits
),

participations as (
    select
        citizen_id,
        participation_id,
        department,
        start_date
    from stg_participations
),

candidate_departments as (
    select
        effect_exits.*,
        participations.department,
        row_number() over (
            partition by effect_exits.citizen_id, effect_exits.exit_date, effect_exits.exit_code
            order by participations.start_date desc, participations.participation_id desc
        ) as recency_rank
    from effect_exits
    left join participations
        on participations.citizen_id = effect_exits.citizen_id
        and participations.start_date <= effect_exits.exit_date
)

select
    exit_date,
    exit_category,
    coalesce(department, 'unknown') as department
from candidate_departments
where recency_rank = 1
