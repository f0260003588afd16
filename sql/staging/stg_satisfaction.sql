-- stg_satisfaction
-- Grain: one row per survey answer, input table `satisfaction` (SPEC §1.2).
with source as (
    select * from src_satisfaction
),

renamed as (
    select
        participation_id,
        response_date,
        score as satisfaction_score
    from source
)

select * from renamed
