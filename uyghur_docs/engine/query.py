"""Querying: whoosh's query language over the paragraphs, the best paragraphs of the best
documents, and the spans of the words that matched."""

import unicodedata
from collections.abc import Callable
from pathlib import Path

from whoosh.collectors import TopCollector
from whoosh.qparser import AndGroup, FuzzyTermPlugin, QueryParser

from uyghur_docs.engine.files import open_index
from uyghur_docs.engine.schema import DAMAGE, analyzer
from uyghur_docs.errors import IndexDamaged
from uyghur_docs.models import Filters, ParagraphHit

_CURLY_DOUBLE = str.maketrans({c: '"' for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"})


def normalise(qstring: str) -> str:
    """Curly double quotes and guillemets made phrase quotes; accents dropped."""
    qstring = unicodedata.normalize("NFKD", qstring.translate(_CURLY_DOUBLE))
    return "".join(c for c in qstring if not unicodedata.combining(c)).strip()


def parse(ix, qstring: str):
    parser = QueryParser("body", ix.schema, group=AndGroup)
    parser.add_plugin(FuzzyTermPlugin())
    return parser.parse(normalise(qstring))


def allowed(reader, filters: Filters) -> Callable[[int], bool] | None:
    """A test of each matching paragraph against the filters, read from per-paragraph
    columns: it costs one look-up per match, where a filter query would enumerate every
    paragraph in the date range first."""
    tests = []
    docs = {filters.doc} if filters.doc else None
    if filters.among is not None:
        docs = set(filters.among) if docs is None else docs & set(filters.among)
    if docs is not None:
        doc_of = reader.column_reader("doc")
        tests.append(lambda n: doc_of[n] in docs)
    if filters.kinds:
        kind_of, kinds = reader.column_reader("kind"), set(filters.kinds)
        tests.append(lambda n: kind_of[n] in kinds)
    if filters.since or filters.until:
        date_of = reader.column_reader("date")
        tests.append(lambda n: _within(date_of[n], filters.since, filters.until))
    if not tests:
        return None
    return lambda n: all(test(n) for test in tests)


def _within(date: str, since: str | None, until: str | None) -> bool:
    """Whether an ISO date (or month, or year) falls in a range of ISO prefixes; a date of
    month precision ("2022-09") sorts before every day of its month, so it counts too."""
    if since and date < since and date != since[:7]:
        return False
    return not until or "0" <= date <= until + "\uffff"


def search(
    index_dir: Path, qstring: str, filters: Filters, limit: int, per_doc: int
) -> tuple[int, list[ParagraphHit]]:
    """The number of matching documents, and the best paragraphs of the best `limit` of them."""
    try:
        return _search(index_dir, qstring, filters, limit, per_doc)
    except DAMAGE as exc:
        raise IndexDamaged(index_dir, repr(exc)) from exc


def _search(index_dir, qstring, filters, limit, per_doc):
    ix = open_index(index_dir)
    q = parse(ix, qstring)
    with ix.searcher() as searcher:
        doc_of = searcher.reader().column_reader("doc")
        test = allowed(searcher.reader(), filters)
        total, chosen = _best_paragraphs(searcher, q, test, doc_of, limit, per_doc)
        matched = q.existing_terms(searcher.reader(), expand=True)
        terms = {t.decode() for field, t in matched if field == "body"}
        hits = [
            _hit(searcher.stored_fields(n), score, terms)
            for paragraphs in chosen.values()
            for score, n in paragraphs
        ]
    return total, hits


class CountingTop(TopCollector):
    """Keeps the top paragraphs that pass the filters and, in the same pass, counts them
    and the documents they are in (when told which document each paragraph belongs to)."""

    def __init__(self, limit, doc_of, test):
        # Skipping low-scoring blocks, or replacing the matcher with one that drops what
        # cannot reach the top (a whole small segment, say), would leave matches uncounted.
        super().__init__(limit=limit, usequality=False, replace=0)
        self.doc_of, self.test = doc_of, test
        self.documents, self.paragraphs = set(), 0

    def collect(self, sub_docnum):
        if self.test is None or self.test(self.offset + sub_docnum):
            return super().collect(sub_docnum)
        return None

    def _collect(self, global_docnum, score):
        self.paragraphs += 1
        if self.doc_of is not None:
            self.documents.add(self.doc_of[global_docnum])
        return super()._collect(global_docnum, score)


def _best_paragraphs(searcher, q, test, doc_of, limit, per_doc):
    """The number of matching documents, and the best `per_doc` paragraphs of each of the
    best `limit` of them, by score.

    One pass scores every match, counts documents and keeps the top paragraphs; a second
    pass sorts all of them only when those top paragraphs come from too few documents.
    Stored text is read for the chosen paragraphs alone.
    """
    wanted = limit * per_doc * 4
    collector = CountingTop(wanted, doc_of, test)
    searcher.search_with_collector(q, collector)
    total = len(collector.documents)
    top = collector.results().top_n
    if total > limit and len({doc_of[n] for _, n in top}) < limit:
        everything = CountingTop(collector.paragraphs, None, test)
        searcher.search_with_collector(q, everything)
        top = everything.results().top_n
    chosen: dict[str, list[tuple[float, int]]] = {}
    for score, n in top:
        doc = doc_of[n]
        if doc in chosen:
            if len(chosen[doc]) < per_doc:
                chosen[doc].append((score, n))
        elif len(chosen) < limit:
            chosen[doc] = [(score, n)]
    return total, chosen


def _hit(fields: dict, score: float, terms: set[str]) -> ParagraphHit:
    text = fields["body"]
    return ParagraphHit(
        doc=fields["doc"],
        paragraph=fields["para"],
        score=round(score, 4),
        title=fields["heading"],
        date=fields["date"] or None,
        kind=fields["kind"],
        text=text,
        highlights=highlight_spans(text, terms),
    )


def highlight_spans(text: str, terms: set[str]) -> tuple[tuple[int, int], ...]:
    """Character spans of the words in text whose analyzed form is one of terms."""
    return tuple(
        (t.startchar, t.endchar)
        for t in analyzer()(text, chars=True, mode="index")
        if t.text in terms
    )
