-- synth_offer_catalogue
-- Grain: one row per offer of the synthetic extract (four per provider, one provider per 5,000
-- participations, at least 12).
-- Each offer has a type with its price model, price range and duration range (as in the demo
-- extract), a quality that scales its effect chance, and for three in ten a price change.
with offer_numbers as (
    select range as offer_number, range // 4 as provider_number
    from range(getvariable('synth_offers'))
),

typed as (
    select
        offer_number,
        provider_number,
        synth_offer_type(offer_number) as offer_type
    from offer_numbers
),

shaped as (
    select
        *,
        case offer_type
            when 'vejledning_opkvalificering' then 'per_participant'
            when 'jobsoegning' then 'per_participant'
            when 'loentilskud' then 'per_day'
            else 'per_week'
        end as price_model,
        case offer_type
            when 'vejledning_opkvalificering' then [9000, 28000]
            when 'virksomhedspraktik' then [900, 2200]
            when 'loentilskud' then [250, 520]
            when 'mentor' then [700, 1900]
            else [3500, 9500]
        end as price_range_dkk,
        synth_duration_range_days(offer_type) as duration_range_days
    from typed
)

select
    offer_number,
    synth_offer_id(offer_number) as offer_id,
    offer_type,
    price_model,
    'P' || lpad(provider_number::varchar, 5, '0') as provider_id,
    pick(['Job', 'Karriere', 'Lærings', 'Kompetence', 'Mentor', 'Fremtids'],
         [0.17, 0.34, 0.5, 0.67, 0.84, 1.0], draw(provider_number, 'name1'))
        || pick(['huset', 'centret', 'værkstedet', 'gården', 'broen'],
                [0.2, 0.4, 0.6, 0.8, 1.0], draw(provider_number, 'name2'))
        || ' ' || provider_number::varchar as provider_name,
    round(price_range_dkk[1] + draw(offer_number, 'price')
        * (price_range_dkk[2] - price_range_dkk[1]), -1) as unit_price_dkk,
    synth_offer_quality(offer_number) as quality,
    draw(offer_number, 'change') < 0.3 as has_price_change,
    date '2017-01-01' + (draw(offer_number, 'change_date') * 3000)::integer as price_change_date
from shaped
