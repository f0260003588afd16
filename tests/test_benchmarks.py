"""The large-extract generator behind the 5-million-row check figure (docs/decisions.md): at a
small size it must still give an extract that passes every blocking check and evaluates."""

import duckdb

from benchmarks.large_extract import write_large_extract
from evaluator.pipeline import check_extract, evaluate
from evaluator.quarter import Quarter
from evaluator.settings import Settings


def test_large_extract_generator_makes_a_valid_extract(tmp_path):
    write_large_extract(4000, tmp_path)
    findings = check_extract(tmp_path)
    assert [f for f in findings if f.is_blocking] == []
    evaluation = evaluate(tmp_path, Quarter.parse("2020Q2"), Settings(), data_docs=False)
    participants = evaluation.con.table("provider_metrics").sum("participants").fetchall()[0][0]
    ending_in_quarter = duckdb.sql(
        "select count(*) from read_parquet($path) where end_date between $start and $end",
        params={
            "path": str(tmp_path / "participations.parquet"),
            "start": "2020-04-01",
            "end": "2020-06-30",
        },
    ).fetchall()[0][0]
    assert participants == ending_in_quarter > 0
