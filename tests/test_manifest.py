"""manifest.json (SPEC §4): version, settings, as-of date, and each input file with its row count
and SHA-256."""

import hashlib
import json

from evaluator import __version__
from evaluator.report_folder import write_report
from evaluator.settings import Settings
from tests.conftest import run_extract


def test_manifest_describes_the_run_and_its_inputs(extract, tmp_path):
    extract.participation("P1").participation("P2").exit("C1", "2026-05-01")
    evaluation = run_extract(
        extract, tmp_path / "data", as_of="2026-10-01", settings=Settings(window_days=60)
    )
    write_report(evaluation, tmp_path / "out")
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["version"] == __version__
    assert (manifest["quarter"], manifest["as_of_date"]) == ("2026Q2", "2026-10-01")
    business_case = manifest["settings"].pop("business_case")
    assert manifest["settings"] == {"window_days": 60, "suppress_below": 5, "min_participants": 10}
    assert business_case["weeks_saved"] == 26
    assert business_case["refusion_until_week"] == [4, 26, 52]
    assert business_case["refusion_rates"] == [0.8, 0.4, 0.3, 0.2]
    assert business_case["weekly_benefit_dkk"]["kontanthjaelp"] == 3000
    assert len(business_case["weekly_benefit_dkk"]) == 9
    inputs = {entry["table"]: entry for entry in manifest["inputs"]}
    assert set(inputs) == {"participations", "exits", "offers", "exit_codes"}
    assert (inputs["participations"]["file"], inputs["participations"]["rows"]) == (
        "participations.csv",
        2,
    )
    expected_hash = hashlib.sha256((tmp_path / "data" / "offers.csv").read_bytes()).hexdigest()
    assert inputs["offers"]["sha256"] == expected_hash
    assert inputs["exit_codes"]["file"] == "(shipped default)"


def test_as_of_defaults_to_the_latest_date_in_the_extract(extract, tmp_path):
    extract.participation("P1", start="2026-04-01", end="2026-05-31")
    extract.participation("P2", start="2026-08-03", end=None, completion=None)
    extract.exit("C1", "2026-07-15")
    evaluation = run_extract(extract, tmp_path, as_of=None)
    assert evaluation.as_of.isoformat() == "2026-08-03"
    assert evaluation.is_preliminary is True
