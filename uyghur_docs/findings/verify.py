"""Checking the quotations of a quotation report against the text of the report.

Each distinct quotation as written is checked once (`extract.alignment`: `verbatim`,
`verbatim-with-elision`, `altered` or `not found`, with the report's paragraph and a diff
reading `[-report words-]{+quotation words+}`), with the statements that quote it so.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace

from uyghur_docs.extract import report as report_text
from uyghur_docs.extract.alignment import check
from uyghur_docs.extract.report import Report, ReportParagraph, ReportTextError
from uyghur_docs.findings.quote_groups import QuotesResult
from uyghur_docs.text.normalise import one_line

__all__ = [
    "ReportParagraph",
    "ReportTextError",
    "Verification",
    "VerificationResult",
    "verify_quotes",
]


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


def verify_quote(quote: str, report: Report | Sequence[ReportParagraph], ids=()) -> Verification:
    """Check one quotation (as written, marks allowed) against the report's paragraphs."""
    if not isinstance(report, Report):
        report = Report(tuple(report))
    found = check(quote, report)
    return Verification(
        one_line(quote), found.status, found.paragraph, found.report_text, found.diff, tuple(ids)
    )


def verify_quotes(
    report: Report | str, quotes: QuotesResult, statuses: tuple[str, ...] = ()
) -> VerificationResult:
    """Check every distinct quotation of a quotation report against the report (its text,
    or the report already read); keep those of `statuses`, if given."""
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
            if not statuses or checked.status in statuses:
                results.append(replace(checked, cited_by=cited_by))
    return VerificationResult(tuple(results))
