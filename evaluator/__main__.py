"""`python -m evaluator`: the `evaluator` command, where scripts are not on PATH."""

from evaluator.cli import app

app(prog_name="evaluator")
