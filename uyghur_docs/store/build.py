"""Building and refreshing the store: the search index and its catalog, from the corpus.

An indexing run compares the corpus with the catalog, deletes what changed or went, indexes
what is new or changed (in worker processes for a large run), commits the index, then the
catalog. Nothing is visible until the engine commits (an atomic rename of whoosh's table of
contents), so a run killed midway leaves the previous index answering.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from uyghur_docs import engine
from uyghur_docs.corpus.folder import scan
from uyghur_docs.corpus.metadata import load_overrides
from uyghur_docs.store import catalog
from uyghur_docs.store.workers import in_workers, index_share, shares, workers


@dataclass(frozen=True)
class IndexResult:
    """What an indexing run did."""

    added: int
    updated: int
    removed: int
    unchanged: int
    skipped: tuple[str, ...]
    paragraphs: int


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
    create = not engine.reusable(index_dir, rebuild)
    if create:
        # First, so that whatever happens next, the next run rebuilds.
        catalog.forget(index_dir)
    run = engine.Run(index_dir, create)
    try:
        return _apply(corpus, index_dir, run, rebuild or create, progress, jobs)
    except BaseException:
        run.cancel()
        raise


def _apply(corpus, index_dir, run, rebuild, progress, jobs) -> IndexResult:
    old = {} if rebuild else catalog.load(index_dir)
    rebuild = rebuild or not old
    paths, passed_over = scan(corpus)
    overrides = load_overrides(corpus)
    changes = catalog.compare(paths, old, overrides)
    todo = [*changes.new, *changes.changed]
    for doc_id in [*changes.removed, *(p.stem for p in changes.changed)]:
        run.delete(doc_id)
    split = shares(todo, max(1, min(jobs or workers(len(todo)), len(todo))))
    try:
        if len(split) > 1:
            parts = in_workers(index_dir, split, overrides, progress, run.lock_fd)
        else:
            parts = [index_share(index_dir, todo, overrides, progress)]
        run.commit([segment for part in parts for segment in part.segments], clear=rebuild)
        failed = [doc_id for part in parts for doc_id in part.failed]
        removed = [*changes.removed, *failed]
        catalog.save(index_dir, [part.catalog for part in parts], removed, clear=rebuild)
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
