"""Checking quotations against the text of the report, supplied by the user.

The report numbers its paragraphs ("1.", "2." … or "para 12"). Each quotation is found in
the paragraph that holds it (`extract.report` tolerates what PDF extraction does to words),
aligned with it word by word, and marked:

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
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from uyghur_docs.extract import report as report_text
from uyghur_docs.extract.report import Report, ReportParagraph, ReportTextError
from uyghur_docs.findings.quote_groups import QuotesResult
from uyghur_docs.text.normalise import fold, one_line

__all__ = [
    "ReportParagraph",
    "ReportTextError",
    "Verification",
    "VerificationResult",
    "verify_quotes",
]

# Quote marks are not tokens at all: quote style is never a difference.
_TOKEN = re.compile(r"\[[^\[\]\n]*\]|\.\.\.|…|\w+(?:['’-]\w+)*|[^\w\s\"'“”‘’«»„‚‹›]")
_EDGE_PUNCTUATION = set(".,;:!?")
_NO_SPACE_BEFORE = set(".,;:!?)]’”'\"/")


@dataclass(frozen=True)
class Verification:
    """A quotation checked against the report: the report's ¶ it comes from, how faithful it
    is, and the statements quoting it so (`ids`, and `cited_by` as `id ¶N`)."""

    text: str
    status: str
    paragraph: int | None
    report_text: str | None
    diff: str | None
    ids: tuple[str, ...]
    cited_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class VerificationResult:
    """Every checked quotation, in the order of the quotation report."""

    results: tuple[Verification, ...]


def parse_report(text: str) -> tuple[ReportParagraph, ...]:
    """The numbered paragraphs of a report's text; unnumbered blocks (headings, notes) are
    skipped.

    >>> parse_report("Title\\n\\n1. One\\nstill one\\n\\nII. Heading\\n\\npara 2: Two")
    (ReportParagraph(number=1, text='One still one'), ReportParagraph(number=2, text='Two'))
    """
    return report_text.parse_report(text).paragraphs


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _key(token: str) -> str:
    """A token as compared: folded, hyphens ignored (a PDF keeps or drops them at line ends)."""
    return fold(token).replace("-", "")


def _is_mark(token: str) -> bool:
    """An ellipsis or a bracketed insertion: the quoter's own sign of a change."""
    return token in ("...", "…") or (token.startswith("[") and token.endswith("]"))


def _trimmed(quote: str) -> list[str]:
    """The quotation's tokens without the punctuation its host sentence put at either end."""
    tokens = [t.text for t in _tokens(quote)]
    while tokens and tokens[-1] in _EDGE_PUNCTUATION:
        tokens.pop()
    while tokens and tokens[0] in _EDGE_PUNCTUATION:
        tokens.pop(0)
    return tokens


def _repaired(tokens: list[_Token], quote: list[str]) -> list[_Token]:
    """The report's tokens with the words a PDF split (`rel igious`, `far- reaching`) joined
    again wherever the quotation has the whole word."""
    wanted = {_key(t) for t in quote}
    out: list[_Token] = []
    i = 0
    while i < len(tokens):
        for size in (3, 2):
            run = tokens[i : i + size]
            joined = _key("".join(t.text for t in run))
            if len(run) == size and joined in wanted and _key(run[0].text) not in wanted:
                out.append(_Token("".join(t.text for t in run), run[0].start, run[-1].end))
                i += size
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def _alignment(paragraph: ReportParagraph, quote: list[str]):
    """(share of the quotation's words found, report token span) for one paragraph."""
    tokens = _repaired(_tokens(paragraph.text), quote)
    matcher = SequenceMatcher(None, [_key(t.text) for t in tokens], [_key(t) for t in quote])
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


def verify_quote(quote: str, report: Report | Sequence[ReportParagraph], ids=()) -> Verification:
    """Check one quotation (as written, marks allowed) against the report's paragraphs."""
    if not isinstance(report, Report):
        report = Report(tuple(report))
    tokens = _trimmed(quote)
    text = one_line(quote)
    found = report.locate(" ".join(tokens))
    span = _alignment(report.paragraph(found.paragraph), tokens)[1] if found else None
    if not span:
        return Verification(text, "not found", None, None, None, tuple(ids))
    paragraph = report.paragraph(found.paragraph)
    report_words = paragraph.text[span[0].start : span[-1].end]
    old = [t.text for t in span]
    opcodes = SequenceMatcher(
        None, [_key(t) for t in old], [_key(t) for t in tokens], autojunk=False
    ).get_opcodes()
    changes = [(tag, old[i1:i2], tokens[j1:j2]) for tag, i1, i2, j1, j2 in opcodes]
    marks = any(map(_is_mark, tokens))
    if all(tag == "equal" for tag, _, _ in changes) or (found.exact and not marks):
        return Verification(text, "verbatim", paragraph.number, report_words, None, tuple(ids))
    marked = all(tag == "equal" or (new and all(map(_is_mark, new))) for tag, _, new in changes)
    status = "verbatim-with-elision" if marked or found.exact else "altered"
    diff = _render(changes)
    return Verification(text, status, paragraph.number, report_words, diff, tuple(ids))


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


def verify_quotes(report: Report | str, quotes: QuotesResult) -> VerificationResult:
    """Check every distinct quotation of a quotation report against the report (its text,
    or the report already read)."""
    if isinstance(report, str):
        report = report_text.parse_report(report)
    results = []
    for group in quotes.quotes:
        written: dict[str, list] = {}
        for citation in group.citations:
            written.setdefault(citation.as_written, []).append(citation)
        for as_written, citations in written.items():
            ids = tuple(dict.fromkeys(c.id for c in citations))
            checked = verify_quote(as_written, report, ids)
            cited_by = tuple(f"{c.id} ¶{c.paragraph}" for c in citations)
            results.append(replace(checked, cited_by=cited_by))
    return VerificationResult(tuple(results))
