"""The layers of evaluator/ (docs/architecture.md): a module imports only from its own layer or
the layers below it, never from a higher one. Read from the source with `ast`, so an import
inside a function counts as well."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "evaluator"

# Lowest first. A module is in the layer of the longest name below that is its name or a
# package it lies in. Beside the flow, the synthetic extracts, the mapping proposal, the demo's
# builder and the CI reports are library calls at the pipeline's level; the terminal's text
# (console.py) writes no file, so it needs no exporter; only the report folder and the command
# line stand above the exports.
LAYERS = (
    (
        "base",
        (
            "evaluator",
            "evaluator.findings",
            "evaluator.resources",
            "evaluator.variables",
            "evaluator.atomic",
            "evaluator.quarter",
            "evaluator.week",
        ),
    ),
    ("read", ("evaluator.io", "evaluator.settings")),
    ("check", ("evaluator.checks", "evaluator.reading_checks", "evaluator.output_checks")),
    ("model", ("evaluator.models", "evaluator.rank_certainty")),
    (
        "pipeline",
        (
            "evaluator.pipeline",
            "evaluator.weekly_targets",
            "evaluator.weekly_pipeline",
            "evaluator.run_summary",
            "evaluator.ci_reports",
            "evaluator.synthetic",
            "evaluator.mapping_proposal",
            "evaluator.demo_builder",
        ),
    ),
    ("terminal", ("evaluator.console",)),
    ("export", ("evaluator.export",)),
    ("commands", ("evaluator.report_folder", "evaluator.cli", "evaluator.__main__")),
)
RANK = {name: rank for rank, (_, names) in enumerate(LAYERS) for name in names}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def rank(module: str) -> int:
    """The layer of `module`: that of its own name or of the nearest package listed."""
    parts = module.split(".")
    for end in range(len(parts), 0, -1):
        if ".".join(parts[:end]) in RANK:
            return RANK[".".join(parts[:end])]
    raise AssertionError(f"{module} is in no layer of tests/test_layers.py: give it one")


def imported_modules(path: Path) -> set[str]:
    """The evaluator modules `path` imports (`from evaluator import models` imports a module)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            submodules = {f"{node.module}.{alias.name}" for alias in node.names}
            found |= (submodules & set(MODULES)) or {node.module}
    return {name for name in found if name == "evaluator" or name.startswith("evaluator.")}


def test_every_module_has_a_layer():
    assert [module for module in MODULES if rank(module) is None] == []


def test_no_module_imports_from_a_higher_layer():
    upward = [
        f"{module} ({LAYERS[rank(module)][0]}) imports {imported} ({LAYERS[rank(imported)][0]})"
        for module, path in sorted(MODULES.items())
        for imported in sorted(imported_modules(path))
        if rank(imported) > rank(module)
    ]
    assert upward == []


def test_nothing_below_the_exports_imports_them():
    """The rule of issue 16 in its plainest words, so a change of the layers above keeps it."""
    below_export = [m for m in MODULES if rank(m) < RANK["evaluator.export"]]
    assert [
        module
        for module in sorted(below_export)
        if any(name.startswith("evaluator.export") for name in imported_modules(MODULES[module]))
    ] == []
