"""The library as one object: a corpus folder and its index, and every question udocs answers.

    >>> from pathlib import Path
    >>> library = Library(Path("corpus"), Path("/tmp/udocs-index"))  # doctest: +SKIP
    >>> library.search('"crimes against humanity"').total  # doctest: +SKIP

Each method returns frozen dataclasses (whose `asdict` is the command's `--json`) and raises
`uyghur_docs.errors.UdocsError` subclasses. Modules are imported by the methods that use
them, so that a listing never loads the search engine, nor a search the extractors.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from uyghur_docs.errors import (
    CorpusLocked,
    EmptyDateRange,
    IndexDamaged,
    IndexFault,
    IndexLocked,
    IndexNotUpdated,
    NoSuchParagraph,
    UnknownDocument,
)
from uyghur_docs.models import Document, Filters, Matching

if TYPE_CHECKING:
    from uyghur_docs.corpus.ingest import AddOptions, AddResult
    from uyghur_docs.corpus.removal import RemoveResult

# The catalog records `udocs signers` and `--signed-by` read.
SIGNER_RECORDS = ("signatories", "issuers")

Skip = Callable[[str], None] | None


@dataclass(frozen=True)
class NumberedParagraph:
    paragraph: int
    text: str


@dataclass(frozen=True)
class DocumentText:
    """A document as `udocs show` prints it: metadata and numbered paragraphs."""

    id: str
    title: str
    date: str | None
    kind: str
    path: str
    sha256: str
    url: str | None  # where it was published, if its provenance says
    paragraphs: tuple[NumberedParagraph, ...]


class Library:
    """A corpus folder and its index folder (both made absolute here, at the boundary: the
    catalog records absolute paths, and SQLite opens the catalog by URI)."""

    def __init__(self, corpus: Path, index: Path):
        self.corpus = Path(corpus).absolute()
        self.index_dir = Path(index).absolute()

    @cached_property
    def _index(self):
        """The index held open between this object's searches (`store.search.keep`)."""
        from uyghur_docs.store.search import keep

        return keep(self.index_dir)

    # Documents

    def documents(
        self,
        skip: Skip = None,
        kinds: tuple[str, ...] = (),
        since: str | None = None,
        until: str | None = None,
        sort: str = "id",
        limit: int | None = None,
    ) -> list:
        """The documents with their counts, source format and index status: every one, or
        those of some kinds dated in a range, by id, date or title, at most `limit`."""
        from uyghur_docs.store.listing import list_documents, select

        _check_range(since, until)
        rows = list_documents(self.corpus, self.index_dir, skip)
        return select(rows, kinds, since, until, sort, limit)

    def document(self, doc_id: str) -> Document:
        from uyghur_docs.corpus.folder import get_document

        return get_document(self.corpus, doc_id)

    def text(self, doc_id: str, para: int | None = None, last: int | None = None) -> DocumentText:
        """A document's paragraphs, numbered from 1: only ¶para when given, or ¶para to
        ¶last (a range past the end stops at the last paragraph)."""
        doc = self.document(doc_id)
        count = len(doc.paragraphs)
        if para is not None and para > count:
            raise NoSuchParagraph(doc.id, count, para)
        if para is None:
            numbers = range(1, count + 1)
        else:
            numbers = range(para, min(max(last or para, para), count) + 1)
        return DocumentText(
            doc.id,
            doc.title,
            doc.date,
            doc.kind,
            doc.path,
            doc.sha256,
            self._urls().get(doc.id),
            tuple(NumberedParagraph(n, doc.paragraph(n)) for n in numbers),
        )

    def copies(self, doc_id: str):
        """The statement a document belongs to and what differs between its copies, as the
        last indexing run found and stored them (`findings.copy_differences.CopiesResult`):
        no copy's file is read again."""
        from uyghur_docs.findings.copy_differences import Copy, differences
        from uyghur_docs.store.copies import members, statements
        from uyghur_docs.store.copy_records import stored_copies

        found = statements(self.index_dir)
        if doc_id not in found:
            document = self.document(doc_id)
            alone = Copy(document.id, document.title, document.date, (), ())
            return differences(doc_id, alone, [])
        statement = found[doc_id].id
        copies = stored_copies(self.index_dir, self._index, members(found)[statement])
        canonical = copies.pop(statement)
        return differences(doc_id, canonical, list(copies.values()))

    # The index

    def status(self):
        """Where the index is and how it stands (`store.state.Status`)."""
        from uyghur_docs.store.state import status

        return status(self.corpus, self.index_dir)

    def update(self, rebuild: bool = False, progress=None, jobs: int | None = None):
        """Bring the index up to the corpus (see `store.build.update`)."""
        from uyghur_docs.store.build import update

        return update(self.corpus, self.index_dir, rebuild=rebuild, progress=progress, jobs=jobs)

    def ensure_current(self, tell: Callable = lambda event: None) -> int:
        """Build, rebuild or refresh the index as needed, telling each step; the number of
        paragraphs it then holds. It opens the index this object keeps for its searches."""
        from uyghur_docs.store.freshness import ensure_current

        return ensure_current(self.corpus, self.index_dir, tell, self._index)

    def search(
        self,
        query: str,
        filters: Filters | None = None,
        limit: int = 10,
        signed_by: str | Sequence[str] = (),
        tell: Callable = lambda event: None,
        per_doc: int | None = 3,
        matching: Matching | None = None,
        context: int = 0,
        copies: bool = False,
    ):
        """Ranked documents with their best `per_doc` paragraphs (None: all), each with
        `context` paragraphs around it; `signed_by` keeps the letters every one of these
        organisations signed or issued. The copies of one statement are one hit, unless
        `copies`. The index is brought up to date first, and a damaged one is rebuilt from
        the corpus and asked again."""
        from uyghur_docs.store import search

        filters = self._searchable(query, filters, signed_by, tell)
        asked = (query, filters, limit, per_doc, matching, context, self._index, copies)
        found = self._retried(lambda: search.search(self.index_dir, *asked), tell)
        return search.with_urls(found, self._urls()) if found.hits else found

    def count(
        self,
        query: str,
        filters: Filters | None = None,
        signed_by: str | Sequence[str] = (),
        tell: Callable = lambda event: None,
        matching: Matching | None = None,
        copies: bool = False,
    ):
        """How many documents, and paragraphs of them, a query matches (the copies of one
        statement once, unless `copies`)."""
        from uyghur_docs.store import search

        filters = self._searchable(query, filters, signed_by, tell)
        asked = (query, filters, matching, self._index, copies)
        return self._retried(lambda: search.count(self.index_dir, *asked), tell)

    def _searchable(self, query, filters, signed_by, tell) -> Filters:
        """The filters of a query made concrete, the index brought up to date."""
        from uyghur_docs.store.search import check_query

        check_query(query)
        filters = filters or Filters()
        _check_range(filters.since, filters.until)
        if filters.doc:
            self._known(filters.doc)
        orgs = (signed_by,) if isinstance(signed_by, str) else tuple(signed_by)
        if not orgs:
            self.ensure_current(tell)
            return filters
        letters, current = self._letters_and_freshness(*orgs)
        if not current:
            self.ensure_current(tell)
            letters, _ = self._letters_and_freshness(*orgs)
        return replace(filters, among=letters)

    def _known(self, doc_id: str) -> None:
        """Raise UnknownDocument, with the nearest ids, unless the corpus has the id."""
        from uyghur_docs.corpus.folder import document_paths, suggest

        ids = [path.stem for path in document_paths(self.corpus)]
        if doc_id not in ids:
            raise UnknownDocument(doc_id, suggest(doc_id, ids))

    def _retried(self, ask: Callable, tell: Callable):
        from uyghur_docs.store.freshness import rebuild

        try:
            return ask()
        except IndexDamaged as exc:
            rebuild(self.corpus, self.index_dir, tell, exc)
            return ask()

    def sources_gone(self, result) -> list[str]:
        from uyghur_docs.store.search import sources_gone

        return sources_gone(self.index_dir, result)

    # Quotations

    def quotes(
        self,
        keyword: str | None = None,
        doc_id: str | None = None,
        min_docs: int = 1,
        include_all: bool = False,
        skip: Skip = None,
        report=None,
        copies: bool = False,
        which=None,
    ):
        """The quotations of the OHCHR report (of every speaker with `include_all`), grouped.
        `report` (from `report()`) is the report's text as evidence of which are its own:
        then every stored quotation is weighed again, not only those credited to it. Groups
        count statements: the copies of one are one, unless `copies`. `which`
        (`findings.quote_filter.QuoteFilter`) keeps some documents' quotations, some
        speakers' (any speaker's, not only the report's) or those of some statuses."""
        from uyghur_docs.findings.quote_filter import QuoteFilter
        from uyghur_docs.findings.quote_groups import quotes_result, with_urls
        from uyghur_docs.store.copies import statements

        which = which or QuoteFilter()
        _check_range(which.since, which.until)
        include_all = include_all or bool(which.speaker)
        everything = include_all or report is not None
        analyses = ("quotes",) if everything else ("report_quotations",)
        # Only the documents quoting the report, unless --doc must be told from an unknown id.
        having = not everything and doc_id is None
        entries = self._entries(analyses, skip, having)
        found = quotes_result(
            entries,
            keyword=keyword,
            doc_id=doc_id,
            min_docs=min_docs,
            include_all=include_all,
            extracted={e.id: e.analysis.quotes for e in entries},
            report=report,
            statement_of={} if copies else {d: s.id for d, s in statements(self.index_dir).items()},
            which=which,
        )
        return with_urls(found, self._urls())

    def quoted_paragraphs(self, skip: Skip = None, unquoted: bool = False, among=None, which=None):
        """The shipped report's paragraphs by how many statements (of the documents `among`,
        if given) quote them, counting the quotations `which` keeps (as `quotes`); with
        `unquoted`, those none quotes (`findings.paragraphs`)."""
        from uyghur_docs.extract.report import shipped
        from uyghur_docs.findings.paragraphs import paragraphs_result
        from uyghur_docs.store.copies import statements

        found = self.quotes(skip=skip, copies=True, which=which)
        report = {p.number: p.text for p in shipped().paragraphs}
        statement_of = {d: s.id for d, s in statements(self.index_dir).items()}
        return paragraphs_result(found, report, statement_of, unquoted, among)

    def report(self, path: Path):
        """The OHCHR report's text read from a PDF, HTML, DOCX or text file."""
        from uyghur_docs.extract.report import load_report

        return load_report(Path(path))

    def verify(self, report, quotes, statuses: tuple[str, ...] = ()):
        """Each quotation group checked against the report (from `report()`); only the
        quotations of these statuses, if given."""
        from uyghur_docs.findings.verify import verify_quotes

        return verify_quotes(report, quotes, statuses)

    # Signatories

    def signers(self, skip: Skip = None, copies: bool = False):
        """The organisation index over every document's signatories and issuers: the copies
        of one statement count as that statement (`copies`: every copy counts)."""
        return self._signer_index(skip, copies)[0]

    def _signer_index(self, skip: Skip, copies: bool = True) -> tuple:
        """The organisation index, and whether the index holds every document as it is now:
        then it reads the mentions stored by name key, else the documents' records (those
        not current analysed now). Unless `copies`, the copies of a statement are one."""
        from uyghur_docs.findings.orgs import RecordMentions, Signers
        from uyghur_docs.findings.statements import StatementMentions
        from uyghur_docs.store.copies import statements
        from uyghur_docs.store.documents import stored_mentions

        mentions = stored_mentions(self.corpus, self.index_dir, skip)
        current = mentions is not None
        if mentions is None:
            listed = self._listed(SIGNER_RECORDS, skip)
            mentions = RecordMentions(_signers_of([le.entry for le in listed]))
            current = all(le.status == "current" for le in listed)
        found = {} if copies else statements(self.index_dir)
        if found:
            mentions = StatementMentions(mentions, found)
        return Signers(mentions, self._aliases), current

    def unread_signatures(self, doc_id: str) -> tuple[int, ...]:
        """The paragraphs where a signature heading or closing gave no names."""
        from uyghur_docs.extract.signers import read_signatures

        return read_signatures(self.document(doc_id).paragraphs).unread

    def letters_signed_by(self, org: str) -> tuple[str, ...]:
        """The ids of the documents an organisation signed or issued."""
        return self._letters_and_freshness(org)[0]

    # The corpus

    def add(
        self,
        paths: Sequence[Path],
        options: "AddOptions | None" = None,
        dry_run: bool = False,
        tell: Callable = lambda event: None,
        progress: Callable[[int, int], None] | None = None,
        landed: Callable | None = None,
    ) -> "AddResult":
        """Add files to the corpus and index them at once (see `corpus.ingest.add`, which
        calls `progress` and `landed`); the indexing is told as a `store.freshness.Freshness`
        event. A corpus folder that does not exist yet is made."""
        from uyghur_docs.corpus import ingest

        options = options or ingest.AddOptions()
        if not dry_run:
            self.corpus.mkdir(parents=True, exist_ok=True)
        report = ingest.add(
            self.corpus, list(paths), options, self._counts, dry_run, progress, landed
        )
        if report.added and not dry_run:
            return replace(report, indexed=self._reindex(tell))
        return report

    def remove(
        self,
        doc_ids: str | Sequence[str],
        dry_run: bool = False,
        tell: Callable = lambda event: None,
    ) -> "RemoveResult":
        """Take documents out of the corpus and the index (see `corpus.removal.remove`,
        told as `add` tells it); with dry_run, only say which would go."""
        from uyghur_docs.corpus import removal

        ids = [doc_ids] if isinstance(doc_ids, str) else list(doc_ids)
        result = removal.remove(self.corpus, ids, dry_run)
        return result if dry_run else replace(result, indexed=self._reindex(tell))

    # Shared

    def _urls(self) -> dict[str, str]:
        """The source URL of each added document that has one (read each time: `add` and
        `remove` change them)."""
        from uyghur_docs.corpus.provenance import urls

        return urls(self.corpus)

    @cached_property
    def _aliases(self) -> dict:
        from uyghur_docs.findings.orgs import load_aliases

        return load_aliases(self.corpus)

    def _listed(self, analyses: tuple[str, ...], skip: Skip = None, having=False) -> list:
        from uyghur_docs.store.documents import analysed_documents

        return analysed_documents(self.corpus, self.index_dir, skip, analyses, having)

    def _entries(self, analyses: tuple[str, ...], skip: Skip = None, having=False) -> list:
        return [listed.entry for listed in self._listed(analyses, skip, having)]

    def _letters_and_freshness(self, *orgs: str) -> tuple[tuple[str, ...], bool]:
        """The letters every one of these organisations signed or issued, and whether the
        index holds every document as it is now: one reading of the corpus listing, the
        overrides and the catalog serves both."""
        problems: list[str] = []
        signers, current = self._signer_index(problems.append)
        each = [[letter.id for letter in signers.letters(signers.key_of(org))] for org in orgs]
        shared = set(each[0]).intersection(*each[1:])
        letters = tuple(dict.fromkeys(i for i in each[0] if i in shared))
        return letters, current and not problems

    def _counts(self, doc: Document) -> tuple[int, int]:
        """A document's signatories and report quotations, as `udocs add` reports them."""
        from uyghur_docs.extract.analysis import analyse
        from uyghur_docs.extract.report import remembered

        analysis = analyse(doc, remembered(self.corpus))
        return analysis.signatory_count, analysis.report_quotes

    def _reindex(self, tell: Callable) -> bool:
        """Bring the index up to a changed corpus, telling how; False when another
        indexing run holds the index, or another command the corpus, for longer than a run
        waits (that run, or the next search, takes the change: nothing is lost)."""
        from uyghur_docs.store.freshness import Freshness

        try:
            result = self.update()
        except (IndexLocked, CorpusLocked):
            return False
        except IndexFault as exc:
            raise IndexNotUpdated(exc) from exc
        tell(Freshness("indexed", self.index_dir, result=result))
        return True


def _signers_of(entries: list) -> list:
    from uyghur_docs.extract.signers import DocumentSigners

    return [
        DocumentSigners(e.id, e.title, e.date, e.analysis.signatories, e.analysis.issuers)
        for e in entries
    ]


def _check_range(since: str | None, until: str | None) -> None:
    # ISO prefixes: "2022-05" is within "2022", so only a later prefix is past the end.
    if since and until and since[: len(until)] > until:
        raise EmptyDateRange(since, until)
