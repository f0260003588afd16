-- int_group_business_case
-- Grain: one row per provider × offer and per provider with cohort participations in the
-- evaluated quarter (the groups of int_group_metrics that the business case is reported for).
-- Rules (SPEC §2.8), over the group's cohort participations and their avoidable cost
-- (int_participation_avoidable_costs):
--   avoided_benefit_cost           the avoidable cost of the participations with an effect;
--   expected_avoided_benefit_cost  Σ over all of them of their stratum's effect rate in the
--                                  whole cohort (as expected_effects) × their avoidable cost;
--   extra_avoided_benefit_cost     avoided − expected: what the effects beyond the case mix's
--                                  expectation are worth;
--   payback_ratio                  avoided / total_cost; empty when total_cost = 0.
-- The avoidable costs are summed per stratum first, in exact decimals; the few stratum terms
-- of the expected cost are then added in ascending order, so that every figure is the same to
-- the last digit on every run (as int_group_metrics' expected effects).
with members as (
    select * from int_group_members
    where group_kind in ('provider_offer', 'provider')
        and cohort_quarter_start_date = getvariable('quarter_start_date')
),

avoidable_costs as (
    select * from int_participation_avoidable_costs
),

stratum_rates as (
    select * from int_stratum_rates
    where cohort_quarter_start_date = getvariable('quarter_start_date')
),

group_metrics as (
    select group_kind, group_id, total_cost_dkk
    from int_group_metrics
    where group_kind in ('provider_offer', 'provider')
        and cohort_quarter_start_date = getvariable('quarter_start_date')
),

stratum_sums as (
    select
        members.group_kind,
        members.group_id,
        avoidable_costs.benefit_group,
        avoidable_costs.match_group,
        avoidable_costs.age_band,
        coalesce(sum(avoidable_costs.avoidable_cost_dkk) filter (where avoidable_costs.is_effect),
            0) as avoided_cost_dkk,
        sum(avoidable_costs.avoidable_cost_dkk) as avoidable_cost_dkk
    from members
    inner join avoidable_costs using (participation_id)
    group by all
),

group_sums as (
    select
        stratum_sums.group_kind,
        stratum_sums.group_id,
        sum(stratum_sums.avoided_cost_dkk)::double as avoided_benefit_cost_dkk,
        list_sum(list_sort(list(
            stratum_rates.effect_rate * stratum_sums.avoidable_cost_dkk::double
        ))) as expected_avoided_benefit_cost_dkk
    from stratum_sums
    inner join stratum_rates
        on stratum_rates.benefit_group = stratum_sums.benefit_group
        and stratum_rates.match_group = stratum_sums.match_group
        and stratum_rates.age_band = stratum_sums.age_band
    group by all
)

select
    group_sums.group_kind,
    group_sums.group_id,
    group_sums.avoided_benefit_cost_dkk,
    group_sums.expected_avoided_benefit_cost_dkk,
    group_sums.avoided_benefit_cost_dkk - group_sums.expected_avoided_benefit_cost_dkk
        as extra_avoided_benefit_cost_dkk,
    group_sums.avoided_benefit_cost_dkk / nullif(group_metrics.total_cost_dkk, 0)
        as payback_ratio
from group_sums
inner join group_metrics using (group_kind, group_id)
