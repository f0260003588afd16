-- out_provider_offer_metrics
-- Grain: one row per row of the mart provider_offer_metrics, for the rules in
-- checks/outputs.toml.
-- type_prob_best_sum: the sum of prob_best over the rows of the same offer type that have one
-- (SPEC §2.5: the probabilities that each is the cheapest sum to 1); empty where the row has none.
with offer_rows as (
    select * from provider_offer_metrics
)

select
    *,
    case when prob_best is not null then
        sum(prob_best) over (partition by offer_type)
    end as type_prob_best_sum
from offer_rows
