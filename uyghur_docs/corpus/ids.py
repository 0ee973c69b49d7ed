"""The id a new document gets: its date, then the first words of its title in ASCII.

A title in another script (Chinese, Korean, Arabic, Cyrillic) has no ASCII words to give,
and a bare date says nothing of the document: the source file's name gives the words then,
when it is written in Latin letters.
"""

import re
import unicodedata

MAX_SLUG = 40
# Words a cut-off slug should not end on ("…-urge-action-on-the").
_DANGLING = {"a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to", "with"}
# A date a file name starts with ("2022-09-01-", "2022_09_"), which the id has already.
_DATED = re.compile(r"^\d{4}(?:[-_.]\d{1,2}){0,2}(?:[-_. ]+|$)")


def make_id(title: str, date: str | None, taken: set[str], stem: str = "") -> str:
    """A new ASCII id: the date (or `undated`), then the title's first words, or the file
    name's (`stem`) when most of the title's letters are not Latin.

    >>> make_id("UN: “Act now” on Ürümqi's camps!", "2022-09", set())
    '2022-09-un-act-now-on-urumqis-camps'
    >>> make_id("Statement", None, {"undated-statement"})
    'undated-statement-2'
    >>> make_id("关于新疆的声明", "2022-09-01", set(), "2022-09-01_Xinjiang statement")
    '2022-09-01-xinjiang-statement'
    """
    words = _slug(title)
    if not _latin(title):
        words = _slug(_DATED.sub("", stem)) or words
    base = "-".join(filter(None, [date or "undated", words]))
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _slug(text: str) -> str:
    """The text's first words in lower-case ASCII, joined by hyphens, at most MAX_SLUG long."""
    # Apostrophes go first, so "Council's" gives "councils", not "council-s".
    text = re.sub(r"['’]", "", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words: list[str] = []
    for word in re.findall(r"[a-z0-9]+", ascii_text.lower()):
        if words and len("-".join([*words, word])) > MAX_SLUG:
            while len(words) > 1 and words[-1] in _DANGLING:
                words.pop()
            break
        words.append(word)
    return "-".join(words)[:MAX_SLUG]


def _latin(text: str) -> bool:
    """Whether most of the text's letters are Latin (accents aside).

    >>> _latin("Ürümqi"), _latin("709妻子的公开信"), _latin("Заявление NGO")
    (True, False, False)
    """
    letters = [c for c in text if c.isalpha()]
    latin = sum(unicodedata.normalize("NFKD", c)[0].isascii() for c in letters)
    return latin * 2 > len(letters)
