"""Where a phrase's words stand in order in one segment, and each word's weight there.

A phrase is matched by the lists it is made of (`units`): each of its words, or, in a field
with pairs (`schema.PAIRS`), each common word but the last by its pair with the word after
it, and every other word by itself. Every position of a list becomes one number,
(paragraph << SHIFT) + position − the list's offset in the phrase, so that the paragraphs
where the phrase starts somewhere are the intersection of those sets, made in C. The
rarest list is read first; of each other, only the blocks that can hold a paragraph left.
"""

from itertools import chain, pairwise, repeat
from operator import add, lshift, rshift, sub
from typing import NamedTuple

from uyghur_docs.engine import internals
from uyghur_docs.engine.schema import COMMON, PAIRS

# Above every position (4-byte numbers): a start before a paragraph's first word (position
# − offset < 0) stays apart from the paragraph before.
SHIFT = 40


class Unit(NamedTuple):
    """A list a phrase is matched by: a term of a field, and where it stands in the phrase."""

    fieldname: str
    term: bytes
    offset: int


def units(fieldname: str, terms: list[bytes]) -> list[Unit]:
    """The lists that together hold the phrase: its words, or in a field with pairs, each
    common word but the last with the word after it, and the others by themselves."""
    pairs = PAIRS.get(fieldname)
    if pairs is None:
        return [Unit(fieldname, term, k) for k, term in enumerate(terms)]
    paired = [
        Unit(pairs, a + b" " + b, k) for k, (a, b) in enumerate(pairwise(terms)) if a in COMMON
    ]
    covered = {unit.offset for unit in paired}
    words = [Unit(fieldname, term, k) for k, term in enumerate(terms) if k not in covered]
    return words + paired


class Phrase:
    """A phrase's run over one segment (its reader and deleted records): `matched`, the
    paragraphs (segment-local) where it stands, and `weights`, each word's weight in them."""

    def __init__(self, reader, deleted: set[int], fieldname: str, terms: list[bytes]):
        self.reader, self.deleted = reader, deleted
        self.fieldname, self.terms = fieldname, terms
        self.read: dict[Unit, internals.Postings] = {}
        self.matched: set[int] = set()

    def match(self) -> set[int]:
        found = paragraphs = None
        for unit in sorted(units(self.fieldname, self.terms), key=self._frequency):
            within = None if paragraphs is None else sorted(paragraphs)
            postings = internals.postings(self.reader, unit.fieldname, unit.term, within)
            if postings is None:
                return set()
            self.read[unit] = postings
            starts = _starts(postings, unit.offset)
            found = set(starts) if found is None else found.intersection(starts)
            paragraphs = set(map(rshift, found, repeat(SHIFT)))
            if not paragraphs:
                return set()
        self.matched = paragraphs - self.deleted
        return self.matched

    def _frequency(self, unit: Unit) -> int:
        return self.reader.doc_frequency(unit.fieldname, unit.term)

    def weights(self) -> list[dict[int, float]]:
        """Each word's weight (its number of occurrences) in each matched paragraph."""
        return [self._weights(k) for k in range(len(self.terms))]

    def _weights(self, k: int) -> dict[int, float]:
        term = self.terms[k]
        own = self.read.get(Unit(self.fieldname, term, k))
        if own is None:
            own = self.read[Unit(PAIRS[self.fieldname], term + b" " + self.terms[k + 1], k)]
        held = dict(zip(own.ids, own.weights, strict=True))
        return {n: held[n] for n in self.matched}


def _starts(postings: internals.Postings, offset: int):
    """(paragraph << SHIFT) + position − offset, for every position of the postings (an
    iterator: intersecting a set with one makes no set of it)."""
    ids = postings.ids
    if postings.counts is not None:
        ids = chain.from_iterable(map(repeat, ids, postings.counts))
    keys = map(add, map(lshift, ids, repeat(SHIFT)), postings.positions)
    return map(sub, keys, repeat(offset)) if offset else keys
