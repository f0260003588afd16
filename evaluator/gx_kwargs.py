"""Make GX read an expectation's configuration once per keyword lookup, not once per keyword.

In great-expectations 1.24, `Expectation.configuration` is a property that rebuilds the whole
`ExpectationConfiguration` (a pydantic `dict()` of the expectation) on every access, and
`_get_domain_kwargs`, `_get_success_kwargs` and `_get_runtime_kwargs` access it once for every
keyword they look up; GX calls them several times per expectation and validation, each time on
a new expectation object. Sampled over the test suite, that rebuilding was 44 of its 372 s, and
a fifth of the output checks' time. The three methods below are GX's own, with the
configuration read into a local once: the same values, in the same order. `pyproject.toml`
pins GX to 1.24, `tests/test_checks.py` fails on another release, and `tests/test_gx_kwargs.py`
compares the three with GX's originals for every rule of `checks/`: a new GX is a decision,
not a silent change.
"""

from typing import Any

from great_expectations.expectations.expectation import Expectation, parse_result_format


def _configured_or_default(expectation: Expectation, configured: dict, keys) -> dict[str, Any]:
    return {key: configured.get(key, expectation._get_default_value(key)) for key in keys}


def _get_domain_kwargs(self: Expectation) -> dict[str, Any]:
    return _configured_or_default(self, self.configuration.kwargs, self.domain_keys)


def _success_kwargs(expectation: Expectation, configured: dict) -> dict[str, Any]:
    success_kwargs = _configured_or_default(expectation, configured, expectation.success_keys)
    success_kwargs.update(_configured_or_default(expectation, configured, expectation.domain_keys))
    return success_kwargs


def _get_success_kwargs(self: Expectation) -> dict[str, Any]:
    return _success_kwargs(self, self.configuration.kwargs)


def _get_runtime_kwargs(self: Expectation, runtime_configuration: dict | None = None) -> dict:
    runtime_configuration = runtime_configuration or {}
    configured = self.configuration.kwargs
    runtime_kwargs = {
        key: runtime_configuration.get(key, value)
        for key, value in _configured_or_default(self, configured, self.runtime_keys).items()
    }
    runtime_kwargs.update(_success_kwargs(self, configured))
    runtime_kwargs["result_format"] = parse_result_format(runtime_kwargs["result_format"])
    return runtime_kwargs


GX_ORIGINALS = {
    name: getattr(Expectation, name)
    for name in ("_get_domain_kwargs", "_get_success_kwargs", "_get_runtime_kwargs")
}


def read_configuration_once() -> None:
    """Put the three methods in place of GX's (idempotent: GX is imported once per process)."""
    Expectation._get_domain_kwargs = _get_domain_kwargs
    Expectation._get_success_kwargs = _get_success_kwargs
    Expectation._get_runtime_kwargs = _get_runtime_kwargs
