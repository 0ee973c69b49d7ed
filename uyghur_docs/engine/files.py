"""The index folder: whether it holds an index, whether it can be trusted, opening it."""

import os
import stat
from pathlib import Path

from whoosh import index as whoosh_index

from uyghur_docs.engine.schema import DAMAGE, INDEX_NAME
from uyghur_docs.errors import IndexDamaged, IndexMissing, IndexUntrusted


def exists(index_dir: Path) -> bool:
    """Whether an index has been built in this folder."""
    return index_dir.is_dir() and any(index_dir.glob(f"_{INDEX_NAME}_*.toc"))


def _check_trust(index_dir: Path) -> None:
    """Refuse an index others could have written: whoosh's table of contents is a pickle,
    so opening an index runs whatever it holds."""
    for path in [index_dir, *index_dir.glob(f"_{INDEX_NAME}_*.toc")]:
        info = path.stat()
        if info.st_uid != os.getuid():
            why = "belongs to another user"
        elif info.st_mode & 0o022:
            why = f"is writable by group or others (mode {stat.filemode(info.st_mode)})"
        else:
            continue
        raise IndexUntrusted(index_dir, path, why)


def open_index(index_dir: Path):
    _check_trust(index_dir)
    try:
        return whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME)
    except whoosh_index.EmptyIndexError as exc:
        raise IndexMissing(index_dir) from exc
    except (*DAMAGE, OSError) as exc:
        raise IndexDamaged(index_dir, repr(exc)) from exc


def check(index_dir: Path) -> int:
    """Open the index and read its table of contents; the number of paragraphs in it."""
    ix = open_index(index_dir)
    try:
        with ix.searcher() as searcher:
            return searcher.doc_count()
    except DAMAGE as exc:
        raise IndexDamaged(index_dir, repr(exc)) from exc
