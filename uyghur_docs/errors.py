"""Every error udocs reports to a user.

The library raises these; the CLI turns each into one line on stderr and exit code 1.
Anything else that escapes is a bug and keeps its traceback.
"""


class UdocsError(Exception):
    """A user or runtime error whose message says what to do next."""


class CorpusError(UdocsError):
    """The corpus folder or a file in it cannot be read."""


class UnknownDocument(UdocsError):
    """No document has the requested id."""

    def __init__(self, doc_id: str, suggestions: list[str]):
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no document with id {doc_id!r}{hint} (`udocs docs` lists the ids)")
        self.doc_id = doc_id
        self.suggestions = suggestions


class OverrideError(UdocsError):
    """The declared metadata override file is malformed."""


class IndexFault(UdocsError):
    """The index cannot be opened, read or written."""


class IndexDamaged(IndexFault):
    """The index files are truncated or corrupt; a rebuild from the corpus mends it."""


class IndexLocked(IndexFault):
    """Another indexing run holds the index's write lock."""


class QueryError(UdocsError):
    """A search query or filter that cannot be understood."""


class IngestError(UdocsError):
    """A file that cannot be added to the corpus, or a document that cannot be removed."""


class AliasFileError(UdocsError):
    """The declared organisation alias file is malformed."""


class UnknownOrganisation(UdocsError):
    """No organisation in the corpus has the requested name."""

    def __init__(self, name: str, suggestions: list[str]):
        hint = f"; did you mean {'; '.join(suggestions)}?" if suggestions else ""
        super().__init__(
            f"no organisation named {name!r}{hint} (`udocs signers` lists the organisations)"
        )
        self.name = name
        self.suggestions = suggestions


class AmbiguousOrganisation(UdocsError):
    """A name matches several organisations and the user must pick one."""

    def __init__(self, name: str, candidates: list[str]):
        super().__init__(
            f"{name!r} matches {len(candidates)} organisations: {'; '.join(candidates)}; "
            f'give one full name in quotes, e.g. --org "{candidates[0]}"'
        )
        self.name = name
        self.candidates = candidates
