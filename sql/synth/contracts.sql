-- contracts (synthetic): every provider holds a provider-wide contract for all its offers with a
-- target effect rate of 18-35 %, and one offer in four also has its own contract with a maximum
-- effect price. Contracts run for a fixed term and are then tendered again under a new contract
-- id: four years for a provider's framework agreement (the longest a framework agreement may run
-- under the Danish procurement act, udbudsloven § 94), two years for an offer's contract. Terms
-- are staggered by provider and offer, so each quarter has contracts of every age; none is
-- signed after the extract's last starts (2026)
-- (docs/decisions.md, "Synthetic extracts").
with catalogue as (
    select * from synth_offer_catalogue
),

providers as (
    select
        provider_id,
        min(offer_number) as first_offer_number
    from catalogue
    group by provider_id
),

provider_terms as (
    select
        providers.*,
        (date '2012-01-01'
            + to_months((draw(first_offer_number, 'term_offset') * 48)::integer
                + 48 * term_number))::date as valid_from
    from providers
    cross join range(5) as terms(term_number)
),

provider_contracts as (
    select
        'K' || provider_id || '-' || strftime(valid_from, '%Y%m') as contract_id,
        provider_id,
        null::varchar as offer_id,
        valid_from,
        (valid_from + to_months(48))::date - 1 as valid_to,
        round(0.18 + 0.17 * draw(first_offer_number, 'target'), 2) as target_effect_rate,
        null::double as max_effect_price,
        null::integer as min_participants
    from provider_terms
    where valid_from + to_months(48) > date '2016-01-01'
        and valid_from < date '2026-07-01'
),

offer_terms as (
    select
        catalogue.*,
        (date '2016-01-01'
            + to_months((draw(offer_number, 'term_offset') * 24)::integer
                + 24 * term_number))::date as valid_from
    from catalogue
    cross join range(6) as terms(term_number)
    where draw(offer_number, 'offer_contract') < 0.25
),

offer_contracts as (
    select
        'K' || offer_id || '-' || strftime(valid_from, '%Y%m') as contract_id,
        provider_id,
        offer_id,
        valid_from,
        (valid_from + to_months(24))::date - 1 as valid_to,
        null::double as target_effect_rate,
        round(unit_price_dkk * 6, -3) as max_effect_price,
        20 as min_participants
    from offer_terms
    where valid_from between date '2018-01-01' and date '2026-06-30'
),

all_contracts as (
    select * from provider_contracts
    union all
    select * from offer_contracts
)

select * from all_contracts
order by contract_id
