-- offer_type_funnel
-- Grain: one row per offer type of the evaluated quarter × point of its funnel plot.
-- Rules: the offer type's overall effect rate p (int_offer_type_rates) and its control limits at
-- 95 % and 99.8 % (funnel_limit with z_95() and z_998(), as offer_scorecard), clipped to 0–1,
-- for 40 participant counts n spaced evenly on a log scale from the suppression threshold (at
-- least 1) to the type's largest offer, so the curve is smooth where it bends most. The offers
-- themselves are the non-suppressed rows of offer_scorecard.
with type_rates as (
    select * from int_offer_type_rates
),

types as (
    select
        offer_type,
        type_effect_rate,
        greatest(getvariable('suppress_below'), 1) as smallest_n,
        greatest(largest_offer_participants, greatest(getvariable('suppress_below'), 1))
            as largest_n
    from type_rates
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
)

select
    offer_type,
    participants,
    type_effect_rate,
    greatest(funnel_limit(type_effect_rate, participants, -z_998()), 0) as lower_998_rate,
    greatest(funnel_limit(type_effect_rate, participants, -z_95()), 0) as lower_95_rate,
    least(funnel_limit(type_effect_rate, participants, z_95()), 1) as upper_95_rate,
    least(funnel_limit(type_effect_rate, participants, z_998()), 1) as upper_998_rate
from points
order by offer_type, participants
