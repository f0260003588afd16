-- group_quarter_trend
-- Grain: one row per provider × offer, and per provider, of the evaluated quarter × each of the
-- trend_quarters() quarters ending with it (quarter_offset 0 = the evaluated quarter, -7 = seven
-- before).
-- Rules: the SPEC §2.1 participants, effect rate and effect price of each earlier cohort, for the
-- workbook's trends (four quarters in the tender basis, eight on a provider's scorecard). A
-- quarter with no cohort participations has participants 0 and no rate; suppression applies
-- quarter by quarter.
with current_groups as (
    select 'provider_offer' as group_kind, offer_id as group_id from provider_offer_metrics
    union all
    select 'provider', provider_id from provider_metrics
),

offsets as (
    select unnest(range(1 - trend_quarters(), 1)) as quarter_offset
),

grid as (
    select
        current_groups.group_kind,
        current_groups.group_id,
        offsets.quarter_offset,
        (getvariable('quarter_start_date') + to_months(3 * offsets.quarter_offset))::date
            as cohort_quarter_start_date
    from current_groups
    cross join offsets
),

metrics as (
    select * from int_group_metrics
    where group_kind in ('provider_offer', 'provider')
)

select
    grid.group_kind,
    grid.group_id,
    grid.quarter_offset,
    quarter_label(grid.cohort_quarter_start_date) as quarter,
    coalesce(metrics.participants, 0) as participants,
    metrics.effects,
    metrics.effect_rate,
    metrics.effect_price_dkk,
    coalesce(metrics.is_suppressed, 0 < getvariable('suppress_below')) as is_suppressed
from grid
left join metrics
    on metrics.group_kind = grid.group_kind
    and metrics.group_id = grid.group_id
    and metrics.cohort_quarter_start_date = grid.cohort_quarter_start_date
order by grid.group_kind, grid.group_id, grid.quarter_offset
