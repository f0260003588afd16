"""Write a report folder so that a failed run leaves the previous report exactly as it was.

Files are written into a hidden folder beside the target; only when every file is complete are
they moved into place, each by an atomic rename on the same file system.
"""

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def staged_folder(target: Path) -> Iterator[Path]:
    """Yield an empty folder to write into; on success its files replace those in `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        yield staging
        target.mkdir(exist_ok=True)
        for path in sorted(staging.iterdir()):
            replace(path, target / path.name, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def replace(source: Path, destination: Path, staging: Path) -> None:
    """Move `source` to `destination`. A folder already there (the Data Docs of an earlier run) is
    first moved into `staging`, which is deleted afterwards: rename cannot replace a full folder."""
    if destination.is_dir():
        os.replace(destination, staging / f".previous-{destination.name}")
    os.replace(source, destination)


def copy_folder(source: Path, target: Path) -> None:
    """Copy the contents of `source` into `target` as `staged_folder` writes a report: a failed
    copy leaves what `target` held before."""
    with staged_folder(target) as staging:
        shutil.copytree(source, staging, dirs_exist_ok=True)
