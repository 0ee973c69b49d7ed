"""Text normalisation shared by every reader of the corpus.

Paragraphs are the blocks of a file separated by blank lines. Cleaning removes Markdown
residue from a paragraph but never removes a paragraph, so numbering stays stable.
"""

import re
import unicodedata
from functools import lru_cache

_BLANK_LINE = re.compile(r"\n[ \t\f\v\u00a0]*\n")
_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\([^()\s]*\)")
# Bold never spans another "**": each opening is then matched in one pass up to the next
# one, not retried to the end of the paragraph (quadratic on "**a **a **a …").
_BOLD = re.compile(r"\*\*(?=\S)((?:[^*]|\*(?!\*))+?)(?<=\S)\*\*")
_QUOTES = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
    }
)


class _Unmarked(dict):
    """A `str.translate` table that folds quotes and drops combining marks, each code point
    looked up once: translating is many times quicker than testing character by character."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_UNMARKED = _Unmarked(_QUOTES)


def split_paragraphs(text: str) -> list[str]:
    """Split text into paragraphs: blocks separated by blank lines, each line stripped.

    >>> split_paragraphs("Title\\n\\n  one\\ntwo  \\n \\n\\nthree")
    ['Title', 'one\\ntwo', 'three']
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    blocks = _BLANK_LINE.split(text) if "\n" in text else [text]
    paragraphs = []
    for block in blocks:
        lines = [line.strip() for line in block.split("\n")]
        joined = "\n".join(line for line in lines if line)
        if joined:
            paragraphs.append(joined)
    return paragraphs


def clean(paragraph: str) -> str:
    """Remove Markdown link and bold residue, keeping the words.

    >>> clean("the [landmark statement](#) and **our concern**")
    'the landmark statement and our concern'
    """
    return _BOLD.sub(r"\1", _LINK.sub(r"\1", paragraph))


# The extractors fold the same lines and words many times over (a line is tested as a
# closing, a heading, a footer...): nine calls in ten repeat one already made.
@lru_cache(maxsize=1 << 15)
def fold(text: str) -> str:
    """Case-, accent- and quote-fold text for matching (not for display).

    >>> fold("Ürümqi’s “Crimes”")
    'urumqi\\'s "crimes"'
    """
    text = text.translate(_QUOTES)
    if text.isascii():
        return text.casefold()
    # Compatibility forms can decompose into quotes ("″" is two primes): translated again.
    return unicodedata.normalize("NFKD", text).translate(_UNMARKED).casefold()


# Characters that print as nothing: a byte-order mark, zero-width spaces, a word joiner and
# soft hyphens (the joiners that shape Arabic-script and Indic words are kept).
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")


def visible(text: str) -> str:
    """The text without the characters that print as nothing.

    >>> visible("\ufeffAct\u00adnow\u200b on it")
    'Actnow on it'
    """
    return _INVISIBLE.sub("", text)


def one_line(text: str) -> str:
    """Collapse all whitespace runs to single spaces.

    >>> one_line(" a\\n  b ")
    'a b'
    """
    return " ".join(text.split())
