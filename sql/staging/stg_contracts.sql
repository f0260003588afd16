-- stg_contracts
-- Grain: one row per provider contract, input table `contracts` (SPEC §1.2).
-- Renames the ceiling to carry its unit; the target and the ceiling stay the exact decimals the
-- reader typed (sql/macros/parse.sql), and become doubles where they leave (contract_flags).
-- An absent table arrives as an empty one, so every contract rule simply finds no rows.
with source as (
    select * from src_contracts
),

renamed as (
    select
        contract_id,
        provider_id,
        offer_id,
        valid_from as valid_from_date,
        valid_to as valid_to_date,
        target_effect_rate,
        max_effect_price as max_effect_price_dkk,
        min_participants
    from source
)

select * from renamed
