"""The report's paragraphs by how many statements quote them (`udocs quotes --by-paragraph`).

Every citation already carries the report paragraph that best explains it
(`Citation.report_paragraph`); this counts them per paragraph of the shipped report.
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from uyghur_docs.findings.quote_groups import QuotesResult

# How much of a paragraph's text is shown beside its number.
OPENING_CHARS = 80


@dataclass(frozen=True)
class QuotedParagraph:
    """A paragraph of the report: the statements quoting it (the copies of one are one),
    the date of the first, their ids by date, and the words they quote from it."""

    paragraph: int
    statements: int
    first_quoted: str | None
    ids: tuple[str, ...]
    quoted: tuple[str, ...]
    opening: str


@dataclass(frozen=True)
class ParagraphsResult:
    """The report's paragraphs, most quoted first (or, unquoted, those none quotes)."""

    paragraphs: tuple[QuotedParagraph, ...]


def paragraphs_result(
    quotes: QuotesResult,
    report: Mapping[int, str],
    statement_of: Mapping[str, str] | None = None,
    unquoted: bool = False,
    among: Collection[str] | None = None,
) -> ParagraphsResult:
    """The paragraphs of `report` (number -> text) quoted by the statements of `quotes`
    (only the documents `among`, if given), most quoted first, then by number; with
    `unquoted`, the paragraphs no statement quotes, by number. `statement_of` maps a copy
    to its statement, so that copies count once (their ids are all listed)."""
    statement_of = statement_of or {}
    cited: dict[int, dict] = {}
    for group in quotes.quotes:
        for c in group.citations:
            if c.report_paragraph is None or (among is not None and c.id not in among):
                continue
            seen = cited.setdefault(c.report_paragraph, {"ids": {}, "words": {}})
            seen["ids"][c.id] = c.date
            seen["words"][group.text] = None
    if unquoted:
        rows = [_row(n, text, {}, {}) for n, text in report.items() if n not in cited]
        return ParagraphsResult(tuple(sorted(rows, key=lambda r: r.paragraph)))
    rows = [
        _row(n, report.get(n, ""), seen["ids"], seen["words"], statement_of)
        for n, seen in cited.items()
    ]
    rows.sort(key=lambda r: (-r.statements, r.paragraph))
    return ParagraphsResult(tuple(rows))


def _row(number, text, ids: dict, words: dict, statement_of=None) -> QuotedParagraph:
    dated = sorted(ids.items(), key=lambda item: (item[1] is None, item[1] or "", item[0]))
    statements = {(statement_of or {}).get(doc_id, doc_id) for doc_id in ids}
    first = next((date for _, date in dated if date), None)
    opening = " ".join(text.split())
    if len(opening) > OPENING_CHARS:
        opening = opening[: OPENING_CHARS - 1] + "…"
    return QuotedParagraph(
        number, len(statements), first, tuple(i for i, _ in dated), tuple(words), opening
    )
