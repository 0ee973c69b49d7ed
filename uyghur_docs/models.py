"""The data udocs passes around: frozen dataclasses, and `--json` is their `asdict`."""

from dataclasses import dataclass

KINDS = ("joint-letter", "joint-statement", "news-release", "press-release", "other")


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
