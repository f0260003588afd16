"""The models computed beside the data-quality checks (evaluator.models.BackgroundModels)."""

import duckdb
import pytest

from evaluator.findings import BlockingInputError, EvaluatorError
from evaluator.models import BackgroundModels, load_macros
from evaluator.pipeline import evaluate
from evaluator.quarter import Quarter
from evaluator.settings import Settings
from fixtures.builders import small_valid_extract


def bare_database() -> duckdb.DuckDBPyConnection:
    """Macros but no input tables: the first staging model fails."""
    con = duckdb.connect()
    load_macros(con)
    return con


def relations(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [row[0] for row in con.execute("select table_name from duckdb_tables()").fetchall()]


def test_a_models_error_reaches_whoever_waits_for_them():
    con = bare_database()
    models = BackgroundModels(con.cursor(), ("quarter_overview",))
    with pytest.raises(EvaluatorError, match="stg_"):
        models.wait()


def test_discarded_models_raise_nothing_and_leave_no_mart():
    con = bare_database()
    BackgroundModels(con.cursor(), ("quarter_overview",)).discard()
    assert "quarter_overview" not in relations(con)


def test_a_blocked_run_reports_the_input_not_the_models(tmp_path):
    # An offer_id that is in no offers row blocks (SPEC §5); the models ran beside the checks.
    extract = small_valid_extract().participation("P3", citizen="C3", offer="O9")
    folder = extract.write(tmp_path / "extract")
    with pytest.raises(BlockingInputError) as blocked:
        evaluate(folder, Quarter.parse("2026Q2"), Settings(), data_docs=False)
    assert {finding.rule for finding in blocked.value.findings if finding.is_blocking} == {
        "unknown_offer"
    }
