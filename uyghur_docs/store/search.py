"""`udocs search`: ranked documents, each with its best paragraphs as citations."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from uyghur_docs.corpus.folder import document_paths, stamps
from uyghur_docs.corpus.metadata import load_overrides
from uyghur_docs.errors import IndexDamaged, IndexFault, IndexLocked, QueryError
from uyghur_docs.models import KINDS
from uyghur_docs.store import catalog
from uyghur_docs.text.dates import parse_date


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


MAX_QUERY = 2000


def check_query(qstring: str) -> str:
    """The query, refused when it is empty or too long to be a query."""
    if not qstring.strip():
        raise QueryError('the query is empty; try `udocs search "forced labour"`')
    if len(qstring) > MAX_QUERY:
        raise QueryError(f"the query has {len(qstring)} characters; at most {MAX_QUERY}, please")
    return qstring


def date_bound(value: str | None, option: str) -> str | None:
    """A --since/--until value as an ISO prefix: YYYY, YYYY-MM or YYYY-MM-DD.

    >>> date_bound("2022", "--since"), date_bound("8 March 2022", "--until")
    ('2022', '2022-03-08')
    """
    if value is None:
        return None
    value = value.strip()
    if len(value) == 4 and value.isdigit():
        return value
    parsed = parse_date(value)
    if parsed is None:
        raise QueryError(f"{option} {value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    return parsed


def check_kinds(kinds: tuple[str, ...]) -> tuple[str, ...]:
    """The --kind values, each one of the known kinds."""
    for kind in kinds:
        if kind not in KINDS:
            raise QueryError(f"--kind {kind!r} is not a kind; use one of {', '.join(KINDS)}")
    return kinds


def ensure_current(corpus: Path, index_dir: Path, notify: Callable[[str], None]) -> None:
    """Build a missing index, refresh a stale one; a read-only or busy index is used as is."""
    from uyghur_docs.store import index

    if not index.exists(index_dir):
        notify(f"no index yet in {index_dir}; building it")
        _report(index.update(corpus, index_dir), notify)
        return
    try:
        index.check(index_dir)
    except IndexDamaged:
        notify(f"the index in {index_dir} is damaged; rebuilding it from the corpus")
        _report(index.update(corpus, index_dir, rebuild=True), notify)
        return
    overrides = load_overrides(corpus)
    if catalog.is_current(index_dir, stamps(corpus), overrides):
        return
    changes = catalog.compare(document_paths(corpus), catalog.load(index_dir), overrides)
    if not changes.stale:
        return
    notify(
        f"the corpus changed ({len(changes.new)} new, {len(changes.changed)} changed,"
        f" {len(changes.removed)} removed); refreshing the index"
    )
    try:
        _report(index.update(corpus, index_dir), notify)
    except (IndexLocked, IndexFault) as exc:
        notify(f"searching the index as it is: {exc}")


def _report(report, notify: Callable[[str], None]) -> None:
    for problem in report.skipped:
        notify(f"skipped {problem}")
    done = report.added + report.updated
    notify(
        f"indexed {done} document{'' if done == 1 else 's'} ({report.paragraphs} paragraphs),"
        f" skipped {len(report.skipped)}"
    )


def search(
    index_dir: Path,
    qstring: str,
    filters=None,
    limit: int = 10,
    per_doc: int = 3,
) -> SearchResult:
    """Search the index; with no hits, offer a corrected query that finds something."""
    from uyghur_docs.store import index

    filters = filters or index.Filters()
    check_query(qstring)
    total, paragraphs = index.query(index_dir, qstring, filters, limit, per_doc)
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
    suggestion = None if result else index.suggest(index_dir, qstring, filters)
    return SearchResult(qstring, total, result, suggestion)


def sources_gone(index_dir: Path, result: SearchResult) -> list[str]:
    """The ids among the hits whose corpus file no longer exists (a stale, unwritable index)."""
    paths = catalog.paths(index_dir, [h.id for h in result.hits])
    return [doc_id for doc_id, path in paths.items() if not Path(path).exists()]
