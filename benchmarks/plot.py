"""Draw the benchmark's figures (the --json file of benchmarks/national.py): seconds against
participations for each part, one panel per file format, both axes logarithmic.

    pip install -e '.[bench]'
    python -m benchmarks.plot bench.json docs/images/benchmark.png
"""

import argparse
import json
from pathlib import Path

import matplotlib.pyplot as plt

from benchmarks.national import PARTS


def plot(rows: list[dict], out: Path) -> None:
    formats = sorted({row["format"] for row in rows}, reverse=True)
    figure, axes = plt.subplots(1, len(formats), figsize=(6 * len(formats), 4.5), squeeze=False)
    for axis, file_format in zip(axes[0], formats, strict=True):
        mine = sorted(
            (r for r in rows if r["format"] == file_format), key=lambda r: r["participations"]
        )
        sizes = [row["participations"] for row in mine]
        for part in PARTS:
            axis.plot(sizes, [row[f"{part}_s"] for row in mine], marker="o", label=part)
        axis.set_xscale("log")
        axis.set_yscale("log")
        axis.set_xlabel("participations")
        axis.set_ylabel("seconds")
        axis.set_title(f"{file_format} extract")
        axis.grid(True, which="both", alpha=0.3)
    axes[0][0].legend()
    figure.tight_layout()
    figure.savefig(out, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("figures", type=Path)
    parser.add_argument("out", type=Path)
    arguments = parser.parse_args()
    plot(json.loads(arguments.figures.read_text(encoding="utf-8")), arguments.out)


if __name__ == "__main__":
    main()
