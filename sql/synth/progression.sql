-- progression (synthetic): six in ten participations of citizens in match groups 2 and 3 have an
-- assessment five days before the start and one 20 days after the end (scores 0-10).
with facts as (
    select *, (draw(row_number, 'before_score') * 7)::integer as before_score
    from synth_participation_facts
    where match_group in (2, 3) and end_date is not null and draw(row_number, 'assess') < 0.6
),

assessments as (
    select row_number, 1 as part, citizen_id, start_date - 5 as assessment_date,
        before_score as score
    from facts
    union all
    select row_number, 2, citizen_id, end_date + 20,
        least(10, before_score + (draw(row_number, 'change') * 4 * quality)::integer)
    from facts
)

-- In a fixed order, so that the same seed gives the same file.
select citizen_id, assessment_date, score
from assessments
order by row_number, part
