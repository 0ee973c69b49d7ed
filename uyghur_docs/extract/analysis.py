"""What udocs extracts from each document, once, when it is indexed.

Listings (`docs`, `quotes`, `signers`) read these results from the catalog; only documents
that are new or changed since the last indexing run are read and analysed again.
"""

from collections.abc import Callable
from pathlib import Path

from uyghur_docs.corpus.folder import read_document, scan
from uyghur_docs.corpus.metadata import load_overrides
from uyghur_docs.errors import CorpusError
from uyghur_docs.extract.issuers import extract_issuers
from uyghur_docs.extract.quotes import extract_quotes, is_report_quote
from uyghur_docs.extract.signers import DocumentSigners, extract_signatories
from uyghur_docs.models import Document
from uyghur_docs.store import catalog


def analyse(path: Path, doc: Document, overrides: dict) -> catalog.Entry:
    """The catalog entry of a document read from path."""
    stat = path.stat()
    quotes = extract_quotes(doc.paragraphs, doc.date)
    signatories = extract_signatories(doc.paragraphs)
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
        report_quotes=sum(map(is_report_quote, quotes)),
        signatory_count=len(signatories),
        quotes=quotes,
        signatories=signatories,
        issuers=extract_issuers(doc.paragraphs),
    )


def analysed_documents(
    corpus: Path,
    index_dir: Path,
    skip: Callable[[str], None] | None = None,
    analyses: tuple[str, ...] = (),
) -> list[tuple[catalog.Entry, str]]:
    """Every document of the corpus with its index status ("current", "stale", "missing").

    Current documents come from the catalog (with the extracted records `analyses`
    names); the others are read and analysed now, and not stored: that is
    `udocs index`'s job. Unreadable files go to `skip`, else raise.
    """
    paths, passed_over = scan(corpus)
    overrides = load_overrides(corpus)
    entries = catalog.load(index_dir, analyses=analyses)
    current = set(catalog.compare(paths, entries, overrides).current)
    found = []
    for path in paths:
        if path.stem in current:
            found.append((entries[path.stem], "current"))
            continue
        try:
            doc = read_document(path, overrides)
        except CorpusError as exc:
            if skip is None:
                raise
            skip(str(exc))
            continue
        status = "stale" if doc.id in entries else "missing"
        found.append((analyse(path, doc, overrides.get(doc.id, {})), status))
    for problem in passed_over if skip else ():
        skip(problem)
    return found


def signer_records(entries: list[catalog.Entry]) -> list[DocumentSigners]:
    """The signatories and issuers of analysed documents, as the organisation index reads them."""
    return [DocumentSigners(e.id, e.title, e.date, e.signatories, e.issuers) for e in entries]
