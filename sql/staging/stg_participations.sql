-- stg_participations
-- Grain: one row per participation ("tilbudsforløb"), input table `participations` (SPEC §1.2).
-- Renames only; the reader has already typed and trimmed every value.
with source as (
    select * from src_participations
),

renamed as (
    select
        _row as source_row,
        participation_id,
        citizen_id,
        jobcenter,
        department,
        benefit_group,
        match_group,
        age as age_years,
        benefit_weeks_before,
        offer_id,
        start_date,
        end_date,
        completion
    from source
)

select * from renamed
