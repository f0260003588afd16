-- participations (synthetic): one row per participation, the columns of SPEC §1.2.
with facts as (
    select * from synth_participation_facts
)

select
    participation_id,
    citizen_id,
    jobcenter,
    department,
    benefit_group,
    match_group,
    age,
    benefit_weeks_before,
    offer_id,
    start_date,
    end_date,
    case
        when end_date is null then null
        when draw(row_number, 'completion') < 0.15 then 'dropped_out'
        else 'completed'
    end as completion
from facts
