"""Every error udocs reports to a user.

The library raises these with the facts as fields (which file, which index, what is wrong);
their message says what happened, in words that hold for any caller. The command line adds
what to do next (`uyghur_docs.cli.errors`). Anything else that escapes is a bug and keeps its
traceback.
"""

from pathlib import Path


class UdocsError(Exception):
    """A user or runtime error."""


class CorpusError(UdocsError):
    """The corpus folder or a file in it cannot be read."""


class NoCorpus(CorpusError):
    """The corpus folder does not exist."""

    def __init__(self, corpus_dir: Path):
        super().__init__(f"no corpus folder at {corpus_dir}")
        self.corpus_dir = corpus_dir


class CorpusNotAFolder(CorpusError):
    def __init__(self, corpus_dir: Path):
        super().__init__(f"the corpus {corpus_dir} is a file, not a folder")
        self.corpus_dir = corpus_dir


class CorpusNotCopied(CorpusError):
    """The installed statements could not be copied to make the user's corpus."""

    def __init__(self, seed: Path, corpus_dir: Path, reason: str):
        super().__init__(f"cannot copy the installed statements to {corpus_dir} ({reason})")
        self.seed, self.corpus_dir, self.reason = seed, corpus_dir, reason


class CorpusLocked(CorpusError):
    """Another command has been changing the corpus for longer than a command waits."""

    def __init__(self, corpus_dir: Path):
        super().__init__(f"another udocs command is changing the corpus {corpus_dir}")
        self.corpus_dir = corpus_dir


class UnknownDocument(UdocsError):
    """No document has the requested id."""

    def __init__(self, doc_id: str, suggestions: list[str]):
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no document with id {doc_id!r}{hint}")
        self.doc_id = doc_id
        self.suggestions = suggestions


class NoSuchParagraph(UdocsError):
    """A paragraph number past the end of a document."""

    def __init__(self, doc_id: str, paragraphs: int, number: int):
        super().__init__(f"{doc_id} has {paragraphs} paragraphs; ¶{number} does not exist")
        self.doc_id, self.paragraphs, self.number = doc_id, paragraphs, number


class OverrideError(UdocsError):
    """The declared metadata override file is malformed."""


class IndexFault(UdocsError):
    """The index cannot be opened, read or written."""


class IndexMissing(IndexFault):
    """No index has been built in the folder."""

    def __init__(self, index_dir: Path):
        super().__init__(f"no index in {index_dir}")
        self.index_dir = index_dir


class IndexDamaged(IndexFault):
    """The index files are truncated or corrupt; a rebuild from the corpus mends it."""

    def __init__(self, path: Path, detail: str):
        super().__init__(f"the index in {path} is damaged ({detail})")
        self.path, self.detail = path, detail


class IndexUnsealed(IndexDamaged):
    """An index udocs did not write for this user: no seal, a seal made with another key,
    or a file someone else owns or can write. whoosh unpickles its files, so it is never
    read; a rebuild from the corpus (text, never code) mends it."""

    def __init__(self, path: Path, detail: str):
        IndexFault.__init__(self, f"the index in {path} was not sealed by udocs for you ({detail})")
        self.path, self.detail = path, detail


class IndexKeyError(IndexFault):
    """The key that seals this user's indexes cannot be made or read, or someone else could
    read or change it."""

    def __init__(self, path: Path, why: str):
        super().__init__(f"the index key {path} {why}")
        self.path, self.why = path, why


class IndexNotAFolder(IndexFault):
    """The index path names something other than a folder."""

    def __init__(self, index_dir: Path):
        super().__init__(f"the index path {index_dir} is not a folder")
        self.index_dir = index_dir


class IndexLocked(IndexFault):
    """Another indexing run holds the index's write lock."""

    def __init__(self, index_dir: Path):
        super().__init__(f"another indexing run holds the lock on {index_dir}")
        self.index_dir = index_dir


class IndexUnwritable(IndexFault):
    """The index folder cannot be written."""

    def __init__(self, index_dir: Path, reason: str):
        super().__init__(f"cannot write the index in {index_dir} ({reason})")
        self.index_dir, self.reason = index_dir, reason


class IndexUntrusted(IndexFault):
    """An index folder others could add or swap files in (whoosh's files hold pickles)."""

    def __init__(self, index_dir: Path, why: str):
        super().__init__(
            f"{index_dir} {why}; udocs will not open an index others could have written"
        )
        self.index_dir, self.why = index_dir, why


class IndexingFailed(IndexFault):
    """An indexing process failed or died; the index is as it was."""

    def __init__(self, detail: str):
        super().__init__(f"{detail}; the index is as it was")
        self.detail = detail


class IndexNotUpdated(IndexFault):
    """The corpus changed, but the index could not follow."""

    def __init__(self, cause: IndexFault):
        super().__init__(f"{cause} (the corpus itself is updated)")
        self.cause = cause


class QueryError(UdocsError):
    """A search query or filter that cannot be understood."""


class EmptyQuery(QueryError):
    def __init__(self):
        super().__init__("the query is empty")


class NoWords(QueryError):
    """A query of operators alone: nothing to look for, and whoosh would list everything."""

    def __init__(self, qstring: str):
        super().__init__(
            f"the query {qstring!r} has no word to search for: operators alone, and a lone *,"
            " match nothing or everything"
        )
        self.qstring = qstring


class UnreadableQuery(QueryError):
    def __init__(self, qstring: str):
        super().__init__(f"the query {qstring!r} cannot be read")
        self.qstring = qstring


class FuzzyTooFar(QueryError):
    def __init__(self, word: str, distance: int, most: int):
        super().__init__(
            f"{word}~{distance} asks for words {distance} edits away; at most {most}, please"
        )
        self.word, self.distance, self.most = word, distance, most


class EmptyDateRange(QueryError):
    def __init__(self, since: str, until: str):
        super().__init__(f"no date is on or after {since} and on or before {until}")
        self.since, self.until = since, until


class QueryTooLong(QueryError):
    def __init__(self, length: int, most: int):
        super().__init__(f"the query has {length} characters; at most {most}, please")
        self.length, self.most = length, most


class IngestError(UdocsError):
    """A file that cannot be added to the corpus, or a document that cannot be removed."""


class AddInterrupted(UdocsError):
    """Ctrl-C during `add`: the documents written before it stay in the corpus."""

    def __init__(self, added: tuple):
        super().__init__(f"interrupted after adding {len(added)}")
        self.added = added


class AlreadyInCorpus(IngestError):
    """The file (or its text) is in the corpus already, or a version of it published at
    the same URL (`url`)."""

    def __init__(self, path: Path, doc_id: str, url: str | None = None):
        same = f" (the same source URL, {url})" if url else ""
        super().__init__(f"{path} is already in the corpus as {doc_id}{same}")
        self.path, self.doc_id, self.url = path, doc_id, url


class IdTaken(IngestError):
    """The id asked for belongs to another document."""

    def __init__(self, path: Path, doc_id: str):
        super().__init__(f"{path}: the id {doc_id} is taken")
        self.path, self.doc_id = path, doc_id


class BadId(IngestError):
    """An id that cannot name a corpus file."""

    def __init__(self, doc_id: str):
        super().__init__(
            f"id {doc_id!r}: use letters, digits, '-', '_' and '.', starting with a letter or digit"
        )
        self.doc_id = doc_id


class OneDocumentOnly(IngestError):
    """An id, title or URL was given for several files."""

    def __init__(self):
        super().__init__("an id, title or URL names one document; add one file at a time with them")


class AliasFileError(UdocsError):
    """The declared organisation alias file is malformed."""


class UnknownOrganisation(UdocsError):
    """No organisation in the corpus has the requested name."""

    def __init__(self, name: str, suggestions: list[str]):
        hint = f"; did you mean {'; '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no organisation named {name!r}{hint}")
        self.name = name
        self.suggestions = suggestions


class AmbiguousOrganisation(UdocsError):
    """A name matches several organisations and the user must pick one."""

    def __init__(self, name: str, candidates: list[str]):
        super().__init__(
            f"{name!r} matches {len(candidates)} organisations: {'; '.join(candidates)}"
        )
        self.name = name
        self.candidates = candidates
