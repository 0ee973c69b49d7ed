"""What the engine indexes: one record per paragraph, and the analyzer of its words.

The analyzer keeps every word (no stop list: "may" and "can" must differ in a phrase) and
folds case and accents before stemming. The title is indexed once per document, on its ¶1
record.
"""

import pickle
import re
import struct
import zlib
from collections import defaultdict
from functools import cache

from whoosh import index as whoosh_index
from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter
from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.support.charset import accent_map

INDEX_NAME = "paragraphs"
WORD = r"\w+(?:\.?\w+)*"
# Distinct words seen by an indexing process, with the term each analyzes to; a corpus of
# 100k documents has a few hundred thousand.
_TERMS_CACHED = 1_000_000
_TERMS: dict[str, bytes] = {}
_WORDS = re.compile(WORD)
_ONCE: dict[int, bytes] = {}

# What truncated or corrupt whoosh files raise when read.
DAMAGE = (
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
    return (
        RegexTokenizer(WORD)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StemFilter(cachesize=100_000)
    )


class Text(TEXT):
    """A text field that indexes the terms and positions its analyzer gives, but runs the
    analyzer once per distinct word rather than once per token through whoosh's chain of
    generators: most of the time of an index build went there."""

    def index(self, value, **kwargs):
        terms = _TERMS
        positions = defaultdict(list)
        for position, word in enumerate(_WORDS.findall(value)):
            term = terms.get(word)
            if term is None:
                if len(terms) >= _TERMS_CACHED:
                    terms.clear()
                (token,) = self.analyzer(word, mode="index")
                term = terms[word] = token.text.encode()
            positions[term].append(position)
        encode = self.format.encode
        for term, found in positions.items():
            if len(found) > 1:
                yield term, len(found), float(len(found)), encode(found)
            else:
                # Most words occur once in a paragraph: one encoding per position will do.
                value = _ONCE.get(found[0]) or _ONCE.setdefault(found[0], encode(found))
                yield term, 1, 1.0, value


def schema() -> Schema:
    words = analyzer()
    return Schema(
        doc=ID(stored=True, sortable=True),
        para=STORED(),
        title=Text(analyzer=words),
        heading=STORED(),
        body=Text(analyzer=words, stored=True),
        date=ID(stored=True, sortable=True),
        kind=ID(stored=True, sortable=True),
    )


def layout(of: Schema) -> list[tuple]:
    """What a schema indexes, stores and keeps in columns (whoosh's own equality compares
    column objects by identity, so no two loaded schemas are equal)."""
    return [
        (name, type(field).__name__, field.stored, field.column_type is not None)
        for name, field in of.items()
    ]
