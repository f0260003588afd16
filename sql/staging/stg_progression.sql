-- stg_progression
-- Grain: one row per progression assessment, input table `progression` (SPEC §1.2).
with source as (
    select * from src_progression
),

renamed as (
    select
        citizen_id,
        assessment_date,
        score as progression_score
    from source
)

select * from renamed
