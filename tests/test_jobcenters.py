"""Jobcenters of a pooled extract (SPEC §2.7), worked by hand: the benchmark's metrics with
expected effects from the whole cohort's strata, its rank (ties, empty O/E, suppression), and
`--jobcenter`, which counts one jobcenter's participations against the whole cohort's strata.

Two strata recur: S1 = dagpenge, match group 1, age 35 (the builder's defaults) and
S2 = kontanthjaelp, match group 3, age 35. Every offer costs 1,000 kr. per participant.
"""

import errno
import json
import os

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

import evaluator.report_folder
from evaluator.cli import app
from evaluator.findings import UsageError
from evaluator.report_folder import jobcenter_folder_name
from fixtures.builders import JOB
from tests.conftest import by_key, rows, run_extract

S2 = {"benefit_group": "kontanthjaelp", "match_group": 3}


def add(extract, jobcenter, size, effects, offer="O1", **stratum):
    """`size` participations of `jobcenter` in `offer`, the first `effects` with a job exit."""
    for number in range(size):
        citizen = f"{jobcenter}-{offer}-{stratum.get('benefit_group', 's1')}-{number}"
        extract.participation(citizen, citizen=citizen, offer=offer, jobcenter=jobcenter, **stratum)
        if number < effects:
            extract.exit(citizen, "2026-05-15", JOB)


@pytest.fixture
def pooled(extract):
    """A: 6 in S1 with 3 effects. B: 4 in S1 with 1 effect, 6 in S2 with none. C: 2 in S2, both
    with an effect. Whole cohort: S1 rate 4/10 = 0.4, S2 rate 2/8 = 0.25, cohort rate 6/18."""
    add(extract, "B", 4, 1)
    add(extract, "B", 6, 0, **S2)
    add(extract, "A", 6, 3)
    add(extract, "C", 2, 2, **S2)
    return extract


def test_jobcenter_metrics_take_expected_effects_from_the_whole_cohort(pooled, tmp_path):
    """A: E = 6 × 0.4 = 2.4, O/E = 3 / 2.4 = 1.25, adjusted rate 1.25 × 6/18 = 0.41667,
    adjusted price 6,000 / (0.41667 × 6) = 2,400 kr. B: E = 4 × 0.4 + 6 × 0.25 = 3.1,
    O/E = 1 / 3.1. C: E = 2 × 0.25 = 0.5, O/E = 4, but 2 participants < 5: suppressed."""
    rows = by_key(run_extract(pooled, tmp_path), "jobcenter_metrics", "jobcenter")
    assert list(rows) == ["A", "B", "C"]
    a, b, c = rows["A"], rows["B"], rows["C"]
    assert (a["participants"], a["effects"], a["total_cost_dkk"]) == (6, 3, 6000.0)
    assert a["expected_effects"] == pytest.approx(2.4)
    assert a["oe_ratio"] == pytest.approx(1.25)
    assert a["adjusted_effect_rate"] == pytest.approx(1.25 / 3)
    assert a["adjusted_effect_price_dkk"] == pytest.approx(2400.0)
    assert b["expected_effects"] == pytest.approx(3.1)
    assert b["oe_ratio"] == pytest.approx(1 / 3.1)
    assert c["oe_ratio"] == pytest.approx(4.0) and c["is_suppressed"]
    assert (a["rank"], b["rank"], c["rank"]) == (1, 2, None)


def test_rank_ties_go_by_name_and_an_empty_oe_ranks_last(extract, tmp_path):
    """Beta and Alfa: 5 in S1 with 1 effect each, O/E = 1 / (5 × 0.2) = 1 for both, so the
    name decides: Alfa 1, Beta 2. Gamma: 5 in S2 with no effect, S2's rate is 0, so E = 0 and
    its O/E is empty: last, rank 3."""
    add(extract, "Beta", 5, 1)
    add(extract, "Gamma", 5, 0, **S2)
    add(extract, "Alfa", 5, 1)
    rows = by_key(run_extract(extract, tmp_path), "jobcenter_metrics", "jobcenter")
    assert rows["Alfa"]["oe_ratio"] == rows["Beta"]["oe_ratio"] == pytest.approx(1.0)
    assert rows["Gamma"]["oe_ratio"] is None
    assert [rows[name]["rank"] for name in ("Alfa", "Beta", "Gamma")] == [1, 2, 3]


@pytest.fixture
def two_jobcenters(extract):
    """O1 (provider PR1) is bought by A (6 in S1, 3 effects) and B (4 in S1, 1 effect); only B
    buys O2 (provider PR2: 6 in S2, none). Contract K1 on O1 with a target rate of 0.45."""
    extract.offer("O2", provider="PR2")
    extract.contract("K1", offer="O1", target_effect_rate=0.45, min_participants=1)
    add(extract, "A", 6, 3)
    add(extract, "B", 4, 1)
    add(extract, "B", 6, 0, offer="O2", **S2)
    return extract


def test_one_jobcenter_counts_its_own_participations_against_the_whole_strata(
    two_jobcenters, tmp_path
):
    """--jobcenter A: O1 has A's 6 participants only, E = 6 × 0.4 (S1's rate over A and B),
    O/E 1.25, adjusted rate 1.25 × 4/16 (the whole cohort's rate); O2 and PR2 do not appear.
    K1: A's rate 3/6 = 0.5 meets 0.45, where the pooled 4/10 = 0.4 misses it."""
    evaluation = run_extract(two_jobcenters, tmp_path, jobcenter="A")
    offers = by_key(evaluation, "provider_offer_metrics", "offer_id")
    assert list(offers) == ["O1"]
    assert offers["O1"]["participants"] == 6
    assert offers["O1"]["expected_effects"] == pytest.approx(2.4)
    assert offers["O1"]["adjusted_effect_rate"] == pytest.approx(1.25 * 4 / 16)
    assert list(by_key(evaluation, "provider_metrics", "provider_id")) == ["PR1"]
    assert by_key(evaluation, "contract_flags", "contract_id")["K1"]["status"] == "met"
    overview = by_key(evaluation, "quarter_overview", "quarter")["2026Q2"]
    assert (overview["participants"], overview["effects"]) == (6, 3)
    assert list(by_key(evaluation, "jobcenter_metrics", "jobcenter")) == ["A", "B"]


def test_the_pooled_run_counts_every_jobcenter(two_jobcenters, tmp_path):
    evaluation = run_extract(two_jobcenters, tmp_path)
    assert by_key(evaluation, "provider_offer_metrics", "offer_id")["O1"]["participants"] == 10
    assert by_key(evaluation, "contract_flags", "contract_id")["K1"]["status"] == "missed"


def test_an_unknown_jobcenter_is_a_usage_error_that_lists_the_names(two_jobcenters, tmp_path):
    with pytest.raises(UsageError, match="no such jobcenter; its jobcenters are 'A', 'B'"):
        run_extract(two_jobcenters, tmp_path, jobcenter="Z")


def invoke(*args):
    return CliRunner().invoke(app, [str(arg) for arg in args])


def csv_files(folder):
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.csv"))}


def test_each_jobcenter_writes_the_pooled_report_and_one_per_jobcenter(two_jobcenters, tmp_path):
    """Each jobcenter's folder holds byte for byte the CSVs its own --jobcenter run writes."""
    data = two_jobcenters.write(tmp_path / "extract")
    common = ["run", "--data", data, "--quarter", "2026Q2", "--as-of", "2026-12-31"]
    each = invoke(*common, "--each-jobcenter", "--out", tmp_path / "each")
    assert each.exit_code == 0, each.output
    assert "and 2 jobcenter reports, each in a folder of its own" in " ".join(each.output.split())
    one = invoke(*common, "--jobcenter", "A", "--out", tmp_path / "A")
    assert one.exit_code == 0, one.output
    assert sorted(p.name for p in (tmp_path / "each").iterdir() if p.is_dir()) == [
        "A",
        "B",
        "data_docs",
    ]
    assert csv_files(tmp_path / "each" / "A") == csv_files(tmp_path / "A")
    pooled = invoke(*common, "--out", tmp_path / "pooled")
    assert pooled.exit_code == 0
    assert csv_files(tmp_path / "each") == csv_files(tmp_path / "pooled")
    manifest = json.loads((tmp_path / "each" / "B" / "manifest.json").read_text("utf-8"))
    assert manifest["jobcenter"] == "B"


def test_each_jobcenter_writes_nothing_when_one_report_fails(two_jobcenters, tmp_path, monkeypatch):
    """The second jobcenter's workbook fails: no folder at all appears, not even the pooled."""
    data = two_jobcenters.write(tmp_path / "extract")
    written = []

    def fail_on_the_third(evaluation, path, lang):
        written.append(path)
        if len(written) == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(evaluator.report_folder, "write_scorecards", fail_on_the_third)
    result = invoke(
        "run", "--data", data, "--quarter", "2026Q2", "--each-jobcenter", "--out", tmp_path / "each"
    )
    assert result.exit_code == 2
    assert "No space left on device" in result.output
    assert not (tmp_path / "each").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["extract"]


def test_an_unknown_jobcenter_on_the_command_line_exits_2(two_jobcenters, tmp_path):
    data = two_jobcenters.write(tmp_path / "extract")
    result = invoke("run", "--data", data, "--quarter", "2026Q2", "--jobcenter", "Z")
    assert result.exit_code == 2
    assert "its jobcenters are 'A', 'B'" in " ".join(result.output.split())


def test_jobcenter_folder_names_are_safe_on_windows():
    taken: set[str] = set()
    names = ["Jobcenter Århus", "Syd/Nord: 2", "CON", "con", "Nul.txt", "Vest. ", "A", "a"]
    assert [jobcenter_folder_name(name, taken) for name in names] == [
        "Jobcenter Århus",
        "Syd_Nord_ 2",
        "CON_",
        "con_ (2)",
        "Nul_.txt",
        "Vest",
        "A",
        "a (2)",
    ]


def test_the_workbook_of_a_pooled_extract_has_the_jobcenter_benchmark(pooled, tmp_path):
    """A pooled extract: a Jobcentre sheet with A (rank 1, O/E 1.25) above B (rank 2) and the
    suppressed C showing "<5", and a funnel plot. --jobcenter A: the overview says where A
    stands, nr. 1 af 2 (C is not ranked)."""
    data = pooled.write(tmp_path / "extract")
    common = ["run", "--data", data, "--quarter", "2026Q2", "--as-of", "2026-12-31"]
    assert invoke(*common, "--out", tmp_path / "pooled").exit_code == 0
    book = load_workbook(tmp_path / "pooled" / "scorecards.xlsx")
    sheet = book["Jobcentre"]
    header_row = next(row for row in range(1, 20) if sheet.cell(row, 2).value == "Jobcenter")
    shown = [
        [sheet.cell(row, column).value for column in (1, 2, 3, 9)]
        for row in range(header_row + 1, header_row + 4)
    ]
    assert shown[0] == [1, "A", 6, pytest.approx(1.25)]
    assert shown[1] == [2, "B", 10, pytest.approx(1 / 3.1)]
    assert shown[2][:3] == [None, "C", "<5"]
    assert len(sheet._charts) == 1
    assert invoke(*common, "--jobcenter", "A", "--out", tmp_path / "A").exit_code == 0
    overview = load_workbook(tmp_path / "A" / "scorecards.xlsx")["Oversigt"]
    assert overview["A4"].value.startswith("A er nr. 1 af 2 jobcentre i udtrækket")
    assert overview["A5"].value == "Kvartalet i tal (A, alle leverandører)"


def test_a_single_jobcenter_extract_has_no_jobcenter_sheet(extract, tmp_path):
    add(extract, "A", 6, 3)
    data = extract.write(tmp_path / "extract")
    assert (
        invoke("run", "--data", data, "--quarter", "2026Q2", "--out", tmp_path / "r").exit_code == 0
    )
    assert "Jobcentre" not in load_workbook(tmp_path / "r" / "scorecards.xlsx").sheetnames


def test_the_funnel_limits_of_o_over_e_run_from_the_smallest_to_the_largest_expected(
    pooled, tmp_path
):
    """Non-suppressed jobcenters A (E = 2.4) and B (E = 3.1): the first point is E = 2.4 with the
    95 % limits 1 ± 1.96 · √(1/2.4) = 1 ± 1.2651, the lower one below 0 and so clipped to 0,
    as is the 99.8 % lower limit; the last point is E = 3.1 (C, suppressed, is not used), with
    the 99.8 % upper limit 1 + 3.09 · √(1/3.1) = 2.7551."""
    points = rows(run_extract(pooled, tmp_path), "jobcenter_funnel")
    first, last = points[0], points[-1]
    assert first["expected_effects"] == pytest.approx(2.4)
    assert last["expected_effects"] == pytest.approx(3.1)
    assert len(points) == 40
    assert first["upper_95_oe_ratio"] == pytest.approx(1 + 1.959963984540054 / 2.4**0.5)
    assert first["lower_95_oe_ratio"] == first["lower_998_oe_ratio"] == 0
    assert last["upper_998_oe_ratio"] == pytest.approx(1 + 3.090232306167813 / 3.1**0.5)
    assert last["upper_998_oe_ratio"] == pytest.approx(2.7551, abs=1e-4)
    assert first["centre_oe_ratio"] == 1.0
