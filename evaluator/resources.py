"""The files the tool reads at run time, found where the installation put them.

The repository keeps them at its top level, as the design card lays out: the SQL models and
macros in `sql/`, the check rules in `checks/`, the demo extract in `fixtures/demo/`, the
default exit codes in `evaluator/data/`. pyproject.toml installs the first three as the packages
`evaluator.sql`, `evaluator.rules` and `evaluator.demo_extract`, so a wheel, an sdist and an
editable install all find them through `importlib.resources`, never through a path built from a
module's location. A file an installation lacks is an `IncompleteInstallationError` naming it,
raised before DuckDB would fail on a missing macro or model with a catalog error.
"""

from importlib.resources import files
from pathlib import Path

from evaluator.findings import EvaluatorError


class IncompleteInstallationError(EvaluatorError):
    """A file the tool ships is missing: the package was built or installed without it."""

    def __init__(self, path: Path, reason: str = "missing") -> None:
        super().__init__(
            f"{path}: {reason}; the installation of the evaluator is incomplete "
            "(reinstall the package)"
        )


def package_folder(package: str) -> Path:
    """The folder of an installed package; all packages of ours are plain folders on disk."""
    return Path(str(files(package)))


def shipped_file(path: Path) -> Path:
    """`path`, after checking that the installation holds it."""
    if not path.is_file():
        raise IncompleteInstallationError(path)
    return path


SQL_DIR = package_folder("evaluator.sql")
RULES_DIR = package_folder("evaluator.rules")
DEMO_DATA_DIR = package_folder("evaluator.demo_extract")
DEMO_TARGETS = DEMO_DATA_DIR / "mandagstal_targets.csv"
DEFAULT_EXIT_CODES = package_folder("evaluator") / "data" / "exit_codes.csv"
