"""Querying: the documents a query matches (`engine.match`), every matching paragraph of
them scored, the best documents and their best paragraphs, and the spans of what matched."""

import heapq
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from whoosh import query as wq

from uyghur_docs.engine.bounds import bounded
from uyghur_docs.engine.highlight import Highlighter
from uyghur_docs.engine.kept import Columns, Index, using
from uyghur_docs.engine.match import (
    Documents,
    best_first,
    positive,
    scored,
    scored_only,
    together,
)
from uyghur_docs.engine.parse import on_fields, parse
from uyghur_docs.models import ROLES, Filters, Found, Matching, ParagraphHit
from uyghur_docs.text.dates import within

# The sort orders by date (`Matching.sort`).
_BY_DATE = ("date", "newest")


def allowed(columns: Columns, filters: Filters) -> Callable[[int], bool] | None:
    """A test of each matching paragraph against the filters, read from per-paragraph
    columns: it costs one look-up per match, where a filter query would enumerate every
    paragraph in the date range first. Roles and documents are sets of paragraphs (most
    are prose; a document's are the postings of its id)."""
    tests = []
    docs = {filters.doc} if filters.doc else None
    if filters.among is not None:
        docs = set(filters.among) if docs is None else docs & set(filters.among)
    if _role_test_needed(filters.roles):
        tests.append(_in_roles(columns.searcher, set(filters.roles)))
    if docs is not None:
        tests.append(columns["doc"].paragraphs_of(frozenset(docs)).__contains__)
    if filters.kinds:
        kind_of, kinds = columns["kind"], set(filters.kinds)
        tests.append(lambda n: kind_of[n] in kinds)
    if filters.since or filters.until:
        date_of = columns["date"]
        tests.append(lambda n: within(date_of[n], filters.since, filters.until))
    if not tests:
        return None
    if len(tests) == 1:
        return tests[0]
    return lambda n: all(test(n) for test in tests)


def _role_test_needed(roles: tuple[str, ...]) -> bool:
    """Whether the fields searched (`where`) leave paragraphs of other roles to test."""
    return bool(roles) and roles != ("prose",) and set(roles) != set(ROLES) - {"prose"}


def where(roles: tuple[str, ...]) -> str:
    """The fields a search of these roles looks in: the prose's, the others', or all."""
    if roles == ("prose",):
        return "prose"
    return "aside" if roles and "prose" not in roles else "all"


def _in_roles(searcher, roles: set[str]) -> Callable[[int], bool]:
    """Whether a paragraph has one of the roles, from the set of paragraphs of the other
    roles when the roles asked for include prose, else from theirs."""
    if "prose" in roles:
        others = [wq.Term("role", r) for r in ROLES if r not in roles]
        apart = set(searcher.docs_for_query(wq.Or(others))) if others else set()
        return lambda n: n not in apart
    within = set(searcher.docs_for_query(wq.Or([wq.Term("role", r) for r in roles])))
    return lambda n: n in within


def search(
    index: Index | Path,
    qstring: str,
    filters: Filters,
    limit: int,
    per_doc: int | None,
    matching: Matching | None = None,
) -> Found:
    """The matching documents and paragraphs counted, and the best `per_doc` paragraphs
    (None: all) of the best `limit` documents, in a kept index or the index in a folder."""
    with using(index) as opened:
        if opened.searcher is None:
            # An index of an empty corpus has no segments, so no columns to read.
            return Found(0, 0, ())
        return _search(opened, qstring, filters, limit, per_doc, matching or Matching())


def _search(opened, qstring, filters, limit, per_doc, matching):
    q = on_fields(parse(opened.schema, qstring, exact=matching.exact), where(filters.roles))
    searcher, columns, fast = opened.searcher, opened.columns, opened.fast()
    q, cut = bounded(q, searcher.reader())
    test = allowed(columns, filters)
    leaves = [q] if matching.same_paragraph else positive(q)
    shown = wq.Or(leaves) if leaves else wq.Every()
    doc_at: dict[int, str] = {}
    if matching.same_paragraph or _plain(q):
        found = scored(searcher, shown, test, fast, ordered=False)
        numbers = [n for _, n in found]
        doc_at.update(zip(numbers, columns["doc"].many(numbers), strict=True))
        documents, paragraphs = set(doc_at.values()), len(found)
    else:
        anywhere = allowed(columns, replace(filters, roles=()))
        matcher = Documents(searcher, columns["doc"], test, anywhere, doc_at, fast)
        matcher.widen = lambda sub: on_fields(sub, "all")
        documents = matcher.matching(q)
        inside = matcher.shown(documents)
        paragraphs = len(inside)
        if not limit or not inside:
            return Found(len(documents), paragraphs, (), cut)
        top = _top(opened, fast, q, shown, inside, doc_at, limit, matching.sort)
        wanted = {n for n in inside if doc_at[n] in top}
        found = _carrying(searcher, q, scored_only(searcher, shown, wanted, fast), doc_at, fast)
    chosen = _choose(found, doc_at, columns, limit, per_doc, matching.sort)
    light = Highlighter(searcher.reader(), leaves, fast)
    hits = [_hit(searcher.stored_fields(n), score, light) for score, n in chosen]
    return Found(len(documents), paragraphs, tuple(hits), cut)


def _plain(q) -> bool:
    """Whether a query is one leaf, or an OR of leaves, whose documents are those of its
    paragraphs: one pass over the matches then serves both."""
    if isinstance(q, wq.Or):
        return all(_plain(sub) for sub in q.subqueries)
    return not isinstance(q, wq.CompoundQuery | wq.Not)


def _top(opened, fast, q, shown, inside, doc_at, limit, sort) -> set[str]:
    """The first `limit` documents of a query over documents: those where every wanted
    word meets in one paragraph first, by that paragraph's score (one pass over the
    paragraphs that hold them all), then the others by their best paragraph; or by date.
    Scoring every matching paragraph of every document would cost twice a query of the
    paragraphs alone."""
    searcher = opened.searcher
    if sort in _BY_DATE:
        date_of, first = opened.columns["date"], {}
        for n in inside:
            first.setdefault(doc_at[n], n)
        return set(_by_date(sorted(first), lambda doc: date_of[first[doc]], sort)[:limit])
    met = _best(scored(searcher, together(q), inside.__contains__, fast), doc_at)
    ranked = sorted(met, key=lambda doc: (-met[doc], doc))
    if len(ranked) < limit:
        rest = {n for n in inside if doc_at[n] not in met}
        others = _best(scored_only(searcher, shown, rest, fast), doc_at)
        ranked += sorted(others, key=lambda doc: (-others[doc], doc))
    return set(ranked[:limit])


def _carrying(searcher, q, found, doc_at, fast) -> list[tuple[float, int]]:
    """The paragraphs of `found` to show: in a document where some paragraph holds every
    wanted word, only those; elsewhere all (best first, the rarer words weigh more)."""
    wanted = {n for _, n in found}
    whole = {n for _, n in scored(searcher, together(q), wanted.__contains__, fast, False)}
    held = {doc_at[n] for n in whole}
    return [(score, n) for score, n in found if n in whole or doc_at[n] not in held]


def _by_date(docs: list[str], date_of, sort: str) -> list[str]:
    """Documents by date, oldest first ("date") or newest first ("newest"), undated last;
    documents of one date keep their order."""
    dated = sorted((d for d in docs if date_of(d)), key=date_of, reverse=sort == "newest")
    return dated + [d for d in docs if not date_of(d)]


def _best(found, doc_at) -> dict[str, float]:
    """Each document's best score among paragraphs given best first."""
    best: dict[str, float] = {}
    for score, n in found:
        best.setdefault(doc_at[n], score)
    return best


def _choose(found, doc_at, columns, limit, per_doc, sort) -> list[tuple[float, int]]:
    """The paragraphs to show: the best of each of the first `limit` documents, documents
    ranked by their best paragraph (or by date, oldest first, undated last). `found` in any
    order: only the chosen documents' paragraphs are sorted."""
    best: dict[str, tuple[float, int]] = {}
    for score, n in found:
        doc = doc_at[n]
        held = best.get(doc)
        if held is None or score > held[0] or (score == held[0] and n < held[1]):
            best[doc] = (score, n)
    order = lambda doc: (-best[doc][0], doc)  # noqa: E731
    if sort in _BY_DATE:
        date_of, ranked = columns["date"], sorted(best, key=order)
        ranked = _by_date(ranked, lambda doc: date_of[best[doc][1]], sort)[:limit]
    else:
        ranked = heapq.nsmallest(limit, best, key=order)
    by_doc: dict[str, list[tuple[float, int]]] = {doc: [] for doc in ranked}
    for score, n in found:
        shown = by_doc.get(doc_at[n])
        if shown is not None:
            shown.append((score, n))
    return [p for doc in ranked for p in best_first(by_doc[doc])[:per_doc]]


def _hit(fields: dict, score: float, light: Highlighter) -> ParagraphHit:
    text = fields["text"]
    return ParagraphHit(
        doc=fields["doc"],
        paragraph=fields["para"],
        score=round(score, 4),
        title=fields["heading"],
        date=fields["date"] or None,
        kind=fields["kind"],
        text=text,
        highlights=light.spans(text),
        role=fields.get("role", "prose"),
    )


def texts(index: Index | Path, doc_id: str, numbers: set[int]) -> dict[int, str]:
    """The stored text of some paragraphs of one document, by number."""
    with using(index) as opened:
        if opened.searcher is None:
            return {}
        return {
            fields["para"]: fields["text"]
            for fields in opened.searcher.documents(doc=doc_id)
            if fields["para"] in numbers
        }
