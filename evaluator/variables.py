"""Run settings reach the SQL as DuckDB variables, read there with `getvariable()`.

Every variable any SQL file reads is set by one fixed statement below, with its type, so a reader
of a model finds here what `getvariable('window_days')` holds. DuckDB binds a value as a
parameter but never a name, so each name is written into its own statement once; no statement
is assembled from strings.
"""

from collections.abc import Mapping

import duckdb

SET_STATEMENTS = {
    # The quarterly models (evaluator/models.py).
    "quarter_label": "set variable quarter_label = $value",
    "quarter_start_date": "set variable quarter_start_date = $value::date",
    "quarter_end_date": "set variable quarter_end_date = $value::date",
    "as_of_date": "set variable as_of_date = $value::date",
    "follow_up_complete_date": "set variable follow_up_complete_date = $value::date",
    "window_days": "set variable window_days = $value::integer",
    "suppress_below": "set variable suppress_below = $value::integer",
    "default_min_participants": "set variable default_min_participants = $value::integer",
    "has_satisfaction": "set variable has_satisfaction = $value::boolean",
    "has_progression": "set variable has_progression = $value::boolean",
    "jobcenter": "set variable jobcenter = $value::varchar",
    "weeks_saved": "set variable weeks_saved = $value::integer",
    "refusion_until_week": "set variable refusion_until_week = $value::integer[]",
    "refusion_rates": "set variable refusion_rates = $value::decimal(10, 9)[]",
    "weekly_benefits_dkk": "set variable weekly_benefits_dkk = "
    "$value::struct(benefit_group varchar, weekly_benefit_dkk decimal(12, 2))[]",
    # The check batches (evaluator/checks.py); as_of_date above too.
    "check_cohort_start_date": "set variable check_cohort_start_date = $value::date",
    "check_cohort_end_date": "set variable check_cohort_end_date = $value::date",
    "has_contracts": "set variable has_contracts = $value::boolean",
    # The Monday numbers (evaluator/weekly_pipeline.py).
    "week_label": "set variable week_label = $value",
    "week_start_date": "set variable week_start_date = $value::date",
    "week_end_date": "set variable week_end_date = $value::date",
    # The synthetic extracts (evaluator/synthetic.py).
    "seed": "set variable seed = $value::bigint",
    "synth_participations": "set variable synth_participations = $value::bigint",
    "synth_offers": "set variable synth_offers = $value::bigint",
    "synth_citizens": "set variable synth_citizens = $value::bigint",
    "synth_jobcenters": "set variable synth_jobcenters = $value::bigint",
}


def set_variables(con: duckdb.DuckDBPyConnection, values: Mapping[str, object]) -> None:
    """Set each variable of `values` by its fixed statement, the value as the only parameter."""
    for name, value in values.items():
        con.execute(SET_STATEMENTS[name], {"value": value}).fetchall()
