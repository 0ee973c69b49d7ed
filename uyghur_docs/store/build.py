"""Building and refreshing the store: the search index and its catalog, from the corpus.

An indexing run compares the corpus with the catalog, deletes what changed or went, indexes
what is new or changed (in worker processes for a large run), commits the index, then the
catalog. Nothing is visible until the engine commits (an atomic rename of whoosh's table of
contents), so a run killed midway leaves the previous index answering.

Between the two commits the index holds documents the catalog does not know yet. So a run
deletes from the index every document it is about to add, new ones too: after a kill
between the commits, the next run finds those documents new (or changed) again and replaces
them, where adding them again would keep two copies.

A run holds the index folder's lock from before it reads the catalog to after it saves it
(the engine's own lock ends at the engine's commit), so that a second run waits for the whole
of the first, and reads the corpus under the corpus lock, so that it sees no half of an add.
"""

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from uyghur_docs import engine
from uyghur_docs.corpus.folder import scan
from uyghur_docs.corpus.lock import corpus_lock, folder_lock
from uyghur_docs.corpus.metadata import load_overrides
from uyghur_docs.corpus.report_file import fingerprint
from uyghur_docs.errors import IndexLocked, IndexNotAFolder, IndexUnsealed, IndexUnwritable
from uyghur_docs.store import catalog, current
from uyghur_docs.store.workers import in_workers, index_share, shares, workers

# How long a run waits for another to finish before saying it holds the index: searches
# refresh the index too, and should answer from it as it is rather than wait long.
RUN_WAIT = 3.0


@dataclass(frozen=True)
class IndexResult:
    """What an indexing run did."""

    added: int
    updated: int
    removed: int
    unchanged: int
    skipped: tuple[str, ...]
    paragraphs: int
    # Where a folder too damaged to clear was moved before the index was built anew.
    set_aside: str | None = None
    # Why the index there was not read but built anew: it was not sealed for this user.
    unsealed: str | None = None


def update(
    corpus: Path,
    index_dir: Path,
    rebuild: bool = False,
    progress: Callable[[int, int], None] | None = None,
    jobs: int | None = None,
) -> IndexResult:
    """Bring the index up to the corpus: add new files, re-index changed ones, drop gone ones.

    `jobs` worker processes index a share of the files each (None: one per core, up to
    four, once there are enough files to index; 1: all in this process).
    """
    corpus, index_dir = Path(corpus).absolute(), Path(index_dir).absolute()
    if index_dir.exists() and not index_dir.is_dir():
        raise IndexNotAFolder(index_dir)
    lock = _run_lock(index_dir)
    try:
        return _run(corpus, index_dir, rebuild, progress, jobs, lock)
    finally:
        os.close(lock)


def _run_lock(index_dir: Path) -> int:
    """The index folder's lock, made if need be, waited for as long as the engine's."""
    try:
        index_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        lock = folder_lock(index_dir, RUN_WAIT)
    except PermissionError as exc:
        raise IndexUnwritable(index_dir, exc.strerror) from exc
    if lock is None:
        raise IndexLocked(index_dir)
    return lock


def _run(corpus, index_dir, rebuild, progress, jobs, lock) -> IndexResult:
    unsealed, report = None, fingerprint(corpus)
    # Every stored analysis was made with another report: all are made again.
    rebuild = rebuild or current.report_changed(index_dir, report)
    try:
        create = catalog.blocked(index_dir) or not engine.reusable(index_dir, rebuild)
    except IndexUnsealed as exc:
        create, unsealed = True, str(exc)
    run, aside = _start_afresh(index_dir) if create else (engine.Run(index_dir, False), None)
    try:
        result = _apply(corpus, index_dir, run, rebuild or create, report, progress, jobs, lock)
        return replace(result, set_aside=aside and str(aside), unsealed=unsealed)
    except BaseException:
        run.cancel()
        raise


def _start_afresh(index_dir: Path):
    """A new, empty index in the folder, its catalog forgotten first (so that whatever
    happens next, the next run rebuilds). A folder that does not even allow that (a folder
    where a file should be, say) is moved aside whole, to `<name>.damaged`."""
    try:
        catalog.forget(index_dir)
        return engine.Run(index_dir, create=True), None
    except IndexUnwritable:
        raise
    except OSError:
        aside = index_dir.with_name(f"{index_dir.name}.damaged")
        try:
            shutil.rmtree(aside, ignore_errors=True)
            index_dir.rename(aside)
        except OSError as exc:
            raise IndexUnwritable(index_dir, exc.strerror or str(exc)) from exc
        return engine.Run(index_dir, create=True), aside


def _apply(corpus, index_dir, run, rebuild, report, progress, jobs, lock) -> IndexResult:
    old = {} if rebuild else catalog.load(index_dir)
    rebuild = rebuild or not old
    with corpus_lock(corpus):
        paths, passed_over = scan(corpus)
        overrides = load_overrides(corpus)
    changes = catalog.compare(paths, old, overrides)
    todo = [*changes.new, *changes.changed]
    if not rebuild:
        for doc_id in [*changes.removed, *(p.stem for p in todo)]:
            run.delete(doc_id)
    split = shares(todo, max(1, min(jobs or workers(len(todo)), len(todo))))
    try:
        if len(split) > 1:
            parts = in_workers(index_dir, split, overrides, progress, (run.lock_fd, lock))
        else:
            parts = [index_share(index_dir, todo, overrides, progress)]
        run.commit([segment for part in parts for segment in part.segments], clear=rebuild)
        failed = [doc_id for part in parts for doc_id in part.failed]
        removed = [*changes.removed, *failed]
        catalog.save(index_dir, [part.catalog for part in parts], removed, rebuild, report)
    finally:
        for path in index_dir.glob(catalog.PART_FILE.format("*")):
            path.unlink()
    updated = 0 if rebuild else len({p.stem for p in changes.changed} - set(failed))
    return IndexResult(
        added=sum(part.documents for part in parts) - updated,
        updated=updated,
        removed=len(changes.removed),
        unchanged=0 if rebuild else len(changes.current),
        skipped=(*passed_over, *(why for part in parts for why in part.skipped)),
        paragraphs=sum(part.paragraphs for part in parts),
    )
