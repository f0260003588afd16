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
            os.replace(path, target / path.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
