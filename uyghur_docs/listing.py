"""The rows of `udocs docs`: one summary per document."""

from dataclasses import dataclass
from pathlib import Path

from . import provenance
from .corpus import load_corpus


@dataclass(frozen=True)
class DocumentRow:
    """A document as `udocs docs` lists it."""

    id: str
    date: str | None
    kind: str
    title: str
    paragraphs: int
    format: str  # of the original file: from its provenance, else the corpus file's own


def list_documents(corpus: Path) -> list[DocumentRow]:
    """Every document of the corpus, by id."""
    sources = provenance.load(corpus)
    return [
        DocumentRow(d.id, d.date, d.kind, d.title, len(d.paragraphs), _format(d, sources))
        for d in load_corpus(corpus)
    ]


def _format(doc, sources: dict[str, provenance.Source]) -> str:
    source = sources.get(doc.id)
    return source.format if source else Path(doc.path).suffix.lstrip(".")
