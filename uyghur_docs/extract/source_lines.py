"""The lines of a document as a signature block reader sees them.

A reader keeps each source line of a paragraph (a Markdown paragraph of one name per line,
a `<br>` run, a PDF's lines), so a line is the unit a list entry is written on. Prose that
was only wrapped is joined again: a line that ends inside a phrase (on "of", "and", a comma
of a comma list) or whose follower starts in lower case continues onto the next. A name
followed by its postal address and site keeps only the name.
"""

import re
from collections.abc import Sequence

from uyghur_docs.text.names import CONNECTORS
from uyghur_docs.text.normalise import fold

# A line this long that runs on in lower case is wrapped prose, not a name over a role.
MIN_WRAPPED_WORDS = 5
_SEPARATOR_END = re.compile(r"[、，,;；]$")
_STOP_END = re.compile(r"[.!?:;。！？：；)\]]$")


def source_lines(paragraphs: Sequence[str]) -> list[tuple[int, str]]:
    """(paragraph number, line) pairs, wrapped lines joined again."""
    found = []
    for number, paragraph in enumerate(paragraphs, 1):
        parts = unwrap([line.strip() for line in paragraph.split("\n") if line.strip()])
        if len(parts) > 1 and is_address(parts[-1]) and not is_address(parts[0]):
            parts = parts[:1]
        found.extend((number, line) for line in parts)
    return found


def unwrap(lines: list[str]) -> list[str]:
    """Lines with each wrapped one joined to the line it continues.

    >>> unwrap(["We write on behalf of", "the groups below.", "Access Now", "Article 19"])
    ['We write on behalf of the groups below.', 'Access Now', 'Article 19']
    >>> unwrap(["Amnesty, PEN, HRW,", "ISHR and Article 19"])
    ['Amnesty, PEN, HRW, ISHR and Article 19']
    """
    joined: list[str] = []
    for line in lines:
        if joined and _continues(joined[-1], line):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _continues(previous: str, line: str) -> bool:
    words = previous.split()
    last = fold(words[-1]) if words else ""
    if last in CONNECTORS and last not in "-–—":
        return True
    if _SEPARATOR_END.search(previous) and len(re.split(r"[、，,;；]", previous)) > 2:
        return True
    first = line.split()[0]
    lower = first.isalpha() and first.islower()
    return lower and len(words) >= MIN_WRAPPED_WORDS and not _STOP_END.search(previous)


def is_address(line: str) -> bool:
    """A bare link or a postal line ("D-10115 Berlin") under a name."""
    bare_link = re.fullmatch(r"(?:https?://|www\.)\S+", line)
    postal = re.search(r"\b[A-Z]{0,2}-?\d{4,5}\s+[A-ZÀ-Ý]\w", line)
    return bool(bare_link or postal)
