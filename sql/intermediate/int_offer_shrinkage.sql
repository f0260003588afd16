-- int_offer_shrinkage
-- Grain: one row per provider × offer of the evaluated quarter with expected_effects > 0
-- (suppressed rows included: they are real data).
-- Rule (SPEC §2.5, Marshall's 1991 empirical-Bayes estimator): per offer type, with effects x_i
-- and expected effects E_i of its k rows, m = Σx/ΣE, θ̂_i = x_i/E_i, s² = ΣE(θ̂ − m)²/ΣE,
-- Ē = ΣE/k, v = max(s² − m/Ē, 0), C_i = v/(v + m/E_i) (0 when v = 0); the shrunk O/E is
-- m + C_i(θ̂_i − m), scaled to a rate and a price as adjusted_effect_rate and _price are.
-- With v > 0 the row's true O/E follows Gamma(m²/v + x_i, m/v + E_i): the posterior that
-- int_offer_prob_best integrates. Sums of doubles add their terms in ascending order, so they
-- are the same to the last digit on every run (as int_group_metrics' expected effects).
with offer_metrics as (
    select * from int_group_metrics
    where group_kind = 'provider_offer'
        and cohort_quarter_start_date = getvariable('quarter_start_date')
        and expected_effects > 0
),

offers as (
    select * from int_offers
),

stratum_rates as (
    select * from int_stratum_rates
    where cohort_quarter_start_date = getvariable('quarter_start_date')
),

cohort_rate as (
    select sum(effects) / sum(participants) as cohort_effect_rate
    from stratum_rates
),

typed_rows as (
    select
        offer_metrics.group_id as offer_id,
        offers.offer_type,
        offer_metrics.effects,
        offer_metrics.expected_effects,
        offer_metrics.oe_ratio,
        offer_metrics.total_cost_dkk,
        offer_metrics.cost_per_participant_dkk
    from offer_metrics
    inner join offers on offers.offer_id = offer_metrics.group_id
),

type_oe as (
    select
        offer_type,
        sum(effects) / list_sum(list_sort(list(expected_effects))) as type_oe_ratio,
        list_sum(list_sort(list(expected_effects))) / count(*) as mean_expected_effects
    from typed_rows
    group by offer_type
),

type_spread as (
    select
        type_oe.offer_type,
        type_oe.type_oe_ratio,
        list_sum(list_sort(list(
            typed_rows.expected_effects * (typed_rows.oe_ratio - type_oe.type_oe_ratio) ^ 2
        ))) / list_sum(list_sort(list(typed_rows.expected_effects))) as oe_variance,
        type_oe.mean_expected_effects
    from typed_rows
    inner join type_oe using (offer_type)
    group by all
),

between_offer_variance as (
    select
        *,
        greatest(oe_variance - type_oe_ratio / mean_expected_effects, 0) as true_oe_variance
    from type_spread
),

shrinkage_weights as (
    select
        typed_rows.*,
        variance.type_oe_ratio,
        variance.oe_variance,
        variance.mean_expected_effects,
        variance.true_oe_variance,
        case when variance.true_oe_variance > 0 then
            variance.true_oe_variance
            / (variance.true_oe_variance + variance.type_oe_ratio / typed_rows.expected_effects)
        else 0.0 end as shrinkage_weight
    from typed_rows
    inner join between_offer_variance as variance using (offer_type)
),

shrunk as (
    select
        *,
        type_oe_ratio + shrinkage_weight * (oe_ratio - type_oe_ratio) as shrunk_oe_ratio
    from shrinkage_weights
)

select
    shrunk.offer_id,
    shrunk.offer_type,
    shrunk.effects,
    shrunk.expected_effects,
    shrunk.total_cost_dkk,
    shrunk.cost_per_participant_dkk,
    shrunk.type_oe_ratio,
    shrunk.oe_variance,
    shrunk.mean_expected_effects,
    shrunk.true_oe_variance,
    shrunk.shrinkage_weight,
    shrunk.shrunk_oe_ratio,
    shrunk.shrunk_oe_ratio * cohort_rate.cohort_effect_rate as shrunk_effect_rate,
    shrunk.cost_per_participant_dkk
        / nullif(shrunk.shrunk_oe_ratio * cohort_rate.cohort_effect_rate, 0)
        as shrunk_effect_price_dkk,
    case when shrunk.true_oe_variance > 0 then
        shrunk.type_oe_ratio ^ 2 / shrunk.true_oe_variance + shrunk.effects
    end as posterior_shape,
    case when shrunk.true_oe_variance > 0 then
        shrunk.type_oe_ratio / shrunk.true_oe_variance + shrunk.expected_effects
    end as posterior_rate
from shrunk
cross join cohort_rate
