"""Where the demo extract lives: `fixtures/demo`, built by `fixtures/build_demo.py`."""

from pathlib import Path

DEMO_DATA_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "demo"
