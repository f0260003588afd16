-- int_group_members
-- Materialized: view
-- Grain: one row per group × cohort participation, for five kinds of group:
--   provider_offer  one offer (an offer belongs to one provider);
--   provider        all offers of one provider;
--   contract        the participations a contract covers (SPEC §2.2): its offer, or with no
--                   offer any offer of its provider, and start_date within its validity;
--   jobcenter       all participations of one jobcenter (SPEC §2.7);
--   quarter         the whole cohort of the evaluated quarter (group id: its label), the
--                   workbook's headline (quarter_overview).
-- Every kind gets the same metrics from int_group_metrics, so the formulas live in one place.
-- Providers and offers are needed for the evaluated quarter and the seven before it (the
-- workbook's trends); contracts for every quarter since they began (their escalation);
-- jobcenters and the quarter for the evaluated quarter. Providers, offers, contracts and the
-- quarter count the jobcenter evaluated (int_evaluated_participations); the jobcenter benchmark
-- always counts them all.
with cohort as (
    select * from int_evaluated_participations
),

whole_cohort as (
    select * from int_cohort_participations
),

contracts as (
    select * from stg_contracts
),

cohort_window as (
    select * from int_cohort_window
),

recent_cohort as (
    select cohort.*
    from cohort
    inner join cohort_window
        on cohort.cohort_quarter_start_date >= cohort_window.trend_start_date
),

provider_offer_members as (
    select 'provider_offer' as group_kind, offer_id as group_id, cohort_quarter_start_date,
        participation_id
    from recent_cohort
),

provider_members as (
    select 'provider' as group_kind, provider_id as group_id, cohort_quarter_start_date,
        participation_id
    from recent_cohort
),

offer_contract_members as (
    select 'contract' as group_kind, contracts.contract_id as group_id,
        cohort.cohort_quarter_start_date, cohort.participation_id
    from contracts
    inner join cohort
        on cohort.offer_id = contracts.offer_id
        and is_valid_on(cohort.start_date, contracts.valid_from_date, contracts.valid_to_date)
    where contracts.offer_id is not null
),

provider_contract_members as (
    select 'contract' as group_kind, contracts.contract_id as group_id,
        cohort.cohort_quarter_start_date, cohort.participation_id
    from contracts
    inner join cohort
        on cohort.provider_id = contracts.provider_id
        and is_valid_on(cohort.start_date, contracts.valid_from_date, contracts.valid_to_date)
    where contracts.offer_id is null
),

jobcenter_members as (
    select 'jobcenter' as group_kind, jobcenter as group_id, cohort_quarter_start_date,
        participation_id
    from whole_cohort
    where cohort_quarter_start_date = getvariable('quarter_start_date')
),

quarter_members as (
    select 'quarter' as group_kind, getvariable('quarter_label') as group_id,
        cohort_quarter_start_date, participation_id
    from cohort
    where cohort_quarter_start_date = getvariable('quarter_start_date')
)

select * from provider_offer_members
union all
select * from provider_members
union all
select * from offer_contract_members
union all
select * from provider_contract_members
union all
select * from jobcenter_members
union all
select * from quarter_members
