"""Wildcard, prefix and fuzzy terms bounded: each expands to at most `MAX_WORDS` indexed
words, holding at most `MAX_POSTINGS` paragraphs between them (the first word whatever it
holds: a plain word costs as much). `a*`, `*e*` or `?*` would otherwise become an OR of
much of the vocabulary, every posting of it read, scored and highlighted: minutes at ten
thousand documents. A term that matches more is searched for
the first of its words in alphabetical order, and says so (`models.Cut`).

Each term becomes the OR of its words in the whole index, which the fast path
(`engine.fast`) runs; whoosh would expand it again in each segment and walk every posting
of the OR one at a time (a minute for `x~2` at ten thousand documents). A fuzzy term of
one edit, which the fast path expands itself as whoosh does, stays as it is unless cut.
"""

from collections.abc import Iterable
from weakref import WeakKeyDictionary

from whoosh import query as wq

from uyghur_docs.engine.nearby import Words
from uyghur_docs.models import Cut

# The most words one wildcard, prefix or fuzzy term is searched for.
MAX_WORDS = 512
# The most paragraphs its words may hold between them (each is read and scored).
MAX_POSTINGS = 25_000
# Fields a term is written without its name in: the words of paragraphs.
_UNNAMED = ("body", "exact", "aside", "aside_exact")


def bounded(q: wq.Query, reader) -> tuple[wq.Query, tuple[Cut, ...]]:
    """The query with each wildcard, prefix and fuzzy term replaced by the OR of its words
    within the bounds (one without words, or a fuzzy term of one edit within them, kept as
    it is), and the terms cut, each named once."""
    cuts: dict[str, Cut] = {}

    def bound(node: wq.Query) -> wq.Query:
        if not isinstance(node, wq.MultiTerm) or node.field() not in reader.schema:
            return node
        kept, cut = _kept(_expansion(node, reader), node.fieldname, reader)
        if cut:
            written = _written(node)
            cuts.setdefault(written, Cut(written, len(kept), kept[0], kept[-1]))
        elif not kept or (isinstance(node, wq.FuzzyTerm) and node.maxdist == 1):
            return node
        return wq.Or([wq.Term(node.fieldname, word, boost=node.boost) for word in kept])

    return q.accept(bound), tuple(cuts.values())


def _kept(words: Iterable[str], fieldname: str, reader) -> tuple[list[str], bool]:
    """The words searched for, and whether any was left out."""
    kept: list[str] = []
    postings = 0
    for word in words:
        postings += reader.doc_frequency(fieldname, word)
        if len(kept) == MAX_WORDS or (kept and postings > MAX_POSTINGS):
            return kept, True
        kept.append(word)
    return kept, False


def _expansion(node: wq.MultiTerm, reader) -> Iterable[str]:
    """The term's words in alphabetical order. A pattern's come in order, each once, from
    the index's word list (its segments' merged), read only as far as they are wanted; a
    fuzzy term's from that list read whole (`nearby.Words`), kept for the search's second
    look (`store.search` counts the matches in every part of a document too)."""
    if isinstance(node, wq.FuzzyTerm):
        return _words(reader, node.fieldname).within(node.text, node.maxdist, node.prefixlength)
    field = reader.schema[node.fieldname]
    # A pattern's words come as bytes from the word list (UTF-8 sorts as text does).
    return (
        word if isinstance(word, str) else field.from_bytes(word)
        for _, word in node.expanded_terms(reader)
    )


# The word lists read, by index reader and field, while the reader lives.
_WORDS: WeakKeyDictionary = WeakKeyDictionary()


def _words(reader, fieldname: str) -> Words:
    held = _WORDS.setdefault(reader, {})
    if fieldname not in held:
        held[fieldname] = Words(reader, fieldname)
    return held[fieldname]


def _written(node: wq.MultiTerm) -> str:
    """The term as the query wrote it."""
    named = "" if node.fieldname in _UNNAMED else f"{node.fieldname}:"
    if isinstance(node, wq.FuzzyTerm):
        prefix = f"/{node.prefixlength}" if node.prefixlength else ""
        return f"{named}{node.text}~{node.maxdist}{prefix}"
    if isinstance(node, wq.Prefix):
        return f"{named}{node.text}*"
    return f"{named}{node.text}"
