-- int_contract_quarter_status
-- Grain: one row per contract valid at any time in the evaluated quarter × quarter, from the
-- quarter containing the contract's valid_from up to the evaluated quarter. Contracts that ended
-- before the quarter are not reported (contract_flags), so their history is not computed.
-- Rule (SPEC §2.2): the contract's group metrics for that quarter's cohort, and its status,
-- the first rule that applies: no_target (no target of either kind), inconclusive (fewer
-- participants than min_participants, default from the settings), missed (effect rate below
-- target, effect price above ceiling, or a ceiling with no effect at all), met.
with contracts as (
    select
        *,
        coalesce(min_participants, getvariable('default_min_participants'))
            as min_participants_required
    from stg_contracts
    where is_valid_in_quarter(valid_from_date, valid_to_date)
),

contract_quarters as (
    select
        contract_id,
        unnest(generate_series(
            quarter_start(valid_from_date),
            getvariable('quarter_start_date'),
            interval 3 month
        ))::date as cohort_quarter_start_date
    from contracts
),

contract_metrics as (
    select * from int_group_metrics
    where group_kind = 'contract'
),

measured as (
    select
        contracts.*,
        contract_quarters.cohort_quarter_start_date,
        coalesce(contract_metrics.participants, 0) as participants,
        coalesce(contract_metrics.effects, 0) as effects,
        contract_metrics.effect_rate,
        contract_metrics.effect_rate_ci_high,
        contract_metrics.effect_price_dkk
    from contract_quarters
    inner join contracts on contracts.contract_id = contract_quarters.contract_id
    left join contract_metrics
        on contract_metrics.group_id = contract_quarters.contract_id
        and contract_metrics.cohort_quarter_start_date = contract_quarters.cohort_quarter_start_date
)

select
    *,
    case
        when target_effect_rate is null and max_effect_price_dkk is null then 'no_target'
        when participants < min_participants_required then 'inconclusive'
        when effect_rate < target_effect_rate
            or effect_price_dkk > max_effect_price_dkk
            or (max_effect_price_dkk is not null and effect_price_dkk is null) then 'missed'
        else 'met'
    end as status
from measured
