"""evaluator.data_docs_views: the Data Docs our views render are those of GX's own views (but
for what differs between any two builds), and their templates are compiled once per process."""

import re
from pathlib import Path

import pandas as pd

from evaluator import data_docs_views
from evaluator.checks import Rule, import_great_expectations, new_batches, validate

# What differs between two builds of the same results: the time of rendering in the logo's
# address, the id GX draws for each collapsible block, and the site's name in the heading.
PER_BUILD = re.compile(
    r"\?d=\d{8}T\d{6}\.\d{6}Z|-[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}|\| \w+$", re.M
)


def built_pages(folder: Path) -> dict[str, str]:
    """Each page of the site, with what differs between two builds blanked."""
    return {
        str(path.relative_to(folder)): PER_BUILD.sub("", path.read_text("utf-8"))
        for path in folder.rglob("*.html")
    }


def test_the_pages_equal_those_of_gxs_own_views(tmp_path):
    """One context, one validation, two sites: ours and one that names no views (GX's)."""
    data_docs_views.TEMPLATES.clear()
    gx = import_great_expectations()
    batches = new_batches(gx, tmp_path / "ours")
    gx_site = {
        "class_name": "SiteBuilder",
        "store_backend": {
            "class_name": "TupleFilesystemStoreBackend",
            "base_directory": str(tmp_path / "gx"),
        },
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
    }
    batches.context.add_data_docs_site(site_name="gx", site_config=gx_site)
    rule = Rule(
        table="t",
        rule="positive",
        severity="blocking",
        message="must be positive",
        expectation="expect_column_values_to_be_between",
        arguments={"column": "x", "min_value": 0},
    )
    frame = pd.DataFrame({"_row": [1, 2, 3], "x": [1.0, -2.0, 3.0]})
    [failure] = validate(gx, batches, "t", [rule], [frame], "_row", for_docs=True)
    assert failure.keys == [2]
    batches.context.build_data_docs()
    ours, theirs = built_pages(tmp_path / "ours"), built_pages(tmp_path / "gx")
    assert len(ours) >= 3
    assert ours == theirs
    assert len(data_docs_views.TEMPLATES) >= 10
