-- jobcenter_funnel
-- Grain: one row per point of the jobcenter benchmark's funnel plot.
-- Rules: the control limits of an O/E ratio against expected effects E (SPEC §2.7's benchmark,
-- drawn as a funnel plot, docs/decisions.md): with as many effects as expected, observed
-- effects are roughly Poisson with mean E, so O/E lies within 1 ± z·sqrt(1/E) (the normal
-- approximation), clipped at 0, at 95 % and 99.8 % (z_95() and z_998(), as the offer types'
-- funnel). 40 values of E spaced evenly on a log scale from the smallest to the largest
-- expected effects of a non-suppressed jobcenter, so the curve is smooth where it bends most.
with jobcenters as (
    select * from jobcenter_metrics
    where not is_suppressed and expected_effects > 0
),

span as (
    select
        min(expected_effects) as smallest_expected,
        max(expected_effects) as largest_expected
    from jobcenters
    having count(*) > 0
),

points as (
    select distinct
        smallest_expected * pow(largest_expected / smallest_expected, step / 39)
            as expected_effects
    from span
    cross join (select unnest(range(0, 40))::double as step)
)

select
    expected_effects,
    1.0 as centre_oe_ratio,
    greatest(1 - z_998() * sqrt(1 / expected_effects), 0) as lower_998_oe_ratio,
    greatest(1 - z_95() * sqrt(1 / expected_effects), 0) as lower_95_oe_ratio,
    1 + z_95() * sqrt(1 / expected_effects) as upper_95_oe_ratio,
    1 + z_998() * sqrt(1 / expected_effects) as upper_998_oe_ratio
from points
order by expected_effects
