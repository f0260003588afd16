-- int_participation_costs
-- Materialized: view
-- Grain: one row per participation of int_history_participations (ended, in a needed cohort).
-- Rule (SPEC §2): the price row is the offer's row whose validity contains start_date; days are
-- end_date − start_date + 1; cost is unit_price (per_participant), unit_price × ceil(days / 7)
-- (per_week) or unit_price × days (per_day). No price row: cost empty (a blocking check for
-- cohort participations).
with participations as (
    select
        participation_id,
        offer_id,
        start_date,
        end_date
    from int_history_participations
),

price_rows as (
    select * from stg_offers
),

priced as (
    select
        participations.participation_id,
        participations.end_date - participations.start_date + 1 as duration_days,
        price_rows.price_model,
        price_rows.unit_price_dkk,
        price_rows.valid_from_date as price_valid_from_date
    from participations
    left join price_rows
        on price_rows.offer_id = participations.offer_id
        and is_valid_on(
            participations.start_date, price_rows.valid_from_date, price_rows.valid_to_date
        )
),

billed as (
    select
        *,
        case price_model
            when 'per_participant' then 1
            when 'per_week' then started_weeks(duration_days)
            when 'per_day' then duration_days
        end as billed_units
    from priced
)

select
    participation_id,
    duration_days,
    price_model,
    price_valid_from_date,
    unit_price_dkk,
    billed_units,
    unit_price_dkk * billed_units as cost_dkk
from billed
