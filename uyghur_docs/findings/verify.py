"""Checking quotations against the text of the report, supplied by the user.

The report numbers its paragraphs ("1.", "2." … or "para 12"). Each quotation is aligned
word by word with the paragraph that shares most of its words, and marked:

- `verbatim`: the same words in the same order. Case, quote style, spacing and the
  punctuation the quoting sentence adds at either end are not differences.
- `verbatim-with-elision`: the same words except where the quotation itself marks a
  change, with an ellipsis ("…", "[…]") for words left out or a bracketed insertion
  ("[Uyghurs and other Turkic peoples]") for words replaced. Quoting conventions are not
  alterations, but `diff` still shows what each mark stands for.
- `altered`: some other word added, dropped or changed; `diff` shows where.
- `not found`: no paragraph shares enough of the quotation's words.

Diffs read `[-report words-]{+quotation words+}`.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from uyghur_docs.errors import UdocsError
from uyghur_docs.findings.quote_groups import QuoteReport
from uyghur_docs.text.normalise import fold, one_line

# Share of a quotation's words that must line up with one paragraph to call it found.
MIN_SHARED = 0.6
_NUMBERED = re.compile(r"^\s*(?:(?:para(?:graph)?\.?|¶)\s*(\d+)[.:)]?|(\d+)\.)\s+(\S.*)$", re.I)
# Quote marks are not tokens at all: quote style is never a difference.
_TOKEN = re.compile(r"\[[^\[\]\n]*\]|\.\.\.|…|\w+(?:['’-]\w+)*|[^\w\s\"'“”‘’«»„‚‹›]")
_EDGE_PUNCTUATION = set(".,;:!?")
_NO_SPACE_BEFORE = set(".,;:!?)]’”'\"/")


class ReportTextError(UdocsError):
    """The supplied report text cannot be used for verification."""


@dataclass(frozen=True)
class ReportParagraph:
    """One numbered paragraph of the report."""

    number: int
    text: str


@dataclass(frozen=True)
class Verification:
    """A quotation checked against the report: the ¶ it comes from, how faithful it is."""

    text: str
    status: str
    paragraph: int | None
    report_text: str | None
    diff: str | None
    ids: tuple[str, ...]


@dataclass(frozen=True)
class VerifyReport:
    """Every checked quotation, in the order of the quotation report."""

    results: tuple[Verification, ...]


def parse_report(text: str) -> tuple[ReportParagraph, ...]:
    """The numbered paragraphs of a report; unnumbered blocks (headings, notes) are skipped.

    >>> parse_report("Title\\n\\n1. One\\nstill one\\n\\nII. Heading\\n\\npara 2: Two")
    (ReportParagraph(number=1, text='One still one'), ReportParagraph(number=2, text='Two'))
    """
    paragraphs: list[tuple[int, list[str]]] = []
    inside = False
    for line in text.replace("\r\n", "\n").split("\n"):
        numbered = _NUMBERED.match(line)
        if numbered:
            paragraphs.append((int(numbered[1] or numbered[2]), [numbered[3]]))
            inside = True
        elif not line.strip():
            inside = False  # a blank line ends a paragraph; what follows unnumbered is not one
        elif inside:
            paragraphs[-1][1].append(line)
    if not paragraphs:
        raise ReportTextError(
            "no numbered paragraphs in the report text; paragraphs must start with "
            "'1.', '2.' … or 'para 12'"
        )
    return tuple(ReportParagraph(n, one_line(" ".join(lines))) for n, lines in paragraphs)


def _tokens(text: str) -> list[re.Match]:
    return list(_TOKEN.finditer(text))


def _key(token: str) -> str:
    return fold(token)


def _is_mark(token: str) -> bool:
    """An ellipsis or a bracketed insertion: the quoter's own sign of a change."""
    return token in ("...", "…") or (token.startswith("[") and token.endswith("]"))


def _trimmed(quote: str) -> list[str]:
    """The quotation's tokens without the punctuation its host sentence put at either end."""
    tokens = [t.group() for t in _tokens(quote)]
    while tokens and tokens[-1] in _EDGE_PUNCTUATION:
        tokens.pop()
    while tokens and tokens[0] in _EDGE_PUNCTUATION:
        tokens.pop(0)
    return tokens


def _alignment(paragraph: ReportParagraph, quote: list[str]):
    """(share of the quotation's words found, report token span) for one paragraph."""
    tokens = _tokens(paragraph.text)
    matcher = SequenceMatcher(None, [_key(t.group()) for t in tokens], [_key(t) for t in quote])
    matcher.autojunk = False
    minimum = 1 if len(quote) <= 3 else 2  # lone shared words like "the" are not evidence
    every = [b for b in matcher.get_matching_blocks() if b.size]
    kept = [i for i, b in enumerate(every) if b.size >= minimum]
    if not kept:
        return 0.0, None
    words = sum(1 for t in quote if not _is_mark(t)) or 1
    first, last = kept[0], kept[-1]
    # A lone word past the evidence belongs to the quotation if the words between line up,
    # or if the quotation marks an elision there ("sexual […] violence").
    while first > 0 and _lines_up(every[first - 1], every[first], quote):
        first -= 1
    while last < len(every) - 1 and _lines_up(every[last], every[last + 1], quote):
        last += 1
    head, tail = every[first], every[last]
    # Stretch the span over unmatched words at the quotation's ends, so they show as changes.
    start = max(0, head.a - head.b)
    end = min(len(tokens), tail.a + tail.size + len(quote) - (tail.b + tail.size))
    return sum(every[i].size for i in kept) / words, tokens[start:end]


def _lines_up(before, after, quote: list[str]) -> bool:
    between = quote[before.b + before.size : after.b]
    report_gap = after.a - (before.a + before.size)
    return report_gap == len(between) or any(map(_is_mark, between))


def verify_quote(quote: str, report: Sequence[ReportParagraph], ids=()) -> Verification:
    """Check one quotation (as written, marks allowed) against the report's paragraphs."""
    tokens = _trimmed(quote)
    text = one_line(quote)
    best = max(((_alignment(p, tokens), p) for p in report), key=lambda ap: ap[0][0])
    (share, span), paragraph = best
    if share < MIN_SHARED or not span:
        return Verification(text, "not found", None, None, None, tuple(ids))
    report_text = paragraph.text[span[0].start() : span[-1].end()]
    found = [t.group() for t in span]
    opcodes = SequenceMatcher(
        None, [_key(t) for t in found], [_key(t) for t in tokens], autojunk=False
    ).get_opcodes()
    changes = [(tag, found[i1:i2], tokens[j1:j2]) for tag, i1, i2, j1, j2 in opcodes]
    if all(tag == "equal" for tag, _, _ in changes):
        return Verification(text, "verbatim", paragraph.number, report_text, None, tuple(ids))
    marked = all(tag == "equal" or (new and all(map(_is_mark, new))) for tag, _, new in changes)
    status = "verbatim-with-elision" if marked else "altered"
    return Verification(text, status, paragraph.number, report_text, _render(changes), tuple(ids))


def _render(changes) -> str:
    """Opcodes as text: equal runs as they are, `[-report-]{+quotation+}` elsewhere."""
    parts = []
    for tag, old, new in changes:
        if tag == "equal":
            parts.append(_join(new))
            continue
        parts.append((f"[-{_join(old)}-]" if old else "") + (f"{{+{_join(new)}+}}" if new else ""))
    return " ".join(p for p in parts if p)


def _join(tokens: Iterable[str]) -> str:
    out = ""
    for token in tokens:
        out += token if not out or token in _NO_SPACE_BEFORE or out[-1] in "([‘“/" else " " + token
    return out


def verify_report(report_text: str, quotes: QuoteReport) -> VerifyReport:
    """Check every distinct quotation of a quotation report against the report's text."""
    report = parse_report(report_text)
    results = []
    for group in quotes.quotes:
        written: dict[str, list[str]] = {}
        for citation in group.citations:
            written.setdefault(citation.as_written, []).append(citation.id)
        for as_written, ids in written.items():
            results.append(verify_quote(as_written, report, tuple(dict.fromkeys(ids))))
    return VerifyReport(tuple(results))
