"""What the engine indexes: one record per paragraph, and the analyzers of its words.

The analyzers keep every word (no stop list: "may" and "can" must differ in a phrase) and
normalise them as `engine.words` does; `body` and `title` are stemmed lightly
(`engine.stemming`), `exact` holds the words as written for wildcards, fuzzy terms and
`=word`. A paragraph that is not prose (`role`: a signature list, contact lines) has its
words in `aside` and `aside_exact` instead, so that a search of the prose passes it by at
no cost. `text` stores every paragraph as written. The title is indexed once per document,
on its ¶1 record.

`body_pairs` holds, for the phrases of the prose, each common word with the body term after
it ("of liberty"), at the common word's position (CommonGrams, one side): a phrase holding
"of" reads that short list rather than the postings of "of", which is in half of all
paragraphs. A pair's weight is what scoring the phrase needs of the common word: its number
of occurrences in the paragraph.
"""

import pickle
import struct
import zlib
from functools import cache
from itertools import pairwise

from whoosh import index as whoosh_index
from whoosh.columns import NumericColumn
from whoosh.fields import ID, STORED, TEXT, Schema

from uyghur_docs.engine.codec import BlockPositions
from uyghur_docs.engine.stemming import LightStem
from uyghur_docs.engine.words import Words, split

INDEX_NAME = "paragraphs"
# The fields that hold the words of a paragraph that is not prose: stemmed, as written.
ASIDE = ("aside", "aside_exact")
# Distinct words seen by an indexing process, with the terms each analyzes to; a corpus of
# 100k documents has a few hundred thousand.
_TERMS_CACHED = 1_000_000
_TERMS: dict[bool, dict[str, tuple[bytes, ...]]] = {True: {}, False: {}}
_ONCE: dict[int, bytes] = {}
# The words of the text indexed last: a record's stemmed and exact fields index the same
# text, one after the other.
_LAST_SPLIT: list = [None, []]
# The terms of the stemmed text indexed last, in order: its pairs are made of them.
_LAST_TERMS: list = [None, []]
# The six most frequent words of English prose, each in a third to a half of paragraphs:
# the pairs they make with their neighbours are indexed.
_COMMON_WORDS = "the of and to in a"
COMMON = frozenset(word.encode() for word in _COMMON_WORDS.split(" "))
# The positional fields whose phrases read pairs, and the fields that hold them.
PAIRS = {"body": "body_pairs"}

# What truncated or corrupt whoosh files raise when read (a truncated hash table's offsets
# can point before the file's start: OSError EINVAL on the seek).
DAMAGE = (
    OSError,
    EOFError,
    ValueError,
    KeyError,
    struct.error,
    zlib.error,
    pickle.UnpicklingError,
    whoosh_index.IndexError,
)


@cache
def analyzer():
    """The words of body and title, stemmed: what plain words match."""
    return Words() | LightStem()


@cache
def exact_analyzer():
    """The words as written (folded, not stemmed): what wildcards, fuzzy terms and `=word`
    match."""
    return Words()


class Text(TEXT):
    """A text field that indexes the terms and positions its analyzer gives, but runs the
    analyzer once per distinct word rather than once per token through whoosh's chain of
    generators: most of the time of an index build went there. A word gives one term, or
    several at consecutive positions (the character pairs of a CJK run)."""

    def __init__(self, analyzer, stemmed: bool, **kwargs):
        super().__init__(analyzer=analyzer, multitoken_query="phrase", **kwargs)
        self.format = BlockPositions(field_boost=self.format.field_boost)
        self.stemmed = stemmed

    def index(self, value, **kwargs):
        positions: dict[bytes, list[int]] = {}
        for position, term in enumerate(self.terms(value)):
            at = positions.get(term)
            if at is None:
                positions[term] = [position]
            else:
                at.append(position)
        return self._items(positions)

    def terms(self, value: str) -> list[bytes]:
        """The text's terms, one per position."""
        if self.stemmed and value is _LAST_TERMS[0]:
            return _LAST_TERMS[1]
        terms, found = _TERMS[self.stemmed], []
        for word in _split_once(value):
            some = terms.get(word)
            if some is None:
                if len(terms) >= _TERMS_CACHED:
                    terms.clear()
                tokens = self.analyzer(word, mode="index")
                some = terms[word] = tuple(t.text.encode() for t in tokens)
            found.extend(some)
        if self.stemmed:
            _LAST_TERMS[:] = [value, found]
        return found

    def _items(self, positions: dict[bytes, list[int]]) -> list[tuple]:
        encode, items = self.format.encode, []
        for term, found in positions.items():
            if len(found) > 1:
                items.append((term, len(found), float(len(found)), encode(found)))
                continue
            # Most words occur once in a paragraph: one encoding per position will do.
            value = _ONCE.get(found[0])
            if value is None:
                value = _ONCE[found[0]] = encode(found)
            items.append((term, 1, 1.0, value))
        return items


class Pairs(Text):
    """Each common body term with the term after it, a term "a b" at the first one's
    position, weighted by the common term's number of occurrences; not scored, no field
    length."""

    def __init__(self):
        super().__init__(analyzer(), stemmed=True)
        self.scorable = False

    def index(self, value, **kwargs):
        terms = self.terms(value)
        positions: dict[bytes, list[int]] = {}
        for position, (a, b) in enumerate(pairwise(terms)):
            if a in COMMON:
                positions.setdefault(a + b" " + b, []).append(position)
        if not positions:
            return []
        counts = {term: terms.count(term) for term in COMMON.intersection(terms)}
        encode = self.format.encode
        return [
            (pair, len(found), float(counts[pair.split(b" ", 1)[0]]), encode(found))
            for pair, found in positions.items()
        ]


def _split_once(value: str) -> list[str]:
    if value is not _LAST_SPLIT[0]:
        _LAST_SPLIT[:] = [value, split(value)]
    return _LAST_SPLIT[1]


class Number(STORED):
    """A stored number also kept in a column of 4-byte numbers, which a segment reads in
    one piece (`engine.internals.paragraph_numbers`): a paragraph's number says where in
    the segment its document starts."""

    column_type = NumericColumn("I")

    def to_column_value(self, value: int) -> int:
        return value

    def from_column_value(self, value: int) -> int:
        return value


def schema() -> Schema:
    return Schema(
        doc=ID(stored=True, sortable=True),
        para=Number(),
        title=Text(analyzer(), stemmed=True),
        heading=STORED(),
        text=STORED(),
        body=Text(analyzer(), stemmed=True),
        exact=Text(exact_analyzer(), stemmed=False),
        aside=Text(analyzer(), stemmed=True),
        aside_exact=Text(exact_analyzer(), stemmed=False),
        body_pairs=Pairs(),
        role=ID(stored=True, sortable=True),
        date=ID(stored=True, sortable=True),
        kind=ID(stored=True, sortable=True),
    )


def layout(of: Schema) -> list[tuple]:
    """What a schema indexes, stores and keeps in columns, and how its postings are encoded
    (whoosh's own equality compares column objects by identity, so no two loaded schemas
    are equal)."""
    return [
        (
            name,
            type(field).__name__,
            field.stored,
            field.column_type is not None,
            _kind(field),
            _stems(field),
        )
        for name, field in of.items()
    ]


def _stems(field) -> list:
    """The stemming filters of a field's analyzer, which compare by the spellings they fold."""
    return [f for f in getattr(field.analyzer, "items", ()) if isinstance(f, LightStem)]


def _kind(field) -> str:
    kind = type(field.format)
    return f"{kind.__module__}.{kind.__qualname__}"
