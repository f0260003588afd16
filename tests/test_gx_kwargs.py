"""evaluator.gx_kwargs: GX's keyword lookups with the configuration read once give what GX's own
give, key for key and in order, for every rule the tool runs."""

import pytest

from evaluator import gx_kwargs
from evaluator.checks import expectation, import_great_expectations, load_rules
from evaluator.io.schema import TABLES
from evaluator.output_checks import load_output_rules, output_expectation
from evaluator.reading_checks import load_reading_rules

RUNTIME_CONFIGURATIONS = [None, {}, {"result_format": "BASIC"}, {"result_format": "BOOLEAN_ONLY"}]


def every_expectation() -> list:
    """Each rule of checks/ as GX validates it: rebuilt from its configuration, as the validator
    does before it asks for the keywords."""
    gx = import_great_expectations()
    built = [expectation(gx, rule) for table in TABLES for rule in load_rules(table)]
    built += [expectation(gx, rule) for rule in load_reading_rules().values()]
    built += [output_expectation(gx, rule) for rule in load_output_rules().rules]
    return [each.configuration.to_domain_obj() for each in built]


def test_importing_gx_puts_the_lookups_in_place():
    import_great_expectations()
    from great_expectations.expectations.expectation import Expectation

    assert Expectation._get_runtime_kwargs is gx_kwargs._get_runtime_kwargs
    assert Expectation._get_success_kwargs is gx_kwargs._get_success_kwargs
    assert Expectation._get_domain_kwargs is gx_kwargs._get_domain_kwargs


@pytest.mark.parametrize("runtime_configuration", RUNTIME_CONFIGURATIONS)
def test_runtime_kwargs_equal_gxs_for_every_rule(runtime_configuration):
    originals = gx_kwargs.GX_ORIGINALS
    expectations = every_expectation()
    assert len(expectations) > 80
    for each in expectations:
        ours = each._get_runtime_kwargs(runtime_configuration)
        theirs = originals["_get_runtime_kwargs"](each, runtime_configuration)
        assert list(ours.items()) == list(theirs.items()), each.configuration


def test_success_and_domain_kwargs_equal_gxs_for_every_rule():
    originals = gx_kwargs.GX_ORIGINALS
    for each in every_expectation():
        for name in ("_get_success_kwargs", "_get_domain_kwargs"):
            ours = getattr(each, name)()
            assert list(ours.items()) == list(originals[name](each).items()), (name, each)
