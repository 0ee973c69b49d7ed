"""Searching the store: ranked documents, each with its best paragraphs as citations."""

from dataclasses import dataclass, replace
from pathlib import Path

from uyghur_docs.errors import EmptyQuery, QueryTooLong
from uyghur_docs.models import Cut, Filters, Matching
from uyghur_docs.store import catalog, statement_hits
from uyghur_docs.store.copies import statements

MAX_QUERY = 2000


@dataclass(frozen=True)
class Context:
    """A paragraph next to a matching one, shown for its context (`-C N`)."""

    paragraph: int
    text: str


@dataclass(frozen=True)
class Passage:
    """A matching paragraph: its number, its whole text, the matched words' spans, its role
    (prose, or a signature or contact paragraph), and the paragraphs around it when asked."""

    paragraph: int
    text: str
    highlights: tuple[tuple[int, int], ...]
    role: str = "prose"
    context: tuple[Context, ...] = ()


@dataclass(frozen=True)
class Hit:
    """A matching document, scored by its best paragraph; `copies`, the other copies of
    its statement that match too (shown as this one)."""

    id: str
    title: str
    date: str | None
    kind: str
    score: float
    passages: tuple[Passage, ...]
    url: str | None = None  # where the document was published, if its provenance says
    copies: tuple[str, ...] = ()


@dataclass(frozen=True)
class SearchResult:
    """The answer to one query; `total` counts matching documents (the copies of one
    statement once, `copies` counting the others), `elsewhere` the documents that match
    only when the paragraphs not searched (signature lists, contact lines, boilerplate)
    are searched too, `cut` the wildcard and fuzzy terms searched for only some of their
    words."""

    query: str
    total: int
    hits: tuple[Hit, ...]
    suggestion: str | None
    elsewhere: int = 0
    copies: int = 0
    cut: tuple[Cut, ...] = ()


@dataclass(frozen=True)
class SearchCount:
    """How much one query matches: documents, and their paragraphs that carry its words
    (the copies of one statement once, `copies` counting the others)."""

    query: str
    documents: int
    paragraphs: int
    elsewhere: int = 0
    copies: int = 0
    cut: tuple[Cut, ...] = ()


def keep(index_dir: Path):
    """The index held open between searches (`kept=` of `search` and `count`): it is opened
    again only when a commit came since."""
    from uyghur_docs import engine

    return engine.Index(index_dir)


def check_query(qstring: str) -> str:
    """The query, refused when it is empty, too long to be a query, or not one the engine
    can run (operators alone, say)."""
    from uyghur_docs import engine

    if not qstring.strip():
        raise EmptyQuery()
    if len(qstring) > MAX_QUERY:
        raise QueryTooLong(len(qstring), MAX_QUERY)
    engine.validate(qstring)
    return qstring


def search(
    index_dir: Path,
    qstring: str,
    filters: Filters | None = None,
    limit: int = 10,
    per_doc: int | None = 3,
    matching: Matching | None = None,
    context: int = 0,
    kept=None,
    every_copy: bool = False,
) -> SearchResult:
    """Search the index: every matching statement counted, the best `limit` shown with
    their best `per_doc` paragraphs (None: all), each with `context` paragraphs on either
    side; the copies of one statement are one hit unless `every_copy`. With no hits, offer
    a corrected query that finds something. `kept`: the index held open between searches
    (`keep`), else it is opened for this one."""
    check_query(qstring)
    # Opened once for the query, the context of each document shown and a suggestion.
    index = kept or keep(index_dir)
    filters = filters or Filters()
    try:
        copies = _copies(index_dir, index, qstring, filters, matching, per_doc, every_copy)
        return _search(index, qstring, filters, limit, per_doc, matching, context, copies)
    finally:
        if kept is None:
            index.close()


def _copies(index_dir, index, qstring, filters, matching, per_doc, every_copy):
    """The copies of statements the query matches (none looked for with `every_copy`)."""
    if every_copy:
        return statement_hits.Matched()
    found = {doc: statement.id for doc, statement in statements(index_dir).items()}
    return statement_hits.matched(index, qstring, filters, matching, found, per_doc)


def _search(index, qstring, filters, limit, per_doc, matching, context, copies) -> SearchResult:
    from uyghur_docs import engine

    folded = copies.folded
    found = engine.search(index, qstring, filters, limit + len(folded), per_doc, matching)
    ranked: dict[str, list] = {}
    for p in found.hits:
        ranked.setdefault(p.doc, []).append(p)
    result = tuple(
        Hit(
            id=doc_id,
            title=ps[0].title,
            date=ps[0].date,
            kind=ps[0].kind,
            score=max(p.score for p in ps),
            passages=_passages(index, doc_id, ps, context),
            copies=copies.others(doc_id),
        )
        for doc_id, ps in statement_hits.by_statement(ranked, copies, limit)
    )
    elsewhere = _elsewhere(index, qstring, filters, matching, found.documents)
    suggestion = None if result or elsewhere else engine.suggest(index, qstring, filters)
    total = found.documents - len(folded)
    return SearchResult(qstring, total, result, suggestion, elsewhere, len(folded), found.cut)


def count(
    index_dir: Path,
    qstring: str,
    filters: Filters | None = None,
    matching: Matching | None = None,
    kept=None,
    every_copy: bool = False,
) -> SearchCount:
    """The number of documents and paragraphs a query matches, the copies of one statement
    and their paragraphs once unless `every_copy` (`kept`: as for `search`)."""
    from uyghur_docs import engine

    check_query(qstring)
    index, filters = kept or index_dir, filters or Filters()
    found = engine.search(index, qstring, filters, 0, 0, matching)
    elsewhere = _elsewhere(index, qstring, filters, matching, found.documents)
    copies = _copies(index_dir, index, qstring, filters, matching, None, every_copy)
    folded = copies.folded
    paragraphs = found.paragraphs - sum(len(copies.hits[doc]) for doc in folded)
    total = found.documents - len(folded)
    return SearchCount(qstring, total, paragraphs, elsewhere, len(folded), found.cut)


def _elsewhere(index, qstring: str, filters: Filters, matching, documents: int) -> int:
    """How many more documents match when every paragraph is searched: a search of the
    prose never hides that a statement names the words in its signature list."""
    if not filters.roles:
        return 0
    from uyghur_docs import engine

    everywhere = engine.search(index, qstring, replace(filters, roles=()), 0, 0, matching)
    return max(0, everywhere.documents - documents)


def _passages(index, doc_id: str, ps: list, context: int) -> tuple[Passage, ...]:
    """The passages of one document; with context, in document order, each with the
    paragraphs around it that no passage before it shows (overlapping ranges merge)."""
    if not context:
        return tuple(Passage(p.paragraph, p.text, p.highlights, p.role) for p in ps)
    from uyghur_docs import engine

    ps = sorted(ps, key=lambda p: p.paragraph)
    # Ranges, not sets of numbers: -C may be any size, the document's paragraphs are few.
    spans = [range(max(1, p.paragraph - context), p.paragraph + context + 1) for p in ps]
    around = engine.texts(index, doc_id, _Within(spans))
    numbers = [0, *(p.paragraph for p in ps), float("inf")]
    passages, shown = [], {p.paragraph for p in ps}
    for i, p in enumerate(ps, start=1):
        # Between the passages before and after it: what is printed stays in order.
        near = [
            n
            for n in sorted(around)
            if numbers[i - 1] < n < numbers[i + 1]
            and abs(n - p.paragraph) <= context
            and n not in shown
        ]
        shown.update(near)
        context_of = tuple(Context(n, around[n]) for n in near)
        passages.append(Passage(p.paragraph, p.text, p.highlights, p.role, context_of))
    return tuple(passages)


class _Within:
    """Paragraph numbers within any of some ranges, for `in`."""

    def __init__(self, spans: list[range]):
        self.spans = spans

    def __contains__(self, number: int) -> bool:
        return any(number in span for span in self.spans)


def with_urls(result: SearchResult, urls: dict[str, str]) -> SearchResult:
    """The result with each hit's source URL (`corpus.provenance.urls`)."""
    return replace(result, hits=tuple(replace(h, url=urls.get(h.id)) for h in result.hits))


def sources_gone(index_dir: Path, result: SearchResult) -> list[str]:
    """The ids among the hits whose corpus file no longer exists (a stale, unwritable index)."""
    paths = catalog.paths(index_dir, [h.id for h in result.hits])
    return [doc_id for doc_id, path in paths.items() if not Path(path).exists()]
