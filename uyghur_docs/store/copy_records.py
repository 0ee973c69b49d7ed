"""The copies of one statement as `udocs show ID --copies` compares them, from what the
last indexing run stored: titles, dates and signatories from the catalog, paragraphs from
the index. No copy's file is read or analysed again: a statement may have dozens of copies,
and each analysis costs more than the whole comparison.
"""

from collections.abc import Collection
from pathlib import Path

from uyghur_docs.findings.copy_differences import Copy
from uyghur_docs.models import Document
from uyghur_docs.store import catalog
from uyghur_docs.store.roles import paragraph_roles


def stored_copies(index_dir: Path, index, ids: Collection[str]) -> dict[str, Copy]:
    """The copies `ids` as stored, by id (`index`: the index folder, or an open `Index`)."""
    from uyghur_docs import engine

    entries = catalog.load(index_dir, ("signatories",), sorted(ids))
    return {
        doc_id: _copy(entry, engine.texts(index, doc_id, set(range(1, entry.paragraphs + 1))))
        for doc_id, entry in entries.items()
    }


def _copy(entry: catalog.Entry, texts: dict[int, str]) -> Copy:
    """A copy's paragraphs other than its signature paragraphs, told apart as indexing
    told them (`store.roles`), from its stored signatories."""
    numbers = range(1, entry.paragraphs + 1)
    paragraphs = tuple(texts.get(n, "") for n in numbers)
    doc = Document(entry.id, entry.title, entry.date, entry.kind, entry.path, "", paragraphs)
    roles = paragraph_roles(doc, entry.analysis)
    kept = tuple((n, paragraphs[n - 1]) for n in numbers if roles.get(n) != "signature")
    names = tuple(s.name for s in entry.analysis.signatories)
    return Copy(entry.id, entry.title, entry.date, names, kept)
