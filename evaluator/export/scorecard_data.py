"""The rows the scorecard workbook shows, read from the marts and nothing else.

The workbook never computes a figure: every number on it is a value of a mart that the CSVs
also read (or of a mart made for the workbook, `sql/marts/`), so the two cannot disagree.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

import duckdb

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
        return grouped(self.offers, "provider_id")

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


def records(con: duckdb.DuckDBPyConnection, mart: str) -> list[dict]:
    relation = con.table(mart)
    return [dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()]


def offer_order(offer: dict) -> tuple:
    """By offer type, then rank (unranked, that is suppressed, last), then offer id."""
    rank = offer["rank_in_type"]
    return (offer["offer_type"], rank is None, rank or 0, offer["offer_id"])


BREAKDOWN_DIMENSIONS = ("benefit_group", "match_group", "age_band")
AGE_BANDS = ("<30", "30-49", "50+")


def breakdown_order(row: dict) -> tuple:
    """Benefit group, match group, age band; ages youngest first (the CSV sorts them as text)."""
    value = row["dimension_value"]
    age = AGE_BANDS.index(value) if row["dimension"] == "age_band" else 0
    return (row["provider_id"], BREAKDOWN_DIMENSIONS.index(row["dimension"]), age, value)


def read_scorecard_data(evaluation: Evaluation) -> ScorecardData:
    con = evaluation.con
    trends: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in sorted(records(con, "group_quarter_trend"), key=lambda r: r["quarter_offset"]):
        trends[(row["group_kind"], row["group_id"])].append(row)
    funnel = grouped(
        sorted(records(con, "offer_type_funnel"), key=lambda r: r["participants"]), "offer_type"
    )
    return ScorecardData(
        quarter=evaluation.quarter.label,
        as_of=evaluation.as_of,
        settings=evaluation.settings,
        is_preliminary=evaluation.is_preliminary,
        follow_up_complete_date=evaluation.quarter.follow_up_complete_date(
            evaluation.settings.window_days
        ),
        overview=records(con, "quarter_overview")[0],
        offers=sorted(records(con, "offer_scorecard"), key=offer_order),
        providers=sorted(records(con, "provider_metrics"), key=lambda r: r["provider_id"]),
        contracts=sorted(records(con, "contract_flags"), key=lambda r: r["contract_id"]),
        trends=dict(trends),
        funnel_limits=funnel,
        type_certainty={row["offer_type"]: row for row in records(con, "offer_type_certainty")},
        breakdown=sorted(records(con, "provider_breakdown"), key=breakdown_order),
        findings=evaluation.extract.findings,
        extract=evaluation.extract,
        jobcenter=evaluation.jobcenter,
        jobcenters=sorted(records(con, "jobcenter_metrics"), key=jobcenter_order),
        jobcenter_funnel=records(con, "jobcenter_funnel"),
        business_case_staircase=sorted(
            records(con, "business_case_staircase"), key=lambda r: r["step_number"]
        ),
        business_case_example=sorted(
            records(con, "business_case_example"), key=lambda r: r["step_number"]
        ),
        business_case_sensitivity=sorted(
            records(con, "business_case_sensitivity"), key=lambda r: r["weeks_saved"]
        ),
    )


def jobcenter_order(jobcenter: dict) -> tuple:
    """By rank (unranked, that is suppressed, last), then name."""
    return (jobcenter["rank"] is None, jobcenter["rank"] or 0, jobcenter["jobcenter"])
