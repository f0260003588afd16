"""The SQL models, macros and check queries, installed as ``evaluator.sql`` (see pyproject.toml)."""
