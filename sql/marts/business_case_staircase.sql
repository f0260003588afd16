-- business_case_staircase
-- Grain: one row per step of the refusion staircase (SPEC §2.8).
-- Rule: the steps of int_refusion_steps as the Metode sheet shows them: the benefit weeks of
-- each step (the last one open), the state's refusion and what the municipality pays of a
-- benefit week (1 − refusion), so the sheet's table is the one every figure was computed with.
with refusion_steps as (
    select * from int_refusion_steps
)

select
    step_number,
    first_week,
    last_week,
    refusion_rate::double as refusion_rate,
    net_share::double as net_share
from refusion_steps
order by step_number
