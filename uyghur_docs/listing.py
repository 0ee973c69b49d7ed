"""The rows of `udocs docs`: one summary per document, with its place in the index.

Documents the index holds as they are now are listed from its catalog without reading
their files; only new or changed files are read.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import catalog
from .corpus import read_document, scan
from .errors import CorpusError
from .metadata import load_overrides


@dataclass(frozen=True)
class DocumentRow:
    """A document as `udocs docs` lists it. `index` is "current", "stale" or "missing"."""

    id: str
    date: str | None
    kind: str
    title: str
    paragraphs: int
    index: str


def list_documents(
    corpus: Path, index_dir: Path, skip: Callable[[str], None] | None = None
) -> list[DocumentRow]:
    """Every document of the corpus, by id; unreadable files go to `skip` (else raise)."""
    paths, passed_over = scan(corpus)
    overrides = load_overrides(corpus)
    entries = catalog.load(index_dir)
    changes = catalog.compare(paths, entries, overrides)
    current = set(changes.current)
    rows = []
    for path in paths:
        if path.stem in current:
            e = entries[path.stem]
            rows.append(DocumentRow(e.id, e.date, e.kind, e.title, e.paragraphs, "current"))
            continue
        try:
            d = read_document(path, overrides)
        except CorpusError as exc:
            if skip is None:
                raise
            skip(str(exc))
            continue
        status = "stale" if d.id in entries else "missing"
        rows.append(DocumentRow(d.id, d.date, d.kind, d.title, len(d.paragraphs), status))
    for problem in passed_over if skip else ():
        skip(problem)
    return rows
