-- int_refusion_steps
-- Grain: one row per step of the refusion staircase (SPEC §2.8), from the settings
-- `refusion_until_week` and `refusion_rates` of `[business_case]`.
-- Rule: the refusion of benefit week k is the rate of the first step whose last week is ≥ k;
-- after the last step, the last rate. Step j covers weeks first_week … last_week, where
-- first_week is one past the step before's last week (1 for the first) and the last step's
-- last_week is empty (open). A benefit week costs the municipality 1 − its refusion, the
-- step's net_share. The defaults are the 2016 reform's 80/40/30/20 % after weeks 4, 26, 52.
with settings as (
    select
        getvariable('refusion_until_week') as until_weeks,
        getvariable('refusion_rates') as rates
),

steps as (
    select
        step_number,
        settings.until_weeks[step_number] as last_week,
        coalesce(settings.until_weeks[step_number - 1], 0) + 1 as first_week,
        settings.rates[step_number] as refusion_rate
    from settings
    cross join range(1, len(settings.rates) + 1) as step_numbers(step_number)
)

select
    step_number::integer as step_number,
    first_week,
    last_week,
    refusion_rate,
    1 - refusion_rate as net_share
from steps
