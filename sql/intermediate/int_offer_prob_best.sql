-- int_offer_prob_best
-- Grain: one row per row of int_offer_shrinkage with total_cost > 0.
-- Rule (SPEC §2.5): prob_best is the probability that the row has the lowest effect price of
-- its offer type. With v > 0 it is integrated numerically over the gamma posteriors by
-- prob_best_gamma (evaluator/rank_certainty.py); with v = 0 every true O/E is the type's, so the
-- lowest cost per participant wins, shared equally on a tie (costs compared to the øre, as
-- rank_in_type compares prices); a type with one such row: 1.
with priced_rows as (
    select * from int_offer_shrinkage
    where total_cost_dkk > 0
),

gamma_types as (
    select
        offer_type,
        list(offer_id order by offer_id) as offer_ids,
        prob_best_gamma(
            list(posterior_shape order by offer_id),
            list(posterior_rate order by offer_id),
            list(cost_per_participant_dkk order by offer_id)
        ) as prob_best_list
    from priced_rows
    where true_oe_variance > 0
    group by offer_type
),

gamma_rows as (
    select
        unnest(offer_ids) as offer_id,
        unnest(prob_best_list) as prob_best
    from gamma_types
),

cheapest_rows as (
    select
        offer_id,
        offer_type,
        round(cost_per_participant_dkk, 2)
            = min(round(cost_per_participant_dkk, 2)) over (partition by offer_type)
            as is_cheapest
    from priced_rows
    where true_oe_variance = 0
),

fixed_rows as (
    select
        offer_id,
        case when is_cheapest then
            1.0 / count(*) filter (where is_cheapest) over (partition by offer_type)
        else 0.0 end as prob_best
    from cheapest_rows
)

select offer_id, prob_best from gamma_rows
union all
select offer_id, prob_best from fixed_rows
