-- int_effect_exits
-- Materialized: view
-- Grain: one row per distinct exit whose category is job or education.
-- Rule (SPEC §2): only exits to a job or to education count as an effect; an exact duplicate
-- exit row counts once (stg_exits).
with exits as (
    select * from stg_exits
),

exit_codes as (
    select * from stg_exit_codes
)

select
    exits.citizen_id,
    exits.exit_date,
    exits.exit_code,
    exit_codes.exit_category
from exits
inner join exit_codes on exit_codes.exit_code = exits.exit_code
where exit_codes.exit_category in ('job', 'education')
