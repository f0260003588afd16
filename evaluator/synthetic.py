"""Synthetic extracts of any size (`evaluator synth`), for benchmarks and national-scale runs.

Every table of SPEC §1.2 is a query in `sql/synth/` over `range(n)`: each value is a seeded draw
from its row number (`draw()` in `sql/synth/macros.sql`), so the same seed gives the same extract,
and DuckDB streams the rows into the file without holding a table in memory. The distributions
follow the demo extract (`evaluator/demo_builder.py`): repeat participations per citizen,
popular and unpopular offers, price changes, contracts with targets, survey answers, progression
assessments, and exits of citizens who never took part. Citizens are spread over one jobcenter
or many, of different sizes and somewhat different results, for pooled extracts (SPEC §2.7).
"""

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import duckdb

from evaluator.atomic import staged_folder
from evaluator.resources import DEFAULT_EXIT_CODES, SQL_DIR, shipped_file
from evaluator.settings import EngineSettings
from evaluator.variables import set_variables

SYNTH_DIR = SQL_DIR / "synth"
VIEWS = ("synth_offer_catalogue", "synth_participation_facts")
TABLES = ("offers", "participations", "exits", "contracts", "satisfaction", "progression")
PARTICIPATIONS_PER_PROVIDER = 5_000
OFFERS_PER_PROVIDER = 4

# Sorting the exits of 20 million participations spills to disk instead of taking the machine.
SYNTH_MEMORY_LIMIT = "2GB"

FileFormat = Literal["parquet", "csv"]


@dataclass(frozen=True)
class SynthSize:
    """How big the extract is: participations, jobcenters (citizens spread over them, some
    jobcenters much larger than others), and providers (default: one per 5,000 participations,
    at least 12; four offers each)."""

    participations: int
    jobcenters: int = 1
    providers: int | None = None

    @property
    def provider_count(self) -> int:
        return self.providers or max(12, self.participations // PARTICIPATIONS_PER_PROVIDER)


def write_synthetic_extract(
    out_dir: Path, size: SynthSize, seed: int = 1, file_format: FileFormat = "parquet"
) -> list[Path]:
    """Write a synthetic extract of `size` into `out_dir` (all files or none); returns the
    files written."""
    config = EngineSettings(memory_limit=SYNTH_MEMORY_LIMIT).duckdb_config()
    with duckdb.connect(config=config) as con:  # closing it deletes what it spilled
        return write_tables(con, out_dir, size, seed, file_format)


def write_tables(
    con: duckdb.DuckDBPyConnection,
    out_dir: Path,
    size: SynthSize,
    seed: int,
    file_format: FileFormat,
) -> list[Path]:
    values = {
        "seed": seed,
        "synth_participations": size.participations,
        "synth_offers": size.provider_count * OFFERS_PER_PROVIDER,
        "synth_citizens": max(1, size.participations * 10 // 22),
        "synth_jobcenters": size.jobcenters,
    }
    set_variables(con, values)
    con.execute(synth_sql("macros")).fetchall()
    for view in VIEWS:
        con.sql(synth_sql(view)).create_view(view)
    with staged_folder(out_dir) as staging:
        for table in TABLES:
            relation = con.sql(synth_sql(table))
            path = staging / f"{table}.{file_format}"
            if file_format == "parquet":
                relation.write_parquet(str(path))
            else:
                relation.write_csv(str(path), header=True)
        shutil.copyfile(shipped_file(DEFAULT_EXIT_CODES), staging / "exit_codes.csv")
        names = sorted(path.name for path in staging.iterdir())
    return [out_dir / name for name in names]


def synth_sql(name: str) -> str:
    """The text of one of the generator's SQL files."""
    return shipped_file(SYNTH_DIR / f"{name}.sql").read_text(encoding="utf-8")
