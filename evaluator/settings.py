"""Run settings (SPEC §2): the defaults, and a TOML file that may override them.

Unknown keys are an error rather than ignored: a misspelt `windows_days` that silently fell back
to 91 would put a wrong number in front of a provider.
"""

import re
import tempfile
import tomllib
import uuid
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from evaluator.findings import UsageError
from evaluator.io.mapping import NO_MAPPING, ExtractMapping, parse_mapping


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


@dataclass(frozen=True)
class Settings:
    """The numbers that shape an evaluation; every one is written to the manifest."""

    window_days: int = 91
    suppress_below: int = 5
    min_participants: int = 10
    engine: EngineSettings = field(default_factory=EngineSettings, compare=False)
    mapping: ExtractMapping = field(default=NO_MAPPING, compare=False)

    def as_dict(self) -> dict[str, int]:
        """The settings that shape the numbers (not the engine's, which only shape the speed,
        nor the mapping, which the manifest records on its own)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in NOT_NUMBERS}


NOT_NUMBERS = {"engine", "mapping"}
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
        sorted(set(document) - {"evaluation", "duckdb"} - MAPPING_TABLES)
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
