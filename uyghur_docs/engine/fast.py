"""Terms, phrases, fuzzy terms and AND and OR of them, executed over whole posting lists.

whoosh walks a query with one matcher object per term, one posting at a time: most of a
query's time. Here each term's postings in a segment are read in one piece
(`engine.internals`), phrases and ANDs are set operations on paragraph numbers (and, for a
phrase, on position − offset), and every posting is scored with the constants of whoosh's
own BM25F scorer. The sums are made in the order whoosh's matcher tree makes them (binary
for a phrase's words, weighted by estimated size for AND and OR, in turn for a small
segment's OR of more than two), so the scores are whoosh's to the last bit. A fuzzy term
(`word~`, one edit) is the OR of the segment's words within one edit, found in its word
list read once. Any other query (wildcards, NOT, ranges, boosts, fuzzy terms of two edits)
is not `handled` and goes to whoosh.
"""

from bisect import bisect_right

from whoosh import query as wq

from uyghur_docs.engine import internals
from uyghur_docs.engine.nearby import Words
from uyghur_docs.engine.phrase import Phrase

# An OR over this many documents or fewer, of more than two queries, is summed in turn
# (whoosh preloads it into an array); over more, by a tree of pairs.
_PRELOAD_UNDER = 5000

Scores = dict[int, float]


def handled(q, schema) -> bool:
    """Whether the fast path gives exactly what whoosh would for this query."""
    if getattr(q, "boost", 1.0) != 1.0:
        return False
    kind = type(q)
    if kind is wq.Term:
        return _scorable(schema, q.fieldname)
    if kind is wq.Phrase:
        return q.slop == 1 and _scorable(schema, q.fieldname) and bool(q.words)
    if kind is wq.FuzzyTerm:
        return q.maxdist == 1 and not q.constantscore and _scorable(schema, q.fieldname)
    if kind is wq.And or (kind is wq.Or and q.scale is None and not q.minmatch):
        return bool(q.subqueries) and all(handled(sub, schema) for sub in q.subqueries)
    return False


def _scorable(schema, fieldname: str) -> bool:
    field = schema[fieldname] if fieldname in schema.names() else None
    return field is not None and field.scorable and field.format.supports("positions")


class Segment:
    """What queries read of one segment more than once: its deleted records, the field
    lengths and the words of a field, each read once."""

    def __init__(self, leaf, offset: int):
        self.searcher, self.offset = leaf, offset
        self.reader = leaf.reader()
        self.count = self.reader.doc_count_all()
        self.deleted = self.reader.deleted_docs_set
        self._lengths: dict[str, bytes] = {}
        self._words: dict[str, Words] = {}

    def lengths(self, fieldname: str) -> bytes:
        found = self._lengths.get(fieldname)
        if found is None:
            found = self._lengths[fieldname] = internals.lengths(self.reader, fieldname)
        return found

    def words(self, fieldname: str) -> Words:
        found = self._words.get(fieldname)
        if found is None:
            found = self._words[fieldname] = Words(self.reader, fieldname)
        return found


def segments_of(searcher) -> list[Segment]:
    return [Segment(leaf, offset) for leaf, offset in searcher.leaf_searchers()]


class Fast:
    """The fast path of one search: `scores(q)`, {paragraph: score} of every paragraph q
    matches, as whoosh scores them. A search asks for the same words more than once (which
    documents have them, then the scores of some paragraphs): each term and phrase is read
    once per search."""

    def __init__(self, searcher, segments: list[Segment]):
        self.searcher, self.segments = searcher, segments
        self.schema = searcher.schema
        self._leaves: dict[tuple, Scores] = {}

    def handles(self, q) -> bool:
        return handled(q, self.schema)

    def expanded(self, q) -> set[str] | None:
        """The words a fuzzy term's highlights mark, as whoosh's `existing_terms` finds
        them: in the one segment's words, or (several segments) in all their words by
        Damerau distance; None for any other query."""
        if type(q) is not wq.FuzzyTerm or not self.handles(q):
            return None
        swaps = not self.searcher.reader().is_atomic()
        found = set()
        for segment in self.segments:
            found.update(segment.words(q.fieldname).within_one(q.text, q.prefixlength, swaps))
        return found

    def scores(self, q) -> Scores:
        """Each segment's scores, by paragraph number in the index."""
        found: Scores = {}
        for segment in self.segments:
            found.update(_Query(self.searcher, segment, self._leaves).scores(q))
        return found


class _Query:
    """One query's run over one segment, its paragraphs numbered as in the whole index;
    `leaves`: the scores of the terms and phrases read so far in this search."""

    def __init__(self, searcher, segment: Segment, leaves: dict[tuple, Scores]):
        self.searcher, self.segment, self.leaves = searcher, segment, leaves

    def scores(self, q) -> Scores:
        kind = type(q)
        if kind is wq.Term or kind is wq.Phrase:
            # By the segment itself: an empty segment starts where the next one does.
            key = (self.segment, q.fieldname, q.text if kind is wq.Term else tuple(q.words))
            found = self.leaves.get(key)
            if found is None:
                found = self._term(q.fieldname, q.text) if kind is wq.Term else self._phrase(q)
                self.leaves[key] = found
            return found
        if kind is wq.FuzzyTerm:
            return self._fuzzy(q)
        return self._compound(kind, q.subqueries)

    def _compound(self, kind, queries) -> Scores:
        subs = [self.scores(sub) for sub in queries]
        if len(subs) <= 1:
            return subs[0] if subs else {}
        sizes = [sub.estimate_size(self.segment.reader) for sub in queries]
        if kind is wq.And:
            return _intersection(subs, _weighted([-size for size in sizes]))
        small = self.segment.count <= _PRELOAD_UNDER or len(subs) >= wq.Or.TOO_MANY_CLAUSES
        if len(subs) > 2 and small:
            return _union_in_turn(subs)
        return _union(subs, _weighted(sizes))

    def _fuzzy(self, q) -> Scores:
        """A word and those within one edit of it in this segment, OR-ed as whoosh does."""
        words = self.segment.words(q.fieldname).within_one(q.text, q.prefixlength)
        return self._compound(wq.Or, [wq.Term(q.fieldname, word) for word in words])

    def _postings(self, fieldname: str, text: str):
        term = self.searcher.schema[fieldname].to_bytes(text)
        return term, internals.postings(self.segment.reader, fieldname, term)

    def _scorer(self, fieldname: str, term: bytes):
        """The score of a posting from its weight and its document's length byte."""
        idf, avgfl, b, k1 = internals.bm25_constants(
            self.searcher, self.segment.searcher, fieldname, term
        )
        lengths = internals.LENGTHS
        # Most words occur once in a paragraph: their scores depend on the length alone,
        # each worked out when first met (a rare word meets few of the 256 lengths).
        once = _Once(
            lambda length_byte: internals.bm25(idf, 1.0, lengths[length_byte], avgfl, b, k1)
        )

        def score(weight: float, length_byte: int) -> float:
            if weight == 1.0:
                return once[length_byte]
            return internals.bm25(idf, weight, lengths[length_byte], avgfl, b, k1)

        return once, score

    def _term(self, fieldname: str, text: str) -> Scores:
        term, postings = self._postings(fieldname, text)
        if postings is None:
            return {}
        once, score = self._scorer(fieldname, term)
        lengths, base = self.segment.lengths(fieldname), self.segment.offset
        found = {
            base + n: once[lengths[n]] if weight == 1.0 else score(weight, lengths[n])
            for n, weight in zip(postings.ids, postings.weights, strict=True)
        }
        for n in self.segment.deleted:
            found.pop(base + n, None)
        return found

    def _phrase(self, q) -> Scores:
        """Paragraphs where the words stand in order, next to each other; each scored as
        whoosh scores a phrase, by the sum of its words' term scores."""
        field = self.searcher.schema[q.fieldname]
        terms = [field.to_bytes(word) for word in q.words]
        phrase = Phrase(self.segment.reader, self.segment.deleted, q.fieldname, terms)
        matched = phrase.match()
        if not matched:
            return {}
        lengths, base = self.segment.lengths(q.fieldname), self.segment.offset
        parts = []
        for term, weights in zip(terms, phrase.weights(), strict=True):
            once, score = self._scorer(q.fieldname, term)
            parts.append(
                {
                    base + n: once[lengths[n]] if weight == 1.0 else score(weight, lengths[n])
                    for n, weight in weights.items()
                }
            )
        return _summed(_binary(len(parts)), parts)


class _Once(dict):
    """A term's score in a paragraph it occurs once in, by the paragraph's length byte."""

    def __init__(self, score):
        super().__init__()
        self.score = score

    def __missing__(self, length_byte: int) -> float:
        found = self[length_byte] = self.score(length_byte)
        return found


def _summed(tree, parts: list[Scores]) -> Scores:
    """The sums of parts over the same paragraphs, made in the tree's order."""
    if isinstance(tree, int):
        return parts[tree]
    a, b = _summed(tree[0], parts), _summed(tree[1], parts)
    return {n: a[n] + b[n] for n in a}


def _binary(count: int, start: int = 0):
    """whoosh's `make_binary_tree` of leaves start..start+count-1, as nested pairs."""
    if count == 1:
        return start
    half = count // 2
    return (_binary(half, start), _binary(count - half, start + half))


def _weighted(weights: list[int]):
    """whoosh's `make_weighted_tree`: the two lightest joined first, the pair placed after
    every entry of no greater weight (whoosh's matchers never sort before one another)."""
    entries = sorted(((w, i) for i, w in enumerate(weights)), key=lambda e: e[0])
    while len(entries) > 1:
        (wa, a), (wb, b) = entries.pop(0), entries.pop(0)
        weight = wa + wb
        at = bisect_right([w for w, _ in entries], weight)
        entries.insert(at, (weight, (a, b)))
    return entries[0][1]


def _total(tree, parts: list[float | None]) -> float | None:
    """A tree of unions' sum over the parts that matched (None: not matched)."""
    if isinstance(tree, int):
        return parts[tree]
    a, b = _total(tree[0], parts), _total(tree[1], parts)
    if a is None:
        return b
    return a if b is None else a + b


def _intersection(subs: list[Scores], tree) -> Scores:
    common = set(min(subs, key=len))
    for sub in subs:
        common.intersection_update(sub)
    if len(subs) == 2:
        a, b = subs
        return {n: a[n] + b[n] for n in common}
    return {n: _total(tree, [sub[n] for sub in subs]) for n in common}


def _union(subs: list[Scores], tree) -> Scores:
    """Each paragraph's sum over the subqueries it matched, in the tree's order; one that
    matched a single subquery has that score as it is. A paragraph's sum walks only the
    branches of the subqueries it matched: a wildcard's OR of hundreds of words would
    otherwise walk the whole tree for each paragraph."""
    found: Scores = {}
    matched: dict[int, list[tuple[tuple[int, ...], float]]] = {}
    paths = _paths(tree)
    for path, sub in zip(paths, subs, strict=True):
        for n, score in sub.items():
            held = matched.get(n)
            if held is None:
                matched[n] = [(path, score)]
                found[n] = score
            else:
                held.append((path, score))
    for n, held in matched.items():
        if len(held) > 1:
            found[n] = _sparse_total(held, 0)
    return found


def _paths(tree) -> list[tuple[int, ...]]:
    """Each leaf's way down the tree (0: first branch, 1: second), by leaf number."""
    ways: dict[int, tuple[int, ...]] = {}

    def walk(node, path: tuple[int, ...]) -> None:
        if isinstance(node, int):
            ways[node] = path
        else:
            walk(node[0], (*path, 0))
            walk(node[1], (*path, 1))

    walk(tree, ())
    return [ways[leaf] for leaf in range(len(ways))]


def _sparse_total(held: list[tuple[tuple[int, ...], float]], depth: int) -> float:
    """`_total` over the leaves that matched, given by their ways down the tree."""
    if len(held) == 1:
        return held[0][1]
    first = [leaf for leaf in held if leaf[0][depth] == 0]
    second = [leaf for leaf in held if leaf[0][depth] == 1]
    if not first:
        return _sparse_total(second, depth + 1)
    if not second:
        return _sparse_total(first, depth + 1)
    return _sparse_total(first, depth + 1) + _sparse_total(second, depth + 1)


def _union_in_turn(subs: list[Scores]) -> Scores:
    found: Scores = {}
    for sub in subs:
        for n, score in sub.items():
            found[n] = found.get(n, 0.0) + score
    return found
