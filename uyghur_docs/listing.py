"""The rows of `udocs docs`: one summary per document."""

from dataclasses import dataclass
from pathlib import Path

from .corpus import load_corpus


@dataclass(frozen=True)
class DocumentRow:
    """A document as `udocs docs` lists it."""

    id: str
    date: str | None
    kind: str
    title: str
    paragraphs: int


def list_documents(corpus: Path) -> list[DocumentRow]:
    """Every document of the corpus, by id."""
    return [
        DocumentRow(d.id, d.date, d.kind, d.title, len(d.paragraphs)) for d in load_corpus(corpus)
    ]
