-- int_providers
-- Grain: one row per provider.
-- A provider's name is the one on its newest price row across all its offers, so a renamed
-- provider shows its current name.
with price_rows as (
    select * from stg_offers
),

ranked as (
    select
        provider_id,
        provider_name,
        row_number() over (
            partition by provider_id order by valid_from_date desc, source_row desc
        ) as recency_rank
    from price_rows
)

select
    provider_id,
    provider_name
from ranked
where recency_rank = 1
