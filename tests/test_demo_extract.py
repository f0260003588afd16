"""Acceptance on the demo extract: every dialect gives byte-identical CSVs, the CSVs carry exactly
the columns of SPEC §4, and no citizen id reaches any output or the terminal."""

import csv
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evaluator.cli import app
from evaluator.resources import DEMO_DATA_DIR
from fixtures.dialects import rewrite_danish_csv, rewrite_parquet, rewrite_xlsx

METRIC_CSVS = ("provider_offer_metrics.csv", "provider_metrics.csv", "contract_flags.csv")

# The columns of SPEC §4, spelt out here rather than imported, so that the test checks the code.
GROUP_METRICS = [
    "participants",
    "completed",
    "dropped_out",
    "job_exits",
    "education_exits",
    "effects",
    "effect_rate",
    "effect_rate_ci_low",
    "effect_rate_ci_high",
    "total_cost",
    "cost_per_participant",
    "effect_price",
    "expected_effects",
    "oe_ratio",
    "adjusted_effect_rate",
    "adjusted_effect_price",
    "suppressed",
]
PILLARS = [
    "satisfaction_responses",
    "satisfaction_mean",
    "satisfied_share",
    "progression_n",
    "progression_mean",
]
SHRINKAGE = ["shrunk_oe_ratio", "shrunk_effect_rate", "shrunk_effect_price", "prob_best"]
BUSINESS_CASE = [
    "avoided_benefit_cost",
    "expected_avoided_benefit_cost",
    "extra_avoided_benefit_cost",
    "payback_ratio",
]
SPEC_COLUMNS = {
    "provider_offer_metrics.csv": [
        "quarter",
        "provider_id",
        "provider_name",
        "offer_id",
        "offer_name",
        "offer_type",
        *GROUP_METRICS,
        "rank_in_type",
        "preliminary",
        *PILLARS,
        *SHRINKAGE,
        *BUSINESS_CASE,
    ],
    "provider_metrics.csv": [
        "quarter",
        "provider_id",
        "provider_name",
        *GROUP_METRICS,
        "preliminary",
        *PILLARS,
        *BUSINESS_CASE,
    ],
    "contract_flags.csv": [
        "quarter",
        "contract_id",
        "provider_id",
        "offer_id",
        "participants",
        "effects",
        "effect_rate",
        "effect_price",
        "target_effect_rate",
        "max_effect_price",
        "min_participants",
        "status",
        "clearly_missed",
        "consecutive_missed",
        "recommendation",
        "preliminary",
    ],
    "data_quality.csv": ["severity", "table", "row", "column", "value", "rule", "message"],
}


def run(data: Path, out: Path) -> str:
    result = CliRunner().invoke(
        app, ["run", "--data", str(data), "--quarter", "2026Q2", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def reference(demo_run) -> tuple[Path, str]:
    """The demo's report folder and what `evaluator run` printed (conftest.py, once a session)."""
    return demo_run("--quarter", "2026Q2")


@pytest.mark.parametrize("rewrite", [rewrite_danish_csv, rewrite_parquet, rewrite_xlsx])
def test_every_dialect_of_the_demo_gives_identical_csvs(reference, tmp_path, rewrite):
    rewrite(DEMO_DATA_DIR, tmp_path / "extract")
    run(tmp_path / "extract", tmp_path / "out")
    for name in METRIC_CSVS:
        assert (tmp_path / "out" / name).read_bytes() == (reference[0] / name).read_bytes(), name


@pytest.mark.parametrize("name", sorted(SPEC_COLUMNS))
def test_csvs_carry_exactly_the_spec_columns_sorted_by_id(reference, name):
    with (reference[0] / name).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == SPEC_COLUMNS[name]
    if name != "data_quality.csv":
        assert len(rows) > 5
        id_positions = {"provider_offer_metrics.csv": (1, 3), "provider_metrics.csv": (1,)}
        keys = [tuple(row[i] for i in id_positions.get(name, (1,))) for row in rows[1:]]
        assert keys == sorted(keys)


def test_demo_report_uses_the_csv_conventions(reference):
    text = (reference[0] / "provider_offer_metrics.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    assert {row["suppressed"] for row in rows} == {"true", "false"}
    assert any(row["rank_in_type"] == "" for row in rows)  # suppressed rows have no rank
    assert all(re.fullmatch(r"\d+\.\d+(e-?\d+)?", row["effect_rate"]) for row in rows)
    assert {row["quarter"] for row in rows} == {"2026Q2"}


def citizen_ids() -> set[str]:
    ids = set()
    for name in ("participations.csv", "exits.csv", "progression.csv"):
        with (DEMO_DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
            ids |= {row["citizen_id"] for row in csv.DictReader(handle)}
    return ids


def test_no_citizen_id_reaches_any_output(reference):
    out, terminal = reference
    ids = citizen_ids()
    assert len(ids) > 1000
    pattern = re.compile(r"[A-Z]\d{6}")
    texts = {
        str(path.relative_to(out)): path.read_text(encoding="utf-8")
        for path in out.rglob("*")
        if path.suffix in (".csv", ".json", ".html", ".js")
    }
    assert any(name.startswith("data_docs") for name in texts)
    texts["terminal"] = terminal
    for name, text in texts.items():
        leaked = {token for token in pattern.findall(text) if token in ids}
        assert not leaked, f"{name} contains citizen ids {sorted(leaked)[:3]}"
