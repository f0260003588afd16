-- int_weekly_benefits
-- Grain: one row per benefit group of SPEC §1.2.
-- Rule (SPEC §2.8): the municipality's gross payment per benefit week of the group, from the
-- setting `[business_case.weekly_benefit_dkk]` (a group the settings file leaves out keeps its
-- default). In kroner and øre.
with settings as (
    select unnest(getvariable('weekly_benefits_dkk'), recursive := true)
)

select
    benefit_group,
    weekly_benefit_dkk
from settings
