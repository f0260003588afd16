-- chk_offers
-- Grain: one row per price row of the offers file, for the rules in checks/offers.toml.
-- overlaps_another_row: another price row of the same offer shares a day with this one;
-- providers_of_offer: how many provider ids the offer's rows name (must be 1);
-- has_contract: a contract names the offer or its provider (empty when there is no contracts
-- table, which means no contract follow-up rather than a warning per offer).
with price_rows as (
    select * from src_offers
),

contracts as (
    select * from src_contracts
),

overlapping as (
    select distinct this._row
    from price_rows as this
    inner join price_rows as other
        on other.offer_id = this.offer_id
        and other._row <> this._row
        and validities_overlap(this.valid_from, this.valid_to, other.valid_from, other.valid_to)
),

providers as (
    select
        offer_id,
        count(distinct provider_id) as providers_of_offer
    from price_rows
    group by offer_id
)

select
    price_rows._row,
    price_rows.unit_price::double as unit_price,
    price_rows.valid_from,
    price_rows.valid_to,
    price_rows._row in (select _row from overlapping) as overlaps_another_row,
    providers.providers_of_offer,
    case when getvariable('has_contracts') then
        price_rows.offer_id in (select offer_id from contracts where offer_id is not null)
        or price_rows.provider_id in (select provider_id from contracts where offer_id is null)
    end as has_contract
from price_rows
inner join providers on providers.offer_id = price_rows.offer_id
