"""Where the demo extract lives: `fixtures/demo`, built by `fixtures/build_demo.py`, with the
weekly targets of its Monday numbers beside it."""

from pathlib import Path

DEMO_DATA_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "demo"
DEMO_TARGETS = DEMO_DATA_DIR / "mandagstal_targets.csv"
