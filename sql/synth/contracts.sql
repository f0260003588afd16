-- contracts (synthetic): every provider has a contract for all its offers with a target effect
-- rate of 18-35 %; one offer in four also has its own contract with a maximum effect price.
with catalogue as (
    select * from synth_offer_catalogue
),

provider_contracts as (
    select
        'K' || provider_id as contract_id,
        provider_id,
        null::varchar as offer_id,
        date '2016-01-01' as valid_from,
        null::date as valid_to,
        round(0.18 + 0.17 * draw(min(offer_number), 'target'), 2) as target_effect_rate,
        null::double as max_effect_price,
        null::integer as min_participants
    from catalogue
    group by provider_id
),

offer_contracts as (
    select
        'K' || offer_id as contract_id,
        provider_id,
        offer_id,
        date '2018-01-01' as valid_from,
        null::date as valid_to,
        null::double as target_effect_rate,
        round(unit_price_dkk * 6, -3) as max_effect_price,
        20 as min_participants
    from catalogue
    where draw(offer_number, 'offer_contract') < 0.25
),

all_contracts as (
    select * from provider_contracts
    union all
    select * from offer_contracts
)

select * from all_contracts
order by contract_id
