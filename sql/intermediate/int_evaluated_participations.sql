-- int_evaluated_participations
-- Materialized: view
-- Grain: one row per cohort participation of the jobcenter evaluated; every one when the run
-- names no jobcenter.
-- Rule (SPEC §2.7): `evaluator run --jobcenter NAME` computes every group, contract and pillar
-- figure over that jobcenter's participations only, while the stratum rates and the cohort
-- effect rate stay those of the whole cohort (int_stratum_rates reads int_cohort_participations,
-- not this model). This is the one place the run variable `jobcenter` is read.
with cohort as (
    select * from int_cohort_participations
)

select *
from cohort
where getvariable('jobcenter') is null
    or jobcenter = getvariable('jobcenter')
