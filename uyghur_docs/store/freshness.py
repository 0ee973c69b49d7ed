"""Keeping the index up to the corpus before a search: build a missing index, rebuild a
damaged one, refresh a stale one, and search a read-only or busy one as it is.

What happens is told as events, as it happens (a build can take a while), for the caller to
word or ignore.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from uyghur_docs import engine
from uyghur_docs.corpus.folder import document_paths, stamps
from uyghur_docs.corpus.metadata import load_overrides
from uyghur_docs.corpus.report_file import fingerprint
from uyghur_docs.errors import CorpusLocked, IndexDamaged, IndexFault
from uyghur_docs.store import catalog, current

if TYPE_CHECKING:
    from uyghur_docs.store.build import IndexResult


@dataclass(frozen=True)
class Freshness:
    """One step of bringing the index up to date. `what` is "building" (there was no
    index), "rebuilding" (it was damaged, or not sealed for this user: `error`),
    "refreshing" (the corpus changed: `changes`), "reanalysing" (the report setting
    changed, so every document is analysed again), "indexed" (done: `result`) or "kept" (it
    could not be refreshed and is searched as it is: `error`)."""

    what: str
    index_dir: Path
    changes: catalog.Changes | None = None
    result: "IndexResult | None" = None
    error: IndexFault | CorpusLocked | None = None


def ensure_current(
    corpus: Path,
    index_dir: Path,
    tell: Callable[[Freshness], None],
    kept: "engine.Index | None" = None,
) -> int:
    """Bring the index up to the corpus if it is missing, damaged (any of its files, or the
    catalog) or stale; the number of paragraphs it then holds. The index is checked by
    opening it: in `kept` (an `engine.Index` of index_dir) when given, which the search
    that follows then uses as it is."""
    index = index_dir if kept is None else kept
    if not engine.exists(index_dir):
        tell(Freshness("building", index_dir))
        _indexed(update(corpus, index_dir), index_dir, tell)
        return engine.check(index)
    overrides, report = load_overrides(corpus), fingerprint(corpus)
    try:
        paragraphs = engine.check(index)
        if current.is_current(index_dir, stamps(corpus), overrides, report):
            return paragraphs
        changes = catalog.compare(document_paths(corpus), catalog.load(index_dir), overrides)
        reanalyse = current.report_changed(index_dir, report)
    except IndexDamaged as exc:
        rebuild(corpus, index_dir, tell, exc)
        return engine.check(index)
    if not changes.stale and not reanalyse:
        return paragraphs
    tell(Freshness("reanalysing" if reanalyse else "refreshing", index_dir, changes=changes))
    try:
        _indexed(update(corpus, index_dir), index_dir, tell)
    except (IndexFault, CorpusLocked) as exc:
        # An add that holds the corpus for long must not hold up a search too.
        tell(Freshness("kept", index_dir, error=exc))
    return engine.check(index)


def rebuild(
    corpus: Path,
    index_dir: Path,
    tell: Callable[[Freshness], None],
    cause: IndexDamaged | None = None,
) -> None:
    """Rebuild a damaged (or unsealed: `cause`) index from the corpus."""
    tell(Freshness("rebuilding", index_dir, error=cause))
    _indexed(update(corpus, index_dir, rebuild=True), index_dir, tell)


def update(corpus: Path, index_dir: Path, rebuild: bool = False) -> "IndexResult":
    # Imported here: a search of a current index needs none of the build machinery.
    from uyghur_docs.store.build import update as build

    return build(corpus, index_dir, rebuild=rebuild)


def _indexed(result: "IndexResult", index_dir: Path, tell: Callable[[Freshness], None]) -> None:
    tell(Freshness("indexed", index_dir, result=result))
