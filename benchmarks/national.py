"""National scale: wall time and peak memory of each part of a quarterly run, at several sizes
and in both file formats, beside a pandas implementation of the provider × offer metrics.

    python -m benchmarks.national --sizes 100000 1000000 5000000 --formats parquet csv

For each size and format it writes a synthetic extract (`evaluator synth`, seed 1) and runs
each part in a process of its own, so each peak is that part's (with the reading it needs):

- floor: DuckDB scans every input column once (the least any implementation must do);
- read: `read_extract` alone, which types every value and flags what does not parse (read and
  offer_metrics together are the work the pandas part does);
- offer_metrics: read, then the models `provider_offer_metrics` needs for the quarter's cohort
  alone (the pandas part's work: no trend, no contract history);
- models: read, then every SQL model of the quarter, contract history included;
- checks: read, then every data-quality rule;
- csvs: read, models, the CSV files;
- workbook: read, models, scorecards.xlsx;
- run: `evaluator run` end to end, as the command line does it;
- pandas: benchmarks/pandas_metrics.py, the provider × offer metrics alone.

The time of a part is the time of its own work (after reading, where it reads first); the peak
is the whole process's. Every pandas result is checked equal to `provider_offer_metrics.csv` and
to the offer_metrics part's figures.
Prints a table; with --markdown FILE, also writes it as a Markdown table.
"""

import argparse
import csv
import json
import math
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUARTER = "2024Q2"
PROJECT_DIR = Path(__file__).resolve().parent.parent
OFFER_METRICS_ALONE = "offer_metrics_alone.csv"
PARTS = ("floor", "read", "offer_metrics", "models", "checks", "csvs", "workbook", "run", "pandas")
COMPARED = (
    "participants", "effects", "total_cost", "effect_rate", "effect_rate_ci_low",
    "effect_rate_ci_high", "effect_price", "expected_effects", "oe_ratio",
    "adjusted_effect_rate", "adjusted_effect_price", "rank_in_type",
)  # fmt: skip


def measure_part(part: str, folder: Path, report: Path) -> dict:
    """Run one part in this process; returns its seconds and the process's peak memory."""
    from evaluator.checks import import_great_expectations
    from evaluator.export.csv_files import write_metric_csvs
    from evaluator.export.scorecards import write_scorecards
    from evaluator.models import QUARTERLY_MARTS, run_models, set_run_variables
    from evaluator.pipeline import check_values, evaluate, latest_extract_date, read_extract
    from evaluator.quarter import Quarter
    from evaluator.report_folder import write_report
    from evaluator.settings import Settings

    if part in ("checks", "run"):
        import_great_expectations()  # its import (3-7 s) is not the checks' work
    quarter, settings = Quarter.parse(QUARTER), Settings()
    started = time.perf_counter()
    if part == "floor":
        scan_every_column(folder)
    elif part == "pandas":
        from benchmarks.pandas_metrics import provider_offer_metrics

        metrics = provider_offer_metrics(folder, str(quarter.start_date), str(quarter.end_date))
        metrics.to_csv(report / "pandas_metrics.csv", index=False)
    elif part == "run":
        write_report(evaluate(folder, quarter, settings), report)
    elif part == "read":
        read_extract(folder)
    else:
        con, extract = read_extract(folder)
        as_of = latest_extract_date(con)
        started = time.perf_counter()
        if part == "checks":
            check_values(con, extract, as_of, (quarter.start_date, quarter.end_date))
        elif part == "offer_metrics":
            # The pandas part's work: one quarter's cohort, no trend, no contract history.
            keep_only_the_cohort(con, quarter)
            set_run_variables(con, quarter, as_of, settings, extract.present_tables)
            run_models(con, ("provider_offer_metrics",))
            seconds = time.perf_counter() - started
            write_offer_metrics_alone(con, report)
            return {"part": part, "seconds": seconds, "peak_bytes": peak_bytes()}
        else:
            set_run_variables(con, quarter, as_of, settings, extract.present_tables)
            run_models(con, QUARTERLY_MARTS)
            if part != "models":
                from evaluator.pipeline import Evaluation

                evaluation = Evaluation(con, quarter, as_of, settings, extract, None)
                report.mkdir(parents=True, exist_ok=True)
                started = time.perf_counter()
                if part == "csvs":
                    write_metric_csvs(con, report)
                else:
                    write_scorecards(evaluation, report / "scorecards.xlsx")
    seconds = time.perf_counter() - started
    return {"part": part, "seconds": seconds, "peak_bytes": peak_bytes()}


# The participations of other cohorts, and the ongoing ones: the pandas part never reads them.
DELETE_OTHER_COHORTS = """
delete from src_participations
where end_date is null or end_date not between $start_date and $end_date
"""


def keep_only_the_cohort(con, quarter) -> None:
    """Leave in the typed participations only those that ended in `quarter`, so the models
    compute that cohort's provider × offer metrics alone, as the pandas part does: without the
    trend's seven quarters before it and without its contracts' history. The models read
    participations only through int_history_participations, so this gives them exactly the
    quarter's cohort, and its figures stay those of the full run (the pandas part checks)."""
    dates = {"start_date": quarter.start_date, "end_date": quarter.end_date}
    con.execute(DELETE_OTHER_COHORTS, dates).fetchall()


def peak_bytes() -> int:
    """This process's peak resident memory: VmHWM, which starts anew at exec. On Linux the
    ru_maxrss of a child starts at that of the process that started it, so run from pytest
    (400 MB) every part read 400 MB; ru_maxrss stays where there is no /proc."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def write_offer_metrics_alone(con, report: Path) -> None:
    """The offer_metrics part's figures as a CSV, so they too are checked against pandas."""
    from evaluator.export.csv_files import METRIC_OUTPUTS, mart_rows, write_rows

    _, mart, columns = METRIC_OUTPUTS[0]
    report.mkdir(parents=True, exist_ok=True)
    header = [name for name, _ in columns]
    write_rows(report / OFFER_METRICS_ALONE, header, mart_rows(con, mart, columns))


def scan_every_column(folder: Path) -> None:
    """Read every column of every input file once, as the evaluation's reader would have to."""
    import duckdb
    from duckdb import ColumnExpression, FunctionExpression

    con = duckdb.connect()
    for path in sorted(folder.iterdir()):
        if path.suffix == ".parquet":
            relation = con.read_parquet(str(path))
        else:
            relation = con.read_csv(str(path), all_varchar=True)
        # A hash of every value: Parquet statistics could answer max() without reading a value.
        hashes = [
            FunctionExpression("sum", FunctionExpression("hash", ColumnExpression(column)))
            for column in relation.columns
        ]
        relation.aggregate([FunctionExpression("count_star"), *hashes]).fetchall()


def run_part(part: str, folder: Path, report: Path) -> dict:
    command = [sys.executable, "-m", "benchmarks.national", "--part", part]
    command += [str(folder), str(report)]
    result = subprocess.run(command, capture_output=True, text=True, check=True, cwd=PROJECT_DIR)
    return json.loads(result.stdout.strip().splitlines()[-1])


def compare_with_pandas(report: Path) -> int:
    """The number of provider × offer rows whose metrics match, in the run's CSV and in the
    offer_metrics part's; raises on any difference."""
    theirs = {row["offer_id"]: row for row in read_rows(report / "pandas_metrics.csv")}
    compare_rows(read_rows(report / OFFER_METRICS_ALONE), theirs)
    return compare_rows(read_rows(report / "provider_offer_metrics.csv"), theirs)


def compare_rows(our_rows: list[dict], theirs: dict[str, dict]) -> int:
    ours = {row["offer_id"]: row for row in our_rows}
    assert ours.keys() == theirs.keys(), "different provider × offer rows"
    for offer_id, row in ours.items():
        for column in COMPARED:
            a, b = number(row[column]), number(theirs[offer_id][column])
            same = (a is None and b is None) or (
                a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
            )
            assert same, f"{offer_id} {column}: ours {a}, pandas {b}"
    return len(ours)


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def number(text: str) -> float | None:
    return None if text in ("", "nan") else float(text)


def benchmark(sizes: list[int], formats: list[str]) -> list[dict]:
    from evaluator.synthetic import SynthSize, write_synthetic_extract

    rows = []
    for size in sizes:
        for file_format in formats:
            with tempfile.TemporaryDirectory(prefix="evaluator-bench-") as scratch:
                folder, report = Path(scratch) / "extract", Path(scratch) / "report"
                started = time.perf_counter()
                extract_size = SynthSize(size, jobcenters=98)
                write_synthetic_extract(folder, extract_size, seed=1, file_format=file_format)
                synth_seconds = time.perf_counter() - started
                figures = {part: run_part(part, folder, report) for part in PARTS}
                compared = compare_with_pandas(report)
            row = {"participations": size, "format": file_format, "synth_s": synth_seconds}
            for part, figure in figures.items():
                row[f"{part}_s"] = figure["seconds"]
                row[f"{part}_peak_gb"] = figure["peak_bytes"] / 1e9
            row["offers_compared"] = compared
            rows.append(row)
            print_row(row)
    return rows


def print_row(row: dict) -> None:
    parts = "  ".join(
        f"{part} {row[f'{part}_s']:.1f}s/{row[f'{part}_peak_gb']:.2f}GB" for part in PARTS
    )
    print(f"{row['participations']:>10,} {row['format']:8s} {parts}", flush=True)


def markdown(rows: list[dict]) -> str:
    header = "| participations | format | " + " | ".join(PARTS) + " |"
    rule = "|---:|---|" + "---:|" * len(PARTS)
    lines = [header, rule]
    for row in rows:
        cells = [f"{row[f'{part}_s']:.1f} s, {row[f'{part}_peak_gb']:.2f} GB" for part in PARTS]
        lines.append(f"| {row['participations']:,} | {row['format']} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000, 5_000_000])
    parser.add_argument("--formats", nargs="+", default=["parquet", "csv"])
    parser.add_argument("--markdown", type=Path)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--part", nargs=3, metavar=("PART", "EXTRACT", "REPORT"))
    arguments = parser.parse_args()
    if arguments.part:
        part, folder, report = arguments.part
        print(json.dumps(measure_part(part, Path(folder), Path(report))))
        return
    rows = benchmark(arguments.sizes, arguments.formats)
    if arguments.markdown:
        arguments.markdown.write_text(markdown(rows), encoding="utf-8")
    if arguments.json:
        arguments.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
