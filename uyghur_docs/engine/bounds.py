"""Wildcard, prefix and fuzzy terms bounded: each expands to at most `MAX_WORDS` indexed
words. `a*`, `*a*` or `?*` would otherwise become an OR of much of the vocabulary, every
one of its words read, scored and highlighted: seconds and hundreds of megabytes at ten
thousand documents. A term that matches more is searched for the first `MAX_WORDS` of its
words in alphabetical order, and says so (`models.Cut`); one that matches fewer is left to
whoosh as it is, scored as before.
"""

from itertools import islice

from whoosh import query as wq

from uyghur_docs.models import Cut

# The most words one wildcard, prefix or fuzzy term is searched for.
MAX_WORDS = 512
# Fields a term is written without its name in: the words of paragraphs.
_UNNAMED = ("body", "exact", "aside", "aside_exact")


def bounded(q: wq.Query, reader) -> tuple[wq.Query, tuple[Cut, ...]]:
    """The query with each term that expands to more than `MAX_WORDS` words in the index
    replaced by the OR of the first of them, and those terms, each named once."""
    cuts: dict[str, Cut] = {}

    def bound(node: wq.Query) -> wq.Query:
        if not isinstance(node, wq.MultiTerm) or node.field() not in reader.schema:
            return node
        words = _expansion(node, reader)
        if len(words) <= MAX_WORDS:
            return node
        kept = words[:MAX_WORDS]
        written = _written(node)
        cuts.setdefault(written, Cut(written, len(kept), kept[0], kept[-1]))
        return wq.Or([wq.Term(node.fieldname, word, boost=node.boost) for word in kept])

    return q.accept(bound), tuple(cuts.values())


def _expansion(node: wq.MultiTerm, reader) -> list[str]:
    """The term's first `MAX_WORDS` + 1 words in alphabetical order. A pattern's come in
    order, each once, from the index's word list (its segments' merged), and enumerating
    stops there; a fuzzy term's come in no order, but at most two edits away
    (`parse.MAX_EDITS`) they are few enough to sort."""
    field = reader.schema[node.fieldname]
    # A pattern's words come as bytes, a fuzzy term's as text (UTF-8 sorts as text does).
    found = (
        word if isinstance(word, str) else field.from_bytes(word)
        for _, word in node.expanded_terms(reader)
    )
    if isinstance(node, wq.PatternQuery):
        return list(islice(found, MAX_WORDS + 1))
    return sorted(set(found))[: MAX_WORDS + 1]


def _written(node: wq.MultiTerm) -> str:
    """The term as the query wrote it."""
    named = "" if node.fieldname in _UNNAMED else f"{node.fieldname}:"
    if isinstance(node, wq.FuzzyTerm):
        prefix = f"/{node.prefixlength}" if node.prefixlength else ""
        return f"{named}{node.text}~{node.maxdist}{prefix}"
    if isinstance(node, wq.Prefix):
        return f"{named}{node.text}*"
    return f"{named}{node.text}"
