-- provider_offer_metrics
-- Grain: one row per provider × offer with cohort participations in the evaluated quarter.
-- Rules: the group metrics of SPEC §2.1 and pillars of §2.3 (from int_group_metrics), plus
-- rank_in_type (1 = lowest adjusted effect price among the non-suppressed offers of the same
-- offer type; an empty adjusted price ranks last; ties by higher effect rate, then offer_id;
-- empty for suppressed rows) and preliminary (the follow-up window is not yet complete), then
-- the shrunk rates and prob_best of §2.5 (empty where expected_effects = 0), then the business
-- case of §2.8 (int_group_business_case).
-- Prices are compared rounded to the øre: two prices equal in exact arithmetic can differ in the
-- last binary digit, and that noise must not decide a rank (docs/decisions.md).
with offer_metrics as (
    select * from int_group_metrics
    where group_kind = 'provider_offer'
        and cohort_quarter_start_date = getvariable('quarter_start_date')
),

offers as (
    select * from int_offers
),

providers as (
    select * from int_providers
),

shrinkage as (
    select offer_id, shrunk_oe_ratio, shrunk_effect_rate, shrunk_effect_price_dkk
    from int_offer_shrinkage
),

prob_best as (
    select * from int_offer_prob_best
),

business_case as (
    select * exclude (group_kind) from int_group_business_case
    where group_kind = 'provider_offer'
),

ranked as (
    select
        offer_metrics.*,
        offers.offer_id,
        offers.offer_name,
        offers.offer_type,
        providers.provider_id,
        providers.provider_name,
        case when not offer_metrics.is_suppressed then
            row_number() over (
                partition by offers.offer_type, offer_metrics.is_suppressed
                order by
                    round(offer_metrics.adjusted_effect_price_dkk, 2) asc nulls last,
                    offer_metrics.effect_rate desc,
                    offers.offer_id
            )
        end as rank_in_type
    from offer_metrics
    inner join offers on offers.offer_id = offer_metrics.group_id
    inner join providers on providers.provider_id = offers.provider_id
)

select
    getvariable('quarter_label') as quarter,
    provider_id,
    provider_name,
    offer_id,
    offer_name,
    offer_type,
    participants,
    completed,
    dropped_out,
    job_exits,
    education_exits,
    effects,
    effect_rate,
    effect_rate_ci_low,
    effect_rate_ci_high,
    total_cost_dkk,
    cost_per_participant_dkk,
    effect_price_dkk,
    expected_effects,
    oe_ratio,
    adjusted_effect_rate,
    adjusted_effect_price_dkk,
    is_suppressed,
    rank_in_type,
    is_preliminary() as is_preliminary,
    satisfaction_responses,
    satisfaction_mean,
    satisfied_share,
    progression_n,
    progression_mean,
    shrinkage.shrunk_oe_ratio,
    shrinkage.shrunk_effect_rate,
    shrinkage.shrunk_effect_price_dkk,
    prob_best.prob_best,
    business_case.avoided_benefit_cost_dkk,
    business_case.expected_avoided_benefit_cost_dkk,
    business_case.extra_avoided_benefit_cost_dkk,
    business_case.payback_ratio
from ranked
left join shrinkage using (offer_id)
left join prob_best using (offer_id)
left join business_case on business_case.group_id = ranked.offer_id
order by provider_id, offer_id
