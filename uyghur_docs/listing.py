"""The rows of `udocs docs`: one summary per document, with its place in the index."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .analysis import analysed_documents


@dataclass(frozen=True)
class DocumentRow:
    """A document as `udocs docs` lists it. `index` is "current", "stale" or "missing";
    `report_quotes` counts its quotations of the OHCHR report."""

    id: str
    date: str | None
    kind: str
    title: str
    paragraphs: int
    report_quotes: int
    index: str


def list_documents(
    corpus: Path, index_dir: Path, skip: Callable[[str], None] | None = None
) -> list[DocumentRow]:
    """Every document of the corpus, by id; unreadable files go to `skip` (else raise)."""
    return [
        DocumentRow(
            e.id,
            e.date,
            e.kind,
            e.title,
            e.paragraphs,
            sum(q.kind == "report" and q.depth == 0 for q in e.quotes),
            status,
        )
        for e, status in analysed_documents(corpus, index_dir, skip)
    ]
