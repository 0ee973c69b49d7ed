"""The words of a text as the index and every query see them: one normalisation for both.

A word is a run of letters, digits and marks (a dot may join two runs: "U.N."), or a run of
CJK characters. Each word is NFKC-normalised and case-folded; marks are removed only where
readers expect "Ürümqi" to be "Urumqi" (Latin, Greek, Cyrillic), never inside Arabic-script
or CJK words, where a mark is part of the letter. CJK runs, written without spaces, are
indexed as overlapping character pairs (as Lucene's CJK analysis does), so a two-character
word is found inside a sentence and a longer one as a phrase of pairs.

    >>> [t.text for t in Words()("İstanbul’s ﬁrst Уйғур 新疆人权")]
    ['istanbul', 's', 'first', 'уиғур', '新疆', '疆人', '人权']
"""

import unicodedata
from functools import lru_cache

import regex
from whoosh.analysis import Token, Tokenizer

_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\u30fc"
_PART = rf"[\w\p{{M}}--[{_CJK}]]+"
WORD = regex.compile(rf"[{_CJK}]+|{_PART}(?:\.{_PART})*", regex.V1)
_CJK_RUN = regex.compile(rf"[{_CJK}]+", regex.V1)
_UNMARKED = regex.compile(r"[\p{Latin}\p{Greek}\p{Cyrillic}\p{Common}\p{Inherited}]+")
# Latin letters with a stroke or a ligature rather than a mark: folded as users type them.
_LETTERS = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŧ": "t", "æ": "ae", "œ": "oe", "ð": "d"}
)


def fold(word: str) -> str:
    """A word NFKC-normalised, case-folded, and unmarked if it is Latin, Greek or Cyrillic.

    >>> [fold(w) for w in ["Ürümqi", "U\\u0308ru\\u0308mqi", "ΟΥΪΓΟΎΡΟΙ", "ئۇيغۇر", "STRAßE"]]
    ['urumqi', 'urumqi', 'ουιγουροι', 'ئۇيغۇر', 'strasse']
    """
    word = unicodedata.normalize("NFKC", word).casefold()
    if word.isascii() or not _UNMARKED.fullmatch(word):
        return word
    bare = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare).translate(_LETTERS)


@lru_cache(maxsize=100_000)
def terms(word: str) -> tuple[str, ...]:
    """The terms of one word: itself folded, or a CJK run's character pairs.

    >>> terms("人权"), terms("中华人民"), terms("Ürümqi")
    (('人权',), ('中华', '华人', '人民'), ('urumqi',))
    """
    folded = fold(word)
    if len(folded) < 3 or not _CJK_RUN.fullmatch(folded):
        return (folded,)
    return tuple(folded[i : i + 2] for i in range(len(folded) - 1))


def split(text: str) -> list[str]:
    """The words of a text, as written.

    >>> split("forced-labour, U.N. ¶7")
    ['forced', 'labour', 'U.N', '7']
    """
    return WORD.findall(text)


def spans_of(match) -> list[tuple[str, int, int]]:
    """A word's terms with their characters: a CJK pair its own two, when folding kept the
    run's length, else the whole run."""
    start, end = match.span()
    found = terms(match.group())
    if len(found) == 1 or len(found) + 1 != end - start:
        return [(term, start, end) for term in found]
    return [(term, start + i, start + i + 2) for i, term in enumerate(found)]


class Words(Tokenizer):
    """whoosh's tokenizer for the words above: each word gives one term or a run of pairs,
    at consecutive positions; the pairs of a CJK run share the run's characters."""

    def __eq__(self, other):
        return type(self) is type(other)

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            found = [(fold(value), 0, len(value))]
        else:
            found = [span for match in WORD.finditer(value) for span in spans_of(match)]
        for pos, (text, start, end) in enumerate(found, start=start_pos):
            token.text, token.boost, token.stopped = text, 1.0, False
            if keeporiginal:
                token.original = text
            if positions:
                token.pos = pos
            if chars:
                token.startchar, token.endchar = start_char + start, start_char + end
            yield token
