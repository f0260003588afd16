-- satisfaction (synthetic): three participants in ten answer the survey three days after the
-- end; better offers get higher scores.
with facts as (
    select * from synth_participation_facts
    where end_date is not null and draw(row_number, 'survey') < 0.3
)

select
    participation_id,
    end_date + 3 as response_date,
    least(5, 1 + floor(5 * pow(draw(row_number, 'score'), 1 / (1.5 * quality))))::integer
        as score
from facts
