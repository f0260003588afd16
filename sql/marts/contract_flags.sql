-- contract_flags
-- Grain: one row per contract valid at any time in the evaluated quarter.
-- Rules (SPEC §2.2, the Vejle model): status in the quarter; clearly_missed (missed, and even
-- the Wilson upper bound is below the target rate); consecutive_missed (quarters in a row ending
-- at this one with status missed, counting back no further than the quarter of valid_from; any
-- other status breaks the run); recommendation continue (0), dialogue (1), phase_out (2 or more).
-- The target and the ceiling are the contract's exact decimals as doubles, like every figure of the
-- outputs (docs/decisions.md, "Money is exact"). For the workbook it also carries the provider's
-- name and is_suppressed (fewer participants than suppress_below: the workbook then shows no
-- counts, rates or prices, SPEC §6); the CSV leaves both out.
with statuses as (
    select * from int_contract_quarter_status
),

last_unmissed as (
    select
        contract_id,
        max(cohort_quarter_start_date) filter (where status <> 'missed')
            as last_unmissed_quarter_start_date
    from statuses
    group by contract_id
),

missed_runs as (
    select
        statuses.contract_id,
        count(*) filter (
            where statuses.cohort_quarter_start_date
                > coalesce(last_unmissed.last_unmissed_quarter_start_date, date '0001-01-01')
        ) as consecutive_missed
    from statuses
    inner join last_unmissed on last_unmissed.contract_id = statuses.contract_id
    group by statuses.contract_id
),

providers as (
    select * from int_providers
),

current_quarter as (
    select * from statuses
    where cohort_quarter_start_date = getvariable('quarter_start_date')
)

select
    getvariable('quarter_label') as quarter,
    current_quarter.contract_id,
    current_quarter.provider_id,
    current_quarter.offer_id,
    current_quarter.participants,
    current_quarter.effects,
    current_quarter.effect_rate,
    current_quarter.effect_price_dkk,
    current_quarter.target_effect_rate::double as target_effect_rate,
    current_quarter.max_effect_price_dkk::double as max_effect_price_dkk,
    current_quarter.min_participants_required,
    current_quarter.status,
    coalesce(
        current_quarter.status = 'missed'
            and current_quarter.effect_rate_ci_high < current_quarter.target_effect_rate,
        false
    ) as is_clearly_missed,
    missed_runs.consecutive_missed,
    case
        when missed_runs.consecutive_missed = 0 then 'continue'
        when missed_runs.consecutive_missed = 1 then 'dialogue'
        else 'phase_out'
    end as recommendation,
    is_preliminary() as is_preliminary,
    providers.provider_name,
    current_quarter.participants < getvariable('suppress_below') as is_suppressed
from current_quarter
inner join missed_runs on missed_runs.contract_id = current_quarter.contract_id
inner join providers on providers.provider_id = current_quarter.provider_id
order by current_quarter.contract_id
