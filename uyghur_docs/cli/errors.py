"""What the command line says for each library error: the library's words, then what to do.

The library's exceptions carry their facts as fields and say what happened; only here do
they meet the commands and flags that mend them.
"""

import errno

from uyghur_docs import errors as e
from uyghur_docs.render.printable import printable

REBUILD = "run `udocs index --rebuild`"


def message(exc: e.UdocsError) -> str:
    """The one line a user sees for a library error, its control characters escaped (it
    names files)."""
    return printable(_advice(exc))


def _advice(exc: e.UdocsError) -> str:
    match exc:
        case e.IndexNotUpdated():
            return f"{_advice(exc.cause)} (the corpus itself is updated)"
        case e.UnknownDocument():
            return f"{exc} (`udocs docs` lists the ids)"
        case e.CorpusNotAFolder():
            return f"{exc}; --corpus must name a folder (udocs add makes a new one)"
        case e.CorpusLocked():
            return f"{exc}; try again when it is done"
        case e.NoCorpus() | e.CorpusNotCopied():
            return f"{exc}; pass --corpus DIR or set UDOCS_CORPUS"
        case e.IndexMissing():
            return f"{exc}; run `udocs index`"
        case e.IndexDamaged():
            return f"{exc}; {REBUILD}"
        case e.IndexNotAFolder():
            return f"{exc}; pass --index DIR naming a folder (udocs creates it)"
        case e.IndexLocked():
            return (
                f"another `udocs index` run holds the lock on {exc.index_dir};"
                " wait for it to finish"
            )
        case e.IndexUnwritable():
            return f"{exc}; pass --index DIR"
        case e.IndexKeyError():
            return (
                f"{exc}; delete it, and udocs makes a new one, owner-only (each index is then"
                " built anew once)"
            )
        case e.IndexUntrusted():
            return f"{exc}. Delete {exc.index_dir} and run `udocs index`, or pass --index DIR"
        case e.EmptyQuery():
            return f'{exc}; try `udocs search "forced labour"`'
        case e.NoWords() | e.UnreadableQuery():
            return f"{exc}; put words in it, and quote an operator to search for it as a word"
        case e.EmptyDateRange():
            return f"{exc}: the range is empty; swap --since and --until"
        case e.FuzzyTooFar():
            return f"{exc}: {exc.word}~{exc.most}"
        case e.AlreadyInCorpus() if exc.url:
            return f"{exc}; add it with --replace to replace {exc.doc_id}, keeping its id"
        case e.AlreadyInCorpus():
            return f"{exc}; `udocs remove {exc.doc_id}` first to add it anew"
        case e.IdTaken():
            return f"{exc}; add it with --replace to replace {exc.doc_id}, or choose another --id"
        case e.BadId():
            return f"--{exc}"
        case e.OneDocumentOnly():
            return "--id, --title and --url name one document; add one file at a time with them"
        case e.UnknownOrganisation():
            return f"{exc} (`udocs signers` lists the organisations)"
        case e.AmbiguousOrganisation():
            return f'{exc}; give one full name in quotes, e.g. --org "{exc.candidates[0]}"'
    return str(exc)


def resource_message(exc: BaseException) -> str | None:
    """The one line for a process that ran out of something (open files, memory, disk
    space) or met a read-only disk; None for any other error."""
    if isinstance(exc, MemoryError):
        return "out of memory; close other programs, or raise `ulimit -v`, and run again"
    if not isinstance(exc, OSError):
        return None
    where = f" ({printable(str(exc.filename))})" if exc.filename else ""
    match exc.errno:
        case errno.EMFILE | errno.ENFILE:
            return f"too many open files{where}; raise `ulimit -n` (to 1024, say) and run again"
        case errno.ENOMEM:
            return f"out of memory{where}; close other programs and run again"
        case errno.ENOSPC | errno.EDQUOT:
            return f"no space left on the disk{where}; free some space and run again"
        case errno.EROFS:
            return f"cannot write{where}: the disk is read-only; pass --index DIR on a writable one"
    return None
