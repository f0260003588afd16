-- offer_type_certainty
-- Grain: one row per offer type with provider × offer rows in the evaluated quarter.
-- Rule (SPEC §2.5, for the workbook's tender basis): the type has a clear winner when its
-- highest prob_best is at least 0.5; the winner is that row (a tie: the lower offer_id). A type
-- whose rows all lack prob_best (no expected effects) has no winner.
with offer_metrics as (
    select * from provider_offer_metrics
),

ordered as (
    select
        offer_type,
        offer_id,
        offer_name,
        provider_name,
        is_suppressed,
        prob_best,
        row_number() over (
            partition by offer_type order by prob_best desc nulls last, offer_id
        ) as certainty_rank
    from offer_metrics
)

select
    offer_type,
    prob_best as top_prob_best,
    coalesce(prob_best >= 0.5, false) as has_clear_winner,
    offer_id as winner_offer_id,
    offer_name as winner_offer_name,
    provider_name as winner_provider_name,
    is_suppressed as is_winner_suppressed
from ordered
where certainty_rank = 1
order by offer_type
