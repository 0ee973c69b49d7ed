"""The declared word lists of `vocabulary.toml`, read once, when signatories are first read.

Every list is optional: a missing file or list reads as empty, and extraction then rests on
structure, cue words and the shape of names alone.
"""

import tomllib
from functools import cache, lru_cache
from importlib import resources

from uyghur_docs.text.normalise import fold

VOCABULARY_FILE = "vocabulary.toml"


@cache
def _table() -> dict:
    try:
        text = resources.files(__package__).joinpath(VOCABULARY_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return {}
    return tomllib.loads(text)


@cache
def words(name: str) -> frozenset[str]:
    """A declared list, folded for matching (empty when not declared)."""
    return frozenset(fold(w) for w in _table().get(name, ()))


@lru_cache(maxsize=1 << 12)
def is_place(text: str) -> bool:
    """Whether text names a declared place ("Ukraine", "H.K", "The Netherlands").

    >>> is_place("United Kingdom"), is_place("LLC")
    (True, False)
    """
    return fold(text.strip(" .,;:()")) in words("places") or fold(text.strip()) in words("places")
