"""Time the scorecard workbook for many providers (issue: 1,000 provider sheets in well under a
minute on a 2-core machine). Prints the wall time of writing the workbook alone.

    python -m benchmarks.scorecards --providers 1000 --participations 400000

The extract comes from `evaluator synth` with that many providers (four offers each), evaluated
for 2020Q2; the time of reading and modelling it is printed apart.
"""

import argparse
import tempfile
import time
from pathlib import Path

from openpyxl import load_workbook

from evaluator.export.scorecards import write_scorecards
from evaluator.pipeline import evaluate
from evaluator.quarter import Quarter
from evaluator.settings import Settings
from evaluator.synthetic import SynthSize, write_synthetic_extract


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--providers", type=int, default=1000)
    parser.add_argument("--participations", type=int, default=400_000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        size = SynthSize(arguments.participations, providers=arguments.providers)
        write_synthetic_extract(folder / "extract", size)
        started = time.perf_counter()
        evaluation = evaluate(
            folder / "extract", Quarter.parse("2020Q2"), Settings(), data_docs=False
        )
        evaluated = time.perf_counter()
        workbook_path = folder / "scorecards.xlsx"
        write_scorecards(evaluation, workbook_path)
        written = time.perf_counter()
        sheets = len(load_workbook(workbook_path, read_only=True).sheetnames)
        print(f"providers in the quarter: {len(evaluation.con.table('provider_metrics'))}")
        print(f"sheets in the workbook:   {sheets}")
        print(f"workbook size:            {workbook_path.stat().st_size / 1e6:.1f} MB")
        print(f"evaluate (read + models): {evaluated - started:.1f} s")
        print(f"write scorecards.xlsx:    {written - evaluated:.1f} s")


if __name__ == "__main__":
    main()
