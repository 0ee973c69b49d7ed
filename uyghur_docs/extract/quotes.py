"""Quotations in a document: where they are, exactly as written, and who is being quoted.

Quote marks are paired with a single left-to-right scan. Each mark is classed as opening or
closing from the characters around it (as Markdown's smart quotes do), so typographic
direction, straight quotes and mistyped curly quotes are all handled the same way, and an
apostrophe inside a word or after a plural (People's, Guterres') never opens a quotation.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from uyghur_docs.text.normalise import one_line

if TYPE_CHECKING:
    from uyghur_docs.extract.report import Report

# family, and the direction the glyph suggests: +1 opens, -1 closes, 0 either way.
_MARKS = {
    '"': ("double", 0),
    "\u201c": ("double", 1),
    "\u201e": ("double", 1),
    "\u201d": ("double", -1),
    "'": ("single", 0),
    "\u2018": ("single", 1),
    "\u201a": ("single", 1),
    "\u2019": ("single", -1),
    "\u00ab": ("guillemet", 1),
    "\u00bb": ("guillemet", -1),
    "\u2039": ("guillemet", 1),
    "\u203a": ("guillemet", -1),
}
_SINGLES = "'\u2018\u2019\u201a"
_ANY_MARK = re.compile("[" + re.escape("".join(_MARKS)) + "]")
MAX_NESTING = 4
_OPEN_PUNCT = "([{<\u2014\u2013-/"
_CLOSE_PUNCT = ".,;:!?)]}>\u2014\u2013-/\u2026"
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z])")


@dataclass(frozen=True)
class Quotation:
    """One quotation: ¶ number (from 1), offsets in that paragraph, and its attribution.

    `as_written` is the exact slice of the paragraph, marks and line breaks included;
    `text` is the words inside the marks on one line. `depth` is 0 unless the quotation
    sits inside another one. `kind` is report, office, person, government, other, term or
    unknown; `speaker` labels it for people and `cue` holds the words that decided it. When
    the report's text weighed in (`extract.evidence`), `cue_kind` is the kind the words
    alone gave, `report_paragraph` the report's ¶ that best explains the quotation, `status`
    how it stands against the report (verbatim, verbatim-with-elision, altered, not found,
    translated) and `report_text` the report's own words where they differ.
    """

    paragraph: int
    start: int
    end: int
    as_written: str
    text: str
    depth: int
    kind: str
    speaker: str
    cue: str
    cue_kind: str = ""
    report_paragraph: int | None = None
    status: str = ""
    report_text: str | None = None


@dataclass(frozen=True)
class Span:
    """Offsets of a quotation in a paragraph, opening mark to just after the closing one."""

    start: int
    end: int
    depth: int
    text_start: int
    text_end: int


def _mark_at(paragraph: str, i: int) -> tuple[str, int, int]:
    """The mark starting at i as (family, direction, length); two singles make a double."""
    pair = paragraph[i : i + 2]
    if len(pair) == 2 and pair[0] in _SINGLES and pair[1] in _SINGLES:
        # ‘’Now that…” and ''LaTeX'' style: two single marks typed for one double.
        direction = 1 if pair == "\u2018\u2018" else -1 if pair == "\u2019\u2019" else 0
        return "double", direction, 2
    family, direction = _MARKS[paragraph[i]]
    return family, direction, 1


def _role(prev: str, nxt: str, prev_opened: bool, direction: int, family: str, is_open: bool):
    """+1 if the mark opens, -1 if it closes, 0 if it is an apostrophe or stray mark."""
    if family == "guillemet":
        return direction  # never apostrophes, and French spacing defeats flanking
    after_space = prev == "" or prev.isspace() or prev in _OPEN_PUNCT or prev_opened
    left = nxt != "" and not nxt.isspace() and after_space
    right = not after_space and (nxt == "" or nxt.isspace() or nxt in _CLOSE_PUNCT or nxt in _MARKS)
    if left and not right:
        return 1
    if right and not left:
        return -1 if is_open else 0
    if left and right:
        return direction or (-1 if is_open else 1)
    return 0


def find_quotations(paragraph: str) -> list[Span]:
    """Spans of every balanced quotation in a paragraph, in order of their opening mark.

    Only the innermost open quotation of each family is remembered, so the scan is linear
    even on text made of nothing but quote marks; an opening mark that is never closed is
    dropped instead of swallowing the rest of the paragraph.

    >>> p = "He said \u201cthe \u2018so-called\u2019 plan\u201d; it\u2019s Guterres' 'call'."
    >>> [p[s.start:s.end] for s in find_quotations(p)]
    ['\u201cthe \u2018so-called\u2019 plan\u201d', '\u2018so-called\u2019', "'call'"]
    """
    stack: list[tuple[str, int, int]] = []  # (family, start, mark length), outermost first
    spans: list[Span] = []
    i, prev_opened = 0, False
    while mark := _ANY_MARK.search(paragraph, i):
        if mark.start() > i:
            i, prev_opened = mark.start(), False
        family, direction, length = _mark_at(paragraph, i)
        prev = paragraph[i - 1] if i else ""
        nxt = paragraph[i + length] if i + length < len(paragraph) else ""
        is_open = any(entry[0] == family for entry in stack)
        role = _role(prev, nxt, prev_opened, direction, family, is_open)
        if family == "single" and nxt.isdigit():
            role = 0  # the '90s, ’22: an elision, never a quotation
        if role == 1:
            # A typographic opener may nest in its own family (“counter-“extremism” laws”);
            # a straight or mistyped one means the earlier mark was never closed. Nesting
            # is capped, which keeps the stack, and so the scan, short on any input.
            if is_open and (direction != 1 or len(stack) >= MAX_NESTING):
                del stack[_last_of(stack, family) :]
            stack.append((family, i, length))
        elif role == -1 and is_open:
            depth = _last_of(stack, family)
            _, start, open_length = stack[depth]
            del stack[depth:]
            if paragraph[start + open_length : i].strip():
                spans.append(Span(start, i + length, 0, start + open_length, i))
        prev_opened = role == 1
        i += length
    return _nested(sorted(spans, key=lambda s: (s.start, -s.end)))


def _last_of(stack: list[tuple[str, int, int]], family: str) -> int:
    return max(k for k, entry in enumerate(stack) if entry[0] == family)


def _nested(spans: list[Span]) -> list[Span]:
    """The spans with their depth: how many closed quotations contain each one.

    Counting only closed quotations means a quotation inside one whose opening mark was
    never closed (a speech running on across paragraphs) stands at the top level.
    """
    open_ends: list[int] = []
    result = []
    for span in spans:
        while open_ends and open_ends[-1] <= span.start:
            open_ends.pop()
        result.append(Span(span.start, span.end, len(open_ends), span.text_start, span.text_end))
        open_ends.append(span.end)
    return result


def is_report_quote(quote: Quotation) -> bool:
    """Whether a quotation quotes the OHCHR report itself."""
    return quote.kind == "report"


def extract_quotes(
    paragraphs: Sequence[str], date: str | None = None, report: "Report | None" = None
) -> tuple[Quotation, ...]:
    """Every quotation in a document's paragraphs, attributed; `date` is the document's,
    `report` the report's text if known, weighed in as evidence.

    A pure function of its arguments, so it can run once per document when indexing.
    """
    # Imported here: reading stored quotations back needs no attribution machinery.
    from uyghur_docs.extract.attribution import attribute, introduced

    found = []
    contexts = []
    carried = None
    for number, paragraph in enumerate(paragraphs, start=1):
        spans = find_quotations(paragraph)
        if not spans:
            carried = introduced(paragraph)
            continue
        attributions, carried = attribute(paragraph, spans, date, carried)
        for span, who in zip(spans, attributions, strict=True):
            as_written = paragraph[span.start : span.end]
            contexts.append(_around(paragraph, span))
            found.append(
                Quotation(
                    paragraph=number,
                    start=span.start,
                    end=span.end,
                    as_written=as_written,
                    text=one_line(paragraph[span.text_start : span.text_end]),
                    depth=span.depth,
                    kind=who.kind,
                    speaker=who.speaker,
                    cue=who.cue,
                )
            )
    if report is not None:
        from uyghur_docs.extract.evidence import weigh

        found = [weigh(q, report, c) for q, c in zip(found, contexts, strict=True)]
    return tuple(found)


def _around(paragraph: str, span: Span, reach: int = 300) -> str:
    """The rest of a quotation's sentence (at most `reach` characters either side)."""
    before = paragraph[max(0, span.start - reach) : span.start]
    after = paragraph[span.end : span.end + reach]
    start = max((m.end() for m in _SENTENCE_END.finditer(before)), default=0)
    end = next((m.start() for m in _SENTENCE_END.finditer(after)), len(after))
    return before[start:] + " " + after[:end]
