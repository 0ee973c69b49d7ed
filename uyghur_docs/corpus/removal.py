"""`udocs remove`: taking documents out of the corpus, with their provenance and overrides.

It holds the corpus lock as `udocs add` does (see `corpus.ingest`), and checks every id
before it removes any.
"""

from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from uyghur_docs.corpus import override_tables, provenance
from uyghur_docs.corpus.folder import document_paths, read_document, suggest
from uyghur_docs.corpus.lock import corpus_lock
from uyghur_docs.corpus.metadata import OVERRIDES_FILE, load_overrides
from uyghur_docs.corpus.provenance import SOURCES_FILE, write_atomic
from uyghur_docs.errors import CorpusError, IngestError, UnknownDocument


@dataclass(frozen=True)
class Removed:
    """A document taken out of the corpus."""

    id: str
    title: str
    format: str
    source: str | None


@dataclass(frozen=True)
class RemoveResult:
    """The outcome of one `udocs remove`: the documents taken out (or, with dry_run, those
    that would be)."""

    removed: tuple[Removed, ...]
    dry_run: bool
    indexed: bool = True  # as AddResult's


def remove(corpus: Path, doc_ids: list[str], dry_run: bool = False) -> RemoveResult:
    """Take documents out: their files, provenance and overrides. Every id is checked
    before any is removed: one unknown id removes nothing."""
    with nullcontext() if dry_run else corpus_lock(corpus):
        return _remove(corpus, doc_ids, dry_run)


def _remove(corpus: Path, doc_ids: list[str], dry_run: bool) -> RemoveResult:
    paths = {p.stem: p for p in document_paths(corpus)}
    for doc_id in doc_ids:
        if doc_id not in paths:
            raise UnknownDocument(doc_id, suggest(doc_id, list(paths)))
    overrides, sources = load_overrides(corpus), provenance.load(corpus)
    removed = tuple(
        _removed(doc_id, paths[doc_id], overrides, sources) for doc_id in dict.fromkeys(doc_ids)
    )
    if not dry_run:
        for gone in removed:
            _take_out(corpus, gone.id, paths[gone.id], sources)
    return RemoveResult(removed, dry_run)


def _removed(doc_id: str, path: Path, overrides: dict, sources: dict) -> Removed:
    try:
        title = read_document(path, overrides).title
    except CorpusError:  # a broken file is a good reason to remove it, not to refuse
        title = ""
    source = sources.get(doc_id)
    fmt = source.format if source else path.suffix.lstrip(".")
    return Removed(doc_id, title, fmt, source.file if source else None)


def _take_out(corpus: Path, doc_id: str, path: Path, sources: dict) -> None:
    source = sources.pop(doc_id, None)
    try:
        path.unlink()
        if source:
            write_atomic(corpus / SOURCES_FILE, provenance.dumps(sources))
        override_tables.drop(corpus / OVERRIDES_FILE, doc_id)
    except OSError as exc:
        raise IngestError(f"cannot remove {doc_id} from {corpus}: {exc.strerror}") from exc
