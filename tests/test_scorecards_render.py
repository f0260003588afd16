"""The workbook as a reader gets it: LibreOffice opens it and prints it to PDF, and each provider
scorecard is one page wide (its first page holds the leftmost block and the rightmost column).

Needs LibreOffice (`soffice`) and poppler's `pdftotext`, which pip cannot install. Without them
the test is skipped, unless EVALUATOR_REQUIRE_LIBREOFFICE=1 (as `.ci/run` sets after installing
them), where a missing program is a failure.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from evaluator.export.labels import SCORECARD_LABELS
from evaluator.pipeline import evaluate
from evaluator.quarter import Quarter
from evaluator.report_folder import write_report
from evaluator.resources import DEMO_DATA_DIR
from evaluator.settings import Settings

DA = SCORECARD_LABELS["da"]
PROGRAMS = ("soffice", "pdftotext")


def require_programs() -> None:
    missing = [program for program in PROGRAMS if shutil.which(program) is None]
    if not missing:
        return
    message = f"not installed: {', '.join(missing)} (Debian: libreoffice-calc, poppler-utils)"
    if os.environ.get("EVALUATOR_REQUIRE_LIBREOFFICE") == "1":
        pytest.fail(message)
    pytest.skip(message)


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page (pdftotext separates pages with a form feed)."""
    result = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout.split("\f")


@pytest.fixture(scope="module")
def printed_demo(tmp_path_factory) -> tuple[Path, list[str]]:
    require_programs()
    folder = tmp_path_factory.mktemp("render")
    evaluation = evaluate(DEMO_DATA_DIR, Quarter.parse("2026Q2"), Settings(), data_docs=False)
    write_report(evaluation, folder / "report")
    profile = (folder / "libreoffice-profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(folder / "report" / "scorecards.xlsx"),
        ],
        capture_output=True,
        check=True,
        timeout=300,
    )
    pdf = folder / "scorecards.pdf"
    assert pdf.exists(), "LibreOffice did not convert the workbook"
    return pdf, pdf_pages(pdf)


def test_libreoffice_prints_every_visible_sheet(printed_demo):
    _, pages = printed_demo
    text = "\n".join(pages)
    for title in ("title_overview", "title_tender", "title_contracts"):
        assert DA[title].format(quarter="2026Q2") in text
    assert DA["title_data_quality"] in text
    assert DA["title_method"] in text
    assert "Diagramdata" not in text


def test_each_provider_scorecard_is_one_page_wide(printed_demo):
    """A sheet wider than the page would print its right-hand columns on pages of their own;
    fitted to the width, the first page of each scorecard holds the pillars (column A) and the
    offers table's last column."""
    _, pages = printed_demo
    first_pages = {}
    for page in pages:
        for line in page.splitlines():
            if line.strip().startswith("Scorekort 2026Q2:"):
                first_pages.setdefault(line.strip(), page)
                break
    assert len(first_pages) == 12
    for title, page in first_pages.items():
        assert DA["pillars"] in page, title
        assert DA["pillar_experience"] in page, title
        assert DA["recommendation"] in page, title


def test_the_printed_workbook_shows_the_business_case(printed_demo):
    """SPEC §2.8 as the reader gets it on paper: the assumption above the tender tables, the
    three figures there and in each provider's economy pillar, and on Metode the staircase, the
    worked example and the quarter's totals with 13, 26 and 52 weeks saved."""
    _, pages = printed_demo
    tender = next(page for page in pages if DA["title_tender"].format(quarter="2026Q2") in page)
    assert "hver effekt antages at spare 26 ugers forsørgelse; refusion 80/40/30/20 %" in tender
    assert "Sparet" in tender and "Ud over" in tender
    provider_pages = [page for page in pages if "Scorekort 2026Q2:" in page]
    for label in ("avoided_benefit_cost", "extra_avoided_benefit_cost", "payback_ratio"):
        assert sum(DA[label] in page for page in provider_pages) >= 12, label
    method = "\n".join(
        page
        for page in pages
        if DA["business_case_section"] in page or (DA["staircase"] in page or "uger sparet" in page)
    )
    for line in (
        DA["staircase"],
        "uge 53 og frem",
        "20 uger × 3.000 kr. × 70 % = 42.000 kr.",
        "6 uger × 3.000 kr. × 80 % = 14.400 kr.",
        "13 uger sparet",
        "26 uger sparet (indstillingen)",
        "52 uger sparet",
    ):
        assert line in method, line
