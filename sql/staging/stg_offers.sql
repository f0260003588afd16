-- stg_offers
-- Grain: one row per price row of an offer, input table `offers` (SPEC §1.2).
-- Renames amounts and dates to carry their unit.
with source as (
    select * from src_offers
),

renamed as (
    select
        _row as source_row,
        offer_id,
        offer_name,
        offer_type,
        provider_id,
        provider_name,
        price_model,
        unit_price as unit_price_dkk,
        valid_from as valid_from_date,
        valid_to as valid_to_date
    from source
)

select * from renamed
