"""The provider × offer metrics of one quarter (SPEC §2.1) as an analyst would write them in
pandas: vectorised, straightforward, reading the plain dialect `evaluator synth` writes.

It is the yardstick of the benchmark (benchmarks/national.py): the same numbers as
`provider_offer_metrics.csv`, computed without DuckDB. It leaves out what the comparison does not
need: dialects, data-quality checks, pillars and contracts.
"""

from pathlib import Path

import numpy as np
import pandas as pd

Z = 1.959963984540054
DATE_COLUMNS = ("start_date", "end_date", "exit_date", "valid_from", "valid_to")


def read_table(folder: Path, table: str) -> pd.DataFrame:
    parquet = folder / f"{table}.parquet"
    frame = pd.read_parquet(parquet) if parquet.exists() else pd.read_csv(folder / f"{table}.csv")
    for column in DATE_COLUMNS:
        if column in frame.columns:
            frame[column] = pd.to_datetime(frame[column])
    return frame


def provider_offer_metrics(
    folder: Path, quarter_start: str, quarter_end: str, window_days: int = 91, suppress: int = 5
) -> pd.DataFrame:
    participations = read_table(folder, "participations")
    cohort = participations[
        participations["end_date"].between(pd.Timestamp(quarter_start), pd.Timestamp(quarter_end))
    ].copy()
    cohort["outcome"] = outcomes(folder, cohort, window_days)
    cohort["cost"] = costs(folder, cohort)
    cohort["is_effect"] = cohort["outcome"].isin(["job", "education"])
    cohort["age_band"] = pd.cut(cohort["age"], [-1, 29, 49, 200], labels=["<30", "30-49", "50+"])
    strata = ["benefit_group", "match_group", "age_band"]
    cohort["expected"] = cohort.groupby(strata, observed=True)["is_effect"].transform("mean")
    cohort_rate = cohort["is_effect"].mean()
    offers = read_table(folder, "offers").drop_duplicates("offer_id")
    groups = cohort.groupby("offer_id").agg(
        participants=("participation_id", "size"),
        job_exits=("outcome", lambda o: (o == "job").sum()),
        education_exits=("outcome", lambda o: (o == "education").sum()),
        effects=("is_effect", "sum"),
        total_cost=("cost", "sum"),
        expected_effects=("expected", "sum"),
    )
    metrics = groups.join(offers.set_index("offer_id")[["provider_id", "offer_type"]])
    n, x = metrics["participants"], metrics["effects"]
    metrics["effect_rate"] = x / n
    metrics["effect_rate_ci_low"], metrics["effect_rate_ci_high"] = wilson(x, n)
    metrics["effect_price"] = metrics["total_cost"] / x.where(x > 0)
    metrics["oe_ratio"] = x / metrics["expected_effects"].where(metrics["expected_effects"] > 0)
    metrics["adjusted_effect_rate"] = metrics["oe_ratio"] * cohort_rate
    adjusted = metrics["adjusted_effect_rate"] * n
    metrics["adjusted_effect_price"] = metrics["total_cost"] / adjusted.where(adjusted > 0)
    metrics["suppressed"] = n < suppress
    metrics["rank_in_type"] = ranks(metrics.reset_index())
    return metrics.reset_index().sort_values("offer_id").reset_index(drop=True)


def outcomes(folder: Path, cohort: pd.DataFrame, window_days: int) -> pd.Series:
    """The earliest job or education exit in the window; job wins a tie on the same day."""
    codes = pd.read_csv(folder / "exit_codes.csv")
    effect_codes = codes[codes["category"].isin(["job", "education"])]
    exits = read_table(folder, "exits").merge(effect_codes, on="exit_code")
    pairs = cohort[["participation_id", "citizen_id", "start_date", "end_date"]].merge(
        exits[["citizen_id", "exit_date", "category"]], on="citizen_id"
    )
    window_end = pairs["end_date"] + pd.Timedelta(days=window_days)
    pairs = pairs[(pairs["exit_date"] >= pairs["start_date"]) & (pairs["exit_date"] <= window_end)]
    pairs = pairs.assign(is_education=pairs["category"] == "education")
    first = pairs.sort_values(["participation_id", "exit_date", "is_education"]).drop_duplicates(
        "participation_id"
    )
    found = cohort[["participation_id"]].merge(first, on="participation_id", how="left")
    return found["category"].fillna("none").to_numpy()


def costs(folder: Path, cohort: pd.DataFrame) -> np.ndarray:
    """The price row valid on the start date, by the unit of its price model."""
    prices = read_table(folder, "offers")[
        ["offer_id", "price_model", "unit_price", "valid_from", "valid_to"]
    ]
    rows = cohort[["participation_id", "offer_id", "start_date", "end_date"]].merge(
        prices, on="offer_id"
    )
    valid = (rows["start_date"] >= rows["valid_from"]) & (
        rows["valid_to"].isna() | (rows["start_date"] <= rows["valid_to"])
    )
    rows = rows[valid]
    days = (rows["end_date"] - rows["start_date"]).dt.days + 1
    units = np.select(
        [rows["price_model"] == "per_participant", rows["price_model"] == "per_week"],
        [1, np.ceil(days / 7)],
        default=days,
    )
    cost = pd.Series(rows["unit_price"].to_numpy() * units, index=rows["participation_id"])
    return cohort["participation_id"].map(cost).to_numpy()


def wilson(x: pd.Series, n: pd.Series) -> tuple[pd.Series, pd.Series]:
    p = x / n
    d = 1 + Z**2 / n
    centre = (p + Z**2 / (2 * n)) / d
    half = Z * np.sqrt(p * (1 - p) / n + Z**2 / (4 * n**2)) / d
    return (centre - half).where(x > 0, 0.0), (centre + half).where(x < n, 1.0)


def ranks(metrics: pd.DataFrame) -> pd.Series:
    """1 = lowest adjusted price in the type (øre-rounded), then higher rate, then offer id;
    suppressed offers unranked."""
    shown = metrics[~metrics["suppressed"]].assign(
        price=metrics["adjusted_effect_price"].round(2), rate=-metrics["effect_rate"]
    )
    ordered = shown.sort_values(["offer_type", "price", "rate", "offer_id"], na_position="last")
    rank = ordered.groupby("offer_type").cumcount() + 1
    return metrics.index.map(rank).to_numpy()
