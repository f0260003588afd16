"""The benchmark scripts keep working: at a small size, the national benchmark runs every part
with the pandas implementation agreeing with the marts."""

from benchmarks.national import PARTS, benchmark


def test_the_national_benchmark_runs_and_pandas_agrees_with_the_marts():
    """The benchmark at a small size: every part runs and the pandas implementation gives the
    numbers of provider_offer_metrics.csv (compare_with_pandas raises otherwise). No time is
    asserted: figures belong in docs/benchmarks.md, not in a unit test.

    Each peak is its own process's, in GB: more than the 50 MB any Python with DuckDB and pandas
    loaded holds and less than 8 GB at this size (a kilobyte read as a byte, or the reverse, is a
    factor 1,024 outside), and the parts that import great-expectations, checks and run, peak
    above floor, which does not."""
    [row] = benchmark([5_000], ["csv"])
    assert row["offers_compared"] >= 20
    peaks = {part: row[f"{part}_peak_gb"] for part in PARTS}
    assert all(0.05 < peak < 8 for peak in peaks.values()), peaks
    assert min(peaks["checks"], peaks["run"]) > peaks["floor"], peaks
