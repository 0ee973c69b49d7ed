"""The words of a segment near a typed word: what a fuzzy term (`word~`) expands to.

whoosh finds them with a Levenshtein automaton stepped through the segment's term table
in Python, and, over several segments, by a Damerau distance computed in Python for every
word of every segment (seconds for `word~2` at ten thousand documents). Here a segment's
words are read once, grouped by length, and only those of a length within the edits of
the typed word's are compared: by slicing for one edit, by the `regex` module's fuzzy
matching (in C) for two.
"""

import regex


class Words:
    """The words of one field of one segment, read when first asked for."""

    def __init__(self, reader, fieldname: str):
        self.by_length: dict[int, list[str]] = {}
        decode = reader.schema[fieldname].from_bytes
        for term in reader.lexicon(fieldname):
            word = decode(term)
            self.by_length.setdefault(len(word), []).append(word)

    def within_one(self, text: str, prefix: int, swaps: bool = False) -> list[str]:
        """The words within one edit of a text (Levenshtein, as whoosh's automaton;
        `swaps`: or one swap of neighbours, as its Damerau distance) that begin with its
        first `prefix` letters, in the term table's order."""
        size, start = len(text), text[:prefix]
        near = [w for n in (size - 1, size, size + 1) for w in self.by_length.get(n, ())]
        found = [
            w
            for w in near
            if w and w.startswith(start) and (one_edit(w, text) or (swaps and one_swap(w, text)))
        ]
        return sorted(found, key=str.encode)

    def within(self, text: str, edits: int, prefix: int) -> list[str]:
        """The words within `edits` insertions, deletions or substitutions of a text (as
        whoosh's automaton counts them) that begin with its first `prefix` letters."""
        size, start = len(text), text[:prefix]
        near = regex.compile(f"(?:{regex.escape(text)}){{e<={edits}}}")
        return sorted(
            w
            for n in range(size - edits, size + edits + 1)
            for w in self.by_length.get(n, ())
            if w and w.startswith(start) and near.fullmatch(w)
        )


def one_edit(a: str, b: str) -> bool:
    """Whether two words are at most one insertion, deletion or substitution apart.

    >>> [one_edit("camp", w) for w in ["camp", "camps", "cap", "cams", "acmp", "cmaps"]]
    [True, True, True, True, False, False]
    """
    if abs(len(a) - len(b)) > 1:
        return False
    if a == b:
        return True
    pairs = enumerate(zip(a, b, strict=False))
    same = next((i for i, (x, y) in pairs if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        return a[same + 1 :] == b[same + 1 :]
    if len(a) > len(b):
        return a[same + 1 :] == b[same:]
    return a[same:] == b[same + 1 :]


def one_swap(a: str, b: str) -> bool:
    """Whether two words differ by one swap of neighbouring letters.

    >>> [one_swap("camp", w) for w in ["acmp", "cmap", "camp", "cpma"]]
    [True, True, False, False]
    """
    if len(a) != len(b):
        return False
    apart = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return (
        len(apart) == 2
        and apart[1] == apart[0] + 1
        and a[apart[0]] == b[apart[1]]
        and (a[apart[1]] == b[apart[0]])
    )
