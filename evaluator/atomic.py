"""Write a report folder so that a failed run leaves the previous report exactly as it was.

Files are written into a hidden folder beside the target; only when every file is complete are
they moved into place, each by an atomic rename on the same file system. An operating-system
error on the way (a full disk, a read-only folder) becomes a `FileSystemError` that names the
file in the target folder, not the hidden one, and says that the earlier files are unchanged.
"""

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from evaluator.findings import FileSystemError


@contextmanager
def staged_folder(target: Path) -> Iterator[Path]:
    """Yield an empty folder to write into; on success its files replace those in `target`."""
    unchanged = f"nothing was written; the files already in {target} are unchanged"
    with hidden_folder_beside(target, target, unchanged) as staging:
        yield staging
        target.mkdir(exist_ok=True)
        for path in sorted(staging.iterdir()):
            replace(path, target / path.name, staging)


@contextmanager
def staged_file(target: Path) -> Iterator[Path]:
    """Yield a path to write one file to; on success it becomes `target`, so a failed write
    leaves an earlier file of that name as it was."""
    unchanged = f"nothing was written; {target} is unchanged"
    with hidden_folder_beside(target, target.parent, unchanged) as staging:
        yield staging / target.name
        os.replace(staging / target.name, target)


@contextmanager
def hidden_folder_beside(target: Path, shown: Path, unchanged: str) -> Iterator[Path]:
    """A new hidden folder on `target`'s file system (so renames are atomic), deleted afterwards.
    An OS error inside names the path as the user knows it, under `shown`, not the hidden one."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as error:
        # The hidden folder's random name would mean nothing to the user; its folder does.
        reason = FileSystemError.from_os_error(error, target).reason
        raise FileSystemError(target.parent, reason, unchanged) from None
    try:
        yield staging
    except OSError as error:
        failure = FileSystemError.from_os_error(error, target)
        path = failure.path.replace(str(staging), str(shown))
        raise FileSystemError(path, failure.reason, unchanged) from None
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
