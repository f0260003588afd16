"""The rows the scorecard workbook shows, read from the marts and nothing else.

The workbook never computes a figure: every number on it is a value of a mart that the CSVs
also read (or of a mart made for the workbook, `sql/marts/`), so the two cannot disagree.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import duckdb
from duckdb import CaseExpression, ColumnExpression, ConstantExpression, FunctionExpression

from evaluator.findings import Finding
from evaluator.io.extract import Extract
from evaluator.pipeline import Evaluation
from evaluator.settings import Settings


@dataclass(frozen=True)
class ScorecardData:
    quarter: str
    as_of: dt.date
    settings: Settings
    is_preliminary: bool
    follow_up_complete_date: dt.date
    overview: dict
    offers: list[dict]
    offers_by_id: list[dict]
    providers: list[dict]
    contracts: list[dict]
    trends: dict[tuple[str, str], list[dict]]
    funnel_limits: dict[str, list[dict]]
    type_certainty: dict[str, dict]
    breakdown: list[dict]
    findings: list[Finding]
    extract: Extract
    jobcenter: str | None
    jobcenters: list[dict]
    jobcenter_funnel: list[dict]
    business_case_staircase: list[dict]
    business_case_example: list[dict]
    business_case_sensitivity: list[dict]

    @property
    def own_jobcenter(self) -> dict | None:
        """The benchmark row of the jobcenter this report is about (`--jobcenter`), if any."""
        return next((row for row in self.jobcenters if row["jobcenter"] == self.jobcenter), None)

    @cached_property
    def offers_by_type(self) -> dict[str, list[dict]]:
        return grouped(self.offers, "offer_type")

    @cached_property
    def offers_by_provider(self) -> dict[str, list[dict]]:
        return grouped(self.offers_by_id, "provider_id")

    @cached_property
    def contracts_by_provider(self) -> dict[str, list[dict]]:
        """Grouped once: a national workbook asks for each of 1,000 providers' contracts."""
        return grouped(self.contracts, "provider_id")

    @property
    def offer_types(self) -> list[str]:
        return sorted(self.offers_by_type)

    @cached_property
    def breakdown_by_provider(self) -> dict[str, list[dict]]:
        return grouped(self.breakdown, "provider_id")

    def breakdown_of(self, provider_id: str) -> list[dict]:
        return self.breakdown_by_provider.get(provider_id, [])

    def offers_of_type(self, offer_type: str) -> list[dict]:
        return self.offers_by_type.get(offer_type, [])

    def offers_of(self, provider_id: str) -> list[dict]:
        return self.offers_by_provider.get(provider_id, [])

    def contracts_of(self, provider_id: str) -> list[dict]:
        return self.contracts_by_provider.get(provider_id, [])


def grouped(rows: list[dict], key: str) -> dict[str, list[dict]]:
    """The rows by the value of `key`, each group in the rows' order."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups[row[key]].append(row)
    return dict(groups)


def records(
    con: duckdb.DuckDBPyConnection, mart: str, order: Sequence[duckdb.Expression] = ()
) -> list[dict]:
    """The mart's rows in its own order (its final `order by`; a table keeps the order it was
    made in), or, for a list the workbook shows otherwise than the CSV, sorted by DuckDB by
    `order`."""
    relation = con.table(mart)
    if order:
        relation = relation.sort(*order)
    return [dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()]


# A provider's scorecard lists its offers by id; the mart sorts them by type and rank.
OFFERS_BY_ID = (ColumnExpression("offer_id").asc(),)
# The workbook lists the jobcenters by rank (unranked, that is suppressed, last), then name; the
# mart and its CSV list them by name (SPEC §4 sorts by id).
JOBCENTERS_BY_RANK = (
    ColumnExpression("rank").asc().nulls_last(),
    ColumnExpression("jobcenter").asc(),
)
# A provider's breakdown on the workbook: benefit group, match group, age band, ages youngest
# first; the mart and its CSV sort dimension and value as text.
BREAKDOWN_DIMENSIONS = ["benefit_group", "match_group", "age_band"]
AGE_BANDS = ["<30", "30-49", "50+"]
BREAKDOWN_BY_DIMENSION = (
    ColumnExpression("provider_id").asc(),
    FunctionExpression(
        "list_position", ConstantExpression(BREAKDOWN_DIMENSIONS), ColumnExpression("dimension")
    ).asc(),
    CaseExpression(
        ColumnExpression("dimension") == ConstantExpression("age_band"),
        FunctionExpression(
            "list_position", ConstantExpression(AGE_BANDS), ColumnExpression("dimension_value")
        ),
    )
    .otherwise(ConstantExpression(0))
    .asc(),
    ColumnExpression("dimension_value").asc(),
)


def read_scorecard_data(evaluation: Evaluation) -> ScorecardData:
    con = evaluation.con
    trends: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in records(con, "group_quarter_trend"):  # each group's quarters oldest first
        trends[(row["group_kind"], row["group_id"])].append(row)
    funnel = grouped(records(con, "offer_type_funnel"), "offer_type")  # by participants
    return ScorecardData(
        quarter=evaluation.quarter.label,
        as_of=evaluation.as_of,
        settings=evaluation.settings,
        is_preliminary=evaluation.is_preliminary,
        follow_up_complete_date=evaluation.quarter.follow_up_complete_date(
            evaluation.settings.window_days
        ),
        overview=records(con, "quarter_overview")[0],
        offers=records(con, "offer_scorecard"),
        offers_by_id=records(con, "offer_scorecard", OFFERS_BY_ID),
        providers=records(con, "provider_metrics"),
        contracts=records(con, "contract_flags"),
        trends=dict(trends),
        funnel_limits=funnel,
        type_certainty={row["offer_type"]: row for row in records(con, "offer_type_certainty")},
        breakdown=records(con, "provider_breakdown", BREAKDOWN_BY_DIMENSION),
        findings=evaluation.extract.findings,
        extract=evaluation.extract,
        jobcenter=evaluation.jobcenter,
        jobcenters=records(con, "jobcenter_metrics", JOBCENTERS_BY_RANK),
        jobcenter_funnel=records(con, "jobcenter_funnel"),
        business_case_staircase=records(con, "business_case_staircase"),
        business_case_example=records(con, "business_case_example"),
        business_case_sensitivity=records(con, "business_case_sensitivity"),
    )
