-- offers (synthetic): one row per price row; three offers in ten change their price once,
-- by 6 %, so the price row of a participation depends on its start date.
with catalogue as (
    select * from synth_offer_catalogue
),

first_prices as (
    select
        *,
        date '2015-01-01' as valid_from,
        case when has_price_change then price_change_date - 1 end as valid_to
    from catalogue
),

changed_prices as (
    select
        * replace (round(unit_price_dkk * 1.06, -1) as unit_price_dkk),
        price_change_date as valid_from,
        null::date as valid_to
    from catalogue
    where has_price_change
),

price_rows as (
    select * exclude (valid_from, valid_to), valid_from, valid_to from first_prices
    union all
    select * exclude (valid_from, valid_to), valid_from, valid_to from changed_prices
)

select
    offer_id,
    case offer_type
        when 'vejledning_opkvalificering' then 'Opkvalificering'
        when 'virksomhedspraktik' then 'Virksomhedspraktik'
        when 'loentilskud' then 'Løntilskud'
        when 'mentor' then 'Mentorstøtte'
        else 'Jobsøgning'
    end || ' ' || offer_id as offer_name,
    offer_type,
    provider_id,
    provider_name,
    price_model,
    unit_price_dkk as unit_price,
    valid_from,
    valid_to
from price_rows
order by offer_id, valid_from
