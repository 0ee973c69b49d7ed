"""Which documents a query matches: boolean logic over documents, not paragraphs.

A researcher asking for "Bachelet Karakax" means the statements that mention both, in any
paragraphs; `NOT`/`-` excludes a document that mentions the word anywhere (in a signature
too). Each leaf of the
query (a word, a phrase, a wildcard, a field term) is matched against paragraphs, and the
documents those paragraphs are in are combined by the query's AND, OR and NOT. A phrase
stays within a paragraph. With `same_paragraph`, the whole query is matched per paragraph
(whoosh's own semantics).
"""

from bisect import bisect_left
from collections.abc import Callable

from whoosh import query as wq
from whoosh.collectors import UnlimitedCollector

Test = Callable[[int], bool] | None


class Documents:
    """The documents of the paragraphs that match queries, within the filters (`test`);
    what a document must not contain is looked for in all of its paragraphs (`anywhere`).
    Each paragraph's document is looked up once, and the paragraphs that matched within
    the filters are kept (`passed`): they are the ones to score and show."""

    def __init__(self, searcher, doc_of, test: Test, anywhere: Test = None, doc_at=None, fast=None):
        self.searcher, self.doc_of, self.test, self.anywhere = searcher, doc_of, test, anywhere
        self.fast = fast
        self.doc_at: dict[int, str] = {} if doc_at is None else doc_at
        self.passed: set[int] = set()
        self._everything: set[str] | None = None
        # What a query excluded is looked for in (the fields of every paragraph).
        self.widen: Callable[[wq.Query], wq.Query] = lambda q: q

    def of(self, q: wq.Query, keep: bool = True) -> set[str]:
        """The documents with a paragraph that matches q; `keep`: as paragraphs to show."""
        test, doc_at = self.test, self.doc_at
        numbers = _numbers(self.searcher, q, self.fast)
        numbers = [n for n in numbers if test(n)] if test else list(numbers)
        new = [n for n in numbers if n not in doc_at]
        doc_at.update(zip(new, self.doc_of.many(new), strict=True))
        if keep:
            self.passed.update(numbers)
        return {doc_at[n] for n in numbers}

    def shown(self, documents: set[str]) -> set[int]:
        """The paragraphs that matched within the filters, of the given documents; for a
        query that only excludes, every paragraph of them."""
        doc_at, test = self.doc_at, self.test
        if not self.passed:
            return {n for n, d in doc_at.items() if d in documents and (test is None or test(n))}
        return {n for n in self.passed if doc_at[n] in documents}

    def everything(self) -> set[str]:
        if self._everything is None:
            self._everything = self.of(wq.Every(), keep=False)
        return self._everything

    def matching(self, q: wq.Query) -> set[str]:
        """The documents the query matches, its AND, OR and NOT taken over documents."""
        if isinstance(q, wq.Not):
            return self.everything() - self._excluded(q.query)
        if isinstance(q, wq.AndNot):
            return self.matching(q.a) - self._excluded(q.b)
        if isinstance(q, wq.AndMaybe | wq.Require):
            return self.matching(q.a)
        if isinstance(q, wq.And):
            found = None
            for sub in sorted(q.subqueries, key=lambda s: isinstance(s, wq.Not)):
                found = self.matching(sub) if found is None else found & self.matching(sub)
                if not found:
                    break
            return found or set()
        if isinstance(q, wq.Or | wq.DisjunctionMax):
            return set().union(*(self.matching(sub) for sub in q.subqueries))
        return self.of(q)

    def _excluded(self, q: wq.Query) -> set[str]:
        anywhere = self.anywhere
        apart = Documents(self.searcher, self.doc_of, anywhere, anywhere, self.doc_at, self.fast)
        apart.widen = self.widen
        return apart.matching(self.widen(q))


def positive(q: wq.Query) -> list[wq.Query]:
    """The leaves a matching document must or may contain (not those it must not): the
    paragraphs shown are the ones that carry them."""
    if isinstance(q, wq.Not):
        return []
    if isinstance(q, wq.AndNot | wq.AndMaybe | wq.Require):
        return positive(q.a) + (positive(q.b) if isinstance(q, wq.AndMaybe) else [])
    if isinstance(q, wq.CompoundQuery):
        return [leaf for sub in q.subqueries for leaf in positive(sub)]
    return [] if q is wq.NullQuery else [q]


def together(q: wq.Query) -> wq.Query:
    """The query without what it excludes: what a paragraph that holds every wanted word
    matches by itself."""
    if isinstance(q, wq.Not):
        return wq.NullQuery
    if isinstance(q, wq.AndNot | wq.AndMaybe | wq.Require):
        return together(q.a)
    if isinstance(q, wq.And | wq.Or):
        subs = [sub for sub in map(together, q.subqueries) if sub is not wq.NullQuery]
        return type(q)(subs) if subs else wq.NullQuery
    return q


class Every(UnlimitedCollector):
    """Every matching paragraph that passes a test, with its score."""

    def __init__(self, test: Test):
        super().__init__()
        self.test = test

    def collect(self, sub_docnum):
        if self.test is None or self.test(self.offset + sub_docnum):
            return super().collect(sub_docnum)
        return None


class Only(UnlimitedCollector):
    """Some paragraphs q matches, with their scores: the matcher skips from one to the
    next rather than stepping through every match."""

    def __init__(self, wanted: set[int]):
        super().__init__()
        self.wanted = sorted(wanted)

    def collect_matches(self):
        matcher, offset = self.matcher, self.offset
        start = bisect_left(self.wanted, offset)
        end = bisect_left(self.wanted, offset + self.subsearcher.doc_count_all())
        for n in self.wanted[start:end]:
            local = n - offset
            if matcher.is_active() and matcher.id() < local:
                matcher.skip_to(local)
            if not matcher.is_active():
                break
            if matcher.id() == local:
                self.collect(local)


def _numbers(searcher, q: wq.Query, fast):
    """The paragraphs q matches, by the fast path where it can."""
    if fast is not None and fast.handles(q):
        return fast.scores(q)
    return searcher.docs_for_query(q)


def best_first(found: list[tuple[float, int]]) -> list[tuple[float, int]]:
    """Paragraphs by score, best first, then by number (as whoosh's collector sorts them)."""
    found.sort(key=lambda item: (0 - item[0], item[1]))
    return found


def scored(
    searcher, q: wq.Query, test: Test, fast=None, ordered: bool = True
) -> list[tuple[float, int]]:
    """(score, paragraph number in the index) of every paragraph q matches that passes
    the test, best first (`ordered`; else in any order)."""
    if fast is not None and fast.handles(q):
        found = fast.scores(q).items()
        found = [(s, n) for n, s in found if test is None or test(n)]
        return best_first(found) if ordered else found
    collector = Every(test)
    searcher.search_with_collector(q, collector)
    return collector.results().top_n


def scored_only(searcher, q: wq.Query, wanted: set[int], fast=None) -> list[tuple[float, int]]:
    """(score, paragraph number in the index) of the wanted paragraphs, which q matches,
    best first."""
    if fast is not None and fast.handles(q):
        found = fast.scores(q)
        return best_first([(found[n], n) for n in wanted if n in found])
    collector = Only(wanted)
    searcher.search_with_collector(q, collector)
    return collector.results().top_n
