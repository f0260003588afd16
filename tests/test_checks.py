"""The data-quality rules of checks/ (SPEC §5): each one reports a violating row with its row
number, and a clean extract passes. Rows are numbered as a user sees them: 1-based, header
excluded."""

import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from evaluator import checks
from evaluator.checks import comparable_numbers, load_rules
from evaluator.io.schema import TABLES
from evaluator.pipeline import check_extract, run_check
from evaluator.reading_checks import load_reading_rules
from evaluator.resources import RULES_DIR
from fixtures.builders import JOB, ExtractBuilder
from fixtures.builders import small_valid_extract as clean


def findings(extract: ExtractBuilder, tmp_path, as_of=None) -> set[tuple]:
    import datetime as dt

    day = dt.date.fromisoformat(as_of) if as_of else None
    return findings_in(extract.write(tmp_path / "extract"), day)


def findings_in(folder, as_of=None) -> set[tuple]:
    """`evaluator check` on an extract folder, each finding as (severity, table, row, column,
    value, rule)."""
    return {
        (f.severity, f.table, f.row, f.column, f.value, f.rule)
        for f in check_extract(folder, as_of)
    }


def test_a_clean_extract_passes(tmp_path):
    assert findings(clean(), tmp_path) == set()


# (how to break the clean extract, the finding expected)
CASES = {
    "duplicate participation id": (
        lambda e: e.participation("P1", citizen="C3"),
        ("blocking", "participations", 3, "participation_id", "P1", "duplicate_id"),
    ),
    "match group 4": (
        lambda e: e.participation("P3", citizen="C3", match_group=4),
        ("blocking", "participations", 3, "match_group", "4", "match_group_range"),
    ),
    "age 130": (
        lambda e: e.participation("P3", citizen="C3", age=130),
        ("blocking", "participations", 3, "age", "130", "age_range"),
    ),
    "age 14": (
        lambda e: e.participation("P3", citizen="C3", age=14),
        ("blocking", "participations", 3, "age", "14", "age_range"),
    ),
    "negative benefit weeks": (
        lambda e: e.add(
            "participations",
            **(
                e.rows["participations"][0] | {"participation_id": "P3", "benefit_weeks_before": -1}
            ),
        ),
        ("blocking", "participations", 3, "benefit_weeks_before", "-1", "benefit_weeks_range"),
    ),
    "end before start": (
        lambda e: e.participation("P3", citizen="C3", start="2026-04-10", end="2026-04-09"),
        ("blocking", "participations", 3, "end_date", "2026-04-09", "end_before_start"),
    ),
    "unknown offer": (
        lambda e: e.participation("P3", citizen="C3", offer="NOPE"),
        ("blocking", "participations", 3, "offer_id", "NOPE", "unknown_offer"),
    ),
    "no price row at the start": (
        lambda e: e.offer("O3", valid_from="2026-05-01").participation("P3", offer="O3"),
        ("blocking", "participations", 3, "start_date", "2026-04-01", "no_price_row"),
    ),
    "participation longer than 730 days": (
        lambda e: e.participation("P3", citizen="C3", start="2024-04-01", end="2026-04-01"),
        ("warning", "participations", 3, "end_date", "2026-04-01", "long_participation"),
    ),
    "unknown exit code": (
        lambda e: e.exit("C2", "2026-05-01", "flyttet_til_mars"),
        ("blocking", "exits", 2, "exit_code", "flyttet_til_mars", "unknown_exit_code"),
    ),
    "duplicate exit row": (
        lambda e: e.exit("C1", "2026-05-01", JOB),
        ("warning", "exits", 2, "exit_date", "2026-05-01", "duplicate_exit"),
    ),
    "negative price": (
        lambda e: e.offer("O3", unit_price=-5),
        ("blocking", "offers", 3, "unit_price", "-5", "negative_price"),
    ),
    "overlapping price rows": (
        lambda e: e.offer("O1", valid_from="2025-01-01", unit_price=1100),
        ("blocking", "offers", 3, "valid_from", "2025-01-01", "overlapping_price_rows"),
    ),
    "offer with two providers": (
        lambda e: e.offer("O2", provider="PR2", valid_from="2010-01-01", valid_to="2019-12-31"),
        ("blocking", "offers", 3, "provider_id", "PR2", "provider_differs"),
    ),
    "price row ends before it starts": (
        lambda e: e.offer("O3", valid_from="2020-01-01", valid_to="2019-01-01"),
        ("blocking", "offers", 3, "valid_to", "2019-01-01", "valid_to_before_valid_from"),
    ),
    "offer with no contract": (
        lambda e: e.offer("O3", provider="PR2"),
        ("warning", "offers", 3, "offer_id", "O3", "offer_without_contract"),
    ),
    "duplicate contract id": (
        lambda e: e.contract("K1", target_effect_rate=0.2),
        ("blocking", "contracts", 2, "contract_id", "K1", "duplicate_id"),
    ),
    "contract with unknown provider": (
        lambda e: e.contract("K2", provider="PR9", target_effect_rate=0.2),
        ("blocking", "contracts", 2, "provider_id", "PR9", "unknown_provider"),
    ),
    "contract with another provider's offer": (
        lambda e: e.offer("O3", provider="PR2").contract(
            "K2", provider="PR1", offer="O3", target_effect_rate=0.2
        ),
        ("blocking", "contracts", 2, "offer_id", "O3", "unknown_offer"),
    ),
    "contract target 1.5": (
        lambda e: e.contract("K2", target_effect_rate=1.5),
        ("blocking", "contracts", 2, "target_effect_rate", "1.5", "target_rate_range"),
    ),
    "negative price ceiling": (
        lambda e: e.contract("K2", max_effect_price=-1),
        ("blocking", "contracts", 2, "max_effect_price", "-1", "negative_max_price"),
    ),
    "contract minimum 0": (
        lambda e: e.contract("K2", target_effect_rate=0.2, min_participants=0),
        ("blocking", "contracts", 2, "min_participants", "0", "min_participants_range"),
    ),
    "contract ends before it starts": (
        lambda e: e.contract(
            "K2", target_effect_rate=0.2, valid_from="2026-01-01", valid_to="2025-01-01"
        ),
        ("blocking", "contracts", 2, "valid_to", "2025-01-01", "valid_to_before_valid_from"),
    ),
    "contract with no target": (
        lambda e: e.contract("K2"),
        ("warning", "contracts", 2, "target_effect_rate", "", "no_target"),
    ),
    "satisfaction score 6": (
        lambda e: e.satisfaction("P2", "2026-05-01", 6),
        ("blocking", "satisfaction", 2, "score", "6", "score_range"),
    ),
    "answer of an unknown participation": (
        lambda e: e.satisfaction("P9", "2026-05-01", 3),
        ("warning", "satisfaction", 2, "participation_id", "P9", "unknown_participation"),
    ),
    "progression score 11": (
        lambda e: e.assessment("C2", "2026-05-01", 11),
        ("blocking", "progression", 2, "score", "11", "score_range"),
    ),
    "duplicate exit code": (
        lambda e: e.add("exit_codes", exit_code=JOB, category="job").add(
            "exit_codes", exit_code=JOB, category="other"
        ),
        ("blocking", "exit_codes", 2, "exit_code", JOB, "duplicate_id"),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_rule_reports_the_violating_row(tmp_path, case):
    break_extract, expected = CASES[case]
    extract = clean()
    break_extract(extract)
    found = findings(extract, tmp_path)
    assert expected in found, found


def test_dates_after_the_as_of_date_are_warnings(tmp_path):
    found = findings(clean(), tmp_path, as_of="2026-03-31")
    assert (
        "warning",
        "participations",
        1,
        "start_date",
        "2026-04-01",
        "start_after_as_of",
    ) in found
    assert ("warning", "participations", 1, "end_date", "2026-04-30", "end_after_as_of") in found
    assert ("warning", "exits", 1, "exit_date", "2026-05-01", "exit_after_as_of") in found
    assert all(severity == "warning" for severity, *_ in found)


def test_every_rule_file_loads_and_every_rule_has_a_case():
    rules = {(rule.table, rule.rule) for table in TABLES for rule in load_rules(table)}
    covered = {(expected[1], expected[5]) for _, expected in CASES.values()}
    covered |= {
        ("participations", "start_after_as_of"),
        ("participations", "end_after_as_of"),
        ("exits", "exit_after_as_of"),
    }
    assert rules == covered


def test_gx_version_is_the_one_the_checks_were_written_for():
    """GX changes its result format between releases; this pins the one verified here."""
    import great_expectations as gx

    assert gx.__version__.startswith("1.24."), (
        "re-verify evaluator/checks.py and evaluator/gx_kwargs.py before upgrading GX"
    )


def readme_rules_by_table(readme: str) -> set[tuple[str, str]]:
    """(table, rule) for each rule named in a row of the README's table of typed-table rules,
    whose first cell is the table and whose second names one or more rules in backticks."""
    tables = {table.name for table in TABLES}
    described = set()
    for line in readme.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] in tables:
            described |= {(cells[0], rule) for rule in re.findall(r"`(\w+)`", cells[1])}
    return described


def test_every_rule_is_described_in_the_checks_readme():
    """Each rule in the row of its own table (duplicate_id is a rule of three tables), and no
    row for a rule that is not in the rule files."""
    readme = (RULES_DIR / "README.md").read_text(encoding="utf-8")
    rules = {(table.name, rule.rule) for table in TABLES for rule in load_rules(table)}
    assert readme_rules_by_table(readme) == rules


def edited(extract: ExtractBuilder, tmp_path, table: str, old: str, new: str):
    """Write the extract, then replace text in one of its files (a header, say)."""
    folder = extract.write(tmp_path / "extract")
    path = folder / f"{table}.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return findings_in(folder)


def without_offers_file(tmp_path):
    folder = clean().write(tmp_path / "extract")
    (folder / "offers.csv").unlink()
    return findings_in(folder)


# The reading rules of checks/reading.toml: (applies_to, how to break the clean extract, finding)
READING_CASES = {
    "required_tables": (
        without_offers_file,
        ("blocking", "offers", 0, "", "", "missing_table"),
    ),
    "required_columns": (
        lambda tmp: edited(clean(), tmp, "offers", "unit_price", "pris"),
        ("blocking", "offers", 0, "unit_price", "", "missing_column"),
    ),
    "required_values": (
        lambda tmp: edited(clean(), tmp, "participations", "P2,C2,", "P2,,"),
        ("blocking", "participations", 2, "citizen_id", "", "not_empty"),
    ),
    "date_values": (
        lambda tmp: edited(clean(), tmp, "exits", "2026-05-01", "31-02-2026"),
        ("blocking", "exits", 1, "exit_date", "31-02-2026", "type_date"),
    ),
    "integer_values": (
        lambda tmp: findings(clean().participation("P3", citizen="C3", age="tredive"), tmp),
        ("blocking", "participations", 3, "age", "tredive", "type_integer"),
    ),
    "decimal_values": (
        lambda tmp: findings(clean().offer("O9", unit_price="12.500,50"), tmp),
        ("blocking", "offers", 3, "unit_price", "12.500,50", "type_decimal"),
    ),
    "code_values": (
        lambda tmp: findings(
            clean().participation("P3", citizen="C3", benefit_group="pension"), tmp
        ),
        ("blocking", "participations", 3, "benefit_group", "pension", "allowed_values"),
    ),
}


def test_every_reading_rule_has_a_case():
    assert set(load_reading_rules()) == set(READING_CASES)


@pytest.mark.parametrize("applies_to", sorted(READING_CASES))
def test_a_reading_rule_reports_the_violating_row(tmp_path, applies_to):
    break_extract, expected = READING_CASES[applies_to]
    assert expected in break_extract(tmp_path)


def test_reading_rules_come_from_the_rule_file(tmp_path, monkeypatch):
    """Great-expectations, not the reader, decides: a rule file that allows empty citizen ids
    (value_set [true, false]) lets the empty value through."""
    lenient = (
        (RULES_DIR / "reading.toml")
        .read_text(encoding="utf-8")
        .replace(
            'arguments = { column = "{column}__empty", value_set = [false] }',
            'arguments = { column = "{column}__empty", value_set = [true, false] }',
        )
    )
    (tmp_path / "reading.toml").write_text(lenient, encoding="utf-8")
    monkeypatch.setattr("evaluator.reading_checks.READING_RULES", tmp_path / "reading.toml")
    broken = edited(clean(), tmp_path, "participations", "P2,C2,", "P2,,")
    assert not any(rule == "not_empty" for *_, rule in broken)


def test_every_reading_rule_is_described_in_the_checks_readme():
    readme = (RULES_DIR / "README.md").read_text(encoding="utf-8")
    for rule in load_reading_rules().values():
        assert f"`{rule.rule}`" in readme


def test_numbers_reach_great_expectations_as_float64_and_the_row_key_stays_whole():
    # GX's range rule is vectorised for int64/float64 only; DuckDB hands over INTEGER as int32
    # and an integer column with nulls as pandas' nullable Int64.
    batch = duckdb.connect().sql(
        "select 7::bigint as _row, 70::integer as age, null::bigint as duration_days, "
        "1.5::decimal(38, 10) as unit_price, true as offer_is_known, "
        "null::boolean as has_price_row, date '2024-03-31' as valid_to"
    )
    frame = comparable_numbers(batch)
    assert {name: str(kind) for name, kind in frame.dtypes.items()} == {
        "_row": "int64",
        "age": "float64",
        "duration_days": "float64",
        "unit_price": "float64",
        "offer_is_known": "boolean",
        "has_price_row": "boolean",
        "valid_to": "datetime64[ms]",
    }
    assert frame.iloc[0]["age"] == 70.0
    assert frame.iloc[0]["has_price_row"] is pd.NA


def columns_tested(rule) -> set[str]:
    arguments = rule.arguments
    named = [arguments.get(key) for key in ("column", "column_A", "column_B")]
    return {name for name in named if name} | set(arguments.get("column_list", []))


def test_a_rule_on_a_derived_column_says_in_words_what_it_holds():
    # A reader of checks/ sees the rule itself, or its description: an input column's rule is
    # stated by its expectation; a flag or number of sql/checks/ needs words.
    for table in TABLES:
        inputs = {column.name for column in table.columns}
        for rule in load_rules(table):
            derived = columns_tested(rule) - inputs
            assert bool(rule.description) == bool(derived), (table.name, rule.rule)
            for column in derived:
                assert rule.description.startswith(f"{column}: "), (table.name, rule.rule)
    for rule in load_reading_rules().values():
        assert rule.description, rule.rule


def chunked_extract() -> ExtractBuilder:
    """The clean extract (P1, P2) with P3 aged 130 (row 3), P4 and P5 fine, P6 aged 14 (row 6),
    P7 in match group 4 (row 7) and P1 again (row 8, a duplicate of row 1)."""
    extract = clean()
    extract.participation("P3", citizen="C3", age=130)
    extract.participation("P4", citizen="C4").participation("P5", citizen="C5")
    extract.participation("P6", citizen="C6", age=14)
    extract.participation("P7", citizen="C7", match_group=4)
    return extract.participation("P1", citizen="C8")


def test_a_table_checked_in_chunks_gives_the_findings_of_the_whole_table(tmp_path, monkeypatch):
    """Participations in chunks of 3 rows (rows 1-3, 4-6, 7-8): the same findings in the same
    order as in one batch, the duplicate found across chunks (its count is the batch query's)."""
    folder = chunked_extract().write(tmp_path / "extract")
    whole = check_extract(folder)
    frames: list[int] = []
    chunks = checks.comparable_chunks

    def counted(batch, rows):
        for frame in chunks(batch, rows):
            if "age" in frame.columns:  # the participations batch
                frames.append(len(frame))
            yield frame

    monkeypatch.setattr(checks, "CHUNK_ROWS", 3)
    monkeypatch.setattr(checks, "comparable_chunks", counted)
    chunked = check_extract(folder)
    assert frames == [3, 3, 2]
    assert chunked == whole
    assert [(f.row, f.column, f.rule) for f in whole if f.table == "participations"] == [
        (1, "participation_id", "duplicate_id"),
        (8, "participation_id", "duplicate_id"),
        (7, "match_group", "match_group_range"),
        (3, "age", "age_range"),
        (6, "age", "age_range"),
    ]


def test_a_rule_failing_in_two_chunks_lists_its_first_rows_and_counts_them_all(
    tmp_path, monkeypatch
):
    """At most one row listed per rule: age_range fails on row 3 (first chunk) and row 6 (second
    chunk), so row 3 is listed and the rest is one finding that counts 2 rows in all."""
    folder = chunked_extract().write(tmp_path / "extract")
    monkeypatch.setattr(checks, "CHUNK_ROWS", 3)
    monkeypatch.setattr(checks, "MAX_ROWS_PER_RULE", 1)
    ages = [f for f in check_extract(folder) if f.rule == "age_range"]
    assert [(f.row, f.value) for f in ages] == [(3, "130"), (0, "")]
    assert ages[1].message == "age must be between 15 and 70: 2 rows in all, the first 1 listed"


def test_the_data_docs_show_a_chunked_table_once_per_chunk(tmp_path, monkeypatch):
    """With the Data Docs, each chunk of participations (rows 1-3, 4-6, 7-8) is a validation
    result of its own, and the findings are those of the run without docs."""
    folder = chunked_extract().write(tmp_path / "extract")
    monkeypatch.setattr(checks, "CHUNK_ROWS", 3)
    run = run_check(folder, data_docs=True)
    pages = (Path(run.data_docs.name) / "validations" / "participations_rules").rglob("*.html")
    assert len(list(pages)) == 3
    assert run.findings == check_extract(folder)
