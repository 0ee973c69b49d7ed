"""The same words quoted across documents, grouped, filtered and counted for `udocs quotes`.

`dataclasses.asdict(quotes_result(...))` is the JSON the CLI prints.
"""

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from uyghur_docs.corpus.folder import suggest
from uyghur_docs.errors import UdocsError, UnknownDocument
from uyghur_docs.extract.quotes import Quotation, extract_quotes, is_report_quote
from uyghur_docs.findings.quote_filter import QuoteFilter
from uyghur_docs.models import Document
from uyghur_docs.text.normalise import fold

if TYPE_CHECKING:
    from uyghur_docs.extract.report import Report

# Quoted fragments shorter than this only group with identical words: a single term such
# as 'extremism' must not join every longer quotation that happens to contain it.
MIN_CONTAINED_WORDS = 3
_ELLIPSIS = re.compile(r"\[[^\[\]]*\]|(?:\.\s*){3,}")
_TOKEN = re.compile(r"\.\.\.|\w+")


@dataclass(frozen=True)
class Citation:
    """Where a document quotes the words: its ¶ number, the quotation as written there, and
    the speaker and cue words of that quotation; how it stands against the report
    (`status`: verbatim, verbatim-with-elision, altered, not found or translated), the
    report's ¶ that best explains it, and the report's own words where they differ."""

    id: str
    title: str
    date: str | None
    paragraph: int
    as_written: str
    speaker: str = ""
    cue: str = ""
    report_paragraph: int | None = None
    status: str = ""
    report_text: str | None = None
    url: str | None = None  # where the document was published, if its provenance says


@dataclass(frozen=True)
class QuoteGroup:
    """Words quoted by one or more documents: the words every citation quotes, cited by date.

    `documents` counts the statements citing them (the copies of one statement are one, see
    `findings.copies`) and `first_quoted` is the earliest date.
    `cue` is the first citation's; each citation has its own.
    """

    text: str
    attributed_to: str
    cue: str
    citations: tuple[Citation, ...]
    documents: int = 0
    first_quoted: str | None = None


@dataclass(frozen=True)
class QuotesResult:
    """The groups of a `udocs quotes` query, most-cited first."""

    quotes: tuple[QuoteGroup, ...]


def with_urls(result: QuotesResult, urls: Mapping[str, str]) -> QuotesResult:
    """The result with each citation's source URL (`corpus.provenance.urls`)."""
    groups = (
        replace(g, citations=tuple(replace(c, url=urls.get(c.id)) for c in g.citations))
        for g in result.quotes
    )
    return replace(result, quotes=tuple(groups))


class QuoteQueryError(UdocsError):
    """A quotation query that cannot be answered as asked."""


def normalise(text: str) -> str:
    """The words of a quotation for matching: folded, punctuation and quote marks dropped,
    every ellipsis or bracketed insertion reduced to `...`.

    >>> normalise("“Incidents of sexual […] violence.”")
    'incidents of sexual ... violence'
    """
    tokens = _TOKEN.findall(_ELLIPSIS.sub(" ... ", fold(_ELLIPSIS.sub(" ... ", text))))
    kept: list[str] = []
    for token in tokens:
        if token != "..." or (kept and kept[-1] != "..."):
            kept.append(token)
    while kept and kept[-1] == "...":
        kept.pop()
    return " ".join(kept)


def contains(longer: str, shorter: str) -> bool:
    """Whether normalised `shorter` is `longer` or a part of it (gaps at its ellipses).

    >>> contains("a b c d e", "b ... d e")
    True
    """
    if longer == shorter:
        return True
    parts = [p.strip() for p in shorter.split("...") if p.strip()]
    if sum(len(p.split()) for p in parts) < MIN_CONTAINED_WORDS:
        return False
    haystack, position = f" {longer} ", 0
    for part in parts:
        found = haystack.find(f" {part} ", position)
        if found < 0:
            return False
        position = found + len(part) + 1
    return True


def group_quotes(cited: Sequence[tuple[Document, Quotation]]) -> list[QuoteGroup]:
    """Group quotations of the same words from the same source, longest first.

    A quotation joins a group when the words every member quotes (its core) contain it; the
    core then shrinks to it, so a group never shows words some member did not quote. Each
    group is filed under the three-word runs of its first member, so a quotation is compared
    only with the groups that share one of its runs: linear in the number of quotations.
    """
    ordered = sorted(cited, key=lambda dq: -len(normalise(dq[1].text)))
    groups: list[list[tuple[Document, Quotation]]] = []
    cores: list[str] = []
    exact: dict[tuple[str, str], int] = {}
    by_run: dict[tuple[str, str], list[int]] = {}
    for doc, quote in ordered:
        words = normalise(quote.text)
        home = exact.get((quote.speaker, words))
        if home is None:
            run = _first_run(words)
            candidates = by_run.get((quote.speaker, run), []) if run else []
            home = next((g for g in candidates if contains(cores[g], words)), None)
        if home is not None:
            groups[home].append((doc, quote))
            cores[home] = words
            exact.setdefault((quote.speaker, words), home)
            continue
        groups.append([(doc, quote)])
        cores.append(words)
        exact[(quote.speaker, words)] = len(groups) - 1
        tokens = words.split()
        for i in range(len(tokens) - 2):
            runs = by_run.setdefault((quote.speaker, " ".join(tokens[i : i + 3])), [])
            runs.append(len(groups) - 1)
    return [_group(members, core) for members, core in zip(groups, cores, strict=True)]


def _first_run(words: str) -> str | None:
    """The first three words of the longest stretch of a quotation between ellipses.

    A quotation whose stretches are all shorter than three words is grouped only with the
    same words (a rare loss: "sexual ... violence and" finds no longer form).
    """
    longest = max((part.split() for part in words.split("...")), key=len)
    return " ".join(longest[:3]) if len(longest) >= MIN_CONTAINED_WORDS else None


def _group(members: list[tuple[Document, Quotation]], core: str) -> QuoteGroup:
    members.sort(key=lambda dq: (dq[0].date or "9999", dq[0].id, dq[1].paragraph, dq[1].start))
    # The core as most members wrote it (the longest spelling among equals).
    spellings = Counter(q.text for _, q in members if normalise(q.text) == core)
    text = max(spellings, key=lambda t: (spellings[t], len(t)))
    first = members[0][1]
    seen: set[tuple[str, int]] = set()
    citations = []
    for doc, quote in members:
        if (doc.id, quote.paragraph) in seen:
            continue  # one citation per paragraph, its first quotation of these words
        seen.add((doc.id, quote.paragraph))
        citations.append(
            Citation(
                doc.id,
                doc.title,
                doc.date,
                quote.paragraph,
                quote.as_written,
                quote.speaker,
                quote.cue,
                quote.report_paragraph,
                quote.status,
                quote.report_text,
            )
        )
    dates = [c.date for c in citations if c.date]
    return QuoteGroup(
        text,
        first.speaker,
        first.cue,
        tuple(citations),
        len({c.id for c in citations}),
        min(dates) if dates else None,
    )


def quotes_result(
    docs: Sequence[Document],
    *,
    keyword: str | None = None,
    doc_id: str | None = None,
    min_docs: int = 1,
    include_all: bool = False,
    extracted: Mapping[str, Sequence[Quotation]] | None = None,
    report: "Report | None" = None,
    statement_of: Mapping[str, str] | None = None,
    which: QuoteFilter | None = None,
) -> QuotesResult:
    """The report's quotations (every quotation if `include_all`) grouped across `docs`.

    `keyword` keeps groups whose words include every keyword word (folded like search);
    `doc_id` keeps groups that cite that document, with all their citations; `min_docs`
    keeps groups cited by at least that many documents. `extracted` maps document ids to
    quotations stored at index time; documents missing from it are extracted now. `report`,
    the report's text, weighs in as evidence of which quotations are the report's.
    `statement_of` maps each document that has copies to its statement's id: `documents`
    and `min_docs` count statements, while every copy's citation is listed. `which` keeps
    the quotations of some documents, speakers or statuses before they are grouped.
    """
    if min_docs < 1:
        raise QuoteQueryError(f"min_docs must be 1 or more, not {min_docs}")
    ids = [doc.id for doc in docs]
    if doc_id is not None and doc_id not in ids:
        raise UnknownDocument(doc_id, suggest(doc_id, ids))
    weighed = ((doc, quote) for doc in docs for quote in _quotes_of(doc, extracted))
    if report is not None:
        # Imported here: only a check against the report's text weighs the evidence.
        from uyghur_docs.extract.evidence import weigh

        weighed = ((doc, weigh(quote, report)) for doc, quote in weighed)
    cited = [
        (doc, quote)
        for doc, quote in weighed
        if (include_all or is_report_quote(quote)) and (which is None or which.keeps(doc, quote))
    ]
    wanted = set(_TOKEN.findall(fold(keyword or "")))
    statement_of = statement_of or {}
    counted = [
        replace(group, documents=len({statement_of.get(c.id, c.id) for c in group.citations}))
        for group in group_quotes(cited)
    ]
    kept = [
        group
        for group in counted
        if group.documents >= min_docs
        and (doc_id is None or any(c.id == doc_id for c in group.citations))
        and wanted <= _words(group)
    ]
    kept.sort(key=_most_cited_first)
    return QuotesResult(tuple(kept))


def _quotes_of(doc: Document, extracted: Mapping[str, Sequence[Quotation]] | None):
    if extracted is not None and doc.id in extracted:
        return extracted[doc.id]
    return extract_quotes(doc.paragraphs, doc.date)


def _words(group: QuoteGroup) -> set[str]:
    return {w for c in group.citations for w in _TOKEN.findall(fold(c.as_written))}


def _most_cited_first(group: QuoteGroup):
    first = group.citations[0]
    return (
        -group.documents,
        -len(group.citations),
        first.date or "9999",
        first.id,
        first.paragraph,
    )
