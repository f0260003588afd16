-- chk_contracts
-- Grain: one row per row of the contracts file, for the rules in checks/contracts.toml.
-- A contract's provider must run some offer; its offer, if any, must be one of that provider's.
-- The file is small (one row per contract): contract_id goes into the batch as text and GX tests
-- its uniqueness itself. The other text columns are left out: their rules test flags.
with contracts as (
    select * from src_contracts
),

price_rows as (
    select * from src_offers
)

select
    _row,
    contract_id,
    valid_from,
    valid_to,
    target_effect_rate::double as target_effect_rate,
    max_effect_price::double as max_effect_price,
    min_participants,
    provider_id in (select provider_id from price_rows) as provider_is_known,
    case when offer_id is not null then
        (offer_id, provider_id) in (select (offer_id, provider_id) from price_rows)
    end as offer_is_known,
    target_effect_rate is not null or max_effect_price is not null as has_target
from contracts
