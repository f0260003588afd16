-- synth_participation_facts
-- Grain: one row per participation of the synthetic extract.
-- A citizen (about 2.2 participations each) keeps benefit group, match group, department and
-- birth year across participations (young on uddannelseshjælp). Popular offers get more
-- participants. Starts run over ten years from 2016; a participation that started in the last
-- 200 days may be ongoing. The chance of an effect follows the demo extract: match group,
-- benefit group, age and offer quality.
-- Citizens are spread over synth_jobcenters jobcenters, the first ones the largest (a draw
-- raised to the power 1.5), each with a result factor between 0.85 and 1.15 (jobcenter_quality)
-- so that a pooled extract has jobcenters above and below the expected. Providers are local:
-- provider p belongs to jobcenter p mod N + 1, and a jobcenter buys four in five participations
-- from its own providers and the rest from the national ones, the first twentieth of the
-- providers (as jobcenters buy: mostly local, some from national chains).
with numbers as (
    select range as row_number from range(getvariable('synth_participations'))
),

drawn as (
    select
        row_number,
        (draw(row_number, 'citizen') * getvariable('synth_citizens'))::bigint as citizen_number,
        pow(draw(row_number, 'offer'), 1.3) as offer_draw,
        draw(row_number, 'national') < 0.2 as buys_nationally,
        date '2016-01-04' + (draw(row_number, 'start') * 3650)::integer as start_date
    from numbers
),

placed as (
    select
        *,
        least(
            floor(pow(draw(citizen_number, 'jobcenter'), 1.5) * getvariable('synth_jobcenters')),
            getvariable('synth_jobcenters') - 1
        )::bigint + 1 as jobcenter_number
    from drawn
),

local_offers as (
    select
        *,
        -- The providers p < offers / 4 with p mod N = jobcenter_number - 1, four offers each.
        4 * ((getvariable('synth_offers') // 4 - jobcenter_number
            + getvariable('synth_jobcenters')) // getvariable('synth_jobcenters'))
            as local_offer_count,
        4 * greatest(getvariable('synth_offers') // 80, 1) as national_offer_count
    from placed
),

local_picks as (
    select
        *,
        least(floor(offer_draw * local_offer_count), local_offer_count - 1)::bigint
            as local_offer_index
    from local_offers
),

offered as (
    select
        *,
        case
            when buys_nationally or local_offer_count = 0 then
                least(floor(offer_draw * national_offer_count), national_offer_count - 1)
            else
                (local_offer_index // 4 * getvariable('synth_jobcenters') + jobcenter_number - 1)
                    * 4 + local_offer_index % 4
        end::bigint as offer_number
    from local_picks
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
    from offered
)

select
    citizens.row_number,
    'F' || lpad(citizens.row_number::varchar, 9, '0') as participation_id,
    'C' || lpad(citizens.citizen_number::varchar, 9, '0') as citizen_id,
    'Jobcenter ' || lpad(citizens.jobcenter_number::varchar, 2, '0') as jobcenter,
    0.85 + 0.3 * draw(citizens.jobcenter_number, 'jobcenter_quality') as jobcenter_quality,
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
