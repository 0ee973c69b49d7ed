"""The query language: whoosh's (words, "phrases", OR, NOT, (groups), title:word, wild*,
fuzzy~) with what every search box has taught people on top of it: `-word` and
`-"a phrase"` exclude, `+word` requires (every word is required already), `=word` matches the
word as written, unstemmed. Wildcards and fuzzy terms match words as written too.
"""

import copy

from whoosh import query as wq
from whoosh.qparser import AndGroup, FuzzyTermPlugin, QueryParser, syntax
from whoosh.qparser.plugins import FuzzyTermPlugin as _Fuzzy
from whoosh.qparser.plugins import Plugin, PrefixPlugin, WildcardPlugin
from whoosh.qparser.taggers import FnTagger

from uyghur_docs.errors import FuzzyTooFar, NoWords, UnreadableQuery

_CURLY_DOUBLE = str.maketrans({c: '"' for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"})
# A prefix counts at the start of the query, after a space or an opening parenthesis, and
# before something it can apply to: "forced-labour" and "a - b" keep their hyphens.
_BEFORE = r"(?<![^\s(])"
_AFTER = r"(?=[^\s\-+=)])"
# Fields whose words the unstemmed field holds.
_STEMMED = (None, "body")
_ASIDE = {"body": "aside", "exact": "aside_exact"}
# (whoosh makes a wildcard whose only * ends it a prefix node.)
_MULTI = WildcardPlugin.WildcardNode | PrefixPlugin.PrefixNode | _Fuzzy.FuzzyTermNode
# The most edits a fuzzy term may ask for: one word~3 expands to much of the vocabulary.
MAX_EDITS = 2


class Prefixes(Plugin):
    """The -, + and = prefixes."""

    class Minus(syntax.MarkerNode):
        pass

    class Plus(syntax.MarkerNode):
        pass

    class Exact(syntax.MarkerNode):
        pass

    def taggers(self, parser):
        return [
            (FnTagger(_BEFORE + "-" + _AFTER, self.Minus, "minus"), 0),
            (FnTagger(_BEFORE + r"\+" + _AFTER, self.Plus, "plus"), 0),
            (FnTagger(_BEFORE + "=" + _AFTER, self.Exact, "exact"), 0),
        ]

    def filters(self, parser):
        return [(self.apply, 505)]

    def apply(self, parser, group):
        """Each marker applied to the node after it, in every group."""
        out, marker = group.empty_copy(), None
        for node in group:
            if isinstance(node, self.Minus | self.Plus | self.Exact):
                marker = node
                continue
            if isinstance(node, syntax.GroupNode):
                node = self.apply(parser, node)
            if isinstance(marker, self.Minus):
                node = syntax.NotGroup([node])
            elif isinstance(marker, self.Exact):
                _unstemmed(node)
            out.append(node)
            marker = None
        return out


class AsWritten(Plugin):
    """Wildcards and fuzzy terms on the body match its words as written: a stem is no
    prefix of the words it came from ("religio*" would miss "religious")."""

    def filters(self, parser):
        return [(self.apply, 120)]

    def apply(self, parser, group):
        for node in group:
            if isinstance(node, syntax.GroupNode):
                self.apply(parser, node)
            elif isinstance(node, _MULTI) and node.fieldname in _STEMMED:
                node.fieldname = "exact"
        return group


def _unstemmed(node) -> None:
    if isinstance(node, syntax.GroupNode):
        for child in node:
            _unstemmed(child)
    elif getattr(node, "has_fieldname", False) and node.fieldname in _STEMMED:
        node.fieldname = "exact"


def on_fields(q: wq.Query, where: str) -> wq.Query:
    """The query over the words of prose paragraphs ("prose", as parsed), of the others
    ("aside": signature lists, contact lines), or of both ("all")."""
    if where == "prose":
        return q

    def swap(node: wq.Query) -> wq.Query:
        if not node.is_leaf() or getattr(node, "fieldname", None) not in _ASIDE:
            return node
        other = copy.copy(node)
        other.fieldname = _ASIDE[node.fieldname]
        return other if where == "aside" else wq.Or([node, other])

    return q.accept(swap)


def prepare(qstring: str) -> str:
    """The query string as the parser reads it: curly double quotes and guillemets make
    phrases like straight ones."""
    return qstring.translate(_CURLY_DOUBLE).strip()


def parse(schema, qstring: str, exact: bool = False) -> wq.Query:
    """A query string as a whoosh query over paragraphs; `exact`: every word as written.
    Raises NoWords for a query of operators alone, FuzzyTooFar for a fuzzy term of more
    than two edits (its expansion grows with the whole vocabulary) and UnreadableQuery
    where whoosh's parser fails."""
    parser = QueryParser("exact" if exact else "body", schema, group=AndGroup)
    parser.add_plugin(FuzzyTermPlugin())
    parser.add_plugin(Prefixes())
    parser.add_plugin(AsWritten())
    try:
        q = parser.parse(prepare(qstring))
    except (IndexError, ValueError, TypeError) as exc:
        raise UnreadableQuery(qstring) from exc
    leaves = [q] if q.is_leaf() else list(q.leaves())
    if q is wq.NullQuery or any(isinstance(leaf, wq.Every) for leaf in leaves):
        raise NoWords(qstring)
    for leaf in leaves:
        if isinstance(leaf, wq.FuzzyTerm) and leaf.maxdist > MAX_EDITS:
            raise FuzzyTooFar(leaf.text, leaf.maxdist, MAX_EDITS)
        if isinstance(leaf, wq.MultiTerm):
            # A constant score in one segment and BM25 in another (when a segment holds
            # a single expansion) would rank the same query differently after a rebuild.
            leaf.constantscore = False
    return q


def validate(qstring: str) -> None:
    """Raise what `parse` raises for a query, before any index is opened or built."""
    from uyghur_docs.engine.schema import schema

    parse(schema(), qstring)
