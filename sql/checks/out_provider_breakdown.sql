-- out_provider_breakdown
-- Grain: one row per row of the mart provider_breakdown, for the rules in checks/outputs.toml.
-- provider_share_sum: the sum of share over the rows of the same provider and dimension (SPEC
-- §2.6: every cohort participation of the provider has one value of each dimension).
with breakdown_rows as (
    select * from provider_breakdown
)

select
    *,
    sum(share) over (partition by provider_id, dimension) as provider_share_sum
from breakdown_rows
