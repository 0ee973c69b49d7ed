"""Searching the store: ranked documents, each with its best paragraphs as citations."""

from dataclasses import dataclass
from pathlib import Path

from uyghur_docs.errors import EmptyQuery, QueryTooLong
from uyghur_docs.models import Filters
from uyghur_docs.store import catalog

MAX_QUERY = 2000


@dataclass(frozen=True)
class Passage:
    """A matching paragraph: its number, its whole text, the matched words' spans."""

    paragraph: int
    text: str
    highlights: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Hit:
    """A matching document, scored by its best paragraph."""

    id: str
    title: str
    date: str | None
    kind: str
    score: float
    passages: tuple[Passage, ...]


@dataclass(frozen=True)
class SearchResult:
    """The answer to one query; `total` counts matching documents."""

    query: str
    total: int
    hits: tuple[Hit, ...]
    suggestion: str | None


def check_query(qstring: str) -> str:
    """The query, refused when it is empty or too long to be a query."""
    if not qstring.strip():
        raise EmptyQuery()
    if len(qstring) > MAX_QUERY:
        raise QueryTooLong(len(qstring), MAX_QUERY)
    return qstring


def search(
    index_dir: Path,
    qstring: str,
    filters: Filters | None = None,
    limit: int = 10,
    per_doc: int = 3,
) -> SearchResult:
    """Search the index; with no hits, offer a corrected query that finds something."""
    from uyghur_docs import engine

    filters = filters or Filters()
    check_query(qstring)
    total, paragraphs = engine.search(index_dir, qstring, filters, limit, per_doc)
    hits: dict[str, list] = {}
    for p in paragraphs:
        hits.setdefault(p.doc, []).append(p)
    result = tuple(
        Hit(
            id=doc_id,
            title=ps[0].title,
            date=ps[0].date,
            kind=ps[0].kind,
            score=max(p.score for p in ps),
            passages=tuple(Passage(p.paragraph, p.text, p.highlights) for p in ps),
        )
        for doc_id, ps in hits.items()
    )
    suggestion = None if result else engine.suggest(index_dir, qstring, filters)
    return SearchResult(qstring, total, result, suggestion)


def sources_gone(index_dir: Path, result: SearchResult) -> list[str]:
    """The ids among the hits whose corpus file no longer exists (a stale, unwritable index)."""
    paths = catalog.paths(index_dir, [h.id for h in result.hits])
    return [doc_id for doc_id, path in paths.items() if not Path(path).exists()]
