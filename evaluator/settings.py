"""Run settings (SPEC §2): the defaults, and a TOML file that may override them.

Unknown keys are an error rather than ignored: a misspelt `windows_days` that silently fell back
to 91 would put a wrong number in front of a provider.
"""

import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from evaluator.findings import UsageError


@dataclass(frozen=True)
class Settings:
    """The numbers that shape an evaluation; every one is written to the manifest."""

    window_days: int = 91
    suppress_below: int = 5
    min_participants: int = 10

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


MINIMUMS = {"window_days": 0, "suppress_below": 0, "min_participants": 1}


def load_settings(path: Path | None) -> Settings:
    """The defaults, overridden by the keys of the `[evaluation]` table in `path` if given."""
    if path is None:
        return Settings()
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise UsageError(f"{path}: the settings file does not exist") from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: not a valid TOML file: {error}") from error
    section = document.get("evaluation", {})
    unknown = sorted(set(document) - {"evaluation"}) + sorted(
        set(section) - {field.name for field in fields(Settings)}
    )
    if unknown:
        raise UsageError(f"{path}: unknown setting(s): {', '.join(unknown)}")
    for key, value in section.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < MINIMUMS[key]:
            raise UsageError(
                f"{path}: {key} must be a whole number ≥ {MINIMUMS[key]}, not {value!r}"
            )
    return replace(Settings(), **section)
