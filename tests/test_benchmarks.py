"""The benchmark scripts keep working: at a small size, the large-extract generator gives an
extract that passes every blocking check, and the national benchmark runs every part with the
pandas implementation agreeing with the marts."""

import duckdb

from benchmarks.large_extract import write_large_extract
from benchmarks.national import PARTS, benchmark
from evaluator.pipeline import check_extract, evaluate
from evaluator.quarter import Quarter
from evaluator.settings import Settings


def test_large_extract_generator_makes_a_valid_extract(tmp_path):
    write_large_extract(4000, tmp_path)
    findings = check_extract(tmp_path)
    assert [f for f in findings if f.is_blocking] == []
    evaluation = evaluate(tmp_path, Quarter.parse("2020Q2"), Settings(), data_docs=False)
    participants = evaluation.con.table("provider_metrics").sum("participants").fetchall()[0][0]
    ending_in_quarter = duckdb.sql(
        "select count(*) from read_parquet($path) where end_date between $start and $end",
        params={
            "path": str(tmp_path / "participations.parquet"),
            "start": "2020-04-01",
            "end": "2020-06-30",
        },
    ).fetchall()[0][0]
    assert participants == ending_in_quarter > 0


def test_the_national_benchmark_runs_and_pandas_agrees_with_the_marts():
    """The benchmark at a small size: every part runs and the pandas implementation gives the
    numbers of provider_offer_metrics.csv (compare_with_pandas raises otherwise). No time is
    asserted: figures belong in docs/benchmarks.md, not in a unit test."""
    [row] = benchmark([5_000], ["csv"])
    assert row["offers_compared"] >= 20
    assert all(row[f"{part}_peak_gb"] > 0 for part in PARTS)
