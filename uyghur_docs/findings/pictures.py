"""The numbers `udocs plot` draws, computed here so they can be tested without a picture.

`render.plots` draws them; it is the only module that imports matplotlib.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from uyghur_docs.findings.paragraphs import ParagraphsResult
from uyghur_docs.findings.quote_groups import QuotesResult

# The assessment's numbered paragraphs, ¶1 to ¶153.
REPORT_PARAGRAPHS = 153


@dataclass(frozen=True)
class Timeline:
    """Statements per month by kind, and the report's quotations per month, for every month
    from the first to the last (YYYY-MM). Undated statements, and those dated by year only,
    have no month and are left out."""

    months: tuple[str, ...]
    statements: dict[str, tuple[int, ...]]
    quotations: tuple[int, ...]


def timeline(documents: Iterable, quotes: QuotesResult) -> Timeline:
    """The timeline of `documents` (rows with id, date, kind and copy_of): a copy of a
    statement is not counted again, nor are its quotations."""
    counted = [d for d in documents if d.copy_of is None]
    kinds = {d.id: d.kind for d in counted}
    by_kind = Counter((d.kind, _month(d.date)) for d in counted if _month(d.date))
    quoted = Counter(
        _month(c.date)
        for group in quotes.quotes
        for c in group.citations
        if c.id in kinds and _month(c.date)
    )
    months = _months({m for _, m in by_kind} | set(quoted))
    statements = {
        kind: tuple(by_kind[kind, m] for m in months) for kind in sorted(set(kinds.values()))
    }
    return Timeline(months, statements, tuple(quoted[m] for m in months))


def _month(date: str | None) -> str | None:
    """`2022-08-31` -> `2022-08`; a year alone, or no date, has no month."""
    return date[:7] if date and len(date) >= 7 else None


def _months(seen: set[str]) -> tuple[str, ...]:
    """Every month from the first seen to the last, those with nothing included.

    >>> _months({"2022-11", "2023-01"})
    ('2022-11', '2022-12', '2023-01')
    """
    if not seen:
        return ()
    year, month = map(int, min(seen).split("-"))
    last = max(seen)
    found = []
    while (label := f"{year:04d}-{month:02d}") <= last:
        found.append(label)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(found)


def report_strip(found: ParagraphsResult, size: int = REPORT_PARAGRAPHS) -> tuple[int, ...]:
    """How many statements quote each of the report's paragraphs, ¶1 first."""
    counts: Mapping[int, int] = {p.paragraph: p.statements for p in found.paragraphs}
    return tuple(counts.get(n, 0) for n in range(1, size + 1))
