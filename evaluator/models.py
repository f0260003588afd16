"""Run the SQL models of `sql/` against a connection that holds the typed input tables.

Each model file is one SELECT named after the relation it creates. Staging models become views
(they only rename); intermediate and mart models become tables, computed once and read many
times, except an intermediate model whose header says `-- Materialized: view`: a step whose
millions of rows are cheaper to stream into the few models that read it than to store (dbt's
`materialized='view'`; at 5 million participations, 2 s and 0.5 GB less). The order comes
from the files themselves: a model runs after every model it names.
"""

import datetime as dt
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from graphlib import TopologicalSorter
from pathlib import Path

import duckdb

from evaluator import rank_certainty
from evaluator.findings import EvaluatorError, InternalError
from evaluator.quarter import Quarter
from evaluator.resources import SQL_DIR, IncompleteInstallationError, shipped_file
from evaluator.settings import BusinessCase, Settings
from evaluator.variables import set_variables

# In the order they are created: the metric macros, then the parsing macros.
MACRO_FILES = ("metrics.sql", "parse.sql")
LAYERS = ("staging", "intermediate", "marts")
VIEW_LAYERS = {"staging"}
WORD = re.compile(r"[a-z_][a-z0-9_]*")
LINE_COMMENT = re.compile(r"--[^\n]*")
VIEW_MARK = re.compile(r"^-- Materialized: view$", re.MULTILINE)
DROP_STATEMENTS = {True: "drop view {name}", False: "drop table {name}"}
MISSING_RELATION = re.compile(r'Table with name "?([a-z_][a-z0-9_]*)"? does not exist')
# The layer a model's file is in, by its name's prefix; a mart is one of the marts below.
LAYER_PREFIXES = {"stg_": "staging", "int_": "intermediate"}


@dataclass(frozen=True)
class Model:
    name: str
    layer: str
    path: Path

    @cached_property
    def sql(self) -> str:
        """Read once: discovery, the view mark and the run each need the text."""
        return self.path.read_text(encoding="utf-8")

    @property
    def is_view(self) -> bool:
        return self.layer in VIEW_LAYERS or VIEW_MARK.search(self.sql) is not None


def load_macros(con: duckdb.DuckDBPyConnection) -> None:
    """Create the parsing and metric macros; the readers need them before any model runs. The
    one Python function the models call (SPEC §2.5's prob_best) is registered with them."""
    for name in MACRO_FILES:
        path = shipped_file(SQL_DIR / "macros" / name)
        con.execute(path.read_text(encoding="utf-8")).fetchall()
    rank_certainty.register(con)


def set_run_variables(
    con: duckdb.DuckDBPyConnection,
    quarter: Quarter,
    as_of: dt.date,
    settings: Settings,
    present_tables: set[str],
    jobcenter: str | None = None,
) -> None:
    """Set the variables the models read. `jobcenter` names the one jobcenter of a pooled
    extract to evaluate (SPEC §2.7); None evaluates them all."""
    values = {
        "quarter_label": quarter.label,
        "quarter_start_date": quarter.start_date.isoformat(),
        "quarter_end_date": quarter.end_date.isoformat(),
        "as_of_date": as_of.isoformat(),
        "follow_up_complete_date": quarter.follow_up_complete_date(
            settings.window_days
        ).isoformat(),
        "window_days": settings.window_days,
        "suppress_below": settings.suppress_below,
        "default_min_participants": settings.min_participants,
        "has_satisfaction": "satisfaction" in present_tables,
        "has_progression": "progression" in present_tables,
        "jobcenter": jobcenter,
        **business_case_values(settings.business_case),
    }
    set_variables(con, values)


def business_case_values(business_case: BusinessCase) -> dict[str, object]:
    """The `[business_case]` settings as the variables int_refusion_steps and
    int_weekly_benefits turn into tables (SPEC §2.8)."""
    return {
        "weeks_saved": business_case.weeks_saved,
        "refusion_until_week": list(business_case.refusion_until_week),
        "refusion_rates": list(business_case.refusion_rates),
        "weekly_benefits_dkk": [
            {"benefit_group": group, "weekly_benefit_dkk": amount}
            for group, amount in sorted(business_case.weekly_payments_dkk().items())
        ],
    }


QUARTERLY_MARTS = (
    "provider_offer_metrics",
    "provider_metrics",
    "contract_flags",
    "quarter_overview",
    "offer_scorecard",
    "offer_type_funnel",
    "group_quarter_trend",
    "jobcenter_metrics",
    "jobcenter_funnel",
    "provider_breakdown",
    "offer_type_certainty",
    "business_case_staircase",
    "business_case_example",
    "business_case_sensitivity",
)
WEEKLY_MARTS = ("mandagstal", "mandagstal_weeks")


def discover_models(targets: tuple[str, ...]) -> list[Model]:
    """The models `targets` need, in an order where each runs after the models it reads."""
    models = {
        path.stem: Model(path.stem, layer, path)
        for layer in LAYERS
        for path in sorted((SQL_DIR / layer).glob("*.sql"))
    }
    reads = {
        name: {word for word in referenced_words(model.sql) if word in models and word != name}
        for name, model in models.items()
    }
    for name in targets:
        if name not in models:
            raise IncompleteInstallationError(SQL_DIR / "marts" / f"{name}.sql")
    needed: set[str] = set()
    pending = list(targets)
    while pending:
        name = pending.pop()
        if name not in needed:
            needed.add(name)
            pending.extend(reads[name])
    graph = {name: reads[name] for name in needed}
    return [models[name] for name in TopologicalSorter(graph).static_order()]


def referenced_words(sql: str) -> set[str]:
    """The words of the SQL outside comments: a header may mention a model it does not read."""
    return set(WORD.findall(LINE_COMMENT.sub("", sql).lower()))


def run_models(con: duckdb.DuckDBPyConnection, targets: tuple[str, ...]) -> None:
    """Create the relations of `targets` and of every model they read. A model that reads a
    model whose file is missing means an incomplete installation; any other catalog error is a
    fault of our SQL (`catalog_error`)."""
    for model in discover_models(targets):
        create_model(con, model)


class BackgroundModels:
    """`run_models` in a thread of its own, on a second connection to the same database.

    The quarterly run computes its models while the data-quality checks run: the checks are
    mostly pandas on one core, the models DuckDB, which releases the GIL, so on two cores the
    run waits for the longer of the two instead of their sum. Nothing is written before both
    are done, and a run whose input fails a blocking rule discards its models (`discard`), as
    SPEC §5 asks. The caller sets the run variables on `con` (they belong to a connection), and
    `con` is closed when the models are done; the relations stay in the database.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, targets: tuple[str, ...]) -> None:
        self.con = con
        self.stopping = threading.Event()
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="models")
        self.done = self.pool.submit(self.run, discover_models(targets))

    def run(self, models: list[Model]) -> None:
        for model in models:
            if self.stopping.is_set():
                return
            create_model(self.con, model)

    def wait(self) -> None:
        """Block until every model is computed; raises what computing one raised."""
        try:
            self.done.result()
        finally:
            self.pool.shutdown()
            self.con.close()

    def discard(self) -> None:
        """Stop after the model being computed (interrupted) and forget any error: the input
        was not fit to model."""
        self.stopping.set()
        self.con.interrupt()
        self.pool.shutdown(wait=True)
        self.con.close()


def create_model(con: duckdb.DuckDBPyConnection, model: Model) -> None:
    try:
        relation = con.sql(model.sql)
        if model.is_view:
            relation.create_view(model.name)
        else:
            relation.create(model.name)
    except duckdb.CatalogException as error:
        raise catalog_error(model, error) from error


def catalog_error(model: Model, error: duckdb.CatalogException) -> EvaluatorError:
    """What DuckDB's catalog refusing `model` means. A relation named as a model (`stg_`,
    `int_`, one of the marts) whose file the installation lacks: the installation is incomplete,
    and the message names the file. Anything else (a relation whose file is there, so the order
    or a name in our SQL is wrong; a macro the macro files, already loaded, do not define; a
    relation that already exists) is an internal error that names the model."""
    detail = str(error).splitlines()[0]
    missing = MISSING_RELATION.search(detail)
    name = missing.group(1) if missing else ""
    layer = model_layer(name)
    if layer is not None and not (SQL_DIR / layer / f"{name}.sql").is_file():
        reason = f"missing ({model.name} reads it; DuckDB: {detail})"
        return IncompleteInstallationError(SQL_DIR / layer / f"{name}.sql", reason=reason)
    return InternalError(f"model {model.name} ({model.path.name})", detail)


def model_layer(name: str) -> str | None:
    """The layer whose folder holds model `name`'s file, or None for a name that is no model's
    (an input table `src_…`, a name our SQL got wrong)."""
    if name in QUARTERLY_MARTS or name in WEEKLY_MARTS:
        return "marts"
    return next(
        (layer for prefix, layer in LAYER_PREFIXES.items() if name.startswith(prefix)), None
    )


def rerun_models_reading(
    con: duckdb.DuckDBPyConnection, targets: tuple[str, ...], variable: str
) -> None:
    """Compute again, after `variable` changed, the models of `targets` that read it and every
    model downstream of them; the others keep what they hold. (`--each-jobcenter` reads and
    models the extract once, then recomputes only what the jobcenter changes.)"""
    models = discover_models(targets)
    reading = f"getvariable('{variable}')"
    changed: set[str] = set()
    for model in models:  # in dependency order: a model's inputs come first
        code = LINE_COMMENT.sub("", model.sql)  # a header may mention what it does not read
        if reading in code or referenced_words(code) & changed:
            changed.add(model.name)
            drop_model(con, model)
    for model in models:
        if model.name in changed:
            create_model(con, model)


def drop_model(con: duckdb.DuckDBPyConnection, model: Model) -> None:
    """Drop a model's relation. The one statement that names a relation: DuckDB binds no
    identifier as a parameter and its relation API cannot drop, so the name goes into the text,
    after checking that it is a model file's plain name (docs/decisions.md)."""
    if not WORD.fullmatch(model.name):
        raise ValueError(f"not a model name: {model.name!r}")
    con.execute(DROP_STATEMENTS[model.is_view].format(name=model.name))
