"""The effect-price evaluator: effect prices and contract follow-up for Danish jobcenters."""

__version__ = "0.1.0"
