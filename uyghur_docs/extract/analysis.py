"""What udocs reads out of a document: the one place every extractor runs.

Indexing stores the analysis of each document in the catalog; listings (`docs`, `quotes`,
`signers`) read it from there, and only new or changed documents are analysed again. The
extractors are imported when a document is analysed, so that reading stored analyses (every
search checks the catalog) costs none of their start-up.
"""

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from uyghur_docs.models import Document

if TYPE_CHECKING:
    from uyghur_docs.extract.issuers import Issuer
    from uyghur_docs.extract.quotes import Quotation
    from uyghur_docs.extract.report import Report
    from uyghur_docs.extract.signers import Signatory


@dataclass(frozen=True)
class Analysis:
    """A document's quotations, signatories and issuers. The records may be left unread
    (empty) where only the counts are wanted; the counts are always there."""

    report_quotes: int = 0
    signatory_count: int = 0
    quotes: tuple["Quotation", ...] = ()
    signatories: tuple["Signatory", ...] = ()
    issuers: tuple["Issuer", ...] = ()


SIGNER_RECORDS = ("signatories", "issuers")


def analyse(
    doc: Document, report: "Report | None" = None, wanted: tuple[str, ...] = ()
) -> Analysis:
    """Every extractor over one document, or only those the records `wanted` need (a
    listing of quotations reads no signatures); the report's text, when known, is evidence
    of which quotations are the report's."""
    from uyghur_docs.extract.quotes import extract_quotes, is_report_quote

    quotes = extract_quotes(doc.paragraphs, doc.date, report)
    counted = Analysis(report_quotes=sum(map(is_report_quote, quotes)), quotes=quotes)
    if wanted and not set(wanted) & set(SIGNER_RECORDS):
        return counted
    from uyghur_docs.extract.issuers import extract_issuers
    from uyghur_docs.extract.signers import extract_signatories

    signatories = extract_signatories(doc.paragraphs)
    return replace(
        counted,
        signatory_count=len(signatories),
        signatories=signatories,
        issuers=extract_issuers(doc.paragraphs),
    )
