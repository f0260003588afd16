-- int_history_participations
-- Materialized: view
-- Grain: one row per participation that ended in a cohort quarter the outputs need: from the
-- history start of int_cohort_window up to the evaluated quarter's last day.
-- Rule (SPEC §2): a participation belongs to the cohort of the quarter its end_date falls in;
-- ongoing participations (no end_date) belong to none. Later cohorts are not needed by this
-- quarter's outputs, earlier ones not by its trends or its contracts' escalation.
with participations as (
    select * from stg_participations
),

cohort_window as (
    select * from int_cohort_window
)

select participations.*
from participations
inner join cohort_window
    on participations.end_date
        between cohort_window.history_start_date and getvariable('quarter_end_date')
