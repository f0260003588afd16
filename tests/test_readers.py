"""Readers (SPEC §1.1): every dialect reads to the same typed values; what does not parse is
reported with its file, row and column."""

import datetime as dt
import decimal
from pathlib import Path

import duckdb
import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from evaluator.io.files import FileLayout
from evaluator.io.mapping import ExtractMapping, TableMapping
from evaluator.io.schema import TABLES
from evaluator.models import load_macros
from evaluator.pipeline import read_extract
from fixtures.builders import EDUCATION, JOB, ExtractBuilder
from fixtures.dialects import danish_number, rewrite_danish_csv, rewrite_parquet, rewrite_xlsx

HEADER = "participation_id,citizen_id,jobcenter,department,benefit_group,match_group,age,"
HEADER += "benefit_weeks_before,offer_id,start_date,end_date,completion"
GOOD_ROW = "P1,C1,J,D,dagpenge,1,30,0,O1,2026-04-01,,"
OFFERS_HEADER = "offer_id;offer_name;offer_type;provider_id;provider_name;price_model;"
OFFERS_HEADER += "unit_price;valid_from;valid_to"


def small_extract() -> ExtractBuilder:
    """Every table, price changes, Danish letters, empty values and amounts with decimals."""
    extract = ExtractBuilder()
    extract.offer("O1", provider_name="Åbyhøj Jobværksted", unit_price=12500.5)
    extract.offer("O2", price_model="per_week", unit_price=1250, valid_to="2026-03-31")
    extract.offer("O2", price_model="per_week", unit_price=1375.25, valid_from="2026-04-01")
    extract.participation("P1", citizen="C1", offer="O1", department="Unge", age=23)
    extract.participation("P2", citizen="C2", offer="O2", end=None, completion=None)
    extract.participation("P3", citizen="C1", offer="O2", match_group=3, start="2026-04-10")
    extract.exit("C1", "2026-05-01", JOB).exit("C2", "2026-06-01", EDUCATION)
    extract.contract("K1", offer="O1", target_effect_rate=0.35, min_participants=1000)
    extract.contract("K2", max_effect_price=45000.75)
    extract.satisfaction("P1", "2026-05-02", 4).assessment("C1", "2026-04-01", 3)
    extract.add("exit_codes", exit_code=JOB, category="job", label="Job på ordinære vilkår")
    extract.add("exit_codes", exit_code=EDUCATION, category="education", label="Uddannelse")
    return extract


def typed_tables(folder: Path) -> dict[str, list[tuple]]:
    con, extract = read_extract(folder)
    assert extract.findings == []
    return {table.name: sorted(con.table(f"src_{table.name}").fetchall()) for table in TABLES}


@pytest.fixture
def utf8_folder(tmp_path) -> Path:
    return small_extract().write(tmp_path / "utf8")


@pytest.mark.parametrize("rewrite", [rewrite_danish_csv, rewrite_parquet, rewrite_xlsx])
def test_every_dialect_reads_to_the_same_values(utf8_folder, tmp_path, rewrite):
    rewrite(utf8_folder, tmp_path / "other")
    assert typed_tables(tmp_path / "other") == typed_tables(utf8_folder)


TYPED_ALREADY_ROWS = [  # the CSV text of each row; the Parquet file holds the same values typed
    "P1,C1,J,D,dagpenge,1,30,0,O1,2026-04-01,2026-05-01,",
    "P2,C2,J,D,dagpenge,2,45,12,O1,0999-12-31,,",
    "P3,C3,J,D,dagpenge,3,50,3,O1,10000-01-01,,",
    "P4,C4,J,D,dagpenge,1,,18446744073709551615,O1,2026-04-02,2026-05-02,",
]


def typed_participations_parquet(path: Path) -> None:
    """TYPED_ALREADY_ROWS in Parquet types: the integers as INT8, INT64 (match_group, a code)
    and UINT64 (too large for a BIGINT, so read as text), the start dates as DATE, and the end
    dates as timestamps with a time of day."""
    texts = list(zip(*(row.split(",") for row in TYPED_ALREADY_ROWS), strict=True))
    columns = {name: list(values) for name, values in zip(HEADER.split(","), texts, strict=True)}
    columns["completion"] = [None] * len(TYPED_ALREADY_ROWS)
    columns["match_group"] = pa.array([int(value) for value in texts[5]], pa.int64())
    columns["age"] = pa.array([int(value) if value else None for value in texts[6]], pa.int8())
    columns["benefit_weeks_before"] = pa.array([int(value) for value in texts[7]], pa.uint64())
    starts = [dt.date(2026, 4, 1), dt.date(999, 12, 31), dt.date(9999, 12, 31), dt.date(2026, 4, 2)]
    days = [(start - dt.date(1970, 1, 1)).days for start in starts]
    days[2] += 1  # 10000-01-01, which a Python date cannot hold
    columns["start_date"] = pa.array(days, pa.date32())
    ends = [dt.datetime(2026, 5, 1, 10, 30), None, None, dt.datetime(2026, 5, 2, 23, 59)]
    columns["end_date"] = pa.array(ends, pa.timestamp("s"))
    pq.write_table(pa.table(columns), path)


def test_parquet_typed_already_reads_as_its_text_would(tmp_path):
    """Integer and date columns of Parquet are taken as they are, without their text; they must
    give the values and findings that the same values written as CSV text give: a date of year
    999, a year 10000 (no four-digit year: a finding), a timestamp's date, an integer in a code
    column, an empty integer and one too large for a BIGINT."""
    csv_folder = minimal_extract(tmp_path / "csv", HEADER + "\n" + "\n".join(TYPED_ALREADY_ROWS))
    parquet_folder = minimal_extract(tmp_path / "parquet", HEADER + "\n")
    (parquet_folder / "participations.csv").unlink()
    typed_participations_parquet(parquet_folder / "participations.parquet")
    [as_text, as_parquet] = [read_extract(folder) for folder in (csv_folder, parquet_folder)]
    rows = [
        con.table("src_participations").order("_row").fetchall() for con, _ in (as_text, as_parquet)
    ]
    assert rows[1] == rows[0]
    assert [row[10] for row in rows[1]] == [
        dt.date(2026, 4, 1),
        dt.date(999, 12, 31),
        None,
        dt.date(2026, 4, 2),
    ]
    assert [row[11] for row in rows[1]] == [dt.date(2026, 5, 1), None, None, dt.date(2026, 5, 2)]
    found = [
        [(f.row, f.column, f.value, f.rule) for f in extract.findings]
        for _, extract in (as_text, as_parquet)
    ]
    assert found[1] == found[0]
    assert sorted(found[1]) == [
        (3, "start_date", "10000-01-01", "type_date"),
        (4, "age", "", "not_empty"),
        (4, "benefit_weeks_before", "18446744073709551615", "type_integer"),
    ]


def test_values_are_typed(utf8_folder):
    tables = typed_tables(utf8_folder)
    offers = {(row[1], row[8]): row for row in tables["offers"]}
    assert offers[("O2", dt.date(2026, 4, 1))][7] == decimal.Decimal("1375.25")
    assert offers[("O1", dt.date(2020, 1, 1))][5] == "Åbyhøj Jobværksted"
    participation = next(row for row in tables["participations"] if row[1] == "P2")
    assert participation[11] is None  # end_date empty = ongoing
    contract = next(row for row in tables["contracts"] if row[1] == "K1")
    assert contract[6] == decimal.Decimal("0.35")


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(text.encode(encoding))
    return folder


def minimal_extract(folder: Path, participations: str, encoding: str = "utf-8") -> Path:
    """A valid extract whose participations file is `participations` (header included)."""
    extract = ExtractBuilder().offer("O1")
    extract.participation("X", citizen="C9").exit("C9", "2026-05-01")
    extract.write(folder)
    return write(folder, "participations.csv", participations, encoding)


@pytest.mark.parametrize(
    "date_text", ["2026-04-01", "01-04-2026", "01.04.2026", "01/04/2026", "1-4-2026"]
)
def test_the_four_date_notations_read_day_first(tmp_path, date_text):
    row = f"P1,C1,J,D,dagpenge,1,30,0,O1,{date_text},,\n"
    con, extract = read_extract(minimal_extract(tmp_path, HEADER + "\n" + row))
    assert extract.findings == []
    assert con.table("src_participations").fetchall()[0][10] == dt.date(2026, 4, 1)


def test_danish_numbers_in_a_semicolon_file(tmp_path):
    header = HEADER.replace(",", ";")
    row = "P1;C1;J;D;dagpenge;1;30;1.040;O1;01-04-2026;;"
    con, extract = read_extract(minimal_extract(tmp_path, f"{header}\n{row}\n"))
    assert extract.findings == []
    assert con.table("src_participations").fetchall()[0][8] == 1040


def test_danish_notation_helper():
    assert danish_number("12500.50") == "12.500,50"
    assert danish_number("1040") == "1.040"
    assert danish_number("0.35") == "0,35"


def test_windows_1252_is_detected_from_a_byte_on_the_last_line(tmp_path):
    rows = "".join(f"P{n},C{n},J,D,dagpenge,1,30,0,O1,2026-04-01,,\n" for n in range(2000))
    rows += "P9999,C9999,J,Sønderå,dagpenge,1,30,0,O1,2026-04-01,,\n"
    con, extract = read_extract(minimal_extract(tmp_path, HEADER + "\n" + rows, "cp1252"))
    assert extract.findings == []
    departments = {
        row[0] for row in con.table("src_participations").select("department").fetchall()
    }
    assert departments == {"D", "Sønderå"}


def test_utf8_with_byte_order_mark_and_headers_in_any_case(tmp_path):
    header = "\ufeff" + HEADER.upper() + ",Ekstra"
    row = "P1,C1,J,D,DAGPENGE,1,30,0,O1,2026-04-01,,Completed,ignored\n"
    con, extract = read_extract(minimal_extract(tmp_path, header + "\n" + row))
    assert extract.findings == []
    first = con.table("src_participations").fetchall()[0]
    assert (first[1], first[5], first[12]) == ("P1", "dagpenge", "completed")


def findings_of(folder: Path) -> list[tuple]:
    _, extract = read_extract(folder)
    return [(f.file, f.row, f.column, f.value, f.rule) for f in extract.findings]


@pytest.mark.parametrize(
    ("column_values", "column", "value", "rule"),
    [
        ({"end_date": "31-02-2026"}, "end_date", "31-02-2026", "type_date"),
        ({"start_date": "26-04-01"}, "start_date", "26-04-01", "type_date"),
        ({"start_date": ""}, "start_date", "", "not_empty"),
        ({"age": "3.5"}, "age", "3.5", "type_integer"),
        ({"age": "tredive"}, "age", "tredive", "type_integer"),
        ({"benefit_group": "pension"}, "benefit_group", "pension", "allowed_values"),
        ({"completion": "maybe"}, "completion", "maybe", "allowed_values"),
    ],
)
def test_a_value_that_does_not_parse_names_its_row_and_column(
    tmp_path, column_values, column, value, rule
):
    good = dict(zip(HEADER.split(","), GOOD_ROW.split(","), strict=True))
    bad = good | {"participation_id": "P2"} | column_values
    lines = [HEADER, ",".join(good.values()), ",".join(good.values()), ",".join(bad.values())]
    folder = minimal_extract(tmp_path, "\n".join(lines) + "\n")
    assert findings_of(folder) == [("participations.csv", 3, column, value, rule)]


@pytest.mark.parametrize(
    ("notation", "text", "value"),
    [
        ("plain", " 007 ", 7),
        ("plain", "-12", -12),
        ("plain", "30.0", 30),
        ("plain", "123456789012345678", 123456789012345678),  # 18 digits: cast at once
        ("plain", "1234567890123456789", 1234567890123456789),  # 19: through a decimal
        ("plain", "9223372036854775808", None),  # one past the largest BIGINT
        ("plain", "3.5", None),
        ("plain", "1.040", None),
        ("danish", "1.040", 1040),
        ("danish", "-1.040,00", -1040),
        ("danish", "1040", 1040),
        ("danish", "3,5", None),
    ],
)
def test_integers_parse_in_either_notation(notation, text, value):
    """SPEC §1.1: a whole number, with Danish thousands in a `;` file; `parse_integer` casts
    plain digits directly and anything else through a decimal, to the same numbers."""
    con = duckdb.connect()
    load_macros(con)
    parsed = con.execute(
        "select parse_integer($text, $notation)", {"text": text, "notation": notation}
    )
    assert parsed.fetchall() == [(value,)]


def test_a_citizen_id_never_appears_in_a_finding(tmp_path):
    folder = minimal_extract(tmp_path, HEADER + "\nP1,,J,D,dagpenge,1,30,0,O1,2026-04-01,,\n")
    write(folder, "progression.csv", "citizen_id,assessment_date,score\n0101901234,2026-13-01,5\n")
    _, extract = read_extract(folder)
    assert {(f.table, f.rule) for f in extract.findings} == {
        ("participations", "not_empty"),
        ("progression", "type_date"),
    }
    assert all("0101901234" not in f.value + f.message for f in extract.findings)


def test_a_plain_decimal_in_a_semicolon_file_is_refused_not_misread(tmp_path):
    extract = ExtractBuilder().offer("O1")
    extract.participation("X").exit("C1", "2026-05-01")
    folder = extract.write(tmp_path)
    write(folder, "offers.csv", f"{OFFERS_HEADER}\nO1;N;t;PR;Navn;per_day;12500.50;01-01-2020;\n")
    assert findings_of(folder) == [("offers.csv", 1, "unit_price", "12500.50", "type_decimal")]


def test_a_row_with_too_many_fields_is_reported_with_its_row(tmp_path):
    rows = (
        "P1,C1,J,D,dagpenge,1,30,0,O1,2026-04-01,,\nP2,C2,J,D,dagpenge,1,30,0,O1,2026-04-01,,,x\n"
    )
    assert findings_of(minimal_extract(tmp_path, HEADER + "\n" + rows)) == [
        ("participations.csv", 2, "", "", "malformed_row")
    ]


@pytest.mark.parametrize(
    ("content", "message_part"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"\n\nx", "first line is empty"),
        (("\ufeff" + HEADER + "\r\n").encode("utf-16-le"), "UTF-16 text"),
        (("\ufeff" + HEADER + "\r\n").encode("utf-16-be"), "save it as UTF-8"),
    ],
)
def test_unreadable_csv_files(tmp_path, content, message_part):
    folder = minimal_extract(tmp_path, HEADER + "\n")
    (folder / "participations.csv").write_bytes(content)
    _, extract = read_extract(folder)
    assert [(f.file, f.rule) for f in extract.findings] == [
        ("participations.csv", "unreadable_file")
    ]
    assert message_part in extract.findings[0].message


def test_a_truncated_workbook_is_reported(tmp_path):
    folder = minimal_extract(tmp_path, HEADER + "\n")
    (folder / "participations.csv").unlink()
    workbook = openpyxl.Workbook()
    workbook.active.append(HEADER.split(","))
    workbook.save(folder / "participations.xlsx")
    data = (folder / "participations.xlsx").read_bytes()
    (folder / "participations.xlsx").write_bytes(data[: len(data) // 2])
    _, extract = read_extract(folder)
    assert [(f.file, f.rule) for f in extract.findings] == [
        ("participations.xlsx", "unreadable_file")
    ]


def test_workbook_rows_keep_their_sheet_numbers_across_blank_rows(tmp_path):
    folder = minimal_extract(tmp_path, HEADER + "\n")
    (folder / "participations.csv").unlink()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(","))
    sheet.append(["P1", "C1", "J", "D", "dagpenge", 1, 30, 0, "O1", dt.date(2026, 4, 1)])
    sheet.append([])
    sheet.append(["P3", "C3", "J", "D", "dagpenge", 1.0, 30, 0, "O1", "1.4.2026x"])
    workbook.save(folder / "participations.xlsx")
    assert findings_of(folder) == [
        ("participations.xlsx", 3, "start_date", "1.4.2026x", "type_date")
    ]


def test_missing_tables_and_columns(tmp_path):
    folder = ExtractBuilder().offer("O1").write(tmp_path)
    (folder / "exits.csv").unlink()
    write(folder, "participations.csv", "participation_id,citizen_id\nP1,C1\n")
    found = findings_of(folder)
    assert ("exits", 0, "", "", "missing_table") in found
    missing = {column for file, _, column, _, rule in found if rule == "missing_column"}
    assert missing == set(HEADER.split(",")) - {"participation_id", "citizen_id"}


def test_two_files_for_one_table_is_ambiguous(tmp_path):
    folder = minimal_extract(tmp_path, HEADER + "\n")
    rewrite_parquet(folder, tmp_path / "pq")
    (tmp_path / "pq" / "participations.parquet").rename(folder / "participations.parquet")
    assert [rule for *_, rule in findings_of(folder)] == ["ambiguous_file"]


def test_the_shipped_exit_codes_are_used_when_the_extract_has_none(tmp_path):
    con, extract = read_extract(minimal_extract(tmp_path, HEADER + "\n"))
    defaults = [file for file in extract.files if file.table == "exit_codes"]
    assert [file.is_default for file in defaults] == [True]
    categories = dict(con.table("src_exit_codes").select("exit_code", "category").fetchall())
    assert (categories[JOB], categories[EDUCATION]) == ("job", "education")


EXITS_LINES = ["citizen_id,exit_date,exit_code", f"C1,2026-05-01,{JOB}", f"C2,2026-06-01,{JOB}"]


@pytest.mark.parametrize(
    ("title", "newlines", "header_row"),
    [
        ("Afgange fra ydelse\n", ["\r\n", "\r\n", "\r\n"], 2),  # a title in LF over CRLF rows
        ("Afgange\r\n\n", ["\r\n", "\r\n", "\r\n"], 3),  # CRLF title, LF blank line, CRLF rows
        ("", ["\n", "\r\n", "\r\n"], 1),  # a header in LF over CRLF rows
        ("", ["\r\n", "\n", "\r\n"], 1),  # one LF line among CRLF rows
        ("Afgange\r\n", ["\n", "\n", "\n"], 2),  # CRLF title over LF rows
    ],
)
def test_lines_that_end_in_two_ways_are_all_read(tmp_path, title, newlines, header_row):
    """DuckDB read such files as no rows (a run exited 0 with no effects) or stopped in its
    parser; every row must be read, whatever mix of CRLF and LF a file was saved with."""
    folder = minimal_extract(tmp_path, HEADER + "\n" + GOOD_ROW + "\n")
    body = "".join(line + end for line, end in zip(EXITS_LINES, newlines, strict=True))
    write(folder, "exits.csv", title + body)
    layout = TableMapping(layout=FileLayout(header_row=header_row))
    con, extract = read_extract(folder, mapping=ExtractMapping({"exits": layout}))
    assert extract.findings == []
    assert con.table("src_exits").select("citizen_id").fetchall() == [("C1",), ("C2",)]
    assert [file.rows for file in extract.files if file.table == "exits"] == [2]


def test_a_malformed_row_under_title_lines_keeps_its_row_and_line(tmp_path):
    folder = minimal_extract(tmp_path, HEADER + "\n" + GOOD_ROW + "\n")
    write(folder, "exits.csv", "Afgange\n" + "\r\n".join([*EXITS_LINES, "C3,2026-06-01"]) + "\r\n")
    layout = TableMapping(layout=FileLayout(header_row=2))
    _, extract = read_extract(folder, mapping=ExtractMapping({"exits": layout}))
    assert [(f.file, f.row, f.rule) for f in extract.findings] == [
        ("exits.csv", 3, "malformed_row")
    ]
    assert "line 5 " in extract.findings[0].message


def test_an_exits_file_without_rows_beside_participations_is_a_warning(tmp_path):
    folder = minimal_extract(tmp_path, HEADER + "\n" + GOOD_ROW + "\n")
    write(folder, "exits.csv", EXITS_LINES[0] + "\n")
    _, extract = read_extract(folder)
    assert [(f.severity, f.file, f.rule) for f in extract.findings] == [
        ("warning", "exits.csv", "empty_exits")
    ]
    assert "participations has 1" in extract.findings[0].message


@pytest.mark.parametrize(
    ("bad_row", "problem"),
    [
        (
            "P2,010190-1234,J,Jens Hansen,dagpenge",
            "line 3 of the file has 5 fields, the header has 12",
        ),
        (
            'P2,010190-1234,"J,Jens Hansen,dagpenge,1,30,0,O1,2026-04-01,,',
            "line 3 of the file opens a quote",
        ),
    ],
)
def test_a_malformed_line_is_described_without_its_text(tmp_path, bad_row, problem):
    """DuckDB's error quotes the line, CPR number and name included; the finding must not."""
    folder = minimal_extract(tmp_path, "\n".join([HEADER, GOOD_ROW, bad_row, GOOD_ROW]) + "\n")
    _, extract = read_extract(folder)
    assert [(f.row, f.rule, f.value) for f in extract.findings] == [(2, "malformed_row", "")]
    message = extract.findings[0].message
    assert message.startswith(problem)
    assert "010190" not in message
    assert "Hansen" not in message
