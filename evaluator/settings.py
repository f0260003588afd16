"""Run settings (SPEC §2): the defaults, and a TOML file that may override them.

Unknown keys are an error rather than ignored: a misspelt `windows_days` that silently fell back
to 91 would put a wrong number in front of a provider.
"""

import itertools
import re
import tempfile
import tomllib
import uuid
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from evaluator.findings import UsageError
from evaluator.io.mapping import NO_MAPPING, ExtractMapping, parse_mapping
from evaluator.io.schema import BENEFIT_GROUPS


@dataclass(frozen=True)
class EngineSettings:
    """How DuckDB may use the machine (`[duckdb]`): they change how fast a run is and how much
    memory it takes, never a number of the report.

    `memory_limit` caps DuckDB's own memory; past it, DuckDB spills to `temp_directory`.
    The default leaves room on a small laptop and lets a 20-million-row extract finish on a
    24 GB machine. Without a `temp_directory`, DuckDB spills into a new folder in the system's
    temporary folder, which it creates when needed and deletes when the run ends. `threads`
    defaults to every core."""

    memory_limit: str = "3GB"
    threads: int | None = None
    temp_directory: str | None = None

    def duckdb_config(self) -> dict[str, str | int]:
        spill = self.temp_directory or str(
            Path(tempfile.gettempdir()) / f"evaluator-spill-{uuid.uuid4().hex}"
        )
        config: dict[str, str | int] = {"memory_limit": self.memory_limit, "temp_directory": spill}
        if self.threads is not None:
            config["threads"] = self.threads
        return config


# SPEC §2.8's illustrative weekly payments (DKK, 2026, a single adult without children).
DEFAULT_WEEKLY_BENEFIT_DKK = {
    "dagpenge": 5086,
    "sygedagpenge": 4900,
    "kontanthjaelp": 3000,
    "uddannelseshjaelp": 1600,
    "jobafklaring": 3000,
    "ressourceforloeb": 3000,
    "ledighedsydelse": 4500,
    "integrationsydelse": 1600,
    "revalidering": 5086,
}
# Bounds no real setting comes near (a hundred years of weeks; a million kroner a week): past
# them a value is a slip, such as a yearly sum in øre, and the SQL's types would overflow.
MAX_WEEKS = 5200
MAX_WEEKLY_BENEFIT_DKK = 1_000_000


@dataclass(frozen=True)
class BusinessCase:
    """The business case of SPEC §2.8 (`[business_case]`): how many benefit weeks an effect is
    assumed to avoid, the state's refusion staircase, and what a benefit week costs gross
    (`weekly_benefit_dkk`: the groups whose payment is set; the others keep the default).

    The staircase is a law of 2016 that may change again, and the payments differ between
    municipalities, so both are settings rather than constants of the SQL."""

    weeks_saved: int = 26
    refusion_until_week: tuple[int, ...] = (4, 26, 52)
    refusion_rates: tuple[float, ...] = (0.80, 0.40, 0.30, 0.20)
    weekly_benefit_dkk: dict[str, float] = field(default_factory=dict, hash=False)

    def weekly_payments_dkk(self) -> dict[str, float]:
        """Every benefit group's weekly payment: the one set, else the default. Every group
        has one, so no participation drops out of the business case for want of a payment."""
        return {**DEFAULT_WEEKLY_BENEFIT_DKK, **self.weekly_benefit_dkk}

    def as_dict(self) -> dict[str, object]:
        """As a settings file would say it, every payment included, for the manifest."""
        return {
            "weeks_saved": self.weeks_saved,
            "refusion_until_week": list(self.refusion_until_week),
            "refusion_rates": list(self.refusion_rates),
            "weekly_benefit_dkk": self.weekly_payments_dkk(),
        }


@dataclass(frozen=True)
class Settings:
    """The numbers that shape an evaluation; every one is written to the manifest."""

    window_days: int = 91
    suppress_below: int = 5
    min_participants: int = 10
    engine: EngineSettings = field(default_factory=EngineSettings, compare=False)
    business_case: BusinessCase = field(default_factory=BusinessCase)
    mapping: ExtractMapping = field(default=NO_MAPPING, compare=False)

    def as_dict(self) -> dict[str, object]:
        """The settings that shape the numbers (not the engine's, which only shape the speed,
        nor the mapping, which the manifest records on its own)."""
        numbers = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in NOT_NUMBERS}
        return {**numbers, "business_case": self.business_case.as_dict()}


NOT_NUMBERS = {"engine", "mapping", "business_case"}
MAPPING_TABLES = {"columns", "values", "files"}


MINIMUMS = {"window_days": 0, "suppress_below": 0, "min_participants": 1}
MEMORY_SIZE = re.compile(r"\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)", re.IGNORECASE)


def load_settings(path: Path | None) -> Settings:
    """The defaults, overridden by the keys of the `[evaluation]` and `[duckdb]` tables in
    `path` if given, and the mapping of its `[columns]`, `[values]` and `[files]` tables."""
    if path is None:
        return Settings()
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise UsageError(f"{path}: the settings file does not exist") from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: not a valid TOML file: {error}") from error
    section = document.get("evaluation", {})
    engine_section = document.get("duckdb", {})
    unknown = (
        sorted(set(document) - {"evaluation", "duckdb", "business_case"} - MAPPING_TABLES)
        + sorted(set(section) - set(MINIMUMS))
        + sorted(set(engine_section) - {f.name for f in fields(EngineSettings)})
    )
    if unknown:
        raise UsageError(f"{path}: unknown setting(s): {', '.join(unknown)}")
    for key, value in section.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < MINIMUMS[key]:
            raise UsageError(
                f"{path}: {key} must be a whole number ≥ {MINIMUMS[key]}, not {value!r}"
            )
    return replace(
        Settings(),
        **section,
        engine=load_engine_settings(path, engine_section),
        business_case=load_business_case(path, document.get("business_case", {})),
        mapping=parse_mapping(document, path),
    )


def load_engine_settings(path: Path, section: dict) -> EngineSettings:
    memory_limit = section.get("memory_limit", EngineSettings.memory_limit)
    if not isinstance(memory_limit, str) or not MEMORY_SIZE.fullmatch(memory_limit.strip()):
        raise UsageError(f'{path}: memory_limit must be a size such as "4GB", not {memory_limit!r}')
    threads = section.get("threads")
    if threads is not None and (
        not isinstance(threads, int) or isinstance(threads, bool) or threads < 1
    ):
        raise UsageError(f"{path}: threads must be a whole number ≥ 1, not {threads!r}")
    temp_directory = section.get("temp_directory")
    if temp_directory is not None and not (
        isinstance(temp_directory, str) and Path(temp_directory).parent.is_dir()
    ):
        raise UsageError(
            f"{path}: temp_directory must be a folder whose parent exists, not {temp_directory!r}"
        )
    return EngineSettings(memory_limit.strip(), threads, temp_directory)


def load_business_case(path: Path, section: dict) -> BusinessCase:
    """`[business_case]` over the defaults of SPEC §2.8. A benefit group left out keeps its
    default payment; every error names the key, since a wrong staircase would misprice every
    effect without any figure looking odd."""
    if not isinstance(section, dict):
        raise UsageError(f"{path}: business_case must be a table, not {section!r}")
    known = {f.name for f in fields(BusinessCase)}
    unknown = sorted(set(section) - known)
    if unknown:
        names = ", ".join(f"business_case.{key}" for key in unknown)
        raise UsageError(f"{path}: unknown setting(s): {names}")
    default = BusinessCase()
    weeks_saved = section.get("weeks_saved", default.weeks_saved)
    if not is_whole_number(weeks_saved) or not 0 <= weeks_saved <= MAX_WEEKS:
        raise UsageError(
            f"{path}: business_case.weeks_saved must be a whole number from 0 to {MAX_WEEKS}, "
            f"not {weeks_saved!r}"
        )
    steps = business_case_steps(
        path, section.get("refusion_until_week", default.refusion_until_week)
    )
    rates = business_case_rates(path, section.get("refusion_rates", default.refusion_rates))
    if len(rates) != len(steps) + 1:
        raise UsageError(
            f"{path}: business_case.refusion_rates must have one rate more than "
            f"business_case.refusion_until_week has steps ({len(steps) + 1}), not {len(rates)}"
        )
    weekly = weekly_benefits(path, section.get("weekly_benefit_dkk", {}))
    return BusinessCase(weeks_saved, steps, rates, weekly)


def business_case_steps(path: Path, value: object) -> tuple[int, ...]:
    """The last benefit week of each step: whole numbers ≥ 1, each above the one before."""
    key = "business_case.refusion_until_week"
    if not isinstance(value, list | tuple) or not all(
        is_whole_number(week) and 1 <= week <= MAX_WEEKS for week in value
    ):
        raise UsageError(
            f"{path}: {key} must be a list of whole numbers from 1 to {MAX_WEEKS}, not {value!r}"
        )
    if any(later <= earlier for earlier, later in itertools.pairwise(value)):
        raise UsageError(f"{path}: {key} must increase from step to step, not {list(value)!r}")
    return tuple(value)


def business_case_rates(path: Path, value: object) -> tuple[float, ...]:
    """The refusion share of each step and of the weeks after the last: numbers from 0 to 1."""
    key = "business_case.refusion_rates"
    if not isinstance(value, list | tuple) or not all(is_number(rate) for rate in value):
        raise UsageError(f"{path}: {key} must be a list of numbers, not {value!r}")
    outside = [rate for rate in value if not 0 <= rate <= 1]
    if outside:
        raise UsageError(f"{path}: {key} must lie between 0 and 1, not {outside[0]!r}")
    return tuple(float(rate) for rate in value)


def weekly_benefits(path: Path, section: object) -> dict[str, float]:
    """The payments the file sets, each for a benefit group of SPEC §1.2 and ≥ 0."""
    table = "business_case.weekly_benefit_dkk"
    if not isinstance(section, dict):
        raise UsageError(f"{path}: {table} must be a table of benefit groups, not {section!r}")
    for group, amount in section.items():
        if group not in BENEFIT_GROUPS:
            raise UsageError(
                f"{path}: {table}.{group}: unknown benefit group; "
                f"the groups are {', '.join(BENEFIT_GROUPS)}"
            )
        if not is_number(amount) or not 0 <= amount <= MAX_WEEKLY_BENEFIT_DKK:
            raise UsageError(
                f"{path}: {table}.{group} must be an amount in kroner from 0 to "
                f"{MAX_WEEKLY_BENEFIT_DKK:,}, not {amount!r}"
            )
    return dict(section)


def is_whole_number(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
