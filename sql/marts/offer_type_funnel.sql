-- offer_type_funnel
-- Grain: one row per offer type of the evaluated quarter × point of its funnel plot.
-- Rules: the offer type's overall effect rate p (all its cohort participations) and the
-- binomial control limits p ± z·sqrt(p(1−p)/n), clipped to 0–1, at 95 % and 99.8 % (the z values
-- of offer_scorecard), for 40 participant counts n spaced evenly on a log scale from the
-- suppression threshold (at least 1) to the type's largest offer, so the curve is smooth where
-- it bends most. The offers themselves are the non-suppressed rows of offer_scorecard.
with offer_metrics as (
    select * from provider_offer_metrics
),

types as (
    select
        offer_type,
        sum(effects) / sum(participants) as type_effect_rate,
        greatest(getvariable('suppress_below'), 1) as smallest_n,
        greatest(max(participants), greatest(getvariable('suppress_below'), 1)) as largest_n
    from offer_metrics
    group by offer_type
),

points as (
    select distinct
        types.offer_type,
        types.type_effect_rate,
        round(
            types.smallest_n * pow(types.largest_n / types.smallest_n, step / 39)
        )::integer as participants
    from types
    cross join (select unnest(range(0, 40))::double as step)
),

limits as (
    select
        *,
        sqrt(type_effect_rate * (1 - type_effect_rate) / participants) as standard_error
    from points
)

select
    offer_type,
    participants,
    type_effect_rate,
    greatest(type_effect_rate - z_998() * standard_error, 0) as lower_998_rate,
    greatest(type_effect_rate - z_95() * standard_error, 0) as lower_95_rate,
    least(type_effect_rate + z_95() * standard_error, 1) as upper_95_rate,
    least(type_effect_rate + z_998() * standard_error, 1) as upper_998_rate
from limits
order by offer_type, participants
