"""Copies of one statement: the same body republished under other pages' chrome.

A statement's body is its prose paragraphs (not its signature, contact or boilerplate
paragraphs), each normalised (HTML entities decoded, case and accents folded, quote marks
and punctuation dropped) and cut into word shingles, never across paragraphs. Two documents
are copies when the shingles they share cover at least half of the larger body: a copy under
a new header and footer, with a moved date or a longer signatory list, shares nearly all its
body; two letters that share a standard closing, one quoted paragraph or a signatory list
share little of theirs.

Finding the candidates costs a fixed number of look-ups per document: a MinHash of the
shingles is cut into bands, and documents that share a band key are candidates, checked
against the shingles themselves. The bands catch bodies of Jaccard similarity 1/3 (the
least two bodies of which one covers half the other can have) all but always.
"""

import hashlib
import html
import re
import unicodedata
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

# Words per shingle: long enough that unrelated texts on one subject rarely share one.
SHINGLE = 5
# The share of the larger body that the shared shingles must cover (see bench/copies_dev.py).
COVER = 0.5
# MinHash permutations, cut into BANDS bands of ROWS values: a pair of Jaccard similarity
# J becomes a candidate with probability 1 - (1 - J**ROWS) ** BANDS (0.9995 at J = 1/3).
PERMUTATIONS = 128
ROWS = 2
BANDS = PERMUTATIONS // ROWS
_WORD = re.compile(r"\w+")
_SEED = 29
_SCHEME = "affine32"


@dataclass(frozen=True)
class Body:
    """A document's body: the hashes of its shingles (sorted, distinct) and its LSH band
    keys (one per band, the band's number folded in)."""

    shingles: tuple[int, ...]
    bands: tuple[int, ...]


def words(text: str) -> list[str]:
    """A paragraph's words as compared: entities decoded, case and accents folded, quote
    marks and punctuation gone.

    >>> words("The &ldquo;Caf\u00e9&rdquo; \u2014 it\u2019s  CLOSED.")
    ['the', 'cafe', 'it', 's', 'closed']
    """
    text = unicodedata.normalize("NFKD", html.unescape(html.unescape(text)).casefold())
    return _WORD.findall("".join(c for c in text if not unicodedata.combining(c)))


def prose(paragraphs: Iterable[str], roles: Mapping[int, str]) -> list[str]:
    """The paragraphs whose role is prose (`roles` names the others, numbered from 1)."""
    return [text for number, text in enumerate(paragraphs, start=1) if number not in roles]


def shingles(paragraphs: Iterable[str]) -> set[int]:
    """The 64-bit hashes of the word shingles of some paragraphs (a paragraph shorter than
    a shingle is one shingle).

    >>> len(shingles(["one two three four five six", "one two"]))
    3
    """
    found = set()
    for paragraph in paragraphs:
        said = words(paragraph)
        for start in range(max(1, len(said) - SHINGLE + 1)):
            found.add(_hash(" ".join(said[start : start + SHINGLE])))
    found.discard(_hash(""))
    return found


def _hash(text: str) -> int:
    # Signed, so that SQLite stores it as an integer.
    digest = hashlib.blake2b(text.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def body(paragraphs: Iterable[str], roles: Mapping[int, str]) -> Body:
    """The body of a document's paragraphs, given the roles of those that are not prose."""
    found = shingles(prose(paragraphs, roles))
    return Body(tuple(sorted(found)), band_keys(found))


def band_keys(found: set[int]) -> tuple[int, ...]:
    """The LSH band keys of a set of shingle hashes (none for an empty body)."""
    if not found:
        return ()
    sketch = _sketch()
    sketch.update_batch(found)
    values = sketch.hashvalues.tolist()
    return tuple(
        _hash(f"{band}:{values[band * ROWS : (band + 1) * ROWS]}") for band in range(BANDS)
    )


@cache
def _permutations():
    # Imported here: only indexing needs it, and `udocs --help` stays light.
    from datasketch import MinHash

    return MinHash(num_perm=PERMUTATIONS, seed=_SEED, scheme=_SCHEME).permutations


def _sketch():
    """An empty MinHash over shingle hashes; the permutations are drawn once, not per
    document (drawing them costs more than hashing a statement)."""
    from datasketch import MinHash

    return MinHash(
        num_perm=PERMUTATIONS,
        seed=_SEED,
        hashfunc=_low_bits,
        permutations=_permutations(),
        scheme=_SCHEME,
    )


def _low_bits(value: int) -> int:
    # The shingles are hashed already; the scheme takes 32-bit values.
    return value & 0xFFFFFFFF


def packed(values: tuple[int, ...]) -> bytes:
    """Shingle hashes as stored: 8 bytes each."""
    return array("q", values).tobytes()


def unpacked(data: bytes) -> set[int]:
    found = array("q")
    found.frombytes(data)
    return set(found)


def are_copies(a: set[int], b: set[int]) -> bool:
    """Whether two bodies are one statement's: what they share covers at least COVER of the
    larger.

    >>> are_copies({1, 2, 3, 4}, {1, 2, 5}), are_copies({1, 2, 3, 4, 5}, {1, 2})
    (True, False)
    """
    if not a or not b:
        return False
    return len(a & b) >= COVER * max(len(a), len(b))


@dataclass(frozen=True)
class Candidate:
    """A document as the choice of a statement's canonical copy sees it."""

    id: str
    date: str | None
    paragraphs: int
    signatories: int


def canonical(copies: Iterable[Candidate]) -> str:
    """The id of the copy that stands for the statement: the earliest dated, else the most
    complete (most paragraphs, then most signatories), then the first id.

    >>> canonical([Candidate("b", None, 9, 3), Candidate("a", "2022-09-01", 5, 2)])
    'a'
    >>> canonical([Candidate("b", None, 9, 3), Candidate("a", None, 5, 2)])
    'b'
    """
    return min(
        copies, key=lambda c: (c.date is None, c.date or "", -c.paragraphs, -c.signatories, c.id)
    ).id


def groups(edges: Iterable[tuple[str, str]]) -> list[set[str]]:
    """The connected groups of documents that pairs of copies make.

    >>> sorted(map(sorted, groups([("a", "b"), ("c", "d"), ("b", "e")])))
    [['a', 'b', 'e'], ['c', 'd']]
    """
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in edges:
        parent[find(a)] = find(b)
    found: dict[str, set[str]] = {}
    for node in list(parent):
        found.setdefault(find(node), set()).add(node)
    return list(found.values())
