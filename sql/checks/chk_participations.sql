-- chk_participations
-- Grain: one row per row of the participations file, for the rules in checks/participations.toml.
-- Typed columns plus the facts a rule needs from other tables: is the offer known, and does a
-- cohort participation have a price row on its start date (SPEC §5). Dates are compared as
-- whole days (duration, days after the as-of date): great-expectations' range rule calls Python
-- once per date value but compares numbers in one vectorised step, and its column-pair rule
-- (end_date ≥ start_date) takes 2.7 times as long as a range on the duration. Text columns and
-- the dates themselves are left out (a batch of 5 million strings is slow and large in pandas):
-- uniqueness is an occurrence count, and a finding's value is looked up in the typed table by
-- its row. So is citizen_id: no rule needs it. Only repeated ids are counted into a table of
-- their own; every other row occurs once (joining 5 million counts of 1 took 0.8 s).
with participations as (
    select * from src_participations
),

price_rows as (
    select * from src_offers
),

repeated_ids as (
    select
        participation_id,
        count(*) as participation_id_occurrences
    from participations
    group by participation_id
    having count(*) > 1
),

cohort_participations as (
    select
        _row,
        offer_id,
        start_date
    from participations
    where end_date
        between getvariable('check_cohort_start_date') and getvariable('check_cohort_end_date')
),

priced as (
    select
        cohort_participations._row,
        count(price_rows.offer_id) > 0 as has_price_row
    from cohort_participations
    left join price_rows
        on price_rows.offer_id = cohort_participations.offer_id
        and is_valid_on(
            cohort_participations.start_date, price_rows.valid_from, price_rows.valid_to
        )
    group by cohort_participations._row
)

select
    participations._row,
    coalesce(repeated_ids.participation_id_occurrences, 1) as participation_id_occurrences,
    participations.match_group,
    participations.age,
    participations.benefit_weeks_before,
    participations.end_date - participations.start_date + 1 as duration_days,
    participations.start_date - getvariable('as_of_date') as start_days_after_as_of,
    participations.end_date - getvariable('as_of_date') as end_days_after_as_of,
    participations.offer_id in (select offer_id from price_rows) as offer_is_known,
    case
        when participations.offer_id in (select offer_id from price_rows)
            then priced.has_price_row
    end as has_price_row
from participations
left join repeated_ids
    on repeated_ids.participation_id is not distinct from participations.participation_id
left join priced on priced._row = participations._row
