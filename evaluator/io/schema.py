"""The data contract of SPEC §1.2 as data: which tables and columns an extract has, and their types.

The readers, the parser and the data-quality findings all read this one description, so a
column's type is stated once.
"""

from dataclasses import dataclass
from typing import Literal

ColumnKind = Literal["text", "code", "integer", "decimal", "date"]


@dataclass(frozen=True)
class Column:
    """One column of an input table.

    `nullable` says whether an empty cell is allowed; `codes` lists the allowed values of a code
    column; `personal` marks data that must never appear in any output, not even in a finding.
    """

    name: str
    kind: ColumnKind
    nullable: bool = False
    codes: tuple[str, ...] = ()
    personal: bool = False
    present: bool = True


@dataclass(frozen=True)
class Table:
    """One input table: its name (also the file's stem) and its columns."""

    name: str
    columns: tuple[Column, ...]
    required: bool


BENEFIT_GROUPS = (
    "dagpenge",
    "kontanthjaelp",
    "uddannelseshjaelp",
    "sygedagpenge",
    "jobafklaring",
    "ressourceforloeb",
    "ledighedsydelse",
    "integrationsydelse",
    "revalidering",
)
PRICE_MODELS = ("per_participant", "per_week", "per_day")
EXIT_CATEGORIES = ("job", "education", "other")
COMPLETIONS = ("completed", "dropped_out")

PARTICIPATIONS = Table(
    "participations",
    (
        Column("participation_id", "text"),
        Column("citizen_id", "text", personal=True),
        Column("jobcenter", "text"),
        Column("department", "text"),
        Column("benefit_group", "code", codes=BENEFIT_GROUPS),
        Column("match_group", "integer"),
        Column("age", "integer"),
        Column("benefit_weeks_before", "integer"),
        Column("offer_id", "text"),
        Column("start_date", "date"),
        Column("end_date", "date", nullable=True),
        Column("completion", "code", nullable=True, codes=COMPLETIONS),
    ),
    required=True,
)

EXITS = Table(
    "exits",
    (
        Column("citizen_id", "text", personal=True),
        Column("exit_date", "date"),
        Column("exit_code", "text"),
    ),
    required=True,
)

EXIT_CODES = Table(
    "exit_codes",
    (
        Column("exit_code", "text"),
        Column("category", "code", codes=EXIT_CATEGORIES),
        Column("label", "text", nullable=True, present=False),
    ),
    required=False,
)

OFFERS = Table(
    "offers",
    (
        Column("offer_id", "text"),
        Column("offer_name", "text"),
        Column("offer_type", "text"),
        Column("provider_id", "text"),
        Column("provider_name", "text"),
        Column("price_model", "code", codes=PRICE_MODELS),
        Column("unit_price", "decimal"),
        Column("valid_from", "date"),
        Column("valid_to", "date", nullable=True),
    ),
    required=True,
)

CONTRACTS = Table(
    "contracts",
    (
        Column("contract_id", "text"),
        Column("provider_id", "text"),
        Column("offer_id", "text", nullable=True),
        Column("valid_from", "date"),
        Column("valid_to", "date", nullable=True),
        Column("target_effect_rate", "decimal", nullable=True),
        Column("max_effect_price", "decimal", nullable=True),
        Column("min_participants", "integer", nullable=True),
    ),
    required=False,
)

SATISFACTION = Table(
    "satisfaction",
    (
        Column("participation_id", "text"),
        Column("response_date", "date"),
        Column("score", "integer"),
    ),
    required=False,
)

PROGRESSION = Table(
    "progression",
    (
        Column("citizen_id", "text", personal=True),
        Column("assessment_date", "date"),
        Column("score", "integer"),
    ),
    required=False,
)

TABLES: tuple[Table, ...] = (
    PARTICIPATIONS,
    EXITS,
    EXIT_CODES,
    OFFERS,
    CONTRACTS,
    SATISFACTION,
    PROGRESSION,
)

# Not part of an extract: the weekly targets file of `evaluator weekly --targets` (SPEC §2.4).
WEEKLY_TARGETS = Table(
    "weekly_targets",
    (
        Column("department", "text"),
        Column("category", "code", codes=("job", "education")),
        Column("weekly_target", "decimal"),
    ),
    required=True,
)
