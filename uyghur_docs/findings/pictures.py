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


@dataclass(frozen=True)
class Label:
    """An organisation's name as the network picture writes it: centred on (x, y)."""

    name: str
    x: float
    y: float


# Where a label may sit, in label heights and widths from its node's centre: above it
# first, then below, then to either side.
_PLACES = ((0, 1), (0, -1), (0.5, 0), (-0.5, 0), (0.5, 1), (-0.5, 1), (0.5, -1), (-0.5, -1))


def labels(
    places: Mapping[str, tuple[float, float]],
    letters: Mapping[str, int],
    size: tuple[float, float],
    most: int,
) -> tuple[Label, ...]:
    """Names for the network picture that do not overlap: the organisations with most
    letters first (then by name), each at the first of `_PLACES` around its node where its
    box (`size`: a character's width and a line's height, in the picture's units) meets no
    label placed before; one with no free place, or past the first `most`, goes unnamed.

    >>> near = {"A": (0.0, 0.0), "B": (0.0, 0.01), "C": (5.0, 5.0)}
    >>> found = labels(near, {"A": 3, "B": 2, "C": 1}, (0.1, 0.1), 3)
    >>> [(label.name, round(label.x, 2), round(label.y, 2)) for label in found]
    [('A', 0.0, 0.1), ('B', 0.0, -0.09), ('C', 5.0, 5.1)]
    """
    char, line = size
    placed: list[tuple[float, float, float, float]] = []
    found = []
    for name in sorted(places, key=lambda n: (-letters[n], n))[:most]:
        x, y = places[name]
        width = char * len(name)
        for across, up in _PLACES:
            box = _box(x + across * (width + char), y + up * line, width, line)
            if not any(_overlap(box, other) for other in placed):
                placed.append(box)
                found.append(Label(name, x + across * (width + char), y + up * line))
                break
    return tuple(found)


def _box(x: float, y: float, width: float, height: float) -> tuple[float, float, float, float]:
    return (x - width / 2, y - height / 2, x + width / 2, y + height / 2)


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
