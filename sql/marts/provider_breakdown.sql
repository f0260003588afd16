-- provider_breakdown
-- Grain: one row per provider × dimension (benefit_group, match_group, age_band) × value of the
-- dimension found among the provider's cohort participations in the evaluated quarter.
-- Rule (SPEC §2.6, a cream-skimming check): participants, their share of the provider's cohort
-- participations, effects, effect rate, expected effects and O/E as §2.1 (stratum rates of the
-- whole cohort), the value's share of the whole cohort, and suppressed (participants <
-- suppress_below). Match groups are written as text (`1`, `2`, `3`) like the other values.
with cohort as (
    select * from int_cohort_participations
    where cohort_quarter_start_date = getvariable('quarter_start_date')
),

stratum_rates as (
    select * from int_stratum_rates
    where cohort_quarter_start_date = getvariable('quarter_start_date')
),

providers as (
    select * from int_providers
),

participation_values as (
    select
        cohort.provider_id,
        cohort.is_effect,
        stratum_rates.effect_rate as stratum_effect_rate,
        cohort.benefit_group,
        cohort.match_group::varchar as match_group,
        cohort.age_band
    from cohort
    inner join stratum_rates
        on stratum_rates.benefit_group = cohort.benefit_group
        and stratum_rates.match_group = cohort.match_group
        and stratum_rates.age_band = cohort.age_band
),

dimension_values as (
    unpivot participation_values
    on benefit_group, match_group, age_band
    into name dimension value dimension_value
),

value_counts as (
    select
        provider_id,
        dimension,
        dimension_value,
        count(*) as participants,
        count(*) filter (where is_effect) as effects,
        list_sum(list_sort(list(stratum_effect_rate))) as expected_effects
    from dimension_values
    group by all
),

cohort_value_counts as (
    select
        dimension,
        dimension_value,
        count(*) / sum(count(*)) over (partition by dimension) as cohort_share
    from dimension_values
    group by dimension, dimension_value
),

shares as (
    select
        value_counts.*,
        value_counts.participants
            / sum(value_counts.participants) over (
                partition by value_counts.provider_id, value_counts.dimension
            ) as share
    from value_counts
)

select
    getvariable('quarter_label') as quarter,
    providers.provider_id,
    providers.provider_name,
    shares.dimension,
    shares.dimension_value,
    shares.participants,
    shares.share,
    shares.effects,
    shares.effects / shares.participants as effect_rate,
    shares.expected_effects,
    shares.effects / nullif(shares.expected_effects, 0) as oe_ratio,
    cohort_value_counts.cohort_share,
    shares.participants < getvariable('suppress_below') as is_suppressed
from shares
inner join cohort_value_counts using (dimension, dimension_value)
inner join providers on providers.provider_id = shares.provider_id
order by providers.provider_id, shares.dimension, shares.dimension_value
