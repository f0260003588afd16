"""The data-quality rules, installed as ``evaluator.rules`` (see pyproject.toml)."""
