"""The document id of every paragraph a query touches, without reading every id.

A query at document level asks, for each matching paragraph, which document it is in. A
document's records are consecutive and never straddle two segments (`engine.writer`), so
the document of paragraph n starts at n - para[n] + 1: the `para` column, read in one piece
per segment (`engine.internals.paragraph_numbers`), places every paragraph, and the id of
each document touched is read once, from its first record, in one read of the file. It is
kept with the opened index (`engine.kept`).
"""

from array import array
from bisect import bisect_right

from whoosh.reading import TermNotFound

from uyghur_docs.engine.internals import id_reader, paragraph_numbers


class DocIds:
    """`ids.many(numbers)`: the ids of the documents of paragraphs (a searcher's document
    numbers); `ids.paragraphs_of(docs)`: the paragraphs of documents."""

    def __init__(self, searcher):
        leaves = searcher.leaf_searchers()
        self._starts = [offset for _, offset in leaves]
        self._readers = [leaf.reader() for leaf, _ in leaves]
        self._id_readers: list = [None] * len(leaves)
        self._para: array | None = None
        # The id of each document read so far, by the number of its first paragraph.
        self._ids: dict[int, str] = {}
        # The paragraphs of the documents asked for last: a caller that keeps the index
        # asks for the same ones query after query (the letters an organisation signed).
        self._last: tuple[frozenset[str], set[int]] | None = None

    def many(self, numbers) -> list[str]:
        """The ids of many paragraphs' documents at once, each document's read once."""
        para = self._para if self._para is not None else self._read_para()
        firsts, ids = [n - para[n] + 1 for n in numbers], self._ids
        for first in set(firsts).difference(ids):
            ids[first] = self._read_id(first)
        return list(map(ids.__getitem__, firsts))

    def paragraphs_of(self, docs: frozenset[str]) -> set[int]:
        """The paragraphs of some documents, from the first and last posting of each one's
        id in each segment (its records are consecutive there); no id is read."""
        if self._last is not None and self._last[0] == docs:
            return self._last[1]
        numbers: set[int] = set()
        for reader, offset in zip(self._readers, self._starts, strict=True):
            for doc in docs:
                try:
                    info = reader.term_info("doc", doc)
                except TermNotFound:
                    continue
                numbers.update(range(offset + info.min_id(), offset + info.max_id() + 1))
        self._last = (docs, numbers)
        return numbers

    def _read_para(self) -> array:
        para = array("I")
        for reader in self._readers:
            para.extend(paragraph_numbers(reader))
        self._para = para
        return para

    def _read_id(self, first: int) -> str:
        number = bisect_right(self._starts, first) - 1
        read = self._id_readers[number]
        if read is None:
            read = self._id_readers[number] = id_reader(self._readers[number])
        return read(first - self._starts[number])
