-- int_stratum_rates
-- Grain: one row per cohort quarter × stratum (benefit group × match group × age band).
-- Rule (SPEC §2.1): a stratum's effect rate is taken over the whole cohort of the quarter; it
-- gives each participation its expected chance of an effect for the case-mix adjustment.
with cohort as (
    select * from int_cohort_participations
)

select
    cohort_quarter_start_date,
    benefit_group,
    match_group,
    age_band,
    count(*) as participants,
    count(*) filter (where is_effect) as effects,
    count(*) filter (where is_effect) / count(*) as effect_rate
from cohort
group by all
