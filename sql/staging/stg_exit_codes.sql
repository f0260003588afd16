-- stg_exit_codes
-- Grain: one row per exit code, input table `exit_codes` or the shipped default (SPEC §1.2).
with source as (
    select * from src_exit_codes
),

renamed as (
    select
        exit_code,
        category as exit_category,
        label as exit_label
    from source
)

select * from renamed
