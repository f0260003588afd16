-- int_offers
-- Grain: one row per offer.
-- An offer's name, type and provider are taken from its newest price row (SPEC §1.2 allows
-- several price rows per offer; the provider is the same on every row).
with price_rows as (
    select * from stg_offers
),

ranked as (
    select
        offer_id,
        offer_name,
        offer_type,
        provider_id,
        row_number() over (
            partition by offer_id order by valid_from_date desc, source_row desc
        ) as recency_rank
    from price_rows
)

select
    offer_id,
    offer_name,
    offer_type,
    provider_id
from ranked
where recency_rank = 1
