"""The bad-input catalogue: broken extracts fed to `evaluator run`. For each: the exit status of
SPEC §3, a message naming the file (and the row and column where there is one), no traceback,
and an earlier report in the output folder left exactly as it was."""

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from evaluator.cli import app
from fixtures.builders import small_valid_extract


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(folder: Path, name: str, line: str, encoding: str = "utf-8") -> None:
    with (folder / name).open("a", encoding=encoding) as handle:
        handle.write(line + "\n")


PARTICIPATION = {
    "participation_id": "P9", "citizen_id": "C9", "jobcenter": "J", "department": "D",
    "benefit_group": "dagpenge", "match_group": "1", "age": "30", "benefit_weeks_before": "0",
    "offer_id": "O1", "start_date": "2026-04-01", "end_date": "2026-04-30", "completion": "",
}  # fmt: skip


def participation(**changes: str) -> str:
    """A participation row in CSV, P9 of citizen C9 on offer O1, with `changes` applied."""
    return ",".join((PARTICIPATION | changes).values())


def price_row(**changes: str) -> str:
    values = {
        "offer_id": "O1",
        "offer_name": "N",
        "offer_type": "t",
        "provider_id": "PR1",
        "provider_name": "P",
        "price_model": "per_participant",
        "unit_price": "10",
        "valid_from": "2010-01-01",
        "valid_to": "2011-01-01",
    } | changes
    return ",".join(values.values())


def as_xlsx(folder: Path, table: str) -> Path:
    workbook = openpyxl.Workbook()
    for line in (folder / f"{table}.csv").read_text(encoding="utf-8").splitlines():
        workbook.active.append(line.split(","))
    (folder / f"{table}.csv").unlink()
    workbook.save(folder / f"{table}.xlsx")
    return folder / f"{table}.xlsx"


def truncated_xlsx(folder: Path) -> None:
    path = as_xlsx(folder, "offers")
    path.write_bytes(path.read_bytes()[:300])


def parquet_with_text_ages(folder: Path) -> None:
    (folder / "participations.csv").unlink()
    columns = {name: [value] for name, value in (PARTICIPATION | {"age": "tredive"}).items()}
    pq.write_table(pa.table(columns), folder / "participations.parquet")


P = "participations.csv"
CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "missing participations file": (lambda f: (f / P).unlink(), "no file named participations"),
    "missing exits file": (lambda f: (f / "exits.csv").unlink(), "no file named exits"),
    "missing offers file": (lambda f: (f / "offers.csv").unlink(), "no file named offers"),
    "missing column": (
        lambda f: edit(f, "offers.csv", "unit_price", "pris"),
        "offers.csv, column unit_price",
    ),
    "0-byte file": (lambda f: (f / P).write_bytes(b""), "participations.csv"),
    "header only": (
        lambda f: (f / P).write_text((f / P).read_text().splitlines()[0] + "\n"),
        "has a header but no rows",
    ),
    "tab-separated file": (
        lambda f: (f / P).write_text((f / P).read_text().replace(",", "\t")),
        "participations.csv, column citizen_id",
    ),
    "binary file named .csv": (
        lambda f: (f / "exits.csv").write_bytes(bytes(range(256)) * 4),
        "exits.csv",
    ),
    "mixed encodings": (
        lambda f: (
            append(f, P, participation(participation_id="P8", department="Sønderå")),
            append(f, P, participation(department="Ærø"), encoding="cp1252"),
        ),
        "participations.csv, row 3",
    ),
    "row with too many fields": (
        lambda f: append(f, P, participation() + ",extra"),
        "participations.csv, row 3",
    ),
    "unparseable date": (
        lambda f: append(f, P, participation(start_date="first of april")),
        "participations.csv, row 3, column start_date",
    ),
    "impossible date 31-02-2025": (
        lambda f: append(f, P, participation(end_date="31-02-2025")),
        "participations.csv, row 3, column end_date",
    ),
    "two-digit year": (
        lambda f: append(f, P, participation(start_date="01-04-26")),
        "participations.csv, row 3, column start_date",
    ),
    "end before start": (
        lambda f: append(f, P, participation(end_date="2026-03-01")),
        "participations.csv, row 3, column end_date",
    ),
    "negative price": (
        lambda f: append(f, "offers.csv", price_row(offer_id="O7", unit_price="-100")),
        "offers.csv, row 3, column unit_price",
    ),
    "non-numeric price": (
        lambda f: append(f, "offers.csv", price_row(unit_price="gratis")),
        "offers.csv, row 3, column unit_price",
    ),
    "12.500,50 quoted in a ,-file": (
        lambda f: append(f, "offers.csv", price_row(unit_price='"12.500,50"')),
        "offers.csv, row 3, column unit_price",
    ),
    "12.500,50 unquoted in a ,-file": (
        lambda f: append(f, "offers.csv", price_row(unit_price="12.500,50")),
        "offers.csv, row 3",
    ),
    "duplicate participation id": (
        lambda f: append(f, P, participation(participation_id="P1")),
        "participations.csv, row 3, column participation_id",
    ),
    "unknown offer": (
        lambda f: append(f, P, participation(offer_id="T999")),
        "participations.csv, row 3, column offer_id",
    ),
    "unknown exit code": (
        lambda f: append(f, "exits.csv", "C2,2026-05-02,emigreret"),
        "exits.csv, row 2, column exit_code",
    ),
    "overlapping price rows": (
        lambda f: append(f, "offers.csv", price_row(valid_from="2025-01-01", valid_to="")),
        "offers.csv, row 3, column valid_from",
    ),
    "participation with no valid price": (
        lambda f: append(f, P, participation(start_date="2019-12-31")),
        "participations.csv, row 3, column start_date",
    ),
    "match group 4": (
        lambda f: append(f, P, participation(match_group="4")),
        "participations.csv, row 3, column match_group",
    ),
    "age 130": (
        lambda f: append(f, P, participation(age="130")),
        "participations.csv, row 3, column age",
    ),
    "age 35.5": (
        lambda f: append(f, P, participation(age="35.5")),
        "participations.csv, row 3, column age",
    ),
    "unknown benefit group": (
        lambda f: append(f, P, participation(benefit_group="folkepension")),
        "participations.csv, row 3, column benefit_group",
    ),
    "empty citizen id": (
        lambda f: append(f, P, participation(citizen_id="")),
        "participations.csv, row 3, column citizen_id",
    ),
    "contract target 1.5": (
        lambda f: append(f, "contracts.csv", "K2,PR1,,2020-01-01,,1.5,,"),
        "contracts.csv, row 2, column target_effect_rate",
    ),
    "contract with unknown provider": (
        lambda f: append(f, "contracts.csv", "K2,PR404,,2020-01-01,,0.3,,"),
        "contracts.csv, row 2, column provider_id",
    ),
    "offer with two providers": (
        lambda f: append(f, "offers.csv", price_row(provider_id="PR2")),
        "offers.csv, row 3, column provider_id",
    ),
    "truncated XLSX": (truncated_xlsx, "offers.xlsx"),
    "Parquet with text where a number belongs": (
        parquet_with_text_ages,
        "participations.parquet, row 1, column age",
    ),
    "two files for one table": (
        lambda f: shutil.copy(as_xlsx(f, "exits"), f / "exits.parquet"),
        "several files",
    ),
    "column named twice": (
        lambda f: (f / "exits.csv").write_text(
            "citizen_id,exit_date,exit_code,EXIT_CODE\nC1,2026-05-01,job_ordinaer,job_ordinaer\n"
        ),
        "exits.csv, column exit_code",
    ),
}


# Each case under the blocking reason of SPEC §5 it breaks (§1.2's rules spelt out), and the
# files that cannot be read as a table at all (checks/README.md, "reported by the reader").
CASES_BY_REASON = {
    "a missing required table": {
        "missing participations file",
        "missing exits file",
        "missing offers file",
    },
    "a missing required column": {"missing column", "tab-separated file"},
    "a value that does not parse as its type": {
        "unparseable date",
        "impossible date 31-02-2025",
        "two-digit year",
        "non-numeric price",
        "12.500,50 quoted in a ,-file",
        "age 35.5",
        "Parquet with text where a number belongs",
    },
    "§1.2: a value that must not be empty": {"empty citizen id"},
    "§1.2: a code not in its list": {"unknown benefit group"},
    "§1.2: a number out of its range": {
        "negative price",
        "match group 4",
        "age 130",
        "contract target 1.5",
    },
    "§1.2: an end before its start": {"end before start"},
    "§1.2: one provider for every row of an offer": {"offer with two providers"},
    "a duplicate id": {"duplicate participation id"},
    "an offer_id, exit_code or provider unknown to the table it refers to": {
        "unknown offer",
        "unknown exit code",
        "contract with unknown provider",
    },
    "overlapping price rows": {"overlapping price rows"},
    "a cohort participation with no price row at its start": {"participation with no valid price"},
    "a file that cannot be read as a table": {
        "0-byte file",
        "header only",
        "binary file named .csv",
        "mixed encodings",
        "row with too many fields",
        "12.500,50 unquoted in a ,-file",
        "truncated XLSX",
        "two files for one table",
        "column named twice",
    },
}


def test_the_catalogue_breaks_every_blocking_reason_and_each_case_has_one():
    """Every reason has a case, and the catalogue is exactly the cases listed under them, each
    under one: a case cannot be dropped, nor added without saying what it breaks."""
    assert all(CASES_BY_REASON.values())
    listed = [case for cases in CASES_BY_REASON.values() for case in cases]
    assert sorted(listed) == sorted(CASES)


def test_the_unbroken_extract_runs(tmp_path):
    folder = small_valid_extract().write(tmp_path / "extract")
    result = CliRunner().invoke(
        app, ["run", "--data", str(folder), "--quarter", "2026Q2", "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_broken_extract_exits_1_names_the_place_and_writes_nothing(
    tmp_path, earlier_report, case
):
    folder = small_valid_extract().write(tmp_path / "extract")
    break_extract, place = CASES[case]
    break_extract(folder)
    before = {p.name: p.read_bytes() for p in earlier_report.iterdir()}
    result = CliRunner().invoke(
        app, ["run", "--data", str(folder), "--quarter", "2026Q2", "--out", str(earlier_report)]
    )
    text = re.sub(r"\s+", " ", result.output)
    assert result.exit_code == 1, text
    assert place in text, text
    assert "Traceback" not in text
    assert {p.name: p.read_bytes() for p in earlier_report.iterdir()} == before
