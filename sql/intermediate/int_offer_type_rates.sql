-- int_offer_type_rates
-- Grain: one row per offer type with cohort participations in the evaluated quarter.
-- Rule (the workbook's funnel plot, docs/definitions.md): the offer type's overall effect rate
-- p = effects / participants over all the type's cohort participations of the quarter
-- (suppressed offers included), and the participants of its largest offer. offer_scorecard
-- places each offer against p's control limits and offer_type_funnel draws them (both with
-- funnel_limit, sql/macros/metrics.sql).
with offer_metrics as (
    select * from int_group_metrics
    where group_kind = 'provider_offer'
        and cohort_quarter_start_date = getvariable('quarter_start_date')
),

offers as (
    select * from int_offers
)

select
    offers.offer_type,
    sum(offer_metrics.effects) / sum(offer_metrics.participants) as type_effect_rate,
    max(offer_metrics.participants) as largest_offer_participants
from offer_metrics
inner join offers on offers.offer_id = offer_metrics.group_id
group by offers.offer_type
