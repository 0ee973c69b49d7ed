"""Who signed with whom: pairs of organisations by the letters both signed.

Each organisation's letters are one integer, a bit per letter in date order, so the
letters a pair shares are one `&` and their number one `bit_count()`, at C speed. Counting
every pair of every letter's signatories instead is n(n-1)/2 dictionary updates per letter
of n: 17 million for 5,000 letters of up to 200 signatories.
"""

import heapq
from dataclasses import dataclass

from uyghur_docs.findings.orgs import Signers


@dataclass(frozen=True)
class Pair:
    """Two organisations and the letters both signed."""

    first: str
    second: str
    count: int
    letters: tuple[str, ...]


@dataclass(frozen=True)
class CoSigningResult:
    """Pairs of organisations that signed the same letters, most shared letters first."""

    pairs: tuple[Pair, ...]


def cosigning_result(
    index: Signers, limit: int | None = 20, org: str | None = None
) -> CoSigningResult:
    """Who signed with whom: pairs of signatory organisations by letters shared.

    With `org`, only the pairs it is in, it first; otherwise a pair's first organisation
    is the one whose name sorts first. Issuers do not count: issuing a release is not
    co-signing it. `limit` caps the pairs (None for all); ties go by name.
    """
    focus = index.key_of(org) if org else None
    among = {letter.id for letter in index.letters(focus)} if focus else None
    dated = sorted(index.signatory_keys(among).items(), key=_dated)
    ids = [doc_id for doc_id, _ in dated]
    signed = _letter_bits([keys for _, (_, keys) in dated])
    names = {key: index.organisations[key].name for key in signed}
    if focus is None:
        found = _pairs(signed, limit, order=lambda key: (names[key], key))
    else:
        # An organisation that only issued its letters signed none with anyone.
        own = signed.get(focus, 0)
        found = [(focus, k, (own & signed[k]).bit_count()) for k in signed if k != focus]
    ranked = sorted(
        (pair for pair in found if pair[2]),
        key=lambda p: (-p[2], names[p[0]].casefold(), names[p[1]], p[0], p[1]),
    )
    return CoSigningResult(
        tuple(
            Pair(names[a], names[b], count, tuple(ids[n] for n in _bits(signed[a] & signed[b])))
            for a, b, count in ranked[:limit]
        )
    )


def _dated(item: tuple[str, tuple]) -> tuple:
    """Sort key of a (id, (date, keys)) item: by date (undated last), then id."""
    doc_id, (date, _) = item
    return (date is None, date or "", doc_id)


def _letter_bits(letters: list[set[str]]) -> dict[str, int]:
    """Each organisation's letters as the bits of one integer (bit n: the nth letter)."""
    numbers: dict[str, list[int]] = {}
    for number, keys in enumerate(letters):
        for key in keys:
            numbers.setdefault(key, []).append(number)
    size = (len(letters) + 7) // 8
    found = {}
    for key, held in numbers.items():
        bits = bytearray(size)
        for n in held:
            bits[n >> 3] |= 1 << (n & 7)
        found[key] = int.from_bytes(bits, "little")
    return found


def _pairs(signed: dict[str, int], limit: int | None, order) -> list[tuple[str, str, int]]:
    """Every pair that shares a letter, with its count, oriented by `order`; with a limit,
    only those that may rank among the first `limit`. Organisations are taken by letters
    signed, most first: a pair cannot share more letters than its second signed, so the
    search stops where that falls below the `limit`-th best count found."""
    sizes = {key: bits.bit_count() for key, bits in signed.items()}
    keys = sorted(signed, key=lambda key: (-sizes[key], key))
    best = [1] * (limit or 0)
    found = []
    for at, a in enumerate(keys):
        if limit and sizes[a] < best[0]:
            break
        bits = signed[a]
        for b in keys[at + 1 :]:
            if limit and sizes[b] < best[0]:
                break
            count = (bits & signed[b]).bit_count()
            if count and not (limit and count < best[0]):
                found.append((a, b, count) if order(a) < order(b) else (b, a, count))
                if limit and count > best[0]:
                    heapq.heapreplace(best, count)
    least = best[0] if limit else 1
    return [pair for pair in found if pair[2] >= least]


def _bits(number: int) -> list[int]:
    """The positions of the set bits of a number, lowest first."""
    found = []
    while number:
        low = number & -number
        found.append(low.bit_length() - 1)
        number ^= low
    return found
