"""The data udocs passes around: frozen dataclasses, and `--json` is their `asdict`."""

from dataclasses import dataclass

KINDS = (
    *("joint-letter", "joint-statement", "open-letter", "oral-statement"),
    *("news-release", "press-release", "news-article", "other"),
)
# How a quotation stands against the report (`extract.evidence`); a quotation of another
# speaker, not weighed against it, has the empty status.
STATUSES = ("verbatim", "verbatim-with-elision", "altered", "not found", "translated")


@dataclass(frozen=True)
class Metadata:
    """What the text says about itself: title, ISO date (day or month precision), kind."""

    title: str
    date: str | None
    kind: str


@dataclass(frozen=True)
class Document:
    """One statement. `paragraphs[0]` is ¶1, the unit every citation uses."""

    id: str
    title: str
    date: str | None
    kind: str
    path: str
    sha256: str
    paragraphs: tuple[str, ...]

    def paragraph(self, number: int) -> str:
        """The text of ¶number (numbered from 1)."""
        return self.paragraphs[number - 1]


ROLES = ("prose", "signature", "contact", "boilerplate")


@dataclass(frozen=True)
class ParagraphRecord:
    """One paragraph as the search engine indexes it; `role` is one of ROLES: a signature,
    contact or boilerplate paragraph is searched only when asked for."""

    doc: str
    paragraph: int
    title: str
    text: str
    date: str | None
    kind: str
    role: str = "prose"


@dataclass(frozen=True)
class Filters:
    """Restrictions on a search: one document, any of a set of documents (those an
    organisation signed, say), kinds, a date range (ISO prefixes), the paragraph roles
    searched (prose alone by default; empty: every paragraph)."""

    doc: str | None = None
    among: tuple[str, ...] | None = None
    kinds: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    roles: tuple[str, ...] = ("prose",)


@dataclass(frozen=True)
class Matching:
    """How a query matches: by default a document matches when it has every word, in any
    paragraphs; `same_paragraph` wants them in one paragraph. `exact` matches every word
    as written (no stemming). Documents come best first, or by `sort="date"` oldest first,
    or `sort="newest"` newest first (undated last either way)."""

    same_paragraph: bool = False
    exact: bool = False
    sort: str = "score"


@dataclass(frozen=True)
class ParagraphHit:
    """One matching paragraph, with the character spans of the matched words."""

    doc: str
    paragraph: int
    score: float
    title: str
    date: str | None
    kind: str
    text: str
    highlights: tuple[tuple[int, int], ...]
    role: str = "prose"


@dataclass(frozen=True)
class Cut:
    """A wildcard, prefix or fuzzy term that matches more indexed words than a search
    expands one term to: the first `kept` of them in alphabetical order, `first` to
    `last`, were searched, the rest left out."""

    term: str
    kept: int
    first: str
    last: str


@dataclass(frozen=True)
class Found:
    """What the engine found: the matching documents and paragraphs counted, the
    paragraphs chosen to show, grouped by document in rank order, and the terms whose
    expansion was cut."""

    documents: int
    paragraphs: int
    hits: tuple[ParagraphHit, ...]
    cut: tuple[Cut, ...] = ()
