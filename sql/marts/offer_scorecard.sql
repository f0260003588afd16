-- offer_scorecard
-- Grain: one row per provider × offer with cohort participations in the evaluated quarter (the
-- rows of provider_offer_metrics).
-- Rules, for the workbook's overview and tender basis (docs/decisions.md, "The workbook"):
-- - covering contracts: the contracts of contract_flags whose offer is this offer, or that
--   have no offer and belong to this offer's provider (SPEC §2.2);
-- - contract_status and recommendation: the most serious among them (missed > inconclusive >
--   met > no_target; phase_out > dialogue > continue), contract_status no_contract when no
--   contract covers the offer (its recommendation stays empty); the strictest target and
--   minimum;
-- - is_uncertain: fewer participants than the contract minimum (the configured default when
--   no contract covers the offer), or a Wilson interval that contains the target effect rate;
-- - funnel_position: where the effect rate lies against the offer type's overall rate p
--   (int_offer_type_rates) and its control limits at 95 % and 99.8 % (funnel_limit, z_95(),
--   z_998()): above_998, above_95, within, below_95, below_998. Empty for suppressed rows,
--   which show no rate.
-- The business case (SPEC §2.8) is provider_offer_metrics' own.
with offer_metrics as (
    select * from provider_offer_metrics
),

contracts as (
    select * from contract_flags
),

covering as (
    select
        offer_metrics.offer_id,
        string_agg(contracts.contract_id, ', ' order by contracts.contract_id) as contract_ids,
        arg_max(
            contracts.status,
            list_position(['no_target', 'met', 'inconclusive', 'missed'], contracts.status)
        ) as contract_status,
        arg_max(
            contracts.recommendation,
            list_position(['continue', 'dialogue', 'phase_out'], contracts.recommendation)
        ) as recommendation,
        max(contracts.target_effect_rate) as target_effect_rate,
        max(contracts.min_participants_required) as min_participants_required
    from offer_metrics
    inner join contracts
        on contracts.offer_id = offer_metrics.offer_id
        or (contracts.offer_id is null and contracts.provider_id = offer_metrics.provider_id)
    group by offer_metrics.offer_id
),

type_rates as (
    select * from int_offer_type_rates
),

positioned as (
    select
        offer_metrics.offer_id,
        type_rates.type_effect_rate,
        case
            when offer_metrics.is_suppressed then null
            when offer_metrics.effect_rate > funnel_limit(
                type_rates.type_effect_rate, offer_metrics.participants, z_998()
            ) then 'above_998'
            when offer_metrics.effect_rate > funnel_limit(
                type_rates.type_effect_rate, offer_metrics.participants, z_95()
            ) then 'above_95'
            when offer_metrics.effect_rate < funnel_limit(
                type_rates.type_effect_rate, offer_metrics.participants, -z_998()
            ) then 'below_998'
            when offer_metrics.effect_rate < funnel_limit(
                type_rates.type_effect_rate, offer_metrics.participants, -z_95()
            ) then 'below_95'
            else 'within'
        end as funnel_position
    from offer_metrics
    inner join type_rates on type_rates.offer_type = offer_metrics.offer_type
)

select
    offer_metrics.quarter,
    offer_metrics.provider_id,
    offer_metrics.provider_name,
    offer_metrics.offer_id,
    offer_metrics.offer_name,
    offer_metrics.offer_type,
    offer_metrics.participants,
    offer_metrics.effects,
    offer_metrics.effect_rate,
    offer_metrics.effect_rate_ci_low,
    offer_metrics.effect_rate_ci_high,
    offer_metrics.total_cost_dkk,
    offer_metrics.effect_price_dkk,
    offer_metrics.adjusted_effect_price_dkk,
    offer_metrics.rank_in_type,
    offer_metrics.shrunk_effect_price_dkk,
    offer_metrics.prob_best,
    offer_metrics.avoided_benefit_cost_dkk,
    offer_metrics.extra_avoided_benefit_cost_dkk,
    offer_metrics.payback_ratio,
    offer_metrics.is_suppressed,
    covering.contract_ids,
    coalesce(covering.contract_status, 'no_contract') as contract_status,
    covering.recommendation,
    covering.target_effect_rate,
    coalesce(covering.min_participants_required, getvariable('default_min_participants'))
        as min_participants_required,
    offer_metrics.participants
        < coalesce(covering.min_participants_required, getvariable('default_min_participants'))
    or coalesce(
        covering.target_effect_rate
            between offer_metrics.effect_rate_ci_low and offer_metrics.effect_rate_ci_high,
        false
    ) as is_uncertain,
    positioned.type_effect_rate,
    positioned.funnel_position
from offer_metrics
left join covering on covering.offer_id = offer_metrics.offer_id
inner join positioned on positioned.offer_id = offer_metrics.offer_id
order by offer_metrics.offer_type, offer_metrics.rank_in_type nulls last, offer_metrics.offer_id
