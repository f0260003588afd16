"""Operating-system errors while writing (evaluator/atomic.py) and reading: a message that names
the path and the system's reason in words, exit 2, and an earlier report exactly as it was.

The full disk and the read-only folder are real: a 2 MB tmpfs mounted in a private mount
namespace (`unshare --user --map-root-user --mount`, which needs no root where user namespaces
are allowed), with the tool run inside it through its command line, on the small valid extract
of fixtures/builders.py (what fails is the writing, so the extract need only be valid).
"""

import errno
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evaluator.cli import app
from evaluator.findings import FileSystemError
from evaluator.resources import DEMO_DATA_DIR
from fixtures.builders import small_valid_extract

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()

# Inside the namespace: an earlier report and an earlier findings file, then a full disk, then a
# read-only one. The three commands run in one Python (STEPS), through the CLI as a user types
# them: a Python of their own each cost two thirds of the test's time in imports. Each command's
# output and exit status, and the earlier files' names and contents, are printed between markers
# for the test to read.
SCRIPT = """
set -u
mount -t tmpfs -o size=2m tmpfs "$DISK" || exit 97
mkdir "$DISK/report" && printf 'earlier\\n' > "$DISK/report/provider_metrics.csv"
printf 'earlier\\n' > "$DISK/findings.csv"
head -c 3m /dev/zero > "$DISK/filler" 2>/dev/null
"$PYTHON" -c "$STEPS"
echo "@@ names"; ls -A "$DISK" "$DISK/report"
echo "@@ contents"; cat "$DISK/report/provider_metrics.csv" "$DISK/findings.csv"
"""
STEPS = """
import os, subprocess
from typer.testing import CliRunner
from evaluator.cli import app

disk, data = os.environ["DISK"], os.environ["DATA"]
run = ["run", "--data", data, "--quarter", "2026Q2", "--out", f"{disk}/report"]

def step(name, arguments):
    result = CliRunner().invoke(app, arguments)
    print(f"@@ {name}", result.output, f"@@ {name}-status {result.exit_code}", sep="\\n")

step("full-run", run)
step("full-check", ["check", "--data", data, "--out", f"{disk}/findings.csv"])
os.remove(f"{disk}/filler")
subprocess.run(["mount", "-o", "remount,ro", disk], check=True)
step("read-only-run", run)
"""


@pytest.fixture(scope="module")
def small_disk(tmp_path_factory) -> dict[str, str]:
    """What each step of the script printed, by step; a skip where this machine cannot mount."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare (util-linux) is not installed: no private tmpfs to fill")
    disk = tmp_path_factory.mktemp("disk")
    data = small_valid_extract().write(tmp_path_factory.mktemp("extract"))
    environment = {**os.environ, "DISK": str(disk), "DATA": str(data)}
    environment |= {"PYTHON": sys.executable, "COLUMNS": "200", "STEPS": STEPS}
    result = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", SCRIPT],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=300,
    )
    if result.returncode == 97 or "@@" not in result.stdout:
        pytest.skip(f"this machine cannot mount a tmpfs in a namespace: {result.stdout.strip()}")
    steps = [step.split(maxsplit=1) for step in result.stdout.split("@@ ")[1:]]
    return {step[0]: " ".join(step[1].split()) if len(step) > 1 else "" for step in steps}


def test_a_full_disk_names_the_report_folder_and_the_reason(small_disk):
    assert small_disk["full-run-status"] == "2"
    assert (
        "/report: No space left on device (the disk is full); nothing was written; the "
        "files already in" in small_disk["full-run"]
    )
    assert "Traceback" not in small_disk["full-run"] + small_disk["full-check"]


def test_a_full_disk_fails_check_out_with_exit_2(small_disk):
    """`check` writes its findings file through the same staging: the full disk is reported
    with the file's name, and the earlier file stays."""
    assert small_disk["full-check-status"] == "2"
    assert "findings.csv is unchanged" in small_disk["full-check"]
    assert "No space left on device (the disk is full)" in small_disk["full-check"]


def test_a_read_only_folder_names_it_and_the_reason(small_disk):
    assert small_disk["read-only-run-status"] == "2"
    assert (
        "Read-only file system (the folder can only be read); nothing was written"
        in (small_disk["read-only-run"])
    )


def test_the_earlier_files_are_exactly_as_they_were(small_disk):
    """Only the two earlier files and the report folder remain, no hidden staging folder and no
    half-written file, and both files hold what they held before."""
    disk_listing, report_listing = small_disk["names"].split(": ")[1:]
    assert disk_listing.split()[:-1] == ["findings.csv", "report"]
    assert report_listing.split() == ["provider_metrics.csv"]
    assert small_disk["contents"] == "earlier earlier"


def test_a_shutil_error_names_the_file_copytree_could_not_write():
    """copytree (the Data Docs) gathers its failures in one shutil.Error whose filename is None:
    the first failure's destination and reason are what the user needs."""
    error = shutil.Error([("site/index.html", "out/site/index.html", "[Errno 28] No space")])
    failure = FileSystemError.from_os_error(error, "out")
    assert str(failure) == "out/site/index.html: [Errno 28] No space"


def test_an_error_without_a_filename_names_the_target():
    failure = FileSystemError.from_os_error(
        OSError(errno.EACCES, os.strerror(errno.EACCES)), "reports/2026Q2", "nothing was written"
    )
    assert str(failure) == "reports/2026Q2: Permission denied; nothing was written"


def test_a_path_too_long_names_the_reason(tmp_path):
    data = small_valid_extract().write(tmp_path / "extract")
    out = tmp_path / ("x" * 300) / "report"
    result = runner.invoke(app, ["check", "--data", str(data), "--out", str(out)])
    assert result.exit_code == 2
    assert "File name too long (a name in the path, or the whole path, is longer than" in " ".join(
        result.output.split()
    )
    assert "Traceback" not in result.output


def test_a_file_that_cannot_be_read_names_it_and_the_reason():
    """Permission denied on an input file. Root reads everything, so as root the tool runs as
    the user nobody (setpriv), where this Python is reachable for nobody; otherwise a skip. The
    extract lies in a folder of its own under the system's temporary folder, which nobody can
    enter (pytest's own temporary folders are private to the user who runs the tests)."""
    with tempfile.TemporaryDirectory() as folder:
        Path(folder).chmod(0o755)
        extract = shutil.copytree(DEMO_DATA_DIR, Path(folder) / "extract")
        (extract / "offers.csv").chmod(0o000)
        command = [sys.executable, "-m", "evaluator", "check", "--data", str(extract)]
        if os.geteuid() == 0:
            command = as_nobody(command, folder)
        result = subprocess.run(command, cwd=folder, capture_output=True, text=True)
    assert result.returncode == 2, result.stderr
    assert f"{extract}/offers.csv: Permission denied; nothing was written" in " ".join(
        (result.stdout + result.stderr).split()
    )


def as_nobody(command: list[str], folder: str) -> list[str]:
    """`command` run as the user nobody, or a skip where that user cannot run this Python."""
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    probe = [*prefix, sys.executable, "-c", "import evaluator"]
    if shutil.which("setpriv") is None or subprocess.run(probe, cwd=folder).returncode:
        pytest.skip("running as root, and the user nobody cannot run this Python and package")
    return [*prefix, *command]
