"""The CSV outputs of SPEC §4: exact columns and order, sorted by id (the marts' own order), `.`
decimals, `true`/`false`.

The marts name columns with their unit (`total_cost_dkk`, `is_suppressed`); the CSVs use the
names of the spec. Each output below lists its columns as (CSV name, mart column).
"""

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

import duckdb
from duckdb import ColumnExpression

from evaluator.findings import Finding, csv_text, sorted_findings

GROUP_METRIC_COLUMNS = (
    ("participants", "participants"),
    ("completed", "completed"),
    ("dropped_out", "dropped_out"),
    ("job_exits", "job_exits"),
    ("education_exits", "education_exits"),
    ("effects", "effects"),
    ("effect_rate", "effect_rate"),
    ("effect_rate_ci_low", "effect_rate_ci_low"),
    ("effect_rate_ci_high", "effect_rate_ci_high"),
    ("total_cost", "total_cost_dkk"),
    ("cost_per_participant", "cost_per_participant_dkk"),
    ("effect_price", "effect_price_dkk"),
    ("expected_effects", "expected_effects"),
    ("oe_ratio", "oe_ratio"),
    ("adjusted_effect_rate", "adjusted_effect_rate"),
    ("adjusted_effect_price", "adjusted_effect_price_dkk"),
    ("suppressed", "is_suppressed"),
)
PILLAR_COLUMNS = (
    ("satisfaction_responses", "satisfaction_responses"),
    ("satisfaction_mean", "satisfaction_mean"),
    ("satisfied_share", "satisfied_share"),
    ("progression_n", "progression_n"),
    ("progression_mean", "progression_mean"),
)
SHRINKAGE_COLUMNS = (
    ("shrunk_oe_ratio", "shrunk_oe_ratio"),
    ("shrunk_effect_rate", "shrunk_effect_rate"),
    ("shrunk_effect_price", "shrunk_effect_price_dkk"),
    ("prob_best", "prob_best"),
)
BUSINESS_CASE_COLUMNS = (
    ("avoided_benefit_cost", "avoided_benefit_cost_dkk"),
    ("expected_avoided_benefit_cost", "expected_avoided_benefit_cost_dkk"),
    ("extra_avoided_benefit_cost", "extra_avoided_benefit_cost_dkk"),
    ("payback_ratio", "payback_ratio"),
)
PROVIDER_OFFER_COLUMNS = (
    ("quarter", "quarter"),
    ("provider_id", "provider_id"),
    ("provider_name", "provider_name"),
    ("offer_id", "offer_id"),
    ("offer_name", "offer_name"),
    ("offer_type", "offer_type"),
    *GROUP_METRIC_COLUMNS,
    ("rank_in_type", "rank_in_type"),
    ("preliminary", "is_preliminary"),
    *PILLAR_COLUMNS,
    *SHRINKAGE_COLUMNS,
    *BUSINESS_CASE_COLUMNS,
)
PROVIDER_COLUMNS = (
    ("quarter", "quarter"),
    ("provider_id", "provider_id"),
    ("provider_name", "provider_name"),
    *GROUP_METRIC_COLUMNS,
    ("preliminary", "is_preliminary"),
    *PILLAR_COLUMNS,
    *BUSINESS_CASE_COLUMNS,
)
CONTRACT_COLUMNS = (
    ("quarter", "quarter"),
    ("contract_id", "contract_id"),
    ("provider_id", "provider_id"),
    ("offer_id", "offer_id"),
    ("participants", "participants"),
    ("effects", "effects"),
    ("effect_rate", "effect_rate"),
    ("effect_price", "effect_price_dkk"),
    ("target_effect_rate", "target_effect_rate"),
    ("max_effect_price", "max_effect_price_dkk"),
    ("min_participants", "min_participants_required"),
    ("status", "status"),
    ("clearly_missed", "is_clearly_missed"),
    ("consecutive_missed", "consecutive_missed"),
    ("recommendation", "recommendation"),
    ("preliminary", "is_preliminary"),
)
JOBCENTER_COLUMNS = (
    ("quarter", "quarter"),
    ("jobcenter", "jobcenter"),
    *GROUP_METRIC_COLUMNS,
    ("preliminary", "is_preliminary"),
    ("rank", "rank"),
)
BREAKDOWN_COLUMNS = (
    ("quarter", "quarter"),
    ("provider_id", "provider_id"),
    ("provider_name", "provider_name"),
    ("dimension", "dimension"),
    ("value", "dimension_value"),
    ("participants", "participants"),
    ("share", "share"),
    ("effects", "effects"),
    ("effect_rate", "effect_rate"),
    ("expected_effects", "expected_effects"),
    ("oe_ratio", "oe_ratio"),
    ("cohort_share", "cohort_share"),
    ("suppressed", "is_suppressed"),
)
DATA_QUALITY_COLUMNS = ("severity", "table", "row", "column", "value", "rule", "message")

# (file name, mart, columns). Each mart's final `order by` sorts its rows by the ids SPEC §4
# sorts the CSV on, and a table keeps the order it was made in: the CSV takes the rows as they are.
METRIC_OUTPUTS = (
    ("provider_offer_metrics.csv", "provider_offer_metrics", PROVIDER_OFFER_COLUMNS),
    ("provider_metrics.csv", "provider_metrics", PROVIDER_COLUMNS),
    ("contract_flags.csv", "contract_flags", CONTRACT_COLUMNS),
    ("jobcenter_metrics.csv", "jobcenter_metrics", JOBCENTER_COLUMNS),
    ("provider_breakdown.csv", "provider_breakdown", BREAKDOWN_COLUMNS),
)


def write_rows(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([csv_text(value) for value in row] for row in rows)


def mart_rows(
    con: duckdb.DuckDBPyConnection, mart: str, columns: Sequence[tuple[str, str]]
) -> list[tuple]:
    """The mart's rows in the CSV's columns, in the mart's order (aggregates: few rows)."""
    selected = [ColumnExpression(source) for _, source in columns]
    return con.table(mart).select(*selected).fetchall()


def write_metric_csvs(con: duckdb.DuckDBPyConnection, folder: Path) -> None:
    for file_name, mart, columns in METRIC_OUTPUTS:
        header = [name for name, _ in columns]
        write_rows(folder / file_name, header, mart_rows(con, mart, columns))


def write_data_quality_csv(findings: list[Finding], path: Path) -> None:
    rows = [
        (f.severity, f.table, f.row, f.column, f.value, f.rule, f.message)
        for f in sorted_findings(findings)
    ]
    write_rows(path, DATA_QUALITY_COLUMNS, rows)
