-- int_cohort_window
-- Grain: one row.
-- Rule: trend_start_date is the first quarter of the workbook's trends, the evaluated quarter and
-- the seven before it (trend_quarters()). history_start_date is the first cohort quarter the
-- evaluated quarter's outputs need, so that the per-participation models compute no more history
-- than that (docs/decisions.md, "How much history the models compute"): the trend's start, or the
-- start of a contract valid in the evaluated quarter if earlier (its escalation counts missed
-- quarters back to its start, SPEC §2.2).
with contracts as (
    select * from stg_contracts
),

contracts_in_quarter as (
    select valid_from_date
    from contracts
    where is_valid_in_quarter(valid_from_date, valid_to_date)
),

needed_starts as (
    select
        (getvariable('quarter_start_date') - to_months(3 * (trend_quarters() - 1)))::date
            as trend_start_date,
        quarter_start(min(valid_from_date)) as earliest_contract_start_date
    from contracts_in_quarter
)

select
    trend_start_date,
    least(trend_start_date, coalesce(earliest_contract_start_date, trend_start_date))
        as history_start_date
from needed_starts
