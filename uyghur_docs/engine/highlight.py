"""The character spans of what matched in a paragraph: the words of the query's word,
wildcard and fuzzy terms, and only whole occurrences of its phrases ("crimes" alone is not
marked for "crimes against humanity")."""

from whoosh import query as wq

from uyghur_docs.engine.stemming import stem
from uyghur_docs.engine.words import WORD, spans_of

# The fields of a paragraph's text, and whether their terms are stemmed.
_FIELDS = {"body": True, "exact": False, "aside": True, "aside_exact": False}


class Highlighter:
    """Marks, in any paragraph, what a query's leaves match."""

    def __init__(self, reader, leaves: list[wq.Query], fast=None):
        self.terms = {True: set(), False: set()}
        self.phrases: list[tuple[bool, tuple[str, ...]]] = []
        for leaf in leaves:
            if isinstance(leaf, wq.Phrase) and leaf.fieldname in _FIELDS:
                self.phrases.append((_FIELDS[leaf.fieldname], tuple(leaf.words)))
                continue
            # A fuzzy term's words, from the fast path's word lists (whoosh's expansion
            # over several segments reads and compares every word in Python).
            words = fast.expanded(leaf) if fast is not None else None
            if words is not None:
                if leaf.fieldname in _FIELDS:
                    self.terms[_FIELDS[leaf.fieldname]].update(words)
                continue
            for field, term in leaf.existing_terms(reader, expand=True):
                if field in _FIELDS:
                    self.terms[_FIELDS[field]].add(term.decode())

    def spans(self, text: str) -> tuple[tuple[int, int], ...]:
        if not self.phrases and not any(self.terms.values()):
            return ()
        tokens = [span for match in WORD.finditer(text) for span in spans_of(match)]
        forms = {False: [word for word, _, _ in tokens]}
        forms[True] = [stem(word) for word in forms[False]]
        marked = set()
        for stemmed, terms in self.terms.items():
            marked.update(i for i, word in enumerate(forms[stemmed]) if word in terms)
        for stemmed, words in self.phrases:
            marked.update(_occurrences(forms[stemmed], words))
        return _merged(tokens, sorted(marked))


def _occurrences(words: list[str], phrase: tuple[str, ...]):
    """The positions of every whole occurrence of the phrase among the words."""
    size = len(phrase)
    for start in range(len(words) - size + 1):
        if tuple(words[start : start + size]) == phrase:
            yield from range(start, start + size)


def _merged(tokens, marked: list[int]) -> tuple[tuple[int, int], ...]:
    """Spans of the marked tokens; the pairs of one CJK run share characters and merge."""
    spans: list[tuple[int, int]] = []
    for i in marked:
        start, end = tokens[i][1], tokens[i][2]
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return tuple(spans)
