"""The index folder: whether it holds an index, whether it can be trusted, opening it.

Every reader of the index opens it here, and every failure to read it becomes IndexDamaged:
whoosh's own errors on reading the table of contents, then any file that differs from the
manifest of the last commit (`engine.manifest`), then an index in an older format
(OlderFormat: another codec's posting blocks, or another schema).
"""

import os
import stat
from pathlib import Path

from whoosh import index as whoosh_index

from uyghur_docs.engine import manifest
from uyghur_docs.engine.codec import BlockCodec
from uyghur_docs.engine.manifest import exists
from uyghur_docs.engine.schema import DAMAGE, INDEX_NAME, layout, schema
from uyghur_docs.errors import IndexDamaged, IndexMissing, IndexUntrusted

__all__ = ["OlderFormat", "exists", "open_index"]


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
    if not index_dir.is_dir():
        raise IndexMissing(index_dir)
    _check_trust(index_dir)
    try:
        ix = whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME)
    except whoosh_index.EmptyIndexError as exc:
        raise IndexMissing(index_dir) from exc
    except (*DAMAGE, OSError, TypeError, AttributeError, ImportError) as exc:
        raise IndexDamaged(index_dir, repr(exc)) from exc
    manifest.verify(index_dir)
    _check_format(index_dir, ix)
    return ix


class OlderFormat(IndexDamaged):
    """An index written by an older udocs, whose postings this one would misread."""

    def __init__(self, index_dir: Path):
        super().__init__(index_dir, "written by an older udocs, in another format")


def _check_format(index_dir: Path, ix) -> None:
    """Refuse an index whose segments or fields another codec or format wrote (whoosh
    would read it, the fast path would not)."""
    toc = ix._read_toc()
    written = {type(segment.codec()) for segment in toc.segments}
    if written - {BlockCodec} or layout(toc.schema) != layout(schema()):
        raise OlderFormat(index_dir)
