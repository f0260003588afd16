-- synth_participation_facts
-- Grain: one row per participation of the synthetic extract.
-- A citizen (about 2.2 participations each) keeps benefit group, match group, department and
-- birth year across participations (young on uddannelseshjælp). Popular offers get more participants. Starts run over ten
-- years from 2016; a participation that started in the last 200 days may be ongoing. The chance
-- of an effect follows the demo extract: match group, benefit group, age and offer quality.
with numbers as (
    select range as row_number from range(getvariable('synth_participations'))
),

drawn as (
    select
        row_number,
        (draw(row_number, 'citizen') * getvariable('synth_citizens'))::bigint as citizen_number,
        least(
            (pow(draw(row_number, 'offer'), 1.3) * getvariable('synth_offers'))::bigint,
            getvariable('synth_offers') - 1
        ) as offer_number,
        date '2016-01-04' + (draw(row_number, 'start') * 3650)::integer as start_date
    from numbers
),

citizens as (
    select
        *,
        pick(
            ['dagpenge', 'kontanthjaelp', 'uddannelseshjaelp', 'sygedagpenge', 'jobafklaring',
             'ressourceforloeb', 'ledighedsydelse', 'integrationsydelse', 'revalidering'],
            [0.3, 0.55, 0.67, 0.79, 0.84, 0.88, 0.92, 0.98, 1.0],
            draw(citizen_number, 'benefit')
        ) as benefit_group,
        case
            when draw(citizen_number, 'benefit') between 0.55 and 0.67
                then 1992 + (draw(citizen_number, 'birth') * 14)::integer
            else 1958 + (draw(citizen_number, 'birth') * 48)::integer
        end as birth_year,
        synth_duration_range_days(synth_offer_type(offer_number)) as duration_range_days
    from drawn
)

select
    citizens.row_number,
    'F' || lpad(citizens.row_number::varchar, 9, '0') as participation_id,
    'C' || lpad(citizens.citizen_number::varchar, 9, '0') as citizen_id,
    'Jobcenter ' || (citizens.citizen_number % 98 + 1)::varchar as jobcenter,
    case citizens.benefit_group
        when 'dagpenge' then 'Forsikrede ledige'
        when 'uddannelseshjaelp' then 'Unge'
        when 'sygedagpenge' then 'Sygedagpenge'
        when 'integrationsydelse' then 'Integration'
        else 'Kontanthjælp'
    end as department,
    citizens.benefit_group,
    case
        when citizens.benefit_group = 'dagpenge' then 1
        else pick([1, 2, 3], [0.45, 0.85, 1.0], draw(citizens.citizen_number, 'match'))
    end as match_group,
    least(greatest(year(citizens.start_date) - citizens.birth_year, 18), 67) as age,
    (draw(citizens.row_number, 'weeks') * 150)::integer as benefit_weeks_before,
    synth_offer_id(citizens.offer_number) as offer_id,
    synth_offer_quality(citizens.offer_number) as quality,
    citizens.start_date,
    case
        when citizens.start_date > date '2025-06-15' and draw(citizens.row_number, 'ongoing') < 0.5
            then null
        else citizens.start_date + citizens.duration_range_days[1]
            + (draw(citizens.row_number, 'duration')
                * (citizens.duration_range_days[2] - citizens.duration_range_days[1]))::integer
            - 1
    end as end_date
from citizens
