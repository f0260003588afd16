"""`evaluator synth`: a valid extract of the size asked for, the same for a seed, with the
features the demo extract has (repeat participations, price changes, contracts, non-participant
exits, surveys, assessments)."""

import duckdb
import pytest

from evaluator.pipeline import check_extract
from evaluator.synthetic import SynthSize, write_synthetic_extract


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synth") / "extract"
    write_synthetic_extract(folder, SynthSize(20_000, jobcenters=5), seed=3, file_format="csv")
    return folder


def scalar(query: str, folder, row: bool = False) -> object:
    """The first value of the query's first row, or with `row` the whole row."""
    con = duckdb.connect()
    con.execute(f"set file_search_path = '{folder}'").fetchall()
    first = con.execute(query).fetchall()[0]
    return first if row else first[0]


def test_a_synthetic_extract_passes_every_blocking_check(synthetic):
    assert [f for f in check_extract(synthetic) if f.is_blocking] == []


def test_it_has_the_size_asked_for_and_every_table(synthetic):
    assert sorted(path.name for path in synthetic.iterdir()) == [
        "contracts.csv", "exit_codes.csv", "exits.csv", "offers.csv", "participations.csv",
        "progression.csv", "satisfaction.csv"]  # fmt: skip
    assert scalar("select count(*) from 'participations.csv'", synthetic) == 20_000


def test_it_has_what_makes_the_demo_realistic(synthetic):
    repeat_citizens = scalar(
        "select count(*) from (select citizen_id from 'participations.csv' group by all "
        "having count(*) > 1)",
        synthetic,
    )
    price_changes = scalar(
        "select count(*) from (select offer_id from 'offers.csv' group by all having count(*) > 1)",
        synthetic,
    )
    outsiders = scalar(
        "select count(*) from 'exits.csv' where citizen_id not in "
        "(select citizen_id from 'participations.csv')",
        synthetic,
    )
    ongoing = scalar("select count(*) from 'participations.csv' where end_date is null", synthetic)
    offer_contracts = scalar(
        "select count(*) from 'contracts.csv' where offer_id is not null", synthetic
    )
    assert repeat_citizens > 1000
    assert price_changes > 5
    assert outsiders >= 20_000 * 3 // 10
    assert ongoing > 0
    longest_terms = scalar(
        "select max(valid_to - valid_from + 1) filter (where offer_id is null), "
        "max(valid_to - valid_from + 1) filter (where offer_id is not null), "
        "count(*) filter (where valid_to is null) from 'contracts.csv'",
        synthetic,
        row=True,
    )
    assert offer_contracts > 0
    assert longest_terms == (4 * 365 + 1, 2 * 365 + 1, 0)  # four and two years, none open-ended


def test_the_same_seed_gives_the_same_files_and_another_seed_others(synthetic, tmp_path):
    size = SynthSize(20_000, jobcenters=5)
    write_synthetic_extract(tmp_path / "again", size, seed=3, file_format="csv")
    write_synthetic_extract(tmp_path / "other", size, seed=4, file_format="csv")
    for path in synthetic.iterdir():
        assert (tmp_path / "again" / path.name).read_bytes() == path.read_bytes(), path.name
    other = (tmp_path / "other" / "participations.csv").read_bytes()
    assert other != (synthetic / "participations.csv").read_bytes()


def test_citizens_are_spread_over_jobcenters_of_different_sizes(synthetic):
    """Five jobcenters, the first the largest (the draw raised to 1.5 gives jobcenter 1 the
    share 0.2^(2/3) ≈ 34 % and jobcenter 5 1 − 0.8^(2/3) ≈ 14 %); a citizen stays in one."""
    sizes = dict(
        duckdb.sql(
            f"select jobcenter, count(*) from '{synthetic}/participations.csv' group by all"
        ).fetchall()
    )
    assert sorted(sizes) == [f"Jobcenter 0{n}" for n in range(1, 6)]
    assert sizes["Jobcenter 01"] / 20_000 == pytest.approx(0.342, abs=0.03)
    assert sizes["Jobcenter 05"] / 20_000 == pytest.approx(0.138, abs=0.03)
    moving = scalar(
        "select count(*) from (select citizen_id from 'participations.csv' group by all "
        "having count(distinct jobcenter) > 1)",
        synthetic,
    )
    assert moving == 0
