"""Write a large, valid Parquet extract quickly, for timing the checks and the run.

    python benchmarks/large_extract.py --participations 5000000 --out /tmp/extract-5m

The values are plausible but simple (uniform draws, one price row per offer); the demo's
realistic generator is evaluator/synth.py.
"""

import argparse
from pathlib import Path

import duckdb

TABLES = {
    "offers": """
        select 'T' || lpad(i::varchar, 5, '0') as offer_id, 'Tilbud ' || i as offer_name,
            ['vejledning_opkvalificering', 'virksomhedspraktik', 'loentilskud', 'mentor',
             'jobsoegning'][1 + i % 5] as offer_type,
            'P' || lpad((i % getvariable('providers'))::varchar, 4, '0') as provider_id,
            'Leverandør ' || (i % getvariable('providers')) as provider_name,
            ['per_participant', 'per_week', 'per_day'][1 + i % 3] as price_model,
            (500 + i % 20000)::double as unit_price, date '2015-01-01' as valid_from,
            null::date as valid_to
        from range(5 * getvariable('providers')) t(i)
    """,
    "participations": """
        select 'F' || i as participation_id, 'C' || (i // 2) as citizen_id,
            'Jobcenter ' || (i % 98) as jobcenter, ['Unge', 'Voksne', 'Sygedagpenge'][1 + i % 3]
                as department,
            ['dagpenge', 'kontanthjaelp', 'sygedagpenge'][1 + (hash(i) % 3)::bigint]
                as benefit_group,
            1 + (hash(i * 7) % 3)::bigint as match_group, 18 + (hash(i * 11) % 50)::bigint as age,
            (hash(i * 13) % 150)::bigint as benefit_weeks_before,
            'T' || lpad(((hash(i * 17) % (5 * getvariable('providers')))::bigint)::varchar,
                5, '0') as offer_id,
            date '2016-01-01' + ((hash(i * 19) % 3650)::bigint)::integer as start_date,
            date '2016-01-01' + ((hash(i * 19) % 3650)::bigint)::integer
                + (7 + (hash(i * 23) % 120)::bigint)::integer as end_date,
            ['completed', 'dropped_out'][1 + (hash(i * 29) % 2)::bigint] as completion
        from range(getvariable('n')) t(i)
    """,
    "exits": """
        select 'C' || ((hash(i * 31) % (getvariable('n') // 2))::bigint) as citizen_id,
            date '2016-01-01' + ((hash(i * 37) % 3700)::bigint)::integer as exit_date,
            ['job_ordinaer', 'udd_ordinaer', 'sygdom'][1 + (hash(i * 41) % 3)::bigint] as exit_code
        from range(getvariable('n') // 2) t(i)
    """,
    "contracts": """
        select 'K' || i as contract_id,
            'P' || lpad((i % getvariable('providers'))::varchar, 4, '0') as provider_id,
            null::varchar as offer_id, date '2015-01-01' as valid_from, null::date as valid_to,
            0.3 as target_effect_rate, null::double as max_effect_price,
            null::integer as min_participants
        from range(getvariable('providers')) t(i)
    """,
}


def write_large_extract(participations: int, out: Path, providers: int = 400) -> None:
    """Five offers per provider, one contract per provider."""
    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute("set variable n = $n", {"n": participations}).fetchall()
    con.execute("set variable providers = $n", {"n": providers}).fetchall()
    for table, query in TABLES.items():
        con.sql(query).write_parquet(str(out / f"{table}.parquet"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participations", type=int, default=5_000_000)
    parser.add_argument("--providers", type=int, default=400)
    parser.add_argument("--out", type=Path, required=True)
    arguments = parser.parse_args()
    write_large_extract(arguments.participations, arguments.out, arguments.providers)
