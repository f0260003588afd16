"""The benchmark scripts keep working: at a small size, the national benchmark runs every part
with the pandas implementation agreeing with the marts."""

from benchmarks.national import PARTS, benchmark


def test_the_national_benchmark_runs_and_pandas_agrees_with_the_marts():
    """The benchmark at a small size: every part runs and the pandas implementation gives the
    numbers of provider_offer_metrics.csv (compare_with_pandas raises otherwise). No time is
    asserted: figures belong in docs/benchmarks.md, not in a unit test."""
    [row] = benchmark([5_000], ["csv"])
    assert row["offers_compared"] >= 20
    assert all(row[f"{part}_peak_gb"] > 0 for part in PARTS)
