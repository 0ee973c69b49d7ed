"""What differs between the copies of one statement: `udocs show ID --copies`.

Each copy is compared with the statement's canonical copy: the signatories it adds or
lacks (by name key, so a reordered list is no difference), and the paragraphs, other than
signature paragraphs, it adds or lacks (compared as `findings.copies.words` reads them, so
escaped entities and quote styles are no difference either).
"""

from collections.abc import Sequence
from dataclasses import dataclass

from uyghur_docs.findings.copies import words
from uyghur_docs.text.names import name_key


@dataclass(frozen=True)
class Copy:
    """One copy as compared: its id, title, date, its signatories' names and its
    paragraphs other than signature paragraphs (number and text)."""

    id: str
    title: str
    date: str | None
    signatories: tuple[str, ...]
    paragraphs: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class CopyDifferences:
    """A copy and what it has that the canonical copy has not (`signatories_added`, its
    `paragraphs_added` by number) and lacks (`signatories_missing`, the canonical copy's
    `paragraphs_missing` by number)."""

    id: str
    title: str
    date: str | None
    canonical: bool
    signatories_added: tuple[str, ...]
    signatories_missing: tuple[str, ...]
    paragraphs_added: tuple[int, ...]
    paragraphs_missing: tuple[int, ...]


@dataclass(frozen=True)
class CopiesResult:
    """The statement a document belongs to (its canonical copy's id) and every copy of it,
    the canonical copy first; a document with no copies is its statement's only copy."""

    document: str
    statement: str
    copies: tuple[CopyDifferences, ...]


def differences(document: str, canonical: Copy, others: Sequence[Copy]) -> CopiesResult:
    """Each copy compared with the canonical one."""
    compared = [_compared(canonical, canonical, True)]
    compared += [_compared(copy, canonical, False) for copy in sorted(others, key=lambda c: c.id)]
    return CopiesResult(document, canonical.id, tuple(compared))


def _compared(copy: Copy, canonical: Copy, is_canonical: bool) -> CopyDifferences:
    mine, theirs = _named(copy.signatories), _named(canonical.signatories)
    said, said_there = _said(copy.paragraphs), _said(canonical.paragraphs)
    return CopyDifferences(
        copy.id,
        copy.title,
        copy.date,
        is_canonical,
        tuple(name for key, name in mine.items() if key not in theirs),
        tuple(name for key, name in theirs.items() if key not in mine),
        tuple(n for n, text in said.items() if text not in said_there.values()),
        tuple(n for n, text in said_there.items() if text not in said.values()),
    )


def _named(names: Sequence[str]) -> dict[str, str]:
    return {name_key(name): name for name in names}


def _said(paragraphs: Sequence[tuple[int, str]]) -> dict[int, str]:
    return {number: " ".join(words(text)) for number, text in paragraphs}
