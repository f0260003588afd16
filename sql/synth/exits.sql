-- exits (synthetic): the job and education exits that make effects, exits of other kinds, and
-- exits of citizens who never took part (three for every ten participations).
-- The chance of a job or education exit is 42 %, 24 % or 10 % by match group, times 0.6 for
-- sickness-related benefits and 0.75 from age 50, times the offer's and the jobcenter's quality
-- (synth_participation_facts); it falls between two weeks before the end and four months after
-- it, so some miss the 91-day window.
with facts as (
    select * from synth_participation_facts
    where end_date is not null
),

chances as (
    select
        *,
        least(
            0.95,
            case match_group when 1 then 0.42 when 2 then 0.24 else 0.10 end
                * case when benefit_group in ('sygedagpenge', 'ressourceforloeb', 'jobafklaring')
                    then 0.6 else 1 end
                * case when age >= 50 then 0.75 else 1 end
                * quality
                * jobcenter_quality
        ) as effect_chance
    from facts
),

effect_exits as (
    select
        1 as part,
        row_number,
        citizen_id,
        end_date - 14 + (draw(row_number, 'lag') * 135)::integer as exit_date,
        case
            when draw(row_number, 'category') < 0.75
                then pick(['job_ordinaer', 'job_deltid', 'job_selvstaendig'], [0.7, 0.9, 1.0],
                          draw(row_number, 'job_code'))
            else pick(['udd_ordinaer', 'udd_erhverv', 'udd_videregaaende'], [0.4, 0.8, 1.0],
                      draw(row_number, 'education_code'))
        end as exit_code
    from chances
    where draw(row_number, 'effect') < effect_chance
),

other_exits as (
    select
        2 as part,
        row_number,
        citizen_id,
        end_date + (draw(row_number, 'other_lag') * 200)::integer as exit_date,
        pick(['sygdom', 'anden_ydelse', 'pension', 'fraflytning', 'barsel', 'ukendt'],
             [0.3, 0.55, 0.65, 0.8, 0.9, 1.0], draw(row_number, 'other_code')) as exit_code
    from facts
    where draw(row_number, 'other') < 0.2
),

non_participant_exits as (
    select
        3 as part,
        range as row_number,
        'N' || lpad(range::varchar, 9, '0') as citizen_id,
        date '2016-01-04' + (draw(range, 'np_date') * 3650)::integer as exit_date,
        pick(['job_ordinaer', 'udd_ordinaer', 'sygdom', 'anden_ydelse'], [0.5, 0.65, 0.85, 1.0],
             draw(range, 'np_code')) as exit_code
    from range(getvariable('synth_participations') * 3 // 10)
),

all_exits as (
    select * from effect_exits
    union all
    select * from other_exits
    union all
    select * from non_participant_exits
)

-- In a fixed order, so that the same seed gives the same file (a union has none of its own).
select citizen_id, exit_date, exit_code
from all_exits
order by part, row_number
