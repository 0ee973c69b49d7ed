"""Where a corpus's index is and how it stands against the corpus: `udocs status`."""

from dataclasses import dataclass
from pathlib import Path

from uyghur_docs import engine
from uyghur_docs.corpus.folder import stamped
from uyghur_docs.corpus.metadata import load_overrides
from uyghur_docs.corpus.report_file import SHIPPED, fingerprint, remembered_report
from uyghur_docs.errors import IndexDamaged, IndexUntrusted
from uyghur_docs.store import current


@dataclass(frozen=True)
class Status:
    """A corpus folder and how many documents it holds; its index folder and whether the
    index holds the corpus as it is now ("current"), an older state of it ("stale"),
    nothing ("missing"), or cannot be read ("damaged", or not sealed for this user); the
    report the analyses weigh quotations against ("shipped", or its file)."""

    corpus: str
    documents: int
    index: str
    index_state: str
    report: str


def status(corpus: Path, index_dir: Path) -> Status:
    files, _ = stamped(corpus) if corpus.is_dir() else (set(), [])
    report = remembered_report(corpus)
    return Status(
        str(corpus),
        len(files),
        str(index_dir),
        _state(corpus, index_dir, files),
        str(report) if report else SHIPPED,
    )


def _state(corpus: Path, index_dir: Path, files: set) -> str:
    if not engine.exists(index_dir):
        return "missing"
    try:
        engine.verify(index_dir)
        fresh = current.is_current(index_dir, files, load_overrides(corpus), fingerprint(corpus))
    except (IndexDamaged, IndexUntrusted):
        return "damaged"
    return "current" if fresh else "stale"
