"""Blocks: what the structured readers (Markdown, HTML, PDF) hand to the corpus.

A block is one paragraph as a reader sees it: a heading, a paragraph, a list item, a table
row or preformatted lines. `paragraphs` writes blocks as the corpus text contract says:
list items start with their marker (`• `, `N. `), table cells are joined by ` | ` (an
empty cell stays empty between its separators: `A | | B`; a row of one cell keeps its
edges: `| A |`), the source's line breaks stay newlines inside the paragraph, whitespace
inside a line is collapsed, and a preformatted block splits at its blank lines.
"""

from dataclasses import dataclass

from uyghur_docs.text.normalise import one_line

BULLET = "• "
# A heading among this many first blocks may be the title even when it is not an h1.
OPENING_BLOCKS = 1
# A top-level heading names the document when it comes among this many first blocks.
HEADER_BLOCKS = 8


@dataclass(frozen=True)
class Block:
    """One block; `level` is a heading's (1–6), `marker` a list item's (`• `, `3. `)."""

    kind: str  # heading | paragraph | item | row | pre
    text: str = ""
    level: int = 0
    marker: str = ""
    cells: tuple[str, ...] = ()


def ordinal(number: int) -> str:
    """The marker of an ordered list's item numbered `number`.

    >>> ordinal(5)
    '5. '
    """
    return f"{number}. "


def lines(text: str) -> str:
    """Each line's whitespace collapsed; empty lines dropped.

    >>> lines("  a \\t b \\n\\n  c ")
    'a b\\nc'
    """
    return "\n".join(filter(None, (one_line(line) for line in text.split("\n"))))


def paragraphs(blocks: list[Block]) -> list[str]:
    """The corpus paragraphs of blocks, empty ones left out.

    >>> paragraphs([Block("heading", " Title ", level=1), Block("item", "Org", marker="• "),
    ...             Block("row", cells=("A", "", "B ")), Block("pre", "x  y\\n\\nz")])
    ['Title', '• Org', 'A | | B', 'x y', 'z']
    """
    found: list[str] = []
    for block in blocks:
        if block.kind == "row":
            if any(cell.strip() for cell in block.cells):
                found.append(_row(block.cells))
        elif block.kind == "pre":
            found.extend(filter(None, map(lines, _chunks(block.text))))
        elif text := lines(block.text):
            found.append(block.marker + text if block.kind == "item" else text)
    return found


def _row(cells: tuple[str, ...]) -> str:
    """A table row's cells joined by ` | `; a row of one cell keeps its edges (`| A |`),
    so that it still reads as a row, not as a line of prose.

    >>> _row(("A", "B")), _row(("A",))
    ('A | B', '| A |')
    """
    text = one_line(" | ".join(one_line(cell) for cell in cells))
    return f"| {text} |" if len(cells) == 1 else text


def _chunks(text: str) -> list[str]:
    chunks, current = [], []
    for line in text.split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            chunks.append("\n".join(current))
            current = []
    return chunks + (["\n".join(current)] if current else [])


def headline(blocks: list[Block]) -> str | None:
    """The first top-level heading, else a heading that opens the document, on one line.

    A lower heading further down names a section ("Signed by"), not the document, and so
    does a top-level one far from the top.

    >>> headline([Block("heading", "Geneva", level=3), Block("heading", "Title", level=1)])
    'Title'
    >>> headline([Block("paragraph", "Text."), Block("heading", "Signed by", level=2)]) is None
    True
    """
    texts = [(b, text) for b in blocks if (text := one_line(b.text))][:HEADER_BLOCKS]
    top = next((text for b, text in texts if b.kind == "heading" and b.level == 1), None)
    opening = texts[:OPENING_BLOCKS]
    return top or next((text for b, text in opening if b.kind == "heading"), None)
