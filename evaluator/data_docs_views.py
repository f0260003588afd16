"""GX's Data Docs page views, with their Jinja templates compiled once per process.

Each GX view makes a Jinja environment of its own, and a Data Docs build makes four views (the
suites, the validation results, the profiling results and the index page), each of which
compiled the same templates anew: half of a build's time (0.2 of 0.4 s), and again for every
build in the same process. These views are GX's own, with a bytecode cache that every one of
them shares; Jinja checks each entry against its template's source, so a changed template is
compiled again. `evaluator.checks.add_docs_site` names them in the site's configuration, the
override GX's `SiteBuilder` documents for its section and index builders.
"""

from great_expectations.render.view import DefaultJinjaIndexPageView, DefaultJinjaPageView
from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class InMemoryBytecodeCache(BytecodeCache):
    """Jinja's compiled templates kept in this process's memory, by template and source."""

    def __init__(self) -> None:
        self._bytecode: dict[str, bytes] = {}

    def __len__(self) -> int:
        """How many compiled templates it holds."""
        return len(self._bytecode)

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._bytecode:
            bucket.bytecode_from_string(self._bytecode[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._bytecode[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._bytecode.clear()


TEMPLATES = InMemoryBytecodeCache()


class SharedTemplates:
    """Mixed into a GX view: its Jinja environment keeps compiled templates in `TEMPLATES`."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.env.bytecode_cache = TEMPLATES


class CachedTemplatesPageView(SharedTemplates, DefaultJinjaPageView):
    """The page of a suite or a validation result."""


class CachedTemplatesIndexPageView(SharedTemplates, DefaultJinjaIndexPageView):
    """The index page of the site."""
