"""Every document of the corpus with its analysis and its place in the index."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from uyghur_docs import engine
from uyghur_docs.corpus.folder import read_document, scan, stamped
from uyghur_docs.corpus.metadata import load_overrides
from uyghur_docs.corpus.report_file import fingerprint
from uyghur_docs.errors import CorpusError, IndexDamaged, IndexUntrusted
from uyghur_docs.extract.analysis import analyse
from uyghur_docs.models import Document
from uyghur_docs.store import catalog, current

if TYPE_CHECKING:
    from uyghur_docs.store.mentions import CatalogMentions


def entry_of(
    path: Path, doc: Document, overrides: dict, wanted: tuple[str, ...] = ()
) -> catalog.Entry:
    """The catalog entry of a document read from path: its file stamp, metadata, and its
    analysis (of the records `wanted`, every one if none is named), with the report
    remembered for its corpus folder as evidence."""
    # Imported here: listing stored analyses needs none of the extraction machinery.
    from uyghur_docs.extract.report import remembered

    stat = path.stat()
    return catalog.Entry(
        id=doc.id,
        path=str(path),
        size=stat.st_size,
        mtime_ns=stat.st_mtime_ns,
        sha256=doc.sha256,
        title=doc.title,
        date=doc.date,
        kind=doc.kind,
        paragraphs=len(doc.paragraphs),
        overrides=overrides,
        analysis=analyse(doc, remembered(path.parent), wanted),
    )


@dataclass(frozen=True)
class Listed:
    """A document's catalog entry and whether the index holds it as it is now
    ("current"), an older version ("stale") or not at all ("missing"), or cannot be
    trusted for any document ("damaged": a file of the index or the catalog is)."""

    entry: catalog.Entry
    status: str


def analysed_documents(
    corpus: Path,
    index_dir: Path,
    skip: Callable[[str], None] | None = None,
    analyses: tuple[str, ...] = (),
    having: bool = False,
) -> list[Listed]:
    """Every document of the corpus with its index status.

    Current documents come from the catalog (with the records `analyses` names); the others
    are read and analysed now, and not stored: that is indexing's job. Unreadable files go
    to `skip`, else raise. `having` may leave out documents of a current index that have
    none of the records asked for (see `catalog.load`).
    """
    stored = _stored(corpus, index_dir, skip, analyses, having)
    if stored is not None:
        return stored
    paths, passed_over = scan(corpus)
    overrides = load_overrides(corpus)
    entries, damaged = _catalog(index_dir, analyses)
    # Analyses made with another report are stale, whatever the files' stamps say.
    reanalysed = current.report_changed(index_dir, fingerprint(corpus))
    kept = set() if reanalysed else set(catalog.compare(paths, entries, overrides).current)
    found = []
    for path in paths:
        doc_id = path.stem
        if doc_id in kept:
            found.append(Listed(entries[doc_id], "current"))
            continue
        try:
            doc = read_document(path, overrides)
        except CorpusError as exc:
            if skip is None:
                raise
            skip(str(exc))
            continue
        status = "damaged" if damaged else "stale" if doc.id in entries else "missing"
        entry = entry_of(path, doc, overrides.get(doc.id, {}), analyses)
        found.append(Listed(entry, status))
    for problem in passed_over if skip else ():
        skip(problem)
    return found


def _stored(
    corpus: Path, index_dir: Path, skip, analyses: tuple[str, ...], having: bool
) -> list[Listed] | None:
    """Every document as the catalog has it, when it holds the whole corpus as it is now
    (else None): one stat per file, two stored digests, and no file compared."""
    passed_over = _current(corpus, index_dir)
    if passed_over is None:
        return None
    entries = catalog.load(index_dir, analyses=analyses, having=having)
    for problem in passed_over if skip else ():
        skip(problem)
    return [Listed(entries[doc_id], "current") for doc_id in sorted(entries)]


def current_rows(
    corpus: Path, index_dir: Path, columns: tuple[str, ...], skip: Callable[[str], None] | None
) -> list[tuple] | None:
    """Some catalog columns of every document, by id, when the index holds the whole corpus
    as it is now (else None, see `analysed_documents`); files passed over go to `skip`."""
    passed_over = _current(corpus, index_dir)
    if passed_over is None:
        return None
    found = catalog.rows(index_dir, columns)
    for problem in passed_over if skip else ():
        skip(problem)
    return found


def _current(corpus: Path, index_dir: Path) -> list[str] | None:
    """The warnings of the files passed over when the index holds every document of the
    corpus as it is now, undamaged; else None. One listing, one reading of the overrides
    and one catalog check."""
    files, passed_over = stamped(corpus)
    try:
        engine.verify(index_dir)
        if not current.is_current(index_dir, files, load_overrides(corpus), fingerprint(corpus)):
            return None
    except (IndexDamaged, IndexUntrusted):
        return None
    return passed_over


def _catalog(index_dir: Path, analyses: tuple[str, ...]) -> tuple[dict[str, catalog.Entry], bool]:
    """The catalog's entries, and whether the index is damaged: then none is trusted."""
    try:
        engine.verify(index_dir)
        return catalog.load(index_dir, analyses=analyses), False
    except (IndexDamaged, IndexUntrusted):
        return {}, True


def stored_mentions(
    corpus: Path, index_dir: Path, skip: Callable[[str], None] | None = None
) -> "CatalogMentions | None":
    """The catalog's signature mentions when the index holds every document as it is now,
    undamaged (else None: what is not stored must be analysed); files passed over go to
    `skip`."""
    passed_over = _current(corpus, index_dir)
    if passed_over is None:
        return None
    for problem in passed_over if skip else ():
        skip(problem)
    # Imported here: a listing needs none of the organisation machinery.
    from uyghur_docs.store.mentions import CatalogMentions

    return CatalogMentions(index_dir)
