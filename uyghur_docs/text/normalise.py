"""Text normalisation shared by every reader of the corpus.

Paragraphs are the blocks of a file separated by blank lines. Cleaning removes Markdown
residue from a paragraph but never removes a paragraph, so numbering stays stable.
"""

import re
import unicodedata

_BLANK_LINE = re.compile(r"\n[ \t\f\v\u00a0]*\n")
_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\([^()\s]*\)")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.DOTALL)
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


def fold(text: str) -> str:
    """Case-, accent- and quote-fold text for matching (not for display).

    >>> fold("Ürümqi’s “Crimes”")
    'urumqi\\'s "crimes"'
    """
    text = text.translate(_QUOTES)
    if text.isascii():
        return text.casefold()
    # Compatibility forms can decompose into quotes ("″" is two primes): translated again.
    decomposed = unicodedata.normalize("NFKD", text).translate(_QUOTES)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def one_line(text: str) -> str:
    """Collapse all whitespace runs to single spaces.

    >>> one_line(" a\\n  b ")
    'a b'
    """
    return " ".join(text.split())
