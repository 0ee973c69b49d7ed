"""PDF text in reading order, with pdfplumber: words with their font sizes and positions.

Per page: a vertical gutter free of words splits a two-column page, read left column then
right; a row that runs across the gutter (a heading over both columns) ends both columns.
Lines at a page's top and bottom edge that recur on other pages (running headers and
footers) and bare page numbers go. Footnote reference marks (small raised digits glued to
a word) go; footnotes (smaller print under the body) become paragraphs after the body.

Lines become paragraphs: a vertical gap, a change of print size, a list marker or a short
line ending a sentence starts a new one; a line that runs to the column's edge is wrapped
text and joins the next with a space (a word hyphenated across the break is mended); a
short line that ends no sentence is kept as a line (a name in a list of names).
"""

import io
import re
import statistics
from dataclasses import dataclass
from itertools import pairwise

from uyghur_docs.errors import IngestError
from uyghur_docs.text.normalise import one_line

_PAGE_NUMBER = re.compile(
    r"^(page\s+)?[-–—(]?\s*\d{1,4}\s*[-–—)]?(\s*(/|of)\s*\d{1,4})?$", re.IGNORECASE
)
_BULLET = re.compile(r"^([•▪●◦‣*]|[-–—]\s|\(?\d{1,3}[.)]\s|\([a-z]\)\s)")
_SENTENCE_END = re.compile(r"[.!?:;。！？][\"”’)]*$")
_FOOTNOTE_START = re.compile(r"^\d{1,3}\s")
_HYPHENATED = re.compile(r"([^\W\d_]+)-$")
_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Lines in this share of the page height at its top or bottom may be running lines.
EDGE = 0.09
# A line recurring at the edge of this share of the pages (and of two at least) is running.
RUNNING_SHARE = 0.3
# Print this much smaller than the body is a footnote; this much smaller, a reference mark.
FOOTNOTE_RATIO = 0.95
MARK_RATIO = 0.8
# The column of a line that runs across the page (all lines of a one-column page).
ACROSS = -1
# A reference mark this close (points) after a word belongs to it.
MARK_GLUE = 3
# A gutter is a run of word-free x positions this wide, in this middle band of the page.
GUTTER_WIDTH = 8
GUTTER_BAND = (0.3, 0.7)
# A line ending this close (share of the column width) to the column's right edge is wrapped.
FULL_LINE = 0.12
# A vertical gap above a line wider than the usual one between lines by more than this
# share of the line's height starts a paragraph.
PARAGRAPH_GAP = 0.5


@dataclass(frozen=True)
class Line:
    """One line of one column, with its print size and position."""

    text: str
    size: float
    top: float
    bottom: float
    x0: float
    x1: float
    column: tuple[int, int]  # (page, column or ACROSS), so breaks between them are known


@dataclass(frozen=True)
class PdfText:
    """A PDF's body paragraphs, its footnotes, the largest print on page 1, its info."""

    paragraphs: list[str]
    footnotes: list[str]
    headline: str | None
    title: str | None
    date: str | None


def read_pdf(path, data: bytes) -> PdfText:
    """The text of a PDF's bytes, or an IngestError saying why there is none."""
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages, heights = [], []
            for n, page in enumerate(pdf.pages):
                pages.append(_page_lines(page, n))
                heights.append(page.height)
                # Its parsed objects freed: a long PDF is read in about one page's memory.
                page.close()
            info = pdf.metadata or {}
    except Exception as exc:  # pdfminer raises many types on damaged or locked files
        raise _unreadable(path, exc) from exc
    if not any(pages):
        raise IngestError(
            f"{path} has no text layer (a scanned PDF?); it needs OCR first, e.g."
            " `ocrmypdf in.pdf out.pdf`, then add the result"
        )
    body_size = _body_size(pages)
    pages = _without_running_lines(pages, heights)
    body, notes = _split_footnotes(pages, body_size)
    return PdfText(
        paragraphs=_paragraphs(body, body_size),
        footnotes=_paragraphs(notes, body_size * FOOTNOTE_RATIO, _FOOTNOTE_START),
        headline=_largest(pages[0], body_size) if pages else None,
        title=one_line(str(info.get("Title") or "")) or None,
        date=_info_date(info.get("CreationDate")),
    )


def _unreadable(path, exc: Exception) -> IngestError:
    # pdfplumber wraps pdfminer's own exception (a wrong password, a broken file) in its own.
    cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    if "password" in type(cause).__name__.lower() or "encrypt" in str(cause).lower():
        return IngestError(
            f"{path} is an encrypted PDF; save a copy without a password and add that"
        )
    return IngestError(f"{path} is not a readable PDF ({cause}); check the file")


def _info_date(value) -> str | None:
    """The creation date of the PDF info (`D:20220901172258+02'00'`), as ISO."""
    text = value.decode("latin-1") if isinstance(value, bytes) else str(value or "")
    match = re.match(r"^(?:D:)?(\d{4})(\d{2})(\d{2})", text)
    return f"{match[1]}-{match[2]}-{match[3]}" if match else None


def _page_lines(page, number: int) -> list[Line]:
    words = page.extract_words(extra_attrs=["size"], keep_blank_chars=False)
    if not words:
        return []
    size = statistics.median(w["size"] for w in words)
    marks = [w for w in words if w["size"] < MARK_RATIO * size and w["text"].isdigit()]
    rows = _rows([w for w in words if w not in marks], marks)
    gutter = _gutter([w for row in rows for w in row], page.width)
    lines: list[Line] = []
    columns: dict[int, list[Line]] = {0: [], 1: []}
    for row in rows:
        if gutter is None or any(w["x0"] < gutter < w["x1"] for w in row):
            lines += columns[0] + columns[1] + [_line(row, (number, ACROSS))]
            columns = {0: [], 1: []}
            continue
        for side in (0, 1):
            part = [w for w in row if (w["x1"] <= gutter) == (side == 0)]
            if part:
                columns[side].append(_line(part, (number, side)))
    return lines + columns[0] + columns[1]


def _rows(words: list[dict], marks: list[dict]) -> list[list[dict]]:
    """Words grouped into rows by their vertical position, each row left to right.

    A reference mark joins the row it sits in when glued to a word, else is text of its own.
    """
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        row = rows[-1] if rows else None
        if row and abs(word["top"] - row[0]["top"]) <= min(word["size"], row[0]["size"]) / 3:
            row.append(word)
        else:
            rows.append([word])
    for mark in marks:
        middle = (mark["top"] + mark["bottom"]) / 2
        home = next((r for r in rows if r[0]["top"] - 1 <= middle <= r[0]["bottom"] + 1), None)
        if home is None:
            rows.append([mark])
        elif not _is_mark(mark, home):
            home.append(mark)
    return sorted((sorted(r, key=lambda w: w["x0"]) for r in rows), key=lambda r: r[0]["top"])


def _is_mark(mark: dict, row: list[dict]) -> bool:
    """A reference mark: raised above the row's baseline, right after one of its words."""
    raised = mark["bottom"] < max(w["bottom"] for w in row) - 1
    return raised and any(abs(mark["x0"] - w["x1"]) < MARK_GLUE for w in row)


def _gutter(words: list[dict], width: float) -> float | None:
    """The middle of a word-free vertical band that splits the page in two columns."""
    low, high = (int(width * share) for share in GUTTER_BAND)
    covered = [0] * (int(width) + 2)
    for word in words:
        for x in range(max(0, int(word["x0"])), min(len(covered), int(word["x1"]) + 1)):
            covered[x] += 1
    allowed = len(words) // 50
    best, run = None, []
    for x in range(low, high):
        run = [*run, x] if covered[x] <= allowed else []
        if len(run) >= GUTTER_WIDTH and (best is None or len(run) > len(best)):
            best = run
    if best is None:
        return None
    middle = (best[0] + best[-1]) / 2
    left = sum(w["x1"] <= middle for w in words)
    right = sum(w["x0"] >= middle for w in words)
    return middle if min(left, right) >= len(words) / 4 else None


def _line(words: list[dict], column: tuple[int, int]) -> Line:
    return Line(
        text=" ".join(w["text"] for w in words),
        size=round(statistics.median(w["size"] for w in words), 1),
        top=min(w["top"] for w in words),
        bottom=max(w["bottom"] for w in words),
        x0=min(w["x0"] for w in words),
        x1=max(w["x1"] for w in words),
        column=column,
    )


def _body_size(pages: list[list[Line]]) -> float:
    """The print size most of the text is set in."""
    weights: dict[float, int] = {}
    for line in (line for page in pages for line in page):
        weights[line.size] = weights.get(line.size, 0) + len(line.text)
    return max(weights, key=weights.get)


def _mask(text: str) -> str:
    return re.sub(r"\d+", "#", one_line(text))


def _without_running_lines(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    edges = [
        [line for line in page if _at_edge(line, h)] for page, h in zip(pages, heights, strict=True)
    ]
    seen: dict[str, int] = {}
    for page in edges:
        for text in {_mask(line.text) for line in page}:
            seen[text] = seen.get(text, 0) + 1
    least = max(2, RUNNING_SHARE * len(pages))
    running = {text for text, count in seen.items() if count >= least}
    return [
        [
            line
            for line in page
            if not (
                _at_edge(line, h) and (_mask(line.text) in running or _PAGE_NUMBER.match(line.text))
            )
        ]
        for page, h in zip(pages, heights, strict=True)
    ]


def _at_edge(line: Line, height: float) -> bool:
    return line.top < EDGE * height or line.bottom > (1 - EDGE) * height


def _split_footnotes(pages: list[list[Line]], body_size: float):
    """Body lines and footnote lines: smaller print below a page's last body line."""
    body, notes = [], []
    for page in pages:
        last_body = max((n for n, line in enumerate(page) if line.size >= body_size), default=-1)
        for n, line in enumerate(page):
            small = line.size < FOOTNOTE_RATIO * body_size
            (notes if small and n > last_body else body).append(line)
    return body, notes


def _largest(page: list[Line], body_size: float) -> str | None:
    """The lines set in the largest print on a page, above the body size, joined."""
    size = max((line.size for line in page), default=0)
    if size <= body_size:
        return None
    first = next(n for n, line in enumerate(page) if line.size == size)
    taken = []
    for line in page[first:]:
        if line.size != size:
            break
        taken.append(line.text)
    return one_line(" ".join(taken))


def _paragraphs(lines: list[Line], body_size: float, start=_BULLET) -> list[str]:
    """Paragraphs of lines; `start` matches a line that opens one (a list marker, a note's
    number)."""
    vocabulary = {w.lower() for line in lines for w in _WORDS.findall(line.text)}
    right = _right_edges(lines)
    usual = _usual_gap(lines)
    paragraphs: list[str] = []
    previous = None
    for line in lines:
        text = one_line(line.text)
        if previous is None or _starts_paragraph(previous, line, text, (right, usual, start)):
            paragraphs.append(text)
        else:
            paragraphs[-1] = _join(paragraphs[-1], text, previous, right, vocabulary, body_size)
        previous = line
    return paragraphs


def _right_edges(lines: list[Line]) -> dict[int, tuple[float, float]]:
    """Each column's left and right edge, over all pages: a page of short lines (a list of
    names) has its margins where the other pages have theirs, not at its longest line."""
    edges: dict[int, tuple[float, float]] = {}
    for line in lines:
        low, high = edges.get(line.column[1], (line.x0, line.x1))
        edges[line.column[1]] = (min(low, line.x0), max(high, line.x1))
    return edges


def _is_full(line: Line, edges) -> bool:
    low, high = edges[line.column[1]]
    return line.x1 >= high - FULL_LINE * (high - low)


def _usual_gap(lines: list[Line]) -> float:
    """The gap most often left between two lines of one paragraph."""
    gaps = [
        b.top - a.bottom
        for a, b in pairwise(lines)
        if a.column == b.column and a.size == b.size and 0 <= b.top - a.bottom < a.bottom - a.top
    ]
    return statistics.median(gaps) if gaps else 0.0


def _starts_paragraph(previous: Line, line: Line, text: str, layout) -> bool:
    edges, usual, start = layout
    ended = _SENTENCE_END.search(previous.text) is not None
    if previous.column != line.column:
        carried = _is_full(previous, edges) or previous.text.endswith("-")
        return ended or not carried or abs(previous.size - line.size) > 0.5
    gap = line.top - previous.bottom
    return (
        abs(previous.size - line.size) > 0.5
        or gap > usual + PARAGRAPH_GAP * (previous.bottom - previous.top)
        or start.match(text) is not None
        or (ended and not _is_full(previous, edges))
    )


def _join(paragraph: str, text: str, previous: Line, edges, vocabulary, body_size) -> str:
    """A line added to its paragraph: a hyphenated word mended, wrapped text with a space,
    a short line as a line of its own."""
    hyphen = _HYPHENATED.search(paragraph)
    if hyphen and text[:1].islower():
        head, tail = hyphen[1], _WORDS.match(text)
        tail = tail[0] if tail else ""
        whole = (head + tail).lower() in vocabulary or f"{head}-{tail}".lower() not in vocabulary
        return paragraph[:-1] + text if whole else paragraph + text
    if re.search(r"[^\W_]-$", paragraph):  # "Counter-" + "Terrorism", "2021-" + "2030"
        return paragraph + text
    wrapped = _is_full(previous, edges) or previous.size > body_size + 0.5
    return paragraph + (" " if wrapped else "\n") + text
