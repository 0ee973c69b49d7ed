"""An index opened once and kept by its caller between queries.

Opening the index (its table of contents, every segment's files and term tables) is most
of a small query's time. An `Index` keeps the opened index, its searcher, the per-paragraph
columns and the fast path's per-segment reads, and before each use checks, at one stat per
file, that they are still the index's: a commit by another process (a new table of
contents) makes it open the index again, and a damaged or unsealed file still raises
IndexDamaged (`engine.manifest.verify`).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from uyghur_docs.engine import manifest
from uyghur_docs.engine.docids import DocIds
from uyghur_docs.engine.fast import Fast, segments_of
from uyghur_docs.engine.files import open_index
from uyghur_docs.engine.schema import DAMAGE
from uyghur_docs.errors import IndexDamaged


class Columns:
    """The per-paragraph columns of one searcher, each opened once (opening one reads the
    offsets of every paragraph)."""

    def __init__(self, searcher):
        self.searcher = searcher
        self._open: dict[str, object] = {"doc": DocIds(searcher)}

    def __getitem__(self, name: str):
        if name not in self._open:
            self._open[name] = self.searcher.reader().column_reader(name)
        return self._open[name]


class Opened:
    """One generation of the index, open: its searcher, columns and what the fast path
    reads once of each segment (`segments`; None: every query goes to whoosh's matchers).
    No searcher for an index of an empty corpus, which has no segments."""

    def __init__(self, ix):
        self.ix, self.schema = ix, ix.schema
        self.searcher = None if ix.is_empty() else ix.searcher()
        self.columns = Columns(self.searcher) if self.searcher else None
        self.segments = segments_of(self.searcher) if self.searcher else None

    def fast(self) -> Fast | None:
        """The fast path for one search."""
        return None if self.segments is None else Fast(self.searcher, self.segments)

    def close(self) -> None:
        if self.searcher is not None:
            self.searcher.close()


class Index:
    """The index in a folder, opened when first used and kept while it is current."""

    def __init__(self, index_dir: Path):
        self.index_dir = Path(index_dir)
        self._stamp: tuple | None = None
        self._opened: Opened | None = None

    def opened(self) -> Opened:
        """The index as it is now: the one kept if no commit came since, else opened again."""
        stamp = _stamp(self.index_dir)
        if self._opened is not None and stamp == self._stamp:
            manifest.verify(self.index_dir)
            return self._opened
        self.close()
        self._opened, self._stamp = Opened(open_index(self.index_dir)), stamp
        return self._opened

    def close(self) -> None:
        if self._opened is not None:
            self._opened.close()
        self._opened = self._stamp = None

    def search(self, qstring, filters, limit, per_doc, matching=None):
        """See `engine.query.search`."""
        from uyghur_docs.engine import query

        return query.search(self, qstring, filters, limit, per_doc, matching)

    def texts(self, doc_id: str, numbers: set[int]) -> dict[int, str]:
        """See `engine.query.texts`."""
        from uyghur_docs.engine import query

        return query.texts(self, doc_id, numbers)

    def suggest(self, qstring, filters):
        """See `engine.suggestions.suggest`."""
        from uyghur_docs.engine import suggestions

        return suggestions.suggest(self, qstring, filters)


def _stamp(index_dir: Path) -> tuple | None:
    """What changes with every commit: the current table of contents, its generation and
    its file (a rebuild from nothing starts the generations again, in a new file)."""
    generation = manifest.latest_generation(index_dir) if index_dir.is_dir() else None
    if generation is None:
        return None
    try:
        info = (index_dir / manifest.toc_name(generation)).stat()
    except FileNotFoundError:
        return None
    return generation, info.st_ino, info.st_mtime_ns, info.st_size


@contextmanager
def using(index: "Index | Path") -> Iterator[Opened]:
    """The opened index of a kept `Index`, or of a folder (opened for this one use); what
    whoosh raises on a damaged file, opening the index or reading it, is IndexDamaged."""
    kept = index if isinstance(index, Index) else Index(index)
    try:
        yield kept.opened()
    except DAMAGE as exc:
        raise IndexDamaged(kept.index_dir, repr(exc)) from exc
    finally:
        if kept is not index:
            kept.close()


def check(index: "Index | Path") -> int:
    """Open the index (or take a kept `Index`'s, current) and read its table of contents;
    the number of paragraphs in it. A search after the check of a kept index opens it no
    more."""
    with using(index) as opened:
        return 0 if opened.searcher is None else opened.searcher.doc_count()
