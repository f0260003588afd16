-- stg_exits
-- Grain: one row per distinct deregistration event, input table `exits` (SPEC §1.2).
-- Cleans: an exact duplicate exit row counts once (SPEC §2.4, §5).
with source as (
    select * from src_exits
),

deduplicated as (
    select distinct
        citizen_id,
        exit_date,
        exit_code
    from source
)

select * from deduplicated
