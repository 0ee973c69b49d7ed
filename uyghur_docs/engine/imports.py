"""whoosh imported without what a search never uses: `whoosh.compat` imports
`urllib.request` (with it http.client, email and ssl) for a download function, and
`whoosh.reading` imports the `cached_property` package, which imports asyncio for the
one property whoosh decorates with it (`SegmentReader.deleted_docs_set`, a plain
method's value). Together they were about a sixth of a search's start-up.

While those two whoosh modules are first imported, `urllib.request` is a stand-in whose
`urlretrieve` imports the real one when called, and `cached_property` is the standard
library's `functools.cached_property` (same behaviour for a non-coroutine method); both
stand-ins leave `sys.modules` afterwards, so any later import gets the real modules.
"""

import functools
import sys
from types import ModuleType


def _urlretrieve(*args, **kwargs):
    from urllib.request import urlretrieve

    return urlretrieve(*args, **kwargs)


def import_whoosh_lightly() -> None:
    """Import whoosh's compat and reading modules with the stand-ins, once."""
    if "whoosh.reading" in sys.modules:
        return
    request = ModuleType("urllib.request")
    request.urlretrieve = _urlretrieve
    cached = ModuleType("cached_property")
    cached.cached_property = functools.cached_property
    stand_ins = {"urllib.request": request, "cached_property": cached}
    placed = [name for name in stand_ins if name not in sys.modules]
    for name in placed:
        sys.modules[name] = stand_ins[name]
    try:
        import whoosh.compat
        import whoosh.reading  # noqa: F401
    finally:
        for name in placed:
            if sys.modules.get(name) is stand_ins[name]:
                del sys.modules[name]
