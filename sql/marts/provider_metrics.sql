-- provider_metrics
-- Grain: one row per provider with cohort participations in the evaluated quarter.
-- Rules: the group metrics of SPEC §2.1 (all offers of the provider together) and the pillars
-- of §2.3, plus preliminary, then the business case of §2.8 (int_group_business_case).
with provider_group_metrics as (
    select * from int_group_metrics
    where group_kind = 'provider'
        and cohort_quarter_start_date = getvariable('quarter_start_date')
),

providers as (
    select * from int_providers
),

business_case as (
    select * from int_group_business_case
    where group_kind = 'provider'
)

select
    getvariable('quarter_label') as quarter,
    providers.provider_id,
    providers.provider_name,
    metrics.participants,
    metrics.completed,
    metrics.dropped_out,
    metrics.job_exits,
    metrics.education_exits,
    metrics.effects,
    metrics.effect_rate,
    metrics.effect_rate_ci_low,
    metrics.effect_rate_ci_high,
    metrics.total_cost_dkk,
    metrics.cost_per_participant_dkk,
    metrics.effect_price_dkk,
    metrics.expected_effects,
    metrics.oe_ratio,
    metrics.adjusted_effect_rate,
    metrics.adjusted_effect_price_dkk,
    metrics.is_suppressed,
    is_preliminary() as is_preliminary,
    metrics.satisfaction_responses,
    metrics.satisfaction_mean,
    metrics.satisfied_share,
    metrics.progression_n,
    metrics.progression_mean,
    business_case.avoided_benefit_cost_dkk,
    business_case.expected_avoided_benefit_cost_dkk,
    business_case.extra_avoided_benefit_cost_dkk,
    business_case.payback_ratio
from provider_group_metrics as metrics
inner join providers on providers.provider_id = metrics.group_id
left join business_case on business_case.group_id = metrics.group_id
order by providers.provider_id
