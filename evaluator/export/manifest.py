"""`manifest.json` (SPEC §4): what was evaluated, with which settings, from which files.

A reader can check a report against its inputs by their SHA-256 without the inputs themselves.
"""

import datetime as dt
import json
from pathlib import Path

from evaluator import __version__
from evaluator.pipeline import Evaluation


def manifest(evaluation: Evaluation) -> dict:
    return {
        "software": "effektpris-evaluator",
        "version": __version__,
        "quarter": evaluation.quarter.label,
        "jobcenter": evaluation.jobcenter,
        "as_of_date": evaluation.as_of.isoformat(),
        "preliminary": evaluation.is_preliminary,
        "settings": evaluation.settings.as_dict(),
        "mapping": evaluation.settings.mapping.as_dict(),
        "created_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "inputs": [
            {
                "table": file.table,
                "file": "(shipped default)" if file.is_default else file.path.name,
                "rows": file.rows,
                "sha256": file.sha256,
                **({"sheet": file.sheet, "header_row": file.header_row} if file.sheet else {}),
            }
            for file in evaluation.extract.files
        ],
    }


def write_manifest(evaluation: Evaluation, path: Path) -> None:
    path.write_text(json.dumps(manifest(evaluation), indent=2, ensure_ascii=False) + "\n", "utf-8")
